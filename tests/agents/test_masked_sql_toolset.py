"""MaskedSQLToolset and ScrubbingCapability with a real pydantic-ai agent on a real DuckDB file (no Airflow run).

The model is pydantic-ai's ``FunctionModel``: a scripted, deterministic model, so
every test knows exactly which queries the agent sends and sees exactly what
came back to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic_ai import Agent
from pydantic_ai.messages import (
    ModelMessagesTypeAdapter,
    ModelResponse,
    RetryPromptPart,
    TextPart,
    ToolCallPart,
    ToolReturnPart,
)
from pydantic_ai.models.function import FunctionModel

EMAIL = "ana.garcia@correo.es"
SSN = "536-90-4399"
CARD = "4111 1111 1111 1111"
PLAN_VALUE = "platinum-secret-plan"
NAME = "Ana Garcia Lopez"  # no text detector finds a name: only a column rule masks it
POLICY: dict[str, Any] = {
    "unclassified": "pass",  # the notes column is free text for the scrubber; fail-closed is tested in tests/rewrite
    "unmask_for": ["user:support-lead"],
    "datasets": {"customers": {"columns": {
        "full_name": {"info_type": "PERSON_NAME", "method": {"method": "redact"}},
        "email": {"info_type": "EMAIL"}, "ssn": {"info_type": "US_SSN", "method": {"method": "hmac", "length": 16}},
    }}},
}


@pytest.fixture()
def duckdb_conn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A DuckDB file with one customer, reachable as the Airflow connection ``shop``."""
    import duckdb

    path = tmp_path / "shop.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, full_name VARCHAR, email VARCHAR, ssn VARCHAR, note VARCHAR, "
                "plan VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, ?, ?, ?, ?, ?)",
                [NAME, EMAIL, SSN, f"paid with card {CARD}", PLAN_VALUE])
    con.close()
    monkeypatch.setenv("AIRFLOW_CONN_SHOP", json.dumps({"conn_type": "duckdb", "host": str(path)}))
    return "shop"


def scripted(*calls: tuple[str, dict[str, Any]], seen: list[str] | None = None) -> FunctionModel:
    """A model that makes ``calls`` in order, then answers with every tool result it got."""

    def respond(messages: list[Any], info: Any) -> ModelResponse:
        if seen is not None:
            seen.append(ModelMessagesTypeAdapter.dump_json(messages).decode())
        answers = [p for m in messages for p in m.parts if isinstance(p, (ToolReturnPart, RetryPromptPart))]
        if len(answers) < len(calls):
            tool, args = calls[len(answers)]
            return ModelResponse(parts=[ToolCallPart(tool, args)])
        return ModelResponse(parts=[TextPart("\n".join(str(p.content) for p in answers))])

    return FunctionModel(respond)


def run_agent(toolset: Any, *calls: tuple[str, dict[str, Any]]) -> tuple[str, list[str]]:
    seen: list[str] = []
    result = Agent(scripted(*calls, seen=seen), toolsets=[toolset], retries=5).run_sync("go")
    return result.output, seen


def masked_toolset(conn: str, **kwargs: Any) -> Any:
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset

    return MaskedSQLToolset(conn, policy=POLICY, allowed_tables=["customers"], **kwargs)


def test_plain_sql_toolset_hands_the_model_what_no_text_scrubber_can_see(duckdb_conn: str) -> None:
    """The control: common-ai's SQLToolset passes a customer's name to the model.

    (Its results go through Airflow's secrets masker, which maskline's Airflow plugin
    extends with the text scrubber when it is loaded, so detectable values may be
    hidden; a name is not detectable, only a column rule masks it.)
    """
    from airflow.providers.common.ai.toolsets.sql import SQLToolset

    output, _ = run_agent(SQLToolset(duckdb_conn, allowed_tables=["customers"]),
                          ("query", {"sql": "SELECT full_name, email FROM customers"}))
    assert NAME in output


def test_masked_toolset_masks_rule_columns_and_scrubs_free_text(duckdb_conn: str) -> None:
    output, seen = run_agent(masked_toolset(duckdb_conn, acting_for="bob"),
                             ("query", {"sql": "SELECT * FROM customers"}))
    result = json.loads(output)
    row = dict(zip(result["columns"], result["rows"][0], strict=True))
    assert row["full_name"] == "[PERSON_NAME]"  # redact writes the info type
    assert row["email"] == "*****@correo.es"
    assert len(row["ssn"]) == 16 and row["ssn"] != SSN
    assert row["note"] == "paid with card [CREDIT_CARD]"  # no rule names it: the result scrubber caught it
    assert row["plan"] == PLAN_VALUE  # non-sensitive columns stay usable
    assert all(v not in text for text in (output, *seen) for v in (NAME, EMAIL, SSN, CARD))


