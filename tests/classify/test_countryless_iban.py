"""Bank accounts in the shapes exports leave them (issue 15, ``extcsv41``): IBANs kept without their country code
(:mod:`maskline.infotypes.countryless_iban`), IBANs grouped by dashes, and New Zealand accounts spaced, without
separators or stored as integers (their bank's leading zero lost).

Look-alikes that must stay untyped: codes of the country-less form whose check digits fail, drawn digits of every
length (the rule's chance is measured here, as the detector's ``chance`` states it), order numbers, dashed pieces of
UUIDs, New Zealand bank-branch codes alone, drawn integers of a New Zealand account's lengths; card numbers stay
cards. Values are drawn here by seeded generators; the IBANs' check digits are python-stdnum's.
"""

from __future__ import annotations

import random
from typing import Any

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.infotypes.countryless_iban import countries, iban_without_country
from maskline.infotypes.validators import _nz_unseparated, bank_account_checked, iban

N = 60
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _iban(rng: random.Random, country: str) -> str:
    """A valid IBAN: a BBAN of the country's layout and the check digits python-stdnum computes."""
    from stdnum import iban as stdnum_iban

    layout = {"NL": "aaaa" + "n" * 10, "IE": "aaaa" + "n" * 14, "GB": "aaaa" + "n" * 14, "IT": "a" + "n" * 10 + "n" * 12,
              "DE": "n" * 18, "GR": "n" * 23, "RO": "aaaa" + "n" * 16}[country]
    bban = "".join(rng.choice(LETTERS) if c == "a" else rng.choice("0123456789") for c in layout)
    return country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban


def _four(text: str) -> str:
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _nz(rng: random.Random, banks: tuple[int, ...] = (1, 2, 3, 6, 12, 38)) -> str:
    from stdnum.nz import bankaccount

    while True:
        number = f"{rng.choice(banks):02d}{_digits(rng, 4)}{_digits(rng, 7)}{_digits(rng, 3)}"
        if bankaccount.is_valid(number):
            return number


def _classify(values: list, name: str = "c3") -> str | None:
    return classify(pd.DataFrame({name: values}), table="t").columns[0].info_type


# ---------------------------------------------------------------- the value rule


@pytest.mark.parametrize("country", ["NL", "IE", "GB", "IT", "DE"])
def test_an_iban_without_its_country_is_one_in_every_written_form(country: str) -> None:
    rng = random.Random(country)
    for _ in range(20):
        number = _iban(rng, country)[2:]
        assert country in countries(number)
        assert iban_without_country(_four(number)) and iban_without_country(_four(number).lower())
        assert iban_without_country(_four(number).replace(" ", "-"))


def test_one_check_digit_off_or_the_country_kept_is_none() -> None:
    rng = random.Random(2)
    for _ in range(20):
        number = _iban(rng, "NL")[2:]
        off = f"{(int(number[:2]) + 1) % 100:02d}" + number[2:]
        assert not iban_without_country(off)
        assert not iban_without_country("NL" + number)  # a whole IBAN is the IBAN detector's


@pytest.mark.parametrize("length", range(13, 33))
def test_drawn_digits_pass_no_more_often_than_the_detectors_chance(length: int) -> None:
    # The detector states chance=0.1: drawn digits of every length must pass less often (at most about one in
    # eleven, where eight countries' BBANs share a length). Were the layout not checked, every length would pass
    # one time in 97 per country of the registry of that length, or more.
    rng = random.Random(length)
    drawn = [_digits(rng, length) for _ in range(1500)]
    assert sum(map(iban_without_country, drawn)) / len(drawn) < 0.1


def test_drawn_codes_with_letters_pass_about_once_in_fifty() -> None:
    rng = random.Random(5)
    drawn = [_digits(rng, 2) + "".join(rng.choice(LETTERS) for _ in range(4)) + _digits(rng, 10) for _ in range(3000)]
    assert sum(map(iban_without_country, drawn)) / len(drawn) < 0.03


