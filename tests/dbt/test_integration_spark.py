"""The integration project on a local PySpark session (dbt-spark `session`): the engine users scale out to."""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject, assert_build_passed, key_exposures
from tests.dbt.parity import case_frame, case_policy, core_masked, mismatches, seed_meta_policy

pytestmark = [pytest.mark.dbt, pytest.mark.spark, pytest.mark.xdist_group("dbt")]


@pytest.fixture(scope="module")
def spark_tables(spark_project: DbtProject):
    """The seed and the masked tables, read from the Parquet files Spark wrote (no second JVM)."""
    import duckdb

    base = spark_project.root.parent / "warehouse" / "maskline_it.db"
    con = duckdb.connect()
    try:
        return {t: con.sql(f"select * from read_parquet('{base / t}/*.parquet') order by id").df()
                for t in ("raw_customers", "every_method", "customers_masked")}
    finally:
        con.close()


def test_build_passes_everything_but_the_tests_expected_to_fail(spark_project: DbtProject) -> None:
    assert_build_passed(spark_project)


def test_every_method_matches_the_core_value_by_value(spark_tables) -> None:
    expected = core_masked(case_frame(spark_tables["raw_customers"]), case_policy(), "cases")
    assert mismatches(spark_tables["every_method"], expected) == []


def test_masked_columns_matches_the_core_policy_from_schema_meta(spark_tables) -> None:
    expected = core_masked(spark_tables["raw_customers"], seed_meta_policy(), "raw_customers")
    assert mismatches(spark_tables["customers_masked"], expected) == []


def test_key_stays_out_of_sql_text_and_logs(spark_project: DbtProject) -> None:
    compiled = next((spark_project.root / "target" / "compiled").rglob("every_method.sql")).read_text()
    assert "ELSE maskline_ipad END)" in compiled  # the session variable, guarded: no key, an error
    assert key_exposures(spark_project.root) == []