def test_identity_in_unmask_for_gets_raw_values(duckdb_conn: str) -> None:
    from airflow_plugin.log_filter import installed

    output, _ = run_agent(masked_toolset(duckdb_conn, acting_for="support-lead"),
                          ("query", {"sql": "SELECT full_name, email, ssn, note FROM customers"}))
    assert NAME in output and "*****@" not in output  # no column rule applied
    if not installed():
        # With maskline's Airflow log filter loaded, Airflow's secrets masker (which common-ai runs over
        # every tool result) also scrubs detectable values, whoever asked.
        assert EMAIL in output and SSN in output and CARD in output


def test_refused_queries_come_back_to_the_model_as_tool_errors(duckdb_conn: str) -> None:
    output, seen = run_agent(
        masked_toolset(duckdb_conn, acting_for="bob"),
        ("query", {"sql": "DELETE FROM customers"}),
        ("query", {"sql": f"SELECT id FROM customers WHERE email LIKE '{EMAIL[:4]}%'"}),
        ("query", {"sql": "SELECT pg_read_file('/etc/passwd')"}),
        ("query", {"sql": "SELECT count(*) AS n FROM customers"}),
    )
    retries = output.split("\n")
    assert sum("maskline refused this query" in line for line in retries) == 3
    assert "not DELETE" in output and "LIKE" in output and "the function at line 1, column 8 is not on the duckdb allow-list" in output  # maskline's own refusals
    assert '"rows":[[1]]' in output.replace(" ", "")  # the run went on after the refusals
    import duckdb

    con = duckdb.connect(str(Path(json.loads(__import__("os").environ["AIRFLOW_CONN_SHOP"])["host"])))
    assert con.execute("SELECT count(*) FROM customers").fetchone() == (1,)  # the DELETE never ran
    con.close()


def test_database_errors_reach_the_model_without_the_values_they_quote(duckdb_conn: str) -> None:
    output, seen = run_agent(masked_toolset(duckdb_conn, acting_for="bob"),
                             ("query", {"sql": "SELECT CAST(plan AS INTEGER) AS p FROM customers"}))
    assert "The query tool failed" in output
    assert PLAN_VALUE not in output and all(PLAN_VALUE not in s for s in seen)


def test_check_query_reports_what_maskline_would_refuse(duckdb_conn: str) -> None:
    output, _ = run_agent(masked_toolset(duckdb_conn, acting_for="bob"),
                          ("check_query", {"sql": "SELECT id FROM customers WHERE email LIKE 'a%'"}),
                          ("check_query", {"sql": "SELECT email FROM customers"}))
    first, second = (json.loads(line) for line in output.splitlines())
    assert first["valid"] is False and "maskline would refuse it" in first["error"]
    assert second == {"valid": True, "masked_columns": ["email"]}


def test_list_tables_and_get_schema_work_on_duckdb_and_respect_allowed_tables(duckdb_conn: str) -> None:
    output, _ = run_agent(masked_toolset(duckdb_conn), ("list_tables", {}),
                          ("get_schema", {"table_name": "customers"}), ("get_schema", {"table_name": "secrets"}))
    tables, schema, refused = (json.loads(line) for line in output.splitlines())
    assert tables == ["customers"]
    assert [c["name"] for c in schema["columns"]] == ["id", "full_name", "email", "ssn", "note", "plan"]
    assert "not in the allowed tables list" in refused["error"]


def test_writes_cannot_be_allowed() -> None:
    from maskline.errors import PolicyError

    with pytest.raises(PolicyError, match="cannot allow writes"):
        masked_toolset("shop", allow_writes=True)


def _echo(capture: list[str]) -> Callable[[list[Any], Any], ModelResponse]:
    def respond(messages: list[Any], info: Any) -> ModelResponse:
        capture.append(ModelMessagesTypeAdapter.dump_json(messages).decode())
        return ModelResponse(parts=[TextPart(f"Sure, I will email {EMAIL} about card {CARD}.")])

    return respond


