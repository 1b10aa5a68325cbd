"""Red team (round redteam4): engine errors a query provokes on purpose never carry a raw value.

An engine's error message quotes the value it failed on: ``Could not convert string '536-22-8417' to INT32``,
``Type INT32 with value 90000 can't be cast``, ``invalid input syntax for type integer: "536-22-8417"``. A person
who cannot select a column can still make the engine fail on it: a cast, a numeric overflow, ``LIMIT (SELECT
...)``, a failure on one row only after others streamed (``CASE WHEN id = 3 THEN CAST(...)``), a collation. Through
maskline each of these fails (or runs) on masked values, and the error is built from the exception's class and
SQLSTATE, never its text (:func:`maskline.rewrite.run.query_failed`); the text and the records logged meanwhile
hold no raw value. The control runs each attack directly on the engine, whose error does quote one.
These were already stopped on main: they are regression tests.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from tests.rewrite.api_answer import api_answer

PEOPLE = [(1, "536-22-8417", 90000), (2, "123-45-6781", 50000), (3, "701-11-2222", 70000)]
SECRETS = ["536-22-8417", "123-45-6781", "701-11-2222", "90000", "50000", "70000", "536228417", "701112222"]
# No `unclassified`: salary, which no rule names, is masked (redacted), as the query path does by default.
POLICY = {"key": {"env": "MASKLINE_KEY"}, "datasets": {"people": {"columns": {
    "id": {"pass": True}, "ssn": {"info_type": "US_SSN", "method": {"method": "hmac", "length": 16}}}}}}

ATTACKS = {  # name: (DuckDB SQL, PostgreSQL SQL); the same attack in each engine's words
    "cast": ("SELECT CAST(ssn AS INTEGER) FROM people", "SELECT CAST(ssn AS integer) FROM people"),
    "cast_digits": ("SELECT CAST(replace(ssn, '-', '') AS TINYINT) FROM people",
                    "SELECT CAST(replace(ssn, '-', '') AS smallint) FROM people"),
    "overflow": ("SELECT CAST(salary AS TINYINT) FROM people", "SELECT CAST(salary AS integer) FROM people"),
    "limit_subquery": ("SELECT id FROM people LIMIT (SELECT ssn FROM people ORDER BY id LIMIT 1)",
                       "SELECT id FROM people LIMIT (SELECT ssn FROM people ORDER BY id LIMIT 1)::bigint"),
    "mid_stream": ("SELECT CASE WHEN id = 3 THEN CAST(ssn AS INTEGER) ELSE id END FROM people ORDER BY id",
                   "SELECT CASE WHEN id = 3 THEN CAST(ssn AS integer) ELSE id END FROM people ORDER BY id"),
    "date": ("SELECT CAST(ssn AS DATE) FROM people", "SELECT CAST(ssn AS date) FROM people"),
    "json": ("SELECT CAST(ssn AS JSON) FROM people", "SELECT CAST(ssn AS json) FROM people"),
    "collation": ("SELECT id FROM people ORDER BY ssn COLLATE nocase", 'SELECT id FROM people ORDER BY ssn COLLATE "C"'),
}


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def _through_api(connection: Any, dialect: str, sql: str) -> str:
    """The masked rows, or the error as repr() and its structured fields: every text it carries."""
    return api_answer(connection, dialect, sql, POLICY, lambda e: f"error: {e!r} {getattr(e, 'fields', '')}")


def _direct_error(connection: Any, dialect: str, sql: str) -> str:
    try:
        if dialect == "duckdb":
            connection.execute(sql).fetchall()
        else:
            with connection.cursor() as cur:
                cur.execute(sql)
                cur.fetchall()
    except Exception as e:  # noqa: BLE001 - the control reads the engine's own text
        return str(e)
    return ""


@pytest.fixture(scope="module")
def duck() -> Iterator[Any]:
    import duckdb

    con = duckdb.connect()
    con.execute("CREATE TABLE people (id INTEGER, ssn VARCHAR, salary INTEGER)")
    con.executemany("INSERT INTO people VALUES (?, ?, ?)", PEOPLE)
    yield con
    con.close()


@pytest.fixture(scope="module")
def pg(pg_module_dsn: str) -> Iterator[Any]:
    """On this module's own database, as it creates ``people`` by that name."""
    import psycopg2

    conn = psycopg2.connect(pg_module_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE people (id integer, ssn text, salary integer)")
        cur.executemany("INSERT INTO people VALUES (%s, %s, %s)", PEOPLE)
    yield conn
    conn.close()


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_duckdb_errors_never_quote_a_raw_value(duck: Any, attack: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        seen = _through_api(duck, "duckdb", ATTACKS[attack][0])
    assert not _leaks(seen + "\n".join(r.getMessage() for r in caplog.records)), seen


@pytest.mark.postgres
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_postgres_errors_never_quote_a_raw_value(pg: Any, attack: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        seen = _through_api(pg, "postgres", ATTACKS[attack][1])
    assert not _leaks(seen + "\n".join(r.getMessage() for r in caplog.records)), seen


def test_duckdb_control_errors_quote_raw_values(duck: Any) -> None:
    quoting = {a for a, (sql, _) in ATTACKS.items() if _leaks(_direct_error(duck, "duckdb", sql))}
    assert {"cast", "cast_digits", "overflow", "limit_subquery", "mid_stream", "date"} <= quoting


@pytest.mark.postgres
def test_postgres_control_errors_quote_raw_values(pg: Any) -> None:
    quoting = {a for a, (_, sql) in ATTACKS.items() if _leaks(_direct_error(pg, "postgres", sql))}
    assert {"cast", "limit_subquery", "mid_stream", "date"} <= quoting


def test_a_row_that_fails_after_others_returns_no_rows(duck: Any) -> None:
    """The mid-stream failure through maskline is one error: no row fetched before it is handed back."""
    seen = _through_api(duck, "duckdb", ATTACKS["mid_stream"][0])
    assert seen.startswith("error: QueryFailed(") and "[(" not in seen
