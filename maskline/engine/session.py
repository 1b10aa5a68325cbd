"""An embedded DuckDB connection with the masking key loaded as session variables."""

from __future__ import annotations

from typing import Any

from maskline.keys import KeyMaterial
from maskline.sql.session import apply_key_setup


def connect(key: KeyMaterial | None = None, database: str = ":memory:") -> Any:
    """A DuckDB connection (all cores) whose session holds ``key`` for keyed methods.

    >>> con = connect()
    >>> con.sql("SELECT 1").fetchall()
    [(1,)]
    """
    import duckdb

    con = duckdb.connect(database)
    if key is not None:
        apply_key_setup(con, "duckdb", key)
    return con


def columns_of(con: Any, relation: str) -> list[tuple[str, str]]:
    """``(name, type)`` of every column of a relation, in order.

    >>> con = connect(); _ = con.sql("CREATE TABLE t (a INTEGER, b VARCHAR)")
    >>> columns_of(con, "t")
    [('a', 'integer'), ('b', 'varchar')]
    """
    return [(r[0], str(r[1]).lower()) for r in con.execute(f"DESCRIBE {relation}").fetchall()]
