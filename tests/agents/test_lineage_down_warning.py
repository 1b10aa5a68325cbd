"""The Airflow agent toolset with its lineage server down: each tool call still answers, and the warning names
where the event was going and the fix (it said only "could not emit the agent's tool-call event
(ConnectionError)"), never a URL's user, password or token."""

from __future__ import annotations

import logging
import socket
import uuid
from datetime import UTC, datetime

import pytest

from tests.agents.provider_transport import use_transport


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _event() -> object:
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState

    return RunEvent(eventType=RunState.COMPLETE, eventTime=datetime.now(UTC).isoformat(),
                    run=Run(runId=str(uuid.uuid4())), job=Job(namespace="agents", name="d.t.agent_query"),
                    producer="https://example.com/test")


def test_a_down_lineage_server_is_named_in_the_agents_warning(monkeypatch: pytest.MonkeyPatch,
                                                              caplog: pytest.LogCaptureFixture,
                                                              capfd: pytest.CaptureFixture[str]) -> None:
    from airflow_plugin.agents.lineage import emit, flush

    port = _closed_port()
    use_transport(monkeypatch, {"type": "http", "url": f"http://bot:tok-s3cret@127.0.0.1:{port}/x?key=k3y-s3cret",
                                  "timeout": 2, "retry": {"total": 0}})
    with caplog.at_level(logging.WARNING, logger="airflow_plugin.agents.lineage"):
        assert emit(_event()) is True  # queued: the agent goes on at once (lineagedown)
        assert flush(30)  # the task's end: the sender tried, and warned
    out, err = capfd.readouterr()
    text = caplog.text + out + err  # Airflow's logging may route the warning through structlog to a stream
    assert f"to http://127.0.0.1:{port} (ConnectionError)" in text
    assert "the call went on without it" in text and "Fix: check that the lineage server answers" in text
    assert "tok-s3cret" not in text and "k3y-s3cret" not in text


def test_a_working_transport_sends_the_event_without_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture,
                                                               capfd: pytest.CaptureFixture[str], tmp_path) -> None:
    """Control: a real file transport receives the event."""
    from airflow_plugin.agents.lineage import emit, flush

    out = tmp_path / "events.jsonl"
    use_transport(monkeypatch, {"type": "file", "log_file_path": str(out), "append": True})
    with caplog.at_level(logging.WARNING, logger="airflow_plugin.agents.lineage"):
        assert emit(_event()) is True
        assert flush(30)
    logged = caplog.text + "".join(capfd.readouterr())
    assert "could not" not in logged and out.read_text().strip()
