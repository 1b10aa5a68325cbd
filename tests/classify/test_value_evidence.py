"""Phones, bank accounts and handles recognised from their values alone (opaque names, sparse columns, numbers
stored as integers), each beside a hard negative of the same shape that must not get the type.

Values are written here by hand or drawn with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.phone_plans import plan_fit
from maskline.infotypes.validators import bank_account_checked, handle_with_name, phone

ROWS = 300


def _rng() -> random.Random:
    return random.Random(2027)


def _sparse(values: list, rng: random.Random, empty: float = 0.85) -> list:
    return [None if rng.random() < empty else v for v in values]


# ---- phones stored as integers or bare digits: the numbering plan must explain the column beyond chance ----

def _spanish_mobiles(rng: random.Random) -> list[int]:
    return [int(f"346{rng.randint(0, 99_999_999):08d}") for _ in range(ROWS)]  # E.164 digits, the + lost


def _us_numbers(rng: random.Random) -> list[int]:
    area = [212, 312, 415, 617, 713, 206, 305, 404]
    return [int(f"1{rng.choice(area)}{rng.randint(2, 9)}{rng.randint(0, 99):02d}{rng.randint(0, 9999):04d}")
            for _ in range(ROWS)]  # +1 and ten digits, the + lost


def test_national_numbers_of_a_few_area_codes_stay_undecided() -> None:
    # Without the country code, ten digits behind a handful of area codes are what ids with those prefixes would
    # be: random twins keeping the first two digits are valid 70% of the time or more, so the plan does not decide.
    rng = _rng()
    values = [str(v)[1:] for v in _us_numbers(rng)]
    assert plan_fit(values[:128]) is None


@pytest.mark.parametrize("make", [_spanish_mobiles, _us_numbers])
def test_phones_stored_as_integers_are_found_without_a_name(make) -> None:  # type: ignore[no-untyped-def]
    verdict = classify_column("c7", make(_rng()))
    assert verdict.info_type == "PHONE"
    assert any(e.startswith("values:phone-plan") for e in verdict.evidence)


def test_sparse_integer_phones_are_found() -> None:
    rng = _rng()
    assert classify_column("f14", _sparse(_spanish_mobiles(rng), rng)).info_type == "PHONE"


def test_epoch_seconds_are_not_phones() -> None:
    # Epoch seconds of 2023-2026 begin "17": valid German mobiles, and valid Brazilian landlines half the time.
    rng = _rng()
    values = [rng.randint(1_680_000_000, 1_790_000_000) for _ in range(ROWS)]
    assert classify_column("c7", values).info_type is None
    assert plan_fit([str(v) for v in values[:128]]) is None


def test_random_ids_and_barcodes_are_not_phones() -> None:
    rng = _rng()
    ids = [rng.randint(10**7, 10**12) for _ in range(ROWS)]
    assert classify_column("c7", ids).info_type is None
    eans = []
    for _ in range(ROWS):
        body = f"40{rng.randint(0, 10**10 - 1):010d}"
        check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
        eans.append(int(body + str(check)))
    assert classify_column("c7", eans).info_type is None


def test_a_permissive_plan_never_decides() -> None:
    # Nine digits not starting with 0 are all valid French numbers: a column of them proves nothing.
    rng = _rng()
    assert plan_fit([str(rng.randint(100_000_000, 999_999_999)) for _ in range(100)]) is None


@pytest.mark.parametrize("value", ["2024/01234", "2019-004512", "12-34-56 12345678", "539-0075470-34",
                                   "45 1234567"])
def test_serials_sort_codes_accounts_and_passport_series_are_not_phones(value: str) -> None:
    assert not phone(value)


def test_formatted_phones_still_validate() -> None:
    assert phone("+34 912 34 56 78") and phone("(415) 555-2671") and phone("030 901820")


# ---- bank accounts by their national check digits ----

def _spanish_ccc(rng: random.Random) -> str:
    from stdnum.es import ccc

    bank, branch, acct = f"{rng.randint(0, 9999):04d}", f"{rng.randint(0, 9999):04d}", f"{rng.randint(0, 10**10 - 1):010d}"
    return ccc.format(bank + branch + ccc.calc_check_digits(bank + branch + "00" + acct) + acct)


def _belgian(rng: random.Random) -> str:
    body = f"{rng.randint(0, 9_999_999_999):010d}"
    return f"{body[:3]}-{body[3:]}-{int(body) % 97 or 97:02d}"


@pytest.mark.parametrize("make", [_spanish_ccc, _belgian])
def test_bank_accounts_with_national_check_digits_are_found_without_a_name(make) -> None:  # type: ignore[no-untyped-def]
    rng = _rng()
    verdict = classify_column("x3", _sparse([make(rng) for _ in range(ROWS)], rng, 0.7))
    assert verdict.info_type == "BANK_ACCOUNT"


def test_digits_of_account_lengths_without_valid_check_digits_are_not_checked_accounts() -> None:
    rng = _rng()
    values = [f"{rng.randint(0, 10**20 - 1):020d}" for _ in range(ROWS)]  # 20 digits, as a Spanish CCC
    assert sum(bank_account_checked(v) for v in values) < 0.05 * ROWS
    verdict = classify_column("x3", values)
    assert not any("national-check-digits" in e for e in verdict.evidence)
    # 20 drawn digits are several countries' BBAN structure (classify/bban_shape.py): an account at low confidence
    # at most, never one proven by its check digits.
    assert verdict.info_type != "BANK_ACCOUNT" or verdict.confidence < 0.8


def test_a_wrong_check_digit_fails() -> None:
    assert bank_account_checked("2100 0418 45 0200051332")
    assert not bank_account_checked("2100 0418 46 0200051332")


# ---- handles built on first names ----

_FIRST = ["deborah", "tyler", "paul", "alice", "marco", "lucia", "pedro", "helena", "jonas", "sofia", "martin",
          "claire", "oliver", "emma", "andreas", "giulia", "tomas", "laura", "victor", "nadia"]
_LAST = ["hansen", "rossi", "garcia", "dubois", "novak", "silva", "keller", "moreau", "jensen", "ferreira"]


def _handle(rng: random.Random) -> str:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return rng.choice([f"{first}{rng.randint(1, 99)}", f"{first[0]}{last}", f"{last}{first}", f"{first}.{last}",
                       f"@{first}_{rng.randint(1, 999)}", f"{first}{last}{rng.randint(1, 9)}"])


def test_handles_built_on_first_names_are_found_without_a_name() -> None:
    rng = _rng()
    verdict = classify_column("col_3", [_handle(rng) for _ in range(ROWS)])
    assert verdict.info_type == "USERNAME"
    assert 0.6 <= verdict.confidence <= 0.8  # a value-only handle is less sure than a named one


def test_slugs_and_file_names_are_not_handles() -> None:
    rng = _rng()
    words = ["summer", "sale", "widget", "report", "draft", "final", "budget", "index", "backup", "photo",
             "banner", "invoice", "archive", "notes", "chart", "export", "table", "logo", "guide", "plan"]
    slugs = [rng.choice([f"{rng.choice(words)}-{rng.choice(words)}", f"{rng.choice(words)}_{rng.randint(1, 99)}",
                         f"{rng.choice(words)}.{rng.choice(['pdf', 'png', 'csv'])}"]) for _ in range(ROWS)]
    assert classify_column("col_3", slugs).info_type is None


def test_a_few_handles_repeated_are_labels() -> None:
    rng = _rng()
    few = [_handle(rng) for _ in range(8)]
    assert classify_column("col_3", [rng.choice(few) for _ in range(ROWS)]).info_type is None


def test_bare_first_names_and_capitalised_names_are_not_handles() -> None:
    assert handle_with_name("deborah47") and handle_with_name("hreynaud") is not None
    assert not handle_with_name("deborah")  # a first name, not a handle
    assert not handle_with_name("Deborah")  # a name, written as names are


# ---- passports: only with a name, but every country's shape ----

def _dutch_passport(rng: random.Random) -> str:
    letters = "ABCDEFGHIJKLMNPRSTUVWXYZ"
    return "".join(rng.choice(letters) for _ in range(2)) + \
        "".join(rng.choice(letters + "0123456789") for _ in range(6)) + str(rng.randint(0, 9))


def test_mostly_letter_passports_are_passports_under_a_passport_name() -> None:
    rng = _rng()
    assert classify_column("paspoortnummer", [_dutch_passport(rng) for _ in range(ROWS)]).info_type == "PASSPORT"


def test_a_passport_name_over_labels_is_not_a_passport() -> None:
    rng = _rng()
    labels = ["PENDING", "EXPIRED", "VALID", "LOST", "RENEWAL2", "CHECKED"]
    assert classify_column("passport_status", [rng.choice(labels) for _ in range(ROWS)]).info_type is None


def test_dutch_passports_without_a_name_are_passports_at_low_confidence() -> None:
    # One value is a product code as much as a passport; a column of them all in the format python-stdnum checks
    # (stdnum.nl.identiteitskaartnummer), with series spread at random, reads as passports, less surely than with
    # a name (classify/document_numbers.py).
    rng = _rng()
    verdict = classify_column("c4", [_dutch_passport(rng) for _ in range(ROWS)])
    assert verdict.info_type == "PASSPORT" and verdict.confidence < 0.8


def test_grouped_document_numbers_are_never_called_safe() -> None:
    # "45 1234567" (a Russian passport's series and number) is neither a phone nor any other type by its value;
    # a column of them, series spread at random, reads as passports at low confidence (classify/document_numbers.py),
    # never as "safe".
    rng = _rng()
    verdict = classify_column("misc_d", [f"{rng.randint(10, 99)} {rng.randint(10**6, 10**7 - 1)}" for _ in range(ROWS)])
    assert verdict.info_type == "PASSPORT" and verdict.confidence < 0.8
    assert not verdict.safe
    # One series throughout (an office's own numbers) gives no type, and still not "safe": identifier-like.
    one_series = classify_column("misc_d", [f"45 {rng.randint(10**6, 10**7 - 1)}" for _ in range(ROWS)])
    assert one_series.info_type is None and not one_series.safe
    assert any("identifier-like" in e for e in one_series.evidence)


def test_short_grouped_numbers_are_not_identifiers() -> None:
    rng = _rng()  # negative control: aisle-shelf positions are digit groups too, but short
    values = [f"{rng.randint(1, 40)} {rng.randint(1, 99)}" for _ in range(ROWS)]
    verdict = classify_column("position", values)
    assert not any("identifier-like" in e for e in verdict.evidence)
