"""The Airflow agent toolset's tool-call events no longer hold the agent while the lineage server is slow
(lineagedown).

The toolset sends a START and its COMPLETE through :func:`airflow_plugin.agents.lineage.emit` after each tool call;
each waited for the provider's HTTP transport, so a hung Marquez held every query the agent made. Now each is
scrubbed, queued and sent by a background thread, and the task's end (:mod:`airflow_plugin.lineage_flush`) waits
for them. Real parts: the provider's OpenLineage client configured through ``[openlineage] transport``, and a real
local HTTP server that holds every request until the test releases it. Order is asserted, not time.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.agents.provider_transport import use_transport
from tests.slow_lineage_server import SlowLineageServer


def _run(sql: str) -> tuple[Any, Any]:
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import sql_job

    from airflow_plugin.agents.lineage import start_event

    end = RunEvent(eventType=RunState.COMPLETE, eventTime=datetime.now(UTC).isoformat(), run=Run(runId=str(uuid.uuid4())),
                   job=Job(namespace="agents", name="d.t.agent_query", facets={"sql": sql_job.SQLJobFacet(query=sql)}),
                   producer="https://example.com/test")
    return start_event(end), end


def test_the_agent_goes_on_while_the_lineage_server_holds_its_event(monkeypatch: pytest.MonkeyPatch) -> None:
    from airflow_plugin.agents.lineage import emit

    with SlowLineageServer() as server:
        use_transport(monkeypatch, {"type": "http", "url": server.url, "timeout": 30, "retry": {"total": 0}})
        start, end = _run("SELECT email FROM customers WHERE email = 'ada.lovelace@example.com'")
        assert emit(start) and emit(end)  # both queued: the toolset's call returns now
        assert server.received.wait(30)  # the lineage server has the START ...
        assert not server.answered.is_set()  # ... and holds it: the agent did not wait for it
        server.release.set()
        from airflow_plugin.lineage_flush import flush_agent_lineage

        assert flush_agent_lineage()  # the task's end sends what was queued
        assert server.received_types() == [(start.run.runId, "START"), (end.run.runId, "COMPLETE")]
        assert "ada.lovelace" not in json.dumps(server.events)  # scrubbed before it was queued


def test_a_working_server_gets_every_event_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: a lineage server that answers at once gets each run's START before its COMPLETE."""
    from airflow_plugin.agents.lineage import emit
    from airflow_plugin.lineage_flush import flush_agent_lineage

    with SlowLineageServer() as server:
        server.release.set()
        use_transport(monkeypatch, {"type": "http", "url": server.url, "timeout": 30, "retry": {"total": 0}})
        runs = [_run(f"SELECT {n} AS n") for n in range(3)]
        for start, end in runs:
            assert emit(start) and emit(end)
        assert flush_agent_lineage()
        assert server.received_types() == [(e.run.runId, e.eventType.value) for pair in runs for e in pair]
