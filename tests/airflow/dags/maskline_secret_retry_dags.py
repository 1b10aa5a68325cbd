"""Registered secrets in an in-process run, a retried file task, and mapped maskline operators fed by an XCom.

- ``mt_registered_secrets``: ``logs_the_key`` reads maskline's key from the environment (``key: {env: ...}``,
  which registers it with Airflow's secrets masker), then writes it to the log every way a task can: its own
  stdlib logger (not the task logger), the task logger, a handler of its own on ``sys.stderr``, ``print``.
  ``returns_the_key`` returns it in an XCom, and ``raises_the_key`` raises an exception holding it (the task
  fails on purpose). Under ``dag.test()`` no Airflow masker is in the log pipeline.
- ``mt_retried_file``: a MaskFileOperator whose first try fails deep in its input, after writing part of its
  output; its retry callback repairs the input, and the second try succeeds (``retries=1``, no delay).
- ``mt_mapped_upstream``: ``raw_rows`` (not maskline's) returns raw customer rows; ``@task.maskline`` consumes
  them as an XComArg; a ``MaskQueryOperator`` is mapped (``.expand_kwargs``) over two queries, each into its own
  target, the second templated from the upstream's XCom and holding a literal (``MAPPED_CANARY``) compared with
  an hmac-masked column (tokenized, so the query runs).
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pendulum
from airflow.sdk import DAG, task

from airflow_plugin.operators.mask_file import MaskFileOperator
from airflow_plugin.operators.mask_query import MaskQueryOperator

LOGGED_KEY_ENV = "MASKLINE_TEST_LOGGED_KEY"
LOGGED_KEY = "Lq7-logged-key-Vr3318-never-in-a-log"  # set in the environment by tests/airflow/conftest.py
RETRY_CANARY = "QXRETRYCANARY4417"
DATA_DIR = Path(os.environ.get("MASKLINE_TEST_DATA_DIR", "/tmp/maskline-airflow-tests")) / "retried"
RETRY_ROWS = 20_000
POLICY_PATH = str(Path(__file__).with_name("maskline_policy.yml"))
MAPPED_TARGETS = ("mapped_contacts_a", "mapped_contacts_b")
MAPPED_CANARY = "QXMAPPEDCANARY5529"  # typed into a mapped query, compared with an hmac-masked column
UPSTREAM_POLICY = {"datasets": {"upstream_rows": {"columns": {
    "customer_id": {"pass": True}, "full_name": {"info_type": "PERSON_NAME"}, "email": {"info_type": "EMAIL"}}}}}
START = pendulum.datetime(2024, 1, 1, tz="UTC")


def _read_key() -> str:
    from airflow_plugin.key_source import optional_operator_key
    from maskline.policy import load_policy

    material = optional_operator_key(load_policy({"key": {"env": LOGGED_KEY_ENV}}))
    assert material is not None
    return material.secret.decode()


with DAG("mt_registered_secrets", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]):

    @task
    def logs_the_key() -> int:
        key = _read_key()
        user = logging.getLogger("a_users_module")  # propagates to the root logger's handlers
        user.warning("user logger, argument: %s", key)
        user.warning(f"user logger, formatted: {key}")
        logging.getLogger("airflow.task").warning("task logger: %s", key)
        own = logging.getLogger("a_users_module.own")
        own.propagate = False
        handler = logging.StreamHandler(sys.stderr)
        own.addHandler(handler)
        try:
            own.warning("own handler: %s", key)
        finally:
            own.removeHandler(handler)
        print("printed:", key)
        return 1

    @task
    def returns_the_key() -> dict[str, str]:
        return {"note": f"the key is {_read_key()}"}

    @task
    def raises_the_key() -> None:
        raise RuntimeError(f"cannot use key {_read_key()}")

    logs_the_key() >> returns_the_key() >> raises_the_key()


def write_retry_input(broken: bool) -> None:
    """The retried task's input: e-mails, and (``broken``) a malformed row holding the canary near its end."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    rows = [f"{i},r{i}@example.org,ok" for i in range(RETRY_ROWS)]
    if broken:
        rows[RETRY_ROWS - 5] = f"{RETRY_ROWS - 5},{RETRY_CANARY},x,{RETRY_CANARY}"
    (DATA_DIR / "people.csv").write_text("id,email,note\n" + "\n".join(rows) + "\n")


def _repair_input(context: Any) -> None:
    write_retry_input(broken=False)


RETRY_POLICY = {"datasets": {"people": {"columns": {
    "id": {"pass": True}, "email": {"info_type": "EMAIL"}, "note": {"method": "redact"}}}}}

with DAG("mt_retried_file", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]):

    @task
    def write_broken_input() -> None:
        write_retry_input(broken=True)

    write_broken_input() >> MaskFileOperator(
        task_id="retried_file", src=str(DATA_DIR / "people.csv"), dst=str(DATA_DIR / "people_masked.csv"),
        policy=RETRY_POLICY, retries=1, retry_delay=timedelta(0), on_retry_callback=_repair_input)


with DAG("mt_mapped_upstream", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]):

    @task
    def raw_rows() -> list[dict[str, Any]]:
        import duckdb

        con = duckdb.connect(os.environ["MASKLINE_TEST_DATA_DIR"] + "/test.duckdb", read_only=True)
        try:
            cur = con.execute("SELECT customer_id, full_name, email FROM raw_customers ORDER BY customer_id LIMIT 6")
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
        finally:
            con.close()

    @task.maskline(policy=UPSTREAM_POLICY, dataset="upstream_rows")
    def masked_from_upstream(rows: list[dict[str, Any]]) -> Any:
        import pandas as pd

        return pd.DataFrame(rows)

    rows = raw_rows()
    masked_from_upstream(rows)
    rows >> MaskQueryOperator.partial(task_id="mapped_query", conn_id="test_duckdb", policy=POLICY_PATH).expand_kwargs([
        {"sql": "SELECT customer_id, email FROM raw_customers WHERE customer_id < 4", "target": MAPPED_TARGETS[0]},
        {"sql": "SELECT customer_id, email FROM raw_customers WHERE ssn = '" + MAPPED_CANARY + "' OR customer_id = "
                "{{ ti.xcom_pull(task_ids='raw_rows')[0]['customer_id'] }}", "target": MAPPED_TARGETS[1]},
    ])
