"""Every PostgreSQL function and operator maskline prints names ``pg_catalog`` (:mod:`maskline.dialects.postgres_catalog`).

Read back from the SQL itself, not from a list of expected names: each dbt template (which is the core's SQL, byte
for byte) and each golden statement is parsed, and any call or operator PostgreSQL would look up along the session's
``search_path`` is reported. The red-team tests (``tests/dbt/test_postgres_exact_match_shadowing.py``,
``tests/cli/test_sql_postgres_catalog_names.py``) show what such a lookup let a schema on the path do.
"""

from __future__ import annotations

import re
from pathlib import Path

import sqlglot

from maskline.dbt.generate import templates_for
from maskline.dialects.postgres_catalog import DIALECT, unpinned_calls

GOLDEN = Path(__file__).parent / "golden" / "postgres.sql"


def test_every_postgres_dbt_template_names_pg_catalog() -> None:
    templates = templates_for("postgres")
    unpinned = {name: unpinned_calls("SELECT " + re.sub(r"__ml_[a-z_0-9]+__", "x", sql))
                for name, sql in templates.items()}
    assert len(templates) > 20
    assert {name: calls for name, calls in unpinned.items() if calls} == {}


def test_every_postgres_golden_statement_names_pg_catalog() -> None:
    statements = [s for s in GOLDEN.read_text().split(";\n") if s.strip() and "SELECT" in s]
    assert len(statements) > 10
    assert [s[:80] for s in statements if unpinned_calls(s)] == []


def test_the_read_back_finds_what_the_printer_would_leave_unpinned() -> None:
    # control: the plain PostgreSQL spelling of the same SQL is all lookups by name
    assert unpinned_calls("SELECT lower(a) || 'x' FROM t WHERE b IN (1, 2) AND c LIKE 'a%'") == \
        ("||", "lower", "in", "like")
    printed = sqlglot.transpile("SELECT lower(a) || 'x', NULLIF(a, 'y') FROM t WHERE b IN (1, 2) AND c LIKE 'a%' "
                                "AND d BETWEEN 1 AND 2 AND e % 2 = 0", read="postgres", write=DIALECT)[0]
    assert unpinned_calls(printed) == ()


CONDITIONS = ["a NOT LIKE '%.25'", "a LIKE '%.25'", "a NOT ILIKE '%X%'", "NOT a LIKE '1%'", "b NOT IN (1, 2)",
              "b NOT BETWEEN 2 AND 3", "b BETWEEN SYMMETRIC 3 AND 2", "NULLIF(b, 2) IS NULL", "a IS NOT NULL",
              "-b < -1 AND b % 2 = 1", "b = ANY(ARRAY[1, 4])", "a || 'x' NOT LIKE '3%'", "b <> ALL(ARRAY[1, 2])",
              "b = SOME(ARRAY[1, 2])", "a ILIKE '%25' ESCAPE '!'", "a NOT LIKE '%5' ESCAPE '!'", "a !~ '^3'",
              "a NOT SIMILAR TO '3%'", "b IS NOT DISTINCT FROM 2", "b - 1 - 1 > 2", "2 ^ 3 ^ 2 > b", "b / 2 * 2 = b",
              "(b & 1) = 1", "b << 1 > 4", "a NOT LIKE ALL(ARRAY['3%', '6%'])", "NOT b IN (1, 2) AND NOT a LIKE '3%'",
              "b NOT BETWEEN SYMMETRIC 4 AND 2", "(a, b) = ('3.25', 1)", "b = 2 IS NOT TRUE", "|/ (b * b) = b"]


def test_the_pinned_spelling_selects_what_postgresql_selects(pg_dsn: str) -> None:
    # The pinned print must mean what the statement meant: `a NOT LIKE b` is one Like with `negate`, and a printer
    # that dropped the flag selected every row the query excluded (the query path's WHERE); `<> ALL(...)` and
    # `LIKE ... ESCAPE` printed as SQL PostgreSQL refused. Run on PostgreSQL, the
    # pinned print and the plain one select the same rows; the plain one is the control of each condition.
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TEMP TABLE t AS SELECT (i * 3)::text || '.25' AS a, i AS b FROM generate_series(1, 6) i")
            cur.execute("INSERT INTO t VALUES ('x.5', 7), (NULL, NULL)")
            for condition in CONDITIONS:
                sql = f"SELECT b FROM t WHERE {condition} ORDER BY b"
                cur.execute(sql)
                plain = cur.fetchall()
                cur.execute(sqlglot.transpile(sql, read="postgres", write=DIALECT)[0])
                assert cur.fetchall() == plain, condition
    finally:
        conn.close()
