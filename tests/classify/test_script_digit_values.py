"""Columns whose values are written in the decimal digits of another script (Arabic-Indic, Persian, Devanagari)
get the verdict their ASCII twins get: the classifier reads values' digits as ASCII once
(:func:`maskline.classify.values.with_ascii_digits`), before any pattern, validator or shape reads them.

Every case asserts the ASCII twin's verdict too, so the test checks the reading, not a detector. Controls: years,
prices and counts in those digits stay unclassified, as in ASCII, and read as numbers.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from maskline.classify import classify_column

SCRIPTS = {
    "arabic_indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
}


def _written(values: list[str], digits: str) -> list[str]:
    table = str.maketrans("0123456789", digits)
    return [v.translate(table) for v in values]


def _luhn_completed(prefix: str) -> str:
    total = 0
    for i, c in enumerate(reversed(prefix)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return prefix + str(-total % 10)


def _iban(country: str, bban: str) -> str:
    number = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - number % 97:02d}{bban}"


_R = random.Random(20261205)
SENSITIVE = {
    # (column name, values): the ASCII twin of each is classified as the type
    "PHONE": [
        ("phone", [f"+9715{_R.choice('024568')}{_R.randrange(10**7):07d}" for _ in range(40)]),
        ("mobile", [f"05{_R.choice('024568')}{_R.randrange(10**7):07d}" for _ in range(40)]),
    ],
    "US_SSN": [("ssn", [f"{_R.randint(100, 665)}-{_R.randint(10, 99)}-{_R.randint(1000, 9999)}" for _ in range(40)])],
    "CREDIT_CARD": [("card_number", [_luhn_completed(f"4{_R.randrange(10**14):014d}") for _ in range(40)])],
    "IBAN": [("iban", [_iban("DE", f"{_R.randrange(10**18):018d}") for _ in range(40)])],
}
CASES = [(info_type, name, values) for info_type, cases in SENSITIVE.items() for name, values in cases]
NOT_SENSITIVE = [
    ("year", [str(_R.randint(1990, 2024)) for _ in range(40)]),
    ("price", [f"{_R.randint(10, 999)}.{_R.randint(0, 99):02d}" for _ in range(40)]),
    ("count", [str(_R.randint(0, 5000)) for _ in range(40)]),
    ("rooms", [str(_R.randint(1, 6)) for _ in range(40)]),
]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("info_type", "name", "values"), CASES, ids=[f"{t}-{n}" for t, n, _ in CASES])
def test_a_column_in_a_scripts_digits_gets_its_ascii_twins_type(script: str, info_type: str, name: str,
                                                                 values: list[str]) -> None:
    assert classify_column(name, values).info_type == info_type
    written = classify_column(name, _written(values, SCRIPTS[script]))
    assert written.info_type == info_type
    # The evidence says what validated, never a value.
    assert not any(v in e for e in written.evidence for v in _written(values, SCRIPTS[script]))


@pytest.mark.parametrize("script", SCRIPTS)
def test_arrow_and_pandas_columns_are_read_the_same_way(script: str) -> None:
    import pandas as pd

    _, name, values = CASES[0]
    written = _written(values, SCRIPTS[script])
    assert classify_column(name, pa.array(written)).info_type == "PHONE"
    assert classify_column(name, pd.Series(written)).info_type == "PHONE"


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize(("name", "values"), NOT_SENSITIVE, ids=[n for n, _ in NOT_SENSITIVE])
def test_numbers_nothing_sensitive_makes_stay_unclassified_in_any_script(script: str, name: str,
                                                                        values: list[str]) -> None:
    ascii_verdict = classify_column(name, values)
    written = classify_column(name, _written(values, SCRIPTS[script]))
    assert ascii_verdict.info_type is None and written.info_type is None
    assert written.shape == ascii_verdict.shape  # read as numbers, as the ASCII twin is


def test_a_column_of_script_digits_that_are_no_phone_is_still_masked_by_the_decision() -> None:
    # Ten random digits that fit no numbering plan, under a neutral name: no type, and the fail-closed decision
    # still masks digits stored as text, as it does in ASCII.
    from maskline.classify.decision import why_not_safe

    values = [f"9{_R.randrange(10**9):09d}" for _ in range(40)]
    for digits in SCRIPTS.values():
        verdict = classify_column("ref", _written(values, digits))
        ascii_verdict = classify_column("ref", values)
        assert verdict.info_type == ascii_verdict.info_type
        assert why_not_safe("ref", verdict) == why_not_safe("ref", ascii_verdict) is not None


def test_a_csv_file_scanned_through_duckdb_is_read_the_same_way(tmp_path) -> None:
    # A file's columns are sampled by DuckDB (maskline.classify.sources), not through from_python.
    from maskline.classify import classify

    phones = CASES[0][2]
    path = tmp_path / "contacts.csv"
    path.write_text("phone,year\n" + "".join(f"{p},{y}\n" for p, y in zip(
        _written(phones, SCRIPTS["arabic_indic"]), _written(NOT_SENSITIVE[0][1], SCRIPTS["persian"]), strict=True)),
        encoding="utf-8")
    verdicts = {c.name: c.info_type for c in classify(str(path)).columns}
    assert verdicts == {"phone": "PHONE", "year": None}
