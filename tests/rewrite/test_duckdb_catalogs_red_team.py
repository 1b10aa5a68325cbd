"""Red team of DuckDB multi-database connections: attached databases, ``temp``, ``system``, ``memory.main``.

The one leak found: DuckDB binds ``customers`` and ``main.customers`` through its search path, where ``temp.main``
comes before the current database. The rewrite checked ``memory.main.customers`` (its columns, that it stores its
rows) and its masked relation then read whatever the name bound to: a temporary view of that name, read in place
of the table, passed the view's columns under the table's decisions (``unclassified: pass``). A masked relation now
names the catalog and schema its table was checked in. The other attacks are refused, each with a control that
shows DuckDB itself would have answered them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.pii_data import create_duckdb, find_leaks

# Every column of customers, in order, with the raw SSN under the name of the column the policy passes (city).
SHADOW = ("SELECT id, name, email, ssn, phone, username, passport, dob, ssn AS city, tier "
          "FROM memory.main.customers")
QUERIES = ("SELECT city FROM customers ORDER BY id", "SELECT c.city FROM main.customers AS c ORDER BY c.id",
           "SELECT * FROM customers ORDER BY id")


def _connection(key: Any) -> Any:
    from maskline.sql.session import apply_key_setup

    con = duckdb.connect()
    create_duckdb(con)
    apply_key_setup(con, "duckdb", key)
    return con


@pytest.fixture
def key() -> Any:
    from maskline.keys import KeyMaterial
    from tests.conftest import TEST_KEY

    return KeyMaterial(TEST_KEY.encode(), source="test")


def _rows(con: Any, policy: Any, sql: str) -> list[tuple[Any, ...]]:
    return run_masked(con, rewrite(sql, policy, "duckdb", connection=con), key_loaded=True, harden=False).rows


@pytest.mark.parametrize("kind", ["VIEW", "TABLE"])
def test_a_temporary_relation_named_like_a_policy_table_is_not_read_in_its_place(pii_policy, needles, key,
                                                                                   kind) -> None:
    plain = _connection(key)
    expected = {sql: _rows(plain, pii_policy, sql) for sql in QUERIES}  # the control: no temp relation
    assert expected[QUERIES[0]][0] == ("Springfield",) and not find_leaks(expected[QUERIES[2]], needles)
    plain.close()
    con = _connection(key)
    con.execute(f"CREATE TEMP {kind} customers AS {SHADOW}")
    assert find_leaks(con.execute(QUERIES[1]).fetchall(), needles)  # the control: DuckDB binds the name to temp
    for sql in QUERIES:  # failed before the masked relation named its catalog: the SSNs came back as city
        assert _rows(con, pii_policy, sql) == expected[sql], sql
    con.close()


def test_a_masked_relation_names_the_catalog_its_table_was_checked_in(pii_policy, key, tmp_path: Path) -> None:
    con = _connection(key)
    assert 'FROM "memory"."main".customers' in rewrite("SELECT city FROM customers", pii_policy, "duckdb",
                                                   connection=con).sql
    # an attached database made current (USE) is the connection's own catalog: its tables are read there, by name
    con.execute(f"ATTACH '{tmp_path / 'shop.duckdb'}' AS shop")
    con.execute("CREATE TABLE shop.main.customers AS SELECT * FROM memory.main.customers")
    con.execute("USE shop")
    r = rewrite("SELECT email FROM customers", pii_policy, "duckdb", connection=con)
    assert 'FROM "shop"."main".customers' in r.sql and r.masked_columns == ("email",)
    assert run_masked(con, r, key_loaded=True, harden=False).rows[0] == ("*****@quillfeather-mail.example",)
    con.close()


def test_an_attached_database_file_is_not_read_through_the_masked_query_path(pii_policy, needles, key,
                                                                               tmp_path: Path) -> None:
    con = _connection(key)
    con.execute(f"ATTACH '{tmp_path / 'other.duckdb'}' AS other")
    con.execute(f"CREATE TABLE other.main.customers AS {SHADOW}")  # same name as the policy's table
    con.execute("CREATE TABLE other.main.vault AS SELECT 1 AS id, ssn AS note FROM memory.main.customers")
    con.execute("CREATE VIEW other.main.v AS SELECT * FROM memory.main.customers")
    attacks = ("SELECT city FROM other.main.customers", "SELECT city FROM other.customers", "SELECT note FROM other.vault",
               "SELECT note FROM other.main.vault", "SELECT ssn FROM other.main.v",
               "SELECT o.city FROM customers c JOIN other.main.customers o ON o.id = c.id")
    for sql in attacks:
        assert find_leaks(con.execute(sql).fetchall(), needles), sql  # the control: DuckDB reads them raw
        with pytest.raises(RewriteRefused, match="is not in the schema"):
            rewrite(sql, pii_policy, "duckdb", connection=con)
    # the control: the policy's table in the connection's own catalog reads masked, its unnamed column as is
    assert _rows(con, pii_policy, "SELECT email, city FROM customers WHERE id = 1") == [
        ("*****@quillfeather-mail.example", "Springfield")]
    con.close()


SYSTEM = ("SELECT * FROM duckdb_variables()", "SELECT * FROM system.main.duckdb_variables()",
          "SELECT value FROM duckdb_variables() WHERE name = 'maskline_salt'",
          "SELECT getvariable('maskline_salt')", "SELECT * FROM query('SELECT getvariable(''maskline_salt'')')",
          "SELECT * FROM query_table('other.main.vault')", "SELECT * FROM system.main.duckdb_settings()",
          "SELECT * FROM information_schema.columns WHERE table_catalog = 'other'", "SELECT * FROM system.information_schema.tables",
          "SELECT * FROM pragma_database_list", "SELECT * FROM temp.main.customers",
          "SELECT * FROM system.pg_catalog.pg_prepared_statements", "SELECT current_setting('search_path')")


@pytest.mark.parametrize("sql", SYSTEM)
def test_system_and_temp_catalogs_and_table_functions_are_refused(pii_policy, key, sql) -> None:
    con = _connection(key)
    con.execute("ATTACH ':memory:' AS other")
    con.execute("CREATE TABLE other.main.vault AS SELECT 1 AS id")
    con.execute(f"CREATE TEMP TABLE customers AS {SHADOW}")
    assert con.execute(sql).fetchall() is not None  # the control: DuckDB itself answers each of them
    with pytest.raises(RewriteRefused):
        rewrite(sql, pii_policy, "duckdb", connection=con)
    con.close()


def test_the_key_variables_are_what_duckdb_variables_would_expose(key) -> None:
    con = _connection(key)  # the control of the test above: the session holds the key where duckdb_variables shows it
    names = {r[0] for r in con.execute("SELECT name FROM duckdb_variables()").fetchall()}
    assert {"maskline_ipad", "maskline_opad", "maskline_salt"} <= names
    con.close()


@pytest.mark.postgres
def test_mask_query_keeps_to_the_postgres_connections_own_database(pg, pii_policy) -> None:
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named

    with pg.cursor() as cur:
        cur.execute("SELECT current_database(), current_schema()")
        database, schema = cur.fetchone()
    warehouse = Warehouse(pg, engine_named("postgres"))
    # the control: the connection's own database, named in full, reads masked
    query = mask_query(f"SELECT email, city FROM {database}.{schema}.customers WHERE id = 1", pii_policy, warehouse)
    with pg.cursor() as cur:
        cur.execute(query.select.sql("postgres"))
        assert cur.fetchall() == [("*****@quillfeather-mail.example", "Springfield")]
    # another database's name was looked up in this one (PostgreSQL ignores it), so the rewrite took it for ours
    with pytest.raises(RewriteRefused, match="is not in the schema"):
        mask_query(f"SELECT email FROM elsewhere.{schema}.customers", pii_policy, warehouse)


@pytest.mark.postgres
def test_a_temporary_view_named_like_a_policy_table_is_not_read_in_its_place_on_postgres(pg, pii_policy,
                                                                                         needles) -> None:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return run_masked(pg, rewrite(sql, pii_policy, "postgres", connection=pg), key_loaded=True, harden=False).rows

    with pg.cursor() as cur:
        cur.execute("SELECT current_schema()")
        schema = cur.fetchone()[0]
    queries = [sql.replace("main.", f"{schema}.") for sql in QUERIES]
    expected = {sql: rows(sql) for sql in queries}  # the control: no temp relation
    assert expected[queries[0]][0] == ("Springfield",) and not find_leaks(expected[queries[2]], needles)
    with pg.cursor() as cur:
        cur.execute(f"CREATE TEMP VIEW customers AS {SHADOW.replace('memory.main.', f'{schema}.')}")
        try:
            cur.execute(queries[0])
            assert find_leaks(cur.fetchall(), needles)  # the control: PostgreSQL binds the name to pg_temp first
            for sql in queries:  # failed before the masked relation named its schema: the SSNs came back as city
                assert rows(sql) == expected[sql], sql
        finally:
            cur.execute("DROP VIEW pg_temp.customers")
