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
from maskline.dialects.postgres_catalog import DIALECT
from maskline.dialects.postgres_readback import unpinned_calls

GOLDEN = Path(__file__).parent / "golden" / "postgres.sql"


def test_every_postgres_dbt_template_names_pg_catalog() -> None:
    templates = templates_for("postgres")
    # the type slot is filled by the dbt macro with the column's type as the engine reports it (not the core's SQL)
    unpinned = {name: unpinned_calls("SELECT " + re.sub(r"__ml_[a-z_0-9]+__", "x", sql.replace("__ml_type__",
                                                                                                  "pg_catalog.x")))
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
        ("||", "lower", "=", "~~")  # IN and LIKE look up = and ~~ by name
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


#: Expressions whose pinned print is a rewrite, not a respelling: each is evaluated both ways on every row of
#: EDGE_ROWS (NULLs, NaN, -0.0, JSON null, arrays holding NULL) and must give the same value.
EXPRESSIONS = [
    "b IS DISTINCT FROM 1", "b IS NOT DISTINCT FROM NULL", "a IS DISTINCT FROM '3.25'", "f IS DISTINCT FROM 'NaN'",
    "arr IS NOT DISTINCT FROM '{1,NULL}'", "j IS DISTINCT FROM 'null'", "NULL IS DISTINCT FROM NULL",
    "n IS NOT DISTINCT FROM -0.0", "c IS DISTINCT FROM c_nulls", "c IS NOT DISTINCT FROM NULL",
    "CASE b WHEN 1 THEN 'one' WHEN NULL THEN 'null' ELSE 'other' END", "CASE a WHEN 'x.5' THEN 1 END",
    "CASE f WHEN 'NaN' THEN 'nan' WHEN -0.0 THEN 'zero' ELSE 'else' END", "CASE b + 1 WHEN 0 THEN 'z' END",
    "j -> 'k'", "j ->> 'k'", "j -> 0", "j ->> 1", "j -> 'a' -> 'b'", "j -> 'a' ->> 'b'", "j -> '0'", "js -> 'k' -> 1",
    "js ->> 'k'", "j #> '{a,b}'", "j #>> '{a,b}'", "j -> a", "j -> -1",
    "@ b", "@ f", "@ n", "OPERATOR(pg_catalog.~) b * 2", "OPERATOR(pg_catalog.-) b + 1", "@ b + 1", "@ -5 + b", "@ b * -2 < 3", "-b", "-f", "-n", "- (b + 1)", "~b", "~b + 1", "~ b * 2",
    "b % 2", "b ^ 2", "arr[1]", "arr[1:1]", "b = ANY(arr)", "(b > 0) IS TRUE", "(b > 0) IS NOT FALSE",
    "(b > 0) IS UNKNOWN", "COALESCE(a, 'z')", "GREATEST(b, 0)", "LEAST(f, 0)",
    "a LIKE 'a!%b' ESCAPE '!'", "a NOT LIKE 'a!%%' ESCAPE '!'", "a ILIKE 'X%' ESCAPE '!'", "a NOT ILIKE '%B' ESCAPE '#'",
    "a LIKE ANY(ARRAY['3%', 'x%'])", "a NOT LIKE ANY(ARRAY['3%', 'x%'])", "a NOT ILIKE ALL(ARRAY['3%', 'X%'])",
    "a ILIKE SOME(ARRAY['X%'])", "b BETWEEN SYMMETRIC 2 AND -5", "b NOT BETWEEN SYMMETRIC 2 AND -5",
    "b BETWEEN SYMMETRIC NULL AND 1", "CAST(b AS TEXT)", "CAST(n AS TEXT)", "CAST(j AS TEXT)", "CAST(arr AS TEXT[])",
    "CAST('2020-01-01' AS DATE)", "DATE '2021-02-03'", "CAST(js AS JSONB)", "CAST(n AS NUMERIC(30, 2))",
    "CAST(a AS VARCHAR(2))", "'t_edge'::regclass::text", "CAST(b AS BIGINT)", "CAST('1 day' AS INTERVAL)",
    "a || b", "NULLIF(b, 1)", "(b, a) = (1, '3.25')", "(b, f) < (0, 1)",
]

EDGE_ROWS = """
    (1, '3.25', 1, '-0.0', -2.5, '{"k": 1, "a": {"b": "x"}, "0": "zero"}', '{"k": [1, 2]}', '{1,2}', ROW(1, NULL)),
    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (3, 'x.5', -3, 'NaN', 0, '[10, 20, null]', '[1, "a"]', '{NULL,3}', ROW(NULL, NULL)),
    (4, '', 1073741823, 'Infinity', '-0', 'null', 'null', '{}', ROW(2, 3)),
    (5, 'a%b', 0, -1.5, 1e-20, '{"k": null}', '{"k": "v"}', '{1,NULL}', NULL),
    (6, 'A%B', 5, '-Infinity', 'NaN', '"k"', '"s"', '{5}', ROW(NULL, 1))
"""


def test_each_rewritten_construct_computes_what_postgresql_computes(pg_dsn: str) -> None:
    # IS [NOT] DISTINCT FROM, CASE x WHEN, ->, @, ~, LIKE ... ESCAPE, LIKE ANY, BETWEEN SYMMETRIC and the casts are
    # printed as other SQL: each is evaluated as written (PostgreSQL's own reading, the control) and as printed,
    # on every edge row, and the values must agree (repr: -0.0 is not 0.0).
    import psycopg2

    conn = psycopg2.connect(pg_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TYPE pg_temp.pair AS (x int, y int)")
            cur.execute("CREATE TEMP TABLE t_edge (id int, a text, b int, f float8, n numeric, j jsonb, js json, "
                        f"arr int[], c pg_temp.pair); INSERT INTO t_edge VALUES {EDGE_ROWS}")
            # a composite of NULL fields: IS NULL to PostgreSQL, yet not a NULL value (IS DISTINCT FROM NULL)
            cur.execute("ALTER TABLE t_edge ADD COLUMN c_nulls pg_temp.pair DEFAULT ROW(NULL, NULL)")
            mismatched = {}
            for expression in EXPRESSIONS:
                sql = f"SELECT ({expression}) FROM t_edge ORDER BY id"
                printed = sqlglot.transpile(sql, read=DIALECT, write=DIALECT)[0]
                assert unpinned_calls(printed) == (), expression
                cur.execute(sql)
                plain = [repr(r) for r in cur.fetchall()]
                cur.execute(printed)
                if [repr(r) for r in cur.fetchall()] != plain:
                    mismatched[expression] = printed
            assert mismatched == {}
    finally:
        conn.rollback()
        conn.close()


def test_at_is_the_absolute_value_and_a_dollar_parameter_stays_a_parameter() -> None:
    # sqlglot reads @ and $ as one token: @ b is PostgreSQL's absolute value (it was printed $b, which the engine
    # refused); $1 is a bind parameter, which the rewrite refuses, and must not become abs(1)
    from maskline.errors import RewriteRefused
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite

    assert sqlglot.transpile("SELECT @ b + 1, $1 FROM t", read=DIALECT, write=DIALECT)[0] == \
        "SELECT pg_catalog.abs((b OPERATOR(pg_catalog.+) 1)), $1 FROM t"
    policy = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {}}}})
    try:
        rewrite("SELECT b FROM t WHERE b = $1", policy, "postgres", schema={"t": {"b": "int"}})
    except RewriteRefused as refused:
        assert "bind parameters" in str(refused)
    else:
        raise AssertionError("a bind parameter was not refused")
