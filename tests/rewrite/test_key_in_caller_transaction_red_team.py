"""Red team (round redteam13): the HMAC pads outlived a masked query inside the caller's own transaction.

psycopg2 connections are not autocommit by default, so a caller's connection (a pooled one, an Airflow hook's
``get_conn()`` handed to ``run_masked``) is usually inside a transaction when maskline runs a masked query on it.
The key was loaded transaction-locally (round redteam11), which ended it with *that* transaction: the caller's,
which went on after ``run_masked`` returned, so its next statement read ``current_setting('maskline.ipad')`` (the key
XOR 0x36) and the salt. ``run_masked`` now takes the key back out of the caller's transaction as soon as the rows
are fetched (or the query failed): what the session holds then is what it held before maskline ran.
The control: on an autocommit connection maskline opens and ends the transaction itself, and the key is gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import scratch_schema
from tests.rewrite.conftest import key_material

pytestmark = pytest.mark.postgres

POLICY = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"method": "hash"}}}}})
SETTINGS = ("maskline.ipad", "maskline.opad", "maskline.salt")


@pytest.fixture
def pg(pg_dsn: str) -> Iterator[Any]:
    with scratch_schema(pg_dsn, "callertx") as (conn, _):
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE customers (id integer, email text)")
            cur.execute("INSERT INTO customers VALUES (1, 'ann@x.example')")
        yield conn


def _held(conn: Any) -> list[str]:
    with conn.cursor() as cur:
        cur.execute("SELECT " + ", ".join(f"pg_catalog.current_setting('{s}', true)" for s in SETTINGS))
        return [v for v in cur.fetchone() if v]


def _run(conn: Any, sql: str = "SELECT id, email FROM customers") -> Any:
    return run_masked(conn, rewrite(sql, POLICY, "postgres", connection=conn), key_material())


def test_the_callers_open_transaction_holds_no_key_after_the_query(pg: Any) -> None:
    pg.autocommit = False  # psycopg2's default: the caller's transaction is open around maskline's query
    with pg.cursor() as cur:
        cur.execute("SELECT 1")  # the caller's own work in the transaction first
    rows = _run(pg).rows
    assert rows[0][0] == 1 and rows[0][1] != "ann@x.example"
    assert _held(pg) == []
    pg.rollback()


def test_a_failed_query_leaves_no_key_in_the_callers_transaction(pg: Any) -> None:
    pg.autocommit = False
    with pytest.raises(Exception):  # noqa: B017 - any refusal or failure; what matters is what stays after it
        _run(pg, "SELECT id, email, 1 / (id - 1) FROM customers")
    pg.rollback()  # the failure ended the transaction (maskline rolled it back): a fresh one reads the session
    assert _held(pg) == []


def test_control_an_autocommit_connection_ends_its_own_transaction(pg: Any) -> None:
    pg.autocommit = True
    _run(pg)
    assert _held(pg) == []


def test_a_callers_duckdb_connection_holds_no_key_after_the_query(tmp_path: Any) -> None:
    """DuckDB's key is a session variable: the caller's connection (a file database here) went on holding it."""
    import duckdb

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        con.execute("CREATE TABLE customers (id integer, email varchar)")
        con.execute("INSERT INTO customers VALUES (1, 'ann@x.example')")
        rows = run_masked(con, rewrite("SELECT id, email FROM customers", POLICY, "duckdb", connection=con),
                          key_material()).rows
        assert rows[0][1] != "ann@x.example"
        held = con.sql("SELECT getvariable('maskline_ipad'), getvariable('maskline_opad'), "
                       "getvariable('maskline_salt')").fetchall()
        assert held == [(None, None, None)]
    finally:
        con.close()


def test_a_duckdb_database_file_and_wal_hold_no_key_after_a_masked_query(tmp_path: Any) -> None:
    """Found nothing (regression): the key lives in session variables, never in the database file, its WAL, a
    setting or a macro body, as bytes or as hex, before and after the checkpoint of ``close()``."""
    import duckdb

    from maskline.adapters.base import key_values

    values = list(key_values(key_material()).values())
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("SET checkpoint_threshold = '1TB'")  # the WAL is kept until close
    con.execute("CREATE TABLE customers (id integer, email varchar)")
    con.execute("INSERT INTO customers VALUES (1, 'ann@x.example')")
    run_masked(con, rewrite("SELECT id, email FROM customers", POLICY, "duckdb", connection=con), key_material())
    shown = str(con.sql("SELECT * FROM duckdb_settings()").fetchall()) + str(
        con.sql("SELECT macro_definition FROM duckdb_functions() WHERE NOT internal").fetchall())
    assert not any(v.hex() in shown.lower() for v in values)

    def on_disk() -> bytes:
        return b"".join(p.read_bytes() for p in tmp_path.iterdir())

    for stage in (on_disk(), (con.close(), on_disk())[1]):
        assert not any(v in stage or v.hex().encode() in stage.lower() for v in values)
