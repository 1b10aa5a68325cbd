"""One Airflow process runs the exfiltrating agent on DuckDB and PostgreSQL, and the example agent DAG.

``dag.test()`` costs ~12 s per process, so every agent DAG runs in the same
child process (tests/agents/agent_dags.py), with lineage going to a JSONL file
through the plain ``file`` transport (and to Marquez over HTTP when ``MARQUEZ_URL`` names one): what the agent face emits is checked as
it leaves, without the lineage face's scrubbing transformer behind it. maskline's
log filter (which extends Airflow's secrets masker with the text scrubber) is
off too, so the checks prove what the agent face does on its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_KEY

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
EXAMPLE_DAGS = ROOT / "examples" / "dags"
# One job namespace per test process, as each Airflow deployment has its own: xdist workers (and earlier runs on a
# kept Marquez) run the same DAG ids against databases of their own, and jobs of one name would take turns being
# current in Marquez, each run's version drawing another database's tables.
NAMESPACE = f"maskline-agents-test-{uuid.uuid4().hex[:8]}"
DUCKDB_CONN = "agent_duckdb"
collect_ignore = ["dags"]  # DAG files for the dag.test() process, not test modules
PG_CONN = "agent_pg"


@dataclass
class AgentRun:
    """Everything the agent DAGs left behind: states, model inputs, XComs, logs, lineage, and the raw values."""

    result: dict[str, Any]
    messages: dict[str, str]
    xcoms: list[dict[str, Any]]
    logs: str
    events: list[dict[str, Any]]
    lineage_text: str
    raw_values: set[str]
    conns: tuple[str, ...] = field(default=())
    marquez_url: str | None = None  # the Marquez the events were also sent to (MARQUEZ_URL), if any

    def task_events(self, dag_id: str, task_id: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["job"]["name"] == f"{dag_id}.{task_id}"]

    def call_events(self, dag_id: str, task_id: str) -> list[dict[str, Any]]:
        """How each tool call ended: its COMPLETE or FAIL event (each follows a START, :meth:`call_starts`)."""
        return [e for e in self.events if is_call_job(e["job"]["name"], dag_id, task_id)
                and e["eventType"] != "START"]

    def call_starts(self, dag_id: str, task_id: str) -> list[dict[str, Any]]:
        return [e for e in self.events if is_call_job(e["job"]["name"], dag_id, task_id)
                and e["eventType"] == "START"]


def is_call_job(name: str, dag_id: str, task_id: str) -> bool:
    """A tool call's job: the task's ``agent_query``, or its job for one set of tables read
    (``agent_query.<tables>``, openlineage_ext.agent_call_jobs)."""
    base = f"{dag_id}.{task_id}.agent_query"
    return name == base or name.startswith(base + ".")


def _log_files(home: Path) -> str:
    logs = home / "logs"
    if not logs.exists():
        return ""
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(logs.rglob("*")) if p.is_file())


@pytest.fixture(scope="session")
def agents_pg_dsn(pg_admin_dsn: str) -> Iterator[str]:
    """A database of the agent DAGs' own: their ``load`` task drops and creates ``raw_customers`` by that fixed name,
    and the worker's shared ``pg_dsn`` may hold one another group left with views over it (the ``airflow`` group's
    PostgreSQL DAG does), which ``DROP TABLE`` cannot drop."""
    from tests.conftest import fresh_database

    with fresh_database(pg_admin_dsn) as dsn:
        yield dsn


@pytest.fixture(scope="session")
def agent_run(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> AgentRun:
    sys.path.insert(0, str(EXAMPLE_DAGS))
    sys.path.insert(0, str(HERE))
    import agent_dags
    from maskline_demo_data import customers, sensitive_values, tickets

    home = tmp_path_factory.mktemp("agents_airflow_home")
    dags = home / "dags"  # dag.test() syncs this folder: the example and the exfiltration DAGs
    dags.mkdir()
    for src in (EXAMPLE_DAGS / "maskline_agent_dag.py", HERE / "dags" / "agent_exfiltration_dags.py"):
        shutil.copy(src, dags / src.name)
    jsonl = home / "events.jsonl"
    conns = [DUCKDB_CONN]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW_", "AIRFLOW__", "OPENLINEAGE"))}
    try:
        pg_dsn = request.getfixturevalue("agents_pg_dsn")
    except pytest.skip.Exception:
        pg_dsn = None
    if pg_dsn:
        conns.append(PG_CONN)
        env["AIRFLOW_CONN_AGENT_PG"] = pg_dsn.replace("postgresql://", "postgres://", 1)
    transport: dict[str, Any] = {"type": "file", "log_file_path": str(jsonl), "append": True}
    marquez = os.environ.get("MARQUEZ_URL", "").strip().rstrip("/") or None  # `make test` sets it when one runs
    if marquez:
        transport = {"type": "composite", "continue_on_failure": False, "transports": {
            "file": transport, "marquez": {"type": "http", "url": marquez, "timeout": 10}}}
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
        "AIRFLOW__MASKLINE__LOG_FILTER": "False",
        "MASKLINE_KEY": TEST_KEY,  # session scope runs before the autouse per-test key fixture
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps(transport),
        "AIRFLOW__OPENLINEAGE__NAMESPACE": NAMESPACE,
        "AIRFLOW__OPENLINEAGE__EXECUTE_IN_THREAD": "True",
        "AIRFLOW__OPENLINEAGE__CUSTOM_RUN_FACETS": ("openlineage_ext.airflow_run_facets.identity_run_facets;"
                                                    "airflow_plugin.agents.lineage.agent_run_facets"),
        "AIRFLOW_CONN_AGENT_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(home / "agent.duckdb")}),
        "AIRFLOW_CONN_AGENT_TEST_MODEL": json.dumps({"conn_type": "pydanticai", "extra": {"model": "test"}}),
        "AIRFLOW_CONN_MASKLINE_DEMO_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(home / "demo.duckdb")}),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE), str(EXAMPLE_DAGS), os.environ.get("PYTHONPATH", "")]),
    })
    env["MASKLINE_AGENT_TEST_CONNS"] = ",".join(conns)
    migrate = subprocess.run([str(BIN / "airflow"), "db", "migrate"], env=env, capture_output=True, text=True,
                             timeout=600, check=False)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    out = home / "out"
    out.mkdir()
    run = subprocess.run([sys.executable, str(HERE / "agent_dags.py"), str(out), *conns], env=env,
                         capture_output=True, text=True, timeout=1200, check=False)
    assert run.returncode == 0 and (out / "result.json").exists(), (run.stdout[-3000:], run.stderr[-6000:])
    text = jsonl.read_text(encoding="utf-8") if jsonl.exists() else ""
    people = agent_dags.people()
    raw = sensitive_values(people, agent_dags.support_tickets())
    example_people = customers(20)  # what the example DAG loads
    raw |= sensitive_values(example_people, tickets(example_people))
    return AgentRun(
        result=json.loads((out / "result.json").read_text()),
        messages={p.stem.removeprefix("messages_"): p.read_text() for p in out.glob("messages_*.json")},
        xcoms=json.loads((out / "xcoms.json").read_text()),
        logs=run.stdout + run.stderr + _log_files(home),
        events=[json.loads(line) for line in text.splitlines() if line.strip()],
        lineage_text=text,
        raw_values={v for v in raw if len(v) >= 6},
        conns=tuple(conns),
        marquez_url=marquez,
    )
