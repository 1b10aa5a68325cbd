"""Two phone leaks of the default scrubber (the log filter's) and their classes.

1. A phone noun as the first part of a camelCase key that goes on with another part: on main
   ``phoneType: 0412345678`` stayed raw while its snake_case twin ``phone_type: 0412345678`` was masked (a key's
   first part counted only before the word for "number"). The key is now read as its parts: such a part cues the
   digits after it as a verb cue does, so the number must prove itself (a trunk zero and valid in a plan,
   ``validators.phone_digits_cued``); "phoneType: mobile", "cellCount: 12345678" and order numbers after other
   keys stay.
2. A national trunk prefix written as its own group (``8 916 123-45-67`` in Russia, ``1 415 555 2671`` in North
   America, ``06 30 123 4567`` in Hungary): on main the phone rules took the groups after it and left the trunk in
   clear beside the mask (``моб. 8 [PHONE]``). The trunk prefixes are phonenumbers' metadata's (``national_prefix``),
   and the span is widened only when the digits with the trunk are valid in a plan that dials it.
"""

from __future__ import annotations

import random

import pytest

from maskline.text import scrub

CAMEL_FIRST_PART = [
    ("phoneType: 0412345678", "phoneType: [PHONE]"),
    ('{"phoneType": "0412345678"}', '{"phoneType": "[PHONE]"}'),
    ("PhoneType=0412345678", "PhoneType=[PHONE]"),
    ("phoneType: 020 7946 0958", "phoneType: [PHONE]"),
    ("telExt=0301234567", "telExt=[PHONE]"),
    ("mobileHome: 0612345678", "mobileHome: [PHONE]"),
    ("level=INFO event=update phoneType=0412345678 user=42", "level=INFO event=update phoneType=[PHONE] user=42"),
    ("phoneType: '0412345678'", "phoneType: '[PHONE]'"),  # YAML
]

# Every spelling of a key holding "phone" that the brief names: snake, kebab, camel first or later part, an
# abbreviation with a point; JSON, YAML and log key=value forms.
KEY_FORMS = ["phone_type", "phone-type", "phoneType", "mobilePhone", "phoneNo", "contactPhone", "tel.", "PHONE_TYPE"]
VALUE_FORMS = ['{{"{key}": "{number}"}}', "{key}: {number}", "{key}={number}"]

TRUNK = [
    ("моб. 8 916 123-45-67", "моб. [PHONE]"),
    ("моб.: 8 (916) 123 45 67", "моб.: [PHONE]"),
    ("тел. 8 916 123 45 67", "тел. [PHONE]"),
    ("mobile 8 029 123-45-67", "mobile [PHONE]"),  # Belarus
    ("call 1 415 555 2671 today", "call [PHONE] today"),
    ("tel 06 30 123 4567", "tel [PHONE]"),  # Hungary (found whole on main too: a control that stays)
    ("8 916 123-45-67", "[PHONE]"),  # no cue: the groups are a phone by themselves, the trunk goes with them
]

# Forms the phone rules did not find at all, or found without the area code glued to the trunk, on main: after a cue,
# a trunk group, then the rest (spans._TRUNK_GROUP_PHONE, validators.phone_trunk_group).
TRUNK_GROUP_AFTER_A_CUE = [
    ("моб. 8-916-123-45-67", "моб. [PHONE]"),
    ("моб. 8(916)123-45-67", "моб. [PHONE]"),  # main: "моб. 8(916)[PHONE]"
    ("телефон: 8 916 1234567", "телефон: [PHONE]"),
    ("тел. 8 9161234567", "тел. [PHONE]"),
    ("mobile: 8.916.123.45.67", "mobile: [PHONE]"),
    ("call 1-415-555-2671", "call [PHONE]"),
    ("phoneType: 8 916 123-45-67", "phoneType: [PHONE]"),
]

