"""`maskline protect` matches the policy's entries with the schema spelled out, as the query path does.

Before, protect looked a table up by its last name only: an entry for ``hr.everyone`` (a parent the policy names
alone, whose partitions are its own rows) was taken for ``raw.everyone``, a parent nobody described, so the reader
role's view of ``raw.everyone`` passed its named child's rows (e-mails) raw under ``unclassified: pass``; and an
entry ``hr.people`` whose ``email`` passes (``pass: true``) passed ``raw.people``'s e-mails. Real PostgreSQL.
The controls: the same entries spelled with the protected schema keep their rules.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.policy import load_policy

pytestmark = pytest.mark.postgres

EMAIL = "zebulon.quartermaine@quillfeather-mail.example"


@pytest.fixture()
def db(pg_dsn: str) -> Iterator[Any]:
    import psycopg2

    from maskline.adapters.postgres import unprotect
    from tests.rewrite.test_protect_column_types import Database

    tag = uuid.uuid4().hex[:8]
    admin = psycopg2.connect(pg_dsn)
    admin.autocommit = True
    d = Database(admin, pg_dsn, f"raw_{tag}", f"masked_{tag}", f"private_{tag}", f"reader_{tag}", f"login_{tag}")
    d.sql(f"CREATE SCHEMA {d.raw}")
    d.sql(f"CREATE TABLE {d.raw}.everyone (id integer, email text, city text)")
    d.sql(f"CREATE TABLE {d.raw}.customers () INHERITS ({d.raw}.everyone)")
    d.sql(f"INSERT INTO {d.raw}.customers VALUES (1, '{EMAIL}', 'Springfield')")
    d.sql(f"CREATE TABLE {d.raw}.people (id integer, email text)")
    d.sql(f"INSERT INTO {d.raw}.people VALUES (1, '{EMAIL}')")
    try:
        yield d
    finally:
        unprotect(admin, masked_schema=d.masked, private_schema=d.private)
        d.sql(f"DROP SCHEMA {d.raw} CASCADE")
        d.sql(f"DROP ROLE IF EXISTS {d.login}")
        if d.exists()["role"]:
            d.sql(f"DROP OWNED BY {d.reader}")
            d.sql(f"DROP ROLE {d.reader}")
        admin.close()


def _protect(d: Any, schema: str, tables: tuple[str, ...], unclassified: str = "pass") -> None:
    from maskline.adapters.postgres import protect
    from tests.rewrite.test_protect_column_types import KEY

    policy = load_policy({"unclassified": unclassified, "datasets": {
        f"{schema}.everyone": {"columns": {}},
        f"{schema}.people": {"columns": {"email": {"pass": True}}}}})
    protect(d.admin, policy, d.raw, tables, KEY, masked_schema=d.masked, reader=d.reader, private_schema=d.private)


def test_another_schemas_entry_for_a_parent_does_not_pass_its_childs_rows(db: Any) -> None:
    assert db.sql(f"SELECT email FROM {db.raw}.everyone") == [(EMAIL,)]  # control: the raw row, through the parent
    _protect(db, "hr", ("everyone",))
    rows = db.read_as_reader("SELECT email FROM {masked}.everyone")
    assert rows == [("[REDACTED]",)]


def test_another_schemas_entry_passes_no_column_of_this_schemas_table(db: Any) -> None:
    # fail closed (unclassified: mask): only an entry for raw.people could pass its e-mails
    _protect(db, "hr", ("people",), "mask")
    assert db.read_as_reader("SELECT email FROM {masked}.people") == [("[REDACTED]",)]


def test_control_a_parent_spelled_with_the_protected_schema_keeps_its_rules(db: Any) -> None:
    _protect(db, db.raw, ("everyone",))
    # the parent named alone: its child's rows are its own, unnamed email passing under unclassified: pass
    assert db.read_as_reader("SELECT email FROM {masked}.everyone") == [(EMAIL,)]


def test_control_the_entries_spelled_with_the_protected_schema_keep_their_rules(db: Any) -> None:
    _protect(db, db.raw, ("everyone", "people"), "mask")
    # the parent named alone: its child's rows are its own, decided by its entry (unnamed email: masked)
    assert db.read_as_reader("SELECT email FROM {masked}.everyone") == [("[REDACTED]",)]
    assert db.read_as_reader("SELECT email FROM {masked}.people") == [(EMAIL,)]
