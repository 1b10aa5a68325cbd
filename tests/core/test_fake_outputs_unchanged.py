"""``fake``'s SQL gives, on DuckDB and PostgreSQL, the outputs recorded from its SQL before the digest was bound
once per column (:mod:`tests.core.fake_outputs`): every kind, both key derivations, text, integers, doubles
(``0.1``, ``1e300``, ``-0.0``, NaN, infinities, subnormals) and dates, with NULLs and values that force re-draws.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from tests.core.fake_outputs import TYPES, load, run


@pytest.fixture(scope="module")
def recorded() -> dict[str, Any]:
    return load()


@pytest.mark.parametrize("t", sorted(TYPES))
def test_fake_outputs_on_duckdb_are_the_recorded_ones(recorded: dict[str, Any], t: str) -> None:
    con = duckdb.connect()
    try:
        assert run("duckdb", con, t, recorded[t]["inputs"]) == recorded[t]["outputs"]
    finally:
        con.close()


@pytest.mark.parametrize("t", sorted(TYPES))
def test_fake_outputs_on_postgres_are_the_recorded_ones(recorded: dict[str, Any], t: str, pg_admin_dsn: str) -> None:
    import psycopg2

    con = psycopg2.connect(pg_admin_dsn)
    con.autocommit = True
    try:
        assert run("postgres", con, t, recorded[t]["inputs"]) == recorded[t]["outputs"]
    finally:
        con.close()
