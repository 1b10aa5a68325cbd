"""``maskline_masking.rowsMasked`` of an agent's query counts the rows it masked, not the rows it returned.

Before, a person in ``unmask_for`` reading raw values was reported in lineage as ``rowsMasked: 3``: an auditor
reading the lineage was told the agent's read had been masked. Real DuckDB, the real OpenLineage client writing
to a file transport. The control: the same query for a person not in ``unmask_for`` counts every row it masked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SQL = "SELECT full_name, email FROM customers"


def _masking(tools: Any, caller: Any, sql: str, events: Path) -> dict[str, Any]:
    before = len(events.read_text().splitlines()) if events.exists() else 0
    from maskline.mcp import lineage

    tools.query(sql, caller)
    # main since round lineagedown sends the events from a background thread: wait for them where it does
    flush = getattr(lineage, "flush", None)
    assert flush is None or flush(30)
    lines = events.read_text().splitlines()[before:]
    (end,) = [e for e in map(json.loads, lines) if e["eventType"] == "COMPLETE"]
    (inp,) = end["inputs"]
    masking: dict[str, Any] = inp["facets"]["maskline_masking"]
    return masking


@pytest.fixture()
def lineage_tools(duckdb_file: Path, policy_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from maskline.mcp import lineage
    from maskline.mcp.database import Database
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    events = tmp_path / "events.jsonl"
    # The real client and file transport, built here: the client reads its environment's configuration once.
    transport = FileTransport(FileConfig(log_file_path=str(events), append=True))
    monkeypatch.setattr(lineage, "_client", lambda: OpenLineageClient(transport=transport))
    return MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"), lineage=True), events


def test_an_unmask_for_read_masks_no_row_and_says_so(lineage_tools) -> None:
    from maskline.mcp.tools import Caller

    tools, events = lineage_tools
    masking = _masking(tools, Caller("agent", "auditor"), SQL, events)
    assert masking["rowsMasked"] == 0 and masking["cellsMasked"] == 0


def test_control_a_masked_read_counts_every_row_it_masked(lineage_tools) -> None:
    from maskline.mcp.tools import Caller

    tools, events = lineage_tools
    masking = _masking(tools, Caller("agent", "bob"), SQL, events)
    assert masking["rowsMasked"] == 3 and masking["cellsMasked"] == 6
