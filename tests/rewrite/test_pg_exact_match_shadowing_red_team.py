"""Red team (round redteam12): a function of the session's path that matches a raw column's type exactly.

PostgreSQL picks, among the functions of a name on the search path, one whose argument types match the call's
exactly before any that needs a cast, whatever the path's order: ``pg_catalog`` being searched first decides ties
only. maskline's PostgreSQL masking SQL calls ``PG_TYPEOF(column)`` on the raw column in ``generalize: {to: day|month}``
(and ``LOWER(column)`` in the boolean shape guard); ``pg_catalog.pg_typeof`` takes ``"any"``, so a
``pg_typeof(character varying)`` in any schema on the path (``public`` on PostgreSQL 14 and older, where every role
may create; the data's own schema; a schema a role's ``search_path`` names) is the exact match on a ``varchar``
column, and runs on every raw value, in a session that may hold the key.

The safe query path (``SET LOCAL search_path = pg_catalog, pg_temp``, round search path) and ``maskline protect``
(views bound under the same path) were closed, and stay so here. A masking job's warehouse session
(``MaskTableOperator``, ``MaskQueryOperator``: :class:`airflow_plugin.warehouse.Warehouse`) ran the same SQL under
the session's own path: the function was handed every raw date and read the key's inner pad (the key XOR 0x36).
Its writing transaction now pins the path as the query path does (``builtin_names_only``), and an unqualified
table name is given the schema it read before (``Warehouse.default_schema``, the session's ``current_schema()``).
dbt-postgres models ran the same SQL under dbt's session path; since round pgcatalog the SQL itself names
``pg_catalog.<name>`` for every function and operator (:mod:`maskline.dialects.postgres_catalog`), under any path.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlglot import exp

from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

pytestmark = pytest.mark.postgres

POLICY = {"unclassified": "pass", "datasets": {"people": {"columns": {
    "born": {"method": {"method": "generalize", "to": "month"}}, "email": {"method": "hmac"}}}}}
RAW = "1981-04-17"


@pytest.fixture()
def schema(pg_dsn: str) -> Iterator[tuple[Any, str]]:
    """A data schema holding a ``varchar`` column of dates and, beside it, an exact-match ``pg_typeof`` that records
    what it is handed and the key's pad the session holds."""

    from tests.conftest import scratch

    name = f"shadow_{uuid.uuid4().hex[:8]}"
    create = "; ".join([
        f"CREATE SCHEMA {name}",
        f"CREATE TABLE {name}.people (id integer, born varchar(20), email text)",
        f"INSERT INTO {name}.people VALUES (1, '{RAW}', 'ann@x.example')",
        f"CREATE TABLE {name}.calls (v text, ipad text)",
        f"GRANT ALL ON SCHEMA {name} TO PUBLIC",
        f"GRANT INSERT ON {name}.calls TO PUBLIC",
        f"CREATE FUNCTION {name}.pg_typeof(x character varying) RETURNS regtype LANGUAGE plpgsql AS $$ "
        f"BEGIN INSERT INTO {name}.calls VALUES (x, pg_catalog.current_setting('maskline.ipad', true)); "
        "RETURN 'character varying'::regtype; END $$",
    ])
    with scratch(pg_dsn, create, f"DROP SCHEMA {name} CASCADE") as admin:
        yield admin, name


def _calls(admin: Any, name: str) -> list[tuple[str, str | None]]:
    with admin.cursor() as cur:
        cur.execute(f"SELECT v, ipad FROM {name}.calls")
        return cur.fetchall()


def _session(pg_dsn: str, name: str, *, autocommit: bool = True) -> Any:
    import psycopg2

    conn = psycopg2.connect(pg_dsn, options=f"-c search_path={name}")  # the data's schema, as a role's path would
    conn.autocommit = autocommit
    return conn


def test_the_masking_sql_calls_pg_catalogs_under_the_sessions_own_path(pg_dsn: str, schema: tuple[Any, str]) -> None:
    from maskline.dialects import KeyMode
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression, to_sql

    admin, name = schema
    sql = to_sql(mask_expression(exp.column("born"), method_spec("generalize", {"to": "month"}), "postgres",
                                 source_type="varchar", key_mode=KeyMode.SESSION), "postgres")
    conn = _session(pg_dsn, name)
    try:
        with conn.cursor() as cur:
            cur.execute(f"SELECT {sql} FROM people")  # no pinned path: the SQL names pg_catalog.pg_typeof itself
    finally:
        conn.close()
    assert "pg_catalog.pg_typeof(" in sql
    assert _calls(admin, name) == []


def test_the_query_path_calls_pg_catalogs(pg_dsn: str, schema: tuple[Any, str]) -> None:
    admin, name = schema
    conn = _session(pg_dsn, name)
    try:
        rows = run_masked(conn, rewrite("SELECT born, email FROM people", load_policy(POLICY), "postgres",
                                        connection=conn), key_material()).rows
    finally:
        conn.close()
    assert rows[0][0] == "1981-04"
    assert _calls(admin, name) == []


