"""Red team (round redteam14): DDL committed between the rewrite's catalog read and the query's run.

The rewrite decides every mask from one catalog read (``email`` is masked, ``note`` passes under
``unclassified: pass``); the query runs in a later statement. Another session that swaps the two columns' names
in between (or replaces the table by a view) had the rewritten SQL pass the addresses raw under ``note``, on
PostgreSQL and on DuckDB (two connections of one embedded database). The DDL is committed by the test at a point
it controls, never by timing: between ``rewrite`` and ``run_masked`` (the calls every face makes in a row), and
inside ``run_masked`` after the relations are held (the key's load, which runs just before the query, is the
hook). Now the run re-reads the catalog under the relations' locks (PostgreSQL) or in the query's own transaction
(DuckDB) and refuses a changed one; DDL tried after that waits for the query's end (PostgreSQL: a lock timeout
shows it waits) or is not seen by its snapshot (DuckDB).

Round redteam16 (PostgreSQL): ``ALTER TABLE parent ATTACH PARTITION child`` and ``ALTER TABLE child INHERIT
parent`` take only ``SHARE UPDATE EXCLUSIVE`` on the parent, so the run's ``ACCESS SHARE`` did not hold them off:
committed right before the query's statement, the query read the named child's addresses raw through the unnamed
parent (``unclassified: pass``). Committed before the run, the second read saw the new descendant (held already).
The key store's mark (``COMMENT ON SCHEMA``) likewise: held before the run, unseen during it. And ``ALTER SCHEMA
... RENAME`` locks no table: two schemas swapped right before the query and back right after it had the query
read another table under the held name, unseen by any read by name. Now, after the query, in its transaction, a
relation the query locked that the run had not held refuses the rows, and so does a change in the catalog read
a third time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import duckdb
import psycopg2
import pytest

from maskline.errors import MasklineError, RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.catalog_window import (
    ADDRESSES,
    AS_VIEW,
    KEY,
    POLICY,
    REFUSED,
    SQL,
    SWAP,
    hooked_cursor,
    leaks,
)


@pytest.fixture()
def pg(pg_dsn: str) -> Iterator[tuple[Any, Any, str]]:
    """Two sessions on one database: the query's (prepared as the query path prepares it) and another's."""
    from maskline.adapters.postgres import PostgresAdapter

    schema = f"win_{uuid.uuid4().hex[:8]}"
    mine, other = psycopg2.connect(pg_dsn), psycopg2.connect(pg_dsn)
    other.autocommit = True
    with other.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {schema}")
        cur.execute(f"CREATE TABLE {schema}.people (id integer, email text, note text)")
        cur.execute(f"INSERT INTO {schema}.people VALUES (1, %s, 'hello'), (2, %s, 'bye')", ADDRESSES)
    mine.autocommit = True
    with mine.cursor() as cur:
        cur.execute(f"SET search_path = {schema}")
    PostgresAdapter().prepare(mine)
    try:
        yield mine, other, schema
    finally:
        mine.close()
        with other.cursor() as cur:
            cur.execute(f"DROP SCHEMA {schema} CASCADE")
        other.close()


def _ddl(conn: Any, schema: str, statements: tuple[str, ...], timeout: str | None = None) -> None:
    conn.autocommit = False
    try:
        with conn.cursor() as cur:
            cur.execute(f"SET LOCAL search_path = {schema}")
            if timeout:
                cur.execute(f"SET LOCAL lock_timeout = '{timeout}'")
            for statement in statements:
                cur.execute(statement)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.autocommit = True


def _answer(connection: Any, dialect: str) -> str:
    try:
        return repr(run_masked(connection, rewrite(SQL, POLICY, dialect, connection=connection), KEY).rows)
    except MasklineError as e:
        return str(e)


@pytest.mark.postgres
def test_control_postgres_masks_email_and_passes_note(pg) -> None:
    mine, _, _ = pg
    answer = _answer(mine, "postgres")
    assert leaks(answer) == [] and "hello" in answer


@pytest.mark.postgres
@pytest.mark.parametrize("ddl", [SWAP, AS_VIEW], ids=["columns swapped", "table replaced by a view"])
def test_postgres_ddl_committed_after_the_rewrite_is_refused_at_run(pg, ddl: tuple[str, ...]) -> None:
    mine, other, schema = pg
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    _ddl(other, schema, ddl)  # committed between the catalog read and the run
    with other.cursor() as cur:  # control: the engine holds the addresses under the passed name now
        cur.execute(f"SELECT note FROM {schema}.people ORDER BY id")
        assert [r[0] for r in cur.fetchall()] == list(ADDRESSES)
    with pytest.raises(RewriteRefused, match=REFUSED) as caught:
        run_masked(mine, done, KEY)
    assert leaks(str(caught.value)) == []
    assert "hello" not in _answer(mine, "postgres")  # a new rewrite decides on the new catalog: email is masked


@pytest.mark.postgres
def test_postgres_ddl_tried_while_the_query_runs_waits_for_it(pg) -> None:
    """The DDL comes from another session right before the query's statement, once the run holds the relations: it
    cannot take its lock before the query ends, and the query reads the columns as the rewrite read them."""
    import psycopg2.extensions

    mine, other, schema = pg
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    blocked: list[str] = []

    def ddl_before_the_query(sql: Any) -> None:
        if sql == done.sql:  # the hook: the query's own statement is next
            try:
                _ddl(other, schema, SWAP, timeout="300ms")
            except psycopg2.errors.LockNotAvailable:
                blocked.append("waited")

    mine.cursor_factory = hooked_cursor(ddl_before_the_query)
    rows = run_masked(mine, done, KEY).rows
    assert blocked == ["waited"]
    assert leaks(rows) == [] and [r[2] for r in rows] == ["hello", "bye"]


@pytest.fixture()
def duck() -> Iterator[tuple[Any, Any]]:
    """One embedded database, two connections to it (the second a cursor, as another thread would hold)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE people (id INTEGER, email VARCHAR, note VARCHAR)")
    con.execute("INSERT INTO people VALUES (1, ?, 'hello'), (2, ?, 'bye')", list(ADDRESSES))
    other = con.cursor()
    try:
        yield con, other
    finally:
        other.close()
        con.close()


