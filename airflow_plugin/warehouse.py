"""A DB-API connection seen as a masking target: its dialect, its tables, its key, its atomic writes.

Everything here runs inside the database: the masking ``SELECT`` is pushed
down as ``CREATE TABLE ... AS SELECT`` into a staging table, and the staging
table replaces the target in the same transaction. No row passes through the
worker, and a failure at any step leaves the target as it was (or absent).
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from airflow_plugin.table_write import postgres_dependent_views, postgres_setup
from airflow_plugin.write_mode import WriteMode
from maskline.dialects import Dialect, get_dialect
from maskline.errors import InputError, MaskingError, UnsupportedDialectError
from maskline.keys import KeyMaterial

# common-sql's ``dialect_name`` (SQLAlchemy's names) -> maskline's dialects.
HOOK_DIALECTS = {"duckdb": "duckdb", "postgresql": "postgres", "postgres": "postgres", "sqlite": "sqlite"}


def dialect_named(name: str) -> Dialect:
    """maskline's dialect for a hook's ``dialect_name``; SQLite gets the function-backed dialect.

    >>> dialect_named("postgresql").name, dialect_named("sqlite").name
    ('postgres', 'sqlite')
    """
    key = HOOK_DIALECTS.get(name.lower(), name.lower())
    if key == "sqlite":
        from airflow_plugin.sqlite_dialect import SQLite

        return SQLite()
    try:
        return get_dialect(key)
    except UnsupportedDialectError as e:
        raise UnsupportedDialectError(
            f"connections of dialect {name!r} cannot be masked in place", where="the operator's conn_id",
            fix="use a DuckDB, PostgreSQL, SQLite, Snowflake, BigQuery, Spark or Trino connection",
        ) from e


def dialect_for_hook(hook: Any) -> Dialect:
    """The dialect of a common-sql hook, from ``hook.dialect_name``.

    >>> class Hook: dialect_name = "duckdb"
    >>> dialect_for_hook(Hook()).name
    'duckdb'
    """
    return dialect_named(str(getattr(hook, "dialect_name", "") or "default"))


def safe_error(exc: BaseException) -> str:
    """An engine error from its structure only: class, SQLSTATE, identifiers (never the driver's text).

    >>> safe_error(ValueError("invalid input 'bob@x.com'"))
    'ValueError'
    """
    from maskline.engine.failures import safe_engine_message

    return safe_engine_message(exc)


@dataclass
class Warehouse:
    """One open DB-API connection (or DuckDB connection) and its maskline dialect."""

    connection: Any
    dialect: Dialect

    def __post_init__(self) -> None:
        # DuckDB's cursor() opens a second connection that would not see the
        # session's key variables, so DuckDB statements go to the connection.
        self.cursor = self.connection if self.dialect.name == "duckdb" else self.connection.cursor()
        if self.dialect.name == "postgres":
            self.connection.autocommit = True  # explicit BEGIN/COMMIT below
        elif self.dialect.name == "sqlite":
            self.connection.isolation_level = None

    @property
    def placeholder(self) -> str:
        return "%s" if self.dialect.name == "postgres" else "?"

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

    def table(self, name: str) -> exp.Table:
        """A table name parsed in this dialect (so quoting and schemas follow its rules)."""
        try:
            return exp.to_table(name, dialect=self.dialect.sqlglot_name)
        except Exception as e:  # noqa: BLE001 - any parse failure is a bad name
            raise InputError(f"not a table name: {name!r}", where="source/target",
                             fix="pass a table name such as schema.table") from e

    def _folded(self, ident: exp.Identifier | None) -> str | None:
        if ident is None:
            return None
        # Unquoted names are folded to lower case by PostgreSQL and DuckDB matches case-insensitively.
        return ident.name if ident.quoted or self.dialect.name == "sqlite" else ident.name.lower()

    def columns(self, name: str) -> list[tuple[str, str]]:
        """The table's ``(column, type)`` pairs in order; empty when the table does not exist."""
        table = self.table(name)
        if self.dialect.name == "sqlite":
            pragma = f"PRAGMA table_info({self.render(exp.to_identifier(table.name, quoted=True))})"
            return [(r[1], (r[2] or "").lower()) for r in self.execute(pragma).fetchall()]
        schema = self._folded(table.args.get("db"))
        p = self.placeholder
        match_name = f"lower(table_name) = lower({p})" if self.dialect.name == "duckdb" else f"table_name = {p}"
        sql = (f"SELECT column_name, data_type FROM information_schema.columns WHERE {match_name} "
               f"AND table_schema = COALESCE({p}, current_schema()) ORDER BY ordinal_position")
        rows = self.execute(sql, (self._folded(table.this), schema)).fetchall()
        return [(r[0], str(r[1]).lower()) for r in rows]

    def exists(self, name: str) -> bool:
        return bool(self.columns(name))

    def load_key(self, key: KeyMaterial | None) -> None:
        """Put the key into this session (SQLite: as a registered function), never into SQL text."""
        if self.dialect.name == "sqlite":
            from airflow_plugin.sqlite_dialect import register_functions

            register_functions(self.connection, key)
            return
        if key is not None:
            from maskline.sql.session import apply_key_setup

            apply_key_setup(self.cursor, self.dialect.name, key)

    def replace_table(self, target: str, select: exp.Expression, mode: WriteMode = WriteMode.SWAP) -> int:
        """Write ``select`` into ``target`` atomically; returns the number of rows written.

        Everything happens in one transaction, so readers see the old table or
        the new one, never a partial or an unmasked one. ``mode`` decides what
        the user set up on the target survives (see :mod:`airflow_plugin.table_write`):
        ``swap`` keeps grants and comments, ``truncate_insert`` keeps the table
        itself, ``replace`` keeps nothing.
        """
        tgt = self.table(target)
        begin = "BEGIN TRANSACTION" if self.dialect.name == "duckdb" else "BEGIN"
        self.execute(begin)
        try:
            if mode is WriteMode.TRUNCATE_INSERT and self.exists(target):
                rows = self._truncate_insert(tgt, select)
            else:
                rows = self._swap(target, tgt, select, keep_setup=mode is not WriteMode.REPLACE)
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
        postgres_target = self.dialect.name == "postgres" and self.exists(target)
        if postgres_target:
            views = postgres_dependent_views(self.cursor, self.render(tgt))
            if views:
                raise MaskingError(
                    f"views depend on the target table, so it cannot be dropped and replaced: {', '.join(views)}",
                    where=f"target {target!r}",
                    fix="use write_mode='truncate_insert', which rewrites the rows in place and keeps the views "
                        "(the masked columns must fit the target's column types), or drop the views before the "
                        "task and recreate them after; nothing was written")
        staging = tgt.copy()
        staging.set("this", exp.to_identifier(f"{tgt.name}__maskline_{uuid.uuid4().hex[:8]}", quoted=True))
        self.execute(self.render(exp.Create(this=staging, kind="TABLE", expression=select)))
        rows = int(self.execute(f"SELECT count(*) FROM {self.render(staging)}").fetchone()[0])
        if postgres_target and keep_setup:
            new_columns = {name for name, _ in self.columns(self.render(staging))}
            for statement in postgres_setup(self.cursor, self.render(tgt), staging, new_columns).statements():
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
        empty = (exp.Delete(this=tgt.copy()) if self.dialect.name == "sqlite"
                 else exp.TruncateTable(expressions=[tgt.copy()]))
        self.execute(self.render(empty))
        into = (exp.Schema(this=tgt.copy(), expressions=[exp.to_identifier(n, quoted=True) for n in names])
                if by_name else tgt.copy())
        self.execute(self.render(exp.Insert(this=into, expression=select)))
        return int(self.execute(f"SELECT count(*) FROM {self.render(tgt)}").fetchone()[0])

    def _rollback(self) -> None:
        # The transaction may already be gone with the connection.
        with contextlib.suppress(Exception):
            self.execute("ROLLBACK")

    def close(self) -> None:
        try:
            if self.cursor is not self.connection:
                self.cursor.close()
            self.connection.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not hide the real error
            pass
