"""``dag.test()`` with the OpenLineage provider's defaults: the listener forks to build each task event.

maskline's identity facet read the login of every connection the operator names, and in a process forked from
``dag.test()`` that lookup never returns (the in-process API's thread is not in the fork): the listener killed
the process after ``execution_timeout`` and the task's START and COMPLETE events were lost, for every task
that names a connection. The suite sets ``execute_in_thread``; users following the README do not. A connection an environment variable
defines is read without the API, so the lookup hung for connections kept in Airflow's database (or missing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_KEY

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

DAG = '''
import pendulum
from airflow.sdk import BaseOperator, dag


class UsesAConnection(BaseOperator):
    def __init__(self, *, conn_id: str, **kwargs):
        super().__init__(**kwargs)
        self.conn_id = conn_id
        # A connection no environment variable defines (one kept in Airflow's database, or a provider's
        # default such as common-ai's pydanticai_default): looking it up asks dag.test()'s in-process API.
        self.llm_conn_id = "kept_in_the_database"

    def execute(self, context):
        return 1


@dag(dag_id="fork_identity", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
     default_args={"owner": "data-platform"})
def fork_identity():
    UsesAConnection(task_id="read", conn_id="fork_wh")


the_dag = fork_identity()

if __name__ == "__main__":
    print("STATE", the_dag.test().state)
'''


def test_task_events_survive_the_forked_listener_under_dag_test(tmp_path: Path) -> None:
    import yaml

    dags = tmp_path / "dags"
    dags.mkdir()
    (dags / "fork_identity.py").write_text(DAG)
    jsonl = tmp_path / "events.jsonl"
    config = tmp_path / "openlineage.yml"
    config.write_text(yaml.safe_dump({"transport": {"type": "file", "log_file_path": str(jsonl), "append": True}}))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AIRFLOW_", "AIRFLOW__", "OPENLINEAGE", "MARQUEZ_URL"))}
    env.update({
        "AIRFLOW_HOME": str(tmp_path),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags),
        "AIRFLOW__OPENLINEAGE__NAMESPACE": "fork-identity",
        # The provider's defaults otherwise: fork per event, killed after 10 s.
        "AIRFLOW_CONN_FORK_WH": json.dumps({"conn_type": "duckdb", "host": str(tmp_path / "w.duckdb"),
                                            "login": "wh_reader"}),
        "OPENLINEAGE_CONFIG": str(config),
        "MASKLINE_KEY": TEST_KEY,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    })
    migrate = subprocess.run([str(BIN / "airflow"), "db", "migrate"], env=env, capture_output=True, text=True,
                             timeout=600, check=False)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    run = subprocess.run([sys.executable, str(dags / "fork_identity.py")], env=env, capture_output=True, text=True,
                         timeout=600, check=False)
    assert "STATE success" in run.stdout, (run.stdout + run.stderr)[-4000:]
    events = [json.loads(line) for line in jsonl.read_text().splitlines() if line.strip()]
    # Control: the DAG run's own events (built with no connection lookup) arrive either way.
    assert any(e["job"]["name"] == "fork_identity" and e["eventType"] == "COMPLETE" for e in events)
    task = {e["eventType"]: e for e in events if e["job"]["name"] == "fork_identity.read"}
    assert {"START", "COMPLETE"} <= set(task), (sorted(task), (run.stdout + run.stderr)[-3000:])
    assert "expired and will be terminated" not in run.stdout + run.stderr
    identity = task["COMPLETE"]["run"]["facets"]["maskline_identity"]
    assert identity["executedBy"]["name"]
