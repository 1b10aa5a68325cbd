"""Red team (round redteam4): the agent toolset's ``get_schema`` never hands out the values a type spells.

DuckDB's ENUM type lists its labels in its name (``ENUM('Zebulon Quartermaine', ...)``), and ``get_schema`` showed
it as it was. A shown type now keeps its name and numeric parameters only (:mod:`maskline.shown_types`). The
control (the engine's own type text holds the labels) and the MCP side are in tests/mcp/test_type_names_red_team.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.mcp.test_type_names_red_team import NAMES, POLICY, _leaks, enum_file  # noqa: F401 - the fixture


def test_agent_toolset_get_schema_shows_no_value(enum_file: Path,  # noqa: F811
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """MaskedSQLToolset's get_schema, called as pydantic-ai calls it."""
    import asyncio

    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    monkeypatch.setenv("AIRFLOW_CONN_PEOPLE", json.dumps({"conn_type": "duckdb", "host": str(enum_file)}))
    masked = MaskedSQLToolset("people", policy=POLICY, allowed_tables=["people"], emit_lineage=False)
    answer = asyncio.run(masked.execute_tool("get_schema", {"table_name": "people"}, ctx=None, tool=None))
    assert "enum(...)" in answer.lower() and "decimal(18,3)" in answer.lower()
    assert not _leaks(answer)
