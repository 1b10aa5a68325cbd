"""``ProtectPostgresOperator(key_owner=...)`` refusing a key store it must not write, through ``dag.test()``.

The DAG is ``mt_key_owner`` (tests/airflow/dags/maskline_key_owner_dags.py), run in the shared dag.test() process
on PostgreSQL. Each refusal is a failed task whose log says what, where and how to fix it in words an Airflow user
can act on (the operator's ``key_owner=``, ``private_schema=``, ``conn_id``; before, only the CLI's ``--key-owner``,
``--private-schema`` and ``--dsn``), holds no key, and leaves the database without a key, a view or a reader role.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY

pytestmark = [pytest.mark.airflow, pytest.mark.postgres, pytest.mark.xdist_group("airflow")]

sys.path.insert(0, str(Path(__file__).with_name("dags")))
from maskline_key_owner_dags import FOREIGN_SCHEMA, OTHER_ROLE  # noqa: E402


@pytest.fixture()
def run(airflow_runs):
    if not airflow_runs.pg_dsn:
        pytest.skip("PostgreSQL not started (run `make test`)")
    return airflow_runs.run("mt_key_owner")


def _runner(airflow_runs) -> str:
    from urllib.parse import urlsplit

    return str(urlsplit(airflow_runs.pg_dsn).username)


def test_a_key_owner_other_than_the_connections_role_fails_the_task_with_the_operators_fix(airflow_runs,
                                                                                           run) -> None:
    me = _runner(airflow_runs)
    assert run["tasks"]["expects_other_owner"] == "failed"
    assert (f"maskline.errors.InputError: protect runs as role {me}, not as {OTHER_ROLE}, the key store's expected "
            f"owner (at protect(private_schema=mt_key_private)). Fix: run protect as role {OTHER_ROLE} (the login of "
            "--dsn or of the operator's conn_id, or SET ROLE in the role's settings), or give "
            f"{me} as the owner (--key-owner, or key_owner= of the operator) and set the same role in dbt's "
            "vars.maskline_key_owner") in airflow_runs.log_text


def test_a_store_another_role_owns_fails_the_task_with_the_operators_fix(airflow_runs, run) -> None:
    me = _runner(airflow_runs)
    assert run["tasks"]["foreign_store"] == "success"
    assert run["tasks"]["store_of_another_role"] == "failed"
    assert (f"maskline.errors.InputError: the private schema {FOREIGN_SCHEMA} is owned by role {OTHER_ROLE}, not by "
            f"{me}, which runs protect (at protect(private_schema={FOREIGN_SCHEMA})). Fix: as its owner or a "
            f"superuser, check what it holds and DROP SCHEMA {FOREIGN_SCHEMA} CASCADE, or give protect another "
            "private schema (--private-schema, or private_schema= of the operator)") in airflow_runs.log_text


def test_neither_refusal_wrote_a_key_a_view_or_a_role_nor_logged_the_key(airflow_runs, run) -> None:
    import psycopg2

    assert TEST_KEY not in airflow_runs.log_text
    con = psycopg2.connect(airflow_runs.pg_dsn)
    try:
        with con.cursor() as cur:
            cur.execute("SELECT nspname FROM pg_namespace WHERE nspname IN ('mt_key_private', 'mt_key_masked')")
            assert cur.fetchall() == []
            cur.execute("SELECT rolname FROM pg_roles WHERE rolname = 'mt_key_reader'")
            assert cur.fetchall() == []
            cur.execute("SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = %s", (FOREIGN_SCHEMA,))
            assert cur.fetchall() == []
    finally:
        con.close()
