"""The safe query path's results carry the names DuckDB gives the same query over masked copies.

sqlglot's qualification folds names to lower case; DuckDB keeps the case written, so before, ``SELECT "ZIP" AS
PostCode`` came back as ``postcode`` and ``SELECT *`` of a CSV loaded with ``E-Mail Address`` as ``e-mail
address``: a caller's ``df["PostCode"]`` (or an MCP client's column list) no longer matched the query it wrote.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from maskline import rewrite, run_masked
from maskline.keys import resolve_key
from maskline.policy import load_policy

POLICY = load_policy({
    "key": {"env": "MASKLINE_KEY", "derivation": 2},
    "unclassified": "pass",
    "datasets": {"contacts": {"columns": {
        "E-Mail Address": {"info_type": "EMAIL"},
        "Phone": {"info_type": "PHONE", "method": {"method": "partial", "keep_last": 2}},
    }}},
})


@pytest.fixture()
def con(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("MASKLINE_KEY", "k" * 64)
    c = duckdb.connect()
    c.execute('CREATE TABLE contacts ("Customer ID" INTEGER, "E-Mail Address" VARCHAR, "Phone" VARCHAR, ZIP VARCHAR)')
    c.execute("INSERT INTO contacts VALUES (1, 'ann.lee@example.org', '+1 415 555 2671', '94105')")
    yield c
    c.close()


@pytest.mark.parametrize("sql", [
    'SELECT "E-Mail Address", Phone FROM contacts',
    "SELECT phone, zip FROM contacts",  # a bare column is named as the catalog spells it
    "SELECT * FROM contacts",
    'SELECT ZIP AS PostCode, count(*) AS N FROM contacts GROUP BY 1 ORDER BY N',
    'SELECT upper("E-Mail Address") AS Contact FROM contacts UNION ALL SELECT zip FROM contacts',
    'SELECT c.Phone, d.phone AS Phone2 FROM contacts c JOIN contacts d USING ("Customer ID")',
])
def test_result_names_are_the_ones_duckdb_gives_the_query(con: Any, sql: str) -> None:
    expected = [d[0] for d in con.execute(sql).description]
    masked = rewrite(sql, POLICY, "duckdb", connection=con)
    result = run_masked(con, masked, resolve_key(POLICY.key), max_rows=5)
    assert list(result.columns) == expected
    assert set(masked.masked_columns) <= set(expected)  # the lineage names the same outputs


def test_values_are_still_masked_under_the_restored_names(con: Any) -> None:
    masked = rewrite('SELECT "E-Mail Address" AS Mail, Phone FROM contacts', POLICY, "duckdb", connection=con)
    result = run_masked(con, masked, resolve_key(POLICY.key), max_rows=5)
    assert result.columns == ("Mail", "Phone") and result.rows == [("*****@example.org", "*************71")]
    assert masked.masked_columns == ("Mail", "Phone")


def test_an_engine_that_folds_names_keeps_sqlglots_names() -> None:
    """PostgreSQL folds an unquoted alias itself: ``AS PostCode`` is ``postcode`` there, so nothing is restored."""
    schema = {"contacts": {"Customer ID": "integer", "E-Mail Address": "text", "Phone": "text", "ZIP": "text"}}
    assert "AS postcode" in rewrite("SELECT zip AS PostCode FROM contacts", POLICY, "postgres", schema=schema).sql


def test_sqlite_results_keep_the_names_sqlite_gives_the_query(monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    monkeypatch.setenv("MASKLINE_KEY", "k" * 64)
    c = sqlite3.connect(":memory:")
    c.execute('CREATE TABLE contacts ("Customer ID" INTEGER, "E-Mail Address" TEXT, "Phone" TEXT, ZIP TEXT)')
    c.execute("INSERT INTO contacts VALUES (1, 'ann.lee@example.org', '+1 415 555 2671', '94105')")
    for sql in ("SELECT phone, zip FROM contacts", "SELECT * FROM contacts", "SELECT ZIP AS PostCode FROM contacts"):
        expected = [d[0] for d in c.execute(sql).description]
        result = run_masked(c, rewrite(sql, POLICY, "sqlite", connection=c), resolve_key(POLICY.key), max_rows=5)
        assert list(result.columns) == expected, sql


def test_an_unkeyed_query_runs_on_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, a policy whose masks read no key (``partial``, ``email``) failed on SQLite with OperationalError:
    run_masked registered maskline's SQLite functions (REPEAT...) only while loading a key."""
    import sqlite3

    monkeypatch.setenv("MASKLINE_KEY", "k" * 64)
    c = sqlite3.connect(":memory:")
    c.execute('CREATE TABLE contacts ("Customer ID" INTEGER, "E-Mail Address" TEXT, "Phone" TEXT, ZIP TEXT)')
    c.execute("INSERT INTO contacts VALUES (1, 'ann.lee@example.org', '+1 415 555 2671', '94105')")
    masked = rewrite('SELECT "E-Mail Address", Phone FROM contacts', POLICY, "sqlite", connection=c)
    assert not masked.keyed
    assert run_masked(c, masked, max_rows=5).rows == [("*****@example.org", "*************71")]
