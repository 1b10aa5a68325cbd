"""A literal carried by a relation counts as the literal: CTEs, subqueries, derived tables, VALUES, UNION arms.

``WHERE username = 'guess'`` is refused (or tokenized); the same guess routed through a relation the query
defines (``WITH g AS (SELECT 'guess' || city AS v ...) ... WHERE username = g.v``) put it into the query text
beside the sensitive column all the same, mixed with another column so that no origin looked like a pure literal.
Each of these passed before; the controls are the shapes analysts write that must keep running.
"""

from __future__ import annotations

import pytest

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from tests.rewrite.pii_data import COLUMNS, POLICY

SCHEMA = {t: {n: dt.lower() for n, dt, _ in cols} for t, cols in COLUMNS.items()}
GUESS = "zquartermaine77"


def _policy(mode: str):
    return load_policy({**POLICY, "rewrite": {"filter_literals": mode}})


ROUTED_GUESSES = [
    # the literal mixed with another column in a CTE, then compared: directly, inside coalesce, two CTEs down
    f"WITH g AS (SELECT '{GUESS}' || city AS v FROM customers) SELECT count(*) AS n FROM customers, g "
    "WHERE coalesce(username, g.v) = username",
    f"WITH g AS (SELECT '{GUESS}' || city AS v FROM customers) SELECT count(*) AS n FROM customers, g "
    "WHERE username = g.v",
    f"WITH g AS (SELECT concat(city, '{GUESS}') AS v FROM customers), h AS (SELECT upper(v) AS w FROM g) "
    "SELECT count(*) AS n FROM customers, h WHERE username = h.w",
    # a derived table's column, and a subquery reading a CTE
    f"SELECT count(*) AS n FROM customers c, (SELECT '{GUESS}' || city AS v FROM customers) d WHERE c.username = d.v",
    f"WITH g AS (SELECT '{GUESS}' || city AS v FROM customers) SELECT count(*) AS n FROM customers "
    "WHERE username IN (SELECT v FROM g)",
    # a UNION arm carrying the literal beside a column arm; a CASE result beside a column
    f"WITH g AS (SELECT city AS v FROM customers UNION ALL SELECT '{GUESS}') SELECT count(*) AS n FROM customers, g "
    "WHERE username = g.v",
    f"WITH g AS (SELECT CASE WHEN tier > 1 THEN '{GUESS}' ELSE city END AS v FROM customers) "
    "SELECT count(*) AS n FROM customers, g WHERE username = g.v",
    # a VALUES list's column mixed with a column in a later CTE
    f"WITH v(a) AS (VALUES ('{GUESS}')), g AS (SELECT v.a || c.city AS w FROM v, customers c) "
    "SELECT count(*) AS n FROM customers, g WHERE username = g.w",
    # UNNEST of a list built from the literal; a recursive CTE appending it
    f"SELECT count(*) AS n FROM customers c, unnest(['{GUESS}' || c.city]) AS u(x) WHERE c.username = u.x",
    f"WITH RECURSIVE r(n, s) AS (SELECT 1, city FROM customers UNION ALL SELECT n + 1, s || '{GUESS}' FROM r "
    "WHERE n < 2) SELECT count(*) AS n FROM customers, r WHERE username = r.s",
    # INTERSECT compares row by row, like =
    f"WITH g AS (SELECT '{GUESS}' || city AS v FROM customers) SELECT username FROM customers INTERSECT "
    "SELECT v FROM g",
]


@pytest.mark.parametrize("mode", ["refuse", "tokenize"])
@pytest.mark.parametrize("sql", ROUTED_GUESSES)
def test_a_literal_routed_through_a_relation_is_refused_like_the_literal(sql: str, mode: str) -> None:
    with pytest.raises(RewriteRefused, match="literal") as info:
        rewrite(sql, _policy(mode), "duckdb", schema=SCHEMA)
    message = str(info.value)
    assert GUESS not in message
    assert " (at policy rewrite.filter_literals" in message and ". Fix: " in message
    assert "customers.username" in message  # where: the sensitive column the literal met


