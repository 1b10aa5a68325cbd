"""A PostgreSQL scratch database for `maskline protect` tests: a raw schema, the names protect is given, and
everything protect made dropped afterwards (its schemas, the reader role and a login granted it).

The red teams of the rewrite, the MCP server's PostgreSQL tests and the protect CLI's share it, so one set-up
and one tear-down of roles serves them all."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from maskline.keys import KeyMaterial
from maskline.policy import Policy, load_policy
from tests.conftest import TEST_KEY

KEY = KeyMaterial(TEST_KEY.encode(), source="test")
LOGIN_PASSWORD = "reader-pw"  # the login's password: tests check it never reaches an answer or a lineage event


@dataclass
class Database:
    """A raw schema whose types carry casts that record their argument, and the names protect is given."""

    admin: Any
    dsn: str
    raw: str
    masked: str
    private: str
    reader: str
    login: str

    def sql(self, statement: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self.admin.cursor() as cur:
            cur.execute(statement, args or None)  # no arguments: a % in the SQL is a %
            return cur.fetchall() if cur.description else []

    def spied(self) -> list[str]:
        return [r[0] for r in self.sql(f"SELECT v FROM {self.raw}.spy")]

    def protect(self, columns: dict[str, dict[str, Any]], tables: tuple[str, ...] = ("t",)) -> None:
        self.protect_with(load_policy({"unclassified": "pass", "datasets": {"t": {"columns": columns}}}), tables)

    def protect_with(self, policy: Policy, tables: tuple[str, ...]) -> None:
        """Run ``maskline protect`` over ``tables`` of the raw schema under a whole policy."""
        from maskline.adapters.postgres import protect

        protect(self.admin, policy, self.raw, tables, KEY, masked_schema=self.masked, reader=self.reader,
                private_schema=self.private)

    def login_dsn(self) -> str:
        """The URL a login role granted the reader role connects with (the role made on first use)."""
        if not self.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (self.login,)):
            self.sql(f"CREATE ROLE {self.login} LOGIN PASSWORD '{LOGIN_PASSWORD}' IN ROLE {self.reader}")
        url = urlsplit(self.dsn)
        return url._replace(netloc=f"{self.login}:{LOGIN_PASSWORD}@{url.hostname}:{url.port or 5432}").geturl()

    def read_as_reader(self, query: str) -> list[tuple[Any, ...]]:
        """Read the masked views as a login role granted the reader role, as a person or an agent would."""
        import psycopg2

        conn = psycopg2.connect(self.login_dsn())
        conn.autocommit = True  # what a function records while the reader reads stays recorded
        try:
            with conn.cursor() as cur:
                cur.execute(query.format(masked=self.masked))
                return cur.fetchall()
        finally:
            conn.close()

    def exists(self) -> dict[str, bool]:
        """What protect would have created: its two schemas and the reader role."""
        schemas = {r[0] for r in self.sql("SELECT nspname FROM pg_namespace")}
        role = bool(self.sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (self.reader,)))
        return {"masked schema": self.masked in schemas, "private schema": self.private in schemas, "role": role}


@contextmanager
def scratch_database(pg_dsn: str) -> Iterator[Database]:
    """A fresh, empty raw schema on ``pg_dsn`` and unique names for what protect creates; all of it dropped after."""
    import psycopg2

    from maskline.adapters.postgres import unprotect

    tag = uuid.uuid4().hex[:8]
    admin = psycopg2.connect(pg_dsn)
    admin.autocommit = True
    d = Database(admin, pg_dsn, f"raw_{tag}", f"masked_{tag}", f"private_{tag}", f"reader_{tag}", f"login_{tag}")
    d.sql(f"CREATE SCHEMA {d.raw}")
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
