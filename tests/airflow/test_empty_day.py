"""A pipeline's empty day (``mt_empty_day``, run in the shared dag.test() process): every operator succeeds on a
source with columns and no row, writes an empty output with the same columns, masks every column the policy
does not name (a scan of no rows vouches for nothing) and reports 0 rows in its XCom and its lineage."""

from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

TASKS = {"empty_csv_to_parquet": "empty_customers_masked.parquet", "empty_table": "empty_customers_masked",
         "empty_query": "empty_query_masked"}


def _summaries(airflow_runs):
    return {t: json.loads(v) for t, k, v in airflow_runs.xcoms("mt_empty_day") if k == "return_value"}


def test_every_operator_succeeds_on_a_source_without_rows(airflow_runs):
    run = airflow_runs.run("mt_empty_day")
    assert run["tasks"] == dict.fromkeys(TASKS, "success"), run["tasks"]


def test_the_empty_outputs_keep_the_columns_with_every_unnamed_column_masked(airflow_runs):
    import duckdb

    summaries = _summaries(airflow_runs)
    source = duckdb.connect(str(airflow_runs.duckdb_path), read_only=True)
    try:
        columns = [r[0] for r in source.execute("DESCRIBE empty_customers").fetchall()]
        written = {"empty_table": source.execute("DESCRIBE empty_customers_masked").fetchall(),
                   "empty_query": source.execute("DESCRIBE empty_query_masked").fetchall()}
        assert source.execute("SELECT count(*) FROM empty_customers_masked").fetchone() == (0,)
        assert source.execute("SELECT count(*) FROM empty_query_masked").fetchone() == (0,)
    finally:
        source.close()
    parquet = airflow_runs.data_dir / "out" / TASKS["empty_csv_to_parquet"]
    written["empty_csv_to_parquet"] = duckdb.sql(f"DESCRIBE SELECT * FROM '{parquet}'").fetchall()
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall() == [(0,)]
    expected = {"empty_csv_to_parquet": columns, "empty_table": columns, "empty_query": ["customer_id", "email"]}
    for task, names in expected.items():
        # redact's output is text whatever the column's type, as on a day with rows
        assert [(r[0], r[1]) for r in written[task]] == [(n, "VARCHAR") for n in names], task
        assert summaries[task]["rows"] == 0, summaries[task]
        assert sorted(summaries[task]["masked_columns"]) == sorted(names), summaries[task]
        assert set(summaries[task]["masked_columns"].values()) == {"redact"}, summaries[task]


def test_lineage_says_zero_rows_were_masked(airflow_runs):
    for task in TASKS:
        events = [e for e in airflow_runs.lineage_events if e.get("eventType") == "COMPLETE"
                  and e.get("job", {}).get("name") == f"mt_empty_day.{task}"]
        assert events, task
        assert events[-1]["outputs"][0]["facets"]["maskline_masking"]["rowsMasked"] == 0, task
