"""Red team (round redteam11): on PostgreSQL, the session's output formats decided what a mask kept.

Masks that read a value's text (``partial``, ``char_mask``, ``hash``) read ``CAST(value AS TEXT)``, which PostgreSQL
writes in the session's formats. Under ``DateStyle = 'SQL, DMY'`` (a European deployment's setting) a date's text is
``17/04/1981``, so ``partial: {keep_last: 4}`` of a date of birth kept its year where the policy's author, and
DuckDB, and ``maskline mask`` in an ISO session, kept ``4-17``; under ``extra_float_digits`` below its default a
float's hash was taken of rounded digits, so it matched no token written elsewhere. The masked query's transaction now
pins the formats maskline's masks are defined in (``DateStyle``, ``IntervalStyle``, ``extra_float_digits``,
``bytea_output``: ``PostgresAdapter.pinned_settings``), and puts the caller's back after the query in the caller's own
transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import scratch_schema
from tests.rewrite.conftest import key_material

pytestmark = pytest.mark.postgres

POLICY = {"unclassified": "pass", "datasets": {"ev": {"columns": {
    "born": {"method": {"method": "partial", "keep_last": 4}}, "amount": {"method": "hash"}}}}}
SESSIONS = ("SET DateStyle = 'SQL, DMY'", "SET DateStyle = 'German'", "SET extra_float_digits = -10")


@pytest.fixture()
def pg(pg_dsn: str) -> Iterator[Any]:
    with scratch_schema(pg_dsn, "formats") as (conn, _), conn.cursor() as cur:
        cur.execute("CREATE TABLE ev (id integer, born date, amount double precision)")
        cur.execute("INSERT INTO ev VALUES (1, '1981-04-17', 1234567.891)")
        yield conn


def _masked(conn: Any) -> list[tuple[Any, ...]]:
    return run_masked(conn, rewrite("SELECT born, amount FROM ev", load_policy(POLICY), "postgres",
                                    connection=conn), key_material()).rows


def test_control_the_session_writes_a_date_with_its_year_last(pg: Any) -> None:
    with pg.cursor() as cur:
        cur.execute(SESSIONS[0])
        cur.execute("SELECT CAST(born AS TEXT) FROM ev")
        assert cur.fetchone()[0] == "17/04/1981"


@pytest.mark.parametrize("setting", SESSIONS)
def test_a_mask_keeps_what_it_keeps_in_an_iso_session(pg: Any, setting: str) -> None:
    iso = _masked(pg)
    assert iso[0][0] == "******4-17"
    with pg.cursor() as cur:
        cur.execute(setting)
    assert _masked(pg) == iso


def test_the_callers_transaction_keeps_its_date_style(pg_dsn: str) -> None:
    import uuid

    import psycopg2

    conn = psycopg2.connect(pg_dsn)  # not autocommit: the query runs inside the caller's transaction
    try:
        with conn.cursor() as cur:
            schema = f"formats_{uuid.uuid4().hex[:8]}"  # rolled back with the transaction
            cur.execute(f"CREATE SCHEMA {schema}")
            cur.execute(f"SET search_path TO {schema}")
            cur.execute("CREATE TABLE ev (id integer, born date, amount double precision)")
            cur.execute("INSERT INTO ev VALUES (1, '1981-04-17', 1.5)")
            cur.execute(SESSIONS[0])
        rows = run_masked(conn, rewrite("SELECT born FROM ev", load_policy(POLICY), "postgres",
                                        connection=conn), key_material()).rows
        with conn.cursor() as cur:
            cur.execute("SHOW DateStyle")
            assert cur.fetchone()[0] == "SQL, DMY"
        assert rows == [("******4-17",)]
    finally:
        conn.rollback()
        conn.close()
