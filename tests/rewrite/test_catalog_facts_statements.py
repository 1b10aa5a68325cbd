"""A rewrite reads its connection's catalog once: a bounded number of statements, whatever the table count.

Counted with a thin wrapper around the real cursor each engine adapter hands out (:mod:`benchmarks.statements`):
every statement still runs on the real engine. The controls show the counter counts, and that the facts are
read afresh by each rewrite (a table replaced by a view between two queries is decided as a view).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from benchmarks.statements import counting, create_tables, query
from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from tests.conftest import scratch_schema

POLICY = {"unclassified": "pass", "datasets": {f"t{i}": {"columns": {"email": {"info_type": "EMAIL"}}}
                                               for i in range(6)}}
# What one rewrite may send, per engine, for 1 to 6 tables in the session's catalog (it was 4/8/14 on DuckDB,
# 6/12/21 on PostgreSQL and 6/16/31 on Trino: a statement or more per table).
BOUND = {"duckdb": 1, "postgres": 1, "trino": 1}


def _statements(connection: Any, dialect: str, n: int) -> int:
    with counting() as counter:
        rewrite(query(n), load_policy(POLICY), dialect, connection=connection)
    return counter[0]


def _counts_are_bounded(connection: Any, dialect: str) -> None:
    counts = [_statements(connection, dialect, n) for n in (1, 3, 6)]
    assert counts == [BOUND[dialect]] * 3


def _view_replacing_a_table_is_seen_by_the_next_rewrite(cursor: Any, connection: Any, dialect: str,
                                                        prefix: str = "") -> None:
    policy = load_policy(POLICY)
    before = rewrite("SELECT city FROM t0", policy, dialect, connection=connection)
    assert before.masked_columns == ()  # a stored table: its unnamed column passes (unclassified: pass)
    cursor.execute(f"DROP TABLE {prefix}t0")
    cursor.execute(f"CREATE VIEW {prefix}t0 AS SELECT id, email, city FROM {prefix}t1")
    after = rewrite("SELECT city FROM t0", policy, dialect, connection=connection)
    assert after.masked_columns == ("city",)  # now a view: decided without unclassified: pass (nothing cached)


@pytest.fixture()
def duck() -> Any:
    import duckdb

    con = duckdb.connect()
    create_tables(con)
    yield con
    con.close()


def test_duckdb_rewrite_sends_one_statement_for_one_three_or_six_tables(duck: Any) -> None:
    _counts_are_bounded(duck, "duckdb")


def test_counter_sees_the_per_table_lookup_grow_with_the_tables(duck: Any) -> None:
    # control: the same counter, on the adapters' table-by-table default, counts more statements per table
    from sqlglot import exp

    from maskline.adapters import engine_of
    from maskline.adapters.base import EngineAdapter

    adapter = engine_of(duck)

    def per_table(n: int) -> int:
        tables = [exp.to_table(f"t{i}") for i in range(n)]
        with counting() as counter:
            EngineAdapter.catalog_facts(adapter, adapter.cursor(duck), tables, tables)
        return counter[0]

    assert per_table(1) < per_table(3) < per_table(6)


def test_duckdb_facts_are_read_afresh_by_each_rewrite(duck: Any) -> None:
    _view_replacing_a_table_is_seen_by_the_next_rewrite(duck, duck, "duckdb")


def test_duckdb_temporary_view_cannot_stand_in_for_the_checked_table(duck: Any) -> None:
    # the home pin is still read from the facts: the masked relation names memory.main.t0
    duck.execute("CREATE TEMP VIEW t0 AS SELECT 1 AS id, 'raw@x.y' AS email, 'c' AS city")
    assert '"memory"' in rewrite("SELECT email FROM t0", load_policy(POLICY), "duckdb", connection=duck).sql


@pytest.fixture()
def pg_tables(pg_dsn: str) -> Any:
    with scratch_schema(pg_dsn, "facts") as (conn, _):
        with conn.cursor() as cur:
            create_tables(cur)
        yield conn


@pytest.mark.postgres
def test_postgres_rewrite_sends_one_statement_for_one_three_or_six_tables(pg_tables: Any) -> None:
    _counts_are_bounded(pg_tables, "postgres")


@pytest.mark.postgres
def test_postgres_facts_are_read_afresh_by_each_rewrite(pg_tables: Any) -> None:
    with pg_tables.cursor() as cur:
        _view_replacing_a_table_is_seen_by_the_next_rewrite(cur, pg_tables, "postgres")


@pytest.mark.postgres
def test_postgres_key_store_and_partition_child_are_still_decided_from_the_one_read(pg_tables: Any) -> None:
    from maskline.adapters.postgres import KEY_STORE_MARK

    policy = load_policy(POLICY)
    with pg_tables.cursor() as cur:
        vault = f"vault_{uuid.uuid4().hex[:8]}"  # a private schema of any name, recognised by its mark
        cur.execute(f"CREATE SCHEMA {vault}")
        cur.execute(f"CREATE TABLE {vault}.k (id INTEGER, salt TEXT)")
        cur.execute(f"COMMENT ON SCHEMA {vault} IS '{KEY_STORE_MARK}'")
        cur.execute("CREATE TABLE child () INHERITS (t1)")
        try:
            with counting() as counter, pytest.raises(RewriteRefused, match="key store"):
                rewrite(f"SELECT t0.id FROM t0 JOIN {vault}.k ON k.id = t0.id", policy, "postgres",
                        connection=pg_tables)
            assert counter[0] == 1
            child = rewrite("SELECT city FROM child", policy, "postgres", connection=pg_tables)
            assert child.masked_columns == ("city",)  # an inheritance child is decided like a view
            control = rewrite("SELECT city FROM t1", policy, "postgres", connection=pg_tables)
            assert control.masked_columns == ()
        finally:
            cur.execute(f"DROP SCHEMA {vault} CASCADE")


@pytest.mark.trino
def test_trino_rewrite_sends_one_statement_for_one_three_or_six_tables(trino_url: str, trino_schema: str) -> None:
    from maskline.adapters.trino import connect

    setup = connect(trino_url, catalog="memory", schema=trino_schema)
    cur = setup.cursor()
    for i in range(6):
        cur.execute(f"CREATE TABLE t{i} (id INTEGER, email VARCHAR, city VARCHAR)")
        cur.fetchall()
    _counts_are_bounded(setup, "trino")
    with counting() as counter, pytest.raises(RewriteRefused, match="key store"):
        rewrite("SELECT t0.id FROM t0 JOIN system.runtime.queries q ON q.query = t0.email", load_policy(POLICY),
                "trino", connection=setup, schema={"system.runtime.queries": {"query": "varchar"}})
    assert counter[0] == 1
