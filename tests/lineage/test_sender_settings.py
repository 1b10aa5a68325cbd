"""The lineage sender's queue size and flush timeout are settings (``MASKLINE_LINEAGE_QUEUE_SIZE``,
``MASKLINE_LINEAGE_FLUSH_SECONDS``), checked with what, where and how to fix.

They were fixed constants of :mod:`openlineage_ext.background_emit` (1000 events, 10 s): a deployment whose
lineage server is down for long could not hold more events, nor a short-lived task wait less at its end. Real
parts: the real :class:`~openlineage_ext.background_emit.BackgroundSender` (its send held on an event the test
releases), the real ``maskline mcp`` command, and the Airflow toolset's real ``emit``. Nothing is timed.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest

QUEUE = "MASKLINE_LINEAGE_QUEUE_SIZE"
FLUSH = "MASKLINE_LINEAGE_FLUSH_SECONDS"
BAD = [(QUEUE, v) for v in ("0", "-1", "many", "2.5", "1e3", "99999999", "１２")] + [
    (FLUSH, v) for v in ("0", "-3", "soon", "nan", "inf", "3601")]


@pytest.mark.parametrize("name, value", BAD)
def test_a_bad_value_is_refused_with_what_where_and_fix(name: str, value: str) -> None:
    from maskline.errors import ConfigError
    from openlineage_ext.sender_settings import sender_settings

    with pytest.raises(ConfigError) as refused:
        sender_settings({name: value})
    assert refused.value.where == f"environment variable {name}"
    assert refused.value.what.startswith(f"{name} must be") and "unset it for the default" in (refused.value.fix or "")
    assert repr(value) not in str(refused.value)  # the value is not repeated


def test_control_unset_empty_and_in_range_values_are_taken() -> None:
    from openlineage_ext.sender_settings import SenderSettings, sender_settings

    assert sender_settings({}) == sender_settings({QUEUE: " ", FLUSH: ""}) == SenderSettings(1000, 10.0)
    assert sender_settings({QUEUE: "1", FLUSH: "0.5"}) == SenderSettings(1, 0.5)


def _held_sender() -> tuple[object, threading.Event, list[str]]:
    from openlineage_ext.background_emit import BackgroundSender

    release, sent = threading.Event(), []

    def send(event: str) -> None:
        release.wait(30)
        sent.append(event)

    return BackgroundSender(send, where=lambda: "the test's transport", who="test"), release, sent


def test_the_queue_holds_as_many_events_as_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(QUEUE, "2")
    sender, release, sent = _held_sender()
    accepted = [sender.submit(f"e{i}") for i in range(6)]  # type: ignore[attr-defined]
    # one is being sent (held), two wait: the rest are dropped
    assert accepted.count(True) <= 3 and accepted[-1] is False
    release.set()
    assert sender.flush(30)  # type: ignore[attr-defined]
    assert sent == [f"e{i}" for i, ok in enumerate(accepted) if ok]


def test_a_flush_waits_as_long_as_set(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(FLUSH, "0.2")
    sender, release, _ = _held_sender()
    assert sender.submit("held")  # type: ignore[attr-defined]
    with caplog.at_level(logging.WARNING):
        assert sender.flush() is False  # type: ignore[attr-defined]
    release.set()
    assert "after waiting 0.2 s" in caplog.text


def test_the_mcp_server_does_not_start_with_a_bad_value(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import duckdb

    from tests.cli.test_first_use import run_cli

    (tmp_path / "policy.yml").write_text("version: 1\n")
    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    monkeypatch.setenv(FLUSH, "forever")
    r = run_cli("mcp", "--policy", str(tmp_path / "policy.yml"), "--database", f"duckdb:///{tmp_path / 'w.duckdb'}")
    said = " ".join(r.stderr.split())  # as one line, however the terminal wrapped it
    assert r.returncode != 0
    assert f"{FLUSH} must be a number of seconds" in said and f"environment variable {FLUSH}" in said


def test_the_agent_toolset_warns_and_goes_on_with_a_bad_value(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from airflow_plugin.agents import lineage
    from tests.agents.provider_transport import use_transport
    from tests.agents.test_lineage_scrubbed_once import _events

    use_transport(monkeypatch, {"type": "file", "log_file_path": str(tmp_path / "l.jsonl"), "append": True})
    monkeypatch.setenv(QUEUE, "none")
    # An Airflow logging set-up earlier on this worker (dictConfig's disable_existing_loggers, a logger that does not
    # propagate) can silence the module's logger; what a task's log gets is Airflow's to configure, not this test's.
    # So the record is read at the module's own logger, before Airflow's structlog formats it for the console.
    logger = logging.getLogger(lineage.__name__)
    monkeypatch.setattr(logger, "disabled", False)
    caplog.set_level(logging.WARNING, logger=lineage.__name__)
    monkeypatch.setattr(logger, "handlers", [*logger.handlers])  # the original list is put back after the test
    logger.addHandler(caplog.handler)
    lineage._sender.cache_clear()  # the process's sender is built from the settings once
    try:
        assert lineage.emit(_events(1)[0]) is False  # no exception into the task
    finally:
        lineage._sender.cache_clear()
    assert f"{QUEUE} must be a whole number" in caplog.text
