"""Secrets of a few digits (card security codes, PINs, one-time codes) are known by their column's name alone, and
a name that says which code a column of fixed-width digits holds is believed over the postal-code shape.

Before: a ``cvv`` column of three-digit integers read as confidently not sensitive and passed raw under the
fail-closed default, and an ``mrn`` column of six-digit strings read as postal codes (whose generalisation keeps two
digits of each record number). English-speaking countries' personal numbers (SIN, ITIN) are known under their own
names. Each test has a control: the same digits under another name.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

RNG = random.Random(33)


def _method(name: str, values: list) -> str | None:
    """The masking method the fail-closed default gives the column (None: passed raw)."""
    method = decide_unnamed(load_policy({}), name, classify_column(name, values)).method
    return None if method is None else method.name


@pytest.mark.parametrize("name", ["cvv", "CVV2", "cvc", "card_security_code", "pin", "atm_pin", "otp", "otp_code"])
@pytest.mark.parametrize("as_text", [False, True])
def test_a_few_digits_under_a_secrets_name_are_a_password_and_are_redacted(name: str, as_text: bool) -> None:
    codes = [RNG.randint(100, 9999) for _ in range(300)]
    values = [str(c) for c in codes] if as_text else codes
    c = classify_column(name, values)
    assert (c.info_type, c.confidence >= 0.85) == ("PASSWORD", True)
    assert _method(name, values) == "redact"


@pytest.mark.parametrize("name", ["quantity", "pass_yards", "pass_att", "security_deposit"])
def test_control_the_same_digits_under_a_counts_name_are_not_a_secret(name: str) -> None:
    counts = [RNG.randint(100, 999) for _ in range(300)]
    assert classify_column("cvv", counts).info_type == "PASSWORD"
    # Nothing in the digits says "secret": only a secret's own name does, not the generic `pass` hint (football
    # statistics) nor a word of a secret's name alone (a deposit is no security code).
    assert classify_column(name, counts).info_type is None


def test_a_secrets_name_never_wins_over_values_of_another_kind() -> None:
    mails = [f"user{i}@example.org" for i in range(300)]
    assert classify_column("cvv", mails).info_type == "EMAIL"
    assert classify_column("pin", ["yes", "no"] * 150).info_type is None  # no digits: no numeric secret


def test_indias_pin_code_is_a_postal_code_not_a_secret() -> None:
    pins = [str(RNG.randint(110000, 855999)) for _ in range(300)]
    assert classify_column("pincode", pins).info_type == "POSTAL_CODE"
    assert classify_column("pin", [p[:4] for p in pins]).info_type == "PASSWORD"


@pytest.mark.parametrize(("name", "expected"), [
    ("mrn", "MEDICAL_RECORD_NUMBER"), ("account_number", "BANK_ACCOUNT"), ("passport_no", "PASSPORT"),
])
def test_a_name_saying_which_code_beats_the_postal_shape_of_fixed_width_digits(name: str, expected: str) -> None:
    drawn = [f"{RNG.randint(0, 999_999):06d}" for _ in range(300)]
    assert classify_column(name, drawn).info_type == expected
    # Control: without a name the shape still reads as postal codes (masked), and under a postal name surely so.
    assert classify_column("c7", drawn).info_type == "POSTAL_CODE"
    assert classify_column("zip", drawn).info_type == "POSTAL_CODE"


@pytest.mark.parametrize(("name", "locale", "provider"), [
    ("sin", "en_CA", "ssn"), ("social_insurance_number", "en_CA", "ssn"), ("itin", "en_US", "itin"),
    ("taxpayer_id", "en_US", "itin"),
])
def test_english_speaking_countries_personal_numbers_under_their_own_names(name: str, locale: str,
                                                                            provider: str) -> None:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(5)
    values = [getattr(fake, provider)() for _ in range(300)]
    assert classify_column(name, values).info_type == "NATIONAL_ID"
    assert classify_column("c7", values).info_type != "NATIONAL_ID"  # control: the values alone do not decide


def test_a_personal_numbers_name_over_prices_is_no_national_id() -> None:
    prices = [round(RNG.uniform(20_000, 35_000), 2) for _ in range(300)]  # tin, the metal, per tonne
    assert classify_column("tin_price", prices).info_type is None
