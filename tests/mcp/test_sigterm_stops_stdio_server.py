"""``maskline mcp`` over stdio, told to stop by SIGTERM (a supervisor, ``docker stop``, a client shutting down before
it closed the pipe) while it waits for the client's next line, stops at once: exit 143 as every ``maskline``
command, the tool call's lineage sent. It went on running until the client wrote again or closed stdin (the SDK
reads stdin on a thread the shutdown waited for), so it was killed instead, its queued lineage lost.

The client is a real process speaking JSON-RPC over the pipe, as a desktop client does; the signal is real."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from mcp_types import LATEST_PROTOCOL_VERSION

from tests.mcp.agent import lineage_events, server_env


def _send(proc: subprocess.Popen[bytes], message: dict) -> None:
    assert proc.stdin is not None
    proc.stdin.write(json.dumps({"jsonrpc": "2.0", **message}).encode() + b"\n")
    proc.stdin.flush()


def _answer(proc: subprocess.Popen[bytes]) -> dict:
    assert proc.stdout is not None
    return json.loads(proc.stdout.readline())


def test_sigterm_stops_a_stdio_server_waiting_for_its_client(duckdb_file: Path, policy_file: Path,
                                                              tmp_path: Path) -> None:
    events = tmp_path / "events.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "maskline", "mcp", "--policy", str(policy_file), "--database",
                             f"duckdb:///{duckdb_file}", "--principal", "alice"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=server_env(events))
    try:
        _send(proc, {"id": 1, "method": "initialize", "params": {
            "protocolVersion": LATEST_PROTOCOL_VERSION, "capabilities": {},
            "clientInfo": {"name": "desktop-agent", "version": "1"}}})
        assert "result" in _answer(proc)
        _send(proc, {"method": "notifications/initialized"})
        _send(proc, {"id": 2, "method": "tools/call", "params": {"name": "list_tables", "arguments": {}}})
        assert "result" in _answer(proc)  # served; now it waits for the next line, the pipe still open
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        err = proc.stderr.read().decode() if proc.stderr else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "Fatal Python error" not in err, err
    assert [e["eventType"] for e in lineage_events(events)] == ["START", "COMPLETE"]  # flushed as it stopped
