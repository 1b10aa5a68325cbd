"""Values written in the decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Thai) are found as their
ASCII twins are, and the span is the value's in the text as written.

Each case writes an ASCII text that the scrubber finds in a script's digits; the ASCII twin is asserted too, so
the test checks the digits' reading, not the rule. Controls: numbers in those digits that nothing sensitive makes
(a year, a price, a count) stay, as their ASCII twins do.
"""

from __future__ import annotations

import logging

import pytest

from maskline.text import find, scrub
from maskline.text.scrubber import scrubbed
from maskline.text.span_text import span_text, wide_folded

SCRIPTS = {
    "arabic_indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
}
# (ASCII text, its value, its type): the value is written in each script's digits.
SENSITIVE = [
    ("هاتف: 0501234567", "0501234567", "PHONE"),
    ("tel 0501234567", "0501234567", "PHONE"),
    ("call +971 50 123 4567 today", "+971 50 123 4567", "PHONE"),
    ("SSN 536-90-4399", "536-90-4399", "US_SSN"),
    ("card 4111111111111111 declined", "4111111111111111", "CREDIT_CARD"),
    ("card 4111 1111 1111 1111", "4111 1111 1111 1111", "CREDIT_CARD"),
    ("IBAN DE89370400440532013000", "DE89370400440532013000", "IBAN"),
    ("iban de89 3704 0044 0532 0130 00 ok", "de89 3704 0044 0532 0130 00", "IBAN"),
]
# Numbers that nothing sensitive makes: a year, a price, a count, an order number.
NOT_SENSITIVE = ["السعر 2024 ريال", "عام 1984", "العدد 1234567", "order 5002 shipped", "rows 12.345.678",
                 "at 2026-11-23 19:23:55"]


def _written(text: str, digits: str) -> str:
    return text.translate(str.maketrans("0123456789", digits))


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("ascii_text", "value", "info_type"), SENSITIVE)
def test_a_value_in_a_scripts_digits_is_found_where_its_ascii_twin_is(script: str, ascii_text: str, value: str,
                                                                       info_type: str) -> None:
    assert [(f.type, ascii_text[f.start:f.end]) for f in find(ascii_text)] == [(info_type, value)]
    text = _written(ascii_text, SCRIPTS[script])
    found = find(text)
    # The span is the value's as written: its slice of the original text holds the script's digits.
    assert [(f.type, text[f.start:f.end]) for f in found] == [(info_type, _written(value, SCRIPTS[script]))]
    assert scrubbed(text) == scrub(text)[0] == scrub(ascii_text)[0] == ascii_text.replace(value, f"[{info_type}]")


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("ascii_text", NOT_SENSITIVE)
def test_numbers_nothing_sensitive_makes_stay_in_any_script(script: str, ascii_text: str) -> None:
    text = _written(ascii_text, SCRIPTS[script])
    assert find(ascii_text) == [] and find(text) == []
    assert scrubbed(text) == text


def test_thai_digits_are_read_as_digits_not_as_boundaries() -> None:
    # Thai digits lie in the range of Thai letters, which the reading turns into boundaries: digits come first.
    text = "โทร ๐๘๑๒๓๔๕๖๗๘ ได้เลย"
    assert [(f.type, text[f.start:f.end]) for f in find(text)] == [("PHONE", "๐๘๑๒๓๔๕๖๗๘")]
    assert find("ราคา ๒๕๖๗ บาท") == []  # a price (and a Buddhist-era year) in Thai digits


def test_mixed_scripts_keep_every_span_exact() -> None:
    text = "Kunde ana@correo.es, هاتف ٠٥٠١٢٣٤٥٦٧, 電話０９０１２３４５６７８, card ४१११ १११ १११११११११ no, ssn 536-90-4399"
    found = find(text)
    assert [(f.type, text[f.start:f.end]) for f in found] == [
        ("EMAIL", "ana@correo.es"), ("PHONE", "٠٥٠١٢٣٤٥٦٧"), ("PHONE", "０９０１２３４５６７８"),
        ("CREDIT_CARD", "४१११ १११ १११११११११"), ("US_SSN", "536-90-4399")]
    assert scrub(text)[0] == "Kunde [EMAIL], هاتف [PHONE], 電話[PHONE], card [CREDIT_CARD] no, ssn [US_SSN]"


