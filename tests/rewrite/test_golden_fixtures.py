"""Golden rewrites per dialect: the exact SQL the rewrite emits for a fixed set of queries.

The files under ``fixtures/<dialect>/golden.yaml`` are reviewed like code. After an intended change, regenerate
them with ``MASKLINE_UPDATE_GOLDEN=1 pytest tests/rewrite/test_golden_fixtures.py`` and read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from maskline.rewrite import rewrite
from tests.rewrite.pii_data import COLUMNS

DIALECTS = ("duckdb", "postgres", "snowflake", "bigquery", "spark", "trino")
FIXTURES = Path(__file__).with_name("fixtures")
SCHEMA = {t: {n: dt.lower() for n, dt, _ in cols} for t, cols in COLUMNS.items()}
QUERIES = {
    "star": "SELECT * FROM customers",
    "cte_alias": "WITH x AS (SELECT id, email AS e FROM customers) SELECT id, upper(e) AS contact FROM x",
    "join_using": "SELECT customer_id, ip, card FROM sessions JOIN orders USING (customer_id)",
    "aggregates": "SELECT city, count(DISTINCT ssn) AS n, max(phone) AS p FROM customers GROUP BY city",
    "union": "SELECT name FROM customers UNION ALL SELECT device FROM sessions",
    "window": "SELECT id, lag(username) OVER (ORDER BY id) AS prev FROM customers",
    "concat": "SELECT concat(name, ' ', email) AS label FROM customers",
    "reverse": "SELECT reverse(ssn) AS r FROM customers",
    "scalar_subquery": "SELECT id, (SELECT max(card) FROM orders o WHERE o.customer_id = c.id) AS top_card "
                       "FROM customers c",
    "tokenized_filter": "SELECT id, city FROM customers WHERE passport = 'X98234571'",
}


def _generate(dialect: str, policy) -> dict[str, dict[str, str]]:
    return {name: {"query": q, "rewritten": rewrite(q, policy, dialect, schema=SCHEMA).sql}
            for name, q in QUERIES.items()}


@pytest.mark.parametrize("dialect", DIALECTS)
def test_rewrite_matches_golden_fixture(dialect: str, pii_policy) -> None:
    path = FIXTURES / dialect / "golden.yaml"
    got = _generate(dialect, pii_policy)
    if os.environ.get("MASKLINE_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(got, sort_keys=False, width=200))
    expected = yaml.safe_load(path.read_text())
    assert set(expected) == set(QUERIES), "fixture lists other queries: regenerate it"
    for name in QUERIES:
        assert got[name]["rewritten"] == expected[name]["rewritten"], f"{dialect}/{name} changed"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_golden_sql_parses_back_in_its_dialect_and_holds_no_raw_literal(dialect: str) -> None:
    import sqlglot

    from maskline.dialects import get_dialect

    for name, case in yaml.safe_load((FIXTURES / dialect / "golden.yaml").read_text()).items():
        sqlglot.parse_one(case["rewritten"], read=get_dialect(dialect).sqlglot_name)
        assert "X98234571" not in case["rewritten"], name