def test_a_protect_view_calls_pg_catalogs(pg_dsn: str) -> None:
    from tests.protect_database import scratch_database

    with scratch_database(pg_dsn) as db:
        db.sql(f"CREATE TABLE {db.raw}.t (id integer, born varchar(20))")
        db.sql(f"INSERT INTO {db.raw}.t VALUES (1, '{RAW}')")
        db.sql(f"CREATE TABLE {db.raw}.calls (v text)")
        db.sql(f"GRANT USAGE ON SCHEMA {db.raw} TO PUBLIC")
        db.sql(f"GRANT INSERT ON {db.raw}.calls TO PUBLIC")
        db.sql(f"CREATE FUNCTION {db.raw}.pg_typeof(x character varying) RETURNS regtype LANGUAGE plpgsql AS $$ "
               f"BEGIN INSERT INTO {db.raw}.calls VALUES (x); RETURN 'character varying'::regtype; END $$")
        db.sql(f"SET search_path = {db.raw}")  # the admin's session, when protect creates the views
        db.protect({"born": {"method": {"method": "generalize", "to": "month"}}})
        rows = db.read_as_reader("SELECT born FROM {masked}.t")
        assert rows == [("1981-04",)]
        # a reader whose own path lists the schema: the view's functions were bound when it was created
        assert db.read_as_reader(f"SET search_path = {db.raw}; SELECT born FROM {{masked}}.t") == [("1981-04",)]
        assert db.sql(f"SELECT v FROM {db.raw}.calls") == []


def test_a_masking_job_calls_pg_catalogs(pg_dsn: str, schema: tuple[Any, str]) -> None:
    from airflow_plugin.warehouse import Warehouse
    from maskline.adapters import engine
    from maskline.dialects import KeyMode
    from maskline.plan import build_plan
    from maskline.sql.compile import compile_select

    admin, name = schema
    warehouse = Warehouse(_session(pg_dsn, name, autocommit=False), engine("postgres"))
    try:
        warehouse.load_key(key_material())
        plan = build_plan(load_policy(POLICY), "people", [("id", "integer"), ("born", "varchar(20)"),
                                                           ("email", "text")])
        # unqualified, as MaskTableOperator's source and target usually are: they still read the session's schema
        select = compile_select(plan, warehouse.table("people"), warehouse.dialect, key_mode=KeyMode.SESSION)
        assert warehouse.replace_table("masked", select) == 1
    finally:
        warehouse.close()
    assert _calls(admin, name) == []
    with admin.cursor() as cur:
        cur.execute(f"SELECT born FROM {name}.masked")
        assert cur.fetchall() == [("1981-04",)]


def test_a_protect_view_read_under_a_path_with_a_shadowing_operator_calls_pg_catalogs(pg_dsn: str) -> None:
    """A reader whose path lists a schema holding ``||`` on ``(text, text)`` and ``pg_typeof(varchar)`` before
    ``pg_catalog``: the view's SQL names ``OPERATOR(pg_catalog.||)`` and ``pg_catalog.pg_typeof``, so neither is
    called, at creation under the admin's path or at the reader's read (round pgcatalog)."""
    from tests.protect_database import scratch_database

    with scratch_database(pg_dsn) as db:
        db.sql(f"CREATE TABLE {db.raw}.t (id integer, born varchar(20), card text)")
        db.sql(f"INSERT INTO {db.raw}.t VALUES (1, '{RAW}', '4111111111111111')")
        db.sql(f"CREATE TABLE {db.raw}.calls (v text)")
        db.sql(f"GRANT USAGE ON SCHEMA {db.raw} TO PUBLIC")
        db.sql(f"GRANT INSERT ON {db.raw}.calls TO PUBLIC")
        db.sql(f"CREATE FUNCTION {db.raw}.pg_typeof(x character varying) RETURNS regtype LANGUAGE plpgsql AS $$ "
               f"BEGIN INSERT INTO {db.raw}.calls VALUES (x); RETURN 'character varying'::regtype; END $$")
        db.sql(f"CREATE FUNCTION {db.raw}.cat(x text, y text) RETURNS text LANGUAGE plpgsql AS $$ "
               f"BEGIN INSERT INTO {db.raw}.calls VALUES (x); RETURN x; END $$")
        db.sql(f"CREATE OPERATOR {db.raw}.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = {db.raw}.cat)")
        db.sql(f"SET search_path = {db.raw}, pg_catalog")  # the admin's session, when protect creates the views
        db.protect({"born": {"method": {"method": "generalize", "to": "month"}},
                    "card": {"method": {"method": "partial", "keep_last": 4}}})
        read = f"SET search_path = {db.raw}, pg_catalog; SELECT born, card FROM {{masked}}.t"
        assert db.read_as_reader(read) == [("1981-04", "************1111")]
        # control: the reader's unqualified || is the path's operator
        assert db.read_as_reader(f"SET search_path = {db.raw}, pg_catalog; SELECT 'a'::text || 'b'::text") == [("a",)]
        assert db.sql(f"SELECT v FROM {db.raw}.calls") == [("a",)]
