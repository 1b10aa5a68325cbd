"""Red team (round redteam13): ``maskline protect`` against a table altered by another session while it runs.

Protect reads the table's columns and kind from the catalog, decides each column's mask, then creates the view. Its
catalog reads took no lock on the table, so a migration that committed between them and ``CREATE VIEW`` changed
what the decision was about: here ``t`` was a table when protect read it (``notes`` is its own column, passed under
``unclassified: pass``) and a view reading ``customers.email AS notes`` when the masked view was bound (a view's
unnamed columns are masked, round redteam12), and the reader got every raw e-mail. Protect now takes ``ACCESS SHARE`` on each table before it reads the table's columns, so the catalog it
decides from is the one the view binds to (a concurrent ``ALTER TABLE`` waits for protect's commit, or protect
waits for it and reads its result). The view lists its columns by name, never ``*``: a column added later is not
in it (control below).
"""

from __future__ import annotations

import threading
import time

import psycopg2
import pytest

from maskline.policy import load_policy
from tests.protect_database import scratch_database

pytestmark = pytest.mark.postgres

EMAIL = "ann.quartermaine@x.example"
POLICY = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"method": "redact"}}},
                                                            "customers": {"columns": {"email": {"method": "redact"}}}}})


def _table(db) -> None:  # type: ignore[no-untyped-def]
    db.sql(f"CREATE TABLE {db.raw}.customers (id integer, email text)")
    db.sql(f"INSERT INTO {db.raw}.customers VALUES (1, '{EMAIL}')")
    db.sql(f"CREATE TABLE {db.raw}.t (id integer, email text, notes text)")
    db.sql(f"INSERT INTO {db.raw}.t VALUES (1, 'ann@x.example', 'likes tea')")


def _waiting(monitor, pid: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a session other than the migration's waits for a lock (the admin connection is protect's)."""
    with monitor.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_locks WHERE NOT granted AND pid <> %s", (pid,))
        return cur.fetchone() is not None


def test_a_table_replaced_by_a_view_while_protect_runs_does_not_pass_a_raw_column(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _table(db)
        migration, monitor = psycopg2.connect(pg_dsn), psycopg2.connect(pg_dsn)
        monitor.autocommit = True
        try:
            with migration.cursor() as cur:  # one open transaction: the renames hold the table's lock
                cur.execute(f"DROP TABLE {db.raw}.t")  # t becomes a view that reads customers under other names
                cur.execute(f"CREATE VIEW {db.raw}.t AS SELECT id, 'n/a'::text AS email, email AS notes "
                            f"FROM {db.raw}.customers")
                cur.execute("SELECT pg_backend_pid()")
                pid = cur.fetchone()[0]
            failed: list[BaseException] = []

            def run() -> None:
                try:
                    db.protect_with(POLICY, ("t",))
                except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                    failed.append(exc)

            worker = threading.Thread(target=run)
            worker.start()
            deadline = time.monotonic() + 20
            while not _waiting(monitor, pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _waiting(monitor, pid), "protect never waited for the migration's lock"
            migration.commit()
            worker.join(30)
        finally:
            migration.close()
            monitor.close()
        assert not failed
        rows = db.read_as_reader("SELECT id, email, notes FROM {masked}.t")
        assert EMAIL not in str(rows), rows
        assert rows[0][1] == "[REDACTED]"  # and the view's unnamed columns masked, as for a view protect reads whole


def test_control_a_column_added_after_protect_is_not_in_the_view(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _table(db)
        db.protect_with(POLICY, ("t",))
        db.sql(f"ALTER TABLE {db.raw}.t ADD COLUMN phone text DEFAULT '+44 20 7946 0958'")
        cols = [r[0] for r in db.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                                     "AND table_name = 't' ORDER BY ordinal_position", (db.masked,))]
        assert cols == ["id", "email", "notes"]
        assert db.sql(f"SELECT phone FROM {db.raw}.t") == [("+44 20 7946 0958",)]  # raw outside maskline
