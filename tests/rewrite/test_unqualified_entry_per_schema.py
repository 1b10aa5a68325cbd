"""An unqualified policy entry keeps naming the table of the session's own schema: per-schema setups work unqualified.

The other side of ``test_unqualified_entry_search_path_red_team.py``: a module (or a dbt dev schema) working in a
schema of its own, its ``search_path`` set to it, beside a ``public`` (DuckDB: ``main``) namesake from another
module, reads its own tables under its unqualified entries, on real PostgreSQL (a login role with its own path) and
DuckDB. Only a relation that stores no rows of its own (a view) chosen by the path over a default-schema namesake is
refused (``maskline.rewrite.api._refuse_moved_entries``); a view with no namesake, or one the policy names with its
schema, runs. Two broken variants show the tests are not trivially true: without the namesake fact the look-alike
passes the raw SSN, and a check that refused every namesake (redteam20's, taken out) refuses the per-schema setup.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from maskline.errors import MasklineError
from maskline.keys import KeyMaterial
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

SSN, OWN_SSN = "219-09-9999", "078-05-1120"
POLICY = {"unclassified": "pass", "datasets": {"customers": {"columns": {
    "ssn": {"info_type": "US_SSN", "method": "redact"}, "note": {"pass": True}}},
    "recent": {"columns": {"note": {"pass": True}}}}}
KEY = KeyMaterial(b"k" * 32, source="test")


@pytest.fixture()
def own_database(pg_admin_dsn: str) -> Iterator[str]:
    """A database of this test's own: its tables have fixed names (``customers``)."""
    from tests.conftest import fresh_database

    with fresh_database(pg_admin_dsn) as dsn:
        yield dsn


def _outcome(sql: str, dialect: str, con: Any, policy: dict[str, Any] = POLICY) -> str | list[tuple[Any, ...]]:
    try:
        return run_masked(con, rewrite(sql, load_policy(policy), dialect, connection=con), KEY).rows
    except MasklineError as e:
        return str(e)


def _duckdb_per_schema() -> Any:
    """main.customers (another module's, raw SSN) beside sales.customers (this module's), the session in sales."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE TABLE main.customers AS SELECT 1 AS id, '{SSN}' AS ssn, 'n' AS note")
    con.execute("CREATE SCHEMA sales")
    con.execute(f"CREATE TABLE sales.customers AS SELECT 2 AS id, '{OWN_SSN}' AS ssn, 'ok' AS note")
    con.execute("CREATE VIEW sales.recent AS SELECT id, note FROM sales.customers")
    con.execute("SET schema = 'sales'")
    return con


def test_a_schema_of_its_own_beside_a_default_namesake_reads_its_tables_under_unqualified_entries() -> None:
    con = _duckdb_per_schema()
    assert _outcome("SELECT id, ssn, note FROM customers", "duckdb", con) == [(2, "[US_SSN]", "ok")]
    assert _outcome("SELECT id, ssn, note FROM sales.customers", "duckdb", con) == [(2, "[US_SSN]", "ok")]
    # a view of the module's own, with no namesake in main: nothing to choose between, it runs
    assert _outcome("SELECT note FROM recent", "duckdb", con) == [("ok",)]


def test_a_view_the_policy_names_with_its_schema_has_its_own_entry() -> None:
    import duckdb

    con = duckdb.connect()
    con.execute(f"CREATE TABLE main.customers AS SELECT 1 AS id, '{SSN}' AS ssn, 'n' AS note")
    con.execute("CREATE SCHEMA look")
    con.execute("CREATE VIEW look.customers AS SELECT id, ssn AS note, 'none' AS ssn FROM main.customers")
    con.execute("SET schema = 'look'")
    policy = {"unclassified": "pass", "datasets": {"look.customers": {"columns": {"note": {"method": "redact"}}}}}
    assert _outcome("SELECT note FROM customers", "duckdb", con, policy) == [("[REDACTED]",)]


def test_without_the_namesake_fact_the_look_alike_passes_the_raw_ssn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Broken variant: the catalog read without the namesake column (as before this fix) lets the path move the
    entry's ``pass: true`` onto the SSN, so the red-team tests' refusal is this fact's doing."""
    import duckdb

    from maskline.adapters.duckdb import DuckDBAdapter

    real = DuckDBAdapter.catalog_facts

    def blind(self: Any, cursor: Any, relations: Any, described: Any) -> Any:
        return dataclasses.replace(real(self, cursor, relations, described), default_namesake=())

    monkeypatch.setattr(DuckDBAdapter, "catalog_facts", blind)
    con = duckdb.connect()
    con.execute(f"CREATE TABLE main.customers AS SELECT 1 AS id, '{SSN}' AS ssn, 'n' AS note")
    con.execute("CREATE SCHEMA look")
    con.execute("CREATE VIEW look.customers AS SELECT id, ssn AS note, 'none' AS ssn FROM main.customers")
    con.execute("SET schema = 'look'")
    assert _outcome("SELECT note FROM customers", "duckdb", con) == [(SSN,)]


