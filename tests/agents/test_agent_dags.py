"""A scripted agent tries to exfiltrate PII in real Airflow DAG runs on DuckDB and PostgreSQL; nothing raw escapes.

All runs come from one ``dag.test()`` process (see conftest.py). The checks are
exact-value: every seeded email, phone, SSN, card, name, IP address and birth
date is searched for in what the model received, the task logs, the XComs and
the OpenLineage events.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.agents.agent_dags import EXPECTED_QUERIES, EXPECTED_REFUSALS, STEPS
from tests.agents.conftest import DUCKDB_CONN, NAMESPACE, PG_CONN, AgentRun

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("agents")]
CONNS = [DUCKDB_CONN, pytest.param(PG_CONN, marks=pytest.mark.postgres)]
EXAMPLE_DAG = "maskline_agent_support_summary"
MODEL = "function:exfiltrator-1"


def _dag(conn: str) -> str:
    return f"agent_exfiltration_{conn}"


def _needs(run: AgentRun, conn: str) -> None:
    if conn not in run.conns:
        pytest.skip("PostgreSQL not started (run `make test`)")


def _leaks(run: AgentRun, text: str) -> list[str]:
    return sorted(v for v in run.raw_values if v in text)


def test_seeded_values_are_many_and_real(agent_run: AgentRun) -> None:
    """The leak checks below are only as good as this list."""
    assert len(agent_run.raw_values) > 100
    assert any("@" in v for v in agent_run.raw_values) and any(v.count("-") == 2 for v in agent_run.raw_values)


@pytest.mark.parametrize("conn", CONNS)
def test_exfiltrating_agent_task_succeeds_despite_refusals(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    assert agent_run.result["import_errors"] == {}
    run = agent_run.result[_dag(conn)]
    assert run["state"] == "success", run
    assert run["tasks"]["load"] == run["tasks"]["exfiltrate"] == "success"


@pytest.mark.parametrize("conn", CONNS)
def test_no_raw_value_reached_the_model(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    received = agent_run.messages[_dag(conn)]
    # It saw every step's answer: masked values, and the refusals as tool errors. (Not "maskline refused":
    # the test PostgreSQL's password is "maskline", so Airflow's secrets masker turns the word into ***.)
    assert received.count("refused this query") >= EXPECTED_REFUSALS
    assert "*****@" in received and "[CREDIT_CARD]" in received
    assert _leaks(agent_run, received) == []


def test_no_raw_value_in_the_task_logs(agent_run: AgentRun) -> None:
    assert "maskline refused a query from the agent" in agent_run.logs
    assert _leaks(agent_run, agent_run.logs) == []


def test_no_raw_value_in_the_xcoms(agent_run: AgentRun) -> None:
    answers = [x["value"] for x in agent_run.xcoms if x["task_id"] == "exfiltrate" and x["key"] == "return_value"]
    assert len(answers) == len(agent_run.conns)
    assert all("Everything I found" in a and "*****@" in a for a in answers)  # the model's whole haul
    assert _leaks(agent_run, json.dumps(agent_run.xcoms)) == []


def test_no_raw_value_in_the_lineage_events(agent_run: AgentRun) -> None:
    assert len(agent_run.events) > 20
    assert _leaks(agent_run, agent_run.lineage_text) == []


def _task_run_id(run: AgentRun, dag_id: str, task_id: str) -> str:
    starts = [e for e in run.task_events(dag_id, task_id) if e["eventType"] == "START"]
    assert len(starts) == 1
    return starts[0]["run"]["runId"]


@pytest.mark.parametrize("conn", CONNS)
def test_every_tool_query_is_an_event_child_of_the_agent_task_run(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    calls = agent_run.call_events(_dag(conn), "exfiltrate")
    assert len(calls) == sum(1 for tool, *_ in STEPS if tool == "query")
    task_run = _task_run_id(agent_run, _dag(conn), "exfiltrate")
    for event in calls:
        parent = event["run"]["facets"]["parent"]
        assert parent["run"]["runId"] == task_run
        assert parent["job"] == {"namespace": NAMESPACE, "name": f"{_dag(conn)}.exfiltrate", "facets": {}}
        assert parent["root"]["job"]["name"] == _dag(conn)
        assert event["run"]["runId"] != task_run
        identity = event["run"]["facets"]["maskline_identity"]
        assert identity["executedBy"] == {"kind": "agent", "name": MODEL, "origin": "agent", "pseudonymized": False}
        # dag.test() triggers as "dag_test"; the agent acted for that user (the trigger itself is in
        # Airflow's run facet, which maskline_identity no longer repeats).
        assert identity["onBehalfOf"]["name"] == "dag_test"


@pytest.mark.parametrize("conn", CONNS)
def test_refused_delete_and_unsafe_function_are_lineage_refusals(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    refused = [e for e in agent_run.call_events(_dag(conn), "exfiltrate") if e["eventType"] == "FAIL"]
    assert len(refused) == EXPECTED_REFUSALS
    by_sql = {e["job"]["facets"]["sql"]["query"]: e for e in refused}
    delete = by_sql["DELETE FROM raw_customers"]  # read no table, but the operator allowed it (agentnames)
    # A function neither sqlglot nor the rewrite allow-list knows is named by no proof: a placeholder (lineprune).
    unsafe = by_sql["SELECT name_1('[REDACTED]')"]
    probe = next(e for sql, e in by_sql.items() if "LIKE" in sql)
    for event, why in ((delete, "not DELETE"), (unsafe, "allow-list of a masked query"), (probe, "LIKE")):  # maskline's refusals
        facet = event["run"]["facets"]["maskline_agent"]
        assert facet["outcome"] == "refused" and facet["refusals"] == 1 and facet["queries"] == 0
        assert why in facet["reason"]
        assert event["run"]["facets"]["errorMessage"]["message"].startswith("maskline refused the agent's query")
        assert event["run"]["facets"]["maskline_identity"]["executedBy"]["kind"] == "agent"
    assert "[REDACTED]" in probe["job"]["facets"]["sql"]["query"]  # the probe's literal is not in lineage


@pytest.mark.parametrize("conn", CONNS)
def test_query_events_name_input_tables_and_masked_columns(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    done = {e["job"]["facets"]["sql"]["query"]: e for e in agent_run.call_events(_dag(conn), "exfiltrate")
            if e["eventType"] == "COMPLETE"}
    star = done["SELECT * FROM raw_customers"]
    (table,) = [i["name"] for i in star["inputs"]]  # database.schema.table, as the operators name it (lineageview)
    assert table == "main.raw_customers" if conn == DUCKDB_CONN else table.endswith(".public.raw_customers")
    masking = star["inputs"][0]["facets"]["maskline_masking"]["fields"]
    assert masking["ssn"]["method"] == "hmac" and masking["email"]["masked"] is True
    masked = {c["name"] for c in star["run"]["facets"]["maskline_agent"]["maskedColumns"]}
    assert {"full_name", "email", "phone", "ssn", "credit_card", "ip_address"} <= masked
    assert "customer_id" not in masked and "plan" not in masked
    concat = next(e for sql, e in done.items() if "||" in sql)
    (card,) = concat["run"]["facets"]["maskline_agent"]["maskedColumns"]
    assert card["name"] == "card"
    # each source by the one name the rewrite resolved its table to (catalog.schema.table.column, round lineage17)
    assert all(len(s.split(".")) == 4 for s in card["sources"]), card["sources"]
    assert {"raw_customers.full_name", "raw_customers.email", "raw_customers.phone", "raw_customers.ssn"} <= \
        {".".join(s.split(".")[-2:]) for s in card["sources"]}
    cte = next(e for sql, e in done.items() if sql.startswith("WITH"))
    assert {c["name"] for c in cte["run"]["facets"]["maskline_agent"]["maskedColumns"]} == {"e", "cc", "ip"}
    tickets = next(e for sql, e in done.items() if "raw_tickets" in sql)
    assert tickets["run"]["facets"]["maskline_agent"]["cellsMasked"] >= 3 * 2 * 12  # 3 columns, 24 tickets


@pytest.mark.parametrize("conn", CONNS)
def test_agent_task_events_carry_queries_refusals_and_cells_masked(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    (complete,) = [e for e in agent_run.task_events(_dag(conn), "exfiltrate") if e["eventType"] == "COMPLETE"]
    totals = complete["run"]["facets"]["maskline_agent"]
    calls = agent_run.call_events(_dag(conn), "exfiltrate")
    assert totals["queries"] == EXPECTED_QUERIES
    assert totals["refusals"] == EXPECTED_REFUSALS
    assert totals["cellsMasked"] == sum(e["run"]["facets"]["maskline_agent"]["cellsMasked"] for e in calls) > 100
    assert totals["model"] == MODEL
    assert "maskline_agent" not in next(e for e in agent_run.task_events(_dag(conn), "load"))["run"]["facets"]


def test_agent_facets_validate_against_the_shipped_schema(agent_run: AgentRun) -> None:
    import jsonschema

    from airflow_plugin.agents.lineage import SCHEMA_URL, facet_schema

    schema = facet_schema()
    body = schema["$defs"]["MasklineAgentRunFacet"]["allOf"][1]  # the RunFacet base is checked by the lineage face
    facets = [e["run"]["facets"]["maskline_agent"] for e in agent_run.events if "maskline_agent" in e["run"]["facets"]]
    assert len(facets) > 10
    for facet in facets:
        assert facet["_schemaURL"] == SCHEMA_URL
        jsonschema.validate({k: v for k, v in facet.items() if not k.startswith("_")}, body)


def test_example_agent_dag_summarizes_last_weeks_tickets_masked(agent_run: AgentRun) -> None:
    run = agent_run.result[EXAMPLE_DAG]
    assert run["state"] == "success", run
    summary = next(json.loads(x["value"]) for x in agent_run.xcoms
                   if x["dag_id"] == EXAMPLE_DAG and x["task_id"] == "summarize_support_tickets"
                   and x["key"] == "return_value")
    assert "support tickets last week" in summary and "Topics:" in summary
    assert "*****@" in summary  # the customers' emails, masked by the policy's email method
    prompt: Any = next(json.loads(x["value"]) for x in agent_run.xcoms
                       if x["dag_id"] == EXAMPLE_DAG and x["task_id"] == "ticket_overview")
    assert "Ticket counts by status" in prompt and "[EMAIL]" in prompt
    (query,) = agent_run.call_events(EXAMPLE_DAG, "summarize_support_tickets")
    assert {i["name"] for i in query["inputs"]} == {"main.raw_customers", "main.raw_tickets"}


def test_task_agent_decorator_with_the_scrubbing_capability_never_sends_the_raw_prompt(agent_run: AgentRun) -> None:
    """``@task.agent`` (TestModel through a ``pydanticai`` connection): the prompt quoted a customer's email."""
    run = agent_run.result[_dag(DUCKDB_CONN)]
    assert run["tasks"]["ask_with_task_agent"] == "success"
    (history,) = [x["value"] for x in agent_run.xcoms
                  if x["task_id"] == "ask_with_task_agent" and x["key"] == "message_history"]
    assert "Draft a reply to [EMAIL] about their refund" in history
    assert _leaks(agent_run, history) == []