def test_control_duckdb_masks_email_and_passes_note(duck) -> None:
    con, _ = duck
    answer = _answer(con, "duckdb")
    assert leaks(answer) == [] and "hello" in answer


@pytest.mark.parametrize("ddl", [SWAP, AS_VIEW], ids=["columns swapped", "table replaced by a view"])
def test_duckdb_ddl_committed_after_the_rewrite_is_refused_at_run(duck, ddl: tuple[str, ...]) -> None:
    con, other = duck
    done = rewrite(SQL, POLICY, "duckdb", connection=con)
    for statement in ddl:
        other.execute(statement)
    assert [r[0] for r in other.execute("SELECT note FROM people ORDER BY id").fetchall()] == list(ADDRESSES)
    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(con, done, KEY)
    assert "hello" not in _answer(con, "duckdb")  # a new rewrite decides on the new catalog: email is masked


class _DdlBeforeTheQuery:
    """A DuckDB connection whose next statement ``query`` is preceded by ``ddl`` on another connection (the hook)."""

    def __init__(self, con: Any, other: Any, query: str, ddl: tuple[str, ...]) -> None:
        self._con, self._other, self._query, self._ddl = con, other, query, ddl

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == self._query:
            for statement in self._ddl:
                self._other.execute(statement)
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def test_duckdb_ddl_committed_while_the_query_runs_is_not_seen_by_it(duck) -> None:
    con, other = duck
    done = rewrite(SQL, POLICY, "duckdb", connection=con)
    rows = run_masked(_DdlBeforeTheQuery(con, other, done.sql, SWAP), done, KEY).rows
    assert leaks(rows) == [] and [r[2] for r in rows] == ["hello", "bye"]
    assert [r[0] for r in other.execute("SELECT note FROM people ORDER BY id").fetchall()] == list(ADDRESSES)


def test_duckdb_inside_the_callers_transaction_the_query_runs_in_it(duck) -> None:
    """The caller's open transaction is used as it is (a BEGIN inside it would fail and abort it): its own
    uncommitted rows are read, masked, and it commits afterwards."""
    con, _ = duck
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO people VALUES (3, 'cyd.thorne@quietmail.example', 'later')")
    rows = run_masked(con, rewrite(SQL, POLICY, "duckdb", connection=con), KEY).rows
    assert [r[2] for r in rows] == ["hello", "bye", "later"] and "cyd.thorne" not in repr(rows)
    con.execute("COMMIT")
    assert con.execute("SELECT count(*) FROM people").fetchall() == [(3,)]


@pytest.mark.postgres
def test_postgres_under_a_repeatable_read_default_ddl_before_the_locks_is_still_seen(pg) -> None:
    """With ``default_transaction_isolation = 'repeatable read'`` the key's load took the run's snapshot, so DDL
    committed after it but before the locks was not in the second read, while the planner bound the new catalog:
    the addresses came back under ``note``. maskline's own transaction is READ COMMITTED now, and the run refuses."""

    mine, other, schema = pg
    with mine.cursor() as cur:
        cur.execute("SET default_transaction_isolation = 'repeatable read'")
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    fired: list[str] = []

    def ddl_before_the_locks(sql: Any) -> None:
        if isinstance(sql, str) and sql.startswith("SELECT FROM") and not fired:  # the first lock is next
            fired.append(sql)
            _ddl(other, schema, SWAP)

    mine.cursor_factory = hooked_cursor(ddl_before_the_locks)
    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(mine, done, KEY)
    assert fired


