"""``--allow`` with ``--masked-schema`` names the masked views' tables, not table names: a table of another schema
with an allowed table's last name is refused, not served by the allowed table's view.

The views are read in ``--masked-schema`` whatever schema the query wrote, and the allow-list compared last names
there (the default schema "unknown"), so ``SELECT * FROM hr.customers`` got the rows of ``customers``' view under
another table's name. Now the entry is the one every face looks a table up by
(:func:`maskline.rewrite.table_names.best_entry`), an unqualified name being the masked schema's. Real parts: the MCP
SDK's client over stdio against ``maskline mcp``, on DuckDB and on PostgreSQL through ``maskline protect``'s reader
role.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import scratch_schema
from tests.mcp.agent import ScriptedAgent, server_env
from tests.mcp.conftest import CUSTOMERS

SECRET = "zquartermaine-salary-99000"


def _script(other: str, masked: str) -> list[tuple[str, dict[str, Any]]]:
    return [
        ("query", {"sql": "SELECT count(*) AS n FROM customers"}),  # the control: the allowed view
        ("query", {"sql": f"SELECT count(*) AS n FROM {masked}.customers"}),  # the same view, named with its schema
        ("query", {"sql": f"SELECT * FROM {other}.customers"}),
        ("query", {"sql": f"SELECT c.id FROM customers c JOIN {other}.customers h ON h.id = c.id"}),
        ("describe_table", {"table": f"{other}.customers"}),
        ("list_tables", {}),
    ]


def _check(agent: ScriptedAgent, masked: str) -> None:
    allowed, qualified, other, joined, described, listed = agent.answers
    assert not allowed.is_error and allowed.data["rows"] == [[len(CUSTOMERS)]], allowed.text
    assert not qualified.is_error and qualified.data["rows"] == [[len(CUSTOMERS)]], qualified.text
    for answer in (other, joined, described):
        assert answer.is_error and "not one of the tables the tools may read" in answer.text, answer.text
    assert listed.data == {"tables": ["customers"]}
    assert SECRET not in agent.transcript()


def test_duckdb_another_schemas_table_is_not_served_by_the_allowed_view(policy_file: Path, tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, full_name VARCHAR, email VARCHAR, ssn VARCHAR, phone VARCHAR)")
    con.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?)", CUSTOMERS)
    con.execute("CREATE SCHEMA masked")  # views standing in for maskline protect's
    con.execute("CREATE VIEW masked.customers AS SELECT id, '[REDACTED]' AS full_name, '[REDACTED]' AS email, "
                "'[REDACTED]' AS ssn, '[REDACTED]' AS phone FROM main.customers")
    con.execute("CREATE SCHEMA hr")
    con.execute(f"CREATE TABLE hr.customers AS SELECT 1 AS id, '{SECRET}' AS note")
    con.close()
    agent = ScriptedAgent(name="duck-agent").over_stdio(
        ["--policy", str(policy_file), "--database", f"duckdb:///{path}", "--masked-schema", "masked",
         "--allow", "customers"], server_env(tmp_path / "events.jsonl"), _script("hr", "masked"))
    _check(agent, "masked")


@pytest.fixture()
def other_schema(pg_dsn: str) -> Iterator[str]:
    """A schema beside the masked views holding a table of the allowed table's name."""
    with scratch_schema(pg_dsn, "hr") as (admin, other), admin.cursor() as cur:
        cur.execute(f"CREATE TABLE {other}.customers AS SELECT 1 AS id, '{SECRET}'::text AS note")
        yield other


@pytest.mark.postgres
def test_postgres_another_schemas_table_is_not_served_by_the_allowed_view(
        reader_dsn: tuple[str, str], other_schema: str, policy_file: Path, tmp_path: Path) -> None:
    (dsn, masked), other = reader_dsn, other_schema
    agent = ScriptedAgent(name="pg-agent").over_stdio(
        ["--policy", str(policy_file), "--database", dsn, "--masked-schema", masked, "--allow", "customers"],
        server_env(tmp_path / "events.jsonl"), _script(other, masked))
    _check(agent, masked)
