"""DAG file for tests/lineage: a SQL task on PostgreSQL whose query types a value where a column goes.

``seed_typed_users`` creates ``typed_users`` (a customer's SSN, written by the hook, not in any SQL text)
and an empty ``typed_out``; ``copy_typed_value`` runs
``INSERT INTO typed_out SELECT X98234571 AS a, ssn FROM typed_users``. PostgreSQL fails it (no such column),
as it would any value typed without quotes, but the provider has already parsed the query: its events carry
the SQL facet and the column lineage ``typed_out.a <- typed_users.x98234571`` the parser built from the text.
Run in the suite's one ``dag.test()`` process (tests/lineage/conftest.py ``airflow_lineage``).
"""

from __future__ import annotations

from datetime import datetime

DAG_ID = "maskline_typed_value_sql"
TYPED_SQL = "INSERT INTO typed_out SELECT X98234571 AS a, ssn FROM typed_users"


def seed_typed_users() -> int:
    from airflow.providers.postgres.hooks.postgres import PostgresHook
    from lineage_dag import people

    ssn = people()[4]["ssn"]  # one of the run's raw values (tests/lineage/conftest.py _raw_values)
    hook = PostgresHook(postgres_conn_id="warehouse")
    with hook.get_conn() as conn, conn.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS typed_out")
        cur.execute("DROP TABLE IF EXISTS typed_users")
        cur.execute("CREATE TABLE typed_users (id integer, ssn text)")
        cur.execute("INSERT INTO typed_users VALUES (1, %s)", (ssn,))
        cur.execute("CREATE TABLE typed_out (a text, ssn text)")
        conn.commit()
    return 1


def build_dag():  # an Airflow DAG
    from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import DAG

    with DAG(DAG_ID, schedule=None, start_date=datetime(2026, 1, 1), catchup=False,
             default_args={"owner": "data-eng"}) as dag:
        seed = PythonOperator(task_id="seed_typed_users", python_callable=seed_typed_users)
        typed = SQLExecuteQueryOperator(task_id="copy_typed_value", conn_id="warehouse", sql=TYPED_SQL)
        seed >> typed
    return dag


dag = build_dag()
