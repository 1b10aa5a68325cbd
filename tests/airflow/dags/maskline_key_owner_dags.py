"""``mt_key_owner``: ProtectPostgresOperator refusing a key store it must not write (tests/airflow/test_key_owner.py).

- ``expects_other_owner``: ``key_owner`` names a role other than the one the connection logs in as.
- ``store_of_another_role``: ``key_owner`` is the connection's role, but the private schema and its key table
  were made by another role (``foreign_store`` makes them first, as a role that got there before protect would).

Both tasks must fail before any key is written, saying what, where and how to fix it in the operator's words.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pendulum
from airflow.sdk import DAG, task

from airflow_plugin.operators.protect import ProtectPostgresOperator

POLICY = {"version": 1, "unclassified": "mask",  # the key: the maskline_default connection
          "datasets": {"raw_customers": {"columns": {"email": {"method": "hmac"}}}}}
OTHER_ROLE = "mt_key_other_owner"  # owns nothing the tests read but the foreign store
FOREIGN_SCHEMA = "mt_key_foreign_private"
CONN_ID = "test_pg"

if f"AIRFLOW_CONN_{CONN_ID.upper()}" in os.environ:
    runner = urlparse(os.environ[f"AIRFLOW_CONN_{CONN_ID.upper()}"]).username

    with DAG("mt_key_owner", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
             tags=["maskline-test"]) as key_owner_dag:

        @task
        def foreign_store() -> None:
            from airflow.providers.postgres.hooks.postgres import PostgresHook

            conn = PostgresHook(postgres_conn_id=CONN_ID).get_conn()
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OTHER_ROLE,))
                if cur.fetchone() is None:
                    cur.execute(f"CREATE ROLE {OTHER_ROLE} NOLOGIN")
                cur.execute(f"DROP SCHEMA IF EXISTS {FOREIGN_SCHEMA} CASCADE")
                cur.execute(f"CREATE SCHEMA {FOREIGN_SCHEMA} AUTHORIZATION {OTHER_ROLE}")
            conn.close()

        ProtectPostgresOperator(task_id="expects_other_owner", conn_id=CONN_ID, schema="public",
                                tables=["raw_customers"], policy=POLICY, masked_schema="mt_key_masked",
                                reader="mt_key_reader", private_schema="mt_key_private", key_owner=OTHER_ROLE)
        foreign_store() >> ProtectPostgresOperator(
            task_id="store_of_another_role", conn_id=CONN_ID, schema="public", tables=["raw_customers"],
            policy=POLICY, masked_schema="mt_key_masked", reader="mt_key_reader", private_schema=FOREIGN_SCHEMA,
            key_owner=runner)
