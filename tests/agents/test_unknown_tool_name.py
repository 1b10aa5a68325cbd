"""A call to a tool name the model made up (and which holds a value) is answered without repeating the name.

pydantic-ai's tool manager answers an unknown tool name with ``Unknown tool name: '<the name typed>'`` before
any toolset sees the call. :class:`~airflow_plugin.agents.known_tool_calls.KnownToolCalls` (on by default in
``MaskedAgentOperator``) renames such a call, as the response arrives, to a fixed name without arguments. The agent
is a real pydantic-ai ``Agent`` over ``MaskedSQLToolset`` on DuckDB; the model is pydantic-ai's own
``FunctionModel`` stand-in, scripted, because no real LLM can run in the tests.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from pydantic_ai import Agent
from pydantic_ai.messages import ModelMessagesTypeAdapter

from tests.agents.test_masked_sql_toolset import duckdb_conn, masked_toolset, scripted  # noqa: F401 - the fixture

SECRET = "219-09-9999"
CALLS = (("nosuch_219-09-9999", {"ssn": SECRET}), ("query", {"sql": "SELECT count(*) AS n FROM customers"}))


def _run(conn: str, capabilities: list[Any], monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str], str]:
    """The run's whole history as JSON, the calls the toolset recorded (what its tally and lineage events are
    built from; outside a task they are dropped, so they are taken where they are recorded), and the answers."""
    events: list[str] = []
    toolset = masked_toolset(conn, acting_for="bob", emit_lineage=True)
    monkeypatch.setattr(toolset, "_record", lambda call, *args, **kwargs: events.append(repr((call, args))))
    result = Agent(scripted(*CALLS), toolsets=[toolset], capabilities=capabilities, retries=3).run_sync("go")
    return ModelMessagesTypeAdapter.dump_json(result.all_messages()).decode(), events, result.output


def test_pydantic_ai_alone_repeats_the_typed_tool_name(duckdb_conn: str,  # noqa: F811
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Control: without the capability the retry prompt quotes the name the model typed."""
    history, _, output = _run(duckdb_conn, [], monkeypatch)
    assert f"Unknown tool name: 'nosuch_{SECRET}'" in output
    assert SECRET in history


def test_an_unknown_tool_name_reaches_no_history_log_or_lineage(duckdb_conn: str,  # noqa: F811
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    from airflow_plugin.agents.known_tool_calls import KnownToolCalls

    caplog.set_level(logging.DEBUG)
    history, events, output = _run(duckdb_conn, [KnownToolCalls()], monkeypatch)
    first_answer, last_answer = output.splitlines()[0], output.splitlines()[-1]
    # The answer is built from structure: a fixed name and the tools on offer.
    assert first_answer.startswith("Unknown tool name: '(not an offered tool)'. Available tools: 'check_query', "
                                   "'get_schema', 'list_tables', 'query'")
    assert json.loads(last_answer)["rows"] == [[1]]  # the run goes on: a known tool still runs
    assert len(events) == 1  # the query's record (tally, lineage) is checked; the unknown call reached no tool
    for text in (history, output, caplog.text, *events):
        assert SECRET not in text and "219099999" not in text


def test_masked_agent_operator_adds_the_capability() -> None:
    from airflow_plugin.agents.known_tool_calls import KnownToolCalls
    from airflow_plugin.agents.operator import MaskedAgentOperator

    for scrub in (True, False):
        operator = MaskedAgentOperator(task_id="ask", prompt="go", scrub_prompts=scrub)
        assert sum(isinstance(c, KnownToolCalls) for c in operator.capabilities) == 1
