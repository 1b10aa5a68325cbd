"""The integration project on a real PostgreSQL: builds, expected failures fail, tokens equal the core's."""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject, assert_build_passed, key_exposures
from tests.dbt.parity import case_frame, case_policy, core_masked, mismatches, seed_meta_policy

pytestmark = [pytest.mark.dbt, pytest.mark.postgres, pytest.mark.xdist_group("dbt")]


def _read(dsn: str, sql: str):
    import pandas as pd
    import psycopg2

    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def test_build_passes_everything_but_the_tests_expected_to_fail(postgres_project: DbtProject) -> None:
    assert_build_passed(postgres_project)
    assert "alice.martin@example.com" not in postgres_project.build.stdout  # type: ignore[attr-defined]


def test_every_method_matches_the_core_value_by_value(postgres_project: DbtProject, pg_dsn: str) -> None:
    raw = _read(pg_dsn, "select * from maskline_it.raw_customers order by id")
    dbt_out = _read(pg_dsn, "select * from maskline_it.every_method order by id")
    expected = core_masked(case_frame(raw), case_policy(), "cases")
    assert mismatches(dbt_out, expected) == []


def test_masked_columns_matches_the_core_policy_from_schema_meta(postgres_project: DbtProject, pg_dsn: str) -> None:
    raw = _read(pg_dsn, "select * from maskline_it.raw_customers order by id")
    dbt_out = _read(pg_dsn, "select * from maskline_it.customers_masked order by id")
    expected = core_masked(raw, seed_meta_policy(), "raw_customers")
    assert mismatches(dbt_out, expected) == []


def test_dynamic_view_shows_raw_only_to_members_of_the_unmask_role(postgres_project: DbtProject, pg_conn) -> None:
    with pg_conn.cursor() as cur:
        for role in ("pii_reader", "ml_analyst"):
            cur.execute(f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
            cur.execute(f"GRANT USAGE ON SCHEMA maskline_it TO {role}")
            cur.execute(f"GRANT SELECT ON maskline_it.customers_for_analysts TO {role}")
        seen = {}
        for role in ("ml_analyst", "pii_reader"):
            cur.execute(f"SET ROLE {role}")
            cur.execute("select email, ssn from maskline_it.customers_for_analysts where id = 1")
            seen[role] = cur.fetchone()
            cur.execute("RESET ROLE")
    assert seen["ml_analyst"] == ("*****@example.com", "*******6789")
    assert seen["pii_reader"] == ("alice.martin@example.com", "123-45-6789")


def test_compiled_sql_reads_the_key_from_the_session_not_a_literal(postgres_project: DbtProject) -> None:
    compiled = next((postgres_project.root / "target" / "compiled").rglob("every_method.sql")).read_text()
    assert "pg_catalog.current_setting('maskline.ipad', TRUE)" in compiled  # the session's, guarded: no key, an error
    # set_key binds the key values as parameters: dbt logs the statement text only
    assert key_exposures(postgres_project.root) == []
