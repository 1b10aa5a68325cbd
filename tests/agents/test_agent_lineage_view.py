"""An agent's tool calls as a user sees them in Marquez: on the table's own node, started, with readable SQL.

Round ``lineageview`` looked at the agent DAGs in a real Marquez 0.51.1 and its web UI:

- each call's input was a dataset named as the query spelled it (``raw_customers``; for DuckDB in the namespace
  ``duckdb://<conn_id>``), not the node the task that wrote the table made (``postgres.public.raw_customers``,
  the DuckDB file's path): the agent's reads hung off a node of their own, and the table's page never showed
  that an agent read it;
- a call sent only its COMPLETE or FAIL, so Marquez showed it as started on 1 January 1970 with no runtime;
- a refused query on an allowed table showed its columns as ``name_1``, ``name_2``, although the catalog lists them;
- every call was a run of one job, and Marquez draws a job's edges from its latest version only, so a table read
  by an earlier call (``raw_tickets``) lost the agent's edge on its page: now each set of tables read is a job.

Real ``dag.test()`` runs on DuckDB and PostgreSQL (the suite's shared agent run); the Marquez checks read the
same events back from a real Marquez when ``MARQUEZ_URL`` names one (``make test`` starts it), else skip.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.agents.conftest import DUCKDB_CONN, NAMESPACE, PG_CONN, AgentRun
from tests.lineage.marquez_api import eventually as _eventually
from tests.lineage.marquez_api import get as _get
from tests.lineage.marquez_api import lineage_nodes as _lineage_nodes
from tests.lineage.marquez_api import run_in_state as _run_in_state

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("agents")]
CONNS = [DUCKDB_CONN, pytest.param(PG_CONN, marks=pytest.mark.postgres)]
PROBE = "SELECT customer_id FROM raw_customers WHERE email LIKE '[REDACTED]'"  # agent_dags.STEPS' refused LIKE
TYPED_TABLE = "zq_Qv7x98234571"  # what agent_dags.STEPS types where a table goes


def _dag(conn: str) -> str:
    return f"agent_exfiltration_{conn}"


def _needs(run: AgentRun, conn: str) -> None:
    if conn not in run.conns:
        pytest.skip("PostgreSQL not started (run `make test`)")


def _sql(event: dict[str, Any]) -> str:
    return str(event["job"]["facets"]["sql"]["query"])


@pytest.mark.parametrize("conn", CONNS)
def test_each_tool_call_run_starts_before_it_ends(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    ends = agent_run.call_events(_dag(conn), "exfiltrate")
    starts = {e["run"]["runId"]: e for e in agent_run.call_starts(_dag(conn), "exfiltrate")}
    assert ends and len(starts) == len(ends)
    for end in ends:
        start = starts[end["run"]["runId"]]
        assert start["eventTime"] <= end["eventTime"]
        assert start["run"]["facets"]["parent"] == end["run"]["facets"]["parent"]
        assert start["inputs"] == end["inputs"] and _sql(start) == _sql(end)


@pytest.mark.parametrize("conn", CONNS)
def test_an_agent_reads_the_dataset_the_table_is_known_by(agent_run: AgentRun, conn: str) -> None:
    """The call's input is the (namespace, name) every other lineage of the table uses, not the query's spelling."""
    _needs(agent_run, conn)
    star = next(e for e in agent_run.call_events(_dag(conn), "exfiltrate")
                if e["eventType"] == "COMPLETE" and _sql(e) == "SELECT * FROM raw_customers")
    ((namespace, name),) = [(i["namespace"], i["name"]) for i in star["inputs"]]
    if conn == DUCKDB_CONN:  # as MaskTableOperator names a DuckDB table: the file's path, main schema
        assert namespace.startswith("duckdb:///") and namespace.endswith("/agent.duckdb")
        assert name == "main.raw_customers"
    else:  # the dataset the provider named when the load task created the table
        written = {(o["namespace"], o["name"]) for e in agent_run.events
                   if e["job"]["name"].startswith(f"{_dag(conn)}.load") for o in e.get("outputs") or ()}
        assert (namespace, name) in written, sorted(written)
        assert name.endswith(".public.raw_customers")


@pytest.mark.parametrize("conn", CONNS)
def test_each_call_is_a_run_of_the_tasks_job_for_the_tables_it_read(agent_run: AgentRun, conn: str) -> None:
    """One job per set of tables read (Marquez keeps a job's edges from its latest version only); a call that
    read nothing (every refusal: the typed table among them) stays on the task's ``agent_query``."""
    _needs(agent_run, conn)
    base = f"{_dag(conn)}.exfiltrate.agent_query"
    calls = agent_run.call_events(_dag(conn), "exfiltrate")
    for e in calls:
        names = sorted({i["name"] for i in e["inputs"]})
        assert e["job"]["name"] == (f"{base}.{'+'.join(names)}" if names else base), (e["job"]["name"], names)
    assert {e["job"]["name"] for e in calls if e["eventType"] == "FAIL"} == {base}
    assert len({e["job"]["name"] for e in calls if e["eventType"] == "COMPLETE"}) == 2  # raw_customers, raw_tickets


@pytest.mark.parametrize("conn", CONNS)
def test_a_refused_query_on_an_allowed_table_keeps_its_catalog_columns(agent_run: AgentRun, conn: str) -> None:
    _needs(agent_run, conn)
    refused = [_sql(e) for e in agent_run.call_events(_dag(conn), "exfiltrate") if e["eventType"] == "FAIL"]
    assert PROBE in refused, refused
    assert "SELECT email FROM name_1" in refused, refused  # the column is the catalog's, the typed table is not
    assert not any(re.search(r"\bname_\d+\b", sql) for sql in refused if "raw_customers" in sql), refused


@pytest.mark.parametrize("conn", CONNS)
def test_a_name_typed_as_a_table_is_still_a_placeholder_beside_catalog_columns(agent_run: AgentRun,
                                                                                 conn: str) -> None:
    """The control (true before this round too): the allowed tables' columns prove those names only; the typed
    table and an unknown function stay placeholders, and the typed name reaches no event."""
    _needs(agent_run, conn)
    refused = [_sql(e) for e in agent_run.call_events(_dag(conn), "exfiltrate") if e["eventType"] == "FAIL"]
    assert any(re.fullmatch(r"SELECT \w+ FROM name_\d+", sql) for sql in refused), refused
    assert "SELECT name_1('[REDACTED]')" in refused, refused  # pg_read_file: nothing lists it
    assert TYPED_TABLE.lower() not in agent_run.lineage_text.lower()


# --- the same, read back from a real Marquez ---------------------------------------------------------------


def _marquez(run: AgentRun) -> str:
    if not run.marquez_url:
        pytest.skip("no Marquez: set MARQUEZ_URL (make test starts one with scripts/marquez.sh)")
    return run.marquez_url


def _in_graph(base: str, dataset: tuple[str, str], job: str) -> bool:
    """Whether Marquez's lineage graph shows ``job`` reading ``dataset``: the edge from the table into the job,
    as the job's current version draws it (``LineageDao.getLineage`` reads ``is_current_job_version`` rows only).

    Read from the job's node, not the table's: for a table node Marquez 0.51.1 first picks ONE job that ever read
    or wrote it (``getJobFromInputOrOutput``: writers first, newest version first, current or not) and draws that
    job's graph; when the picked job's current version no longer touches the table it returns the table alone
    ("no longer share lineage ... discarding" in its log). On this shared test server that happens whenever
    another worker runs the same DAG against its own database: the Airflow provider's hook-lineage jobs are named
    by position (``<dag>.<task>.query.8``), not by database, so their newest version writes the other worker's
    table. Whether a table's page is such an orphan is decided by its writers, not by the agent's jobs; when it is
    not, the page is the picked job's graph, which holds every job whose current version reads the table.
    """
    node_id = f"job:{NAMESPACE}:{job}"
    graph = _lineage_nodes(base, node_id)
    return node_id in graph and f"dataset:{dataset[0]}:{dataset[1]}" in {e["origin"] for e in graph[node_id]["inEdges"]}


@pytest.mark.marquez
@pytest.mark.parametrize("conn", CONNS)
def test_marquez_shows_each_call_started_and_on_the_tables_node(agent_run: AgentRun, conn: str) -> None:
    """Read by this session's run ids: the job's latest run may be another session's on a shared Marquez."""
    base = _marquez(agent_run)
    _needs(agent_run, conn)
    star = next(e for e in agent_run.call_events(_dag(conn), "exfiltrate")
                if e["eventType"] == "COMPLETE" and _sql(e) == "SELECT * FROM raw_customers")
    run = _run_in_state(base, star["run"]["runId"], "COMPLETED")  # read again until Marquez shows it
    assert run["startedAt"] and not run["startedAt"].startswith("1970"), run["startedAt"]
    ((source,),) = [[(i["namespace"], i["name"]) for i in star["inputs"]]]
    read = [(d["datasetVersionId"]["namespace"], d["datasetVersionId"]["name"]) for d in run["inputDatasetVersions"]]
    assert read == [source]
    # The call is a run of the task's job for the tables it read, and Marquez's graph draws the table's edge into that job.
    assert star["job"]["name"] == f"{_dag(conn)}.exfiltrate.agent_query.{source[1]}"

    def drawn() -> None:
        assert _in_graph(base, source, star["job"]["name"])

    _eventually(drawn)


@pytest.mark.marquez
@pytest.mark.parametrize("conn", CONNS)
def test_marquez_shows_every_table_an_agent_read_on_its_page_not_only_the_last_calls(agent_run: AgentRun,
                                                                                    conn: str) -> None:
    """Marquez draws a job's edges from its current version only: with one job for every call, a table read by
    an earlier call (raw_tickets, read once in the middle of the task) lost the agent's edge on its page."""
    base = _marquez(agent_run)
    _needs(agent_run, conn)
    reads = {(i["namespace"], i["name"]): e["job"]["name"] for e in agent_run.call_events(_dag(conn), "exfiltrate")
             if e["eventType"] == "COMPLETE" for i in e["inputs"]}
    assert {name.rsplit(".", 1)[-1] for _, name in reads} == {"raw_customers", "raw_tickets"}, reads

    def drawn() -> None:
        missing = sorted(name for dataset, name in reads.items() if not _in_graph(base, dataset, name))
        assert not missing, missing

    _eventually(drawn)


@pytest.mark.marquez
@pytest.mark.parametrize("conn", CONNS)
def test_marquez_shows_a_refused_querys_catalog_columns(agent_run: AgentRun, conn: str) -> None:
    base = _marquez(agent_run)
    _needs(agent_run, conn)
    probe = next(e for e in agent_run.call_events(_dag(conn), "exfiltrate") if e["eventType"] == "FAIL"
                 and "LIKE" in _sql(e))
    run = _run_in_state(base, probe["run"]["runId"], "FAILED")
    assert run["startedAt"] and not run["startedAt"].startswith("1970"), run["startedAt"]
    facets = _get(base, f"/api/v1/jobs/runs/{probe['run']['runId']}/facets?type=job")["facets"]
    assert facets["sql"]["query"] == PROBE
    assert _get(base, f"/api/v1/namespaces/{NAMESPACE}/jobs/{_dag(conn)}.exfiltrate.agent_query")["type"] == "BATCH"
