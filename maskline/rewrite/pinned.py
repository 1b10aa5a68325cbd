"""Run a masked query with the engine's built-in functions, operators and types only.

The masked relations (:mod:`maskline.rewrite.substitute`) apply maskline's
masking expressions to raw values, in a session that may hold the key. On
PostgreSQL every unqualified name in them (``lower``, ``=``, ``||``, ``text``)
is resolved through the session's ``search_path``: an object of the same name
in a schema on that path (``public``, the user's own schema, ``pg_temp``) can
win over the built-in one, and would then see raw values and the key. That is
closed by construction, not by listing bad objects: the query runs in a
transaction whose path is pinned (``SET LOCAL search_path = pg_catalog,
pg_temp``; the adapter's :attr:`~maskline.adapters.base.EngineAdapter.builtin_names_only`),
so only ``pg_catalog``'s objects can be found, and every table is already
named with its schema by the rewrite.

The same transaction reads string literals as standard SQL (``SET LOCAL
standard_conforming_strings = on``), the only way sqlglot prints them: a
session with it off reads a backslash as an escape, so ``'\\'`` would not end
where sqlglot ended it, and text sqlglot read as a literal would run as SQL
(a subquery of a raw table, the key's setting) outside every check.

The caller's session is left as it was: on an autocommit connection the
transaction is opened and ended here; inside the caller's own transaction the
previous settings are put back after the query (a failed query's transaction is
rolled back by the caller, which ends the pinned settings with it).

>>> import duckdb
>>> from maskline.adapters import engine
>>> con = duckdb.connect()
>>> with builtin_names(con, con, engine("duckdb")):  # DuckDB has nothing to pin: the query runs as it is
...     con.execute("SELECT lower('A')").fetchall()
[('a',)]
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any


@contextmanager
def builtin_names(connection: Any, cursor: Any, adapter: Any) -> Iterator[None]:
    """Within the block, ``cursor``'s statements resolve names to the engine's built-ins only, and read string
    literals as the standard SQL strings maskline prints.

    ``adapter`` is the connection's :class:`~maskline.adapters.base.EngineAdapter`; its ``pinned_settings`` are
    set for one transaction (``SET LOCAL``), and inside the caller's own transaction put back after the block.

    >>> from types import SimpleNamespace
    >>> ran = []
    >>> cursor = SimpleNamespace(execute=lambda sql, *a: ran.append(sql), fetchone=lambda: ("public",))
    >>> pg = SimpleNamespace(pinned_settings=(("search_path", "pg_catalog, pg_temp"),),
    ...                      builtin_names_only=("SET LOCAL search_path = pg_catalog, pg_temp",))
    >>> with builtin_names(SimpleNamespace(autocommit=True), cursor, pg):
    ...     ran.append("SELECT ...")
    >>> ran
    ['BEGIN', 'SET LOCAL search_path = pg_catalog, pg_temp', 'SELECT ...', 'COMMIT']
    """
    statements = tuple(getattr(adapter, "builtin_names_only", ()))
    if not statements:
        yield
        return
    # SET LOCAL lasts until the transaction ends: on an autocommit connection each statement is its own
    # transaction, so one is opened here around the query.
    own = bool(getattr(connection, "autocommit", False))
    previous: list[tuple[str, str]] = []
    if own:
        cursor.execute(getattr(adapter, "begin_statement", "BEGIN"))
    else:
        for name, _ in getattr(adapter, "pinned_settings", ()):
            cursor.execute("SELECT pg_catalog.current_setting(%s)", (name,))
            row = cursor.fetchone()
            if row:
                previous.append((name, str(row[0])))
    try:
        for statement in statements:
            cursor.execute(statement)
        yield
    except BaseException:
        if own:
            with suppress(Exception):  # a broken connection has nothing to roll back; the failure is raised below
                cursor.execute("ROLLBACK")
        raise
    if own:
        cursor.execute("COMMIT")
    for name, value in previous:  # the caller's transaction goes on with its own settings
        cursor.execute("SELECT pg_catalog.set_config(%s, %s, true)", (name, value))
