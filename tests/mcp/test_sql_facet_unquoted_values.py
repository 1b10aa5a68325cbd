"""The MCP lineage event's SQL facet holds no value an agent typed without quotes (red team, round 3).

``tests/mcp/test_unquoted_value_refusal.py`` keeps such a value out of the refusal; the query's own SQL facet still
copied it, because an unquoted value parses as a column name. Sent through the real OpenLineage client to a file,
the START and FAIL events of the call now hold a placeholder, and an executed query keeps its tables and columns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maskline.errors import MasklineError

VALUES = ["X98234571", "Lovelace", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"]


@pytest.fixture()
def tools_with_lineage(duckdb_file: Path, policy_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from maskline.mcp import lineage
    from maskline.mcp.database import Database
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    monkeypatch.setenv("MASKLINE_KEY", "k" * 32)
    events = tmp_path / "events.jsonl"
    monkeypatch.setattr(lineage, "_client", lambda: OpenLineageClient(
        transport=FileTransport(FileConfig(log_file_path=str(events), append=True))))
    tools = MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=True)
    return tools, events


def _sql_facets(events: Path) -> list[str]:
    from maskline.mcp.lineage import flush

    assert flush(30)  # the events are sent by a background thread
    sent = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [e["job"]["facets"]["sql"]["query"] for e in sent if "sql" in e["job"].get("facets", {})]


@pytest.mark.parametrize("value", VALUES)
def test_an_unquoted_value_is_not_in_the_sql_facet(tools_with_lineage, value: str) -> None:
    from maskline.mcp.tools import Caller

    tools, events = tools_with_lineage
    with pytest.raises(MasklineError):
        tools.query(f"SELECT id FROM customers WHERE full_name = {value}", Caller("agent"))
    facets = _sql_facets(events)
    assert facets  # the call's SQL was recorded
    assert all(value.lower() not in f.lower() and "customers" in f for f in facets)


def test_an_executed_query_keeps_its_tables_and_columns(tools_with_lineage) -> None:
    """The control: the facet of a query that ran names its table, columns and aliases as written."""
    from maskline.mcp.tools import Caller

    tools, events = tools_with_lineage
    sql = "SELECT c.id, lower(c.email) AS e, coalesce(c.phone, c.email) AS p FROM customers AS c ORDER BY c.id"
    tools.query(sql, Caller("agent"))
    assert set(_sql_facets(events)) == {sql}
