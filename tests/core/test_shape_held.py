"""A text column the classifier passed for its values' shape passes only values of that shape, on every engine.

The classifier reads a sample (10,000 rows). On main e932d55 a column it passed as ``numeric`` passed whole,
so a name at row 200,001 of a VARCHAR ``amount`` column came back raw from the query path (the MCP tools,
``maskline query``, the toolset), even to a filter that looks for it (``amount NOT LIKE '%.25'``).
:mod:`maskline.sql.shape_guard` makes every value of such a column hold the shape, or masks it. Its
patterns must accept exactly what :mod:`maskline.classify.shape` counts, on each engine that runs them.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import duckdb
import pytest
from sqlglot import exp

from maskline.classify import shape as classify_shape
from maskline.cli.main import main

SECRET = "Quillon Vexmarra"
ROWS = 200_000
VALUES = {  # values each shape's Python pattern accepts, and near misses it refuses
    "numeric": ["12", "-3.5", "+0,25", ".5", "1e5", "2.", "1.5E-3", "1 000", "12a", "ssn", "1-2", "", "0x1f"],
    "temporal": ["2024-01-31", "2024-01-31T09:00", "2024-01-31 09:00:05.123Z", "2024-01-31T09:00:05+01:00",
                 "31/01/2024", "2024-1-31", "2024-01-31 noon", "Ana"],
    "identifier": ["0x1F", "123e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a456426614174000", "0xZZ",
                   "123e4567-e89b", "ana@example.com"],
    "boolean": ["true", "FALSE", "Y", "no", "1", "0", "2", "yes please", "Ana"],
}
PYTHON = {"numeric": classify_shape._NUMBER.fullmatch, "temporal": classify_shape._ISO_TIME.fullmatch,
          "identifier": lambda v: classify_shape._UUID.fullmatch(v) or classify_shape._HEX_ID.fullmatch(v),
          "boolean": lambda v: v.lower() in classify_shape._BOOLEAN}


def _kept(shape: str, dialect: str, run) -> list[str]:  # type: ignore[no-untyped-def]
    from maskline.sql.shape_guard import shape_held

    col = exp.column("v")
    sql = exp.select(exp.alias_(shape_held(col, shape, "text", lambda c: exp.null()), "v")).from_("vals").sql(dialect)
    return sorted(v for (v,) in run(sql) if v is not None)


def _expected(shape: str) -> list[str]:
    return sorted(v for v in VALUES[shape] if PYTHON[shape](v))


@pytest.mark.parametrize("shape", sorted(VALUES))
def test_duckdb_keeps_exactly_the_values_the_classifier_counts_as_the_shape(shape: str) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE vals (v VARCHAR)")
    con.executemany("INSERT INTO vals VALUES (?)", [[v] for v in VALUES[shape]])
    assert _kept(shape, "duckdb", lambda sql: con.execute(sql).fetchall()) == _expected(shape)
    assert 0 < len(_expected(shape)) < len(VALUES[shape])  # control: both kinds of value are tried


@pytest.mark.parametrize("shape", sorted(VALUES))
def test_sqlite_keeps_exactly_the_values_the_classifier_counts_as_the_shape(shape: str) -> None:
    from maskline.adapters.sqlite import register_functions

    con = sqlite3.connect(":memory:")
    register_functions(con, None)
    con.execute("CREATE TABLE vals (v TEXT)")
    con.executemany("INSERT INTO vals VALUES (?)", [[v] for v in VALUES[shape]])
    assert _kept(shape, "sqlite", lambda sql: con.execute(sql).fetchall()) == _expected(shape)


@pytest.mark.parametrize("shape", sorted(VALUES))
def test_postgres_keeps_exactly_the_values_the_classifier_counts_as_the_shape(shape: str, pg_conn) -> None:
    with pg_conn.cursor() as cur:
        cur.execute("CREATE TEMP TABLE vals (v TEXT)")
        cur.executemany("INSERT INTO vals VALUES (%s)", [[v] for v in VALUES[shape]])

        def run(sql: str) -> list[tuple[str]]:
            cur.execute(sql)
            return cur.fetchall()

        assert _kept(shape, "postgres", run) == _expected(shape)


def test_the_boolean_words_are_the_classifiers() -> None:
    from maskline.sql.shape_guard import BOOLEAN_WORDS

    assert set(BOOLEAN_WORDS) == set(classify_shape._BOOLEAN)
    assert re.fullmatch(classify_shape._NUMBER, "12")  # the patterns compared above are the ones shape_of reads


@pytest.fixture()
def ledger_duckdb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """A DuckDB table whose VARCHAR ``amount`` holds numbers, and a name past the scan's sample; its scan saved."""
    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE ledger AS SELECT i AS id, CAST(i * 3 AS VARCHAR) || '.25' AS amount "
                f"FROM range(1, {ROWS + 1}) t(i)")
    con.execute("INSERT INTO ledger VALUES (?, ?)", [ROWS + 1, SECRET])
    con.close()
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nkey: {env: MASKLINE_KEY}\n")
    uri = f"duckdb:///{db}"
    assert main(["scan", f"{uri}::main.ledger", "--policy", str(policy), "--save"]) == 0
    return uri, policy


def _tools(uri: str, policy: Path):  # type: ignore[no-untyped-def]
    from maskline.mcp.database import Database
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy

    return MaskedTools(load_policy(policy), Database.from_uri(uri), lineage=False)


def _query_path_holds_the_shape(uri: str, policy: Path) -> None:
    from maskline.mcp.tools import Caller

    tools, agent = _tools(uri, policy), Caller("agent")
    described = {c["name"]: c for c in tools.describe_table("ledger", agent)["columns"]}
    assert described["amount"]["masked"] is False and described["amount"]["rule"].startswith("classifier")
    found = tools.query(f"SELECT amount FROM ledger WHERE id = {ROWS + 1}", agent)["rows"]
    searched = tools.query("SELECT amount FROM ledger WHERE amount NOT LIKE '%.25'", agent)["rows"]
    assert SECRET not in str(found) + str(searched)
    assert found == [["[REDACTED]"]] and searched == [["[REDACTED]"]]
    # Control: the column passes, its numbers as they are stored.
    assert tools.query("SELECT amount FROM ledger WHERE id <= 2 ORDER BY id", agent)["rows"] == [["3.25"], ["6.25"]]


def test_the_query_path_masks_a_value_past_the_sample_of_a_column_passed_as_numbers(ledger_duckdb) -> None:
    _query_path_holds_the_shape(*ledger_duckdb)


def test_the_query_path_on_postgres_masks_a_value_past_the_sample(pg_dsn: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg2

    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    con = psycopg2.connect(pg_dsn)
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS ledger")
        cur.execute(f"CREATE TABLE ledger AS SELECT i AS id, (i * 3)::text || '.25' AS amount "
                    f"FROM generate_series(1, {ROWS}) i")
        cur.execute("INSERT INTO ledger VALUES (%s, %s)", [ROWS + 1, SECRET])
        cur.execute("ANALYZE ledger")
    con.close()
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\nkey: {env: MASKLINE_KEY}\n")
    uri = pg_dsn
    assert main(["scan", f"{uri}::public.ledger", "--policy", str(policy), "--save"]) == 0
    _query_path_holds_the_shape(uri, policy)


def test_a_column_with_a_numeric_type_is_not_wrapped() -> None:
    from maskline.sql.shape_guard import shape_held

    col = exp.column("n")
    assert shape_held(col, "numeric", "BIGINT", lambda c: exp.null()) is col  # control: storage holds the shape
