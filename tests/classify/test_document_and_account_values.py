"""Passports and bank accounts under opaque names, read from a column's template (classify/document_numbers.py,
classify/account_groups.py). Controls: codes of the same shapes (one series, a few prefixes, counters, PNRs,
coupons, containers, plates, parcel numbers, evenly chunked cards, marketplace orders, grouped IMEIs and barcodes,
national phone numbers, invoices) stay unflagged.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string

import pytest

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score

UP, DG = string.ascii_uppercase, string.digits


def _rand(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _type(name: str, values: list[str]) -> str | None:
    return classify_column(name, values).info_type


# ---------------------------------------------------------------- passports


def test_two_letter_series_and_seven_digits_under_an_opaque_name_are_passports() -> None:
    r = random.Random(11)
    verdict = classify_column("c4", [_rand(r, UP, 2) + _rand(r, DG, 7) for _ in range(300)])
    assert verdict.info_type == "PASSPORT"
    assert verdict.confidence < 0.8  # the template alone: a verdict at low confidence


def test_one_letter_series_of_many_and_eight_digits_are_passports() -> None:
    r = random.Random(12)
    assert _type("fld_i", [r.choice(UP) + _rand(r, DG, 8) for _ in range(300)]) == "PASSPORT"


def test_digit_blocks_of_two_adjacent_lengths_are_one_template() -> None:
    r = random.Random(13)
    assert _type("v06", [_rand(r, UP, 2) + _rand(r, DG, r.choice([6, 7])) for _ in range(300)]) == "PASSPORT"


def test_letter_prefixed_numbers_among_nine_digit_numbers_are_passports() -> None:
    r = random.Random(14)
    values = [r.choice(UP) + _rand(r, DG, 8) if r.random() < 0.3 else _rand(r, DG, 9) for _ in range(300)]
    assert _type("col8", values) == "PASSPORT"


def test_a_sparse_column_of_document_numbers_is_read_too() -> None:
    r = random.Random(15)
    values: list[str | None] = [None if r.random() < 0.9 else _rand(r, UP, 2) + _rand(r, DG, 7) for _ in range(300)]
    assert _type("a1", values) == "PASSPORT"  # type: ignore[arg-type]


def test_a_digit_series_set_apart_by_a_space_among_the_same_digits_without_it_is_passports() -> None:
    r = random.Random(31)
    values = [_rand(r, DG, 2) + r.choice([" ", ""]) + _rand(r, DG, 7) for _ in range(300)]
    assert _type("col7", values) == "PASSPORT"


def test_numbers_of_the_dutch_document_format_are_passports() -> None:
    r = random.Random(32)
    letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ"  # no O
    values = [_rand(r, letters, 2) + _rand(r, letters + DG, 6) + _rand(r, DG, 1) for _ in range(300)]
    assert _type("k_d", values) == "PASSPORT"


def test_random_nine_character_codes_are_not_dutch_document_numbers() -> None:  # control: one in nine passes
    r = random.Random(33)
    assert _type("k_d", [_rand(r, UP + DG, 9) for _ in range(300)]) is None


def test_numbers_behind_one_or_two_trunks_are_not_a_digit_series() -> None:  # control: phones, not a series
    r = random.Random(34)
    assert _type("c4", [f"0{r.choice('67')} " + _rand(r, DG, 7) for _ in range(300)]) != "PASSPORT"


def test_a_personal_document_word_in_the_name_raises_the_confidence() -> None:
    r = random.Random(16)
    values = [_rand(r, UP, 2) + _rand(r, DG, 7) for _ in range(300)]
    plain, named = classify_column("c4", values), classify_column("visa_ref", values)
    assert named.info_type == plain.info_type == "PASSPORT"
    assert named.confidence > plain.confidence


@pytest.mark.parametrize("prefixes", [("SO",), ("A",), ("X", "S"), ("AB", "CD", "EF"),
                                      ("AB", "CD", "EF", "GH", "JK", "LM")])
def test_one_series_or_a_few_are_business_codes_not_passports(prefixes: tuple[str, ...]) -> None:  # control
    r = random.Random(17)
    assert _type("c4", [r.choice(prefixes) + _rand(r, DG, 8) for _ in range(300)]) is None


def test_one_main_series_among_others_is_not_passports() -> None:  # control: a shop's own prefix and stray ones
    r = random.Random(20)
    values = [("SO" if r.random() < 0.6 else _rand(r, UP, 2)) + _rand(r, DG, 7) for _ in range(300)]
    assert _type("c4", values) is None


def test_counters_behind_random_series_are_not_passports() -> None:  # control
    r = random.Random(18)
    assert _type("c4", [_rand(r, UP, 2) + f"{i:06d}" for i in range(1, 301)]) is None


def test_small_zero_padded_numbers_behind_random_series_are_not_passports() -> None:  # control: counted, not drawn
    r = random.Random(26)
    assert _type("c4", [_rand(r, UP, 2) + f"{r.randint(1, 20000):06d}" for _ in range(300)]) is None


@pytest.mark.parametrize("make", [
    lambda r: _rand(r, UP + DG, 6),  # PNR / booking reference
    lambda r: _rand(r, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 10),  # coupon code
    lambda r: r.choice(["MSC", "MAE", "CMA", "HLC"]) + "U" + _rand(r, DG, 7),  # container number
    lambda r: _rand(r, UP, 2) + _rand(r, DG, 3) + _rand(r, UP, 2),  # plate without separators
    lambda r: _rand(r, UP, 3) + _rand(r, DG, 4),  # plate without separators
    lambda r: _rand(r, UP, 2) + _rand(r, DG, 9) + r.choice(["DE", "FR", "GB"]),  # UPU parcel number
    lambda r: _rand(r, UP, 2) + _rand(r, DG, 4) + "-" + r.choice("SML"),  # SKU
])
def test_codes_of_passport_like_shapes_are_not_passports(make) -> None:  # type: ignore[no-untyped-def]  # control
    r = random.Random(19)
    assert _type("c4", [make(r) for _ in range(300)]) != "PASSPORT"


def _card_number(r: random.Random) -> str:
    """Three letters, a check digit and five digits (weights 7, 3, 1, 9, 7, 3, 1, 7, 3), computed here."""
    letters, rest = _rand(r, UP, 3), _rand(r, DG, 5)
    partial = sum((ord(c) - 55) * w for c, w in zip(letters, (7, 3, 1), strict=True)) + \
        sum(int(c) * w for c, w in zip(rest, (7, 3, 1, 7, 3), strict=True))
    return f"{letters}{partial % 10}{rest}"


def test_identity_cards_with_their_check_digit_are_not_passports() -> None:  # control
    r = random.Random(27)
    assert _type("c4", [_card_number(r) for _ in range(300)]) != "PASSPORT"


def test_three_letter_series_and_six_digits_without_that_check_are_passports() -> None:
    r = random.Random(28)
    assert _type("c4", [_rand(r, UP, 3) + _rand(r, DG, 6) for _ in range(300)]) == "PASSPORT"


def test_the_latin_spelling_of_pasport_is_a_passport_hint_inside_compounds() -> None:
    assert hint_score("zagranpasport")[0][0] == "PASSPORT"


# ---------------------------------------------------------------- bank accounts


def _rib(r: random.Random) -> str:
    return f"{_rand(r, DG, 5)} {_rand(r, DG, 5)} {_rand(r, DG, 11)} {_rand(r, DG, 2)}"


def test_grouped_bank_branch_account_and_key_are_bank_accounts() -> None:
    r = random.Random(21)
    verdict = classify_column("extra5", [_rib(r) for _ in range(300)])
    assert verdict.info_type == "BANK_ACCOUNT"
    assert verdict.confidence < 0.8  # the template alone: a verdict at low confidence


@pytest.mark.parametrize("make", [
    lambda r: f"{_rand(r, DG, 4)}-{_rand(r, DG, 4)}-{_rand(r, DG, 2)}-{_rand(r, DG, 10)}",
    lambda r: f"{_rand(r, DG, 4)}-{_rand(r, DG, 1)} / {_rand(r, DG, r.randint(5, 8))}-{r.choice(DG + 'X')}",
    lambda r: f"{_rand(r, DG, 2)}-{_rand(r, DG, 2)}-{_rand(r, DG, 2)} {_rand(r, DG, 8)}",
    lambda r: f"{_rand(r, DG, 7)}-{_rand(r, DG, 10)}",
    lambda r: f"{_rand(r, DG, 4)}-{_rand(r, DG, 3)}-{_rand(r, DG, 6)}-{_rand(r, DG, 1)}",
])
def test_account_templates_under_opaque_names_are_bank_accounts(make) -> None:  # type: ignore[no-untyped-def]
    r = random.Random(22)
    assert _type("q10", [make(r) for _ in range(300)]) == "BANK_ACCOUNT"


def _luhn_digit(body: str) -> str:
    from stdnum import luhn

    return luhn.calc_check_digit(body)


def _ean_digit(body: str) -> str:
    from stdnum import ean

    return ean.calc_check_digit(body)


@pytest.mark.parametrize("make", [
    lambda r: " ".join(_rand(r, DG, 4) for _ in range(4)),  # evenly chunked: a card failing Luhn, a gift card
    lambda r: " ".join(_rand(r, DG, 4) for _ in range(3)),  # evenly chunked: a parcel number
    lambda r: f"{r.choice(['111', '112', '113', '114', '171', '701', '702'])}-{_rand(r, DG, 7)}-{_rand(r, DG, 7)}",
    lambda r: f"{r.randint(2019, 2026)}/{_rand(r, DG, 6)}/{_rand(r, DG, 2)}",  # invoice opening with a year
    lambda r: f"978-{r.randint(0, 9)}-{_rand(r, DG, 4)}-{_rand(r, DG, 4)}-{r.randint(0, 9)}",  # ISBN-13
    lambda r: f"0{r.randint(100, 999)} {_rand(r, DG, 7)}",  # national phone number: a trunk 0 and an area code
    lambda r: f"{r.randint(1, 31):02d}-{r.randint(1, 12):02d}-{r.randint(1940, 2005)}",  # dates: eight digits
    lambda r: f"{r.randint(201, 989)}-{r.randint(200, 999)}-{_rand(r, DG, 4)}",  # US phone: ten digits
])
def test_grouped_numbers_of_other_kinds_are_not_bank_accounts(make) -> None:  # type: ignore[no-untyped-def]  # control
    r = random.Random(23)
    assert _type("c9", [make(r) for _ in range(300)]) != "BANK_ACCOUNT"


def test_a_few_invoices_opening_with_a_year_are_not_bank_accounts() -> None:  # control: a sparse column
    r = random.Random(29)
    values = [f"{r.randint(2019, 2026)}/{_rand(r, DG, 6)}/{_rand(r, DG, 2)}" for _ in range(18)]
    assert _type("c9", values) != "BANK_ACCOUNT"


def test_birth_numbers_opening_with_a_date_are_not_bank_accounts() -> None:  # control
    r = random.Random(30)
    values = [f"{r.randint(40, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}-{_rand(r, '1234', 1)}"
              f"{_rand(r, DG, 6)}" for _ in range(300)]
    assert _type("c9", values) != "BANK_ACCOUNT"


def test_grouped_personal_numbers_with_their_check_digit_are_not_bank_accounts() -> None:  # control
    from stdnum.th import pin

    r = random.Random(35)
    values = []
    for _ in range(300):
        body = str(r.randint(1, 8)) + _rand(r, DG, 11)
        v = body + pin.calc_check_digit(body)
        values.append(f"{v[0]}-{v[1:5]}-{v[5:10]}-{v[10:12]}-{v[12]}")
    assert _type("c9", values) != "BANK_ACCOUNT"


def test_grouped_imeis_pass_luhn_and_are_not_bank_accounts() -> None:  # control
    r = random.Random(24)
    values = []
    for _ in range(300):
        body = _rand(r, DG, 14)
        v = body + _luhn_digit(body)
        values.append(f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}")
    assert _type("c9", values) != "BANK_ACCOUNT"


def test_grouped_barcodes_pass_the_gtin_check_and_are_not_bank_accounts() -> None:  # control
    r = random.Random(25)
    values = []
    for _ in range(300):
        body = _rand(r, DG, 12)
        v = body + _ean_digit(body)
        values.append(f"{v[0]} {v[1:7]} {v[7:]}")
    assert _type("c9", values) != "BANK_ACCOUNT"


@pytest.mark.parametrize("name", ["container_no", "contato", "contador", "kontor"])
def test_words_opening_with_an_account_word_are_no_account_hint(name: str) -> None:  # control
    assert "BANK_ACCOUNT" not in dict(hint_score(name))


def test_an_account_word_closing_a_compound_is_still_an_account_hint() -> None:
    assert dict(hint_score("girokonto")).get("BANK_ACCOUNT") == 0.75
