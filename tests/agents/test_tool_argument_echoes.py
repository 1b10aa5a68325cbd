"""Red team (round redteam4): a malformed tool call to ``MaskedSQLToolset`` gets no echo of what it sent, nor does
``get_schema`` of a table the toolset may not read (its name is the model's text, and may be a value).

pydantic-ai answers arguments that fail the tool's validator with a retry prompt built from pydantic's errors:
each error's ``input`` (the value sent) and ``loc`` (an argument's name, even one no tool declares). The
toolset now checks the arguments from the tools' declarations first
(:mod:`airflow_plugin.agents.checked_arguments`), so the prompt the model gets back names only declared
parameters and JSON types. The agent is a real pydantic-ai ``Agent`` driven by a scripted ``FunctionModel``; the
control is common-ai's own ``SQLToolset``, whose retry prompt quotes the value.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_ai import Agent
from pydantic_ai.messages import RetryPromptPart, ToolReturnPart

from tests.agents.test_masked_sql_toolset import POLICY, duckdb_conn, scripted  # noqa: F401 - the fixture

SECRET = "219-09-9999"
NAME = "zq98234571"  # an argument name no tool declares
MALFORMED: list[tuple[str, dict[str, Any]]] = [
    ("query", {"sql": {"ssn": SECRET}}),
    ("query", {"sql": [SECRET]}),
    ("query", {"sql": "SELECT 1", NAME: SECRET}),
    ("query", {NAME: f"SELECT * FROM customers WHERE ssn = '{SECRET}'"}),
    ("check_query", {"sql": 219099999}),
    ("get_schema", {"table_name": {"t": SECRET}}),
    ("list_tables", {NAME: SECRET}),
    ("query", {}),
]


def _answers(toolset: Any, *calls: tuple[str, dict[str, Any]]) -> list[str]:
    """What the toolset handed back to the model for each call: tool returns and retry prompts, in order."""
    result = Agent(scripted(*calls), toolsets=[toolset], retries=len(calls) + 1).run_sync("go")
    return [p.model_response() if isinstance(p, RetryPromptPart) else str(p.content)
            for m in result.all_messages() for p in m.parts if isinstance(p, (ToolReturnPart, RetryPromptPart))]


def _leaks(texts: list[str]) -> list[str]:
    joined = "\n".join(texts).lower()
    return [n for n in (SECRET, "219099999", NAME) if n in joined]


def test_common_ai_toolset_quotes_the_arguments_it_refuses(duckdb_conn: str) -> None:  # noqa: F811
    """Control: the plain SQLToolset's retry prompt repeats the value and the undeclared name."""
    from airflow.providers.common.ai.toolsets.sql import SQLToolset

    answers = _answers(SQLToolset(duckdb_conn, allowed_tables=["customers"]), *MALFORMED)
    assert set(_leaks(answers)) == {SECRET, "219099999", NAME}


def test_masked_toolset_refuses_malformed_arguments_without_echo(duckdb_conn: str) -> None:  # noqa: F811
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    toolset = MaskedSQLToolset(duckdb_conn, policy=POLICY, allowed_tables=["customers"], emit_lineage=False)
    answers = _answers(toolset, *MALFORMED, ("query", {"sql": "SELECT count(*) AS n FROM customers"}))
    assert len(answers) == len(MALFORMED) + 1
    assert not _leaks(answers)
    assert "argument sql must be a string, not an object" in answers[0]
    assert "1 argument the tool does not take" in answers[2]
    assert "argument sql must be a string, not an integer" in answers[4]
    assert "argument sql is missing" in answers[7]
    assert json.loads(answers[-1])["rows"] == [[1]]  # a well-formed call still runs


def test_common_ai_get_schema_repeats_a_table_name_it_refuses(duckdb_conn: str) -> None:  # noqa: F811
    """Control: the plain SQLToolset names the refused table, which is the model's text (here a value)."""
    from airflow.providers.common.ai.toolsets.sql import SQLToolset

    answers = _answers(SQLToolset(duckdb_conn, allowed_tables=["customers"]), ("get_schema", {"table_name": SECRET}))
    assert _leaks(answers) == [SECRET]


def test_masked_get_schema_refuses_a_table_without_naming_it(duckdb_conn: str) -> None:  # noqa: F811
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    toolset = MaskedSQLToolset(duckdb_conn, policy=POLICY, allowed_tables=["customers"], emit_lineage=False)
    answers = _answers(toolset, ("get_schema", {"table_name": SECRET}), ("get_schema", {"table_name": f"hr.{SECRET}"}),
                       ("get_schema", {"table_name": "customers"}))
    assert not _leaks(answers)
    assert "not in the allowed tables list" in answers[0] and "not in the allowed tables list" in answers[1]
    assert "ssn" in answers[2]  # an allowed table is still described
