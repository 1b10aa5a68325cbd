"""DAGs of tests/airflow/test_stored_scan_schema.py: MaskTableOperator over tables a stored scan did or did not judge.

The DuckDB file and the policy come from the environment the test sets. ``classify=False``: a column no rule
names passes only by the stored scan's verdict, so what passes is what the operator took from the scan.
"""

from __future__ import annotations

import os

import pendulum
from airflow.sdk import DAG

from airflow_plugin.operators.mask_table import MaskTableOperator

POLICY = os.environ.get("SCANSCHEMA_POLICY", "policy.yml")
START = pendulum.datetime(2024, 1, 1, tz="UTC")
# dag id -> (source, target)
MASKS = {
    "scanschema_other_schema": ("hr.t", "hr.t_masked"),  # main.t was scanned, not hr.t
    "scanschema_scanned_table": ("t", "t_masked"),  # control: the table scanned
    "scanschema_file_policy_entry": ("hr.people", "hr.people_masked"),  # people.csv saved as `hr.people`
    # guests.csv saved as `guests`, the policy's entry `guests`: both name main.guests, not hr.guests
    "scanschema_file_default_schema": ("hr.guests", "hr.guests_masked"),
    "scanschema_file_no_entry": ("hr.staff", "hr.staff_masked"),  # staff.csv saved as `staff`, no policy entry
}

for dag_id, (source, target) in MASKS.items():
    with DAG(dag_id, schedule=None, start_date=START, catchup=False) as dag:
        MaskTableOperator(task_id="mask", conn_id="scanschema_duckdb", source=source, target=target, policy=POLICY,
                          classify=False)
    globals()[dag_id] = dag
