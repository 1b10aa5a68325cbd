"""Numbers that are codes, not quantities (classify/coded_numbers.py): the fail-closed decision masks them even when
the classifier cannot say which code they are.

Found on the dev and tune splits: phones stored as integers behind one calling code (``3613949534``,
``79994983292``), record numbers kept as text (``"24742045"``) and 20-digit account strings passed raw as
"numeric, not sensitive (0.95)". Phones stored as floats (a column with NULLs) were worse: values from 1e10 up came
out of Arrow as ``3.6155865887e+10``, which no digit detector read.

Controls, each passing the decision: amounts spread over magnitudes, random ids of one width, the record numbers
stored as integers under a name that says keys (under ``fld_k`` they are masked since extcsv19), a CSV column the
sniffer reads as numbers under ``amount``. Values are drawn here with fixed seeds; none comes
from the benchmark's splits.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from maskline.classify import classify, classify_column
from maskline.classify.decision import decide_unnamed
from maskline.classify.values import as_column_values
from maskline.policy import load_policy


def _rule(name: str, values: object) -> str:
    return decide_unnamed(load_policy({}), name, classify_column(name, values)).rule


def _passes(name: str, values: object) -> bool:
    return decide_unnamed(load_policy({}), name, classify_column(name, values)).method is None


def _hungarian_phones(r: random.Random, n: int = 40) -> list[int]:
    # E.164 without its +: 36 before seven to nine drawn digits (a generator's phones: no plan fits them well enough
    # for the classifier to call them PHONE)
    return [int("36" + str(r.randrange(10**7, 10**9))) for _ in range(n)]


# ---------------------------------------------------------------- codes the decision masks


def test_phones_stored_as_integers_behind_one_calling_code_are_masked() -> None:
    values = pa.array(_hungarian_phones(random.Random(71)), pa.int64())
    verdict = classify_column("q13", values)
    assert verdict.info_type is None
    # whatever else the decision finds, this alone masks it
    assert "numbers behind one calling code" in verdict.shape.suspicions
    assert decide_unnamed(load_policy({}), "q13", verdict).method is not None


def test_phones_stored_as_floats_with_nulls_are_read_as_digits_and_masked() -> None:
    r = random.Random(72)
    phones = [float(v) for v in _hungarian_phones(r)] + [None] * 260  # a sparse column: pandas stores it as floats
    series = pd.Series(phones, dtype="float64")
    digits = as_column_values(series).values
    assert all(v.isdigit() for v in digits)  # not "3.6201192737e+10": the e+10 ends in 0 like "123.0" does
    assert not _passes("data5", series)


def test_record_numbers_kept_as_text_are_masked() -> None:
    r = random.Random(73)
    values = pa.array([str(r.randrange(10**7, 10**8)) for _ in range(200)], pa.string())
    assert "digits stored as text" in _rule("fld_k", values)


def test_record_numbers_in_a_pandas_category_are_text_and_masked() -> None:
    r = random.Random(73)
    frame = pd.DataFrame({"fld_k": pd.Series([str(r.randrange(10**7, 10**8)) for _ in range(200)], dtype="category")})
    verdict = classify(frame, table="visits").by_name()["fld_k"]
    assert verdict.sql_type and verdict.sql_type.startswith("dictionary<")  # Arrow's type of a category
    assert "digits stored as text" in decide_unnamed(load_policy({}), "fld_k", verdict).rule


def test_sparse_account_numbers_longer_than_any_integer_are_masked() -> None:
    r = random.Random(74)
    values = pa.array(["2340009" + str(r.randrange(10**12, 10**13)) for _ in range(21)] + [None] * 279, pa.string())
    # masked, untyped: by the long-digit rule, or (since the extcsv41 round) as a near miss of the country-less IBAN
    # reading, which some drawn 20-digit strings meet by chance
    rule = _rule("f4", values)
    assert rule.startswith("unclassified: mask") and ("long digit string" in rule or "iban-without-country" in rule), rule
    assert not _passes("f4", values) and classify_column("f4", values).info_type is None


def test_a_csv_column_of_digits_with_placeholders_is_text_and_masked(tmp_path: Path) -> None:
    r = random.Random(75)
    rows = [str(r.randrange(10**7, 10**8)) if i % 9 else "n.a." for i in range(300)]
    path = tmp_path / "visits.csv"
    path.write_text("ref\n" + "\n".join(rows) + "\n")
    verdict = classify(str(path)).by_name()["ref"]
    assert decide_unnamed(load_policy({}), "ref", verdict).method is not None


# ---------------------------------------------------------------- controls: quantities and ids pass


def test_amounts_spread_over_magnitudes_pass() -> None:
    r = random.Random(76)
    values = pa.array([int(10 ** r.uniform(2, 8)) for _ in range(200)], pa.int64())
    assert _passes("c2", values)


def test_long_random_ids_open_with_no_one_calling_code() -> None:
    r = random.Random(77)
    values = pa.array([r.randrange(10**10, 10**11) for _ in range(200)], pa.int64())
    assert "numbers behind one calling code" not in classify_column("k_k", values).shape.suspicions


def test_the_record_numbers_stored_as_integers_pass_under_a_name_that_says_what_they_are() -> None:
    """Random 8-digit integers passed under ``fld_k`` until extcsv19. They are the digits of Fiftyville's bank
    accounts stored as INTEGER (extcsv18: passed raw under ``c1``, ``c2`` at 0.95), and nothing in them tells the
    two apart; under a placeholder name they are masked now (tests/classify/test_wide_integers_opaque_names.py),
    under a name that says they are keys of records they still pass."""
    r = random.Random(73)
    values = pa.array([r.randrange(10**7, 10**8) for _ in range(200)], pa.int64())
    assert _passes("visit_id", values)
    assert "under a name that says nothing" in _rule("fld_k", values)


def test_a_csv_column_the_sniffer_reads_as_numbers_passes(tmp_path: Path) -> None:
    """Unchanged by extcsv19: the name ``amount`` says what the 8-digit numbers are, so they pass; under ``c1`` the
    same file's column is masked (tests/classify/test_wide_integers_opaque_names.py)."""
    r = random.Random(78)
    path = tmp_path / "orders.csv"
    path.write_text("amount\n" + "\n".join(str(r.randrange(10**7, 10**8)) for _ in range(300)) + "\n")
    verdict = classify(str(path)).by_name()["amount"]
    assert verdict.sql_type and "INT" in verdict.sql_type.upper()
    assert decide_unnamed(load_policy({}), "amount", verdict).method is None


@pytest.mark.parametrize("width", [3, 4])
def test_small_numbers_kept_as_text_are_not_called_codes_for_that(width: int) -> None:
    r = random.Random(79 + width)
    values = pa.array([str(r.randrange(1, 10**width)) for _ in range(300)], pa.string())
    assert "digits stored as text" not in _rule("qty", values)
