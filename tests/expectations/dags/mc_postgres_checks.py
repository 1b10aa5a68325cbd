"""Test DAGs: CheckMaskingOperator on PostgreSQL (GX's SQL datasource) and SQLite (through pandas),
each on a masked and on a raw table.

The tables are seeded by tests/expectations/test_check_dag.py from tests/expectations/data.py.
"""

from __future__ import annotations

import json
import os

import pendulum
from airflow.sdk import dag

from airflow_plugin.operators.check import CheckMaskingOperator

POLICY = json.loads(os.environ.get("MASKLINE_CHECK_TEST_POLICY", "{}"))
EXPECTATIONS = [
    {"type": "expect_column_values_to_not_contain_pii", "kwargs": {"column": "notes"}},
    {"type": "expect_column_values_to_be_masked", "kwargs": {"column": "ssn",
                                                             "method": {"method": "partial", "keep_last": 4}}},
    {"type": "expect_column_to_be_classified_as", "kwargs": {"column": "id", "info_type": None}},
]


@dag(dag_id="mc_postgres_checks", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False)
def mc_postgres_checks():
    for frame in ("masked", "raw"):
        CheckMaskingOperator(task_id=f"check_{frame}", conn_id="test_pg", table=f"customers_{frame}",
                             policy=POLICY, dataset="customers", expectations=EXPECTATIONS)


mc_postgres_checks()


@dag(dag_id="mc_sqlite_checks", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False)
def mc_sqlite_checks():
    for frame in ("masked", "raw"):
        CheckMaskingOperator(task_id=f"check_{frame}", conn_id="test_checks_sqlite", table=f"customers_{frame}",
                             policy=POLICY, dataset="customers", expectations=EXPECTATIONS)


mc_sqlite_checks()
