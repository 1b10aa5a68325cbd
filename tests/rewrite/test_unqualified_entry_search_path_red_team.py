"""An unqualified policy entry cannot be moved by the session's search path onto a look-alike view.

``customers:`` (no schema) is the table of the session's current schema: the first schema of its ``search_path``
(that keeps per-schema setups working unqualified: ``test_unqualified_entry_per_schema.py``). A role's own setting
(``ALTER ROLE ... IN DATABASE ... SET search_path = look, public``), the database's or the DSN's ``options`` put a
look-alike schema first, and the entry, its ``pass: true`` column included, moved to ``look.customers``: a view over
``public.customers`` that renames ``ssn`` to that column passed every SSN raw. Now, when the session's path resolves
the name, away from the engine's default schema (``public``, DuckDB's ``main``), to a relation that stores no rows of
its own while that schema holds a namesake, the query is refused, naming both relations and the fix (qualify the
entry): which one the entry meant cannot be told from the policy. The namesake is read in the rewrite's one catalog
statement (``CatalogFacts.default_namesake``: no statement more, ``test_catalog_facts_statements``). Trino has no search path:
the client names the session's schema, which an unqualified entry keeps naming. Real PostgreSQL (a login role with
its own path), DuckDB and Trino.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from maskline.errors import MasklineError
from maskline.keys import KeyMaterial
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

SSN = "219-09-9999"
POLICY = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {
    "ssn": {"info_type": "US_SSN", "method": "redact"}, "note": {"pass": True}}}}})
KEY = KeyMaterial(b"k" * 32, source="test")
# the look-alike: a view whose `note` is the real table's ssn, so the entry's pass reaches the SSN if it moves
LOOKALIKE = "CREATE VIEW look.customers AS SELECT id, ssn AS note, 'none' AS ssn FROM {real}.customers"


def _outcome(sql: str, dialect: str, con: Any) -> str | list[tuple[Any, ...]]:
    try:
        return run_masked(con, rewrite(sql, POLICY, dialect, connection=con), KEY).rows
    except MasklineError as e:
        return str(e)


def _assert_held(dialect: str, con: Any, real: str) -> None:
    for sql in ("SELECT note FROM customers", "SELECT * FROM customers", "SELECT note FROM look.customers"):
        out = _outcome(sql, dialect, con)
        assert isinstance(out, str) and SSN not in out, (sql, out)
        assert "resolves through the session's search_path to look.customers, a relation that stores no rows of " \
               f"its own (a view), while {real}.customers exists too" in out, out
        assert f'Fix: qualify the entry ("{real}.customers" or "look.customers")' in out, out
    # the table the entry was written for, read through the moved path: refused too (the entry names look's)
    out = _outcome(f"SELECT id, ssn, note FROM {real}.customers", dialect, con)
    assert isinstance(out, str) and SSN not in out, out


@pytest.mark.postgres
def test_a_roles_search_path_does_not_move_an_unqualified_entry_on_postgres(pg_module_dsn: str) -> None:
    import psycopg2

    from tests.pg_sessions import execute

    login = f"ml_path_{uuid.uuid4().hex[:8]}"
    database = urlsplit(pg_module_dsn).path.lstrip("/")
    execute(pg_module_dsn, "CREATE TABLE public.customers (id integer, ssn text, note text)",
            f"INSERT INTO public.customers VALUES (1, '{SSN}', 'n')", "CREATE SCHEMA look",
            LOOKALIKE.format(real="public"), f"CREATE ROLE {login} LOGIN PASSWORD 'pw'",
            f"GRANT USAGE ON SCHEMA look TO {login}", f"GRANT SELECT ON ALL TABLES IN SCHEMA public, look TO {login}",
            f'ALTER ROLE {login} IN DATABASE "{database}" SET search_path = look, public')
    u = urlsplit(pg_module_dsn)
    con = psycopg2.connect(f"postgresql://{login}:pw@{u.hostname}:{u.port or 5432}{u.path}")
    try:
        with con.cursor() as cur:  # the role's own path is in force: the look-alike is what `customers` reads
            cur.execute("SELECT current_schema(), note FROM customers")
            assert cur.fetchall() == [("look", SSN)]
        con.rollback()
        _assert_held("postgres", con, "public")
    finally:
        con.close()
        execute(pg_module_dsn, f"DROP OWNED BY {login} CASCADE", f"DROP ROLE {login}")


def test_a_sessions_schema_does_not_move_an_unqualified_entry_on_duckdb() -> None:
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE TABLE main.customers AS SELECT 1 AS id, '{SSN}' AS ssn, 'n' AS note")
    con.execute("CREATE SCHEMA look")
    con.execute(LOOKALIKE.format(real="main"))
    con.execute("SET schema = 'look'")
    assert con.execute("SELECT note FROM customers").fetchall() == [(SSN,)]
    _assert_held("duckdb", con, "main")


@pytest.fixture()
def trino_schemas(trino_url: str) -> Iterator[tuple[Any, str]]:
    from maskline.adapters.trino import connect

    real = f"ml_real_{uuid.uuid4().hex[:8]}"
    admin = connect(trino_url, catalog="memory")
    cur = admin.cursor()
    for statement in (f"CREATE SCHEMA memory.{real}", f"CREATE SCHEMA memory.{real}_look",
                      f"CREATE TABLE memory.{real}.customers AS SELECT 1 AS id, '{SSN}' AS ssn, 'n' AS note",
                      f"CREATE TABLE memory.{real}_look.customers AS SELECT id, ssn AS note, 'none' AS ssn "
                      f"FROM memory.{real}.customers"):
        cur.execute(statement)
        cur.fetchall()
    con = connect(trino_url, catalog="memory", schema=real)
    try:
        yield con, real
    finally:
        con.close()
        for statement in (f"DROP TABLE memory.{real}.customers", f"DROP TABLE memory.{real}_look.customers",
                          f"DROP SCHEMA memory.{real}", f"DROP SCHEMA memory.{real}_look"):
            cur.execute(statement)
            cur.fetchall()
        admin.close()


@pytest.mark.trino
def test_an_unqualified_entry_is_the_trino_sessions_schema_and_another_schemas_namesake_is_refused(
        trino_schemas: tuple[Any, str]) -> None:
    con, real = trino_schemas
    assert _outcome("SELECT id, ssn, note FROM customers", "trino", con) == [(1, "[US_SSN]", "n")]
    out = _outcome(f"SELECT note FROM memory.{real}_look.customers", "trino", con)
    assert isinstance(out, str) and SSN not in out
    assert out.startswith(f"policy entry 'customers' names the table of the default schema {real}, not"), out
