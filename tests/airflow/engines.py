"""Read back what the DAG runs wrote, from DuckDB, SQLite or PostgreSQL, as lists of row dicts."""

from __future__ import annotations

import sqlite3
from typing import Any


def connect(runs: Any, engine: str) -> Any:
    if engine == "duckdb":
        import duckdb

        return duckdb.connect(str(runs.duckdb_path), read_only=True)
    if engine == "sqlite":
        return sqlite3.connect(runs.sqlite_path)
    if engine == "trino":
        from maskline.adapters.trino import connect as trino_connect

        return trino_connect(runs.trino_url, catalog="memory", schema=runs.trino_schema)
    import psycopg2

    return psycopg2.connect(runs.pg_dsn)


def rows(runs: Any, engine: str, table: str) -> list[dict[str, Any]]:
    con = connect(runs, engine)
    try:
        cur = con.cursor()
        cur.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def table_names(runs: Any, engine: str) -> set[str]:
    con = connect(runs, engine)
    try:
        cur = con.cursor()
        if engine == "sqlite":
            cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        elif engine == "trino":
            cur.execute(f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{runs.trino_schema}'")
        else:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema NOT IN "
                        "('information_schema', 'pg_catalog')")
        return {r[0] for r in cur.fetchall()}
    finally:
        con.close()


def leaked(values: set[str], cells: list[Any]) -> list[str]:
    """The raw values found anywhere inside the given cells (substring match), to report as leaks."""
    texts = [str(c) for c in cells if c is not None]
    return sorted({v for v in values for t in texts if v in t})
