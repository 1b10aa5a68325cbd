"""Run a masked query on the catalog its rewrite decided on: no DDL fits between the two.

A rewrite reads the catalog once (:mod:`maskline.adapters.facts`: each relation's columns and their types, whether
it stores its rows, its descendants, its key-store mark) and decides every mask from that read. The query runs
later, in another statement: another session could commit DDL in between, swap two columns' names (the masked
``email`` and the passed ``note``), replace a table by a view, or change a type, and the rewritten SQL would
then pass raw values under the name of a column it passes. That window is closed by construction here, not by
timing: where the engine allows it, the query runs in one transaction that first holds the relations and then
reads the catalog again, and runs only if that read equals the rewrite's.

* **PostgreSQL**: every relation the rewritten SQL reads is taken ``ACCESS SHARE`` (``SELECT FROM t LIMIT 0``,
  which every relation kind accepts, unlike ``LOCK TABLE`` a materialized view, and which also holds a view's
  tables and every partition: ``WHERE false`` would prune the partitions unlocked) until the transaction ends.
  Every DDL that renames, retypes, drops or replaces a relation needs ``ACCESS EXCLUSIVE``, so it waits for the
  query's commit; what committed before the locks is seen by the second read (a new lock accepts the catalog's
  invalidations first), and the query is refused. maskline's own transaction is ``READ COMMITTED`` whatever the
  session's default, so the second read sees what committed before the locks; a caller's ``REPEATABLE READ`` or
  ``SERIALIZABLE`` transaction, whose older snapshot would not, is refused. ``ATTACH PARTITION`` and ``INHERIT``
  take only ``SHARE UPDATE EXCLUSIVE`` on the parent, and ``ALTER SCHEMA ... RENAME`` and ``COMMENT ON SCHEMA``
  (the key store's mark) no lock on a table: what they commit after the second read can reach the query. So
  after the query, in its transaction, its rows are refused if it locked a relation the run had not (a new
  descendant, another table under a held name swapped in and out again: every relation a statement reads stays
  locked until the transaction ends, ``pg_locks``), or if a third catalog read differs from the rewrite's.
* **DuckDB** (embedded: the window exists between connections of one database in one process, e.g. a
  ``cursor()`` on another thread): the second read and the query run in one transaction, whose snapshot no later
  commit changes.
* **SQLite**: the second read and the query run in one deferred transaction (``BEGIN DEFERRED``; inside a
  caller's transaction, in it). Its first read takes the ``SHARED`` lock, which no writer's commit passes until
  the transaction ends (rollback journal), or in WAL mode the snapshot the query reads too.
* **Trino** has no locks and, over most connectors, no transactional metadata: the catalog is read again right
  before the query and again after its rows are fetched, and the rows are returned only if both reads equal the
  rewrite's (a change during the run refuses the whole result). The query read the catalog as it was at some
  moment between the two reads; what remains is a change made and undone between them (e.g. two columns
  swapped and swapped back while the query runs), which neither read can see.
* **Snowflake**, **Databricks** and **BigQuery**: their native masks (``maskline.adapters.snowflake``,
  ``.spark``, ``.bigquery``) are attached to the column itself, and the engine applies them at every query: a
  rename carries the mask, so there is no window. A query rewritten here on a DB-API connection of their drivers
  (``snowflake``, ``databricks``, ``google.cloud.bigquery``) runs as before, unchecked: no server is reachable here
  to hold the catalog on or to test it, and the window is open for them.

>>> import duckdb
>>> from maskline.policy import load_policy
>>> from maskline.rewrite import rewrite
>>> from maskline.rewrite.run import run_masked
>>> con = duckdb.connect()
>>> _ = con.execute("CREATE TABLE t AS SELECT 'ann@example.com' AS email, 'hello' AS note")
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> done = rewrite("SELECT email, note FROM t", pol, "duckdb", connection=con)
>>> _ = con.cursor().execute("ALTER TABLE t RENAME email TO x; ALTER TABLE t RENAME note TO email; "
...                          "ALTER TABLE t RENAME x TO note")
>>> run_masked(con, done)
Traceback (most recent call last):
...
maskline.errors.RewriteRefused: the catalog changed between the rewrite and the run: a relation the query reads was replaced, or its columns renamed or retyped (at run_masked). Fix: rewrite the query again and run it (the masks were decided on the catalog as it was)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from maskline.adapters.facts import CatalogFacts
from maskline.errors import RewriteRefused


@dataclass(frozen=True)
class CatalogRead:
    """What one rewrite read of its connection's catalog, and of which relations: checked again when it runs.

    ``relations`` and ``described`` are the arguments the rewrite gave ``catalog_facts``, each named with the
    schema the rewrite read it in; ``read`` are the positions in ``described`` of the relations the rewritten SQL
    reads (those that exist).

    >>> facts = CatalogFacts("main", "memory", {0: (("id", "integer"),)}, (True,), (False,))
    >>> CatalogRead.of([exp.to_table("t")], [exp.to_table("t")], facts).described[0].db
    'main'
    """

    relations: tuple[exp.Table, ...]
    described: tuple[exp.Table, ...]
    facts: CatalogFacts
    read: tuple[int, ...]

    @classmethod
    def of(cls, relations: list[exp.Table], described: list[exp.Table], facts: CatalogFacts) -> CatalogRead:
        """The read of ``facts``, with every unqualified relation named in the schema the read took it from.

        >>> facts = CatalogFacts("s", "db", {}, (False,), (False,))
        >>> CatalogRead.of([exp.to_table("x")], [exp.to_table("x")], facts).read  # no such relation: none read
        ()
        """
        def pinned(table: exp.Table) -> exp.Table:
            if table.args.get("db") is not None or not facts.current_schema:
                return table.copy()
            out = table.copy()
            out.set("db", exp.to_identifier(facts.current_schema, quoted=True))
            return out

        return cls(tuple(pinned(t) for t in relations), tuple(pinned(t) for t in described), facts,
                   tuple(i for i in range(len(described)) if facts.columns_of(i)))


# Statements that open and end the held transaction, per engine where maskline opens one itself (PostgreSQL's is
# opened by maskline.rewrite.pinned around the query). SQLite's is deferred: its first read (the second catalog
# read) takes the SHARED lock, or in WAL mode the snapshot, that the query reads under.
_OWN_TRANSACTION = {"duckdb": ("BEGIN TRANSACTION", "COMMIT", "ROLLBACK"),
                    "sqlite": ("BEGIN DEFERRED", "COMMIT", "ROLLBACK")}
_HOLDS = ("postgres", "duckdb", "sqlite")  # engines whose transaction keeps the catalog as it was read
_READ_AROUND = ("trino",)  # engines with no such transaction: the catalog is read before the query and after it


@contextmanager
def held(connection: Any, cursor: Any, adapter: Any, dialect: str, catalog: CatalogRead | None) -> Iterator[None]:
    """Within the block, ``cursor``'s query reads the relations as ``catalog`` read them, or it is refused.

    ``catalog`` None (a rewrite given its schema, not a connection) and engines other than PostgreSQL, DuckDB,
    SQLite and Trino check nothing. On Trino the block's rows are refused at its end (nothing is returned) when the
    catalog changed while it ran.

    >>> with held(None, None, None, "snowflake", None):
    ...     pass
    """
    if catalog is None or dialect not in (*_HOLDS, *_READ_AROUND):
        yield
        return
    if dialect in _READ_AROUND:
        with _read_around(connection, adapter, catalog):
            yield
        return
    statements = _OWN_TRANSACTION.get(dialect)
    # Inside a transaction of the caller's the query runs in it (a BEGIN there would fail, and a failed statement
    # aborts DuckDB's transaction): probed, never tried.
    own = statements is not None and not _in_transaction(connection, cursor, dialect)
    if own and statements is not None:
        cursor.execute(statements[0])
    try:
        if dialect == "postgres":
            _refuse_old_snapshot(cursor)
            for i in catalog.read:
                cursor.execute(f"SELECT FROM {_name(adapter, catalog.described[i])} LIMIT 0")
        _refuse_if_changed(adapter, cursor, catalog)
        locked = adapter.locked_relations(cursor)
        yield
        if dialect == "postgres":
            # ATTACH PARTITION and INHERIT take only SHARE UPDATE EXCLUSIVE on the parent, and ALTER SCHEMA RENAME
            # no lock on its tables: what they commit after the second read can reach the query. A relation the
            # query read that the run had not locked (a new descendant, another schema's table under the held
            # name) holds a lock of the query's now; the catalog read again shows what changed meanwhile.
            if adapter.locked_relations(cursor) - locked:
                raise _catalog_changed()
            _refuse_if_changed(adapter, cursor, catalog)
    except BaseException:
        if own and statements is not None:
            with suppress(Exception):  # a broken connection has nothing to roll back; the failure is raised
                cursor.execute(statements[2])
        raise
    if own and statements is not None:
        cursor.execute(statements[1])


@contextmanager
def _read_around(connection: Any, adapter: Any, catalog: CatalogRead) -> Iterator[None]:
    """The catalog read again right before the block and again after it (its rows fetched), on a cursor of its
    own (the query's stays open for its rows); the block's end refuses the run unless both reads equal
    ``catalog``. A query runs between the two on the catalog as it was at some moment between them: if that was
    not the rewrite's, the second read sees the change, unless it was made and undone before it."""
    reader = adapter.cursor(connection)
    try:
        _refuse_if_changed(adapter, reader, catalog)
        yield
        _refuse_if_changed(adapter, reader, catalog)
    finally:
        reader.close()


def _refuse_if_changed(adapter: Any, cursor: Any, catalog: CatalogRead) -> None:
    """Refuse the run unless the catalog read now equals ``catalog``'s read."""
    again = adapter.catalog_facts(cursor, list(catalog.relations), list(catalog.described))
    if _comparable(again) != _comparable(catalog.facts):
        raise _catalog_changed()


def _catalog_changed() -> RewriteRefused:
    """The one refusal of a run whose catalog is no longer the rewrite's, whichever read or lock saw it: it names
    no relation or column, since the changed catalog's names are not the ones the masks were decided on."""
    return RewriteRefused("the catalog changed between the rewrite and the run: a relation the query reads was "
                          "replaced, or its columns renamed or retyped", where="run_masked",
                          fix="rewrite the query again and run it (the masks were decided on the catalog as it was)")


def _refuse_old_snapshot(cursor: Any) -> None:
    """Refuse to run in a caller's ``REPEATABLE READ`` or ``SERIALIZABLE`` transaction: its snapshot may be older
    than the locks, so the second read would not see DDL committed in between, while the planner binds the catalog
    as it is now. maskline's own transaction is ``READ COMMITTED`` (the adapter's ``begin_statement``).
    ``SHOW`` takes no snapshot."""
    cursor.execute("SHOW transaction_isolation")
    row = cursor.fetchone()
    if row is None or str(row[0]).lower() != "read committed":
        raise RewriteRefused("a masked query cannot run in a REPEATABLE READ or SERIALIZABLE transaction: its "
                             "snapshot may not show a change to the tables made since it began", where="run_masked",
                             fix="run it on an autocommit connection (maskline opens a READ COMMITTED transaction "
                                 "for it) or in a READ COMMITTED transaction")


def _in_transaction(connection: Any, cursor: Any, dialect: str) -> bool:
    """Whether the connection is inside an explicit transaction. SQLite's connection says so; on DuckDB
    ``txid_current()`` reads the same id twice there, while each autocommit statement is a transaction of its own
    (the built-in by its full name: a macro of the connection cannot stand in for it).

    >>> import duckdb
    >>> con = duckdb.connect(); before = _in_transaction(con, con, "duckdb"); _ = con.execute("BEGIN TRANSACTION")
    >>> before, _in_transaction(con, con, "duckdb")
    (False, True)
    """
    if dialect == "sqlite":
        return bool(connection.in_transaction)
    first = cursor.execute("SELECT system.main.txid_current()").fetchone()
    return bool(first == cursor.execute("SELECT system.main.txid_current()").fetchone())


def _comparable(facts: CatalogFacts) -> CatalogFacts:
    """``facts`` as two reads of one catalog under different search paths agree on them: the pinned path (``pg_catalog,
    pg_temp``, :mod:`maskline.rewrite.pinned`) reports another current schema (every name here is qualified), and
    PostgreSQL's ``format_type`` writes ``pg_catalog.date`` where the session's path had a ``date`` of its own
    before ``pg_catalog``. A type of another schema is compared as written: it may differ only by its
    qualification, which fails closed. The function path is not compared: the rewrite refuses one on its own
    connection, and every call of the masked SQL names its built-in (``system.builtin``), so the SQL runs alike
    on a connection whose path lists routines (an Airflow hook's, dbt-trino's).

    >>> a = CatalogFacts("s", "db", {0: (("d", "pg_catalog.date"),)}, (True,), (False,))
    >>> _comparable(a) == _comparable(CatalogFacts("pg_catalog", "db", {0: (("d", "date"),)}, (True,), (False,)))
    True
    """
    columns = {i: tuple((c, t.removeprefix("pg_catalog.")) for c, t in cols) for i, cols in facts.columns.items()}
    return dataclasses.replace(facts, current_schema=None, columns=columns, function_path=())


def _name(adapter: Any, table: exp.Table) -> str:
    """``schema.table`` quoted as the catalog stores each part (the names came from the catalog's read)."""
    parts = [adapter.folded(p) for p in (table.args.get("db"), table.this) if p is not None]
    return ".".join('"' + str(p).replace('"', '""') + '"' for p in parts)
