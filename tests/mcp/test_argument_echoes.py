"""Red team (round redteam4): a tool call with malformed arguments gets no echo of what it sent.

The MCP SDK validates a call's arguments with a pydantic model whose error quotes the value it was given
(``input_value={'x': '219-09-9999'}``; for a missing parameter, every argument sent), and answers an unknown
tool with its name. Those texts were the tool result the agent read. maskline now checks the arguments against
each tool's declared parameters first (:mod:`maskline.tool_arguments`) and answers from that declaration alone,
returning the error rather than raising it, so the SDK logs nothing either; the refusal goes to lineage.

The agent is the SDK's real client: over stdio against ``maskline mcp`` (result, lineage, the server's stderr),
and in-process (``mcp.Client(server)``) with the SDK's and maskline's loggers captured at DEBUG.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from tests.mcp.agent import ScriptedAgent, lineage_events, server_env

SECRET = "219-09-9999"  # also a customer's SSN in the seed: any echo of it would be a raw value in the transcript
NAME = "Zq98234571"  # an argument name no tool declares: the agent's text, not the tool's
MALFORMED: list[tuple[str, dict[str, Any]]] = [
    ("query", {"sql": {"ssn": SECRET}}),
    ("query", {"sql": [SECRET]}),
    ("query", {"sql": 219099999}),  # the SSN's digits as a number
    ("query", {"sql": None}),
    ("query", {"sql": "SELECT 1", NAME: SECRET}),
    ("query", {NAME: f"SELECT * FROM customers WHERE ssn = '{SECRET}'"}),  # a typo'd parameter: sql is missing
    ("explain", {"sql": {"q": SECRET}}),
    ("describe_table", {"table": {"t": SECRET}}),
    ("list_tables", {NAME: SECRET}),
    (SECRET, {"sql": "SELECT 1"}),  # a tool that does not exist, named by the value
    ("explain", {}),
]
NEEDLES = [SECRET, "219099999", NAME.lower()]


def _leaks(text: str) -> list[str]:
    return [n for n in NEEDLES if n in text.lower()]


@pytest.fixture(scope="module")
def session(duckdb_file: Path, policy_file: Path, tmp_path_factory: pytest.TempPathFactory,
            ) -> tuple[ScriptedAgent, list[dict[str, Any]]]:
    lineage = tmp_path_factory.mktemp("lineage") / "events.jsonl"
    script = [*MALFORMED, ("query", {"sql": "SELECT id, ssn FROM customers ORDER BY id"})]
    agent = ScriptedAgent(name="argument-red-team").over_stdio(
        ["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}"],
        server_env(lineage), script)
    return agent, lineage_events(lineage)


def test_the_sdk_validation_alone_would_quote_the_value(duckdb_file: Path, policy_file: Path) -> None:
    """Control: the SDK's own argument model quotes what it was given, so the check below is not trivially true."""
    from pydantic import ValidationError

    server = _server(duckdb_file, policy_file)
    tool = server._tool_manager.get_tool("query")
    with pytest.raises(ValidationError) as raised:
        tool.fn_metadata.validate_arguments({"sql": {"ssn": SECRET}})
    assert SECRET in str(raised.value)


def test_malformed_arguments_are_refused_without_echo(session) -> None:
    agent, _ = session
    answers = agent.answers[:len(MALFORMED)]
    assert all(a.is_error for a in answers), [a.text for a in answers if not a.is_error]
    assert not _leaks(agent.transcript())
    by_call = {(a.tool, i): a.text for i, a in enumerate(answers)}
    assert "argument sql must be a string, not an object" in by_call[("query", 0)]
    assert "1 argument the tool does not take" in by_call[("query", 5)]  # a typo'd name is refused first
    assert "argument sql must be a string, not a null" in by_call[("query", 3)]
    assert "1 argument the tool does not take" in by_call[("query", 4)]
    assert "no tool of that name" in by_call[(SECRET, 9)]
    assert "argument sql is missing" in by_call[("explain", 10)]


def test_a_well_formed_call_still_runs_masked(session) -> None:
    """Control: the same session answers a well-formed query, with masked values."""
    agent, _ = session
    last = agent.answers[-1]
    assert not last.is_error and last.data is not None
    assert len(last.data["rows"]) == 3 and last.data["masked_columns"] == ["id", "ssn"]  # id: unnamed, masked
    assert SECRET not in last.text


def test_refused_arguments_are_in_lineage_without_the_value(session) -> None:
    _, events = session
    refused = [e for e in events if e["eventType"] == "FAIL"]
    # one per malformed call to a tool that exists (the unknown tool has no job to record)
    assert len(refused) == len(MALFORMED) - 1
    assert all("argument" in e["run"]["facets"]["errorMessage"]["message"] for e in refused)
    import json

    assert not _leaks(json.dumps(events))


def test_the_server_log_holds_no_argument(duckdb_file: Path, policy_file: Path, capfd: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    """Over stdio the server's stderr (its log) holds nothing the malformed calls sent."""
    ScriptedAgent(name="argument-red-team").over_stdio(
        ["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}"],
        server_env(tmp_path / "events.jsonl"), MALFORMED)
    out, err = capfd.readouterr()
    assert not _leaks(out + err)


def _server(duckdb_file: Path, policy_file: Path) -> Any:
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    return build_server(MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"),
                                    lineage=False))


def test_in_process_logs_hold_no_argument(duckdb_file: Path, policy_file: Path,
                                          caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK's client in-process: every record the SDK and maskline log, at DEBUG, is free of the arguments."""
    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    server = _server(duckdb_file, policy_file)
    with caplog.at_level(logging.DEBUG):
        answers = ScriptedAgent(name="argument-red-team").in_process(server, MALFORMED).answers
    assert all(a.is_error for a in answers)
    texts = [a.text for a in answers]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert texts and not _leaks("\n".join(texts))
    assert not _leaks(logged)
