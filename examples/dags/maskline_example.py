"""Example DAG: load raw customers and support tickets into DuckDB, mask them with every maskline operator,
and check that no raw value survived.

Run it with ``python -m airflow_plugin.demo`` (what ``make demo`` runs): a throwaway AIRFLOW_HOME,
a DuckDB file under ``$MASKLINE_DEMO_DIR``, the connection ``maskline_demo_duckdb`` and ``dag.test()``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pendulum
from airflow.sdk import dag, task

from airflow_plugin.operators.mask_file import MaskFileOperator
from airflow_plugin.operators.mask_query import MaskQueryOperator
from airflow_plugin.operators.mask_table import MaskTableOperator

CONN_ID = "maskline_demo_duckdb"
POLICY = str(Path(__file__).with_name("maskline_policy.yml"))
DATA_DIR = os.environ.get("MASKLINE_DEMO_DIR", "/tmp/maskline-demo")
MASKED_TABLES = ("customers_masked", "tickets_masked", "customer_contacts")


def _duckdb():
    from airflow.providers.duckdb.hooks.duckdb import DuckDBHook

    return DuckDBHook(duckdb_conn_id=CONN_ID).get_conn()


@dag(
    dag_id="maskline_example",
    schedule=None,
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    tags=["maskline", "example"],
    doc_md=__doc__,
)
def maskline_example():
    @task
    def load_raw() -> dict[str, int]:
        """Create raw_customers and raw_tickets in DuckDB and write raw_customers.csv."""
        from maskline_demo_data import CUSTOMER_COLUMNS, TICKET_COLUMNS, customers, tickets

        people = customers()
        rows = tickets(people)
        con = _duckdb()
        try:
            for table, columns, records in (("raw_customers", CUSTOMER_COLUMNS, people),
                                            ("raw_tickets", TICKET_COLUMNS, rows)):
                ddl = ", ".join(f"{name} {sql_type}" for name, sql_type in columns)
                con.execute(f"CREATE OR REPLACE TABLE {table} ({ddl})")
                marks = ", ".join("?" for _ in columns)
                con.executemany(f"INSERT INTO {table} VALUES ({marks})",
                                [[r[name] for name, _ in columns] for r in records])
            Path(DATA_DIR).mkdir(parents=True, exist_ok=True)
            con.execute(f"COPY raw_customers TO '{Path(DATA_DIR) / 'raw_customers.csv'}' (HEADER)")
        finally:
            con.close()
        return {"customers": len(people), "tickets": len(rows)}

    mask_customers = MaskTableOperator(
        task_id="mask_customers", conn_id=CONN_ID, source="raw_customers", target="customers_masked",
        policy=POLICY, classify=True,
    )
    mask_tickets = MaskTableOperator(
        task_id="mask_tickets", conn_id=CONN_ID, source="raw_tickets", target="tickets_masked",
        policy=POLICY, classify=True,
    )
    contacts = MaskQueryOperator(
        task_id="mask_contacts_query", conn_id=CONN_ID, target="customer_contacts", policy=POLICY,
        sql="SELECT customer_id, full_name, email, plan FROM raw_customers WHERE plan <> 'free' ORDER BY customer_id",
    )
    mask_file = MaskFileOperator(
        task_id="mask_customers_file", src=f"file://{DATA_DIR}/raw_customers.csv",
        dst=f"file://{DATA_DIR}/customers_masked.parquet", dataset="raw_customers", policy=POLICY,
    )

    @task.maskline(policy=POLICY, dataset="raw_tickets")
    def extract_tickets():
        """Read tickets into pandas; @task.maskline masks the DataFrame before it becomes an XCom."""
        con = _duckdb()
        try:
            return con.sql("SELECT * FROM raw_tickets").df()
        finally:
            con.close()

    @task
    def summarize_tickets(frame) -> dict[str, object]:
        """Downstream code only ever sees the masked DataFrame."""
        return {"tickets": len(frame), "by_status": frame["status"].value_counts().sort_index().to_dict(),
                "sample_body": frame["body"].iloc[0]}

    @task
    def check_masked() -> dict[str, int]:
        """Fail if any raw sensitive value (even inside a longer text), or any PII span the scrubber finds,
        is in a masked output."""
        from maskline_demo_data import customers, sensitive_values, tickets

        from maskline.text import scrub

        people = customers()
        raw = sensitive_values(people, tickets(people))
        con = _duckdb()
        try:
            relations = {t: f"SELECT * FROM {t}" for t in MASKED_TABLES}
            relations["customers_masked.parquet"] = f"SELECT * FROM '{Path(DATA_DIR) / 'customers_masked.parquet'}'"
            leaks: dict[str, int] = {}
            cells = 0
            for name, query in relations.items():
                found = 0
                for row in con.execute(query).fetchall():
                    for value in row:
                        if value is None:
                            continue
                        cells += 1
                        text = str(value)
                        found += sum(1 for v in raw if v in text) + len(scrub(text)[1])
                leaks[name] = found
        finally:
            con.close()
        if any(leaks.values()):
            raise ValueError(f"raw values survived masking: {leaks}")
        return {"cells_checked": cells, **{f"leaks_{k}": v for k, v in leaks.items()}}

    raw = load_raw()
    raw >> [mask_customers, mask_tickets, contacts, mask_file]
    masked_frame = extract_tickets()
    raw >> masked_frame
    summary = summarize_tickets(masked_frame)
    [mask_customers, mask_tickets, contacts, mask_file] >> check_masked() << summary


maskline_example()
