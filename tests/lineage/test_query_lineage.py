"""Column lineage of a query after the OpenLineage column-lineage spec: a table of (SQL, expected)."""

from __future__ import annotations

import pytest

from openlineage_ext.query_lineage import query_lineage

SCHEMA = {"customers": {"id": "int", "email": "text", "plan": "text", "ltv": "double"},
          "orders": {"id": "int", "customer_id": "int", "amount": "double", "placed_at": "date"}}

DIRECT = [
    ("SELECT email FROM customers", "email", [("customers", "email", "IDENTITY")]),
    ("SELECT email AS contact FROM customers", "contact", [("customers", "email", "IDENTITY")]),
    ("SELECT lower(email) AS e FROM customers", "e", [("customers", "email", "TRANSFORMATION")]),
    ("SELECT count(*) AS n FROM customers", "n", []),
    ("SELECT 1 AS one FROM customers", "one", []),
    ("SELECT min(email) AS first FROM customers", "first", [("customers", "email", "AGGREGATION")]),
    ("SELECT count(DISTINCT email) AS n FROM customers", "n", [("customers", "email", "AGGREGATION")]),
    ("SELECT c.plan, sum(o.amount) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY 1",
     "total", [("orders", "amount", "AGGREGATION")]),
    ("WITH big AS (SELECT email, ltv FROM customers WHERE ltv > 10) SELECT upper(email) AS e FROM big", "e",
     [("customers", "email", "TRANSFORMATION")]),
    ("WITH s AS (SELECT plan, max(ltv) AS top FROM customers GROUP BY plan) SELECT top AS best FROM s", "best",
     [("customers", "ltv", "AGGREGATION")]),
    ("SELECT email || plan AS tag FROM customers", "tag",
     [("customers", "email", "TRANSFORMATION"), ("customers", "plan", "TRANSFORMATION")]),
]


@pytest.mark.parametrize(("sql", "output", "expected"), DIRECT)
def test_direct_inputs_and_subtype(sql: str, output: str, expected: list[tuple[str, str, str]]) -> None:
    got = query_lineage(sql, SCHEMA, "postgres").direct[output]
    assert sorted((s.table, s.column, s.subtype) for s in got) == sorted(expected)


INDIRECT = [
    ("SELECT email FROM customers WHERE plan = 'pro'", {("customers", "plan", "FILTER")}),
    ("SELECT c.email FROM customers c JOIN orders o ON o.customer_id = c.id",
     {("orders", "customer_id", "JOIN"), ("customers", "id", "JOIN")}),
    ("SELECT plan, count(*) AS n FROM customers GROUP BY plan HAVING count(*) > 1 ORDER BY plan",
     {("customers", "plan", "GROUP_BY"), ("customers", "plan", "SORT")}),
    ("SELECT row_number() OVER (PARTITION BY plan ORDER BY ltv) AS r FROM customers",
     {("customers", "plan", "WINDOW"), ("customers", "ltv", "WINDOW")}),
]


@pytest.mark.parametrize(("sql", "expected"), INDIRECT)
def test_indirect_inputs(sql: str, expected: set[tuple[str, str, str]]) -> None:
    got = {(s.table, s.column, s.subtype) for s in query_lineage(sql, SCHEMA, "postgres").indirect}
    assert expected <= got
    assert all(subtype not in ("IDENTITY", "TRANSFORMATION", "AGGREGATION") for _, _, subtype in got)


def test_no_invented_same_named_input_column() -> None:
    lin = query_lineage("SELECT plan AS tier, count(*) AS customers FROM customers GROUP BY plan", SCHEMA, "postgres")
    assert [(s.column, s.subtype) for s in lin.direct["tier"]] == [("plan", "IDENTITY")]
    assert lin.direct["customers"] == ()  # not customers.customers, which does not exist
