"""Run DAGs with ``dag.test()`` in a throwaway AIRFLOW_HOME: the example DAG for ``make demo``, and the tests.

``python -m airflow_plugin.demo`` runs ``examples/dags/maskline_example.py`` against a DuckDB file in a
temporary directory and prints what each task did. ``dag.test()`` costs ~12 s per process whatever the
DAG, so :func:`run_dags` runs every DAG it is given in ONE child process, with its own AIRFLOW_HOME
(``airflow db migrate`` first), and returns each run's state and task states as JSON.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_DAGS = REPO / "examples" / "dags"
EXAMPLE_DAG_ID = "maskline_example"


def airflow_env(home: Path, dags_folder: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a throwaway Airflow: SQLite metadata, no examples, the masking XCom backend.

    >>> env = airflow_env(Path("/tmp/h"), Path("/tmp/d"))
    >>> env["AIRFLOW__CORE__XCOM_BACKEND"]
    'airflow_plugin.xcom.MaskingXComBackend'
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW__", "AIRFLOW_CONN_", "AIRFLOW_VAR_"))}
    # Lineage settings are the one part of the caller's Airflow config the demo keeps (make demo sets them).
    env.update({k: v for k, v in os.environ.items() if k.startswith("AIRFLOW__OPENLINEAGE__")})
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(dags_folder),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__XCOM_BACKEND": "airflow_plugin.xcom.MaskingXComBackend",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__OPENLINEAGE__EXECUTE_IN_THREAD": "True",
        "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p),
    })
    env.update(extra or {})
    return env


def migrate(env: Mapping[str, str]) -> None:
    """``airflow db migrate`` in the environment's AIRFLOW_HOME (~7 s)."""
    airflow = Path(sys.executable).with_name("airflow")
    done = subprocess.run([str(airflow), "db", "migrate"], env=dict(env), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("airflow db migrate failed:\n" + done.stderr[-3000:])


def run_dags(dag_ids: Sequence[str], env: Mapping[str, str], workdir: Path,
             supervised: Sequence[str] = ()) -> dict[str, Any]:
    """Migrate, then ``dag.test()`` every DAG in one child process; returns ``{dag_id: {state, tasks}}``.

    The child's output, which is where ``dag.test()`` writes task logs, is kept in
    ``workdir/dag_test.log``. ``supervised``: tasks (``dag_id.task_id``, of DAGs in ``dag_ids``) run once more
    after the DAGs, as a worker runs them: by Airflow's supervisor, in a task process of their own, whose log
    the supervisor writes to ``workdir/supervised/<dag_id>.<task_id>.log`` (their states under ``"supervised"``).
    """
    migrate(env)
    out = workdir / "dag_results.json"
    log = workdir / "dag_test.log"
    command = [sys.executable, "-m", "airflow_plugin.demo", "--run-in-process", "--out", str(out),
               *(f"--supervised={task}" for task in supervised), *dag_ids]
    with log.open("w") as sink:
        subprocess.run(command, env=dict(env), stdout=sink, stderr=subprocess.STDOUT, check=False)
    if not out.exists():
        raise RuntimeError("dag.test() runner crashed; see " + str(log) + "\n" + log.read_text()[-3000:])
    return json.loads(out.read_text())


class DagTestRunner:
    """The component named to Airflow's listeners when the runner stops (they log its class name)."""


def _supervised_run(dag: Any, run_id: str, task_id: str, log_path: Path) -> int:
    """Run one task instance of a DAG run again as a worker does: Airflow's supervisor forks a task process that
    parses the DAG file and runs the task, and writes the log lines that process sends it to ``log_path``
    (through its secrets masker). The Execution API is the in-process one ``dag.test()`` uses; returns the task
    process's exit code."""
    from uuid import UUID

    from airflow.executors.workloads.base import BundleInfo
    from airflow.models.taskinstance import TaskInstance
    from airflow.sdk.api.datamodels._generated import TaskInstance as TaskInstanceSDK
    from airflow.sdk.execution_time.supervisor import InProcessTestSupervisor, supervise_task
    from airflow.utils.session import create_session
    from airflow.utils.state import TaskInstanceState

    with create_session() as session:
        ti = session.query(TaskInstance).filter_by(dag_id=dag.dag_id, run_id=run_id, task_id=task_id).one()
        ti.try_number += 1
        ti.state = TaskInstanceState.QUEUED  # the API starts only a queued task instance
        session.commit()
        what = TaskInstanceSDK(id=UUID(str(ti.id)), task_id=ti.task_id, dag_id=ti.dag_id, run_id=ti.run_id,
                               try_number=ti.try_number, map_index=ti.map_index,
                               dag_version_id=UUID(str(ti.dag_version_id)))
    relative = Path(dag.fileloc).relative_to(os.environ["AIRFLOW__CORE__DAGS_FOLDER"])
    log_path.parent.mkdir(parents=True, exist_ok=True)
    return supervise_task(ti=what, bundle_info=BundleInfo(name="dags-folder"), dag_rel_path=relative, token="",
                          client=InProcessTestSupervisor._api_client(dag), log_path=str(log_path))


def _run_in_process(dag_ids: Sequence[str], out: Path, supervised: Sequence[str] = ()) -> None:
    import gc

    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=os.environ["AIRFLOW__CORE__DAGS_FOLDER"])
    results: dict[str, Any] = {"import_errors": {k: v.splitlines()[-1] for k, v in bag.import_errors.items()}}
    for dag_id in dag_ids:
        dag = bag.get_dag(dag_id)
        if dag is None:
            results[dag_id] = {"state": "missing", "tasks": {}}
            continue
        run = dag.test()
        results[dag_id] = {
            "state": str(run.state),
            "run_id": run.run_id,
            "tasks": {ti.task_id: str(ti.state) for ti in run.get_task_instances()},
        }
        del run
        # dag.test() keeps each failed task's error in a reference cycle (TaskRunResult.error -> its traceback's
        # frames -> f_back -> _run_task's frame, which holds the TaskRunResult), so whatever the task's frames hold
        # (an open DuckDB connection) waits for the cyclic GC, at worst until interpreter teardown. Free it now.
        gc.collect()
    states: dict[str, Any] = {}
    for name in supervised:
        dag_id, _, task_id = name.partition(".")
        dag = bag.get_dag(dag_id)
        run_id = results.get(dag_id, {}).get("run_id")
        if dag is None or run_id is None:
            states[name] = "missing"
            continue
        states[name] = _supervised_run(dag, run_id, task_id, out.parent / "supervised" / f"{name}.log")
    if supervised:
        results["supervised"] = states
    out.write_text(json.dumps(results, indent=2))


