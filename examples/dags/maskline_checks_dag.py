"""Example DAGs: check masked tables with maskline's Great Expectations suite before anyone reads them.

``maskline_checks`` loads the raw customers into DuckDB, masks them, and checks the
masked table: no PII in free text, every sensitive column shaped like its
method's output, and the whole table as the policy says. It passes.

``maskline_checks_broken`` is the deliberately broken branch: a transform that
"forgot" to mask publishes the raw table, and the same check fails the task
with a readable message that names expectations, columns and counts, and shows
offending values only as ``TYPE:token`` pseudonyms.

Both use the example's DuckDB connection ``maskline_demo_duckdb`` and policy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pendulum
from airflow.sdk import dag, task

from airflow_plugin.operators.check import CheckMaskingOperator
from airflow_plugin.operators.mask_table import MaskTableOperator

CONN_ID = "maskline_demo_duckdb"
POLICY = str(Path(__file__).with_name("maskline_policy.yml"))

# What a masked customers table must satisfy, on top of the policy check.
CUSTOMER_EXPECTATIONS: list[dict[str, Any]] = [
    {"type": "expect_column_values_to_not_contain_pii", "kwargs": {"column": "notes"}},
    {"type": "expect_column_values_to_be_masked", "kwargs": {"column": "email", "method": "email"}},
    {"type": "expect_column_values_to_be_masked",
     "kwargs": {"column": "ssn", "method": {"method": "hmac", "length": 16}}},
]


def check_customers(task_id: str, table: str, conn_id: str = CONN_ID) -> CheckMaskingOperator:
    """The check step for a masked customers table; the example DAG can reuse it after its masking task."""
    return CheckMaskingOperator(task_id=task_id, conn_id=conn_id, table=table, policy=POLICY,
                                dataset="raw_customers", expectations=CUSTOMER_EXPECTATIONS)


@task
def load_raw_customers() -> int:
    """Create raw_customers in DuckDB from the example's deterministic data."""
    from airflow.providers.duckdb.hooks.duckdb import DuckDBHook
    from maskline_demo_data import CUSTOMER_COLUMNS, customers

    people = customers()
    con = DuckDBHook(duckdb_conn_id=CONN_ID).get_conn()
    try:
        con.execute(f"CREATE OR REPLACE TABLE raw_customers ({', '.join(f'{n} {t}' for n, t in CUSTOMER_COLUMNS)})")
        con.executemany(f"INSERT INTO raw_customers VALUES ({', '.join('?' for _ in CUSTOMER_COLUMNS)})",
                        [[p[n] for n, _ in CUSTOMER_COLUMNS] for p in people])
    finally:
        con.close()
    return len(people)


_DAG_ARGS: dict[str, Any] = {"schedule": None, "start_date": pendulum.datetime(2024, 1, 1, tz="UTC"),
                             "catchup": False, "tags": ["maskline", "example", "checks"]}


@dag(dag_id="maskline_checks", doc_md=__doc__, **_DAG_ARGS)
def maskline_checks():
    mask = MaskTableOperator(task_id="mask_customers", conn_id=CONN_ID, source="raw_customers",
                             target="checked_customers_masked", policy=POLICY, classify=True)
    load_raw_customers() >> mask >> check_customers("check_customers_masked", "checked_customers_masked")


@dag(dag_id="maskline_checks_broken", doc_md=__doc__, **_DAG_ARGS)
def maskline_checks_broken():
    @task
    def publish_without_masking() -> None:
        """The bug this check exists for: a transform that copies the raw table instead of masking it."""
        from airflow.providers.duckdb.hooks.duckdb import DuckDBHook

        con = DuckDBHook(duckdb_conn_id=CONN_ID).get_conn()
        try:
            con.execute("CREATE OR REPLACE TABLE customers_published_unmasked AS SELECT * FROM raw_customers")
        finally:
            con.close()

    load_raw_customers() >> publish_without_masking() >> check_customers("check_customers_published",
                                                                          "customers_published_unmasked")


maskline_checks()
maskline_checks_broken()
