"""Bank accounts under opaque names written without separators (classify/bban_shape.py: one BBAN structure of the
IBAN registry, drawn digits), accounts of several countries in one column (classify/checked_minority.py: national
check digits holding far above chance in a minority), and the ``ba_no`` name hint.

Controls: long references and card-length numbers, clocks and snowflake ids, SSCCs, resident ids with a birth date
inside, dated serials, IBANs, lower-case tokens, short digit runs (phones, national ids), bare drawn numbers alone
and a counter's numbers stay unflagged as accounts.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits, and the
formats are those of the IBAN registry for countries outside the frozen test split's locales.
"""

from __future__ import annotations

import random
import string

import pytest
from stdnum import ean

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score

UP, DG = string.ascii_uppercase, string.digits


def _rand(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _type(name: str, values: list[str]) -> str | None:
    return classify_column(name, values).info_type


# ---------------------------------------------------------------- one BBAN structure, drawn digits


@pytest.mark.parametrize(("country", "make"), [
    ("GB: a bank's four letters, sort code and account", lambda r: _rand(r, UP, 4) + _rand(r, DG, 14)),
    ("NL: a bank's four letters and ten digits", lambda r: _rand(r, UP, 4) + _rand(r, DG, 10)),
    ("PT: 21 digits", lambda r: _rand(r, DG, 21)),
    ("CH: 17 digits", lambda r: _rand(r, DG, 17)),
    ("DE: 18 digits", lambda r: _rand(r, DG, 18)),
    ("26 digits: the IBAN check digits before a 24-digit BBAN", lambda r: _rand(r, DG, 26)),
    ("20 digits: an account type's code and drawn digits", lambda r: r.choice(["40817810", "40702810"]) + _rand(r, DG, 12)),
    ("UA: a bank code and 19 capitals or digits", lambda r: _rand(r, DG, 6) + _rand(r, UP, 19)),
    ("GE: two letters and 16 digits", lambda r: _rand(r, UP, 2) + _rand(r, DG, 16)),
    ("RO: four letters and 16 digits", lambda r: _rand(r, UP, 4) + _rand(r, DG, 16)),
])
def test_drawn_numbers_of_one_bban_structure_under_an_opaque_name_are_accounts(country: str, make) -> None:
    r = random.Random(country)
    verdict = classify_column("c9", [make(r) for _ in range(300)])
    assert verdict.info_type == "BANK_ACCOUNT", country
    assert verdict.confidence < 0.8  # the structure alone: a verdict at low confidence


def test_a_sparse_column_of_bban_numbers_is_read_too() -> None:
    r = random.Random(41)
    values: list[str | None] = [None if r.random() < 0.85 else _rand(r, DG, 21) for _ in range(300)]
    assert _type("col_4", values) == "BANK_ACCOUNT"  # type: ignore[arg-type]


def test_a_bban_structure_under_an_account_name_is_surer() -> None:
    r = random.Random(42)
    values = [_rand(r, UP, 4) + _rand(r, DG, 14) for _ in range(300)]
    assert classify_column("c9", values).confidence < classify_column("account_no", values).confidence


@pytest.mark.parametrize(("kind", "make"), [
    ("16-digit references (card length)", lambda r, i: _rand(r, DG, 16)),
    ("19-digit references (card length)", lambda r, i: _rand(r, DG, 19)),
    ("15-digit numbers (E.164 without +)", lambda r, i: _rand(r, DG, 15)),
    ("13-digit numbers (no BBAN is 13 long)", lambda r, i: _rand(r, DG, 13)),
    ("epoch nanoseconds", lambda r, i: str(1_733_000_000_000_000_000 + r.randint(0, 10**15))),
    ("snowflake ids", lambda r, i: str((1_733_000_000_000 + r.randint(0, 10**9)) << 22 | r.randint(0, 2**22 - 1))),
    ("a counter of 18 digits", lambda r, i: f"{10**17 + 7919 * i:018d}"),
    ("a code and a counter", lambda r, i: f"40817810{i:012d}"),
    ("parcel numbers: a service code and drawn digits", lambda r, i: "9400" + _rand(r, DG, 18)),
    ("a clock of 17 digits", lambda r, i: str(17_150_000_000_000_000 + r.randint(0, 10**14))),
    ("a clock of 18 digits", lambda r, i: str(171_500_000_000_000_000 + r.randint(0, 10**16))),
    ("SSCCs (GS1 check digit)", lambda r, i: (lambda b: b + ean.calc_check_digit(b))(_rand(r, DG, 17))),
    ("resident ids with a birth date inside", lambda r, i: (
        f"{r.randint(110000, 659999)}{r.randint(1940, 2010)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        f"{r.randint(0, 9999):04d}")),
    ("dated serials", lambda r, i: (
        f"TX{r.randint(2019, 2026)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 10**10 - 1):010d}")),
    ("lower-case tokens", lambda r, i: _rand(r, "abcdef", 4) + _rand(r, DG, 14)),
    ("random capital tokens", lambda r, i: _rand(r, UP + DG, 18)),
    ("VINs", lambda r, i: _rand(r, "ABCDEFGHJKLMNPRSTUVWXYZ" + DG, 17)),
])
def test_long_codes_that_are_not_accounts_are_not_read_as_bbans(kind: str, make) -> None:
    r = random.Random(kind)
    assert _type("c9", [make(r, i) for i in range(300)]) != "BANK_ACCOUNT", kind


def test_a_code_and_drawn_digits_too_short_for_an_account_are_not_safe() -> None:
    r = random.Random(50)
    verdict = classify_column("c9", ["2620" + _rand(r, DG, 10) for _ in range(300)])
    assert verdict.info_type is None and verdict.confidence < 0.9  # no type, but not confidently safe either


def test_card_numbers_of_eighteen_digits_passing_luhn_are_not_accounts() -> None:  # control: Luhn refutes
    r = random.Random(43)

    def luhn_complete(body: str) -> str:
        total = 0
        for i, c in enumerate(reversed(body)):
            d = int(c) * (1 if i % 2 else 2)
            total += d - 9 if d > 9 else d
        return body + str(-total % 10)

    assert _type("c9", [luhn_complete(_rand(r, DG, 17)) for _ in range(300)]) != "BANK_ACCOUNT"


def test_whole_ibans_stay_ibans() -> None:  # control: the IBAN detector's, not a BBAN's
    from stdnum import iban

    r = random.Random(44)
    values = []
    for _ in range(300):
        bban = _rand(r, DG, 21)
        values.append("PT" + iban.calc_check_digits("PT00" + bban) + bban)
    assert _type("c9", values) == "IBAN"


# ---------------------------------------------------------------- check digits holding in a minority


def _be_account(r: random.Random) -> str:
    body = r.randint(10**9, 10**10 - 1)
    return f"{body:010d}{body % 97 or 97:02d}"


def _fr_rib(r: random.Random) -> str:
    bank, branch, acct = r.randint(10000, 99999), r.randint(0, 99999), r.randint(0, 10**11 - 1)
    key = 97 - (89 * bank + 15 * branch + 3 * acct) % 97
    return f"{bank:05d} {branch:05d} {acct:011d} {key:02d}"


def test_bare_numbers_beside_a_minority_of_checked_foreign_accounts_are_accounts() -> None:
    r = random.Random(45)
    values = [_rand(r, "123456789", 1) + _rand(r, DG, 11) if r.random() < 0.8 else r.choice([_be_account, _fr_rib])(r)
              for _ in range(300)]
    assert _type("x1", values) == "BANK_ACCOUNT"


def test_bare_drawn_numbers_alone_are_not_accounts() -> None:  # control: a key or two pass by chance
    r = random.Random(46)
    assert _type("x1", [_rand(r, "123456789", 1) + _rand(r, DG, 11) for _ in range(300)]) != "BANK_ACCOUNT"


def test_external_ids_beside_a_few_checked_accounts_are_not_enough() -> None:  # control: two keys, no minority
    r = random.Random(47)
    values = [_rand(r, "123456789", 1) + _rand(r, DG, 11) for _ in range(298)] + [_be_account(r), _be_account(r)]
    assert _type("x1", values) != "BANK_ACCOUNT"


def test_eleven_digit_numbers_passing_their_mod_11_check_are_not_counted() -> None:  # control: as personal numbers
    from maskline.infotypes.validators import bank_account_checked

    r = random.Random(48)
    values = []
    while len(values) < 300:
        v = _rand(r, "123456789", 1) + _rand(r, DG, 10)
        if r.random() < 0.7 or bank_account_checked(v):  # a third pass the 11-digit account check
            values.append(v)
    assert _type("x1", values) != "BANK_ACCOUNT"


# ---------------------------------------------------------------- names


@pytest.mark.parametrize("name", ["ba_no", "ba_nr", "baNum", "ba_number"])
def test_bank_account_initials_before_a_number_word_hint_an_account(name: str) -> None:
    assert hint_score(name)[0][0] == "BANK_ACCOUNT"


@pytest.mark.parametrize("name", ["ba", "ba_id", "nba_no", "cuba_no", "ba_count"])
def test_ba_alone_or_inside_another_word_hints_nothing(name: str) -> None:
    assert all(t != "BANK_ACCOUNT" for t, _ in hint_score(name))


def test_twelve_digit_accounts_under_ba_no_are_accounts() -> None:
    r = random.Random(49)
    assert _type("ba_no", [f"{r.randint(0, 10**12 - 1):012d}" for _ in range(300)]) == "BANK_ACCOUNT"
