"""Date fields pinned together spell a date of birth; each one alone stays a measure (red team, round 3).

One field of a date is a measure (``maskline.rewrite.functions.MEASURES``): ``year(dob) > 1980`` says nothing of
anyone's birthday, so its number may stay in the query text. ``year(dob) = 1981 AND month(dob) = 4 AND
day(dob) = 17`` puts a whole date of birth there (query history, ``maskline sql`` output, server logs) in
``refuse`` and ``tokenize`` modes alike. Under those modes, literals that pin two or more fields of one sensitive
date column in one query now count as the value. The controls show one field, one-sided ranges of several fields,
fields of a column nobody classified and ``allow`` mode still run, on real DuckDB.
"""

from __future__ import annotations

import duckdb
import pytest

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from tests.rewrite.pii_data import POLICY, create_duckdb

# Each pins the seeded 1981-04-17 (or its month) through two or more fields of the sensitive dob.
PINNED_TOGETHER = [
    ("SELECT id FROM customers WHERE year(dob) = 1981 AND month(dob) = 4 AND day(dob) = 17", "1981"),
    ("SELECT id FROM customers WHERE date_part('year', dob) = 1981 AND EXTRACT(month FROM dob) = 4", "1981"),
    ("SELECT id FROM customers WHERE month(dob) IN (4) AND dayofmonth(dob) BETWEEN 17 AND 17", "17"),
    ("SELECT id FROM customers WHERE year(dob) >= 1981 AND year(dob) <= 1981 AND month(dob) = 4", "1981"),
    ("SELECT id FROM customers WHERE dayofyear(dob) = 107 AND year(dob) - 1900 = 81", "107"),
    ("WITH d AS (SELECT id, dob AS born FROM customers) SELECT id FROM d WHERE year(born) = 1981 "
     "AND month(born) = 4", "1981"),
    ("SELECT CASE WHEN year(dob) = 1981 THEN 1 END AS y, CASE WHEN month(dob) = 4 THEN 1 END AS m FROM customers",
     "1981"),
]

# One field pinned, or several fields bounded on one side only, or a date nobody classified: still measures.
STILL_MEASURES = [
    "SELECT id FROM customers WHERE date_part('year', dob) BETWEEN 1980 AND 1989",
    "SELECT id FROM customers WHERE year(dob) = 1981",
    "SELECT id FROM customers WHERE year(dob) >= 1980 AND year(dob) < 1990",
    "SELECT id FROM customers WHERE date_part('year', dob) > 1980 AND EXTRACT(month FROM dob) < 13",
    "SELECT id FROM events WHERE year(happened) = 1981 AND month(happened) = 4 AND day(happened) = 17",
    "SELECT e.id FROM events AS e JOIN customers AS c ON c.id = e.id WHERE year(e.happened) = 1981 "
    "AND month(e.happened) = 4 AND year(c.dob) > 1950",
]


def _seeded() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    create_duckdb(con)
    # A date no policy classifies (unclassified: pass): its fields are no one's birthday.
    con.execute("CREATE TABLE events AS SELECT 1 AS id, DATE '1981-04-17' AS happened")
    return con


def _rewrite(sql: str, mode: str, con: duckdb.DuckDBPyConnection | None = None):
    policy = {**POLICY, "rewrite": {"filter_literals": mode}}
    return rewrite(sql, load_policy(policy), "duckdb", connection=con or _seeded())


@pytest.mark.parametrize("mode", ["refuse", "tokenize"])
@pytest.mark.parametrize(("sql", "number"), PINNED_TOGETHER)
def test_date_fields_pinned_together_stay_out_of_the_query_text(sql: str, number: str, mode: str) -> None:
    with pytest.raises(RewriteRefused, match="literal") as info:
        _rewrite(sql, mode)
    assert number not in str(info.value)
    assert "dob" in str(info.value) or "born" in str(info.value) or "expression" in str(info.value)


@pytest.mark.parametrize(("sql", "number"), PINNED_TOGETHER[:2])
def test_allow_mode_keeps_the_fields(sql: str, number: str) -> None:
    """The control: the query is valid, only the policy's choice keeps its numbers out."""
    con = _seeded()
    out = _rewrite(sql, "allow", con)
    assert number in out.sql
    con.execute(out.sql).fetchall()


@pytest.mark.parametrize("mode", ["refuse", "tokenize"])
@pytest.mark.parametrize("sql", STILL_MEASURES)
def test_one_field_or_an_unclassified_date_still_runs(sql: str, mode: str) -> None:
    con = _seeded()
    assert con.execute(_rewrite(sql, mode, con).sql).fetchall() is not None


def test_an_unclassified_date_keeps_its_fields_and_rows() -> None:
    """Not trivially true: the fields of a date nobody classified compare the real value and find the row."""
    con = _seeded()
    out = _rewrite(STILL_MEASURES[4], "refuse", con)
    assert "1981" in out.sql and con.execute(out.sql).fetchall() == [(1,)]
