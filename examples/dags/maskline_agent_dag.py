"""Example DAG: an AI agent summarizes last week's support tickets, and never sees a raw value.

The agent (common-ai's ``AgentOperator``, here :class:`MaskedAgentOperator`) gets
SQL access through :class:`MaskedSQLToolset`: every query it writes is rewritten
by maskline so sensitive outputs are masked, results are scrubbed once more, and
refused queries come back to it as tool errors. Each query is an OpenLineage
event, child of the task's run, naming the agent and whom it acted for.

It runs offline by default, with a deterministic scripted model (pydantic-ai's
``FunctionModel``). Set ``MASKLINE_AGENT_LLM_CONN`` to a ``pydanticai``
connection id (e.g. ``openai:gpt-5`` in its extra) to use a real model instead.
The database is the connection ``MASKLINE_AGENT_DB_CONN`` (default, the examples' DuckDB:
``maskline_demo_duckdb``; DuckDB or PostgreSQL), e.g.
``AIRFLOW_CONN_MASKLINE_DEMO_DUCKDB='duckdb:///tmp/support.duckdb'``.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pendulum
from airflow.sdk import dag, task

from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset
from airflow_plugin.agents.operator import MaskedAgentOperator

DB_CONN_ID = os.environ.get("MASKLINE_AGENT_DB_CONN", "maskline_demo_duckdb")
LLM_CONN_ID = os.environ.get("MASKLINE_AGENT_LLM_CONN")  # unset: the offline scripted model

# The policy: column rules for the two raw tables; the support lead may see raw values.
POLICY: dict[str, Any] = {
    "version": 1,
    "unclassified": "pass",
    "unmask_for": ["user:support-lead"],
    "methods": {"EMAIL": {"method": "email"}},
    "datasets": {
        "raw_customers": {"columns": {
            "full_name": {"info_type": "PERSON_NAME"}, "email": {"info_type": "EMAIL"},
            "phone": {"info_type": "PHONE"}, "ssn": {"info_type": "US_SSN", "method": {"method": "hmac"}},
            "credit_card": {"info_type": "CREDIT_CARD"}, "date_of_birth": {"info_type": "DATE_OF_BIRTH"},
            "postal_code": {"info_type": "POSTAL_CODE"}, "ip_address": {"info_type": "IP_ADDRESS"},
            "notes": {"info_type": "FREE_TEXT_WITH_PII"},
        }},
        "raw_tickets": {"columns": {
            "customer_email": {"info_type": "EMAIL", "method": {"method": "hmac", "length": 16}},
            "subject": {"info_type": "FREE_TEXT_WITH_PII"}, "body": {"info_type": "FREE_TEXT_WITH_PII"},
            "agent_name": {"info_type": "PERSON_NAME"},
        }},
    },
}

LAST_WEEK_SQL = (
    "SELECT t.status, t.subject, t.body, c.full_name, c.email FROM raw_tickets t "
    "JOIN raw_customers c ON c.customer_id = t.customer_id "
    "WHERE t.created_at >= (SELECT max(created_at) FROM raw_tickets) - INTERVAL '7 days' "
    "ORDER BY t.created_at DESC"
)


def summarize_offline(messages: list[Any], info: Any) -> Any:
    """A scripted model: query last week's tickets through the masked toolset, then summarize what came back."""
    from collections import Counter

    from pydantic_ai.messages import ModelResponse, RetryPromptPart, TextPart, ToolCallPart, ToolReturnPart

    answers = [p for m in messages for p in getattr(m, "parts", ()) if isinstance(p, (ToolReturnPart, RetryPromptPart))]
    if not answers:
        return ModelResponse(parts=[ToolCallPart("query", {"sql": LAST_WEEK_SQL})])
    try:
        result = json.loads(str(answers[-1].content))
        rows = [dict(zip(result["columns"], row, strict=False)) for row in result["rows"]]
    except (ValueError, KeyError, TypeError):  # a tool error (a refusal, a missing key): say so, do not retry
        return ModelResponse(parts=[TextPart(f"I could not read last week's tickets: {answers[-1].content}")])
    statuses = Counter(r["status"] for r in rows)
    topics = Counter(str(r["subject"]).split(" (")[0] for r in rows)
    lines = [f"{len(rows)} support tickets last week: "
             + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) + ".",
             "Topics: " + ", ".join(f"{t} ({n})" for t, n in topics.most_common()) + "."]
    lines += [f"- {r['full_name']} <{r['email']}>: {r['body']}" for r in rows[:3]]
    return ModelResponse(parts=[TextPart("\n".join(lines))])


def offline_model() -> Any:
    from pydantic_ai.models.function import FunctionModel

    return FunctionModel(summarize_offline, model_name="maskline-offline-summarizer")


@dag(
    dag_id="maskline_agent_support_summary",
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    default_args={"owner": "support-ops"},
    tags=["maskline", "example", "ai"],
    doc_md=__doc__,
)
def maskline_agent_support_summary():
    @task
    def load_support_data() -> int:
        """Create raw_customers and raw_tickets (demo data with real-looking PII) in the agent's database."""
        from airflow.sdk import BaseHook
        from maskline_demo_data import CUSTOMER_COLUMNS, TICKET_COLUMNS, customers, tickets

        hook = BaseHook.get_connection(DB_CONN_ID).get_hook()
        people = customers(20)
        for table, columns, rows in (("raw_customers", CUSTOMER_COLUMNS, people),
                                     ("raw_tickets", TICKET_COLUMNS, tickets(people))):
            types = {"DOUBLE": "DOUBLE PRECISION"}
            hook.run(f"DROP TABLE IF EXISTS {table}")
            hook.run(f"CREATE TABLE {table} ({', '.join(f'{c} {types.get(t, t)}' for c, t in columns)})")
            names = [c for c, _ in columns]
            hook.insert_rows(table, [tuple(r[c] for c in names) for r in rows], target_fields=names)
        return len(people)

    @task
    def ticket_overview() -> str:
        """The prompt, with table data in it: read through the same masking as the agent's queries."""
        from airflow_plugin.agents.scrubbing import masked_rows_for_prompt

        rows = masked_rows_for_prompt(DB_CONN_ID, "SELECT status, count(*) AS n FROM raw_tickets GROUP BY status "
                                                  "ORDER BY status", POLICY)
        latest = masked_rows_for_prompt(DB_CONN_ID, "SELECT subject FROM raw_tickets ORDER BY created_at DESC "
                                                    "LIMIT 3", POLICY)
        return ("Summarize last week's support tickets for the support lead: volume, topics, anything urgent. "
                f"Ticket counts by status: {json.dumps(rows)}. Latest subjects: {json.dumps(latest)}.")

    summarize = MaskedAgentOperator(
        task_id="summarize_support_tickets",
        prompt="{{ ti.xcom_pull(task_ids='ticket_overview') }}",
        system_prompt="You are a support analyst. Use the query tool; sensitive columns come back masked.",
        model=None if LLM_CONN_ID else offline_model(),
        llm_conn_id=LLM_CONN_ID or "pydanticai_default",
        toolsets=[MaskedSQLToolset(DB_CONN_ID, policy=POLICY, allowed_tables=["raw_tickets", "raw_customers"])],
        agent_params={"retries": 5},
    )

    load_support_data() >> ticket_overview() >> summarize


maskline_agent_support_summary()
