"""A core GX expectation's observed value in the check report: a count stays, a value read from a row does not.

``expect_column_max_to_be_between`` (min, median, quantiles, mean...) reports a value of the column as its
``observed_value``: on a numeric column of card numbers, the largest card number. Before this round the report
kept every numeric observed value as it was, so a failed check put the raw number in the task's exception (the
task log, the lineage FAIL event), its XCom and the ``dataQualityAssertions`` lineage facet. The report now keeps
an observed value only for expectations whose observed value is a count or a share of rows (an allow-list).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.airflow  # the lineage facet is built by the Airflow face's check operator

CARDS = (4929123456789011, 4111111111111111, 5500005555555559)
ROWS = [(1, CARDS[0], 1985), (2, CARDS[1], 1990), (3, CARDS[2], 1990)]
VALUE_EXPECTATIONS = [
    ("expect_column_max_to_be_between", {"column": "card", "max_value": 0}),
    ("expect_column_min_to_be_between", {"column": "card", "max_value": 0}),
    ("expect_column_median_to_be_between", {"column": "card", "max_value": 0}),
    ("expect_column_mean_to_be_between", {"column": "card", "max_value": 0}),
    ("expect_column_sum_to_be_between", {"column": "card", "max_value": 0}),
    ("expect_column_most_common_value_to_be_in_set", {"column": "birth_year", "value_set": [0]}),
]
COUNT_EXPECTATIONS = [
    ("expect_table_row_count_to_be_between", {"max_value": 1}, 3),
    ("expect_column_unique_value_count_to_be_between", {"column": "birth_year", "max_value": 1}, 2),
]


def _needles() -> list[str]:
    """Every card, and what each of the value expectations observes of the cards, as a report would write it."""
    import statistics

    derived = (statistics.median(CARDS), statistics.mean(CARDS), sum(CARDS))
    return [str(c) for c in CARDS] + [str(int(v)) for v in derived]


def _frame() -> Any:
    import pandas as pd

    return pd.DataFrame(ROWS, columns=["id", "card", "birth_year"])


def _batch(engine: str, gx_context: Any, request: pytest.FixtureRequest) -> Any:
    from maskline.expectations.batches import pandas_batch, sql_batch

    if engine == "pandas":
        return pandas_batch(gx_context, _frame())
    import psycopg2

    dsn = request.getfixturevalue("pg_dsn")
    con = psycopg2.connect(dsn)
    con.autocommit = True
    try:
        with con.cursor() as cur:
            cur.execute("DROP TABLE IF EXISTS observed_cards")
            cur.execute("CREATE TABLE observed_cards (id integer, card bigint, birth_year integer)")
            cur.executemany("INSERT INTO observed_cards VALUES (%s, %s, %s)", ROWS)
    finally:
        con.close()
    return sql_batch(gx_context, dsn, "public.observed_cards")


def _results(batch: Any, configs: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    import great_expectations as gx
    from great_expectations.expectations.registry import get_expectation_impl

    suite = gx.ExpectationSuite(name=f"observed_{len(configs)}")
    for kind, kwargs in configs:
        suite.add_expectation(get_expectation_impl(kind)(**kwargs))
    run = batch.validate(suite, result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5})
    return [r.to_json_dict() for r in run.results]


def _sinks(report: Any) -> str:
    """What the check operator writes: the exception's message, the XCom and the lineage facet's assertions."""
    from airflow_plugin.operators.check import check_input_dataset

    dataset = check_input_dataset(report, "postgres://warehouse:5432", "public.observed_cards")
    facet = dataset.inputFacets["dataQualityAssertions"]
    assertions = [{"name": a.name, "actual": a.actual} for a in facet.assertions]
    return report.message() + json.dumps(report.as_dict()) + json.dumps(assertions)


ENGINES = ["pandas", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("engine", ENGINES)
def test_gx_itself_reports_the_columns_values_as_observed(engine: str, gx_context: Any,
                                                          request: pytest.FixtureRequest) -> None:
    # The control: what each expectation hands the report is the raw value (or one derived from few rows).
    observed = [r["result"]["observed_value"] for r in _results(_batch(engine, gx_context, request),
                                                                VALUE_EXPECTATIONS)]
    assert int(observed[0]) == max(CARDS) and int(observed[1]) == min(CARDS)
    assert str(max(CARDS)) in json.dumps(observed)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_failed_checks_report_xcom_and_lineage_hold_no_observed_value(engine: str, gx_context: Any, key: Any,
                                                                       request: pytest.FixtureRequest) -> None:
    from maskline.expectations.report import check_report

    report = check_report("observed_cards", _results(_batch(engine, gx_context, request), VALUE_EXPECTATIONS), key)
    assert len(report.failed) == len(VALUE_EXPECTATIONS)
    text = _sinks(report)
    assert [n for n in _needles() if n in text] == []
    assert all(o.observed and ":" in o.observed for o in report.outcomes)  # a pseudonym, TYPE:token


@pytest.mark.parametrize("engine", ENGINES)
def test_counts_and_shares_of_rows_are_still_reported_as_numbers(engine: str, gx_context: Any, key: Any,
                                                                 request: pytest.FixtureRequest) -> None:
    from maskline.expectations.report import check_report

    configs = [(kind, kwargs) for kind, kwargs, _ in COUNT_EXPECTATIONS]
    report = check_report("observed_cards", _results(_batch(engine, gx_context, request), configs), key)
    assert [o.observed for o in report.outcomes] == [str(n) for _, _, n in COUNT_EXPECTATIONS]
    assert "expect_table_row_count_to_be_between: 3" in report.message()