def test_the_refusal_says_the_literal_came_through_a_relation_and_how_to_fix_it() -> None:
    with pytest.raises(RewriteRefused) as info:
        rewrite(ROUTED_GUESSES[1], _policy("refuse"), "duckdb", schema=SCHEMA)
    assert "carried by a column of a CTE, subquery, derived table or VALUES list" in str(info.value)
    assert "compute that column from columns only" in str(info.value)


def test_a_refusal_does_not_echo_a_quoted_relation_or_column_name() -> None:
    """A quoted name can hold what the user typed: the refusal names the sensitive column from the schema only."""
    sql = (f'WITH "{GUESS}" AS (SELECT \'x\' || city AS "{GUESS}_v" FROM customers) SELECT count(*) AS n '
           f'FROM customers c, "{GUESS}" g WHERE c.username = g."{GUESS}_v"')
    for mode in ("refuse", "tokenize"):
        with pytest.raises(RewriteRefused) as info:
            rewrite(sql, _policy(mode), "duckdb", schema=SCHEMA)
        assert GUESS not in str(info.value) and "customers.username" in str(info.value)


# The controls: relations that rename, aggregate, truncate or filter, joins on keys, and literal-carrying columns
# that meet no sensitive column. Each must keep running with filter_literals: refuse.
KEPT = [
    "WITH g AS (SELECT id, username AS u, count(*) AS n FROM customers GROUP BY 1, 2) "
    "SELECT c.id, g.n FROM customers c JOIN g ON g.u = c.username",
    "WITH m AS (SELECT id, date_trunc('month', dob) AS month FROM customers) "
    "SELECT c.id FROM customers c JOIN m ON m.id = c.id WHERE m.month = date_trunc('month', c.dob)",
    "WITH f AS (SELECT id, count(*) FILTER (WHERE city = 'Springfield') AS n FROM customers GROUP BY id) "
    "SELECT coalesce(c.email, CAST(f.n AS VARCHAR)) AS e FROM customers c JOIN f ON f.id = c.id",
    "WITH g AS (SELECT id, 'x' || city AS v FROM customers) SELECT c.email, g.v FROM customers c JOIN g ON g.id = c.id",
    "WITH g AS (SELECT id, 'x' || city AS v FROM customers) SELECT c.id FROM customers c JOIN g ON g.v = 'x' || c.city",
    "WITH g AS (SELECT id, CASE WHEN city = 'Springfield' THEN username END AS u FROM customers) "
    "SELECT c.id FROM customers c JOIN g ON g.u = c.username",
    "SELECT c.id, d.label FROM customers c JOIN (SELECT id, 'gold' AS label FROM customers WHERE tier = 1) d "
    "ON d.id = c.id WHERE c.ssn IS NOT NULL",
    "SELECT count(*) AS n FROM customers c, (VALUES (1), (2)) AS v(t) WHERE c.tier = v.t AND c.email IS NOT NULL",
    "SELECT username FROM customers UNION SELECT username FROM customers WHERE tier = 2",
]


@pytest.mark.parametrize("sql", KEPT)
def test_relations_without_a_literal_meeting_a_sensitive_column_keep_running(duck, sql: str) -> None:
    r = rewrite(sql, _policy("refuse"), "duckdb", schema=SCHEMA)
    assert duck.execute(r.sql).fetchall() is not None


def test_a_literal_through_a_cte_on_a_tokenizable_column_is_refused_not_tokenized(key) -> None:
    """Only a literal written in the comparison is tokenized (its text is known); one routed through a relation is
    refused in tokenize mode too, so it never adds a token the 20-literal limit would not count."""
    sql = f"WITH g AS (SELECT '{GUESS}' || '' AS v) SELECT id FROM customers, g WHERE username = g.v"
    with pytest.raises(RewriteRefused, match="cannot tokenize"):
        rewrite(sql, _policy("tokenize"), "duckdb", schema=SCHEMA, key=key)
    # the control: the literal written in the comparison is tokenized
    written = rewrite(f"SELECT id FROM customers WHERE username = '{GUESS}'", _policy("tokenize"), "duckdb",
                      schema=SCHEMA, key=key)
    assert written.tokenized_filters == 1 and GUESS not in written.sql
