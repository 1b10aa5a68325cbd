"""Red team (round redteam13): who owns, reads and writes ``maskline protect``'s key table on PostgreSQL.

``maskline protect`` keeps the key's salt and HMAC pads in ``<private schema>.key``, owner-only by design: its
``REVOKE ALL ... FROM PUBLIC`` removed PUBLIC's rights, but the table and schema were created under the admin role's
*default privileges* (``ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ...``, a DBA's usual set-up so that new
tables are readable), and a grant they make to a role is not PUBLIC's: the reader role, which protect grants USAGE on
the private schema, read the key table raw. A private schema another role created first (it owns it, and may read
or replace what protect puts there) and a key table some role may write (an attacker's key, which it can then
invert tokens with) were taken as they were. Protect now makes a new key store owner-only whatever the default
privileges grant, and refuses a store it does not own or that grants more than ``SELECT`` to a role other than the
reader (the dbt role of ``maskline_key_source: database``), naming the object and the fix.

The controls show the key IS readable where maskline is not in the path: the owner reads it, and so does a role the
owner grants SELECT explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg2
import pytest

from maskline.errors import MasklineError
from maskline.policy import load_policy
from tests.protect_database import scratch_database

pytestmark = pytest.mark.postgres

POLICY = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"method": "hash"}}}}})


def _table(db) -> None:  # type: ignore[no-untyped-def]
    db.sql(f"CREATE TABLE {db.raw}.t (id integer, email text)")
    db.sql(f"INSERT INTO {db.raw}.t VALUES (1, 'ann@x.example')")


def _reader_reads_key(db) -> bool:  # type: ignore[no-untyped-def]
    try:
        rows = db.read_as_reader(f"SELECT salt FROM {db.private}.key")
    except psycopg2.errors.InsufficientPrivilege:
        return False
    return bool(rows)


@contextmanager
def _other_role(db, suffix: str, options: str = "NOLOGIN") -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A role beside the reader for one test, dropped with whatever it was granted or owns."""
    role = f"{db.reader}_{suffix}"
    db.sql(f"CREATE ROLE {role} {options}")
    try:
        yield role
    finally:
        db.sql(f"DROP OWNED BY {role}")
        db.sql(f"DROP ROLE {role}")


def test_control_the_owner_reads_the_key_table(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _table(db)
        db.protect_with(POLICY, ("t",))
        assert db.sql(f"SELECT count(*) FROM {db.private}.key") == [(1,)]
        assert not _reader_reads_key(db)


def test_default_privileges_do_not_open_a_new_key_table_to_the_reader(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _table(db)
        db.sql(f"CREATE ROLE {db.reader} NOLOGIN")
        db.sql(f"ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE ON TABLES TO {db.reader}")
        db.sql(f"ALTER DEFAULT PRIVILEGES GRANT USAGE, CREATE ON SCHEMAS TO {db.reader}")
        try:
            db.protect_with(POLICY, ("t",))
            assert not _reader_reads_key(db)
            # the defaults still apply where maskline is not in the path (control)
            db.sql(f"CREATE TABLE {db.raw}.other (i integer)")
            db.sql(f"GRANT USAGE ON SCHEMA {db.raw} TO {db.reader}")
            assert db.read_as_reader(f"SELECT count(*) FROM {db.raw}.other") == [(0,)]
        finally:
            db.sql(f"ALTER DEFAULT PRIVILEGES REVOKE ALL ON TABLES FROM {db.reader}")
            db.sql(f"ALTER DEFAULT PRIVILEGES REVOKE ALL ON SCHEMAS FROM {db.reader}")


@pytest.mark.parametrize("grant", ["SELECT ON {private}.key TO {reader}", "UPDATE ON {private}.key TO {other}",
                                   "INSERT ON {private}.key TO {other}", "CREATE ON SCHEMA {private} TO {other}"])
def test_protect_refuses_a_key_store_that_grants_more(pg_dsn: str, grant: str) -> None:
    with scratch_database(pg_dsn) as db:
        _table(db)
        db.protect_with(POLICY, ("t",))
        with _other_role(db, "etl") as other:
            db.sql("GRANT " + grant.format(private=db.private, reader=db.reader, other=other))
            with pytest.raises(MasklineError) as caught:
                db.protect_with(POLICY, ("t",))
            assert db.private in caught.value.where and "REVOKE" in caught.value.fix


def test_protect_keeps_an_explicit_select_grant_for_dbt(pg_dsn: str) -> None:
    """The dbt role of ``maskline_key_source: database`` is granted SELECT by hand: protect runs on (control)."""
    with scratch_database(pg_dsn) as db:
        _table(db)
        db.protect_with(POLICY, ("t",))
        with _other_role(db, "dbt", "LOGIN PASSWORD 'dbt-pw'") as other:
            db.sql(f"GRANT USAGE ON SCHEMA {db.private} TO {other}")
            db.sql(f"GRANT SELECT ON {db.private}.key TO {other}")
            db.protect_with(POLICY, ("t",))
            conn = psycopg2.connect(db.dsn.replace("maskline:maskline@", f"{other}:dbt-pw@", 1))
            try:
                with conn.cursor() as cur:
                    cur.execute(f"SELECT count(*) FROM {db.private}.key")
                    assert cur.fetchall() == [(1,)]
            finally:
                conn.close()


def test_protect_refuses_a_private_schema_another_role_created(pg_dsn: str) -> None:
    with scratch_database(pg_dsn) as db:
        _table(db)
        squatter = f"{db.reader}_sq"
        db.sql(f"CREATE ROLE {squatter} NOLOGIN")
        dbname = db.dsn.rsplit("/", 1)[1]
        try:
            db.sql(f'GRANT CREATE ON DATABASE "{dbname}" TO {squatter}')
            db.sql(f"SET ROLE {squatter}")
            db.sql(f"CREATE SCHEMA {db.private}")
            db.sql(f"CREATE TABLE {db.private}.key (id integer PRIMARY KEY, salt bytea, ipad bytea, opad bytea)")
            db.sql("RESET ROLE")
            with pytest.raises(MasklineError) as caught:
                db.protect_with(POLICY, ("t",))
            assert db.private in caught.value.where and squatter in caught.value.what
            assert db.sql(f"SELECT count(*) FROM {db.private}.key") == [(0,)]
        finally:
            db.sql("RESET ROLE")
            db.sql(f"DROP SCHEMA IF EXISTS {db.private} CASCADE")
            db.sql(f'REVOKE CREATE ON DATABASE "{dbname}" FROM {squatter}')
            db.sql(f"DROP ROLE {squatter}")
