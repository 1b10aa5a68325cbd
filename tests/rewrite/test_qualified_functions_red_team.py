"""Red team (round redteam12): a function written with a schema ran whatever that schema holds, on PostgreSQL.

The allow-list names functions (``lower``, ``generate_series``), and the query path pins PostgreSQL's
``search_path`` to ``pg_catalog, pg_temp`` so that an unqualified name can only find a built-in. A name written with
its schema is not looked up on any path: ``evil.lower(email)`` parses as ``lower`` under a qualifier, passed the
allow-list as ``lower``, and was printed as written, so PostgreSQL ran ``evil.lower``, a function anyone with CREATE
on some schema the login can use had written, inside the transaction that holds the key. Such a function reads
``current_setting('maskline.ipad')`` (the key XOR 0x36) and any table the login can read raw, and returns them
as its result: ``rewrite`` + ``run_masked``, ``maskline mcp`` and the agent toolset returned them. The same held for a
table function in FROM (``FROM evil.generate_series(1, 3)``). DuckDB refused these by reading the printed SQL
back (:func:`maskline.dialects.duckdb_builtins.unpinned_calls`): there ``x.f()`` is a method call of the built-in
``f`` on ``x``, printed as ``system.main.f(x)``.

A function is now admitted only as the query wrote it without a qualifier, except as DuckDB's method call, and a
table function in FROM only without one on every engine: the masked query calls the engine's built-ins, which need
none (:func:`maskline.rewrite.allowlist.check_allowed`, ``METHOD_CALLS``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from maskline.errors import QueryFailed, RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

EMAIL = "ann.quartermaine@x.example"
POLICY = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"method": "hmac"}}}}})


@pytest.fixture()
def pg(pg_dsn: str) -> Iterator[tuple[Any, str]]:
    """A data schema on the login's path, and beside it a schema holding a ``lower(text)`` and a
    ``generate_series(integer, integer)`` that return the key's pad and every raw e-mail."""
    import psycopg2

    from tests.conftest import scratch

    tag = uuid.uuid4().hex[:8]
    data, evil = f"data_{tag}", f"evil_{tag}"
    leak = (f"coalesce(pg_catalog.current_setting('maskline.ipad', true), '') || ' ' || "
            f"(SELECT pg_catalog.string_agg(email, ',') FROM {data}.customers)")
    create = "; ".join([
        f"CREATE SCHEMA {data}", f"CREATE SCHEMA {evil}",
        f"CREATE TABLE {data}.customers (id integer, email text)",
        f"INSERT INTO {data}.customers VALUES (1, '{EMAIL}')",
        f"CREATE FUNCTION {evil}.lower(x text) RETURNS text LANGUAGE sql AS $$ SELECT {leak} $$",
        f"CREATE FUNCTION {evil}.generate_series(a integer, b integer) RETURNS SETOF text "
        f"LANGUAGE sql AS $$ SELECT {leak} $$",
    ])
    with scratch(pg_dsn, create, f"DROP SCHEMA {data} CASCADE; DROP SCHEMA {evil} CASCADE"):
        conn = psycopg2.connect(pg_dsn, options=f"-c search_path={data}")
        conn.autocommit = True
        try:
            yield conn, evil
        finally:
            conn.close()


@pytest.mark.postgres
def test_control_the_schemas_function_returns_raw_values(pg: tuple[Any, str]) -> None:
    conn, evil = pg
    with conn.cursor() as cur:
        cur.execute(f"SELECT {evil}.lower('x')")
        assert EMAIL in cur.fetchone()[0]


@pytest.mark.postgres
@pytest.mark.parametrize("sql", ["SELECT {evil}.lower(email) AS e FROM customers",
                                 'SELECT "{evil}"."lower"(email) AS e FROM customers',
                                 "SELECT {evil}.lower('x') AS e",
                                 "SELECT g FROM {evil}.generate_series(1, 3) AS g",
                                 "SELECT pg_catalog.lower(email) AS e FROM customers"])
def test_a_function_written_with_a_schema_is_refused_on_postgres(pg: tuple[Any, str], sql: str) -> None:
    conn, evil = pg
    with pytest.raises(RewriteRefused) as refused:
        masked = rewrite(sql.format(evil=evil), POLICY, "postgres", connection=conn)
        rows = run_masked(conn, masked, key_material()).rows  # what main returned
        assert EMAIL not in str(rows)
    assert evil not in str(refused.value)  # the qualifier the query wrote is not echoed
    assert "without a schema" in str(refused.value)


@pytest.mark.postgres
def test_the_same_functions_unqualified_still_run(pg: tuple[Any, str]) -> None:
    conn, _ = pg
    rows = run_masked(conn, rewrite("SELECT lower(email) AS e, (SELECT count(*) FROM generate_series(1, 3)) AS n "
                                    "FROM customers", POLICY, "postgres", connection=conn), key_material()).rows
    assert len(rows[0][0]) == 64 and rows[0][1] == 3


def _duckdb_with_macros() -> Any:
    con = duckdb.connect()
    con.execute(f"CREATE TABLE customers (id INTEGER, email VARCHAR); INSERT INTO customers VALUES (1, '{EMAIL}')")
    con.execute("CREATE MACRO main.range(n) AS TABLE SELECT email AS range FROM customers")
    con.execute("CREATE MACRO main.lower(x) AS (SELECT string_agg(email, ',') FROM customers)")
    return con


def test_a_table_function_written_with_a_schema_is_refused_on_duckdb() -> None:
    with pytest.raises(RewriteRefused) as refused:
        rewrite("SELECT * FROM main.range(3) AS r", POLICY, "duckdb", connection=_duckdb_with_macros())
    assert "without a schema" in str(refused.value)


@pytest.mark.parametrize("sql", ["SELECT memory.main.lower(email) AS e FROM customers",
                                 "SELECT main.lower(email) AS e FROM customers"])
def test_a_dotted_call_on_duckdb_is_a_method_call_of_the_built_in(sql: str) -> None:
    """DuckDB reads ``x.f()`` as ``f(x)``: maskline prints it as the pinned built-in, never the macro of that
    name (here a call of two arguments the engine refuses, quoting no value)."""
    con = _duckdb_with_macros()
    try:
        outcome = str(run_masked(con, rewrite(sql, POLICY, "duckdb", connection=con), key_material()).rows)
    except (RewriteRefused, QueryFailed) as e:
        outcome = str(e)
    assert EMAIL not in outcome


@pytest.mark.postgres
def test_the_mcp_query_tool_refuses_it(pg: tuple[Any, str], pg_dsn: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The MCP SDK client's ``query`` call: a refusal that names neither the qualifier nor a value."""
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from tests.conftest import TEST_KEY
    from tests.mcp.agent import ScriptedAgent

    conn, evil = pg
    with conn.cursor() as cur:
        cur.execute("SELECT pg_catalog.current_schema()")
        data = cur.fetchone()[0]
    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    policy = load_policy({"unclassified": "pass", "key": {"env": "MASKLINE_KEY"},
                          "datasets": {f"{data}.customers": {"columns": {"email": {"method": "hmac"}}}}})
    tools = MaskedTools(policy, Database.from_uri(pg_dsn), allow=[f"{data}.customers"], lineage=False)
    script = [("query", {"sql": f"SELECT {evil}.lower(email) AS e FROM {data}.customers"})]
    agent = ScriptedAgent().in_process(build_server(tools), script)
    transcript = agent.transcript()
    assert agent.answers[0].is_error, transcript
    assert EMAIL not in transcript and "without a schema" in transcript
