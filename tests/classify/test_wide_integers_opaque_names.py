"""Integers as wide as accounts under a name that says nothing (issue 15's fail-closed default, round extcsv19).

extcsv18 found CS50 Fiftyville's bank account numbers, stored as INTEGER (``52833142``), passed raw under ``c1``
and ``c2`` ("numeric, not sensitive (0.95)"): nothing in random 8-digit numbers tells accounts from order ids.
Only a column's name does, so a placeholder name (``c3``, ``fld_k``, ``f14``, ``x``) leaves such a column not
confidently safe: masked, never typed. The same values under a name that says what they are (``amount``,
``order_id``, ``tracking_number``, ``sku``, ``population``) still pass.

Values are drawn here with fixed seeds; none comes from the benchmark's splits or the round's probe.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from maskline.classify import classify, classify_column
from maskline.classify.coded_numbers import WIDE_INTEGERS
from maskline.classify.decision import WIDE_INTEGERS_REASON, decide_unnamed
from maskline.policy import load_policy


def _decide(name: str, values: object) -> tuple[str | None, str]:
    verdict = classify_column(name, values)
    decision = decide_unnamed(load_policy({}), name, verdict)
    return (decision.method.name if decision.method else None), decision.rule


def _accounts(seed: int, n: int = 200, width: int = 8) -> list[int]:
    r = random.Random(seed)
    return [r.randrange(10 ** (width - 1), 10**width) for _ in range(n)]


# ---------------------------------------------------------------- masked: a name that gives no evidence


@pytest.mark.parametrize("name", ["c3", "fld_k", "col_7", "f14", "x", "value_2", "attr7"])
def test_accounts_stored_as_integers_under_a_placeholder_name_are_masked_not_typed(name: str) -> None:
    values = pa.array(_accounts(101), pa.int64())
    verdict = classify_column(name, values)
    assert verdict.info_type is None  # no type is claimed
    assert WIDE_INTEGERS in verdict.shape.facts
    decision = decide_unnamed(load_policy({}), name, verdict)
    assert decision.method is not None and decision.method.name == "redact"
    assert decision.rule == f"unclassified: mask ({WIDE_INTEGERS_REASON})"


def test_an_account_repeated_on_every_transaction_is_masked() -> None:
    # Fiftyville's ATM log: 137 accounts over 1,332 rows (10% distinct); many distinct numbers, not mostly distinct
    accounts = _accounts(102, n=60)
    values = pa.array([a for a in accounts for _ in range(7)], pa.int64())
    method, rule = _decide("c2", values)
    assert method == "redact" and WIDE_INTEGERS_REASON in rule


def test_accounts_as_floats_with_nulls_are_masked() -> None:
    series = pd.Series([float(a) for a in _accounts(103)] + [None] * 100, dtype="float64")  # pandas' int with NULLs
    assert _decide("f4", series)[0] == "redact"


def test_a_csv_file_of_accounts_the_sniffer_reads_as_bigint_is_masked(tmp_path: Path) -> None:
    r = random.Random(104)
    path = tmp_path / "bank_accounts.csv"
    path.write_text("c1,c2\n" + "".join(f"{a},{r.randrange(2005, 2020)}\n" for a in _accounts(104, n=150)))
    verdict = classify(str(path)).by_name()["c1"]
    assert verdict.sql_type and "INT" in verdict.sql_type.upper()
    assert decide_unnamed(load_policy({}), "c1", verdict).method is not None


@pytest.mark.parametrize("width", [6, 12, 17])
def test_every_width_of_accounts_and_ids_counts(width: int) -> None:
    values = pa.array(_accounts(105 + width, width=width), pa.int64())
    assert WIDE_INTEGERS in classify_column("c5", values).shape.facts


# ---------------------------------------------------------------- controls: names that say what they are, and
# integers that are not as wide as accounts


@pytest.mark.parametrize("name", ["amount", "order_id", "tracking_number", "sku", "population", "visit_id"])
def test_the_same_integers_under_a_name_that_says_what_they_are_are_not_masked_for_it(name: str) -> None:
    method, rule = _decide(name, pa.array(_accounts(101), pa.int64()))
    assert WIDE_INTEGERS_REASON not in rule


@pytest.mark.parametrize("name", ["amount", "population"])
def test_named_measures_still_pass(name: str) -> None:
    r = random.Random(106)
    values = pa.array([r.randrange(10**5, 10**8) for _ in range(200)], pa.int64())
    assert _decide(name, values) == (None, "classifier: not sensitive (numeric, 0.95)")


def test_counts_amounts_over_magnitudes_and_years_under_placeholders_pass() -> None:
    r = random.Random(107)
    counts = pa.array([r.randrange(0, 5000) for _ in range(300)], pa.int64())
    amounts = pa.array([int(10 ** r.uniform(1, 7)) for _ in range(300)], pa.int64())
    years = pa.array([r.randrange(1950, 2025) for _ in range(300)], pa.int64())
    signed = pa.array([r.randrange(-10**7, 10**7) for _ in range(300)], pa.int64())  # balances: minus signs
    for values in (counts, amounts, years, signed):
        assert _decide("c4", values)[0] is None


def test_a_run_of_row_ids_under_a_placeholder_passes() -> None:
    values = pa.array(list(range(100001, 100401)), pa.int64())
    assert WIDE_INTEGERS not in classify_column("c1", values).shape.facts
    assert _decide("c1", values)[0] is None


def test_a_few_wide_numbers_say_nothing() -> None:
    values = pa.array(_accounts(108, n=8) * 20, pa.int64())
    assert WIDE_INTEGERS not in classify_column("c6", values).shape.facts


def test_the_unclassified_pass_policy_still_passes_them() -> None:
    verdict = classify_column("c3", pa.array(_accounts(101), pa.int64()))
    assert decide_unnamed(load_policy({"unclassified": "pass"}), "c3", verdict).method is None
