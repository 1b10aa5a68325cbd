"""A lineage server that is slow or down no longer holds an MCP tool call (lineagedown).

Each call's events were sent by openlineage-python's HTTP transport on the call's own path: while the lineage
server did not answer, the agent waited through its retries (about ten seconds a call). Now they are scrubbed,
queued and sent by a background thread. Real parts: the server driven by the MCP SDK's client, the real
OpenLineage client and HTTP transport, and a real local HTTP server that holds every request until the test
releases it. The tests assert order (the answer came while the lineage server still held the request), not time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.mcp.agent import ScriptedAgent
from tests.slow_lineage_server import SlowLineageServer


@pytest.fixture
def slow_lineage(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowLineageServer]:
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.http import HttpConfig, HttpTransport

    from maskline.mcp import lineage

    with SlowLineageServer() as server:
        client = OpenLineageClient(transport=HttpTransport(HttpConfig(url=server.url, timeout=30,
                                                                      retry={"total": 0})))
        monkeypatch.setattr(lineage, "_client", lambda: client)
        yield server
        lineage.flush(30)  # nothing of this test's left for the next one


def _server(policy_file: Path, duckdb_file: Path) -> Any:
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    return build_server(MaskedTools(load_policy(policy_file), Database.from_uri(f"duckdb:///{duckdb_file}"),
                                    allow=["customers"]))


def test_a_call_answers_while_the_lineage_server_holds_its_event(slow_lineage: SlowLineageServer,
                                                                 policy_file: Path, duckdb_file: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    from maskline.mcp import lineage

    with caplog.at_level(logging.WARNING):
        agent = ScriptedAgent(name="patient-agent").in_process(
            _server(policy_file, duckdb_file), [("query", {"sql": "SELECT id, email FROM customers"})])
        assert not agent.answers[0].is_error, agent.answers[0].text
        # The answer is here; the lineage server has (or will have) the START, and has not answered it yet.
        assert slow_lineage.received.wait(30)
        assert not slow_lineage.answered.is_set()
        slow_lineage.release.set()
        assert lineage.flush(30)
    types = slow_lineage.received_types()
    assert [t for _, t in types] == ["START", "COMPLETE"] and types[0][0] == types[1][0]  # in order, one run
    assert "@example.com" not in str(slow_lineage.events)  # scrubbed before it was queued
    assert "could not" not in caplog.text and "dropped" not in caplog.text


def test_a_down_lineage_server_is_warned_of_after_the_call_answered(monkeypatch: pytest.MonkeyPatch,
                                                                    policy_file: Path, duckdb_file: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    """Control: with nothing listening, the call still answers and the operator is still told where the events
    were going, once they failed (no event lost in silence)."""
    import socket

    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.http import HttpConfig, HttpTransport

    from maskline.mcp import lineage

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    client = OpenLineageClient(transport=HttpTransport(HttpConfig(url=f"http://127.0.0.1:{port}", timeout=2,
                                                                  retry={"total": 0})))
    monkeypatch.setattr(lineage, "_client", lambda: client)
    with caplog.at_level(logging.WARNING, logger="maskline.mcp.lineage"):
        agent = ScriptedAgent(name="patient-agent").in_process(
            _server(policy_file, duckdb_file), [("list_tables", {})])
        assert not agent.answers[0].is_error
        assert lineage.flush(30)
    assert caplog.text.count(f"to http://127.0.0.1:{port} (ConnectionError)") == 2  # the START and the COMPLETE


def _events(n: int) -> list[Any]:
    from maskline.mcp.lineage import CallRecord, call_events

    return [e for _ in range(n) for e in call_events(CallRecord("list_tables", "executed"), job_namespace="agents",
                                                     db_namespace="duckdb:///w.duckdb", dialect="duckdb")]


def test_a_full_queue_drops_and_warns_once_with_the_count(slow_lineage: SlowLineageServer,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    """The sender holds one event in flight and two queued; the three after them are dropped, and one warning says
    so, with the count and where they were going. What was queued is still sent, in order."""
    from maskline.mcp import lineage
    from openlineage_ext.background_emit import BackgroundSender

    sender = BackgroundSender(lineage._send, where=lineage.destination, who="maskline mcp", max_queued=2)
    first, *rest = _events(3)  # three runs: START, COMPLETE each
    with caplog.at_level(logging.WARNING):
        assert sender.submit(first)
        assert slow_lineage.received.wait(30)  # the sender's thread holds ``first``: the queue is empty again
        assert [sender.submit(e) for e in rest] == [True, True, False, False, False]
        slow_lineage.release.set()
        assert sender.flush(30)
    warnings = [r.getMessage() for r in caplog.records if "dropped" in r.getMessage()]
    assert warnings == [f"maskline mcp: dropped 3 lineage event(s) for {slow_lineage.url}: 2 were already waiting "
                        "to be sent. The calls went on without them. Fix: check that the lineage server answers "
                        "there"]
    ids = [e.run.runId for e in (first, *rest[:2])]
    assert slow_lineage.received_types() == [(ids[0], "START"), (ids[1], "COMPLETE"), (ids[2], "START")]


def test_a_queue_with_room_drops_nothing(slow_lineage: SlowLineageServer, caplog: pytest.LogCaptureFixture) -> None:
    """Control: as many events as the queue holds are all sent, in order, and nothing is said."""
    from maskline.mcp import lineage
    from openlineage_ext.background_emit import BackgroundSender

    sender = BackgroundSender(lineage._send, where=lineage.destination, who="maskline mcp", max_queued=8)
    events = _events(4)
    slow_lineage.release.set()
    with caplog.at_level(logging.WARNING):
        assert all(sender.submit(e) for e in events)
        assert sender.flush(30)
    assert slow_lineage.received_types() == [(e.run.runId, e.eventType.value) for e in events]
    assert not caplog.records


def test_a_flush_that_times_out_says_how_many_events_were_left(slow_lineage: SlowLineageServer,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """The shutdown's wait is bounded: with the lineage server holding the first event, a flush gives up and names
    how many events (the one held and the one queued) were not sent, and where they were going."""
    from maskline.mcp import lineage
    from openlineage_ext.background_emit import BackgroundSender

    sender = BackgroundSender(lineage._send, where=lineage.destination, who="maskline mcp")
    with caplog.at_level(logging.WARNING):
        assert all(sender.submit(e) for e in _events(1))
        assert slow_lineage.received.wait(30)
        assert sender.flush(0.2) is False  # the server still holds the START: the wait ends without it
    slow_lineage.release.set()
    assert [r.getMessage() for r in caplog.records] == [
        f"maskline mcp: 2 lineage event(s) were not sent to {slow_lineage.url} after waiting 0.2 s; a process that "
        "ends now loses them. Fix: check that the lineage server answers there"]
    assert sender.flush(30)  # released: the rest goes after all