def test_new_zealand_accounts_unseparated_or_as_integers_and_their_chance() -> None:
    rng = random.Random(7)
    for _ in range(20):
        d = _nz(rng, banks=(1, 2, 3, 6))
        assert _nz_unseparated(d) and _nz_unseparated(d.lstrip("0"))  # an integer drops the bank's zero
        assert bank_account_checked(f"{d[:2]} {d[2:6]} {d[6:13]} {d[13:]}")
        assert bank_account_checked(f"{d[:2]}-{d[2:6]}-{d[6:13]}-{d[13:]}")
        assert not bank_account_checked(f"{d[:2]} {d[2:6]}-{d[6:13]} {d[13:]}")  # separators mixed: no printed form
    for length in (14, 15, 16):
        drawn = [_digits(rng, length) for _ in range(5000)]
        assert sum(map(_nz_unseparated, drawn)) / len(drawn) < 0.005
    assert bank_account_checked("11773016-11111018")  # a Hungarian account of 16 digits is read as before


def test_dashed_ibans_are_ibans_and_dashed_uuid_pieces_are_not() -> None:
    rng = random.Random(9)
    for country in ("GR", "RO", "DE"):
        assert iban(_four(_iban(rng, country)).replace(" ", "-"))
    assert not iban("de15-41aa-89c7-3b2e-9f00")


# ---------------------------------------------------------------- columns under opaque names (fail on main)


@pytest.mark.parametrize("form", ["compact", "spaced", "lower"])
def test_a_column_of_countryless_ibans_is_bank_accounts(form: str) -> None:
    rng = random.Random(form)
    numbers = [_iban(rng, rng.choice(["NL", "IE", "IT"]))[2:] for _ in range(N)]
    values = {"compact": numbers, "spaced": [_four(n) for n in numbers],
              "lower": [_four(n).lower() for n in numbers]}[form]
    assert _classify(values) == "BANK_ACCOUNT"


def test_a_sparse_column_of_countryless_ibans_under_a_dutch_name() -> None:
    rng = random.Random(11)
    values = [_iban(rng, "NL")[2:] if rng.random() < 0.2 else None for _ in range(200)]
    assert _classify(values, "rekening") == "BANK_ACCOUNT"


def test_a_column_of_dashed_ibans_is_ibans() -> None:
    rng = random.Random(12)
    assert _classify([_four(_iban(rng, rng.choice(["GR", "RO"]))).replace(" ", "-") for _ in range(N)]) == "IBAN"


@pytest.mark.parametrize("form", ["spaced", "plain", "integer"])
def test_a_column_of_new_zealand_accounts_is_bank_accounts(form: str) -> None:
    rng = random.Random(form)
    numbers = [_nz(rng) for _ in range(N)]
    forms: dict[str, list[Any]] = {"spaced": [f"{d[:2]} {d[2:6]} {d[6:13]} {d[13:]}" for d in numbers],
                                   "plain": list(numbers), "integer": [int(d) for d in numbers]}
    values = forms[form]
    assert _classify(values) == "BANK_ACCOUNT"


# ---------------------------------------------------------------- look-alikes stay untyped


def test_codes_of_the_form_whose_check_digits_fail_stay_untyped() -> None:
    from stdnum import iban as stdnum_iban

    rng = random.Random(13)
    values: list[str] = []
    while len(values) < N:
        code = _digits(rng, 2) + "".join(rng.choice(LETTERS) for _ in range(4)) + _digits(rng, 10)
        if not stdnum_iban.is_valid("NL" + code):
            values.append(code)
    assert _classify(values) is None


@pytest.mark.parametrize("make", [
    lambda r: f"{r.randint(2021, 2026)}{_digits(r, 12)}",  # order numbers of 16 digits
    lambda r: r.randint(10**14, 10**15 - 1),  # drawn 15-digit integers (a New Zealand account's length)
    lambda r: r.randint(10**13, 10**14 - 1),
    lambda r: f"{r.choice([1, 2, 3, 12, 38]):02d}-{_digits(r, 4)}",  # bank-branch codes alone
])
def test_look_alikes_of_new_zealand_accounts_stay_untyped(make) -> None:
    rng = random.Random(14)
    assert _classify([make(rng) for _ in range(N)]) != "BANK_ACCOUNT"


def test_card_numbers_stay_cards() -> None:
    from stdnum import luhn

    rng = random.Random(15)
    cards = []
    for _ in range(N):
        prefix = rng.choice(["4", "51", "35"])
        body = prefix + _digits(rng, 15 - len(prefix))
        cards.append(body + luhn.calc_check_digit(body))
    assert _classify(cards) == "CREDIT_CARD"
