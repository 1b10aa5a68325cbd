"""The MCP server's call events name a table as maskline's operators name it, so Marquez shows one node (mcplineage).

An agent's ``SELECT ... FROM customers`` was recorded as the input dataset ``customers``, with no ``schema``: in
Marquez a node of its own beside ``main.customers`` (DuckDB, namespace the file's path) or
``<db>.public.customers`` (PostgreSQL, ``postgres://host:port``), the nodes the operators that wrote the table and
the Airflow provider made. Now the name is the operators' rule, read from the connection and the catalog's current
database and schema, and each table read carries a typed ``schema`` facet of the catalog's columns. The expected
name is computed with the engine adapter's naming (what ``airflow_plugin.lineage.dataset_name`` and
``dataset_namespace`` give an operator writing the table), never a hard-coded string.

Real parts: the server over stdio, driven by the MCP SDK's own client; the real OpenLineage client writing to a
file; real DuckDB and PostgreSQL. The control: a refused query reads no table, so its events name no dataset.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.lineage.marquez_api import eventually as _eventually
from tests.lineage.marquez_api import get as _get
from tests.lineage.marquez_api import lineage_nodes as _lineage_nodes
from tests.lineage.marquez_api import run_in_state as _run_in_state
from tests.mcp.agent import ScriptedAgent, lineage_events, server_env
from tests.mcp.conftest import CUSTOMERS

QUERY = "SELECT id, email FROM customers"
REFUSED = "DELETE FROM customers"


def script(schema: str) -> list[tuple[str, dict[str, Any]]]:
    """A query, the same table spelled otherwise (qualified, in other case: one table, so one node), a describe,
    and a refused query."""
    return [("query", {"sql": QUERY}), ("query", {"sql": f"SELECT id FROM {schema.upper()}.Customers"}),
            ("describe_table", {"table": "customers"}), ("query", {"sql": REFUSED})]


def operator_names(dialect: str, host: str | None, port: int | None, database: str | None) -> tuple[str, str]:
    """(namespace, name) an operator writing ``customers`` on this database gives it: the adapter's rule, as
    ``airflow_plugin.lineage`` applies it (a file database's path is the namespace; its names have no database)."""
    from maskline.adapters import engine

    adapter = engine(dialect)
    return (adapter.namespace(host, port, database),
            adapter.dataset_name(["customers"], None if adapter.file_based else database))


def _runs(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    runs: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        runs.setdefault(event["run"]["runId"], []).append(event)
    return runs


def _check(events: list[dict[str, Any]], namespace: str, name: str, types: dict[str, str]) -> None:
    runs = _runs(events)
    assert len(runs) == len(script("main"))
    for run in runs.values():  # each call: a START, then its COMPLETE or FAIL
        assert [e["eventType"] for e in run][0] == "START"
        assert [e["eventType"] for e in run][1:] in (["COMPLETE"], ["FAIL"])
        assert run[0]["eventTime"] <= run[1]["eventTime"]
    ends = [run[-1] for run in runs.values()]
    read = [e for e in ends if e["eventType"] == "COMPLETE"]
    assert len(read) == 3
    for end in read:
        assert [(d["namespace"], d["name"]) for d in end["inputs"]] == [(namespace, name)], end["inputs"]
        schema = end["inputs"][0]["facets"]["schema"]
        assert {f["name"]: f["type"] for f in schema["fields"]} == types  # the catalog's columns, typed
    # The control: a refused query read no table, so it names no dataset (and none by the query's spelling).
    refused = [e for e in ends if e["eventType"] == "FAIL"]
    assert len(refused) == 1 and refused[0]["inputs"] == []


def test_duckdb_calls_name_the_table_as_its_operator_does(duckdb_file: Path, policy_file: Path,
                                                          tmp_path: Path) -> None:
    lineage = tmp_path / "events.jsonl"
    uri = f"duckdb:///{duckdb_file}"
    agent = ScriptedAgent(name="lineage-agent").over_stdio(
        ["--policy", str(policy_file), "--database", uri, "--allow", "customers"], server_env(lineage),
        script("main"))
    assert not agent.answers[1].is_error, agent.answers[1].text
    assert not agent.answers[0].is_error, agent.answers[0].text
    namespace, name = operator_names("duckdb", None, None, str(duckdb_file))
    types = {"id": "integer", "full_name": "varchar", "email": "varchar", "ssn": "varchar", "phone": "varchar"}
    _check(lineage_events(lineage), namespace, name, types)


@pytest.mark.postgres
def test_postgres_calls_name_the_table_as_its_operator_does(pg_module_dsn: str, policy_file: Path,
                                                            tmp_path: Path) -> None:
    import psycopg2

    pg_dsn = pg_module_dsn  # this module's own database: it creates ``customers`` by that name

    admin = psycopg2.connect(pg_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("CREATE TABLE customers (id integer, full_name text, email text, ssn text, phone text)")
        cur.executemany("INSERT INTO customers VALUES (%s, %s, %s, %s, %s)", CUSTOMERS)
    try:
        lineage = tmp_path / "events.jsonl"
        agent = ScriptedAgent(name="lineage-agent").over_stdio(
            ["--policy", str(policy_file), "--database", pg_dsn, "--allow", "customers"], server_env(lineage),
            script("public"))
        assert not agent.answers[1].is_error, agent.answers[1].text
        assert not agent.answers[0].is_error, agent.answers[0].text
        url = urlsplit(pg_dsn)
        namespace, name = operator_names("postgres", url.hostname, url.port, url.path.lstrip("/"))
        # PostgreSQL's types as the provider's SQL extractor names them (udt_name), so Marquez keeps one field each
        types = {"id": "int4", "full_name": "text", "email": "text", "ssn": "text", "phone": "text"}
        _check(lineage_events(lineage), namespace, name, types)
    finally:
        with admin.cursor() as cur:
            cur.execute("DROP TABLE customers")
        admin.close()


# --- the same, read back from a real Marquez ---------------------------------------------------------------


def _calls_into_marquez(duckdb_file: Path, policy_file: Path, tmp_path: Path, calls: list[Any]) -> tuple[str, Path]:
    """Marquez's address, and the events file of an agent's ``calls`` sent both there and to the file (to find this
    session's run ids), as a user's openlineage.yml would say it; the test is skipped without a Marquez."""
    import os
    import uuid

    base = os.environ.get("MARQUEZ_URL", "").strip().rstrip("/")
    if not base:
        pytest.skip("no Marquez: set MARQUEZ_URL (make test starts one with scripts/marquez.sh)")
    lineage = tmp_path / "events.jsonl"
    config = tmp_path / "openlineage.yml"
    config.write_text(f"transport:\n  type: composite\n  continue_on_failure: false\n  transports:\n"
                      f"    file: {{type: file, log_file_path: '{lineage}', append: true}}\n"
                      f"    marquez: {{type: http, url: '{base}', timeout: 10}}\n")
    env = {k: v for k, v in server_env(lineage).items() if not k.startswith("OPENLINEAGE__TRANSPORT")}
    env["OPENLINEAGE_CONFIG"] = str(config)
    # A namespace of this call's own: the job of another test's call on the same table (a refusal: no inputs) is
    # the same Marquez job, and its latest version, not this one's, decides whether the job is on the table's graph.
    env["OPENLINEAGE_NAMESPACE"] = f"maskline-mcp-test-{uuid.uuid4().hex[:8]}"
    ScriptedAgent(name="lineage-agent").over_stdio(
        ["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}", "--allow", "customers"], env, calls)
    return base, lineage


@pytest.mark.marquez
def test_marquez_shows_the_call_started_and_on_the_tables_node(duckdb_file: Path, policy_file: Path,
                                                               tmp_path: Path) -> None:
    """The agent's read shows on the table's own Marquez node, and its run has a start time (not 1970). Marquez's
    pages are read again until they show it (a bounded number of times): the job's node joined the table's graph
    after the run was read, once in three full runs."""
    base, lineage = _calls_into_marquez(duckdb_file, policy_file, tmp_path, script("main")[:1])
    (end,) = [e for e in lineage_events(lineage) if e["eventType"] == "COMPLETE"]
    run = _run_in_state(base, end["run"]["runId"], "COMPLETED")
    assert run["startedAt"] and not run["startedAt"].startswith("1970"), run["startedAt"]
    source = operator_names("duckdb", None, None, str(duckdb_file))
    read = [(d["datasetVersionId"]["namespace"], d["datasetVersionId"]["name"]) for d in run["inputDatasetVersions"]]
    assert read == [source]
    job = f"job:{end['job']['namespace']}:{end['job']['name']}"

    def drawn() -> None:
        graph = _lineage_nodes(base, f"dataset:{source[0]}:{source[1]}")
        assert job in graph, sorted(graph)

    _eventually(drawn)


@pytest.mark.marquez
def test_marquez_shows_the_agent_on_each_call_run_and_a_refusal_as_failed(duckdb_file: Path, policy_file: Path,
                                                                          tmp_path: Path) -> None:
    """What Marquez shows of an agent's calls: each call's run carries the agent as the executing identity
    (``maskline_identity``, kind ``agent``), and a refused query is a FAILED run whose ``errorMessage`` is maskline's
    reason, with no value of the table in any of it."""
    import json

    base, lineage = _calls_into_marquez(duckdb_file, policy_file, tmp_path, [script("main")[0], script("main")[-1]])
    finals = {e["eventType"]: e for e in lineage_events(lineage) if e["eventType"] in ("COMPLETE", "FAIL")}
    assert set(finals) == {"COMPLETE", "FAIL"}
    shown = []
    for kind, state in (("COMPLETE", "COMPLETED"), ("FAIL", "FAILED")):
        run_id = finals[kind]["run"]["runId"]
        run = _run_in_state(base, run_id, state)
        facets = _get(base, f"/api/v1/jobs/runs/{run_id}/facets?type=run")["facets"]
        executed_by = facets["maskline_identity"]["executedBy"]
        assert executed_by["kind"] == "agent" and executed_by["name"].startswith("lineage-agent"), executed_by
        shown += [run, facets, _get(base, f"/api/v1/jobs/runs/{run_id}/facets?type=job")]
    assert facets["errorMessage"]["message"].startswith("maskline refused the agent's query"), facets["errorMessage"]
    raw = {str(v) for row in CUSTOMERS for v in row if isinstance(v, str) and len(v) >= 6}
    assert raw and [v for v in raw if v in json.dumps(shown)] == []
