"""Red team (round redteam16): the catalog-to-query window on SQLite and Trino.

Round redteam14 held the catalog on PostgreSQL and DuckDB (tests/rewrite/test_catalog_window_red_team.py); the
other engines ran as before. The same attack, with the DDL committed by the test at a point it controls (never
by timing): the rewrite decides ``email`` masked and ``note`` passed (``unclassified: pass``); another connection
swaps the two columns' names between ``rewrite`` and ``run_masked``, or right before the query's own statement (a
cursor hook), and the rewritten SQL passed the addresses raw under ``note``.

* SQLite (two ``sqlite3`` connections to one file, rollback journal and WAL): the second catalog read and the
  query now run in one transaction. DDL committed before it is refused; DDL tried once it holds its read waits
  (rollback journal: ``database is locked``) or is not seen by its snapshot (WAL).
* Trino (the memory connector, no locks): the catalog is read again right before the query and after its rows
  are fetched, and rows are returned only if both reads equal the rewrite's.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.catalog_window import ADDRESSES, AS_VIEW, KEY, POLICY, REFUSED, SQL, SWAP, leaks


class _Hooked:
    """``connection`` whose cursors call ``before(sql)`` ahead of each statement (the test's hook), the rest as is."""

    def __init__(self, connection: Any, before: Any) -> None:
        self._connection, self._before = connection, before

    def cursor(self, *args: Any) -> Any:
        return _HookedCursor(self._connection.cursor(*args), self._before)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


class _HookedCursor:
    def __init__(self, cursor: Any, before: Any) -> None:
        self._cursor, self._before = cursor, before

    def execute(self, sql: str, *args: Any) -> Any:
        self._before(sql)
        self._cursor.execute(sql, *args)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


# --- SQLite ----------------------------------------------------------------------------------------------------


@pytest.fixture(params=["delete", "wal"], ids=["rollback journal", "WAL"])
def lite(request: Any, tmp_path: Any) -> Iterator[tuple[Any, Any, str]]:
    """Two connections to one SQLite file: the query's and another's (which never waits for a lock)."""
    path = str(tmp_path / "people.db")
    setup = sqlite3.connect(path)
    setup.execute(f"PRAGMA journal_mode = {request.param}")
    setup.execute("CREATE TABLE people (id INTEGER, email TEXT, note TEXT)")
    setup.execute("INSERT INTO people VALUES (1, ?, 'hello'), (2, ?, 'bye')", ADDRESSES)
    setup.commit()
    setup.close()
    mine, other = sqlite3.connect(path), sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        yield mine, other, request.param
    finally:
        mine.close()
        other.close()


def _sqlite_ddl(other: Any, statements: tuple[str, ...]) -> None:
    other.execute("BEGIN IMMEDIATE")
    try:
        for statement in statements:
            other.execute(statement)
        other.execute("COMMIT")
    except BaseException:
        other.execute("ROLLBACK")
        raise


def test_control_sqlite_masks_email_and_passes_note(lite) -> None:
    mine, _, _ = lite
    rows = run_masked(mine, rewrite(SQL, POLICY, "sqlite", connection=mine), KEY).rows
    assert leaks(rows) == [] and [r[2] for r in rows] == ["hello", "bye"]


@pytest.mark.parametrize("ddl", [SWAP, AS_VIEW], ids=["columns swapped", "table replaced by a view"])
def test_sqlite_ddl_committed_after_the_rewrite_is_refused_at_run(lite, ddl: tuple[str, ...]) -> None:
    mine, other, _ = lite
    done = rewrite(SQL, POLICY, "sqlite", connection=mine)
    _sqlite_ddl(other, ddl)  # committed between the catalog read and the run
    assert [r[0] for r in other.execute("SELECT note FROM people ORDER BY id")] == list(ADDRESSES)  # control
    with pytest.raises(RewriteRefused, match=REFUSED) as caught:
        run_masked(mine, done, KEY)
    assert leaks(str(caught.value)) == []
    assert not mine.in_transaction  # the refused run's transaction is ended
    rows = run_masked(mine, rewrite(SQL, POLICY, "sqlite", connection=mine), KEY).rows
    assert "hello" not in repr(rows)  # a new rewrite decides on the new catalog: the column named email is masked


def test_sqlite_ddl_tried_while_the_query_runs_waits_or_is_not_seen(lite) -> None:
    """The DDL comes from the other connection right before the query's own statement, once the run has read the
    catalog again: with a rollback journal it cannot commit while the query's transaction holds its read
    (``database is locked``), in WAL mode it commits but the query reads the snapshot the second read saw."""
    mine, other, journal = lite
    done = rewrite(SQL, POLICY, "sqlite", connection=mine)
    outcome: list[str] = []

    def before(sql: str) -> None:
        if sql == done.sql:  # the hook: the query's own statement is next
            try:
                _sqlite_ddl(other, SWAP)
                outcome.append("committed")
            except sqlite3.OperationalError:
                outcome.append("locked")

    rows = run_masked(_Hooked(mine, before), done, KEY).rows
    assert outcome == (["locked"] if journal == "delete" else ["committed"])
    assert leaks(rows) == [] and [r[2] for r in rows] == ["hello", "bye"]
    assert not mine.in_transaction  # the run's own transaction is committed: the other connection can write now
    if journal == "delete":
        _sqlite_ddl(other, SWAP)
    assert [r[0] for r in other.execute("SELECT note FROM people ORDER BY id")] == list(ADDRESSES)


def test_sqlite_inside_the_callers_transaction_the_query_runs_in_it(lite) -> None:
    """The caller's open transaction is used as it is (a BEGIN inside it fails): its own uncommitted row is read,
    masked, and it commits afterwards."""
    mine, _, _ = lite
    mine.execute("INSERT INTO people VALUES (3, 'cyd.thorne@quietmail.example', 'later')")  # opens a transaction
    assert mine.in_transaction
    rows = run_masked(mine, rewrite(SQL, POLICY, "sqlite", connection=mine), KEY).rows
    assert [r[2] for r in rows] == ["hello", "bye", "later"] and "cyd.thorne" not in repr(rows)
    assert mine.in_transaction
    mine.commit()
    assert mine.execute("SELECT count(*) FROM people").fetchall() == [(3,)]


# --- Trino -----------------------------------------------------------------------------------------------------


@pytest.fixture()
def trino(trino_url: str) -> Iterator[tuple[Any, Any, str]]:
    """Two connections to one memory schema of Trino's: the query's and another's."""
    from maskline.adapters.trino import connect

    schema = f"win_{uuid.uuid4().hex[:8]}"
    other = connect(trino_url, catalog="memory")
    _trino(other, f"CREATE SCHEMA memory.{schema}")
    _trino(other, f"CREATE TABLE memory.{schema}.people (id integer, email varchar, note varchar)")
    _trino(other, f"INSERT INTO memory.{schema}.people VALUES (1, '{ADDRESSES[0]}', 'hello'), "
                  f"(2, '{ADDRESSES[1]}', 'bye')")
    mine = connect(trino_url, catalog="memory", schema=schema)
    try:
        yield mine, other, schema
    finally:
        mine.close()
        for name, kind in _trino(other, "SELECT table_name, table_type FROM memory.information_schema.tables "
                                        f"WHERE table_schema = '{schema}' ORDER BY table_type DESC"):  # views first
            _trino(other, f"DROP {'VIEW' if kind == 'VIEW' else 'TABLE'} memory.{schema}.{name}")
        _trino(other, f"DROP SCHEMA memory.{schema}")
        other.close()


def _trino(conn: Any, sql: str) -> list[Any]:
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return list(cur.fetchall())
    finally:
        cur.close()


def _trino_ddl(other: Any, schema: str, statements: tuple[str, ...]) -> None:
    for statement in statements:  # Trino's memory connector writes in autocommit mode: one statement each
        _trino(other, statement.replace("people", f"memory.{schema}.people"))


def _is_query(sql: str, rewritten: str) -> bool:
    """Whether ``sql`` is the rewritten query's statement (bound: its key references are ``?``, the start is kept)."""
    return sql.startswith(rewritten[:60])


def _notes(other: Any, schema: str) -> list[Any]:
    return [r[0] for r in _trino(other, f"SELECT note FROM memory.{schema}.people ORDER BY id")]


@pytest.mark.trino
def test_control_trino_masks_email_and_passes_note(trino) -> None:
    mine, _, _ = trino
    rows = run_masked(mine, rewrite(SQL, POLICY, "trino", connection=mine), KEY).rows
    assert leaks(rows) == [] and [r[2] for r in rows] == ["hello", "bye"]


@pytest.mark.trino
@pytest.mark.parametrize("ddl", [SWAP, AS_VIEW], ids=["columns swapped", "table replaced by a view"])
def test_trino_ddl_committed_after_the_rewrite_is_refused_before_the_query(trino, ddl: tuple[str, ...]) -> None:
    mine, other, schema = trino
    done = rewrite(SQL, POLICY, "trino", connection=mine)
    _trino_ddl(other, schema, ddl)  # committed between the catalog read and the run
    assert _notes(other, schema) == list(ADDRESSES)  # control: the engine holds the addresses under the passed name
    sent: list[str] = []
    with pytest.raises(RewriteRefused, match=REFUSED) as caught:
        run_masked(_Hooked(mine, sent.append), done, KEY)
    assert leaks(str(caught.value)) == []
    assert not [s for s in sent if _is_query(s, done.sql)]  # refused before the query was sent
    rows = run_masked(mine, rewrite(SQL, POLICY, "trino", connection=mine), KEY).rows
    assert "hello" not in repr(rows)  # a new rewrite decides on the new catalog: the column named email is masked


@pytest.mark.trino
def test_trino_ddl_committed_right_before_the_query_refuses_its_rows(trino) -> None:
    """The DDL comes from the other connection right before the query's own statement, after the run's read
    before it: the query runs on the swapped columns, and the read after its rows refuses the whole result."""
    mine, other, schema = trino
    done = rewrite(SQL, POLICY, "trino", connection=mine)
    fired: list[str] = []

    def before(sql: str) -> None:
        if _is_query(sql, done.sql) and not fired:
            fired.append(sql)  # the hook: the query's own statement is next
            _trino_ddl(other, schema, SWAP)

    with pytest.raises(RewriteRefused, match=REFUSED) as caught:
        run_masked(_Hooked(mine, before), done, KEY)
    assert fired and leaks(str(caught.value)) == []
    assert _notes(other, schema) == list(ADDRESSES)  # the query ran on the swapped columns: its rows were raw


@pytest.mark.trino
def test_trino_with_max_rows_a_change_during_the_run_refuses_too(trino) -> None:
    mine, other, schema = trino
    done = rewrite(SQL, POLICY, "trino", connection=mine)
    fired: list[str] = []

    def before(sql: str) -> None:
        if _is_query(sql, done.sql) and not fired:
            fired.append(sql)
            _trino_ddl(other, schema, AS_VIEW)

    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(_Hooked(mine, before), done, KEY, max_rows=1)
    assert fired

