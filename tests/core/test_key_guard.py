"""Keyed SQL run in a session without key material raises; it never returns NULL or an unkeyed hash."""

from __future__ import annotations

import pytest

from maskline.dialects import get_dialect
from maskline.dialects.base import KEY_MISSING_MESSAGE
from maskline.plan import build_plan
from maskline.policy import load_policy
from maskline.sql.compile import compile_select

RAW = "ann@example.com"


def _select(method: str, dialect: str) -> str:
    policy = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"method": method}}}}})
    return compile_select(build_plan(policy, "t", [("e", "varchar")]), "t", dialect).sql(dialect)


@pytest.mark.parametrize("method", ["hmac", "hash", "fake"])
def test_duckdb_keyed_sql_without_a_key_raises_and_with_one_gives_the_same_tokens(method, key) -> None:
    import duckdb

    from maskline.sql.session import apply_key_setup

    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT ? AS e", [RAW])
    with pytest.raises(duckdb.Error) as e:
        con.execute(_select(method, "duckdb")).fetchall()
    assert KEY_MISSING_MESSAGE in str(e.value) and RAW not in str(e.value)
    apply_key_setup(con, "duckdb", key)
    import pandas as pd

    from maskline.engine.frames import mask_frame

    expected = mask_frame(pd.DataFrame({"e": [RAW]}), {"datasets": {"t": {"columns": {"e": {"method": method}}}}},
                          table="t", key=key)["e"].tolist()
    assert [r[0] for r in con.execute(_select(method, "duckdb")).fetchall()] == expected


def test_duckdb_a_view_read_from_another_session_raises() -> None:
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT ? AS e", [RAW])
    con.execute("CREATE VIEW v AS " + _select("hmac", "duckdb"))
    # Not trivially true: the unguarded read of the session value is NULL here, so an unguarded hmac is NULL.
    assert con.execute("SELECT GETVARIABLE('maskline_ipad')").fetchall() == [(None,)]
    with pytest.raises(duckdb.Error, match="no masking key"):
        con.cursor().execute("SELECT * FROM v").fetchall()


@pytest.mark.parametrize("state", ["never set", "emptied"])
def test_postgres_keyed_sql_without_a_key_raises(pg_conn, key, state) -> None:
    import psycopg2

    from maskline.sql.session import apply_key_setup

    with pg_conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE t AS SELECT %s::text AS e", (RAW,))
        if state == "emptied":
            apply_key_setup(cur, "postgres", key)
            for name in ("ipad", "opad", "salt"):
                cur.execute(f"RESET maskline.{name}")
            # Not trivially true: a reset setting reads '' rather than failing, i.e. an empty key.
            cur.execute("SELECT current_setting('maskline.ipad')")
            assert cur.fetchone() == ("",)
        for method in ("hmac", "hash", "fake"):
            with pytest.raises(psycopg2.Error) as e:
                cur.execute(_select(method, "postgres"))
            assert KEY_MISSING_MESSAGE in str(e.value) and RAW not in str(e.value)
        apply_key_setup(cur, "postgres", key)
        cur.execute(_select("hmac", "postgres"))
        assert len(cur.fetchone()[0]) == 64


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "spark", "bigquery"])
def test_every_dialect_with_a_raise_function_guards_its_session_key(dialect) -> None:
    sql = get_dialect(dialect).key_session_ref("ipad").sql(get_dialect(dialect).sqlglot_name)
    # PostgreSQL names its built-ins with their schema (pg_catalog.decode): maskline.dialects.postgres_catalog
    assert KEY_MISSING_MESSAGE in sql and sql.upper().startswith(("CASE", "DECODE", "PG_CATALOG.DECODE", "UNHEX", "FROM_HEX"))


def test_a_new_dialect_inherits_the_guard_by_overriding_only_its_primitives() -> None:
    from sqlglot import exp

    from maskline.dialects.base import Dialect, fn, lit

    class Engine(Dialect):
        def session_key(self, name: str) -> exp.Expression:
            return exp.column(f"maskline_{name}")

        def raise_error(self, message: str, depends_on: exp.Expression) -> exp.Expression | None:
            return fn("FAIL", lit(message))

    sql = Engine().key_session_ref("salt").sql()
    assert sql.startswith("FROM_HEX(CASE WHEN maskline_salt IS NULL THEN FAIL(")
