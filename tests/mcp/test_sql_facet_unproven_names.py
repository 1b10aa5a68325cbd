"""The MCP call events' SQL facet names no table or function the catalog and sqlglot do not prove (lineprune).

An agent can type a value where a table or a function goes (``SELECT pw_Qv7x98234571(ssn) FROM customers``,
``SELECT id FROM pw_Qv7x98234571``). The query is refused, but its SQL is still recorded in the call's START and
FAIL events, and the scrubber copied such a name as structure. Now a table stays only when the event's catalog
names it, and a function only when sqlglot knows it or maskline's rewrite allow-list lists it; any other becomes a
placeholder. Real parts: the server over stdio, driven by the MCP SDK's own client, and the real OpenLineage
client writing to a file. The control: a query that ran keeps its table and its functions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.mcp.agent import ScriptedAgent, lineage_events, server_env

VALUE = "pw_Qv7x98234571"
LEAKS = [
    f"SELECT {VALUE}(ssn) FROM customers",  # a value typed where a function goes
    f"SELECT id FROM {VALUE}",  # a value typed where a table goes
    f"SELECT c.id FROM customers AS c JOIN {VALUE} AS p ON p.id = c.id",
]
CONTROL = "SELECT upper(email) AS e, coalesce(phone, email) AS p, split_part(email, '@', 2) AS d FROM customers"


@pytest.fixture(scope="module")
def events(duckdb_file: Path, policy_file: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    lineage = tmp_path_factory.mktemp("lineage") / "events.jsonl"
    agent = ScriptedAgent(name="red-team", version="0.1")
    agent.over_stdio(["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}",
                      "--allow", "customers", "--allow", "orders", "--principal", "bob"],
                     server_env(lineage), [("query", {"sql": sql}) for sql in [*LEAKS, CONTROL]])
    return lineage_events(lineage)


def _queries(events: list[dict[str, Any]]) -> list[str]:
    return [e["job"]["facets"]["sql"]["query"] for e in events if "sql" in (e["job"].get("facets") or {})]


def test_no_event_names_the_typed_table_or_function(events: list[dict[str, Any]]) -> None:
    queries = _queries(events)
    assert len(queries) >= 2 * (len(LEAKS) + 1)  # a START and a final event per call, each with its SQL
    assert all(VALUE.lower() not in q.lower() for q in queries), queries
    assert VALUE.lower() not in repr(events).lower()
    # The shape stays readable: the typed name became a placeholder where it stood.
    assert any(re.fullmatch(r"SELECT name_\d+\((ssn|name_\d+)\) FROM customers", q) for q in queries), queries


def test_a_query_that_ran_keeps_its_table_and_functions(events: list[dict[str, Any]]) -> None:
    """The control: the catalog's table and the functions sqlglot and the allow-list know are copied as written."""
    ran = [e for e in events if e["eventType"] == "COMPLETE"]
    assert ran, "the control query did not run"
    assert {e["job"]["facets"]["sql"]["query"] for e in ran} == {CONTROL.replace("'@'", "'[REDACTED]'")}
