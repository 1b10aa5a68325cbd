"""Phones of regions no list names, read by their values (issue 15, ``extcsv28``): Cape Verde's numbers stored as
integers, half with their calling code, under a phone name the listed regions cannot validate; Guinea's fixed
lines (``30`` and six digits, a sparse length of its plan) beside its mobiles, with and without ``224``. Controls:
a branch code before drawn accounts at Guinea's sparse length, and drawn ids behind Cape Verde's code under a
phone name, stay unread by the plans.

Numbers are drawn here with fixed seeds (valid by phonenumbers); none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType

from maskline.classify import classify_column
from maskline.infotypes import phone_plans
from maskline.infotypes.phone_plans import calling_code_fit


def _valid(region: str, kind: int, rng: random.Random) -> str:
    """A valid national significant number of the region: its example number, the last five digits redrawn."""
    example = phonenumbers.example_number_for_type(region, kind)
    nsn = phonenumbers.national_significant_number(example)
    while True:
        digits = nsn[:-5] + "".join(rng.choice("0123456789") for _ in range(5))
        if phonenumbers.is_valid_number_for_region(phonenumbers.parse(digits, region), region):
            return digits


def _stored(region: str, rng: random.Random, n: int = 300) -> list[int]:
    """Integers as exports store phones: E.164 without the ``+`` half the time, else the national number."""
    code = str(phonenumbers.country_code_for_region(region))
    kinds = (PhoneNumberType.MOBILE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE)
    return [int((code if rng.random() < 0.5 else "") + _valid(region, rng.choice(kinds), rng)) for _ in range(n)]


def test_cape_verde_integers_under_a_phone_name_are_phones() -> None:  # fails on main: None
    values = _stored("CV", random.Random(281))
    verdict = classify_column("mob_no", values)
    assert verdict.info_type == "PHONE"
    assert any(e.startswith("values:calling-code CV") for e in verdict.evidence)


def test_guinea_fixed_lines_beside_mobiles_are_phones_by_values() -> None:  # fails on main: None
    values = _stored("GN", random.Random(282))
    assert any(len(str(v)) == 11 and str(v).startswith("22430") for v in values)  # fixed lines, coded, present
    verdict = classify_column("attr7", values)
    assert verdict.info_type == "PHONE"
    assert any(e.startswith("values:calling-code GN") for e in verdict.evidence)


def test_a_branch_code_before_accounts_at_a_sparse_length_is_no_calling_code_fit(
        monkeypatch: pytest.MonkeyPatch) -> None:  # control
    rng = random.Random(283)
    # Guinea's code before eight drawn digits half the time (the length of its fixed lines, 1% of which are valid):
    # the coded runs are no subscribers' numbers, and the length proves nothing.
    values = [("224" if rng.random() < 0.5 else "") + rng.choice("123456789")
              + "".join(rng.choice("0123456789") for _ in range(7)) for _ in range(200)]
    assert calling_code_fit(values) is None
    # Not trivially: were every coded run taken for a subscriber's number, the forms would fit.
    monkeypatch.setattr(phone_plans, "subscriber_number", lambda digits: True)
    assert calling_code_fit(values) is not None


def test_drawn_ids_behind_a_calling_code_under_a_phone_name_are_not_read_by_the_plans(
        monkeypatch: pytest.MonkeyPatch) -> None:  # control
    rng = random.Random(284)
    values = [int(rng.choice(["238", ""]) + rng.choice("123456789") + "".join(rng.choice("0123456789")
                                                                           for _ in range(6))) for _ in range(300)]
    # Valid about as often as random digits behind Cape Verde's prefixes: no plan reading, even a weak one.
    assert not any("calling-code" in e or "phone-plan" in e for e in classify_column("mob_no", values).evidence)
    # Not trivially: were chance no test, the calling code's forms would be read.
    monkeypatch.setattr(phone_plans, "CALLING_CODE_P", 1.0)
    assert any("calling-code CV" in e for e in classify_column("mob_no", values).evidence)
