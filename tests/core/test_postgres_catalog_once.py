"""The PostgreSQL printer writes a volatile operand once (:mod:`maskline.dialects.postgres_catalog`).

Its pinned forms of ``IS [NOT] DISTINCT FROM``, ``CASE x WHEN``, ``BETWEEN [SYMMETRIC]`` and ``NULLIF`` write an
operand more than once; a ``nextval`` operand copied would be drawn once per copy, where PostgreSQL draws it once
(``BETWEEN`` excepted: PostgreSQL itself copies its operands). Each query here is run as written
(PostgreSQL's own reading, the control) and as printed, from a fresh sequence each time: the values returned and
the sequence values consumed must agree, or the printed SQL must be refused when read back.
"""

from __future__ import annotations

import sqlglot

from maskline.dialects.postgres_catalog import DIALECT
from maskline.dialects.postgres_readback import unpinned_calls

# b * 0 makes each operand name a column of the row, so the bound subquery is run per row (as the operand is).
BOUND = [
    "nextval('s') + b * 0 IS DISTINCT FROM 2",
    "nextval('s') + b * 0 IS NOT DISTINCT FROM b + 1",
    "nextval('s') + b * 0 IS DISTINCT FROM NULL",  # = gives NULL: the num_nulls of both NULLs draws again
    "NULLIF(b, 2) IS NOT DISTINCT FROM nextval('s') + b * 0",
    "CASE nextval('s') % 3 + b * 0 WHEN 0 THEN 'zero' WHEN 1 THEN 'one' WHEN 2 THEN 'two' END",
    "NULLIF(nextval('s') + b * 0, 2)",
]

# PostgreSQL's own reading copies BETWEEN's operands (a >= x AND a <= y), a volatile one drawn per copy: the printed
# copies must draw alike, with or without a column of the row.
COPIED = [
    "nextval('s') + b * 0 BETWEEN 2 AND 3",
    "nextval('s') BETWEEN SYMMETRIC 7 AND 2",
    "b BETWEEN SYMMETRIC nextval('s') AND 2",
]

# No column of the row (a subquery of its own would be run once per query) or an aggregate (count(*) would count
# the subquery's one row): printed as written, which the read-back refuses.
REFUSED = [
    "nextval('s') IS DISTINCT FROM 2",
    "CASE nextval('s') % 3 WHEN 0 THEN 'zero' WHEN 1 THEN 'one' END",
    "NULLIF(count(*) + nextval('s'), 2)",
]


def _run(cur: object, sql: str) -> tuple[list[str], int]:
    """The rows of ``sql`` over four rows, from a fresh sequence, and the sequence's last value after it."""
    cur.execute("DROP SEQUENCE IF EXISTS pg_temp.s; CREATE TEMP SEQUENCE s")  # type: ignore[attr-defined]
    cur.execute(sql)  # type: ignore[attr-defined]
    rows = [repr(r) for r in cur.fetchall()]  # type: ignore[attr-defined]
    cur.execute("SELECT last_value FROM pg_temp.s")  # type: ignore[attr-defined]
    return rows, cur.fetchone()[0]  # type: ignore[attr-defined]


def test_a_volatile_operand_is_evaluated_once_per_row_as_written(pg_dsn: str) -> None:
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TEMP TABLE t_once (id int, b int); "
                        "INSERT INTO t_once VALUES (1, 1), (2, 2), (3, 3), (4, 4)")
            differs = {}
            for expression in BOUND + COPIED:
                sql = f"SELECT id, ({expression}) FROM t_once ORDER BY id"
                printed = sqlglot.transpile(sql, read=DIALECT, write=DIALECT)[0]
                assert unpinned_calls(printed) == (), expression
                if _run(cur, printed) != _run(cur, sql):
                    differs[expression] = printed
            # an aggregate of the row's columns, bound: still the query's aggregate (PostgreSQL places it by its
            # columns), not one over the subquery's one row
            sql = "SELECT CASE max(initcap(pg_catalog.chr(64 + b))) WHEN 'D' THEN 'd' WHEN 'A' THEN 'a' END FROM t_once"
            printed = sqlglot.transpile(sql, read=DIALECT, write=DIALECT)[0]
            assert "maskline_pg_once" in printed and unpinned_calls(printed) == ()
            if _run(cur, printed) != _run(cur, sql):
                differs[sql] = printed
            assert differs == {}
    finally:
        conn.rollback()
        conn.close()


def test_an_operand_that_cannot_be_bound_is_refused() -> None:
    for expression in REFUSED:
        printed = sqlglot.transpile(f"SELECT ({expression}) FROM t", read=DIALECT, write=DIALECT)[0]
        assert unpinned_calls(printed) != (), expression


def test_an_operand_of_columns_and_immutable_calls_is_copied_as_before() -> None:
    for expression in ("CASE b + 1 WHEN 0 THEN 'z' WHEN 1 THEN 'o' END", "NULLIF(btrim(a), '')",
                       "CASE count(*) WHEN 0 THEN 'none' WHEN 1 THEN 'one' END", "upper(a) IS DISTINCT FROM 'X'"):
        printed = sqlglot.transpile(f"SELECT {expression} FROM t", read=DIALECT, write=DIALECT)[0]
        assert "SELECT" not in printed[len("SELECT"):] and unpinned_calls(printed) == (), expression
