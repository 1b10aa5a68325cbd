"""Fixtures of the rewrite tests: the PII policy, and one seeded DuckDB and PostgreSQL database per module."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import TEST_KEY, scratch_schema
from tests.rewrite.contract import Engine, masked_selects
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
    from maskline.sql.session import apply_key_setup

    with scratch_schema(pg_dsn, "rewrite") as (conn, schema), conn.cursor() as cur:
        create_postgres(cur, schema)
        apply_key_setup(cur, "postgres", _key())
        yield conn


def key_material() -> Any:
    from maskline.keys import KeyMaterial
    from tests.conftest import TEST_KEY

    return KeyMaterial(TEST_KEY.encode(), source="test")


@pytest.fixture(scope="module")
def duck_engine(pii_policy) -> Iterator[Engine]:
    import duckdb

    from maskline.sql.session import apply_key_setup

    raw = duckdb.connect()
    create_duckdb(raw)
    apply_key_setup(raw, "duckdb", key_material())
    raw.execute("CREATE SCHEMA m")
    for table, select in masked_selects(pii_policy, "duckdb").items():
        raw.execute(f"CREATE TABLE m.{table} AS {select}")
    masked = raw.cursor()  # the same database, with the masked copies' schema as its default
    masked.execute("SET schema = 'm'")
    yield Engine("duckdb", raw, masked)
    raw.close()
    masked.close()


@pytest.fixture(scope="module")
def pg_engine(pg_dsn: str, pii_policy) -> Iterator[Engine]:
    import psycopg2

    from maskline.sql.session import apply_key_setup

    schema = f"eq_{uuid.uuid4().hex[:8]}"
    raw = psycopg2.connect(pg_dsn)
    raw.autocommit = True
    with raw.cursor() as cur:
        create_postgres(cur, schema)
        apply_key_setup(cur, "postgres", key_material())
        cur.execute(f"CREATE SCHEMA {schema}_m")
        for table, select in masked_selects(pii_policy, "postgres").items():
            cur.execute(f"CREATE TABLE {schema}_m.{table} AS {select}")
    masked = psycopg2.connect(pg_dsn)
    with masked.cursor() as cur:
        cur.execute(f"SET search_path TO {schema}_m")
    masked.commit()
    yield Engine("postgres", raw, masked)
    masked.close()
    with raw.cursor() as cur:
        cur.execute(f"DROP SCHEMA {schema} CASCADE")
        cur.execute(f"DROP SCHEMA {schema}_m CASCADE")
    raw.close()
