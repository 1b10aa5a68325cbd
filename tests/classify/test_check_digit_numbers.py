"""Bare digit strings whose check digit holds in nearly every value (classify/checked_numbers.py): a registry's
numbers (hospital, personal, account numbers), so not confidently safe, whatever the column is called. No info type
is given: the digits do not say which registry. Controls: drawn digits of the same widths, counters, amounts,
barcodes (GS1's check, public codes of products) and a column where the check holds in only half the values stay
safe and pass the fail-closed decision (wide ones under a name that says what they are, since extcsv19).

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pyarrow as pa

from maskline.classify import classify_column
from maskline.classify.checked_numbers import checked_digit_strings
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy


def _mod11(body: str, cyclic: bool = False) -> str:
    """``body`` and its mod-11 check digit (weights 2, 3, 4 ... or 2-7 repeating, from the right; 10 as 0)."""
    total = sum(int(d) * (2 + i % 6 if cyclic else i + 2) for i, d in enumerate(reversed(body)))
    return body + str((11 - total % 11) % 11 % 10)


def _luhn(body: str) -> str:
    for c in "0123456789":
        total = 0
        for i, d in enumerate(reversed(body + c)):
            x = int(d) * (2 if i % 2 else 1)
            total += x - 9 if x > 9 else x
        if total % 10 == 0:
            return body + c
    raise AssertionError("unreachable")


def _ean8(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str(-total % 10)


def _passes(name: str, values: object) -> bool:
    return decide_unnamed(load_policy({}), name, classify_column(name, values)).method is None


def test_hospital_numbers_with_a_mod11_check_digit_are_not_called_safe() -> None:
    r = random.Random(61)
    values = [_mod11(str(r.randint(10**6, 10**7 - 1))) for _ in range(200)]
    verdict = classify_column("extra3", values)
    assert verdict.info_type is None and verdict.verdict == "uncertain"
    assert any("check digit" in e for e in verdict.evidence)
    assert not _passes("extra3", values)


def test_the_same_numbers_stored_as_integers_are_masked_by_the_decision() -> None:
    r = random.Random(62)
    values = pa.array([int(_mod11(str(r.randint(10**6, 10**7 - 1)))) for _ in range(200)], pa.int64())
    assert classify_column("k_b", values).verdict == "uncertain"
    assert not _passes("k_b", values)


def test_registry_numbers_of_other_widths_and_the_modulus_11_weights_2_to_7_are_not_called_safe() -> None:
    r = random.Random(63)
    seven = [_mod11(str(r.randint(10**5, 10**6 - 1))) for _ in range(150)]
    cyclic = [_mod11(str(r.randint(10**6, 10**7 - 1)), cyclic=True) for _ in range(150)]
    assert classify_column("a4", seven).verdict == "uncertain"
    assert classify_column("q2", cyclic).verdict == "uncertain"


def test_luhn_checked_personal_numbers_are_not_called_safe() -> None:
    r = random.Random(64)
    values = [_luhn(str(r.randint(10**7, 10**8 - 1))) for _ in range(150)]  # nine digits, as Canada's SIN
    assert checked_digit_strings(values) == "luhn"
    assert not _passes("fld_c", values)


# ---------------------------------------------------------------- controls


def _rule(name: str, values: object) -> str:
    return decide_unnamed(load_policy({}), name, classify_column(name, values)).rule


def test_drawn_numbers_of_the_same_width_stay_safe() -> None:
    """They passed under ``extra3`` until extcsv19, which masks many distinct integers as wide as accounts under a
    name that says nothing of them (tests/classify/test_wide_integers_opaque_names.py): the verdict is still
    ``safe`` and no check digit is read there; under a name that says keys they pass."""
    r = random.Random(65)
    values = pa.array([r.randint(10**7, 10**8 - 1) for _ in range(200)], pa.int64())  # numbers stored as numbers
    verdict = classify_column("extra3", values)
    assert verdict.verdict == "safe"
    assert "check-digit" not in _rule("extra3", values)
    assert _passes("order_no", values)


def test_counters_and_amounts_stay_safe() -> None:
    """Amounts drawn uniformly from 100 to 99,999,999 are mostly 6 to 8 digits wide: under ``c2`` they are masked
    since extcsv19 (as wide as accounts, the name says nothing), not for a check digit; under ``amount`` they pass."""
    r = random.Random(66)
    counters = [str(10_000_000 + i) for i in range(200)]
    amounts = pa.array([r.randint(100, 99_999_999) for _ in range(200)], pa.int64())
    assert classify_column("c1", counters).verdict == "safe"
    assert "check-digit" not in _rule("c2", amounts)
    assert _passes("amount", amounts)


def test_ean8_barcodes_are_not_read_as_a_registrys_numbers() -> None:
    r = random.Random(67)
    values = [_ean8(str(r.randint(10**6, 10**7 - 1))) for _ in range(200)]
    assert checked_digit_strings(values) is None  # GS1's check is left out: barcodes are public codes of products


def test_a_check_that_holds_in_half_the_values_says_nothing() -> None:
    r = random.Random(68)
    values = [_mod11(str(r.randint(10**6, 10**7 - 1))) if i % 2 else str(r.randint(10**7, 10**8 - 1))
              for i in range(200)]
    assert checked_digit_strings(values) is None
    assert classify_column("x9", values).verdict == "safe"
