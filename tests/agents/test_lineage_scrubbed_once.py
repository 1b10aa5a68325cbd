"""The Airflow agent toolset's tool-call events: one OpenLineage client per process, scrubbed exactly once.

Each event built a new OpenLineage client (a new provider adapter per event) and was scrubbed twice: by the
toolset before it was queued, and again by the guarded transport every task event crosses once the plugin's
lineage protection is on. Now the process keeps one client per lineage configuration, guarded by maskline, and
the guarded transport is the one place that scrubs, on the sender's thread. Real parts: the provider's client
configured through ``[openlineage] transport`` (a file transport, and the ``transform`` transport with maskline's
transformer), the real scrubber (counted, not replaced), and the file the transport wrote.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.agents.provider_transport import use_transport
from tests.lineage.scrub_count import count_scrubs

PLANTED = "quillon.vexmarra@example.org"


def _events(n: int) -> list[Any]:
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import sql_job

    from airflow_plugin.agents.lineage import start_event

    out = []
    for i in range(n):
        sql = f"SELECT email FROM customers WHERE email = '{PLANTED}' AND id = {i}"
        end = RunEvent(eventType=RunState.COMPLETE, eventTime=datetime.now(UTC).isoformat(),
                       run=Run(runId=str(uuid.uuid4())), producer="https://example.com/test",
                       job=Job(namespace="agents", name="d.t.agent_query", facets={"sql": sql_job.SQLJobFacet(query=sql)}))
        out += [start_event(end), end]
    return out


def _transports(path: Path) -> dict[str, dict[str, Any]]:
    from openlineage_ext.config import transport_config

    file = {"type": "file", "log_file_path": str(path), "append": True}
    return {"file": file, "transform": transport_config(file)}


@pytest.mark.parametrize("kind", ["file", "transform"])
def test_every_event_reaches_the_transport_scrubbed_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                          kind: str) -> None:
    from airflow_plugin.agents.lineage import emit, flush
    from airflow_plugin.lineage_protection import install

    install()  # as the plugin does when Airflow loads it: every client of the provider is guarded
    path = tmp_path / "lineage.jsonl"
    use_transport(monkeypatch, _transports(path)[kind])
    scrubbed = count_scrubs(monkeypatch)  # the real scrubber, counted per run and event type
    events = _events(3)
    assert all(emit(e) for e in events)
    assert flush(30)
    sent = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    assert len(sent) == len(events)
    assert PLANTED not in path.read_text()
    assert all("[REDACTED]" in e["job"]["facets"]["sql"]["query"] for e in sent)
    assert scrubbed == Counter({f"{e.run.runId}:{e.eventType.value}": 1 for e in events})


def test_one_client_serves_every_event_of_the_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from airflow_plugin.agents.lineage import _client
    from openlineage_ext.guarded_transport import is_guarded

    use_transport(monkeypatch, _transports(tmp_path / "a.jsonl")["file"])
    first = _client()
    assert _client() is first and is_guarded(first.transport)
    # control: another configuration gets a client of its own (its transport writes elsewhere)
    use_transport(monkeypatch, _transports(tmp_path / "b.jsonl")["file"])
    assert _client() is not first