@pytest.mark.postgres
def test_postgres_a_callers_repeatable_read_transaction_is_refused(pg) -> None:
    mine, _, _ = pg
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    mine.autocommit = False
    mine.set_session(isolation_level="REPEATABLE READ")
    try:
        with pytest.raises(RewriteRefused, match="cannot run in a REPEATABLE READ or SERIALIZABLE transaction"):
            run_masked(mine, done, KEY)
    finally:
        mine.rollback()
        mine.set_session(isolation_level="READ COMMITTED")
        mine.autocommit = True


# --- Round redteam16: a partition attached, an inheritance child added, the key store's mark ---------------------
# ``archive`` has no descendant when the rewrite reads it and the policy does not name it, so ``unclassified:
# pass`` passes its columns; ``people`` (named: email masked) attached below it returns its rows through it.
ARCHIVE_SQL = "SELECT id, email, note FROM archive ORDER BY id"
ATTACH = ("ALTER TABLE archive ATTACH PARTITION people FOR VALUES IN (1, 2)",)
INHERIT = ("ALTER TABLE people INHERIT archive",)


def _archive(other: Any, schema: str, partitioned: bool) -> None:
    with other.cursor() as cur:
        cur.execute(f"CREATE TABLE {schema}.archive (id integer, email text, note text)"
                    + (" PARTITION BY LIST (id)" if partitioned else ""))


@pytest.mark.postgres
@pytest.mark.parametrize(("partitioned", "ddl"), [(True, ATTACH), (False, INHERIT)],
                         ids=["partition attached", "inheritance child added"])
def test_postgres_a_descendant_added_after_the_rewrite_is_refused_at_run(pg, partitioned: bool,
                                                                          ddl: tuple[str, ...]) -> None:
    mine, other, schema = pg
    _archive(other, schema, partitioned)
    done = rewrite(ARCHIVE_SQL, POLICY, "postgres", connection=mine)
    _ddl(other, schema, ddl)  # committed between the catalog read and the run
    with other.cursor() as cur:  # control: the parent returns the named table's addresses now
        cur.execute(f"SELECT email FROM {schema}.archive ORDER BY id")
        assert [r[0] for r in cur.fetchall()] == list(ADDRESSES)
    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(mine, done, KEY)
    rows = run_masked(mine, rewrite(ARCHIVE_SQL, POLICY, "postgres", connection=mine), KEY).rows
    assert leaks(rows) == []  # a new rewrite sees the descendant the policy names: decided as a view's columns


@pytest.mark.postgres
@pytest.mark.parametrize(("partitioned", "ddl"), [(True, ATTACH), (False, INHERIT)],
                         ids=["partition attached", "inheritance child added"])
def test_postgres_a_descendant_added_while_the_query_runs_refuses_its_rows(pg, partitioned: bool,
                                                                            ddl: tuple[str, ...]) -> None:
    """``ATTACH PARTITION`` and ``INHERIT`` take only ``SHARE UPDATE EXCLUSIVE`` on the parent, which the run's
    ``ACCESS SHARE`` does not hold off: committed right before the query's statement (after the second read), the
    query reads the new descendant's rows. The catalog read after the query, in its transaction, sees it and
    refuses the rows; the descendant the query read is held by the query's own lock, so it cannot be detached
    before that read."""

    mine, other, schema = pg
    _archive(other, schema, partitioned)
    done = rewrite(ARCHIVE_SQL, POLICY, "postgres", connection=mine)
    fired: list[str] = []

    def ddl_before_the_query(sql: Any) -> None:
        if sql == done.sql and not fired:  # the hook: the query's own statement is next
            fired.append(sql)
            _ddl(other, schema, ddl, timeout="2s")

    mine.cursor_factory = hooked_cursor(ddl_before_the_query)
    with pytest.raises(RewriteRefused, match=REFUSED) as caught:
        run_masked(mine, done, KEY)
    assert fired and leaks(str(caught.value)) == []


@pytest.mark.postgres
@pytest.mark.parametrize(("partitioned", "ddl", "undo"),
                         [(True, ATTACH, ("ALTER TABLE archive DETACH PARTITION people",)),
                          (False, INHERIT, ("ALTER TABLE people NO INHERIT archive",))],
                         ids=["partition attached then detached", "inheritance child added then removed"])