def _stop_listeners() -> None:
    """Tell Airflow's listeners the process stops, as its jobs and task runner do: the OpenLineage listener
    then shuts down the process pool it sends DAG-run events from. ``os._exit`` skips the exit handler that
    would, and the pool's workers (blocked on a pipe, SIGTERM handled) would outlive the runner."""
    from airflow.listeners.listener import get_listener_manager

    get_listener_manager().hook.before_stopping(component=DagTestRunner())


def demo_env(workdir: Path) -> dict[str, str]:
    """The environment of the example DAG: its DuckDB connection, data directory and a key.

    A random key is generated for the run when ``MASKLINE_KEY`` is not set: the demo's
    pseudonyms are then stable within the run only.

    >>> demo_env(Path("/tmp/w"))["AIRFLOW_CONN_MASKLINE_DEMO_DUCKDB"]
    '{"conn_type": "duckdb", "host": "/tmp/w/data/demo.duckdb"}'
    """
    data = workdir / "data"
    return airflow_env(workdir / "airflow_home", EXAMPLE_DAGS, {
        "MASKLINE_DEMO_DIR": str(data),
        "AIRFLOW_CONN_MASKLINE_DEMO_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(data / "demo.duckdb")}),
        "MASKLINE_KEY": os.environ.get("MASKLINE_KEY") or secrets.token_hex(32),
    })


def run_demo(workdir: Path) -> dict[str, Any]:
    """Run the example DAG in ``workdir``; returns its run state and task states."""
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    return run_dags([EXAMPLE_DAG_ID], demo_env(workdir), workdir)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m airflow_plugin.demo [--keep DIR]``: run the example DAG and print each task's state."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m airflow_plugin.demo", description=__doc__)
    parser.add_argument("--run-in-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--supervised", action="append", default=[], help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="run in this directory and keep it (default: a temporary one)")
    parser.add_argument("dag_ids", nargs="*")
    args = parser.parse_args(argv)
    if args.run_in_process:
        _run_in_process(args.dag_ids, args.out, args.supervised)
        try:
            _stop_listeners()
        except Exception as e:  # noqa: BLE001 - the results are written; a listener's failure must not undo them
            print(f"maskline: Airflow listeners did not stop cleanly ({type(e).__name__})", file=sys.stderr)
        # The results are written: leave without the interpreter's teardown. Freeing the last objects there can
        # free a DuckDB connection (held by a failed task's traceback) after DuckDB's worker threads are gone,
        # and its destructor then spins joining them (seen once in the suite: 30 minutes at 100% CPU).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    with tempfile.TemporaryDirectory(prefix="maskline-airflow-demo-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = run_demo(workdir)
        run = results.get(EXAMPLE_DAG_ID, {})
        print(f"maskline example DAG: {run.get('state')}")
        for task_id, state in sorted(run.get("tasks", {}).items()):
            print(f"  {task_id:<24} {state}")
        print(f"task logs: {workdir / 'dag_test.log'}" if args.keep else "")
        return 0 if run.get("state") == "success" else 1


if __name__ == "__main__":
    raise SystemExit(main())
