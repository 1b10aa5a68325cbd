"""How many sessions PostgreSQL has open on one database: what a connection leak is measured by.

A test that checks a code path closes its connections runs it on a database of its own (``pg_module_dsn``), so
no other test's sessions are counted, and reads the count from ``pg_stat_activity`` through the admin DSN.
"""

from __future__ import annotations

from typing import Any


def open_sessions(admin_dsn: str, dsn: str, settle_to: int | None = None) -> int:
    """How many sessions PostgreSQL has open on ``dsn``'s database (counted from another database).

    A backend leaves ``pg_stat_activity`` a moment after its client closes, so with ``settle_to`` the count is
    read again (up to 50 times, 0.1 s apart) until it is at most that: a connection closed just before is not
    counted, one left open is counted however long it waits.
    """
    import psycopg2

    database = dsn.rsplit("/", 1)[1]
    admin = psycopg2.connect(admin_dsn)
    try:
        with admin.cursor() as cur:
            for _ in range(50):
                cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (database,))
                count = int(cur.fetchone()[0])
                if settle_to is None or count <= settle_to:
                    break
                cur.execute("SELECT pg_sleep(0.1)")
            return count
    finally:
        admin.close()


def execute(dsn: str, *statements: str) -> list[tuple[Any, ...]]:
    """Run ``statements`` on ``dsn`` in autocommit on a connection of their own, closed before returning (so it is
    never counted); the last statement's rows, or ``[]``."""
    import psycopg2

    conn = psycopg2.connect(dsn)
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            for statement in statements:
                cur.execute(statement)
            return cur.fetchall() if cur.description else []
    finally:
        conn.close()


def with_tables(dsn: str, *statements: str) -> str:
    """Run ``statements`` on ``dsn`` (:func:`execute`) and return ``dsn``."""
    execute(dsn, *statements)
    return dsn
