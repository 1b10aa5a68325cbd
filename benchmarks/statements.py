"""How many statements the safe query path sends to a real engine per rewrite, and how many rewrites per second.

    python -m benchmarks.statements [--repeat 30]

Counts with a thin wrapper around the REAL cursor each engine adapter hands out (:func:`counting`): every
``execute`` reaches the engine unchanged and is counted. Queries join 1, 3 and 6 tables; DuckDB always,
PostgreSQL when ``MASKLINE_PG_DSN`` is set, Trino when ``MASKLINE_TRINO_URL`` is set.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

SIZES = (1, 3, 6)
POLICY = {"version": 1, "unclassified": "pass", "datasets": {
    f"t{i}": {"columns": {"email": {"info_type": "EMAIL"}}} for i in range(6)}}


class CountingCursor:
    """A real cursor (or DuckDB connection) whose ``execute`` calls are counted, then passed on unchanged."""

    def __init__(self, inner: Any, counter: list[int], owned: bool) -> None:
        self._inner, self._counter, self._owned = inner, counter, owned

    def execute(self, sql: str, params: Any = None) -> Any:
        self._counter[0] += 1
        return self._inner.execute(sql, params) if params is not None else self._inner.execute(sql)

    def close(self) -> None:
        if self._owned:  # DuckDB's adapter hands out the connection itself: never closed by the rewrite
            self._inner.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def counting() -> Iterator[list[int]]:
    """Count every statement engine adapters send while the block runs (``counter[0]``)."""
    from maskline.adapters import adapters

    counter = [0]
    originals = {}
    for adapter in {type(a) for a in adapters().values()}:
        original = adapter.cursor
        originals[adapter] = original

        def wrapped(self: Any, connection: Any, _original: Callable[..., Any] = original) -> Any:
            inner = _original(self, connection)
            return CountingCursor(inner, counter, owned=inner is not connection)

        adapter.cursor = wrapped  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        for adapter, original in originals.items():
            adapter.cursor = original  # type: ignore[method-assign]


def query(n: int, qualify: str = "") -> str:
    """A join of ``n`` tables t0..t{n-1} on id, reading every table's email."""
    cols = ", ".join(f"t{i}.email AS e{i}" for i in range(n))
    joins = "".join(f" JOIN {qualify}t{i} ON t{i}.id = t0.id" for i in range(1, n))
    return f"SELECT {cols} FROM {qualify}t0{joins}"


def statements_per_rewrite(connection: Any, dialect: str, n: int, qualify: str = "") -> int:
    """Statements sent to the engine by one ``rewrite`` of an ``n``-table join."""
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite

    policy = load_policy(POLICY)
    with counting() as counter:
        rewrite(query(n, qualify), policy, dialect, connection=connection)
    return counter[0]


def rewrites_per_second(connection: Any, dialect: str, n: int, repeat: int, qualify: str = "") -> float:
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite

    policy, sql = load_policy(POLICY), query(n, qualify)
    rewrite(sql, policy, dialect, connection=connection)
    t0 = time.perf_counter()
    for _ in range(repeat):
        rewrite(sql, policy, dialect, connection=connection)
    return repeat / (time.perf_counter() - t0)


def create_tables(cursor: Any, prefix: str = "") -> None:
    for i in range(6):
        cursor.execute(f"CREATE TABLE {prefix}t{i} (id INTEGER, email VARCHAR, city VARCHAR)")


def engines() -> Iterator[tuple[str, Any, str]]:
    """(dialect, open connection, table prefix) for each engine available here."""
    import duckdb

    con = duckdb.connect()
    create_tables(con)
    yield "duckdb", con, ""
    con.close()
    if os.environ.get("MASKLINE_PG_DSN"):
        import psycopg2

        pg = psycopg2.connect(os.environ["MASKLINE_PG_DSN"])
        pg.autocommit = True
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with pg.cursor() as cur:
            cur.execute(f"CREATE SCHEMA {schema}")
            cur.execute(f"SET search_path = {schema}")
            create_tables(cur)
        try:
            yield "postgres", pg, ""
        finally:
            with pg.cursor() as cur:
                cur.execute(f"DROP SCHEMA {schema} CASCADE")
            pg.close()
    if os.environ.get("MASKLINE_TRINO_URL"):
        from maskline.adapters.trino import connect

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        setup = connect(os.environ["MASKLINE_TRINO_URL"], catalog="memory")
        cur = setup.cursor()
        cur.execute(f"CREATE SCHEMA memory.{schema}")
        cur.fetchall()
        for i in range(6):
            cur.execute(f"CREATE TABLE memory.{schema}.t{i} (id INTEGER, email VARCHAR, city VARCHAR)")
            cur.fetchall()
        tr = connect(os.environ["MASKLINE_TRINO_URL"], catalog="memory", schema=schema)
        try:
            yield "trino", tr, ""
        finally:
            for i in range(6):
                cur.execute(f"DROP TABLE memory.{schema}.t{i}")
                cur.fetchall()
            cur.execute(f"DROP SCHEMA memory.{schema}")
            cur.fetchall()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    os.environ.setdefault("MASKLINE_KEY", "benchmark-key-not-a-secret")
    print(f"{'engine':10} {'tables':>6} {'statements/rewrite':>19} {'rewrites/s':>11}")
    for dialect, connection, prefix in engines():
        for n in SIZES:
            count = statements_per_rewrite(connection, dialect, n, prefix)
            rate = rewrites_per_second(connection, dialect, n, args.repeat, prefix)
            print(f"{dialect:10} {n:6} {count:19} {rate:11.1f}")


if __name__ == "__main__":
    main()
