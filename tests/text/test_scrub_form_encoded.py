"""Values written as an HTML form or JavaScript's ``escape()`` writes them are scrubbed as their reader reads them.

A form (``application/x-www-form-urlencoded``) writes a space as ``+``: an access log's query
(``/users?name=Ann+Lee+Smith``) or a logged form body (``name=Ann+Lee&email=ann%40x.org``) holds a name, a card
or a phone spelled so. JavaScript's ``escape()`` writes ``%uXXXX`` (``ann%u0040example.org``). On main f271cd6
every value below passed raw, or a name in part (``[PERSON_NAME]+Lee+Smith``). A ``+`` is a space in a query or a
run of ``key=value&key=value`` pairs only, never a phone's leading plus, and text outside keeps its place.

Like test_scrub_encoded.py's texts, these are kept out of the SQL parity corpus (SQL scrub reads no encoding).
"""

from __future__ import annotations

import pytest

from maskline.text import find, scrub
from maskline.text.escaped import reading
from maskline.text.scrubber import scrubbed

PROSE = [  # (as written, as scrubbed with the prose pass): names are found by the prose pass only
    ("GET /users?name=Ann+Lee+Smith&email=ann%40x.org HTTP/1.1", "GET /users?name=[PERSON_NAME]&email=[EMAIL] HTTP/1.1"),
    ("GET /search?q=John+Smith HTTP/1.1", "GET /search?q=[PERSON_NAME] HTTP/1.1"),
    ("POST /signup body: plan=pro&email=ann%40x.org&name=Ann+Lee", "POST /signup body: plan=pro&email=[EMAIL]&name=[PERSON_NAME]"),
    ("GET /users?name=Jos%u00e9+Garc%u00eda&page=2", "GET /users?name=[PERSON_NAME]&page=2"),
]


@pytest.mark.parametrize(("text", "expected"), PROSE, ids=[t[:40] for t, _ in PROSE])
def test_a_name_written_as_a_form_writes_it_is_masked_whole(text: str, expected: str) -> None:
    assert scrub(text, prose=True)[0] == expected


def test_the_duckdb_prose_pass_reads_a_form_name_too() -> None:
    pa = pytest.importorskip("pyarrow")
    from maskline.engine.prose_pass import scrub_batch

    out = scrub_batch(pa.array(["GET /search?q=John+Smith HTTP/1.1", None]))
    assert out.to_pylist() == ["GET /search?q=[PERSON_NAME] HTTP/1.1", None]


LOG = [  # (as written, as scrubbed on the log filter's path, no prose pass)
    ("GET /contact?to=ann%u0040example.org HTTP/1.1", "GET /contact?to=[EMAIL] HTTP/1.1"),
    ("js: escape() gave ann%u0040example.org", "js: escape() gave [EMAIL]"),
    ("GET /pay?card=4111+1111+1111+1111&amount=12", "GET /pay?card=[CREDIT_CARD]&amount=12"),
    ("GET /callback?phone=+44+20+7946+0958&ok=1", "GET /callback?phone=[PHONE]&ok=1"),
]


@pytest.mark.parametrize(("text", "expected"), LOG, ids=[t[:40] for t, _ in LOG])
def test_a_value_written_with_form_spaces_or_u_escapes_is_masked(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected
    assert scrubbed(text) == expected  # the log filter's path


def test_a_surrogate_pair_of_u_escapes_reads_as_one_character_from_both() -> None:
    read, origin = reading("x%uD83D%uDE00y")
    assert read == "x\U0001f600y"
    assert [origin.span(i) for i in range(3)] == [(0, 1), (1, 13), (13, 14)]


def test_the_span_is_the_encoded_value_as_written_and_the_text_around_keeps_its_place() -> None:
    text = "GET /users?name=Ann+Lee+Smith&sort=a+b&page=2 HTTP/1.1 took 12+3 ms"
    assert [text[f.start:f.end] for f in find(text)] == []  # no validated value: names are the prose pass's
    out, findings = scrub(text, prose=True)
    assert [(f.type, text[f.start:f.end]) for f in findings] == [("PERSON_NAME", "Ann+Lee+Smith")]
    start = text.index("Ann+Lee+Smith")
    assert out == text[:start] + "[PERSON_NAME]" + text[start + len("Ann+Lee+Smith"):]


CONTROLS = [  # Control: a + that is no form's space reads as written, and these pass as before
    "phone +44 20 7946 0958",
    "tel:+14155550123",
    "a+b=c",
    "x = a+b=c; y=1",
    "2026-12-06T03:51:14+00:00 level=info msg=started",
    "GET /search?q=a+b+c HTTP/1.1",
    "C++ and 1+1=2",
    "GET /a%2Bb 200",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_control_text_with_a_plus_and_no_value_reads_and_scrubs_as_before(text: str) -> None:
    expected = {"phone +44 20 7946 0958": "phone [PHONE]", "tel:+14155550123": "tel:[PHONE]"}.get(text, text)
    assert scrub(text)[0] == expected
    assert scrubbed(text) == expected
    assert scrub(text, prose=True)[0] == expected


@pytest.mark.parametrize(("text", "plus"), [
    ("phone +44 20 7946 0958", True), ("tel:+14155550123", True), ("a+b=c", True),
    ("GET /?phone=+442079460958&x=1", True),  # a leading plus opens the value: the number's own
    ("GET /?to=tel:+14155550123&x=1", True),
    ("2026-12-06T03:51:14+00:00 level=info", True),
    ("GET /s?q=John+Smith", False), ("name=Ann+Lee&email=x", False),
])
def test_only_a_form_space_is_read_as_a_space(text: str, plus: bool) -> None:
    read = reading(text)
    if plus:
        assert read is None  # nothing read otherwise: the + stays where it is
    else:
        assert read is not None and "+" not in read[0] and len(read[0]) == len(text)
