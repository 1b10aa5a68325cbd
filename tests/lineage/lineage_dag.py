"""A DAG that handles real PII, run with ``dag.test()`` in its own process by tests/lineage.

``python lineage_dag.py OUT.json DAG_FOLDER...`` with ``AIRFLOW_CONN_WAREHOUSE`` pointing at a
PostgreSQL database and OpenLineage configured through the environment. It:

1. loads raw customers (checksum-valid PII, handed to the task as ``op_kwargs``);
2. runs a plain SQL task whose WHERE clause quotes a customer's email (a literal in lineage);
3. masks the table with ``MaskTableOperator`` (classifying it in the database);
4. masks an aggregating query with ``MaskQueryOperator`` (aliases, ``count(*)``, ``min(email)``,
   a safe ``count(DISTINCT email)``, a filter, a group and a sort: every case of the column-lineage spec);
5. runs a SQL task that fails in PostgreSQL on a customer's name, so the engine's error quotes it
   (``trigger_rule=all_done``);
6. fails on purpose with an error message quoting a customer (``trigger_rule=all_done``);
7. fails closed: ``MaskQueryOperator`` refuses a query naming no column of the table, whose WHERE quotes a
   customer's email (``trigger_rule=all_done``): maskline's own structured error, before anything is read.

The run's ``conf`` carries PII too. The runner also ``dag.test()``-s every other DAG in the
folders it is given (the example DAG), and writes each run's task states to OUT.json.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "dags"))
POLICY = ROOT / "examples" / "dags" / "maskline_policy.yml"
N_CUSTOMERS = 12
DAG_ID = "maskline_lineage_test"
QUERY = ("SELECT plan AS tier, count(*) AS customers, min(email) AS first_email, "
         "count(DISTINCT email) AS emails, upper(full_name) AS name_upper FROM raw_customers "
         "WHERE lifetime_value > 0 GROUP BY plan, full_name ORDER BY tier")


def people() -> list[dict]:
    from maskline_demo_data import customers

    return customers(N_CUSTOMERS)


def load_customers(rows: list[dict]) -> int:
    from airflow.providers.postgres.hooks.postgres import PostgresHook
    from maskline_demo_data import CUSTOMER_COLUMNS

    types = {"INTEGER": "integer", "VARCHAR": "text", "DATE": "date", "DOUBLE": "double precision"}
    hook = PostgresHook(postgres_conn_id="warehouse")
    cols = ", ".join(f"{c} {types[t]}" for c, t in CUSTOMER_COLUMNS)
    with hook.get_conn() as conn, conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS raw_customers CASCADE")
        cur.execute(f"CREATE TABLE raw_customers ({cols})")
        names = [c for c, _ in CUSTOMER_COLUMNS]
        cur.executemany(f"INSERT INTO raw_customers ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})",
                        [tuple(str(r[c]) if c == "date_of_birth" else r[c] for c in names) for r in rows])
        conn.commit()
    return len(rows)


def fail_loudly(email: str) -> None:
    raise ValueError(f"could not notify customer {email}: mailbox full")


def build_dag():  # an Airflow DAG
    from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import DAG

    from airflow_plugin.operators.mask_query import MaskQueryOperator
    from airflow_plugin.operators.mask_table import MaskTableOperator

    rows = people()
    with DAG(DAG_ID, schedule=None, start_date=datetime(2026, 1, 1), catchup=False,
             default_args={"owner": "data-eng"}) as dag:
        load = PythonOperator(task_id="load_raw_customers", python_callable=load_customers,
                              op_kwargs={"rows": rows})
        lookup = SQLExecuteQueryOperator(
            task_id="count_vip_customer", conn_id="warehouse",
            sql=f"SELECT count(*) FROM raw_customers WHERE email = '{rows[0]['email']}' AND ssn = '{rows[0]['ssn']}'")
        mask = MaskTableOperator(task_id="mask_customers", conn_id="warehouse", source="raw_customers",
                                 target="customers_masked", policy=str(POLICY), classify=True, owner="svc_masking")
        by_plan = MaskQueryOperator(
            task_id="mask_plan_summary", conn_id="warehouse", target="plan_summary", policy=str(POLICY),
            sql=QUERY)
        # PostgreSQL's error quotes the first name it cannot cast: engine text with a value in it.
        cast = SQLExecuteQueryOperator(
            task_id="cast_customer_name", conn_id="warehouse", trigger_rule="all_done",
            sql="SELECT CAST(full_name AS integer) FROM raw_customers ORDER BY customer_id")
        fail = PythonOperator(task_id="notify_customer", python_callable=fail_loudly,
                              op_kwargs={"email": rows[1]["email"]}, trigger_rule="all_done")
        refused = MaskQueryOperator(
            task_id="mask_refused_query", conn_id="warehouse", target="refused_out", policy=str(POLICY),
            sql=f"SELECT full_name, no_such_column FROM raw_customers WHERE email = '{rows[3]['email']}'",
            trigger_rule="all_done")
        load >> lookup >> mask >> by_plan >> cast >> fail >> refused
    return dag


def run(out: str, dag_folders: list[str]) -> int:
    """``dag.test()`` this DAG (with PII in its conf) and every other DAG found, in this one process."""
    from airflow.dag_processing.dagbag import DagBag

    rows = people()
    conf = {"requested_for": {"email": rows[2]["email"], "name": rows[2]["full_name"], "phone": rows[2]["phone"]}}
    results: dict = {}
    for folder in dag_folders:
        bag = DagBag(dag_folder=folder)
        results.setdefault("import_errors", {}).update({k: v.splitlines()[-1] for k, v in bag.import_errors.items()})
        for dag_id, dag in sorted(bag.dags.items()):
            dr = dag.test(run_conf=conf if dag_id == DAG_ID else None)
            results[dag_id] = {"state": str(dr.state), "run_id": dr.run_id,
                               "tasks": {ti.task_id: str(ti.state) for ti in dr.get_task_instances()}}
    Path(out).write_text(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
