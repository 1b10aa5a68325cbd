"""What :mod:`airflow_plugin.xcom_keys` keeps of a task instance: only for maskline's XCom backend, never past its end.

The ``mt_xcom_records`` DAG (tests/airflow/dags/maskline_xcom_record_dags.py) runs in the shared ``dag.test()``
process (maskline's backend) and in the control process with Airflow's own backend, each one Python process for
all its task instances, as ``dag.test()`` is; its tasks report what the module holds while they run and after.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pendulum
import pytest

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

DAG_ID = "mt_xcom_records"
TASKS = {"returns_outputs": "success", "unpushed_outputs": "success", "refused_outputs": "failed",
         "pushed_key": "success", "records_left": "success"}


def _xcom(metadata_db: Path, task_id: str, key: str) -> Any:
    con = sqlite3.connect(metadata_db)
    try:
        (value,) = con.execute("SELECT CAST(value AS TEXT) FROM xcom WHERE dag_id = ? AND task_id = ? AND key = ?",
                               (DAG_ID, task_id, key)).fetchone()
    finally:
        con.close()
    return json.loads(value)


def test_maskline_backend_reads_a_record_kept_while_the_task_instance_runs(airflow_runs):
    assert airflow_runs.run(DAG_ID)["tasks"] == TASKS
    assert _xcom(airflow_runs.metadata_db, "returns_outputs", "records_held") == 1


def test_no_record_outlives_its_task_instance(airflow_runs):
    # Not a dict Airflow never pushed (do_xcom_push=False), nor one it refused (the task failed), nor pushed keys.
    assert _xcom(airflow_runs.metadata_db, "records_left", "return_value") == []


def test_nothing_is_recorded_under_another_xcom_backend(plain_backend_run):
    # Airflow's own backend never reads the record: the listener keeps nothing (it kept every returned dict).
    assert plain_backend_run.others[DAG_ID]["tasks"] == TASKS
    assert _xcom(plain_backend_run.metadata_db, "returns_outputs", "records_held") == 0
    assert _xcom(plain_backend_run.metadata_db, "records_left", "return_value") == []


@pytest.mark.parametrize(("backend", "wrapped"), [("airflow.sdk.bases.xcom.BaseXCom", False),
                                                  ("airflow_plugin.xcom.MaskingXComBackend", True)])
def test_the_listener_wraps_a_multiple_outputs_task_only_for_maskline_backend(monkeypatch, backend, wrapped):
    # Airflow reads [core] xcom_backend from the environment at call time, as a task process does at its start.
    from airflow.sdk import DAG, task

    from airflow_plugin import xcom_keys

    monkeypatch.setenv("AIRFLOW__CORE__XCOM_BACKEND", backend)
    with DAG("records_unit", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC")):

        @task(multiple_outputs=True)
        def outputs():
            return {"a b": 1}

        operator = outputs().operator
    ti = SimpleNamespace(task=operator, dag_id="records_unit", task_id=operator.task_id, run_id="r", map_index=-1)
    xcom_keys.on_task_instance_running(None, ti)
    assert (operator._post_execute_hook is not None) is wrapped  # wrapped: records when it runs, not before
