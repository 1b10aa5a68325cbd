"""Red team (round redteam12): ``maskline protect`` over a view passed what the view read raw from a masked table.

A view stores no rows: it reads its tables raw, under any column names (``CREATE VIEW v AS SELECT id, email AS
notes FROM customers``). The policy's rules for ``customers.email`` cannot reach ``v.notes``, so the safe query path
decides a view's columns the policy does not name for it as masked, whatever ``unclassified`` says
(:func:`maskline.rewrite.schema_source.views_among`, round 5). ``protect`` decided them by ``unclassified`` alone:
under ``unclassified: pass`` the masked view of ``v`` returned every raw e-mail to the reader role, beside a
masked view of ``customers`` that redacted them. It now asks the same question of the catalog
(``PostgresAdapter.is_stored_table``, which also counts partitions and inheritance children as not vouched for by
their own name) and masks such a relation's unnamed columns.
"""

from __future__ import annotations

import pytest

from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.protect_database import scratch_database
from tests.rewrite.conftest import key_material

pytestmark = pytest.mark.postgres

EMAIL = "ann.quartermaine@x.example"
POLICY = {"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"method": "redact"}}},
                                                "v": {"columns": {"id": {"pass": True}}}}}


def _database(db) -> None:  # type: ignore[no-untyped-def]
    db.sql(f"CREATE TABLE {db.raw}.customers (id integer, email text, city text)")
    db.sql(f"INSERT INTO {db.raw}.customers VALUES (1, '{EMAIL}', 'Oslo')")
    db.sql(f"CREATE VIEW {db.raw}.v AS SELECT id, email AS notes, city FROM {db.raw}.customers")


def test_control_the_query_path_masks_what_the_view_renames(pg_dsn: str) -> None:
    import psycopg2

    with scratch_database(pg_dsn) as db:
        _database(db)
        conn = psycopg2.connect(pg_dsn, options=f"-c search_path={db.raw}")
        conn.autocommit = True
        try:
            rows = run_masked(conn, rewrite("SELECT id, notes FROM v", load_policy(POLICY), "postgres",
                                            connection=conn), key_material()).rows
        finally:
            conn.close()
        assert EMAIL not in str(rows)
        assert db.sql(f"SELECT notes FROM {db.raw}.v") == [(EMAIL,)]  # the raw value is there, outside maskline


def test_a_protected_view_masks_the_columns_the_policy_does_not_name_for_it(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _database(db)
        db.protect_with(load_policy(POLICY), ("customers", "v"))
        assert db.read_as_reader("SELECT email FROM {masked}.customers") == [("[REDACTED]",)]
        rows = db.read_as_reader("SELECT id, notes, city FROM {masked}.v")
        assert EMAIL not in str(rows)
        assert rows[0][0] == 1  # the policy's own entry for the view still decides what it names


def test_a_protected_table_keeps_unclassified_pass(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _database(db)
        db.protect_with(load_policy(POLICY), ("customers",))
        assert db.read_as_reader("SELECT city FROM {masked}.customers") == [("Oslo",)]
