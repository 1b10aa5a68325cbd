"""Red team (round redteam3) of the query path's side channels: none of them reads a raw value.

Each attack asks the engine about a sensitive column in a way a person would use to recover it without
selecting it: ordering then ``LIMIT 1 OFFSET k`` (a binary search on the raw order), ``GROUP BY`` with
``HAVING`` counts, windows, joins on the column, ``EXPLAIN``, and an error oracle (a division by zero or a
cast that fails only when a raw condition holds). Every base relation is the masked one, so each sees masked
values only. The controls show the raw order and groups differ from the masked ones, so an answer computed on
raw values would be told apart.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from maskline.errors import MasklineError

PEOPLE = [  # id, ssn (hmac), note (unnamed: redacted), salary (unnamed: redacted)
    (1, "536-22-8417", "Quillon Vexmarra", 90000),
    (2, "123-45-6781", "Orla Pemberwick", 50000),
    (3, "701-11-2222", "Tamsin Quorrel", 70000),
]
SECRETS = ["536-22-8417", "123-45-6781", "701-11-2222", "Quillon", "Pemberwick", "Quorrel", "90000", "50000"]
POLICY = {"key": {"env": "MASKLINE_KEY"}, "datasets": {"people": {"columns": {
    "id": {"pass": True}, "ssn": {"info_type": "US_SSN", "method": {"method": "hmac", "length": 16}}}}}}


@pytest.fixture(scope="module")
def tools(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    import os

    from maskline.mcp.database import Database
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy
    from tests.conftest import TEST_KEY

    os.environ.setdefault("MASKLINE_KEY", TEST_KEY)
    path = Path(tmp_path_factory.mktemp("side")) / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE people (id INTEGER, ssn VARCHAR, note VARCHAR, salary INTEGER)")
    con.executemany("INSERT INTO people VALUES (?, ?, ?, ?)", PEOPLE)
    con.close()
    return MaskedTools(load_policy(POLICY), Database.from_uri(f"duckdb:///{path}"), lineage=False)


def _ask(tools, sql: str) -> tuple[str, list[list]]:  # type: ignore[no-untyped-def]
    from maskline.mcp.tools import Caller

    try:
        return "rows", tools.query(sql, Caller("agent"))["rows"]
    except MasklineError as e:
        return str(e), []


def _raw_order(column: int, reverse: bool = False) -> list[int]:
    return [p[0] for p in sorted(PEOPLE, key=lambda p: p[column], reverse=reverse)]


@pytest.mark.parametrize("sql", [
    "SELECT id FROM people ORDER BY ssn LIMIT 1",
    "SELECT id FROM people ORDER BY ssn LIMIT 1 OFFSET 1",
    "SELECT id FROM people ORDER BY note DESC LIMIT 1",
    "SELECT id FROM people ORDER BY salary DESC",
    "SELECT id FROM people QUALIFY row_number() OVER (ORDER BY ssn) = 1",
    "SELECT arg_min(id, ssn), arg_max(id, salary) FROM people",
    "SELECT count(*) FROM people GROUP BY substr(ssn, 1, 1) HAVING count(*) > 0",
    "SELECT count(DISTINCT note), count(DISTINCT salary) FROM people",
    "SELECT id, lag(ssn) OVER (ORDER BY id), rank() OVER (ORDER BY note) FROM people",
    "SELECT a.id, b.id FROM people a JOIN people b ON a.ssn < b.ssn",
    "SELECT a.id FROM people a JOIN people b ON a.note = b.note AND a.id <> b.id",
    "SELECT max(salary), min(note), string_agg(note, ',') FROM people",
    "SELECT id FROM people WHERE length(note) = 16",
    "SELECT histogram(note) FROM people",
])
def test_orders_groups_windows_and_joins_see_masked_values_only(tools, sql: str) -> None:
    outcome, rows = _ask(tools, sql)
    assert not any(s in outcome + str(rows) for s in SECRETS)
    if sql == "SELECT id FROM people ORDER BY salary DESC":
        assert [r[0] for r in rows] != _raw_order(3, reverse=True)  # the raw order is 1, 3, 2
    if sql.startswith("SELECT count(DISTINCT"):
        assert rows == [[1, 1]]  # every note and salary is the same label


def test_an_order_by_a_sensitive_column_is_the_order_of_its_tokens(tools) -> None:
    _, masked = _ask(tools, "SELECT id, ssn FROM people")
    by_token = [i for i, _ in sorted(masked, key=lambda r: r[1])]
    _, ordered = _ask(tools, "SELECT id FROM people ORDER BY ssn")
    assert [r[0] for r in ordered] == by_token
    assert by_token != _raw_order(1)  # control: the raw order (2, 1, 3) is another


@pytest.mark.parametrize("sql", [
    "EXPLAIN SELECT * FROM people",
    "EXPLAIN ANALYZE SELECT * FROM people WHERE ssn = '536-22-8417'",
    "SELECT 1 / (CASE WHEN ssn LIKE '5%' THEN 0 ELSE 1 END) FROM people",
    "SELECT CAST(CASE WHEN note LIKE 'Q%' THEN 'x' ELSE '1' END AS INTEGER) FROM people",
    "SELECT CAST(note AS INTEGER) FROM people",
    "SELECT error(note) FROM people",
    "SELECT id FROM people WHERE salary > 80000",
    "SELECT id FROM people WHERE note > 'Q'",
    "SELECT * FROM duckdb_variables()",
    "PRAGMA table_info('people')",
])
def test_explain_and_error_oracles_are_refused_or_fail_without_values(tools, sql: str) -> None:
    outcome, rows = _ask(tools, sql)
    assert outcome != "rows" and rows == []
    assert not any(s in outcome for s in SECRETS)


def test_the_engine_alone_would_answer_these_attacks_from_raw_values() -> None:
    con = duckdb.connect()  # the control: the same questions on the raw table
    con.execute("CREATE TABLE people (id INTEGER, ssn VARCHAR, note VARCHAR, salary INTEGER)")
    con.executemany("INSERT INTO people VALUES (?, ?, ?, ?)", PEOPLE)
    assert con.execute("SELECT id FROM people ORDER BY ssn LIMIT 1").fetchall() == [(2,)]
    assert con.execute("SELECT count(DISTINCT note) FROM people").fetchall() == [(3,)]
    with pytest.raises(duckdb.Error, match="Quillon"):
        con.execute("SELECT CAST(note AS INTEGER) FROM people").fetchall()
