"""The Airflow face of the same-policy test: MaskTableOperator on DuckDB and PostgreSQL, one policy file.

The policy path, the PostgreSQL schema and the connections come from the environment the test sets
(tests/samepolicy/conftest.py); the stored scan beside the policy is found by the operator itself.
"""

from __future__ import annotations

import os

import pendulum
from airflow.sdk import DAG

from airflow_plugin.operators.mask_table import MaskTableOperator

POLICY = os.environ.get("SAMEPOLICY_POLICY", "policy.yml")
START = pendulum.datetime(2024, 1, 1, tz="UTC")

with DAG("samepolicy_duckdb", schedule=None, start_date=START, catchup=False) as duckdb_dag:
    MaskTableOperator(task_id="mask_people", conn_id="samepolicy_duckdb", source="people",
                      target="people_masked_airflow", policy=POLICY)

if "AIRFLOW_CONN_SAMEPOLICY_PG" in os.environ:
    schema = os.environ["SAMEPOLICY_PG_SCHEMA"]
    with DAG("samepolicy_postgres", schedule=None, start_date=START, catchup=False) as postgres_dag:
        MaskTableOperator(task_id="mask_people", conn_id="samepolicy_pg", source=f"{schema}.people",
                          target=f"{schema}.people_masked_airflow", policy=POLICY)
