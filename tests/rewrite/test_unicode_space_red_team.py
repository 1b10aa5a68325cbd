"""Red team (round redteam10): on PostgreSQL, text holding a Unicode space failed the masking of its row.

PostgreSQL converts text to a number or a date only once a regular expression has vouched for its shape
(:meth:`maskline.dialects.postgres.Postgres.try_number` and ``try_date``), since a failed cast quotes the value. The
expressions allowed spaces around the value as ``\\s``, which PostgreSQL's regular expressions read as any Unicode
space (U+2003 EM SPACE, U+3000 IDEOGRAPHIC SPACE, U+205F...) while its casts skip only the six ASCII ones. An amount
written ``'\\u200337'`` passed the check and failed the cast: ``generalize: {bucket: N}`` of a text column and
``generalize: {to: day}`` of a text date raised for that row only. A row filter on an ordinary column (``WHERE id =
2``) turned the error into an answer about one row's raw text, through ``rewrite`` + ``run_masked`` (and ``maskline
mcp`` and the agent toolset, which run it), and a ``maskline protect`` view failed for its reader on that row; the
engine's error (in the server log) quoted the raw value.

The space around a value is now an allow-list, the characters the casts themselves skip (``[ \\t\\n\\r\\f\\v]``): a
value with any other space is no number or date, NULL, as other text is. The control runs the cast directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import scratch_schema

pytestmark = pytest.mark.postgres
# id -> (an amount as text, a date as text): a Unicode space before or after a number or an ISO date, the ASCII
# spaces the casts skip, and plain values
ROWS = {
    1: ("37", "2024-05-06"),
    2: ("\u200337", "\u20032024-05-06"),
    3: ("37\u3000", "\u30002024-05-06"),
    4: ("\u205f-5", "\u205f1985-07-21"),
    5: ("\t37\n", "\t2024-05-06"),
    6: (" 1e2 ", " 1985-07-21"),
    7: ("\u00a037", "\u00a02024-05-06"),
}
# A text amount's bucket is text, its digits (maskline.methods.generalize.bucket_text).
BUCKETS = {1: "30", 2: None, 3: None, 4: None, 5: "30", 6: "100", 7: None}
DAYS = {1: "2024-05-06", 2: None, 3: None, 4: None, 5: "2024-05-06", 6: "1985-07-21", 7: None}
POLICY = {"unclassified": "pass", "datasets": {"acct": {"columns": {
    "amount": {"method": {"method": "generalize", "bucket": 10}},
    "opened": {"method": {"method": "generalize", "to": "day"}}}}}}


@pytest.fixture()
def pg(pg_dsn: str) -> Iterator[Any]:
    with scratch_schema(pg_dsn, "uspace") as (conn, _), conn.cursor() as cur:
        cur.execute("CREATE TABLE acct (id integer, amount text, opened text)")
        for row, (amount, opened) in ROWS.items():
            cur.execute("INSERT INTO acct VALUES (%s, %s, %s)", (row, amount, opened))
        yield conn


def _answer(conn: Any, column: str, row: int) -> Any:
    """What the query path hands back for one row's column, the row picked by an ordinary column; an error is a
    string (the oracle)."""
    try:
        rows = run_masked(conn, rewrite(f"SELECT {column} FROM acct WHERE id = {row}", load_policy(POLICY),
                                        "postgres", connection=conn)).rows
    except MasklineError as e:
        return f"error: {type(e).__name__}"
    return rows[0][0]


def test_control_postgres_regex_space_is_wider_than_the_casts(pg: Any) -> None:
    import psycopg2

    with pg.cursor() as cur:
        cur.execute("SELECT %s ~ '^\\s*[0-9]+$'", ("\u200337",))
        assert cur.fetchone()[0] is True
        with pytest.raises(psycopg2.errors.InvalidTextRepresentation):
            cur.execute("SELECT CAST(%s AS double precision)", ("\u200337",))


@pytest.mark.parametrize("row", list(ROWS))
def test_every_text_amount_gets_its_bucket_or_null_never_an_error(pg: Any, row: int) -> None:
    assert _answer(pg, "amount", row) == BUCKETS[row]


@pytest.mark.parametrize("row", list(ROWS))
def test_every_text_date_gets_its_day_or_null_never_an_error(pg: Any, row: int) -> None:
    assert _answer(pg, "opened", row) == DAYS[row]


def test_a_protect_view_reads_every_row(pg_dsn: str) -> None:
    from tests.protect_database import scratch_database

    with scratch_database(pg_dsn) as d:
        d.sql(f"CREATE TABLE {d.raw}.acct (id integer, amount text, opened text)")
        for row, (amount, opened) in ROWS.items():
            d.sql(f"INSERT INTO {d.raw}.acct VALUES (%s, %s, %s)", (row, amount, opened))
        d.protect_with(load_policy(POLICY), ("acct",))
        got = d.read_as_reader("SELECT id, amount, opened::text FROM {masked}.acct ORDER BY id")
    assert got == [(row, BUCKETS[row], DAYS[row]) for row in ROWS]


def test_every_row_answers_through_the_mcp_client(pg_dsn: str) -> None:
    import anyio
    import psycopg2
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools

    table = f"acct_{uuid.uuid4().hex[:8]}"  # in the default schema, which the tools read
    policy = load_policy({"unclassified": "pass", "datasets": {table: POLICY["datasets"]["acct"]}})
    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE public.{table} (id integer, amount text, opened text)")
        for row, (amount, opened) in ROWS.items():
            cur.execute(f"INSERT INTO public.{table} VALUES (%s, %s, %s)", (row, amount, opened))
    server = build_server(MaskedTools(policy, Database.from_uri(pg_dsn), allow=[table], lineage=False))
    results: list[Any] = []

    async def main() -> None:
        async with Client(server) as client:
            for row in ROWS:
                results.append(await client.call_tool("query", {"sql": f"SELECT amount FROM {table} WHERE id = {row}"}))

    try:
        anyio.run(main)
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP TABLE public.{table}")
        conn.close()
    assert [r.is_error for r in results] == [False] * len(ROWS), [str(r.content)[:300] for r in results]
    assert [r.structured_content["rows"] for r in results] == [[[BUCKETS[row]]] for row in ROWS]
