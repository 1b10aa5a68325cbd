"""A scripted agent drives ``maskline mcp`` over stdio with the SDK's client, on a DuckDB file.

One server process plays the whole script (spawning one per test would be most of the run time); each test
then checks one property of what came back and of the lineage it left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_KEY
from tests.mcp.agent import ScriptedAgent, lineage_events, server_env
from tests.mcp.conftest import raw_values

ATTACKS = [
    "SELECT getvariable('maskline_salt')",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT id FROM customers WHERE substr(ssn, 1, 3) = '219'",
    "SELECT CAST(email AS INTEGER) FROM customers",
    "SELECT c FROM customers c",
    "SELECT current_setting('maskline_salt')",
    "DELETE FROM customers",
    "SELECT * FROM secrets_table",
    "SELECT email FROM customers; SELECT 1",
]
SCRIPT: list[tuple[str, dict[str, Any]]] = [
    ("list_tables", {}),
    ("describe_table", {"table": "customers"}),
    ("query", {"sql": "SELECT full_name, email, ssn, phone FROM customers ORDER BY ssn"}),
    ("query", {"sql": "SELECT count(*) AS n FROM customers WHERE ssn = '219-09-9999'"}),
    ("explain", {"sql": "SELECT upper(email) AS contact FROM customers"}),
    ("describe_table", {"table": "secrets_table"}),
    *[("query", {"sql": sql}) for sql in ATTACKS],
]


@pytest.fixture(scope="module")
def session(duckdb_file: Path, policy_file: Path, tmp_path_factory: pytest.TempPathFactory,
            ) -> tuple[ScriptedAgent, list[dict[str, Any]]]:
    lineage = tmp_path_factory.mktemp("lineage") / "events.jsonl"
    agent = ScriptedAgent(name="user:auditor", version="0.1")  # claims a privileged name: must not unmask
    agent.over_stdio(["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}",
                      "--allow", "customers", "--allow", "orders", "--principal", "bob", "--max-rows", "2"],
                     server_env(lineage), SCRIPT)
    return agent, lineage_events(lineage)


def answer(agent: ScriptedAgent, tool: str, **arguments: Any) -> Any:
    return next(a for a in agent.answers if a.tool == tool and a.arguments == arguments)


def test_the_server_offers_the_four_tools(session) -> None:
    agent, _ = session
    assert agent.tools == ["describe_table", "explain", "list_tables", "query"]


def test_list_tables_shows_only_allowed_tables(session) -> None:
    agent, _ = session
    assert agent.answers[0].data == {"tables": ["customers", "orders"]}


def test_describe_table_gives_info_types_and_methods_and_masks_unlisted_columns(session) -> None:
    agent, _ = session
    columns = {c["name"]: c for c in answer(agent, "describe_table", table="customers").data["columns"]}
    assert columns["email"]["info_type"] == "EMAIL" and columns["email"]["method"] == "email"
    assert columns["ssn"]["method"] == "hmac"
    assert columns["phone"]["masked"] and columns["phone"]["rule"] == "unclassified: mask (no scan)"


def test_describe_table_refuses_a_table_outside_allow(session) -> None:
    agent, _ = session
    a = answer(agent, "describe_table", table="secrets_table")
    assert a.is_error and "not in --allow" in a.text


def test_query_results_are_masked_and_limited(session) -> None:
    agent, _ = session
    a = answer(agent, "query", sql="SELECT full_name, email, ssn, phone FROM customers ORDER BY ssn")
    assert not a.is_error
    assert a.data["truncated"] is True and len(a.data["rows"]) == 2
    assert set(a.data["masked_columns"]) == {"full_name", "email", "ssn", "phone"}
    assert all(row[1].startswith("*****@") for row in a.data["rows"])


def test_an_equality_on_an_hmac_column_is_answered_by_comparing_tokens(session) -> None:
    agent, _ = session
    a = answer(agent, "query", sql="SELECT count(*) AS n FROM customers WHERE ssn = '219-09-9999'")
    assert not a.is_error, a.text
    assert a.data["rows"] == [[1]]


def test_explain_says_what_is_masked_and_why(session) -> None:
    agent, _ = session
    a = answer(agent, "explain", sql="SELECT upper(email) AS contact FROM customers")
    assert a.data["outputs"][0]["treatment"] == "masked"
    assert "customers.email" in a.data["explain"]


@pytest.mark.parametrize("sql", ATTACKS)
def test_attack_queries_are_refused_or_fail_without_values(session, sql: str) -> None:
    agent, _ = session
    a = answer(agent, "query", sql=sql)
    if sql.startswith("SELECT c FROM"):  # whole-row reference: the row comes back with every field masked
        assert a.is_error or "ada.lovelace" not in a.text
    else:
        assert a.is_error, a.text
    assert "at " in a.text or not a.is_error  # refusals and failures name where


def test_nothing_raw_and_no_key_material_comes_back(session) -> None:
    agent, _ = session
    text = agent.transcript()
    for value in raw_values() + [TEST_KEY, "tok-should-never-be-read", "root:x:0:0"]:
        assert value not in text, f"{value!r} came back to the agent"


def test_every_call_leaves_a_start_and_a_final_lineage_event_with_the_agent_and_principal(session) -> None:
    agent, events = session
    finals = [e for e in events if e["eventType"] in ("COMPLETE", "FAIL")]
    assert len(finals) == len(SCRIPT)
    assert len([e for e in events if e["eventType"] == "START"]) == len(SCRIPT)
    for e in finals:
        ident = e["run"]["facets"]["maskline_identity"]
        assert ident["executedBy"] == {"kind": "agent", "name": "user:auditor/0.1", "pseudonymized": False,
                                       "origin": "agent"}
        assert ident["onBehalfOf"]["name"] == "bob"


def test_lineage_of_a_query_has_its_inputs_and_masked_cells_per_type_and_no_values(session) -> None:
    _, events = session
    # One job per set of tables read (openlineage_ext.agent_call_jobs), so the table's Marquez page keeps the read.
    query = next(e for e in events if e["eventType"] == "COMPLETE"
                 and e["job"]["name"] == "maskline_mcp.query.main.customers")
    # Named as maskline's operators name the table (mcplineage), not as the query spelled it.
    assert [i["name"] for i in query["inputs"]] == ["main.customers"]
    assert query["inputs"][0]["facets"]["maskline_masking"]["fields"]["email"]["method"] == "email"
    assert query["run"]["facets"]["maskline_mcp"]["cellsMaskedByInfoType"] == {
        "PERSON_NAME": 2, "EMAIL": 2, "US_SSN": 2, "UNCLASSIFIED": 2}
    refused = [e for e in events if e["eventType"] == "FAIL"]
    assert refused and all("errorMessage" in e["run"]["facets"] for e in refused)
    text = "\n".join(map(str, events))
    for value in raw_values() + [TEST_KEY]:
        assert value not in text


def test_the_mcp_facet_of_every_event_validates_against_its_shipped_schema(session) -> None:
    import jsonschema

    from maskline.mcp.facet import facet_schema

    _, events = session
    schema = facet_schema()["$defs"]["MasklineMcpRunFacet"]["allOf"][1]
    for e in events:
        if e["eventType"] != "START":
            jsonschema.validate(e["run"]["facets"]["maskline_mcp"], schema)
