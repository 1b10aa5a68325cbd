"""Shared fixtures: real PostgreSQL (started once per run by `make test`), keys, policies."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

TEST_KEY = "test-key-for-maskline-do-not-use-in-prod"


@pytest.fixture(autouse=True)
def _masking_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)


@pytest.fixture()
def key():
    from maskline.keys import KeyMaterial

    return KeyMaterial(TEST_KEY.encode(), source="test")


@pytest.fixture(scope="session")
def pg_admin_dsn() -> str:
    dsn = os.environ.get("MASKLINE_PG_DSN")
    if not dsn:
        if os.environ.get("CI"):
            pytest.fail("MASKLINE_PG_DSN is not set: run the suite with `make test`, which starts PostgreSQL")
        pytest.skip("PostgreSQL not started (run `make test`)")
    return dsn


@pytest.fixture(scope="session")
def pg_dsn(pg_admin_dsn: str) -> Iterator[str]:
    """A throwaway database for this test worker, dropped at the end."""
    import psycopg2

    name = f"maskline_test_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(pg_admin_dsn)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    dsn = pg_admin_dsn.rsplit("/", 1)[0] + "/" + name
    try:
        yield dsn
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture()
def pg_conn(pg_dsn: str):
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    yield conn
    conn.close()
