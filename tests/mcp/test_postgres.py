"""``maskline mcp`` on PostgreSQL through the reader role of ``maskline protect``: masked views only, no key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_KEY
from tests.mcp.agent import ScriptedAgent, lineage_events, server_env
from tests.mcp.conftest import raw_values
from tests.protect_database import LOGIN_PASSWORD

pytestmark = pytest.mark.postgres


SCRIPT: list[tuple[str, dict[str, Any]]] = [
    ("list_tables", {}),
    ("describe_table", {"table": "customers"}),
    ("query", {"sql": "SELECT full_name, email, ssn FROM customers WHERE ssn = '219-09-9999'"}),
    ("query", {"sql": "SELECT current_setting('maskline.salt')"}),
    ("query", {"sql": "SELECT CAST(email AS INTEGER) FROM customers"}),
]


def test_a_reader_role_session_lists_describes_and_queries_masked_views_only(
        reader_dsn: tuple[str, str], policy_file: Path, tmp_path: Path) -> None:
    dsn, masked = reader_dsn
    lineage = tmp_path / "events.jsonl"
    agent = ScriptedAgent(name="pg-agent").over_stdio(
        ["--policy", str(policy_file), "--database", dsn, "--masked-schema", masked], server_env(lineage), SCRIPT)
    listed, described, found, salt, cast = agent.answers
    assert listed.data == {"tables": ["customers"]}
    assert {c["name"]: c["method"] for c in described.data["columns"]}["ssn"] == "hmac"
    assert not found.is_error, found.text
    assert len(found.data["rows"]) == 1 and found.data["rows"][0][1].startswith("*****@")
    assert salt.is_error and cast.is_error
    for value in raw_values() + [TEST_KEY, LOGIN_PASSWORD]:
        assert value not in agent.transcript()
    finals = [e for e in lineage_events(lineage) if e["eventType"] in ("COMPLETE", "FAIL")]
    assert [e["eventType"] for e in finals] == ["COMPLETE", "COMPLETE", "COMPLETE", "FAIL", "FAIL"]
    assert all(e["run"]["facets"]["maskline_identity"]["executedBy"]["name"] == "pg-agent/1.0" for e in finals)
    assert LOGIN_PASSWORD not in lineage.read_text()
