"""``allowed_tables`` names tables qualified: ``customers`` is the default schema's, never ``hr.customers``.

One DuckDB file holds ``main.customers`` and ``hr.customers``. The toolset's own check resolves an unqualified
query table in its ``schema=`` argument, while DuckDB resolves it in the connection's current schema: with
``schema="hr"``, ``SELECT ... FROM customers`` passes that check as ``hr.customers`` and reads ``main.customers``.
maskline checks the tables the rewrite substituted, as the connection resolves them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.agents.test_masked_sql_toolset import run_agent

MAIN_NAME = "Orlaith Brennock"  # made-up names: only the allow-list keeps them from the model
HR_NAME = "Tamsin Okonkwo-Vale"
POLICY: dict[str, Any] = {"unclassified": "pass"}


@pytest.fixture()
def two_schemas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    import duckdb

    path = tmp_path / "two.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA hr")
    for schema, name in (("main", MAIN_NAME), ("hr", HR_NAME)):
        con.execute(f"CREATE TABLE {schema}.customers (id INTEGER, full_name VARCHAR)")
        con.execute(f"INSERT INTO {schema}.customers VALUES (1, ?)", [name])
    con.close()
    monkeypatch.setenv("AIRFLOW_CONN_TWO", json.dumps({"conn_type": "duckdb", "host": str(path)}))
    return "two"


def toolset(conn: str, allowed: list[str], **kwargs: Any) -> Any:
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    return MaskedSQLToolset(conn, policy=POLICY, allowed_tables=allowed, acting_for="bob", **kwargs)


def rewrite_on(ts: Any, sql: str) -> tuple[str, ...]:
    """The tables of ``sql`` once the rewrite and maskline's allowed_tables check pass (the toolset's own
    guard skipped, to test maskline's check alone)."""
    import duckdb

    con = duckdb.connect(str(json.loads(__import__("os").environ["AIRFLOW_CONN_TWO"])["host"]), read_only=True)
    try:
        return tuple(ts._rewrite(sql, con, ()).tables)
    finally:
        con.close()


@pytest.mark.parametrize(("allowed", "sql"), [
    (["customers"], "SELECT full_name FROM hr.customers"),
    (["hr.customers"], "SELECT full_name FROM customers"),
    (["hr.customers"], "SELECT full_name FROM main.customers"),
    (["main.customers"], "SELECT full_name FROM two.hr.customers"),
])
def test_a_same_named_table_of_another_schema_is_not_allowed(two_schemas: str, allowed: list[str],
                                                             sql: str) -> None:
    from airflow_plugin.agents.masked_sql_toolset import QueryRefused

    with pytest.raises(QueryRefused, match="is not in allowed_tables"):
        rewrite_on(toolset(two_schemas, allowed), sql)


@pytest.mark.parametrize(("allowed", "sql"), [
    (["customers"], "SELECT full_name FROM customers"),
    (["customers"], "SELECT full_name FROM main.customers"),
    (["main.customers"], "SELECT full_name FROM customers"),
    (["hr.customers"], "SELECT full_name FROM hr.customers"),
    (["hr.customers"], "SELECT full_name FROM two.hr.customers"),
])
def test_the_allowed_table_is_allowed_however_it_is_written(two_schemas: str, allowed: list[str], sql: str) -> None:
    """The control: the same names, naming the allowed table."""
    assert rewrite_on(toolset(two_schemas, allowed), sql)


@pytest.mark.parametrize("allowed", [["customers"], ["hr.customers"]])
def test_the_agent_does_not_read_the_default_schemas_table_through_the_toolsets_schema(
        two_schemas: str, allowed: list[str]) -> None:
    """``schema="hr"``: the toolset's check reads ``customers`` as ``hr.customers``; DuckDB reads main's."""
    output, seen = run_agent(toolset(two_schemas, allowed, schema="hr"),
                             ("query", {"sql": "SELECT full_name FROM customers"}),
                             ("query", {"sql": "SELECT full_name FROM hr.customers"}))
    refused, executed = output.splitlines()[0], json.loads(output.splitlines()[-1])
    assert "table two.main.customers is not in allowed_tables" in refused  # as the engine resolved it
    assert executed["rows"] == [[HR_NAME]]  # the control: the allowed table, written with its schema
    assert all(MAIN_NAME not in text for text in (output, *seen))