def test_postgres_a_descendant_the_query_read_cannot_be_removed_before_the_read_after_it(
        pg, partitioned: bool, ddl: tuple[str, ...], undo: tuple[str, ...]) -> None:
    """Added right before the query, and removed again right after it (before the read after the query would see
    it): the removal needs the descendant's ``ACCESS EXCLUSIVE`` lock, which the query's own lock on it holds off
    until the run ends (a lock timeout shows it waits), so the read after the query sees the descendant."""
    import psycopg2.extensions

    mine, other, schema = pg
    _archive(other, schema, partitioned)
    done = rewrite(ARCHIVE_SQL, POLICY, "postgres", connection=mine)
    steps: list[str] = []

    def add_then_remove(sql: Any) -> None:
        if sql == done.sql and not steps:  # the query's statement is next
            _ddl(other, schema, ddl)
            steps.append("added")
        elif steps == ["added"]:  # the statement after the query: the read after it is next
            try:
                _ddl(other, schema, undo, timeout="300ms")
                steps.append("removed")
            except psycopg2.errors.LockNotAvailable:
                steps.append("waited")

    mine.cursor_factory = hooked_cursor(add_then_remove)
    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(mine, done, KEY)
    assert steps == ["added", "waited"]


@pytest.mark.postgres
def test_postgres_schemas_swapped_while_the_query_runs_and_back_refuse_its_rows(pg) -> None:
    """``ALTER SCHEMA ... RENAME`` takes no lock on the schema's tables: right before the query's statement another
    session swaps the held schema's name with one whose ``people`` has the columns swapped, and swaps them back
    right after it, before the read after the query. The query read the other table under the held name (the
    addresses raw under ``note``), and every catalog read by name saw the rewrite's catalog. The table the query
    read is one the run had not locked: its lock, the query's own, refuses the rows."""

    mine, other, schema = pg
    twin = f"{schema}_twin"
    with other.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {twin}")
        cur.execute(f"CREATE TABLE {twin}.people (id integer, note text, email text)")
        cur.execute(f"INSERT INTO {twin}.people SELECT id, email, note FROM {schema}.people")
    swap = (f"ALTER SCHEMA {schema} RENAME TO {schema}_away", f"ALTER SCHEMA {twin} RENAME TO {schema}",
            f"ALTER SCHEMA {schema}_away RENAME TO {twin}")
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    steps: list[str] = []

    def swap_around_the_query(sql: Any) -> None:
        if (sql == done.sql and not steps) or steps == ["swapped"]:  # before the query, and right after it
            _ddl(other, schema, swap, timeout="2s")
            steps.append("swapped")

    mine.cursor_factory = hooked_cursor(swap_around_the_query)
    try:
        with pytest.raises(RewriteRefused, match=REFUSED) as caught:
            run_masked(mine, done, KEY)
        assert steps == ["swapped", "swapped"] and leaks(str(caught.value)) == []
    finally:
        with other.cursor() as cur:
            cur.execute(f"DROP SCHEMA {twin} CASCADE")


@pytest.mark.postgres
def test_postgres_the_key_store_mark_written_after_the_rewrite_is_refused_at_run(pg) -> None:
    """The rewrite read ``people``'s schema unmarked; ``protect``'s mark (``COMMENT ON SCHEMA``) committed before
    the run is in the second read, and the run is refused (held on main too: the mark is one of the facts)."""
    from maskline.adapters.postgres import KEY_STORE_MARK

    mine, other, schema = pg
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    with other.cursor() as cur:
        cur.execute(f"COMMENT ON SCHEMA {schema} IS %s", (KEY_STORE_MARK,))
    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(mine, done, KEY)


@pytest.mark.postgres
def test_postgres_the_key_store_mark_written_while_the_query_runs_refuses_its_rows(pg) -> None:
    """``COMMENT ON SCHEMA`` locks no table: written right before the query's statement, the query ran on a table
    the catalog now says is a key store's. The read after the query refuses its rows."""

    from maskline.adapters.postgres import KEY_STORE_MARK

    mine, other, schema = pg
    done = rewrite(SQL, POLICY, "postgres", connection=mine)
    fired: list[str] = []

    def mark_before_the_query(sql: Any) -> None:
        if sql == done.sql and not fired:
            fired.append(sql)
            with other.cursor() as cur:
                cur.execute(f"COMMENT ON SCHEMA {schema} IS %s", (KEY_STORE_MARK,))

    mine.cursor_factory = hooked_cursor(mark_before_the_query)
    with pytest.raises(RewriteRefused, match=REFUSED):
        run_masked(mine, done, KEY)
    assert fired