RAW = [
    "phoneType: mobile",
    "phoneType: 98765432",  # no trunk zero: a code as often as a phone, as on main
    "cellCount: 12345678",
    "orderNo: 0412345678",
    "orderType: 0412345678",
    "invoiceId=0412345678",
    "version 8 916 1234",
    "build 8 916 1234 done",
    "phones: 0412345678",  # a plural is no key part of its own
    "telemetryId: 0412345678",
]


@pytest.mark.parametrize(("text", "expected"), CAMEL_FIRST_PART)
def test_phone_noun_as_a_camel_keys_first_part_cues_a_valid_number(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("key", KEY_FORMS)
@pytest.mark.parametrize("form", VALUE_FORMS)
def test_every_spelling_of_a_phone_key_masks_a_national_number_with_its_trunk_zero(key: str, form: str) -> None:
    text = form.format(key=key, number="0412345678")
    out = scrub(text)[0]
    assert "0412345678" not in out and "[PHONE]" in out, out


@pytest.mark.parametrize("form", VALUE_FORMS)
def test_same_number_after_a_key_naming_something_else_stays_raw(form: str) -> None:
    """The control for the spellings above: the number alone is no phone to the scrubber."""
    for key in ("orderType", "order_type", "invoiceNo", "batch-id"):
        text = form.format(key=key, number="0412345678")
        assert scrub(text)[0] == text


@pytest.mark.parametrize(("text", "expected"), TRUNK)
def test_trunk_prefix_written_before_the_number_is_masked_with_it(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), TRUNK_GROUP_AFTER_A_CUE)
def test_trunk_group_number_after_a_phone_cue_is_masked_whole(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


@pytest.mark.parametrize("text", ["tel. 3-415-555-2671", "моб. 8-030-123-45", "call 1-2-3-4", "tel. 8 916 1234",
                                  "order 8-916-123-45-67"])
def test_trunk_group_that_no_plan_dials_or_no_cue_stays_raw(text: str) -> None:
    """Controls: a digit no plan dials as its trunk, a number not valid with it, too few digits, no phone cue."""
    assert scrub(text)[0] == text


@pytest.mark.parametrize("text", RAW)
def test_no_number_or_a_key_naming_something_else_stays_raw(text: str) -> None:
    assert scrub(text)[0] == text


@pytest.mark.parametrize(("text", "expected"), [
    ("room 8 030 1234567", "room 8 [PHONE]"),  # no plan dials 8 before a 0: the 8 is not this number's
    ("qty 3 415 555 2671", "qty 3 [PHONE]"),  # 3 is no plan's trunk prefix
    ("v1.8 916 123-45-67", "v1.8 [PHONE]"),  # the digit ends a version, not a group of its own
])
def test_a_digit_before_a_phone_that_is_no_trunk_of_it_stays(text: str, expected: str) -> None:
    assert scrub(text)[0] == expected


def test_trunk_and_number_never_reach_the_output_seeded() -> None:
    """Seeded Russian mobiles in the ways they are written with their trunk 8, after a Russian cue or none: no digit
    of the number stays, the trunk included."""
    rng = random.Random(20261205)
    checked = 0
    for _ in range(40):
        rest = "9" + "".join(rng.choice("0123456789") for _ in range(9))
        a, b, c, d = rest[:3], rest[3:6], rest[6:8], rest[8:]
        written = rng.choice([f"8 {a} {b}-{c}-{d}", f"8 ({a}) {b}-{c}-{d}", f"8 {a} {b} {c} {d}"])
        text = f"{rng.choice(['моб.', 'тел.', 'телефон:', 'Контакт'])} {written}, спасибо"
        out, found = scrub(text)
        if not found:
            continue  # not a valid number in the plan (a few blocks of 9xx are unassigned)
        assert out.endswith("[PHONE], спасибо") and not any(ch.isdigit() for ch in out), (text, out)
        checked += 1
    assert checked >= 30
