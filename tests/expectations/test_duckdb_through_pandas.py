"""README (Checks with Great Expectations): GX's SQL data source cannot read a DuckDB file, and
``maskline.expectations.batches.duckdb_batch(context, connection, table).validate(suite)`` is the way that works,
on a real DuckDB file and GX context."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def _suite(context: Any, name: str) -> Any:
    import great_expectations as gx

    from maskline.expectations import ExpectColumnValuesToNotContainPii

    suite = context.suites.add(gx.ExpectationSuite(name=name))
    suite.add_expectation(ExpectColumnValuesToNotContainPii(column="email"))
    return suite


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    import duckdb

    path = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA hr; CREATE TABLE hr.masked (email VARCHAR); CREATE TABLE hr.raw (email VARCHAR)")
    con.execute("INSERT INTO hr.masked VALUES ('*****@acme.io'), ('[EMAIL]'); INSERT INTO hr.raw VALUES ('ann@acme.io')")
    con.close()
    return path


def test_gx_sql_data_source_on_duckdb_gives_exceptions_not_results(gx_context: Any, warehouse: Path) -> None:
    """Why the README sends DuckDB users to pandas: if GX learns to read DuckDB, this fails and the README changes."""
    source = gx_context.data_sources.add_sql("duck_sql", connection_string=f"duckdb:///{warehouse}")
    batch = source.add_table_asset("masked", table_name="masked", schema_name="hr") \
        .add_batch_definition_whole_table("all").get_batch()
    result = batch.validate(_suite(gx_context, "duck_sql"))
    assert not result.success and all(r.exception_info for r in result.results)


def test_duckdb_batch_validates_and_a_raw_column_still_fails(gx_context: Any, warehouse: Path) -> None:
    import duckdb

    from maskline.expectations.batches import duckdb_batch

    suite = _suite(gx_context, "duck_pandas")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert duckdb_batch(gx_context, con, "hr.masked").validate(suite).success
        raw = duckdb_batch(gx_context, con, "hr.raw").validate(suite)  # control: the check is not vacuous
    finally:
        con.close()
    assert not raw.success and raw.results[0].result["unexpected_count"] == 1
