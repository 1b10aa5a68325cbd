"""Shared fixtures: real PostgreSQL (started once per run by `make test`), keys, policies."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

TEST_KEY = "test-key-for-maskline-do-not-use-in-prod"


@pytest.fixture(autouse=True)
def _masking_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)


@pytest.fixture()
def key():
    from maskline.keys import KeyMaterial

    return KeyMaterial(TEST_KEY.encode(), source="test")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the one CSV reader (``maskline.engine.csv_read.open_csv``) opened; it still runs (a spy, not a
    stand-in)."""
    from maskline.engine import csv_read

    calls: list[Path] = []
    real = csv_read.open_csv

    def spy(con, path):  # type: ignore[no-untyped-def]
        calls.append(Path(path))
        return real(con, path)

    monkeypatch.setattr(csv_read, "open_csv", spy)
    return calls


@pytest.fixture(scope="session")
def pg_admin_dsn() -> str:
    dsn = os.environ.get("MASKLINE_PG_DSN")
    if not dsn:
        if os.environ.get("CI"):
            pytest.fail("MASKLINE_PG_DSN is not set: run the suite with `make test`, which starts PostgreSQL")
        pytest.skip("PostgreSQL not started (run `make test`)")
    return dsn


@contextmanager
def scratch(dsn: str, create: str, drop: str) -> Iterator[Any]:
    """An autocommit connection to ``dsn`` on which ``create`` ran first and ``drop`` runs last, however the block
    ends: the one shape of every scratch schema, database, table or role a test makes on PostgreSQL by hand.

    >>> # with scratch(pg_dsn, "CREATE TABLE t (i int)", "DROP TABLE t") as conn: conn.cursor().execute("...")
    """
    import psycopg2

    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(create)
        yield conn
    finally:
        try:
            with conn.cursor() as cur:
                cur.execute(drop)
        finally:
            conn.close()


@contextmanager
def scratch_schema(pg_dsn: str, prefix: str) -> Iterator[tuple[Any, str]]:
    """An autocommit connection whose default schema is a new ``<prefix>_<uuid>`` one, dropped CASCADE after.

    A module's tables live in it, so modules on the same worker never see each other's tables.

    >>> # with scratch_schema(pg_dsn, "stats") as (conn, schema): conn.cursor().execute("CREATE TABLE t (i int)")
    """
    schema = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with scratch(pg_dsn, f"CREATE SCHEMA {schema}; SET search_path TO {schema}",
                 f"DROP SCHEMA IF EXISTS {schema} CASCADE") as conn:
        yield conn, schema


@contextmanager
def fresh_database(admin_dsn: str) -> Iterator[str]:
    """A new, empty ``maskline_test_<uuid>`` database (``$MASKLINE_PG_DB_PREFIX_<uuid>`` when set) for as long as the block runs, dropped WITH (FORCE) after.

    A module that creates tables by fixed names (``customers``, ``people``) takes one of these rather than the
    worker's shared ``pg_dsn``: another module on the same worker may have left a table of that name behind.
    """
    # MASKLINE_PG_DB_PREFIX: the prefix of the databases a run makes, so runs sharing one server tell theirs apart
    name = f"{os.environ.get('MASKLINE_PG_DB_PREFIX', 'maskline_test')}_{uuid.uuid4().hex[:10]}"
    with scratch(admin_dsn, f'CREATE DATABASE "{name}"', f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'):
        yield admin_dsn.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_dsn(pg_admin_dsn: str) -> Iterator[str]:
    """A throwaway database for this test worker, dropped at the end (shared by every module on the worker)."""
    with fresh_database(pg_admin_dsn) as dsn:
        yield dsn


@pytest.fixture(scope="module")
def pg_module_dsn(pg_admin_dsn: str) -> Iterator[str]:
    """A throwaway database of this module's own, dropped when the module is done: for tables with fixed names."""
    with fresh_database(pg_admin_dsn) as dsn:
        yield dsn


@pytest.fixture()
def pg_conn(pg_dsn: str):
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def trino_url() -> str:
    """The Trino server `make test` starts once per run (scripts/trino.sh); in CI its absence is a failure."""
    url = os.environ.get("MASKLINE_TRINO_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("MASKLINE_TRINO_URL is not set: run the suite with `make test`, which starts Trino")
        pytest.skip("Trino not started (run `make test`, or export MASKLINE_TRINO_URL=$(scripts/trino.sh up))")
    return url


@pytest.fixture(scope="session")
def trino_schema(trino_url: str) -> Iterator[str]:
    """A throwaway schema in Trino's memory catalog for this test worker, dropped at the end."""
    from maskline.adapters.trino import connect

    name = f"maskline_test_{uuid.uuid4().hex[:10]}"
    conn = connect(trino_url, catalog="memory")
    cur = conn.cursor()
    cur.execute(f"CREATE SCHEMA memory.{name}")
    cur.fetchall()
    try:
        yield name
    finally:
        cur.execute(f"SELECT table_name FROM memory.information_schema.tables WHERE table_schema = '{name}'")
        for (table,) in cur.fetchall():
            cur.execute(f'DROP TABLE IF EXISTS memory.{name}."{table}"')
            cur.fetchall()
        cur.execute(f"DROP SCHEMA IF EXISTS memory.{name}")
        cur.fetchall()
        conn.close()


@pytest.fixture()
def trino_conn(trino_url: str, trino_schema: str):
    """A DB-API connection to Trino, on this worker's memory schema."""
    from maskline.adapters.trino import connect

    conn = connect(trino_url, catalog="memory", schema=trino_schema)
    yield conn
    conn.close()


@pytest.fixture(scope="session")
def spark():
    """One local Spark session per test process (tests that use it share the `spark` xdist group)."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    session = (pyspark_sql.SparkSession.builder.master("local[2]").appName("maskline-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g").config("spark.sql.session.timeZone", "Asia/Kolkata")
               .getOrCreate())
    yield session
    session.stop()


@pytest.hookimpl(trylast=True)  # after xdist's own suffixing, so a fixed xdist makes this a no-op
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each ``xdist_group`` on one worker, so its session fixtures are built once per run (tests/xdist_groups.py)."""
    from tests.xdist_groups import doctest_group, keep_groups_together

    for item in items:
        if group := doctest_group(item.nodeid):
            item.add_marker(pytest.mark.xdist_group(group))
    keep_groups_together(config, items)
