"""The masked SQL toolset leaves no connection open on PostgreSQL after a tool call.

``list_tables`` and ``get_schema`` inspect through the common-sql hook's SQLAlchemy inspector, whose engine the
hook caches and never disposes: its pool kept one idle connection per toolset, past the toolset's life until the
cyclic garbage collector ran. An agent run per task in a long-lived worker added one each time. Each toolset here
is kept alive, as an agent run in progress keeps it, so the count does not depend on the collector; the counts are
read from ``pg_stat_activity`` for a database of this module's own.
"""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest

from tests.pg_sessions import open_sessions, with_tables

pytestmark = pytest.mark.postgres
POLICY = {"unclassified": "pass", "key": {"env": "MASKLINE_KEY"},
          "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}}
CALLS = 3


@pytest.fixture(scope="module")
def shop_dsn(pg_module_dsn: str) -> str:
    return with_tables(pg_module_dsn, "CREATE TABLE customers (id integer, email text)",
                       "INSERT INTO customers VALUES (1, 'ana@correo.es')")


@pytest.fixture()
def toolset(shop_dsn: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    pytest.importorskip("airflow.providers.common.ai.toolsets.sql")
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    monkeypatch.setenv("AIRFLOW_CONN_LEAK_SHOP", shop_dsn.replace("postgresql://", "postgres://", 1))
    return lambda: MaskedSQLToolset("leak_shop", policy=POLICY, allowed_tables=["customers"])


@pytest.mark.parametrize(("tool", "args"), [
    ("list_tables", {}),
    ("get_schema", {"table_name": "customers"}),
    ("query", {"sql": "SELECT id, email FROM customers"}),  # control: the query path closed its connection already
    ("check_query", {"sql": "SELECT id FROM customers"}),  # control too
])
def test_a_tool_call_leaves_no_connection_open(toolset: Any, pg_admin_dsn: str, shop_dsn: str, tool: str,
                                               args: dict[str, Any]) -> None:
    gc.collect()  # what an earlier test left to the collector is closed now, not while this one counts
    before = open_sessions(pg_admin_dsn, shop_dsn, settle_to=0)
    kept = []
    for _ in range(CALLS):
        one = toolset()
        answer = json.loads(one._run_tool(tool, args))
        assert "error" not in answer  # the call read the database
        kept.append(one)
    again = kept[0]._run_tool(tool, args)  # the same toolset still answers after its connection was closed
    assert "error" not in json.loads(again)
    assert open_sessions(pg_admin_dsn, shop_dsn, settle_to=before) == before


def _session_setting_hook(conn_id: str) -> Any:
    """A real ``PostgresHook`` of the kind sites write: it sets the session up as it connects (here its
    ``search_path``, as others ``SET ROLE``), which leaves the driver's implicit transaction open. maskline's
    setup of the connection then fails (autocommit cannot change inside a transaction): a failure after the
    connect, through the real driver, with no fault injected."""
    from airflow.providers.postgres.hooks.postgres import PostgresHook

    class SessionSettingHook(PostgresHook):
        def get_conn(self) -> Any:
            conn = super().get_conn()
            cursor = conn.cursor()
            cursor.execute("SET search_path TO public")
            cursor.close()
            return conn

    return SessionSettingHook(postgres_conn_id=conn_id)


@pytest.mark.parametrize(("tool", "sql"), [("query", "SELECT id, email FROM customers"),
                                           ("check_query", "SELECT id FROM customers")])
def test_a_connection_whose_setup_fails_is_closed_while_the_failure_is_still_held(
        shop_dsn: str, pg_admin_dsn: str, monkeypatch: pytest.MonkeyPatch, tool: str, sql: str) -> None:
    import asyncio

    from pydantic_ai.exceptions import ModelRetry

    pytest.importorskip("airflow.providers.common.ai.toolsets.sql")
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    class SiteToolset(MaskedSQLToolset):  # the toolset over the site's own hook class, as its connection type would give
        def _get_db_hook(self) -> Any:
            return _session_setting_hook("leak_shop")

    monkeypatch.setenv("AIRFLOW_CONN_LEAK_SHOP", shop_dsn.replace("postgresql://", "postgres://", 1))
    gc.collect()
    before = open_sessions(pg_admin_dsn, shop_dsn, settle_to=0)
    held = []
    for _ in range(CALLS):
        one = SiteToolset("leak_shop", policy=POLICY, allowed_tables=["customers"], emit_lineage=False)
        # Through the agent's entry point: the failure comes back as a tool error, and its chain (the frames that
        # held the connection) lives for as long as the agent run keeps the error, as a failed task's does.
        with pytest.raises(ModelRetry) as failed:
            asyncio.run(one.execute_tool(tool, {"sql": sql}, ctx=None, tool=None))
        held.append((one, failed))
    assert "failed" in str(held[0][1].value)  # it reached the database and failed there, not at a refusal
    assert open_sessions(pg_admin_dsn, shop_dsn, settle_to=before) == before


def test_a_warehouse_whose_setup_fails_closes_the_connection_it_was_given(shop_dsn: str, pg_admin_dsn: str) -> None:
    import psycopg2

    from airflow_plugin.warehouse import Warehouse, engine_named

    gc.collect()
    before = open_sessions(pg_admin_dsn, shop_dsn, settle_to=0)
    held = []
    for _ in range(CALLS):
        conn = psycopg2.connect(shop_dsn)
        conn.cursor().execute("SELECT 1")  # a transaction is open: autocommit cannot be set
        with pytest.raises(psycopg2.ProgrammingError) as failed:
            Warehouse(conn, engine_named("postgresql"))
        held.append((conn, failed))  # the caller and the failure both still hold the connection object
    assert all(conn.closed for conn, _ in held)
    assert open_sessions(pg_admin_dsn, shop_dsn, settle_to=before) == before


def test_control_a_warehouse_set_up_on_a_fresh_connection_keeps_it_open_until_closed(shop_dsn: str) -> None:
    import psycopg2

    from airflow_plugin.warehouse import Warehouse, engine_named

    warehouse = Warehouse(psycopg2.connect(shop_dsn), engine_named("postgresql"))
    try:
        assert warehouse.execute("SELECT count(*) FROM customers").fetchone() == (1,)
    finally:
        warehouse.close()
    assert warehouse.connection.closed