def test_a_number_mixing_ascii_and_script_digits_is_read_whole() -> None:
    text = "card 4111 ١١١١ 1111 ۱۱۱۱"
    assert [(f.type, text[f.start:f.end]) for f in find(text)] == [("CREDIT_CARD", "4111 ١١١١ 1111 ۱۱۱۱")]


def test_a_failing_checksum_in_script_digits_is_still_refused() -> None:
    # The digits are read, not trusted: a card whose Luhn check fails is no card in any script (a control).
    for script in SCRIPTS.values():
        assert find(_written("card 4111 1111 1111 1112 bad", script)) == []


def test_the_allow_list_names_values_as_written() -> None:
    text = "tel ٠٥٠١٢٣٤٥٦٧"
    assert scrub(text)[0] == "tel [PHONE]"
    assert scrub(text, allow_list=["٠٥٠١٢٣٤٥٦٧"])[0] == text


def test_the_readings_keep_every_offset_and_leave_ascii_alone() -> None:
    from maskline.script_digits import ascii_digits, has_other_digits

    for script in SCRIPTS.values():
        for ascii_text, *_ in SENSITIVE:
            text = _written(ascii_text, script)
            assert span_text(text) == wide_folded(text) == ascii_digits(text) == ascii_text
    plain = "order 5002 shipped"
    assert span_text(plain) is plain and wide_folded(plain) is plain and ascii_digits(plain) is plain
    assert not has_other_digits("m² ① ½ Ⅻ")  # numbers that are no decimal digits stay as they are
    assert ascii_digits("m² ① ½ Ⅻ") == "m² ① ½ Ⅻ"


def test_the_prose_pass_reads_script_digits_too() -> None:
    # An ICD-10 code's pattern reads ASCII digits after its letter; birth dates and phones were read before.
    for script in SCRIPTS.values():
        text = _written("ICD-10 code E11.9 diagnosed, born on 1984-07-21, tel 0501234567", script)
        assert scrub(text, prose=True)[0] == _written("ICD-10 code ", script) + (
            "[ICD10_CODE] diagnosed, born on [DATE_OF_BIRTH], tel [PHONE]")


# Faces that call the scrubber get the reading with it.
def test_the_log_filter_scrubs_a_phone_in_arabic_indic_digits() -> None:
    from airflow_plugin.log_filter import MasklineLogFilter

    record = logging.LogRecord("task", logging.INFO, __file__, 1, "هاتف العميل: %s, ssn %s",
                               ("٠٥٠١٢٣٤٥٦٧", "١٢٣-٤٥-٦٧٨٩"), None)
    assert MasklineLogFilter().filter(record) is True
    assert record.getMessage() == "هاتف العميل: [PHONE], ssn [US_SSN]"
    year = logging.LogRecord("task", logging.INFO, __file__, 1, "عام %s", ("١٩٨٤",), None)
    MasklineLogFilter().filter(year)
    assert year.getMessage() == "عام ١٩٨٤"


def test_openlineage_sql_and_error_texts_scrub_script_digits() -> None:
    from openlineage_ext.scrubbing import scrub_error_text, scrub_sql

    sql = "SELECT * FROM crm.customers WHERE card = ٤١١١١١١١١١١١١١١١ AND n = 5"
    assert scrub_sql(sql, mode="detected") == "SELECT * FROM crm.customers WHERE card = '[CREDIT_CARD]' AND n = 5"
    assert scrub_error_text("lookup failed for tel ۰۵۰۱۲۳۴۵۶۷") == "lookup failed for tel [PHONE]"


def test_agent_messages_scrub_script_digits() -> None:
    from pydantic_ai.messages import ModelRequest, ModelResponse, TextPart, ToolReturnPart, UserPromptPart

    from airflow_plugin.agents.scrubbing import scrub_message

    request = scrub_message(ModelRequest(parts=[
        UserPromptPart("summarize the calls to tel ۰۵۰۱۲۳۴۵۶۷ in ١٩٨٤"),
        ToolReturnPart("query", {"rows": [["Ana", "tel ٠٥٠١٢٣٤٥٦٧"]], "count": "١٢"}, "call-1")]))
    assert request.parts[0].content == "summarize the calls to tel [PHONE] in ١٩٨٤"
    assert request.parts[1].content == {"rows": [["Ana", "tel [PHONE]"]], "count": "١٢"}
    response = scrub_message(ModelResponse(parts=[TextPart("card ४१११ १११ १११११११११ was declined")]))
    assert response.parts[0].content == "card [CREDIT_CARD] was declined"
