"""Red team (round redteam4): catalog relations and settings that hold raw values or the key, on real engines.

An engine keeps copies of data outside its tables: PostgreSQL's planner statistics (``pg_stats.most_common_vals``
and ``histogram_bounds`` after ``ANALYZE``), a view's definition with its literals, a column's default, a CHECK
constraint's literal, a comment (``COMMENT ON``); DuckDB's ``duckdb_columns()`` defaults, ``duckdb_constraints``,
``duckdb_views().sql``. The session holds the key (DuckDB variables, PostgreSQL settings). Each attack asks for one
of them through the doors a person or agent has: the Python API (``rewrite`` + ``run_masked``) and the MCP server
driven by the SDK's real client. Nothing it gets back (rows, column names, error text, log records) holds the
planted value or the key.

Each attack's control runs the same SQL directly on the same engine and finds the value there, so a test cannot
pass because nothing was planted. These attacks were already stopped on main (regression tests): a query reads
only the tables its connection's catalog lists in its own catalog and schemas, plus allow-listed functions; the
system catalogs, settings functions and table functions are none of those.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.rewrite.api_answer import api_answer

SSN = "219-09-9999"  # the customers' raw value, twice, so PostgreSQL keeps it in most_common_vals
DEFAULT = "dflt.planted@quillfeather-mail.example"  # a column default
CHECKED = "111-22-3333"  # a CHECK constraint's literal
VIEW_LITERAL = "536-22-8134"  # a literal in a view's definition
COMMENT = "owner 412-61-3907"  # a table comment
PLANTED = [SSN, DEFAULT, CHECKED, VIEW_LITERAL, "412-61-3907"]
POLICY = {"unclassified": "pass", "key": {"env": "MASKLINE_KEY"}, "datasets": {"customers": {"columns": {
    "email": {"info_type": "EMAIL"}, "ssn": {"info_type": "US_SSN", "method": {"method": "hmac", "length": 16}}}}}}

DUCKDB_ATTACKS = [
    "SELECT column_default FROM duckdb_columns() WHERE column_default IS NOT NULL",
    "SELECT column_default FROM duckdb_columns WHERE column_default IS NOT NULL",
    "SELECT column_default FROM information_schema.columns WHERE column_default IS NOT NULL",
    "SELECT constraint_text FROM duckdb_constraints() WHERE constraint_type = 'CHECK'",
    "SELECT check_clause FROM information_schema.check_constraints",
    "SELECT sql FROM duckdb_views() WHERE NOT internal",
    "SELECT sql FROM duckdb_views WHERE NOT internal",
    "SELECT comment FROM duckdb_tables() WHERE comment IS NOT NULL",
    "SELECT sql FROM sqlite_master",
    "SELECT * FROM (SUMMARIZE customers)",
    "SUMMARIZE customers",
    "SELECT min FROM (SUMMARIZE SELECT ssn FROM customers)",
    "SELECT * FROM query('SELECT ssn FROM customers')",
    "SELECT * FROM query_table('customers')",
    "SELECT ssn FROM system.main.customers",
]
DUCKDB_KEY_ATTACKS = [
    "SELECT getvariable('maskline_salt')",
    "SELECT value FROM duckdb_variables() WHERE name = 'maskline_salt'",
    "SELECT value FROM duckdb_variables WHERE name = 'maskline_salt'",
    "SELECT list_transform([1], x -> getvariable('maskline_salt'))",
]
POSTGRES_ATTACKS = [
    "SELECT most_common_vals::text FROM pg_stats WHERE tablename = 'customers'",
    "SELECT most_common_vals::text FROM pg_catalog.pg_stats WHERE tablename = 'customers'",
    "SELECT histogram_bounds::text FROM pg_stats WHERE tablename = 'customers'",
    "SELECT definition FROM pg_views WHERE viewname = 'v_lit'",
    "SELECT pg_get_viewdef('v_lit')",
    "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef",
    "SELECT column_default FROM information_schema.columns WHERE table_name = 'customers'",
    "SELECT check_clause FROM information_schema.check_constraints",
    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c'",
    "SELECT obj_description('customers'::regclass)",
    "SELECT col_description('customers'::regclass, 1)",
    "SELECT description FROM pg_description",
    "SELECT query FROM pg_stat_activity",
]
POSTGRES_KEY_ATTACKS = [
    "SELECT current_setting('maskline.salt')",
    "SELECT setting FROM pg_settings WHERE name = 'maskline.salt'",
    "SELECT set_config('maskline.x', current_setting('maskline.salt'), false)",
    "SELECT statement FROM pg_prepared_statements",
]


def _leaks(text: str, needles: list[str]) -> list[str]:
    return [n for n in needles if n and n.lower() in text.lower()]


def _through_api(connection: Any, dialect: str, sql: str) -> str:
    """Everything the Python API hands back for ``sql``: rows and column names, or the error's text."""
    return api_answer(connection, dialect, sql, POLICY)