def test_a_check_that_refused_every_namesake_would_refuse_the_per_schema_setup(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Broken variant: counting every relation as a view (redteam20's rule: any namesake is refused) refuses the
    module's own table, so the per-schema test above tells the storage condition from its absence."""
    from maskline.adapters.duckdb import DuckDBAdapter

    real = DuckDBAdapter.catalog_facts

    def nothing_stored(self: Any, cursor: Any, relations: Any, described: Any) -> Any:
        facts = real(self, cursor, relations, described)
        return dataclasses.replace(facts, stored=(False,) * len(facts.stored))

    monkeypatch.setattr(DuckDBAdapter, "catalog_facts", nothing_stored)
    out = _outcome("SELECT id, ssn, note FROM customers", "duckdb", _duckdb_per_schema())
    assert isinstance(out, str) and "resolves through the session's search_path to sales.customers" in out, out


@pytest.mark.postgres
def test_a_roles_schema_of_its_own_beside_a_public_namesake_reads_its_tables_on_postgres(own_database: str) -> None:
    import psycopg2

    from tests.pg_sessions import execute

    login = f"ml_path_{uuid.uuid4().hex[:8]}"
    database = urlsplit(own_database).path.lstrip("/")
    execute(own_database, "CREATE TABLE public.customers (id integer, ssn text, note text)",
            f"INSERT INTO public.customers VALUES (1, '{SSN}', 'n')", "CREATE SCHEMA sales",
            "CREATE TABLE sales.customers (id integer, ssn text, note text)",
            f"INSERT INTO sales.customers VALUES (2, '{OWN_SSN}', 'ok')",
            "CREATE VIEW sales.recent AS SELECT id, note FROM sales.customers",
            f"CREATE ROLE {login} LOGIN PASSWORD 'pw'", f"GRANT USAGE ON SCHEMA sales TO {login}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA public, sales TO {login}",
            f'ALTER ROLE {login} IN DATABASE "{database}" SET search_path = sales, public')
    u = urlsplit(own_database)
    con = psycopg2.connect(f"postgresql://{login}:pw@{u.hostname}:{u.port or 5432}{u.path}")
    try:
        assert _outcome("SELECT id, ssn, note FROM customers", "postgres", con) == [(2, "[US_SSN]", "ok")]
        assert _outcome("SELECT note FROM recent", "postgres", con) == [("ok",)]
    finally:
        con.close()
        execute(own_database, f"DROP OWNED BY {login} CASCADE", f"DROP ROLE {login}")


@pytest.mark.postgres
def test_a_namesake_the_role_cannot_read_still_makes_the_view_ambiguous_on_postgres(own_database: str) -> None:
    """The look-alike's owner reads ``public.customers``; the login role may not (information_schema hides it from
    the role). The namesake is read from ``pg_class``, which lists it to every role: the view is refused."""
    import psycopg2

    from tests.pg_sessions import execute

    login = f"ml_path_{uuid.uuid4().hex[:8]}"
    database = urlsplit(own_database).path.lstrip("/")
    execute(own_database, "CREATE TABLE public.customers (id integer, ssn text, note text)",
            f"INSERT INTO public.customers VALUES (1, '{SSN}', 'n')", "CREATE SCHEMA look",
            "CREATE VIEW look.customers AS SELECT id, ssn AS note, 'none' AS ssn FROM public.customers",
            f"CREATE ROLE {login} LOGIN PASSWORD 'pw'", f"GRANT USAGE ON SCHEMA look TO {login}",
            f"GRANT SELECT ON look.customers TO {login}",
            f'ALTER ROLE {login} IN DATABASE "{database}" SET search_path = look, public')
    u = urlsplit(own_database)
    con = psycopg2.connect(f"postgresql://{login}:pw@{u.hostname}:{u.port or 5432}{u.path}")
    try:
        out = _outcome("SELECT note FROM customers", "postgres", con)
        assert isinstance(out, str) and SSN not in out, out
        assert "to look.customers, a relation that stores no rows of its own (a view), while public.customers " \
               "exists too" in out, out
    finally:
        con.close()
        execute(own_database, f"DROP OWNED BY {login} CASCADE", f"DROP ROLE {login}")
