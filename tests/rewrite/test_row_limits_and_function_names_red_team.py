"""Row limits the engine lacks, and refusals that name the function as the user wrote it (redteam19).

``FETCH FIRST 1 ROWS WITH TIES`` without ``ORDER BY`` was accepted and failed on PostgreSQL with a syntax error
after the key was loaded; on DuckDB, which has no ``WITH TIES``, sqlglot printed it as ``LIMIT 1`` and
``FETCH FIRST 50 PERCENT ROWS ONLY`` as ``LIMIT 50``: other rows than the ones asked for. A refusal of
``read_csv(...)`` said ``table function READCSV`` (sqlglot's class, not what was typed) and one of
``pg_read_file(...)`` said only where it was.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

POLICY = load_policy({"unclassified": "pass", "datasets": {"rt19_people": {"columns": {
    "email": {"info_type": "EMAIL"}}}}})
SETUP = ["DROP TABLE IF EXISTS rt19_people", "CREATE TABLE rt19_people (id int, email text, score int)",
         "INSERT INTO rt19_people VALUES (1, 'zed.canary@example.com', 5), (2, 'amy.bee@example.org', 5), "
         "(3, 'cat@example.net', 7)"]


@pytest.fixture()
def pg(pg_conn: Any) -> Any:
    with pg_conn.cursor() as cur:
        for s in SETUP:
            cur.execute(s)
    return pg_conn


@pytest.fixture()
def duck() -> Any:
    con = duckdb.connect()
    for s in SETUP:
        con.execute(s)
    yield con
    con.close()


def _rows(con: Any, sql: str, dialect: str) -> list[tuple[Any, ...]]:
    return sorted(run_masked(con, rewrite(sql, POLICY, dialect, connection=con)).rows)


def test_with_ties_after_order_by_keeps_the_ties_on_postgres(pg: Any) -> None:
    rows = _rows(pg, "SELECT id FROM rt19_people ORDER BY score FETCH FIRST 1 ROWS WITH TIES", "postgres")
    assert rows == [(1,), (2,)]  # both rows of the lowest score: the ties were kept


@pytest.mark.parametrize("sql", [
    "SELECT id FROM rt19_people FETCH FIRST 1 ROWS WITH TIES",
    "SELECT id FROM (SELECT * FROM rt19_people ORDER BY score) s FETCH FIRST 1 ROWS WITH TIES",  # not its own
])
def test_with_ties_without_order_by_is_refused_before_it_runs(pg: Any, sql: str) -> None:
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, POLICY, "postgres", connection=pg)
    text = str(refused.value)
    assert "WITH TIES without ORDER BY" in text and "its count at line 1" in text and "add ORDER BY" in text
    # the control: what the engine says of the same query, which the refusal spares the user
    import psycopg2

    with pg.cursor() as cur, pytest.raises(psycopg2.Error):
        cur.execute(sql)


@pytest.mark.parametrize(("sql", "dialect"), [
    ("SELECT id FROM rt19_people ORDER BY score FETCH FIRST 1 ROWS WITH TIES", "duckdb"),
    ("SELECT id FROM rt19_people ORDER BY score FETCH FIRST 50 PERCENT ROWS ONLY", "duckdb"),
    ("SELECT id FROM rt19_people ORDER BY score FETCH FIRST 50 PERCENT ROWS ONLY", "postgres"),
    ("SELECT id FROM rt19_people LIMIT 50 PERCENT", "postgres"),
])
def test_a_row_limit_the_engine_lacks_is_refused(request: pytest.FixtureRequest, sql: str, dialect: str) -> None:
    con = request.getfixturevalue("duck" if dialect == "duckdb" else "pg")
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, POLICY, dialect, connection=con)
    assert "is not allowed on" in str(refused.value) and "Fix: " in str(refused.value)


def test_duckdb_would_have_run_another_query(duck: Any) -> None:
    """The control: sqlglot prints DuckDB's WITH TIES as a plain LIMIT, which drops a tie."""
    import sqlglot

    printed = sqlglot.transpile("SELECT id FROM rt19_people ORDER BY score FETCH FIRST 1 ROWS WITH TIES",
                                read="duckdb", write="duckdb")[0]
    assert "TIES" not in printed and len(duck.execute(printed).fetchall()) == 1


