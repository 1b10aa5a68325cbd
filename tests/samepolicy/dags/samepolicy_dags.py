"""The Airflow face of the same-policy test: MaskTableOperator on DuckDB and PostgreSQL, one policy file.

The policy path, the PostgreSQL schema and the connections come from the environment the test sets
(tests/samepolicy/test_same_policy.py). ``classify=False``: the columns the policy does not name are masked
only if the operator reads the stored scan beside the policy, so equal outputs prove it does.
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
                      target="people_masked_airflow", policy=POLICY, classify=False)

if "AIRFLOW_CONN_SAMEPOLICY_PG" in os.environ:
    schema = os.environ["SAMEPOLICY_PG_SCHEMA"]
    with DAG("samepolicy_postgres", schedule=None, start_date=START, catchup=False) as postgres_dag:
        # The connection's search path starts at the test's schema: `people` is that schema's table, as the
        # policy's entry and the stored scan name it.
        MaskTableOperator(task_id="mask_people", conn_id="samepolicy_pg", source="people",
                          target=f"{schema}.people_masked_airflow", policy=POLICY, classify=False)
