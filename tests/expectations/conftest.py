"""Fixtures for the GX expectation tests: one GX import and context per worker, tables on every engine.

Great Expectations takes seconds to import, so it is imported once (session
fixture) and every test module reuses the same ephemeral context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import TEST_KEY
from tests.expectations import data

collect_ignore = ["dags"]  # DAG files for the dag.test() process, not test modules

ENGINES = ["pandas", "duckdb", pytest.param("postgres", marks=pytest.mark.postgres)]
FRAMES = ("raw", "masked", "broken")


@pytest.fixture(scope="session")
def gx_context() -> Any:
    from maskline.expectations import load_all
    from maskline.expectations.batches import ephemeral_context

    load_all()
    return ephemeral_context()


@pytest.fixture(scope="session")
def frames() -> dict[str, Any]:

    from maskline.keys import KeyMaterial

    key = KeyMaterial(TEST_KEY.encode(), source="test")
    from maskline.engine import mask_frame

    raw = data.raw_frame()
    masked = mask_frame(raw, data.POLICY, table="customers", key=key)
    broken = masked.copy()
    broken["email"] = raw["email"]
    return {"raw": raw, "masked": masked, "broken": broken}


@pytest.fixture(scope="session")
def duckdb_tables(frames: dict[str, Any]) -> Any:
    import duckdb

    con = duckdb.connect()
    for name, frame in frames.items():
        data.create_duckdb_table(con, f"customers_{name}", frame)
    yield con
    con.close()


@pytest.fixture(scope="session")
def pg_tables(pg_dsn: str, frames: dict[str, Any]) -> str:
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    for name, frame in frames.items():
        data.create_pg_table(conn, f"customers_{name}", frame)
    conn.close()
    return pg_dsn


@pytest.fixture()
def batch_for(request: pytest.FixtureRequest, gx_context: Any, frames: dict[str, Any]) -> Callable[[str, str], Any]:
    """``batch_for(engine, frame_name)``: a GX batch over that table on that engine."""
    from maskline.expectations.batches import duckdb_batch, pandas_batch, sql_batch

    def make(engine: str, frame: str) -> Any:
        if engine == "pandas":
            return pandas_batch(gx_context, frames[frame], asset="customers")
        if engine == "duckdb":
            con = request.getfixturevalue("duckdb_tables")
            return duckdb_batch(gx_context, con, f"customers_{frame}")
        dsn = request.getfixturevalue("pg_tables")
        return sql_batch(gx_context, dsn, f"customers_{frame}")

    return make
