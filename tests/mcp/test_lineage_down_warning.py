"""When the lineage server is down, a tool call still answers, and the warning says where the events were going
and how to fix it (it said only "could not emit the tool call's lineage (ConnectionError)"), never a URL's
password or token."""

from __future__ import annotations

import logging
import socket

import pytest


def _closed_port() -> int:
    with socket.socket() as s:  # bound then closed: nothing listens there
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _call() -> object:
    from maskline.mcp.lineage import CallRecord

    return CallRecord("list_tables", "executed", agent="desktop-agent")


def test_a_lineage_server_that_is_down_is_named_in_the_warning(monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.http import HttpConfig, HttpTransport

    from maskline.mcp import lineage

    port = _closed_port()
    client = OpenLineageClient(transport=HttpTransport(HttpConfig(
        url=f"http://lineage-user:tok-s3cret@127.0.0.1:{port}/base?api_key=k3y-s3cret", timeout=2,
        retry={"total": 0})))
    monkeypatch.setattr(lineage, "_client", lambda: client)
    with caplog.at_level(logging.WARNING, logger="maskline.mcp.lineage"):
        sent = lineage.record(_call(), job_namespace="agents", db_namespace="duckdb:///w.duckdb",  # type: ignore[arg-type]
                              dialect="duckdb")
        assert sent is True  # queued: the call answers at once; the sender warns when the send fails (lineagedown)
        assert lineage.flush(30)
    text = caplog.text
    assert f"to http://127.0.0.1:{port} (ConnectionError)" in text
    assert "the call went on without it" in text and "Fix: check that the lineage server answers" in text
    assert "tok-s3cret" not in text and "k3y-s3cret" not in text and "lineage-user" not in text


def test_a_lineage_server_that_answers_gets_no_warning(monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture, tmp_path) -> None:
    """Control: a working transport (a real file transport) sends both events and warns of nothing."""
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from maskline.mcp import lineage

    out = tmp_path / "events.jsonl"
    client = OpenLineageClient(transport=FileTransport(FileConfig(log_file_path=str(out), append=True)))
    monkeypatch.setattr(lineage, "_client", lambda: client)
    with caplog.at_level(logging.WARNING, logger="maskline.mcp.lineage"):
        assert lineage.record(_call(), job_namespace="agents", db_namespace="duckdb:///w.duckdb",  # type: ignore[arg-type]
                              dialect="duckdb")
        assert lineage.flush(30)
    assert "could not send" not in caplog.text and len(out.read_text().splitlines()) == 2
