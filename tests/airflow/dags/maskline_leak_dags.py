"""Failure paths whose inputs hold a canary: the task log and lineage must hold none of it.

- ``mt_failure_leaks``: ``write_inputs`` writes the inputs, then five MaskFileOperator tasks fail: a CSV
  without a header row, a malformed row deep in a CSV, a policy with the key pasted where its variable's
  or its Airflow connection's name belongs, and a policy value YAML takes for an alias. Each input holds ``CANARY``, a token the
  log filter's detectors do not recognise, so it shows wherever an engine's or a parser's text is forwarded.
"""

from __future__ import annotations

import os
from pathlib import Path

import pendulum
from airflow.sdk import DAG, task

from airflow_plugin.operators.mask_file import MaskFileOperator

CANARY = "QXVBRIDGE7731TOKEN"
DATA_DIR = Path(os.environ.get("MASKLINE_TEST_DATA_DIR", "/tmp/maskline-airflow-tests")) / "leaks"
DEEP_POLICY = {"datasets": {"deep": {"columns": {
    "id": {"pass": True}, "email": {"info_type": "EMAIL"}, "note": {"method": "redact"}}}}}
FILE_TASKS = {  # task id -> (input, policy, output)
    "headerless_csv": ("headerless.csv", {"version": 1}, "out_headerless.csv"),
    "malformed_deep_row": ("deep.csv", DEEP_POLICY, "out_deep.csv"),
    "key_pasted_in_policy": ("people.csv", "pasted.yml", "out_pasted.csv"),
    "key_pasted_as_connection": ("people.csv", "pasted_conn.yml", "out_pasted_conn.csv"),
    "value_taken_for_an_alias": ("people.csv", "alias.yml", "out_alias.csv"),
}

with DAG("mt_failure_leaks", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as leak_dag:

    @task
    def write_inputs() -> None:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        (DATA_DIR / "headerless.csv").write_text(f"1,{CANARY},1985-07-21\n2,other,1990-03-04\n")
        rows = [f"{i},u{i}@example.org,ok" for i in range(30_000)]
        rows[29_995] = f"29995,{CANARY},x,{CANARY}"
        (DATA_DIR / "deep.csv").write_text("id,email,note\n" + "\n".join(rows) + "\n")
        (DATA_DIR / "people.csv").write_text("id,email\n1,ann@example.com\n")
        (DATA_DIR / "pasted.yml").write_text(f"key: {{env: {CANARY}KEY}}\n"
                                             "datasets: {people: {columns: {id: {pass: true}, email: {method: hmac}}}}\n")
        (DATA_DIR / "pasted_conn.yml").write_text(f"key: {{airflow_conn: {CANARY}CONN}}\n"
                                                  "datasets: {people: {columns: {id: {pass: true}, email: "
                                                  "{method: hmac}}}}\n")
        (DATA_DIR / "alias.yml").write_text(f"allow_list: [*{CANARY}]\n")

    inputs = write_inputs()
    for task_id, (src, policy, dst) in FILE_TASKS.items():
        inputs >> MaskFileOperator(task_id=task_id, src=str(DATA_DIR / src), dst=str(DATA_DIR / dst),
                                   policy=policy if isinstance(policy, dict) else str(DATA_DIR / policy))
