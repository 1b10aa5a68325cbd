"""DAG file for tests/lineage: one table masked three times into one output, under a key, a rotated key, the key.

A key rotation as lineage sees it: ``mask_under_key`` and ``mask_again_under_key`` read the suite's key
(``MASKLINE_KEY``), ``mask_under_rotated_key`` another one (``MASKLINE_ROTATED_KEY``, set by the suite's
``dag.test()`` process), and all three write ``rotation_masked``: one dataset node in Marquez with three versions,
whose ``maskline_masking.keyCheck`` tell which runs wrote comparable tokens. Run in the suite's one ``dag.test()``
process (tests/lineage/conftest.py ``airflow_lineage``), after its other DAGs' tasks: maskline tasks of a process
whose hook lineage collector holds earlier tasks' SQL.
"""

from __future__ import annotations

from datetime import datetime

DAG_ID = "maskline_key_rotation"
SOURCE, TARGET = "rotation_source", "rotation_masked"


def policy(key_env: str) -> dict:
    return {"version": 1, "key": {"env": key_env}, "unclassified": "pass",
            "datasets": {SOURCE: {"columns": {"email": {"info_type": "EMAIL",
                                                        "method": {"method": "hmac", "length": 16}}}}}}


def seed_rotation_source() -> int:
    from airflow.providers.postgres.hooks.postgres import PostgresHook
    from lineage_dag import people

    rows = [(i, p["email"]) for i, p in enumerate(people()[:3])]
    hook = PostgresHook(postgres_conn_id="warehouse")
    with hook.get_conn() as conn, conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {TARGET}")
        cur.execute(f"DROP TABLE IF EXISTS {SOURCE}")
        cur.execute(f"CREATE TABLE {SOURCE} (id integer, email text)")
        cur.executemany(f"INSERT INTO {SOURCE} VALUES (%s, %s)", rows)
        conn.commit()
    return len(rows)


def build_dag():  # an Airflow DAG
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import DAG

    from airflow_plugin.operators.mask_table import MaskTableOperator

    with DAG(DAG_ID, schedule=None, start_date=datetime(2026, 1, 1), catchup=False) as dag:
        seed = PythonOperator(task_id="seed_rotation_source", python_callable=seed_rotation_source)
        tasks = [MaskTableOperator(task_id=task_id, conn_id="warehouse", source=SOURCE, target=TARGET,
                                   policy=policy(key_env), classify=False)
                 for task_id, key_env in (("mask_under_key", "MASKLINE_KEY"),
                                          ("mask_under_rotated_key", "MASKLINE_ROTATED_KEY"),
                                          ("mask_again_under_key", "MASKLINE_KEY"))]
        seed >> tasks[0] >> tasks[1] >> tasks[2]
    return dag


dag = build_dag()
