"""The MCP server's refusals name a function as the agent wrote it (redteam19): ``read_csv``, not ``READCSV``."""

from __future__ import annotations

from typing import Any

import pytest

from maskline.policy import load_policy


def test_mcp_names_read_csv_as_written(duckdb_file: Any, policy_file: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the MCP SDK's own client, in process: the refusal the agent reads names read_csv, lower case."""
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from tests.conftest import TEST_KEY
    from tests.mcp.agent import ScriptedAgent

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    server = build_server(MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"),
                                      lineage=False))
    answers = ScriptedAgent(name="rt19").in_process(server, [
        ("query", {"sql": "SELECT * FROM read_csv('/etc/passwd')"}),
        ("query", {"sql": "SELECT id FROM customers ORDER BY id FETCH FIRST 1 ROWS WITH TIES"})]).answers
    assert answers[0].is_error and "table function read_csv at line 1, column 15" in answers[0].text
    assert "READCSV" not in answers[0].text
    assert answers[1].is_error and "WITH TIES is not allowed on duckdb" in answers[1].text
