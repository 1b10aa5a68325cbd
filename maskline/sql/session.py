"""Put key material into an engine's session, so masking SQL never contains the key.

Each engine's adapter (:mod:`maskline.adapters`) says how its session holds the key
(``key_setup``) and where the key can still appear (``key_exposure``):

>>> from maskline.adapters import engine
>>> engine("postgres").key_exposure
'process memory only, for one transaction (COPY data into a temporary table, then transaction-local settings)'
>>> from maskline.keys import KeyMaterial
>>> [s for s, _ in key_setup("duckdb", KeyMaterial(b"k" * 16))][0]
'SET VARIABLE maskline_ipad = ?'
"""

from __future__ import annotations

from typing import Any

from maskline.keys import KeyMaterial


def key_setup(dialect: str, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
    """Statements, with bound parameters, that load ``key`` into a session of ``dialect`` (its adapter's).

    The key travels only as a bound parameter, never inside the SQL text (PostgreSQL has none: psycopg2 would
    interpolate the parameter into the text; :func:`apply_key_setup` loads it there as ``COPY`` data):

    >>> from maskline.keys import KeyMaterial
    >>> stmts = key_setup("duckdb", KeyMaterial(b"k" * 32))
    >>> all("kkkk" not in sql for sql, _ in stmts), all(params for _, params in stmts)
    (True, True)
    """
    from maskline.adapters import engine

    return engine(dialect).key_setup(key)


def apply_key_setup(cursor: Any, dialect: str, key: KeyMaterial) -> None:
    """Load ``key`` into the session behind a DB-API cursor (or DuckDB connection) of ``dialect``.

    On PostgreSQL the key lasts as long as the cursor's connection's open transaction (session-wide on an
    autocommit connection outside one): see :mod:`maskline.adapters.postgres_key`.

    >>> import duckdb; con = duckdb.connect()
    >>> apply_key_setup(con, "duckdb", KeyMaterial(b"k" * 16))
    >>> con.execute("SELECT getvariable('maskline_salt') IS NOT NULL").fetchall()
    [(True,)]
    """
    from maskline.adapters import engine

    # A DB-API cursor knows its connection (whether a transaction is open); a DuckDB connection is its own.
    engine(dialect).load_key(getattr(cursor, "connection", cursor), cursor, key)
