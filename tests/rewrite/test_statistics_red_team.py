"""Red team (round redteam10): the engines keep statistics of the raw columns, and the safe query path reads none.

DuckDB's ``stats(column)`` and ``SUMMARIZE`` give a column's least and greatest raw values whole (DuckDB 2.0), and
PostgreSQL's ``pg_stats`` keeps the raw values of an analysed column in ``histogram_bounds`` and
``most_common_vals``: the controls read them on the engines directly. Through ``rewrite`` + ``run_masked`` and
``maskline mcp`` (driven by the MCP SDK's client) each is refused by construction: ``stats`` is no function on the
allow-list (:mod:`maskline.rewrite.allowlist`), ``SUMMARIZE`` of a table is no SELECT, and a system catalog is no
data table. ``SUMMARIZE SELECT ...`` in FROM runs, over the masked relation: it summarizes masked values only.
Found nothing on main: these are regression tests with their controls.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import scratch_schema
from tests.rewrite.engines import run_masked
from tests.rewrite.pii_data import create_duckdb, create_postgres, find_leaks

RAW_LEAST_SSN = "078-05-1120"  # the least raw ssn of the seeded customers, as text
DUCKDB_STATISTICS = ("SELECT stats(ssn) AS s FROM customers",
                     "SELECT stats(s) AS st FROM (SELECT ssn AS s FROM customers) t",
                     "SUMMARIZE customers",
                     "SELECT * FROM (SUMMARIZE customers)")
POSTGRES_STATISTICS = ("SELECT histogram_bounds, most_common_vals FROM pg_stats WHERE attname = 'ssn'",
                       "SELECT * FROM pg_catalog.pg_stats",
                       "SELECT * FROM pg_catalog.pg_statistic",
                       "SELECT * FROM pg_stats_ext")


def _refused_without_a_value(sql: str, dialect: str, con: Any, policy: Any, needles: list[str]) -> None:
    """The query path refuses ``sql``, and its reason holds none of the table's values."""
    outcome = run_masked(sql, policy, dialect, con)
    assert outcome.refused is not None, outcome.sql
    assert not find_leaks([(outcome.refused,)], needles)


def test_control_duckdb_statistics_hold_raw_values(duck: Any) -> None:
    stats = duck.execute("SELECT stats(ssn) FROM customers LIMIT 1").fetchone()[0]
    summary = {r[0]: r for r in duck.execute("SUMMARIZE customers").fetchall()}
    assert RAW_LEAST_SSN in str(stats) and summary["ssn"][2] == RAW_LEAST_SSN


@pytest.mark.parametrize("sql", DUCKDB_STATISTICS)
def test_duckdb_statistics_are_refused_on_the_query_path(duck: Any, pii_policy: Any, needles: list[str],
                                                         sql: str) -> None:
    _refused_without_a_value(sql, "duckdb", duck, pii_policy, needles)


def test_summarize_of_a_query_in_from_is_refused(duck: Any, pii_policy: Any, needles: list[str]) -> None:
    """``SUMMARIZE SELECT ...`` in FROM is refused: DuckDB fills it with a query it writes itself, calling ``min``,
    ``max`` and quantiles by name through the connection's catalogs, so a macro of that name would run on raw rows
    (``tests/rewrite/test_echoes_and_catalog_casts_red_team.py`` shows the macro)."""
    _refused_without_a_value("SELECT * FROM (SUMMARIZE SELECT ssn FROM customers)", "duckdb", duck, pii_policy,
                             needles)


def test_duckdb_statistics_are_refused_through_the_mcp_client(tmp_path: Path, pii_policy: Any,
                                                               needles: list[str]) -> None:
    import anyio
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools

    path = tmp_path / "pii.duckdb"
    con = duckdb.connect(str(path))
    create_duckdb(con)
    con.close()
    server = build_server(MaskedTools(pii_policy, Database.from_uri(f"duckdb:///{path}"), lineage=False))
    results: list[Any] = []

    async def main() -> None:
        async with Client(server) as client:
            for sql in DUCKDB_STATISTICS:
                results.append(await client.call_tool("query", {"sql": sql}))

    anyio.run(main)
    assert [r.is_error for r in results] == [True] * len(DUCKDB_STATISTICS)
    assert not find_leaks([(str(r.content),) for r in results], needles)


@pytest.fixture()
def pg_analysed(pg_dsn: str) -> Iterator[Any]:
    """The seeded tables on a schema of their own, analysed (pg_stats holds their raw values)."""
    from maskline.sql.session import apply_key_setup
    from tests.rewrite.conftest import key_material

    with scratch_schema(pg_dsn, "stats") as (conn, schema), conn.cursor() as cur:
        create_postgres(cur, schema)
        apply_key_setup(cur, "postgres", key_material())
        cur.execute(f"ANALYZE {schema}.customers")
        yield conn


@pytest.mark.postgres
def test_control_postgres_statistics_hold_raw_values(pg_analysed: Any) -> None:
    with pg_analysed.cursor() as cur:
        cur.execute("SELECT histogram_bounds::text, most_common_vals::text FROM pg_stats "
                    "WHERE tablename = 'customers' AND attname = 'ssn' AND schemaname = current_schema()")
        bounds, common = cur.fetchone()
    assert RAW_LEAST_SSN in f"{bounds} {common}"


@pytest.mark.postgres
@pytest.mark.parametrize("sql", POSTGRES_STATISTICS)
def test_postgres_statistics_are_refused_on_the_query_path(pg_analysed: Any, pii_policy: Any, needles: list[str],
                                                           sql: str) -> None:
    _refused_without_a_value(sql, "postgres", pg_analysed, pii_policy, needles)