def _direct(connection: Any, dialect: str, sql: str) -> str:
    if dialect == "duckdb":
        return str(connection.execute(sql).fetchall())
    with connection.cursor() as cur:
        cur.execute(sql)
        return str(cur.fetchall())


def _through_mcp(database: str, sqls: list[str]) -> str:
    """Every tool result the SDK's client gets from maskline's MCP server (in-process) for ``sqls``."""
    import anyio
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    server = build_server(MaskedTools(load_policy(POLICY), Database.from_uri(database), lineage=False))
    texts: list[str] = []

    async def main() -> None:
        async with Client(server) as client:
            for sql in sqls:
                result = await client.call_tool("query", {"sql": sql})
                texts.extend(getattr(c, "text", "") for c in result.content)
                texts.append(str(result.structured_content))

    anyio.run(main)
    return "\n".join(texts)


# ----------------------------------------------------------------------------------------------------------------
# DuckDB
# ----------------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def duck_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    path = tmp_path_factory.mktemp("catalog") / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute(f"CREATE TABLE customers (id INTEGER, email VARCHAR DEFAULT '{DEFAULT}', "
                f"ssn VARCHAR CHECK (ssn <> '{CHECKED}'))")
    con.execute(f"INSERT INTO customers VALUES (1, 'ada@example.com', '{SSN}'), (2, 'bob@example.org', '{SSN}')")
    con.execute(f"CREATE VIEW v_lit AS SELECT * FROM customers WHERE ssn <> '{VIEW_LITERAL}'")
    con.execute(f"COMMENT ON TABLE customers IS '{COMMENT}'")
    con.close()
    return path


@pytest.fixture()
def duck(duck_file: Path) -> Iterator[Any]:
    import duckdb

    from maskline.keys import KeyMaterial
    from maskline.sql.session import apply_key_setup
    from tests.conftest import TEST_KEY

    con = duckdb.connect(str(duck_file), read_only=True)
    apply_key_setup(con, "duckdb", KeyMaterial(TEST_KEY.encode(), source="test"))
    yield con
    con.close()


def _duck_key_needles(con: Any) -> list[str]:
    rows = con.execute("SELECT name, value::VARCHAR FROM duckdb_variables() WHERE name LIKE 'maskline_%'").fetchall()
    assert len(rows) == 3  # the session holds the key: there is something to steal
    from tests.conftest import TEST_KEY

    return [*(str(v) for _, v in rows), TEST_KEY]


