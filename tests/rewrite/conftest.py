"""Fixtures of the rewrite tests: the PII policy, and one seeded DuckDB and PostgreSQL database per module."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import TEST_KEY
from tests.rewrite.pii_data import POLICY, create_duckdb, create_postgres, leak_needles


@pytest.fixture(scope="session")
def pii_policy():
    from maskline.policy import load_policy

    return load_policy(POLICY)


@pytest.fixture(scope="session")
def needles() -> list[str]:
    return leak_needles()


def _key():
    from maskline.keys import KeyMaterial

    return KeyMaterial(TEST_KEY.encode(), source="test")


@pytest.fixture(scope="module")
def duck() -> Iterator[Any]:
    """An in-memory DuckDB with the seeded tables and the masking key in its session."""
    import duckdb

    from maskline.sql.session import apply_key_setup

    con = duckdb.connect()
    create_duckdb(con)
    apply_key_setup(con, "duckdb", _key())
    yield con
    con.close()


@pytest.fixture(scope="module")
def pg(pg_dsn: str) -> Iterator[Any]:
    """A PostgreSQL connection on a schema of its own with the seeded tables and the key in its session."""
    import psycopg2

    from maskline.sql.session import apply_key_setup

    schema = f"rewrite_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        create_postgres(cur, schema)
        apply_key_setup(cur, "postgres", _key())
    yield conn
    with conn.cursor() as cur:
        cur.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    conn.close()
