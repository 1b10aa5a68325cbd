"""README's PostgreSQL walk: ``maskline protect``, then a login in its reader role runs ``maskline sql`` over its own
connection. The reader's catalog (``information_schema``) lists only what the role may read, so a raw table is "not
in the schema" to it; the fix said only "did you mean 'customers'? (or check the table's schema)", as for a typo. It
now names the role's rights and the masked views, which are what a reader reads. Real CLI, real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.cli.test_first_use import run_cli
from tests.pg_sessions import execute

pytestmark = pytest.mark.postgres

POLICY = ("version: 1\nkey: {env: MASKLINE_KEY, derivation: 2}\nunclassified: pass\ndatasets:\n  raw.customers:\n"
          "    columns:\n      email: {info_type: EMAIL}\n")


@pytest.fixture(scope="module")
def protected(pg_module_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    """The module's database protected by the CLI (reader role of its own), a login in that role, and the policy."""
    tag = uuid.uuid4().hex[:8]
    reader, login = f"ml_reader_{tag}", f"ml_alice_{tag}"
    policy = tmp_path_factory.mktemp("reader") / "policy.yml"
    policy.write_text(POLICY)
    execute(pg_module_dsn, "CREATE SCHEMA raw", "CREATE TABLE raw.customers (id integer, email text)",
            "INSERT INTO raw.customers VALUES (1, 'ann@example.com')")
    r = run_cli("protect", "--dsn", pg_module_dsn, "--policy", str(policy), "--schema", "raw", "--reader", reader)
    assert r.returncode == 0, r.stderr
    execute(pg_module_dsn, f"CREATE ROLE {login} LOGIN PASSWORD 'pw'", f"GRANT {reader} TO {login}")
    u = urlsplit(pg_module_dsn)
    try:
        yield pg_module_dsn, f"postgresql://{login}:pw@{u.hostname}:{u.port or 5432}{u.path}", policy
    finally:
        run_cli("protect", "--dsn", pg_module_dsn, "--policy", str(policy), "--drop")
        execute(pg_module_dsn, f"DROP OWNED BY {login} CASCADE", f"DROP ROLE {login}",
                f"DROP OWNED BY {reader} CASCADE", f"DROP ROLE {reader}")


def test_a_reader_asking_for_a_raw_table_is_told_of_its_rights_and_the_masked_views(protected) -> None:
    _, as_reader, policy = protected
    r = run_cli("sql", "--dialect", "postgres", "--policy", str(policy), "--schema-from", as_reader, "--query",
                "SELECT email FROM raw.customers")
    assert r.returncode == 3, r.stderr
    assert r.stderr.strip() == (
        "error: the table at line 1, column 19 is not in the schema (at FROM clause). Fix: did you mean "
        "'raw.customers'? (or check the table's schema, and that the connection's role may read the table: a reader "
        "role of `maskline protect` reads only its masked views)"), r.stderr
    assert "pw@" not in r.stderr


def test_the_reader_reads_the_masked_view_and_the_admin_gets_the_rewrite(protected) -> None:
    dsn, as_reader, policy = protected
    assert execute(as_reader, "SELECT email FROM maskline_masked.customers") == [("*****@example.com",)]
    r = run_cli("sql", "--dialect", "postgres", "--policy", str(policy), "--schema-from", dsn, "--query",
                "SELECT email FROM raw.customers")
    assert r.returncode == 0, r.stderr
    assert "strpos(email, '@')" in r.stdout
