"""Put key material into an engine's session, so masking SQL never contains the key.

Each engine's adapter (:mod:`maskline.adapters`) says how its session holds the key
(``key_setup``) and where the key can still appear (``key_exposure``):

>>> from maskline.adapters import engine
>>> engine("postgres").key_exposure
'the server log if log_statement=all (set_config with bound parameters)'
>>> from maskline.keys import KeyMaterial
>>> [s for s, _ in key_setup("duckdb", KeyMaterial(b"k" * 16))][0]
'SET VARIABLE maskline_ipad = ?'
"""

from __future__ import annotations

from typing import Any

from maskline.keys import KeyMaterial


def key_setup(dialect: str, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
    """Statements, with bound parameters, that load ``key`` into a session of ``dialect`` (its adapter's).

    The key travels only as a bound parameter, never inside the SQL text:

    >>> from maskline.keys import KeyMaterial
    >>> stmts = key_setup("postgres", KeyMaterial(b"k" * 32))
    >>> all("kkkk" not in sql for sql, _ in stmts), all(params for _, params in stmts)
    (True, True)
    """
    from maskline.adapters import engine

    return engine(dialect).key_setup(key)


def apply_key_setup(cursor: Any, dialect: str, key: KeyMaterial) -> None:
    """Load ``key`` into the session behind a DB-API cursor (or DuckDB connection) of ``dialect``.

    >>> import duckdb; con = duckdb.connect()
    >>> apply_key_setup(con, "duckdb", KeyMaterial(b"k" * 16))
    >>> con.execute("SELECT getvariable('maskline_salt') IS NOT NULL").fetchall()
    [(True,)]
    """
    from maskline.adapters import engine

    engine(dialect).load_key(cursor, cursor, key)
