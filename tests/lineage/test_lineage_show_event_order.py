"""``maskline lineage show`` reads Marquez's events newest first (``GET /api/v1/events/lineage``), ``lineage audit``
reads a file oldest first: who ran a run must not depend on that order. An agent's call is START-ed with the
worker's OS account and COMPLETE-d as the agent; from Marquez, the START came last and won, so every agent query
showed "executed by: service root (os.user)"."""

from __future__ import annotations

from typing import Any

import pytest


def _event(state: str, time: str, executed_by: dict[str, str], on_behalf_of: dict[str, str] | None) -> dict[str, Any]:
    identity: dict[str, Any] = {"executedBy": executed_by, "principals": [executed_by]}
    if on_behalf_of:
        identity["onBehalfOf"] = on_behalf_of
    return {"eventType": state, "eventTime": time, "job": {"namespace": "agents", "name": "d.t.agent_query.main.c"},
            "run": {"runId": "r1", "facets": {"maskline_identity": identity}}, "inputs": [], "outputs": []}


OS_USER = {"kind": "service", "name": "root", "origin": "os.user"}
AGENT = {"kind": "agent", "name": "function:scripted", "origin": "agent"}
PERSON = {"kind": "user", "name": "alice", "origin": "agent.on_behalf_of"}
START = _event("START", "2026-12-06T10:31:13.1Z", OS_USER, None)
COMPLETE = _event("COMPLETE", "2026-12-06T10:31:13.5Z", AGENT, PERSON)


@pytest.mark.parametrize("order", ["file (oldest first)", "marquez (newest first)"])
def test_the_final_event_says_who_ran_the_run_in_either_order(order: str) -> None:
    from maskline.cli.lineage import summarize

    events = [START, COMPLETE] if order.startswith("file") else [COMPLETE, START]
    (run,) = summarize(events)
    assert run.state == "COMPLETE"
    assert run.executed_by == "agent function:scripted (agent)"
    assert run.on_behalf_of == "user alice (agent.on_behalf_of)"


def test_a_run_with_only_its_start_still_names_who_started_it() -> None:
    """Control: a running run (no final event yet) keeps the START's identity."""
    from maskline.cli.lineage import summarize

    (run,) = summarize([START])
    assert run.state == "START" and run.executed_by == "service root (os.user)"
