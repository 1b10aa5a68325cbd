"""``maskline mcp --http`` on loopback: a bearer token names the person, and an unverified one is refused."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.mcp.agent import (
    ScriptedAgent,
    free_port,
    lineage_events,
    lineage_events_once,
    server_env,
    start_http_server,
)
from tests.mcp.conftest import raw_values

SECRET = "an-hs256-secret-for-tests-only-0123456789"


def token(secret: str = SECRET, **claims: Any) -> str:
    import jwt

    return jwt.encode({"sub": "alice", "exp": int(time.time()) + 600, **claims}, secret, algorithm="HS256")


@pytest.fixture(scope="module")
def http_server(duckdb_file: Path, policy_file: Path, tmp_path_factory: pytest.TempPathFactory):
    lineage = tmp_path_factory.mktemp("lineage") / "events.jsonl"
    port = free_port()
    proc = start_http_server(["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}",
                              "--jwt-secret-env", "MCP_TEST_SECRET"],
                             server_env(lineage, MCP_TEST_SECRET=SECRET), port)
    try:
        yield f"http://127.0.0.1:{port}/mcp", lineage
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _status_of_initialize(url: str, bearer: str | None) -> int:
    """The HTTP status of a bare ``initialize`` POST: what the bearer middleware answers before MCP runs."""
    import httpx2

    headers = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
    if bearer:
        headers["Authorization"] = f"Bearer {bearer}"
    body = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                       "clientInfo": {"name": "probe", "version": "0"}}}
    return httpx2.post(url, json=body, headers=headers, timeout=10).status_code


SCRIPT = [("list_tables", {}), ("query", {"sql": "SELECT full_name, email FROM customers"})]


def test_a_verified_token_is_recorded_as_the_person_the_agent_acts_for(http_server) -> None:
    url, lineage = http_server
    agent = ScriptedAgent(name="http-agent").over_http(url, token(sub="alice"), SCRIPT)
    assert [a.is_error for a in agent.answers] == [False, False]
    assert "customers" in agent.answers[0].data["tables"]
    for value in raw_values():
        assert value not in agent.transcript()
    def finals_of(events: list) -> list:
        return [e for e in events if e["eventType"] == "COMPLETE"
                and e["run"]["facets"]["maskline_identity"]["executedBy"]["name"] == "http-agent/1.0"]

    # the running server sends them from its background thread, after the answers
    finals = finals_of(lineage_events_once(lineage, lambda events: len(finals_of(events)) >= 2))
    assert len(finals) == 2
    assert all(e["run"]["facets"]["maskline_identity"]["onBehalfOf"]["name"] == "alice" for e in finals)


def test_a_verified_person_listed_in_unmask_for_gets_raw_values(http_server) -> None:
    url, _ = http_server
    agent = ScriptedAgent(name="http-agent").over_http(url, token(sub="auditor"), SCRIPT[1:])
    assert "ada.lovelace@example.com" in agent.transcript()


@pytest.mark.parametrize("bad", [None, "not-a-jwt", "wrong-secret", "expired", "alg-none"])
def test_an_unverified_token_is_refused_before_any_tool_runs(http_server, bad: str | None) -> None:
    import jwt

    url, lineage = http_server
    bearer = {None: None, "not-a-jwt": "not-a-jwt", "wrong-secret": token("x" * 40),
              "expired": token(exp=int(time.time()) - 60),
              "alg-none": jwt.encode({"sub": "auditor"}, None, algorithm="none")}[bad]
    agent = ScriptedAgent(name="intruder")
    with pytest.raises(BaseException):  # noqa: B017 - the SDK client raises the refusal inside an ExceptionGroup
        agent.over_http(url, bearer, SCRIPT[1:])
    assert agent.answers == []
    assert _status_of_initialize(url, bearer) == 401
    # No call ran, so no event is the intruder's, or an unnamed agent's: the other tests' calls are all named
    # http-agent, and their events may still be arriving from the server's background thread (not counted here).
    assert {e["run"]["facets"]["maskline_identity"]["executedBy"]["name"] for e in lineage_events(lineage)
            if "maskline_identity" in (e["run"].get("facets") or {})} <= {"http-agent/1.0"}
