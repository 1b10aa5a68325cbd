"""A DB-API connection seen as a masking target: its dialect, its tables, its key, its atomic writes.

Everything here runs inside the database: the masking ``SELECT`` is pushed
down as ``CREATE TABLE ... AS SELECT`` into a staging table, and the staging
table replaces the target in the same transaction. No row passes through the
worker, and a failure at any step leaves the target as it was (or absent).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from airflow_plugin.write_mode import WriteMode
from maskline.adapters.base import EngineAdapter
from maskline.dialects import Dialect
from maskline.errors import InputError, MaskingError, UnsupportedDialectError
from maskline.keys import KeyMaterial


def engine_named(name: str) -> EngineAdapter:
    """The engine adapter for a hook's ``dialect_name`` or connection type (one map: :mod:`maskline.adapters`).

    >>> engine_named("postgresql").name, engine_named("sqlite").name
    ('postgres', 'sqlite')
    """
    from maskline.adapters import engine

    adapter = engine(name, where="the operator's conn_id")
    if not adapter.executes:
        raise UnsupportedDialectError(
            f"connections of {adapter.name} cannot be masked in place", where="the operator's conn_id",
            fix="use the native masking DDL for this engine (see the README), or a DuckDB, PostgreSQL, SQLite, "
                "Spark or Trino connection")
    return adapter


def engine_for_hook(hook: Any) -> EngineAdapter:
    """The engine adapter of a common-sql hook, from ``hook.dialect_name`` (else its connection type).

    >>> class Hook: dialect_name = "duckdb"
    >>> engine_for_hook(Hook()).name
    'duckdb'
    """
    name = getattr(hook, "dialect_name", "") or getattr(hook, "conn_type", "") or "default"
    return engine_named(str(name))


def safe_error(exc: BaseException) -> str:
    """An engine error from its structure only: class, SQLSTATE, identifiers (never the driver's text).

    >>> safe_error(ValueError("invalid input 'bob@x.com'"))
    'ValueError'
    """
    from maskline.engine.failures import safe_engine_message

    return safe_engine_message(exc)


@dataclass
class Warehouse:
    """One open DB-API connection (or DuckDB connection) and its engine's adapter.

    >>> import duckdb
    >>> from maskline.adapters import engine
    >>> w = Warehouse(duckdb.connect(), engine("duckdb")); _ = w.execute("CREATE TABLE t (a INTEGER)")
    >>> w.columns("t"), w.dialect.name, w.placeholder
    ([('a', 'integer')], 'duckdb', '?')
    >>> w.render(w.table('main."T"'))
    'main."T"'
    >>> _ = w.execute("INSERT INTO t VALUES (1), (2)")
    >>> w.replace_table("t_copy", exp.select("a").from_("t")), w.exists("t_copy"), w.exists("t_missing")
    (2, True, False)
    >>> from maskline.keys import KeyMaterial
    >>> w.load_key(KeyMaterial(b"k" * 16))  # into session variables, not into any SQL text
    >>> w.run(exp.select(w.dialect.hex(w.dialect.key_session_ref("salt")))).fetchall() == [((b"k" * 16).hex(),)]
    True
    >>> w.close()
    """

    connection: Any
    engine: EngineAdapter

    def __post_init__(self) -> None:
        self.key: KeyMaterial | None = None  # kept only for engines whose statements carry the key
        self.default_schema: str | None = None  # the schema of an unqualified name, where the path is pinned
        # The warehouse owns the connection from the moment it is handed one, so a setup that fails closes it
        # here, on every caller's behalf: left to the failure's traceback, a PostgreSQL session stays open for as
        # long as that is kept (under dag.test(), until the cyclic collector runs).
        try:
            self.cursor = self.engine.cursor(self.connection)
            self.engine.prepare(self.connection)
            # The masking statements run under a path of built-ins only (replace_table): PostgreSQL picks a
            # function whose argument types match a raw column's exactly (a pg_typeof(varchar) of the data's
            # schema) over pg_catalog's, whatever the path's order, and would run it on every raw value with the
            # key in the session. Relations are named instead with the schema an unqualified name reads now.
            self.default_schema = (self.engine.current_schema(self.cursor) if self.engine.builtin_names_only
                                   else None)
        except BaseException:
            with contextlib.suppress(Exception):  # a connection that cannot close must not hide why setup failed
                self.connection.close()
            raise

    @property
    def dialect(self) -> Dialect:
        return self.engine.dialect()

    @property
    def placeholder(self) -> str:
        return self.engine.placeholder

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        # Without parameters the SQL must not be %-formatted (psycopg2 does so for any params,
        # even an empty tuple), because masking SQL contains literal % signs.
        if params:
            self.cursor.execute(sql, params)
        else:
            self.cursor.execute(sql)
        return self.cursor

    def render(self, expression: exp.Expression) -> str:
        return expression.sql(dialect=self.dialect.sqlglot_name)

    def run(self, statement: exp.Expression) -> Any:
        """Execute a statement that may read the key (Trino: the key goes with it as bound parameters)."""
        return self.execute(*self.engine.bind_statement(statement, self.key))

    def table(self, name: str) -> exp.Table:
        """A table name parsed in this engine's SQL (so quoting and schemas follow its rules)."""
        try:
            table = self.engine.table(name)
        except Exception as e:  # any parse failure is a bad name
            raise InputError(f"not a table name: {name!r}", where="source/target",
                             fix="pass a table name such as schema.table") from e
        if self.default_schema and not table.args.get("db"):
            table.set("db", exp.to_identifier(self.default_schema, quoted=True))
        return table

    def columns(self, name: str) -> list[tuple[str, str]]:
        """The table's ``(column, type)`` pairs in order; empty when the table does not exist."""
        return self.engine.columns(self.cursor, self.table(name))

    def exists(self, name: str) -> bool:
        return bool(self.columns(name))

    def load_key(self, key: KeyMaterial | None) -> None:
        """Put the key into this session (SQLite: as a registered function), never into SQL text."""
        self.key = self.engine.load_key(self.connection, self.cursor, key)

    def replace_table(self, target: str, select: exp.Expression, mode: WriteMode = WriteMode.SWAP) -> int:
        """Write ``select`` into ``target`` atomically; returns the number of rows written.

        Everything happens in one transaction, so readers see the old table or
        the new one, never a partial or an unmasked one. ``mode`` decides what
        the user set up on the target survives (see :mod:`maskline.adapters.table_setup`):
        ``swap`` keeps grants and comments, ``truncate_insert`` keeps the table
        itself, ``replace`` keeps nothing.
        """
        tgt = self.table(target)
        if self.default_schema:  # the path is pinned below: each table the SELECT reads gets its schema now
            from sqlglot.optimizer.qualify_tables import qualify_tables

            select = qualify_tables(select.copy(), db=exp.to_identifier(self.default_schema, quoted=True),
                                    dialect=self.dialect.sqlglot_name)
        if self.engine.transactions:
            self.execute(self.engine.begin)
        try:
            for statement in self.engine.builtin_names_only:  # PostgreSQL: pg_catalog's functions only, till COMMIT
                self.execute(statement)
            if mode is WriteMode.TRUNCATE_INSERT and self.exists(target):
                rows = self._truncate_insert(tgt, select)
            else:
                rows = self._swap(target, tgt, select, keep_setup=mode is not WriteMode.REPLACE)
            if self.engine.transactions:
                self.execute("COMMIT")
        except Exception as e:
            self._rollback()
            if isinstance(e, MaskingError):
                raise
            raise MaskingError(f"writing the masked table failed: {safe_error(e)}", where=f"target {target!r}",
                               fix="check the source table, the target's schema and the connection's privileges; "
                                   "nothing was written") from None
        return rows

    def _swap(self, target: str, tgt: exp.Table, select: exp.Expression, keep_setup: bool) -> int:
        """A staging table built from ``select``, given the target's grants and comments, renamed over it."""
        existing = self.exists(target)
        if existing:
            views = self.engine.dependent_views(self.cursor, self.render(tgt))
            if views:
                raise MaskingError(
                    f"views depend on the target table, so it cannot be dropped and replaced: {', '.join(views)}",
                    where=f"target {target!r}",
                    fix="use write_mode='truncate_insert', which rewrites the rows in place and keeps the views "
                        "(the masked columns must fit the target's column types), or drop the views before the "
                        "task and recreate them after; nothing was written")
        staging = tgt.copy()
        staging.set("this", exp.to_identifier(f"{tgt.name}__maskline_{uuid.uuid4().hex[:8]}", quoted=True))
        self.run(exp.Create(this=staging, kind="TABLE", expression=select))
        rows = int(self.execute(f"SELECT count(*) FROM {self.render(staging)}").fetchone()[0])
        if existing and keep_setup:
            new_columns = {name for name, _ in self.columns(self.render(staging))}
            for statement in self.engine.carried_setup(self.cursor, self.render(tgt), staging, new_columns):
                self.execute(self.render(statement))
        self.execute(f"DROP TABLE IF EXISTS {self.render(tgt)}")
        rename = exp.Alter(this=staging.copy(), kind="TABLE",
                           actions=[exp.AlterRename(this=exp.to_table(self.render(tgt.this),
                                                                      dialect=self.dialect.sqlglot_name))])
        self.execute(self.render(rename))
        return rows

    def _truncate_insert(self, tgt: exp.Table, select: exp.Expression) -> int:
        """Empty the target and insert ``select`` into it by column name: the table object stays as it is."""
        names = [projection.alias_or_name for projection in select.expressions]
        by_name = all(n and n != "*" for n in names)
        self.execute(self.render(self.engine.truncate(tgt)))
        into = (exp.Schema(this=tgt.copy(), expressions=[exp.to_identifier(n, quoted=True) for n in names])
                if by_name else tgt.copy())
        self.run(exp.Insert(this=into, expression=select))
        return int(self.execute(f"SELECT count(*) FROM {self.render(tgt)}").fetchone()[0])

    def _rollback(self) -> None:
        # The transaction may already be gone with the connection. Without transactions (Trino), a failed
        # swap has at worst dropped the target: nothing unmasked was written.
        if not self.engine.transactions:
            return
        with contextlib.suppress(Exception):
            self.execute("ROLLBACK")

    def close(self) -> None:
        try:
            if self.cursor is not self.connection:
                self.cursor.close()
            self.connection.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not hide the real error
            pass


@contextlib.contextmanager
def connected(connect: Callable[[], Any], engine: EngineAdapter) -> Iterator[Warehouse]:
    """A :class:`Warehouse` over the connection ``connect()`` opens, closed when the block ends, however it ends.

    The engine is resolved by the caller before anything is opened, and the warehouse closes the connection
    itself if setting it up fails, so no path between the connect and the block leaves a session open.

    >>> import duckdb
    >>> from maskline.adapters import engine
    >>> with connected(duckdb.connect, engine("duckdb")) as w:
    ...     w.execute("SELECT 42").fetchall()
    [(42,)]
    >>> w.execute("SELECT 1")
    Traceback (most recent call last):
    _duckdb.ConnectionException: Connection Error: Connection already closed!
    """
    warehouse = Warehouse(connect(), engine)
    try:
        yield warehouse
    finally:
        warehouse.close()