def test_scrubbing_capability_scrubs_prompt_instructions_answer_and_history() -> None:
    from airflow_plugin.agents.scrubbing import ScrubbingCapability

    seen: list[str] = []
    agent = Agent(FunctionModel(_echo(seen)), instructions=f"Escalations go to {EMAIL}.",
                  capabilities=[ScrubbingCapability()])
    result = agent.run_sync(f"Customer {EMAIL} (SSN {SSN}) asks about a refund.")
    history = ModelMessagesTypeAdapter.dump_json(result.all_messages()).decode()
    assert result.output == "Sure, I will email [EMAIL] about card [CREDIT_CARD]."
    for text in (*seen, history):
        assert EMAIL not in text and SSN not in text and CARD not in text
    assert "[US_SSN]" in seen[0] and "[EMAIL]" in seen[0]


def test_without_the_capability_the_prompt_reaches_the_model_raw() -> None:
    """The control for the test above: the scrubbing is the capability's doing."""
    seen: list[str] = []
    Agent(FunctionModel(_echo(seen))).run_sync(f"Customer {EMAIL} asks about a refund.")
    assert EMAIL in seen[0]


def test_masked_rows_for_prompt_driver_error_names_the_connection_not_the_value(duckdb_conn: str) -> None:
    """A failing query (DuckDB quotes the offending value) is raised without the value, naming the connection."""
    from airflow_plugin.agents.scrubbing import masked_rows_for_prompt
    from maskline.errors import MaskingError

    with pytest.raises(MaskingError) as raised:
        masked_rows_for_prompt(duckdb_conn, "SELECT CAST(plan AS INTEGER) AS n FROM customers", POLICY)
    message = str(raised.value)
    assert PLAN_VALUE not in message and "conn_id='shop'" in message


def test_attack_queries_driven_by_an_agent_get_nothing_beyond_masked_values(duckdb_conn: str) -> None:
    from maskline.keys import KeyMaterial
    from tests.conftest import TEST_KEY

    key = KeyMaterial(TEST_KEY.encode())
    attacks = [
        "SELECT id FROM customers WHERE substr(ssn, 1, 3) = '536'",  # a probe: refused as query-text hygiene
        "SELECT id, ascii(substr(ssn, 1, 1)) AS code FROM customers",  # extraction: sees the token only
        "SELECT c AS whole_row FROM customers c",  # a whole-row reference reads the masked relation
        "SELECT #3 AS third FROM customers",  # a positional reference, too
        "SELECT getvariable('maskline_salt') AS k",  # key material: not on the allow-list
        "SELECT * FROM query('SELECT * FROM customers')",  # SQL text: not on the allow-list
        "SELECT CAST(email AS INTEGER) AS n FROM customers",  # an engine error: reported from its structure
        "SELECT count(*) AS n FROM customers",
    ]
    output, seen = run_agent(masked_toolset(duckdb_conn, acting_for="bob"),
                             *[("query", {"sql": sql}) for sql in attacks])
    texts = (output, *seen)
    leaked = [(v, t[max(0, t.find(v) - 200):t.find(v) + 50]) for t in texts for v in (NAME, EMAIL, SSN, CARD, "536-90") if v in t]
    assert not leaked
    assert all(k not in t for t in texts for k in (TEST_KEY, key.secret.hex(), key.inner_pad().hex()))
    assert "ConversionException" in output  # the failure's class reached the agent, its message did not
    assert '"n"' in output or "'n'" in output  # and the harmless query still ran


def test_a_query_that_does_not_parse_is_refused_without_repeating_its_literals(duckdb_conn: str) -> None:
    from airflow.providers.common.ai.utils.sql_validation import validate_sql

    sql = f"SELECT id FROM customers WHERE plan = '{PLAN_VALUE}' GROUP"
    # the control: the toolset's own guard quotes the query around the error, the literal with it
    with pytest.raises(Exception) as raised:
        validate_sql(sql, dialect="duckdb", allow_read_only_metadata=True)
    assert PLAN_VALUE in str(raised.value)
    output, _ = run_agent(masked_toolset(duckdb_conn, acting_for="bob"), ("query", {"sql": sql}))
    assert "maskline refused this query: cannot parse the query as duckdb" in output
    assert PLAN_VALUE not in output  # what the model, the task log and lineage get back


# The agent face's modules import pydantic-ai, so their ``>>>`` examples run here, beside its other tests.
AGENT_MODULES = ("airflow_plugin.agents.activity", "airflow_plugin.agents.lineage", "airflow_plugin.agents.scrubbing",
                 "airflow_plugin.agents.masked_sql_toolset", "airflow_plugin.agents.operator",
                 "airflow_plugin.agents.checked_arguments", "airflow_plugin.agents.known_tool_calls")


@pytest.mark.parametrize("module", AGENT_MODULES)
def test_docstring_examples_of_the_agent_face_run(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
