"""On PostgreSQL the masking key is never in a statement's text, and never outlives the query's transaction.

psycopg2 interpolates bound parameters on the client, so a ``set_config(..., %s, ...)`` puts the key's hex in
the text the server logs (``log_statement=all``) and shows in ``pg_stat_activity``. Real server, real log.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import TEST_KEY, scratch_schema
from tests.pg_server_log import entries_marked, server_log

POLICY = {"unclassified": "pass",
          "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL", "method": "hash"}}}}}
ROWS = [(1, "ann@example.com"), (2, "bob@example.org")]


def _key() -> Any:
    from maskline.keys import KeyMaterial

    return KeyMaterial(TEST_KEY.encode(), source="test")


def _hexes() -> list[str]:
    from maskline.adapters.base import key_values

    return [v.hex() for v in key_values(_key()).values()]


@pytest.fixture
def pg(pg_dsn: str) -> Iterator[Any]:
    """An autocommit connection (as maskline's own are) whose default schema holds ``customers``."""
    with scratch_schema(pg_dsn, "keylog") as (conn, _):
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE customers (id integer, email text)")
            cur.executemany("INSERT INTO customers VALUES (%s, %s)", ROWS)
        yield conn


def _masked(conn: Any, dialect: str = "postgres") -> list[tuple[Any, ...]]:
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.rewrite.run import run_masked

    rewritten = rewrite("SELECT id, email FROM customers ORDER BY id", load_policy(POLICY), dialect,
                        connection=conn)
    assert rewritten.keyed
    return run_masked(conn, rewritten, _key()).rows


def _logged_while(conn: Any, run: Any) -> str:
    """What the server logged for ``conn``'s session while ``run()`` ran on it with ``log_statement=all`` (superuser)."""
    log = server_log(conn)
    with conn.cursor() as cur:
        cur.execute("SET log_statement = 'all'")
    start = log.stat().st_size
    try:
        run()
    finally:
        with conn.cursor() as cur:
            cur.execute("RESET log_statement")
    with log.open("rb") as f:
        f.seek(start)
        return entries_marked(f.read().decode("utf-8", "replace"), f" [{conn.get_backend_pid()}] ")


def test_the_server_log_never_holds_the_key_of_a_masked_query(pg) -> None:
    logged = _logged_while(pg, lambda: _masked(pg))
    assert "customers" in logged  # the statements were logged
    assert [h for h in _hexes() if h in logged] == []


def test_control_the_bound_set_config_puts_the_key_in_the_log(pg) -> None:
    salt = _hexes()[-1]

    def old_form() -> None:
        with pg.cursor() as cur:
            cur.execute("SELECT pg_catalog.set_config('maskline.salt', %s, false)", (salt,))
            cur.execute("SELECT pg_catalog.set_config('maskline.salt', '', false)")

    assert salt in _logged_while(pg, old_form)  # so the test above is not trivially true


def test_the_key_ends_with_the_query_transaction(pg) -> None:
    _masked(pg)
    with pg.cursor() as cur:
        cur.execute("SELECT current_setting('maskline.ipad', true), current_setting('maskline.salt', true), "
                    "count(*) FROM pg_catalog.pg_class WHERE relname LIKE 'maskline\\_key\\_%%'")
        ipad, salt, tables = cur.fetchone()
    assert (ipad or "", salt or "", tables) == ("", "", 0)


def test_pg_stat_activity_shows_no_key_after_loading_in_a_transaction(pg, pg_dsn: str) -> None:
    import psycopg2

    from maskline.sql.session import apply_key_setup

    pg.autocommit = False  # the key is loaded and the session waits, idle in its transaction
    with pg.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        pid = cur.fetchone()[0]
        apply_key_setup(cur, "postgres", _key())  # its last statement is what pg_stat_activity shows now
        other = psycopg2.connect(pg_dsn)
        try:
            with other.cursor() as seen:
                seen.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", (pid,))
                shown = seen.fetchone()[0]
        finally:
            other.close()
        cur.execute("SELECT length(current_setting('maskline.ipad'))")
        assert cur.fetchone()[0] == 128  # the session holds the key in this transaction
    pg.rollback()
    assert shown and [h for h in _hexes() if h in shown] == []
    with pg.cursor() as cur:
        cur.execute("SELECT current_setting('maskline.ipad', true)")
        assert (cur.fetchone()[0] or "") == ""  # the transaction took the key with it
    pg.rollback()


def test_a_read_only_session_still_runs_masked_queries_read_only(pg, pg_dsn: str) -> None:
    """The MCP server's connections are read-only: the key's temporary table does not make them writable."""
    from maskline.mcp.database import Database
    from maskline.sql.session import apply_key_setup

    with pg.cursor() as cur:
        cur.execute("SELECT current_setting('search_path')")
        path = cur.fetchone()[0]
    with Database.from_uri(pg_dsn).connect() as conn, conn.cursor() as cur:
        cur.execute(f"SET search_path TO {path}")
        assert _masked(conn) == _masked(pg)
        cur.execute("SELECT current_setting('maskline.salt', true)")
        assert (cur.fetchone()[0] or "") == ""
        cur.execute("BEGIN")
        apply_key_setup(cur, "postgres", _key())
        cur.execute("SHOW transaction_read_only")
        assert cur.fetchone()[0] == "on"  # what runs after the key is read-only again
        cur.execute("ROLLBACK")


def test_a_read_only_transaction_past_its_first_query_refuses_the_key(pg_dsn: str) -> None:
    import psycopg2

    from maskline.errors import KeyMissingError
    from maskline.sql.session import apply_key_setup

    conn = psycopg2.connect(pg_dsn)
    try:
        conn.set_session(readonly=True, autocommit=False)
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
            with pytest.raises(KeyMissingError, match="read-only"):
                apply_key_setup(cur, "postgres", _key())
    finally:
        conn.close()


def test_tokens_equal_duckdbs_for_the_same_key(pg) -> None:
    import duckdb

    duck = duckdb.connect()
    duck.execute("CREATE TABLE customers (id INTEGER, email VARCHAR)")
    duck.executemany("INSERT INTO customers VALUES (?, ?)", ROWS)
    tokens = _masked(pg)
    assert tokens == _masked(duck, "duckdb")
    assert all(t[1] not in {e for _, e in ROWS} for t in tokens)
