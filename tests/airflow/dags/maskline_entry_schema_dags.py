"""The mt_entry_schemas DAG: MaskTableOperator decides a table by the policy entry of its own schema only.

``test.duckdb`` holds ``staff`` and ``people`` in both ``main`` and ``hr`` (seeded by tests/airflow/conftest.py,
e-mails in every row). The policy passes ``email`` for ``hr.staff`` and for ``people`` (the default schema's,
``main.people``); ``unclassified`` is the fail-closed default and ``classify=False``, so a column no entry of its
table names is masked. The operator matched entries by last name: ``main.staff`` took ``hr.staff``'s entry and
``hr.people`` took ``people``'s, and both wrote their e-mails raw.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG

from airflow_plugin.operators.mask_table import MaskTableOperator

POLICY = {"version": 1, "datasets": {
    "hr.staff": {"columns": {"id": {"pass": True}, "email": {"pass": True}}},
    "people": {"columns": {"id": {"pass": True}, "email": {"pass": True}}},
}}
# task id -> (source, target)
MASKS = {
    "main_staff": ("staff", "staff_out"),  # hr.staff's entry is not main.staff's: email masked
    "hr_people": ("hr.people", "hr.people_out"),  # people's entry is main.people's: refused, nothing written
    "hr_staff": ("hr.staff", "hr.staff_out"),  # control: its own entry passes email
    "main_people": ("people", "people_out"),  # control: its own entry passes email
}

with DAG("mt_entry_schemas", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
         catchup=False) as mt_entry_schemas:
    for task_id, (source, target) in MASKS.items():
        MaskTableOperator(task_id=task_id, conn_id="test_duckdb", source=source, target=target, policy=POLICY,
                          classify=False)