@pytest.mark.parametrize("sql", DUCKDB_ATTACKS)
def test_duckdb_catalog_values_never_come_back(duck: Any, sql: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        seen = _through_api(duck, "duckdb", sql)
    assert not _leaks(seen + "\n".join(r.getMessage() for r in caplog.records), PLANTED), seen


@pytest.mark.parametrize("sql", DUCKDB_KEY_ATTACKS)
def test_duckdb_key_never_comes_back(duck: Any, sql: str, caplog: pytest.LogCaptureFixture) -> None:
    needles = _duck_key_needles(duck)
    with caplog.at_level(logging.DEBUG):
        seen = _through_api(duck, "duckdb", sql)
    assert not _leaks(seen + "\n".join(r.getMessage() for r in caplog.records), needles), seen


def test_duckdb_controls_expose_the_planted_values_and_the_key(duck: Any) -> None:
    """Controls: the engine itself answers these attacks with the planted values and the key."""
    direct = "\n".join(_direct(duck, "duckdb", sql) for sql in (
        DUCKDB_ATTACKS[0], DUCKDB_ATTACKS[3], DUCKDB_ATTACKS[5], DUCKDB_ATTACKS[7], DUCKDB_ATTACKS[11]))
    assert set(_leaks(direct, PLANTED)) == {DEFAULT, CHECKED, VIEW_LITERAL, "412-61-3907", SSN}
    key = _direct(duck, "duckdb", DUCKDB_KEY_ATTACKS[1])
    assert _leaks(key, _duck_key_needles(duck))


def test_duckdb_attacks_through_the_mcp_client(duck_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    seen = _through_mcp(f"duckdb:///{duck_file}", [*DUCKDB_ATTACKS, *DUCKDB_KEY_ATTACKS, "SELECT ssn FROM customers"])
    assert not _leaks(seen, PLANTED)
    assert "error" in seen.lower()  # the attacks were answered, with refusals
    import duckdb

    from maskline.keys import KeyMaterial
    from maskline.sql.session import apply_key_setup

    con = duckdb.connect()  # the MCP server's session holds the same key values: none of them came back
    apply_key_setup(con, "duckdb", KeyMaterial(TEST_KEY.encode(), source="test"))
    assert not _leaks(seen, _duck_key_needles(con))


# ----------------------------------------------------------------------------------------------------------------
# PostgreSQL
# ----------------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pg_database(pg_module_dsn: str) -> str:
    """This module's own database: it plants ``customers`` and ``v_lit`` by those names."""
    import psycopg2

    conn = psycopg2.connect(pg_module_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE customers (id integer, email text DEFAULT '{DEFAULT}', "
                    f"ssn text CHECK (ssn <> '{CHECKED}'))")
        cur.execute("INSERT INTO customers VALUES (1, 'ada@example.com', %s), (2, 'bob@example.org', %s), "
                    "(3, 'cy@example.net', '078-05-1120')", (SSN, SSN))
        cur.execute("ANALYZE customers")
        cur.execute(f"CREATE VIEW v_lit AS SELECT * FROM customers WHERE ssn <> '{VIEW_LITERAL}'")
        cur.execute(f"COMMENT ON TABLE customers IS '{COMMENT}'")
        cur.execute(f"COMMENT ON COLUMN customers.id IS '{COMMENT}'")
    conn.close()
    return pg_module_dsn


@pytest.fixture()
def pg(pg_database: str) -> Iterator[Any]:
    import psycopg2

    from maskline.keys import KeyMaterial
    from maskline.sql.session import apply_key_setup
    from tests.conftest import TEST_KEY

    conn = psycopg2.connect(pg_database)
    conn.autocommit = True
    with conn.cursor() as cur:
        apply_key_setup(cur, "postgres", KeyMaterial(TEST_KEY.encode(), source="test"))
    yield conn
    conn.close()


def _pg_key_needles(conn: Any) -> list[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT current_setting('maskline.' || n) FROM unnest(ARRAY['ipad', 'opad', 'salt']) n")
        values = [str(r[0]) for r in cur.fetchall()]
    assert all(values)  # the session holds the key: there is something to steal
    from tests.conftest import TEST_KEY

    return [*values, TEST_KEY]


@pytest.mark.postgres
@pytest.mark.parametrize("sql", POSTGRES_ATTACKS)
def test_postgres_catalog_values_never_come_back(pg: Any, sql: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        seen = _through_api(pg, "postgres", sql)
    assert not _leaks(seen + "\n".join(r.getMessage() for r in caplog.records), PLANTED), seen


@pytest.mark.postgres
@pytest.mark.parametrize("sql", POSTGRES_KEY_ATTACKS)
def test_postgres_key_never_comes_back(pg: Any, sql: str, caplog: pytest.LogCaptureFixture) -> None:
    needles = _pg_key_needles(pg)
    with caplog.at_level(logging.DEBUG):
        seen = _through_api(pg, "postgres", sql)
    assert not _leaks(seen + "\n".join(r.getMessage() for r in caplog.records), needles), seen


@pytest.mark.postgres
def test_postgres_controls_expose_the_planted_values_and_the_key(pg: Any) -> None:
    """Controls: the engine itself answers these attacks with the planted values and the key."""
    direct = "\n".join(_direct(pg, "postgres", sql) for sql in POSTGRES_ATTACKS[:11])
    assert set(_leaks(direct, PLANTED)) == {SSN, DEFAULT, CHECKED, VIEW_LITERAL, "412-61-3907"}
    assert _leaks(_direct(pg, "postgres", POSTGRES_KEY_ATTACKS[0]), _pg_key_needles(pg))


@pytest.mark.postgres
def test_postgres_attacks_through_the_mcp_client(pg: Any, pg_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    seen = _through_mcp(pg_database, [*POSTGRES_ATTACKS, *POSTGRES_KEY_ATTACKS, "SELECT ssn FROM customers"])
    assert not _leaks(seen, PLANTED + _pg_key_needles(pg))
    assert "error" in seen.lower()
