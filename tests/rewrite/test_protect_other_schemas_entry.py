"""`maskline protect` matches the policy's entries with the schema spelled out, as the query path does.

Before, protect looked a table up by its last name only: an entry for ``hr.everyone`` (a parent the policy names
alone, whose partitions are its own rows) was taken for ``raw.everyone``, a parent nobody described, so the reader
role's view of ``raw.everyone`` passed its named child's rows (e-mails) raw under ``unclassified: pass``; and an
entry ``hr.people`` whose ``email`` passes (``pass: true``) passed ``raw.people``'s e-mails. Real PostgreSQL.
The controls: the same entries spelled with the protected schema keep their rules.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from maskline.policy import load_policy

pytestmark = pytest.mark.postgres

EMAIL = "zebulon.quartermaine@quillfeather-mail.example"


@pytest.fixture()
def db(pg_dsn: str) -> Iterator[Any]:
    from tests.protect_database import scratch_database

    with scratch_database(pg_dsn) as d:
        d.sql(f"CREATE TABLE {d.raw}.everyone (id integer, email text, city text)")
        d.sql(f"CREATE TABLE {d.raw}.customers () INHERITS ({d.raw}.everyone)")
        d.sql(f"INSERT INTO {d.raw}.customers VALUES (1, '{EMAIL}', 'Springfield')")
        d.sql(f"CREATE TABLE {d.raw}.people (id integer, email text)")
        d.sql(f"INSERT INTO {d.raw}.people VALUES (1, '{EMAIL}')")
        yield d


def _protect(d: Any, schema: str, tables: tuple[str, ...], unclassified: str = "pass") -> None:
    from maskline.adapters.postgres import protect
    from tests.protect_database import KEY

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


def test_protect_without_tables_takes_no_other_schemas_entry_for_its_schema(db: Any) -> None:
    """``maskline protect`` without ``--tables`` protects the policy's datasets of ``--schema``; an entry of
    another schema (``hr.people``) is not one of them (it protected ``raw.people`` by ``hr.people``'s rules)."""
    from tests.cli.test_first_use import run_cli

    policy = Path(tempfile.mkdtemp()) / "policy.yml"
    policy.write_text("version: 1\ndatasets:\n  hr.people:\n    columns:\n      email: {pass: true}\n")
    names = ["--masked-schema", db.masked, "--reader", db.reader, "--private-schema", db.private]
    r = run_cli("protect", "--dsn", db.dsn, "--policy", str(policy), "--schema", db.raw, *names)
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert f"no tables of schema {db.raw} to protect" in r.stderr and "hr.people" in r.stderr
    assert not db.exists()["masked schema"]
    # the control: the same entry spelled with the protected schema is protected by its rules
    policy.write_text(f"version: 1\ndatasets:\n  {db.raw}.people:\n    columns:\n      email: {{pass: true}}\n"
                      "      id: {pass: true}\n")
    r = run_cli("protect", "--dsn", db.dsn, "--policy", str(policy), "--schema", db.raw, *names)
    assert r.returncode == 0, r.stderr
    assert db.read_as_reader("SELECT email FROM {masked}.people") == [(EMAIL,)]
