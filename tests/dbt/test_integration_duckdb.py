"""The integration project on DuckDB: builds, expected failures fail, tokens equal the core's."""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject, assert_build_passed, key_exposures
from tests.dbt.parity import case_frame, case_policy, core_masked, mismatches, seed_meta_policy

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]


def _read(project: DbtProject, sql: str):
    import duckdb

    con = duckdb.connect(str(project.root.parent / "it.duckdb"), read_only=True)
    try:
        return con.sql(sql).df()
    finally:
        con.close()


def test_build_passes_everything_but_the_tests_expected_to_fail(duckdb_project: DbtProject) -> None:
    assert_build_passed(duckdb_project)


def test_failing_tests_show_and_store_counts_never_raw_values(duckdb_project: DbtProject) -> None:
    out = duckdb_project.build.stdout  # type: ignore[attr-defined]
    for raw in ("alice.martin@example.com", "123-45-6789", "987-65-4320"):
        assert raw not in out
    stored = _read(duckdb_project, "select * from main_dbt_test__audit.maskline_maskline_no_pii_leaky_export_email__EMAIL")
    assert list(stored.columns) == ["info_type", "matching_rows"]
    assert stored.to_dict("records") == [{"info_type": "EMAIL", "matching_rows": 6}]


def test_every_method_matches_the_core_value_by_value(duckdb_project: DbtProject) -> None:
    raw = _read(duckdb_project, "select * from raw_customers order by id")
    dbt_out = _read(duckdb_project, "select * from every_method order by id")
    expected = core_masked(case_frame(raw), case_policy(), "cases")
    assert mismatches(dbt_out, expected) == []


def test_masked_columns_matches_the_core_policy_from_schema_meta(duckdb_project: DbtProject) -> None:
    raw = _read(duckdb_project, "select * from raw_customers order by id")
    dbt_out = _read(duckdb_project, "select * from customers_masked order by id")
    assert list(dbt_out.columns) == list(raw.columns)
    expected = core_masked(raw, seed_meta_policy(), "raw_customers")
    assert mismatches(dbt_out, expected) == []


def test_dynamic_view_shows_raw_only_to_the_unmask_role(duckdb_project: DbtProject) -> None:
    import duckdb

    con = duckdb.connect(str(duckdb_project.root.parent / "it.duckdb"), read_only=True)
    try:
        query = "select email, ssn, birth_date from customers_for_analysts where id = 1"
        masked = con.execute(query).fetchone()
        con.execute("SET VARIABLE maskline_role = 'pii_reader'")
        raw = con.execute(query).fetchone()
    finally:
        con.close()
    assert masked[:2] == ("*****@example.com", "*******6789")
    assert str(masked[2]) == "1985-01-01"
    assert raw[:2] == ("alice.martin@example.com", "123-45-6789")
    assert str(raw[2]) == "1985-03-14"


def test_key_never_lands_in_target_or_logs(duckdb_project: DbtProject) -> None:
    assert (duckdb_project.root / "target" / "compiled").exists()
    assert key_exposures(duckdb_project.root) == []
