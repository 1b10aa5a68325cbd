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


def checks_dag(dag_id: str, conn_id: str) -> None:
    """One DAG checking the masked and the raw table through ``conn_id``."""

    @dag(dag_id=dag_id, schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False)
    def checks():
        for frame in ("masked", "raw"):
            CheckMaskingOperator(task_id=f"check_{frame}", conn_id=conn_id, table=f"customers_{frame}",
                                 policy=POLICY, dataset="customers", expectations=EXPECTATIONS)

    checks()


checks_dag("mc_postgres_checks", "test_pg")
checks_dag("mc_sqlite_checks", "test_checks_sqlite")
