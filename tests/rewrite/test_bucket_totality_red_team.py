"""Red team (round redteam9): ``generalize: {bucket: N}`` failed on some raw values, and a failure is an oracle.

On an integer or decimal column the bucket is computed exactly and given back in the column's own type. The floor
of a value near the type's least value (``SMALLINT -32768`` by 10 is ``-32770``), and of every negative value when
the bucket is wider than the type (``DECIMAL(6,2)`` by 100000), is no value of that type: the engine raised an
out-of-range error for that row only. A row filter on an ordinary column (``WHERE id = 2``) then asked, one row at a
time, whether the raw value was negative or near the type's floor, and the engine answered with an error or rows.
The answer is about the raw value, not the masked one: the query path must answer every row alike.

Now the bucket is total: a value whose bucket the column's type cannot hold is masked to NULL, as a text date with
no date in it is; every other value keeps its exact bucket in its type. The attacks run through the Python API
(``rewrite`` + ``run_masked``) and through ``maskline mcp`` driven by the MCP SDK's client, on DuckDB and
PostgreSQL; the controls run the same bucket arithmetic directly on the engine and see it fail for those rows only.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from maskline.errors import MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import scratch_schema

# id -> the raw value of every column (the type's least value, an ordinary negative, a positive)
DUCKDB_TYPES = {"tiny": "TINYINT", "small": "SMALLINT", "big": "BIGINT", "bal": "DECIMAL(6,2)"}
DUCKDB_ROWS = {1: ("-128", "-32768", "-9223372036854775808", "-9999.99"), 2: ("-5", "-5", "-5", "-5.5"),
               3: ("99", "99", "99", "99.5")}
POSTGRES_TYPES = {"small": "smallint", "norm": "integer", "big": "bigint"}
POSTGRES_ROWS = {1: ("-32768", "-2147483648", "-9223372036854775808"), 2: ("-5", "-5", "-5"), 3: ("99", "99", "99")}
WIDTHS = (10, 100, 100000)


def _policy(columns: dict[str, str], width: int) -> Any:
    return load_policy({"unclassified": "pass", "datasets": {"acct": {"columns": {
        c: {"info_type": "BANK_ACCOUNT", "method": {"method": "generalize", "bucket": width}} for c in columns}}}})


def _expected(raw: str, width: int, lowest: Decimal) -> Decimal | None:
    """The bucket of ``raw`` when the type (least value ``lowest``) holds it, else None (masked to NULL)."""
    value = Decimal(raw)
    floored = (value // width) * width if value >= 0 or value % width == 0 else ((value // width) - 1) * width
    return floored if floored >= lowest else None


def _answers(con: Any, dialect: str, columns: dict[str, str], width: int, row: int) -> list[Any]:
    """What the API hands back for each column of one row, the row picked by an ordinary column; an error is a
    string (the oracle)."""
    out: list[Any] = []
    for column in columns:
        sql = f"SELECT {column} FROM acct WHERE id = {row}"
        try:
            rows = run_masked(con, rewrite(sql, _policy(columns, width), dialect, connection=con)).rows
        except MasklineError as e:
            out.append(f"error: {type(e).__name__}")
            continue
        out.append(None if rows[0][0] is None else Decimal(str(rows[0][0])))
    return out


DUCKDB_LOWEST = {"tiny": Decimal(-128), "small": Decimal(-32768), "big": Decimal(-2**63), "bal": Decimal("-9999.99")}
POSTGRES_LOWEST = {"small": Decimal(-32768), "norm": Decimal(-2**31), "big": Decimal(-2**63)}


def _duckdb(path: Path | None = None) -> Any:
    con = duckdb.connect(str(path) if path else ":memory:")
    con.execute("CREATE TABLE acct (id INTEGER, " + ", ".join(f"{c} {t}" for c, t in DUCKDB_TYPES.items()) + ")")
    for row, values in DUCKDB_ROWS.items():
        con.execute(f"INSERT INTO acct VALUES ({row}, {', '.join(values)})")
    return con


@pytest.mark.parametrize("width", WIDTHS)
def test_every_row_gets_its_bucket_or_null_never_an_error_on_duckdb(width: int) -> None:
    con = _duckdb()
    for row, raw in DUCKDB_ROWS.items():
        got = _answers(con, "duckdb", DUCKDB_TYPES, width, row)
        assert got == [_expected(v, width, DUCKDB_LOWEST[c]) for c, v in zip(DUCKDB_TYPES, raw, strict=True)], row


def test_control_the_bucket_in_the_columns_type_fails_for_those_rows_only_on_duckdb() -> None:
    """Control: the engine's own arithmetic fails on the type's least value, and on a negative value when the bucket
    is wider than the type, and not on the other rows: the oracle the masked path must not hand out."""
    con = _duckdb()

    def fails(sql: str) -> bool:
        try:
            con.execute(sql).fetchall()
        except duckdb.Error:
            return True
        return False

    floor = "CAST({c} - MOD(MOD({c}, {w}) + {w}, {w}) AS {t}) FROM acct WHERE id = {row}"
    assert fails("SELECT " + floor.format(c="small", w=10, t="SMALLINT", row=1))
    assert not fails("SELECT " + floor.format(c="small", w=10, t="SMALLINT", row=2))
    assert fails("SELECT " + floor.format(c="bal", w=100000, t="DECIMAL(6,2)", row=2))
    assert not fails("SELECT " + floor.format(c="bal", w=100000, t="DECIMAL(6,2)", row=3))


def test_the_bucket_oracle_is_closed_through_the_mcp_client(tmp_path: Path) -> None:
    import anyio
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools

    path = tmp_path / "acct.duckdb"
    _duckdb(path).close()
    server = build_server(MaskedTools(_policy(DUCKDB_TYPES, 100000), Database.from_uri(f"duckdb:///{path}"),
                                      lineage=False))
    results: list[Any] = []

    async def main() -> None:
        async with Client(server) as client:
            for row in DUCKDB_ROWS:
                sql = f"SELECT small, bal FROM acct WHERE id = {row}"
                results.append(await client.call_tool("query", {"sql": sql}))

    anyio.run(main)
    # Every row is answered alike: rows, never an error for some rows only (the negative ones).
    assert [r.is_error for r in results] == [False, False, False]
    assert [r.structured_content["rows"] for r in results] == [[[None, None]], [[None, None]], [[0, "0.00"]]]


@pytest.fixture()
def pg(pg_dsn: str) -> Iterator[Any]:
    with scratch_schema(pg_dsn, "bucket") as (conn, _), conn.cursor() as cur:
        cur.execute("CREATE TABLE acct (id integer, " + ", ".join(f"{c} {t}" for c, t in POSTGRES_TYPES.items())
                    + ")")
        for row, values in POSTGRES_ROWS.items():
            cur.execute(f"INSERT INTO acct VALUES ({row}, {', '.join(values)})")
        yield conn


@pytest.mark.postgres
@pytest.mark.parametrize("width", WIDTHS)
def test_every_row_gets_its_bucket_or_null_never_an_error_on_postgres(pg: Any, width: int) -> None:
    for row, raw in POSTGRES_ROWS.items():
        got = _answers(pg, "postgres", POSTGRES_TYPES, width, row)
        assert got == [_expected(v, width, POSTGRES_LOWEST[c]) for c, v in zip(POSTGRES_TYPES, raw, strict=True)], row


@pytest.mark.postgres
def test_control_the_bucket_in_the_columns_type_fails_for_those_rows_only_on_postgres(pg: Any) -> None:
    import psycopg2

    def fails(sql: str) -> bool:
        try:
            with pg.cursor() as cur:
                cur.execute(sql)
                cur.fetchall()
        except psycopg2.Error:
            return True
        return False

    floor = "SELECT CAST({c} - MOD(MOD({c}, {w}) + {w}, {w}) AS {t}) FROM acct WHERE id = {row}"
    assert fails(floor.format(c="big", w=10, t="bigint", row=1))
    assert not fails(floor.format(c="big", w=10, t="bigint", row=2))
    assert fails(floor.format(c="small", w=100000, t="smallint", row=2))
    assert not fails(floor.format(c="small", w=100000, t="smallint", row=3))