def test_duckdb_limit_percent_still_runs(duck: Any) -> None:
    assert len(_rows(duck, "SELECT id FROM rt19_people ORDER BY score LIMIT 50%", "duckdb")) == 1


@pytest.mark.parametrize(("sql", "dialect", "said"), [
    ("SELECT * FROM read_csv('/etc/passwd')", "duckdb", "table function read_csv at line 1, column 15 in FROM"),
    ("SELECT *\n  FROM READ_CSV_AUTO('/etc/passwd')", "duckdb", "table function read_csv_auto at line 2, column 8"),
    ("SELECT * FROM query('SELECT 1')", "duckdb", "table function query at line 1, column 15"),
    ("SELECT RANDOM() FROM rt19_people", "duckdb", "function random at line 1, column 8 is not on the duckdb"),
    ("SELECT getvariable('maskline_salt') FROM rt19_people", "duckdb", "function getvariable at line 1, column 8"),
    ("SELECT pg_read_file('/etc/passwd')", "postgres", "function pg_read_file at line 1, column 8 is not on"),
    ("SELECT * FROM pg_ls_dir('.')", "postgres", "table function pg_ls_dir at line 1, column 15"),
    ("SELECT current_setting('maskline.salt'), id FROM rt19_people", "postgres",
     "function current_setting at line 1, column 8"),
])
def test_a_refused_function_is_named_as_written(request: pytest.FixtureRequest, sql: str, dialect: str,
                                                said: str) -> None:
    con = request.getfixturevalue("duck" if dialect == "duckdb" else "pg")
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, POLICY, dialect, connection=con)
    assert said in str(refused.value)
    assert "READCSV" not in str(refused.value) and "RAND " not in str(refused.value)


@pytest.mark.parametrize("sql", ['SELECT "219-09-9999"(id) FROM rt19_people', "SELECT x98234571(id) FROM rt19_people",
                                 "SELECT * FROM \"zed.canary@example.com\"('x')"])
def test_a_name_no_catalogue_holds_is_placed_not_echoed(duck: Any, sql: str) -> None:
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, POLICY, "duckdb", connection=duck)
    text = str(refused.value)
    assert "at line 1, column" in text
    assert "219-09-9999" not in text and "x98234571" not in text and "zed.canary" not in text


@pytest.mark.parametrize(("sql", "said"), [
    ("SELECT count(*) FROM rt19_people WHERE email IS DISTINCT FROM 'zed.canary@example.com'",
     "in WHERE (IS DISTINCT FROM)"),
    ("SELECT count(*) FROM rt19_people WHERE email ~ '^zed'", "in WHERE (~)"),
    ("SELECT count(*) FROM rt19_people WHERE email SIMILAR TO 'zed%'", "in WHERE (SIMILAR TO)"),
    ("SELECT count(*) FROM rt19_people WHERE nullif(email, 'zed.canary@example.com') IS NULL", "in WHERE (nullif(...))"),
])
def test_a_filter_refusal_writes_the_comparison_as_sql_not_as_a_class(pg: Any, sql: str, said: str) -> None:
    """It said ``(NULLSAFENEQ)``, ``(REGEXPLIKE)``, ``(SIMILARTO)``: sqlglot's classes, not what the user wrote."""
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, POLICY, "postgres", connection=pg)
    assert said in str(refused.value) and "zed" not in str(refused.value)


def test_a_parse_error_names_the_engine_not_maskline_s_printer(pg: Any) -> None:
    """It said "cannot parse the query as catalogpostgres", the name of maskline's own sqlglot dialect."""
    with pytest.raises(RewriteRefused) as refused:
        rewrite("SELECT id FROM rt19_people ORDER BY score LIMIT 1 FETCH FIRST 1 ROWS ONLY", POLICY, "postgres",
                connection=pg)
    assert "cannot parse the query as postgres:" in str(refused.value) and "catalogpostgres" not in str(refused.value)
