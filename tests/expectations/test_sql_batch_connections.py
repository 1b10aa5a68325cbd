"""A GX batch over PostgreSQL leaves no connection open once it is validated.

GX builds a SQLAlchemy engine for the datasource and another for its execution engine, and disposes neither: with
their default pools, each kept one idle connection for as long as the GX context lived. A worker process (Airflow's
``CheckMaskingOperator``, or the test session's shared context) gained two idle connections per batch; a full test
run held 87 on one worker's database and the server refused new clients. The counts are read from PostgreSQL's
``pg_stat_activity`` for a database of this module's own, so nothing else connects to it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.pg_sessions import open_sessions, with_tables

pytestmark = pytest.mark.postgres
BATCHES = 3


@pytest.fixture(scope="module")
def table_dsn(pg_module_dsn: str) -> str:
    return with_tables(pg_module_dsn, "CREATE TABLE contacts (id integer, email text)",
                       "INSERT INTO contacts VALUES (1, 'ana@correo.es'), (2, NULL)")


def test_validated_sql_batches_leave_no_connection_open(gx_context: Any, pg_admin_dsn: str, table_dsn: str) -> None:
    from maskline.expectations import ExpectColumnValuesToNotContainPii
    from maskline.expectations.batches import sql_batch

    before = open_sessions(pg_admin_dsn, table_dsn)
    kept = []  # held, as a live context holds its datasources: the count must not wait for the collector
    for _ in range(BATCHES):
        batch = sql_batch(gx_context, table_dsn, "contacts")
        result = batch.validate(ExpectColumnValuesToNotContainPii(column="email"))
        assert result.success is False  # the check read the table: the raw e-mail address is found
        kept.append(batch)
    assert open_sessions(pg_admin_dsn, table_dsn, settle_to=before) == before


def test_the_count_sees_a_connection_left_open(pg_admin_dsn: str, table_dsn: str) -> None:
    """Control: the count is not trivially unchanged; a connection held open on the database is counted."""
    import psycopg2

    before = open_sessions(pg_admin_dsn, table_dsn)
    held = psycopg2.connect(table_dsn)
    try:
        assert open_sessions(pg_admin_dsn, table_dsn) == before + 1
    finally:
        held.close()
    assert open_sessions(pg_admin_dsn, table_dsn, settle_to=before) == before
