"""A number compared with a column's value, not a measure of it, stays out of the query text (red team, round 2).

``filter_literals`` keeps a literal compared with a sensitive column out of the query text (query history,
``maskline sql`` output, server logs), at any depth. Numbers were exempt whenever the column reached the comparison
through anything that did not keep its value whole, so a number that *is* the value passed:
``CAST(replace(ssn, '-', '') AS BIGINT) = 219099999`` put the whole SSN into the rewritten SQL, in ``refuse``
mode too. Numbers are now exempt only beside a *measure* of the column (its length, a date field, a count:
``maskline.rewrite.functions.MEASURES``, an allow-list); the controls show those still run, on real DuckDB.
"""

from __future__ import annotations

import duckdb
import pytest

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from tests.rewrite.pii_data import POLICY, create_duckdb

# Each spells (part of) a seeded raw value as a number: 219-09-9999's digits, its area, its last four; the
# seconds of 1981-04-17 since 1970.
VALUE_AS_A_NUMBER = [
    ("SELECT id FROM customers WHERE CAST(replace(ssn, '-', '') AS BIGINT) = 219099999", "219099999"),
    ("SELECT id FROM customers WHERE CAST(substr(ssn, 1, 3) AS INT) = 219", "219"),
    ("SELECT id FROM customers WHERE -CAST(right(ssn, 4) AS INT) = -9999", "9999"),
    ("SELECT id FROM customers WHERE ascii(substr(ssn, 1, 1)) = 50", "50"),  # the code of its first digit
    ("SELECT id FROM customers WHERE epoch(dob) = 356313600", "356313600"),
    ("SELECT id FROM customers WHERE date_part('epoch', dob) = 356313600", "356313600"),
    ("SELECT id FROM customers WHERE EXTRACT(epoch FROM dob) = 356313600", "356313600"),
    ("SELECT CASE WHEN abs(CAST(right(ssn, 4) AS INT)) > 9998 THEN 1 END AS hit FROM customers", "9998"),
    ("WITH d AS (SELECT id, epoch(dob) AS e FROM customers) SELECT id FROM d WHERE e = 356313600", "356313600"),
]

# A number beside a measure of the column: its length, a date field, a count (also through arithmetic on it).
MEASURED = [
    "SELECT id FROM customers WHERE length(ssn) = 11",
    "SELECT id FROM customers WHERE date_part('year', dob) > 1980 AND EXTRACT(month FROM dob) < 13",
    "SELECT id FROM customers WHERE year(dob) - 1900 > 80",
    "SELECT id FROM customers WHERE strpos(email, '@') > 3 OR length(email) + 1 > 3",
    "SELECT city, count(DISTINCT substr(ssn, 1, 3)) AS n FROM customers GROUP BY city HAVING count(ssn) > 0",
    "SELECT round(length(email) / 3, 1) AS l FROM customers",
]


def _rewrite(sql: str, mode: str, con: duckdb.DuckDBPyConnection | None = None):
    policy = {**POLICY, "rewrite": {"filter_literals": mode}}
    return rewrite(sql, load_policy(policy), "duckdb", connection=con or _seeded())


def _seeded() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_duckdb(con)
    return con


@pytest.mark.parametrize("mode", ["refuse", "tokenize"])
@pytest.mark.parametrize(("sql", "number"), VALUE_AS_A_NUMBER)
def test_a_number_that_is_the_value_stays_out_of_the_query_text(sql: str, number: str, mode: str) -> None:
    with pytest.raises(RewriteRefused, match="literal") as info:
        _rewrite(sql, mode)
    assert number not in str(info.value)


@pytest.mark.parametrize(("sql", "number"), VALUE_AS_A_NUMBER[:1])
def test_allow_mode_still_lets_the_number_through(sql: str, number: str) -> None:
    """The control: the query itself is valid, and only the policy's choice keeps the number out."""
    assert number in _rewrite(sql, "allow").sql


@pytest.mark.parametrize("sql", MEASURED)
def test_a_number_beside_a_measure_still_runs(sql: str) -> None:
    con = _seeded()
    rows = con.execute(_rewrite(sql, "refuse", con).sql).fetchall()
    assert rows is not None


def test_a_measure_compares_the_masked_value_on_duckdb() -> None:
    """The rewritten comparison reads the masked relation: 11 characters of '*******9999', every row."""
    con = _seeded()
    assert con.execute(_rewrite("SELECT count(*) FROM customers WHERE length(ssn) = 11", "refuse", con).sql
                       ).fetchall() == [(5,)]
