"""What :mod:`airflow_plugin.xcom_keys` keeps of a task instance (the dict a ``multiple_outputs`` task returned, the
keys it stored): kept only for maskline's XCom backend, and never past the task instance's end.

- ``mt_xcom_records``, run in the shared ``dag.test()`` process (maskline's backend) and in a control process with
  Airflow's own backend (:func:`tests.airflow.conftest.plain_backend_run`), which share one Python process for all
  their task instances, as ``dag.test()`` does:

  - ``returns_outputs`` (``multiple_outputs``) counts, in its own post-execute hook (called after the one the
    plugin's listener wraps), the task instances the module holds records of, and pushes the count
    (``records_held``): 1 under maskline's backend, which reads the record; 0 under any other, which never would;
  - ``unpushed_outputs`` returns a dict Airflow never pushes (``do_xcom_push=False``), ``refused_outputs`` one it
    refuses (a key that is no string: the task fails), ``pushed_key`` pushes under a key that is no name;
  - ``records_left`` (after all of them, whatever their states) returns the task ids the module still holds
    records of: none.
"""

from __future__ import annotations

from typing import Any

import pendulum
from airflow.sdk import DAG, get_current_context, task

OUTPUTS = {"count": 3, "path": "/tmp/out.csv"}


def _count_records(context: Any, result: Any) -> None:
    from airflow_plugin import xcom_keys

    context["ti"].xcom_push(key="records_held", value=len(xcom_keys.held()))


with DAG("mt_xcom_records", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as xcom_record_dag:

    @task(multiple_outputs=True, post_execute=_count_records)
    def returns_outputs():
        return OUTPUTS

    @task(multiple_outputs=True, do_xcom_push=False)
    def unpushed_outputs():
        return OUTPUTS

    @task(multiple_outputs=True)
    def refused_outputs():
        return {**OUTPUTS, 7: "a key that is no string"}  # Airflow refuses the dict: the task fails

    @task
    def pushed_key() -> None:
        get_current_context()["ti"].xcom_push(key="rows (all)", value=3)  # no name: the key is decided

    @task(trigger_rule="all_done")
    def records_left() -> list[str]:
        from airflow_plugin import xcom_keys

        return sorted(str(ti[1]) if isinstance(ti, tuple) else str(ti) for ti in xcom_keys.held())

    [returns_outputs(), unpushed_outputs(), refused_outputs(), pushed_key()] >> records_left()
