"""``mt_empty_day``: a pipeline's empty day, which must succeed (see tests/airflow/test_empty_day.py).

The sources hold the customers' columns and no row (seeded by tests/airflow/conftest.py): a header-only CSV and
an empty DuckDB table. With no rows nothing can leak, so each operator writes an empty masked output with the
same columns, deciding the columns as it does any day (a scan of no rows vouches for nothing: they are masked).
"""

from __future__ import annotations

import os
from pathlib import Path

import pendulum
from airflow.sdk import DAG

from airflow_plugin.operators.mask_file import MaskFileOperator
from airflow_plugin.operators.mask_query import MaskQueryOperator
from airflow_plugin.operators.mask_table import MaskTableOperator

DATA_DIR = Path(os.environ.get("MASKLINE_TEST_DATA_DIR", "/tmp/maskline-airflow-tests"))
START = pendulum.datetime(2024, 1, 1, tz="UTC")
NO_POLICY: dict[str, object] = {}  # every column is decided by the scan of no rows

with DAG("mt_empty_day", schedule=None, start_date=START, catchup=False, tags=["maskline-test"]) as empty_day_dag:
    MaskFileOperator(task_id="empty_csv_to_parquet", src=f"file://{DATA_DIR}/empty_customers.csv",
                     dst=f"file://{DATA_DIR}/out/empty_customers_masked.parquet", policy=NO_POLICY)
    MaskTableOperator(task_id="empty_table", conn_id="test_duckdb", source="empty_customers",
                      target="empty_customers_masked", policy=NO_POLICY, classify=True)
    MaskQueryOperator(task_id="empty_query", conn_id="test_duckdb", sql="SELECT customer_id, email FROM empty_customers",
                      target="empty_query_masked", policy=NO_POLICY)
