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
