"""A table's masking plan is looked up by its qualified name: ``hr.customers`` never gets ``customers``' plan.

One DuckDB database holds ``main.customers`` and ``hr.customers`` with the same columns. The policy makes
``email`` sensitive in ``customers`` (the default schema's) and ``badge`` sensitive in ``hr.customers`` only,
with ``unclassified: pass``, so a column read under the other table's plan comes back raw.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from maskline.policy import load_policy
from maskline.rewrite import rewrite

COLUMNS = {"id": "integer", "email": "varchar", "badge": "varchar"}
MAIN = {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}
HR = {"hr.customers": {"columns": {"badge": {"info_type": "US_SSN", "method": {"method": "redact"}}}}}
MAIN_FIRST = load_policy({"unclassified": "pass", "datasets": {**MAIN, **HR}})
HR_FIRST = load_policy({"unclassified": "pass", "datasets": {**HR, **MAIN}})


@pytest.fixture()
def con() -> Any:
    c = duckdb.connect()
    c.execute("CREATE SCHEMA hr")
    for schema in ("main", "hr"):
        c.execute(f"CREATE TABLE {schema}.customers (id INTEGER, email VARCHAR, badge VARCHAR)")
        c.execute(f"INSERT INTO {schema}.customers VALUES (1, '{schema}.person@example.org', '{schema}-badge-7781')")
    yield c
    c.close()


def run(con: Any, sql: str, policy: Any = MAIN_FIRST, **kwargs: Any) -> list[tuple[Any, ...]]:
    return con.execute(rewrite(sql, policy, "duckdb", connection=con, **kwargs).sql).fetchall()


def test_a_caller_schema_keyed_customers_does_not_give_hr_customers_its_plan(con: Any) -> None:
    rows = run(con, "SELECT badge FROM hr.customers", schema={"customers": COLUMNS})
    assert rows == [("[US_SSN]",)]


def test_a_caller_schema_keyed_hr_customers_does_not_stand_for_the_default_schemas_table(con: Any) -> None:
    rows = run(con, "SELECT email FROM customers", schema={"hr.customers": COLUMNS})
    assert rows == [("*****@example.org",)]


def test_the_default_schemas_table_gets_its_own_entry_whatever_the_policys_order(con: Any) -> None:
    assert run(con, "SELECT email FROM customers", HR_FIRST) == [("*****@example.org",)]
    assert run(con, "SELECT badge FROM hr.customers", HR_FIRST) == [("[US_SSN]",)]


def test_a_query_reading_both_tables_masks_each_by_its_own_plan(con: Any) -> None:
    """Before, ``customers`` matched both schema keys by last name and the query was refused as unknown."""
    sql = "SELECT c.email, h.badge, c.badge AS main_badge FROM customers c JOIN hr.customers h ON c.id = h.id"
    for policy in (MAIN_FIRST, HR_FIRST):
        assert run(con, sql, policy) == [("*****@example.org", "[US_SSN]", "main-badge-7781")]


def test_without_a_connection_an_unqualified_key_does_not_cover_another_schema() -> None:
    from maskline.errors import RewriteRefused

    with pytest.raises(RewriteRefused, match=r"the table at line 1, column 19 is not in the schema"):
        rewrite("SELECT badge FROM hr.customers", MAIN_FIRST, "duckdb", schema={"customers": COLUMNS})


@pytest.mark.parametrize(("sql", "schema", "expected"), [
    ("SELECT badge FROM customers", {"customers": COLUMNS}, "main-badge-7781"),
    ("SELECT badge FROM main.customers", {"customers": COLUMNS}, "main-badge-7781"),
    ("SELECT badge FROM customers", {"main.customers": COLUMNS}, "main-badge-7781"),
    ("SELECT badge FROM hr.customers", {"hr.customers": COLUMNS}, "[US_SSN]"),
    ("SELECT badge FROM memory.hr.customers", None, "[US_SSN]"),
])
def test_the_same_table_written_either_way_keeps_its_plan(con: Any, sql: str, schema: Any, expected: str) -> None:
    """The control: names of the same table still match, qualified or not (main is DuckDB's default schema)."""
    assert run(con, sql, schema=schema) == [(expected,)]


def test_the_connections_current_schema_is_the_default(con: Any) -> None:
    """With ``SET schema = 'hr'``, an unqualified ``customers`` is hr's table, and gets hr's plan."""
    con.execute("SET schema = 'hr'")
    assert run(con, "SELECT badge, email FROM customers") == [("[US_SSN]", "hr.person@example.org")]


def test_an_unqualified_policy_entry_is_not_taken_for_another_schemas_table(con: Any) -> None:
    """``customers`` passes ``badge`` by choice; hr.customers, which no entry describes, is refused, not passed."""
    from maskline.errors import PolicyError

    policy = load_policy({"datasets": {"customers": {"columns": {"badge": {"pass": True}}}}})
    assert run(con, "SELECT badge FROM customers", policy) == [("main-badge-7781",)]  # the control
    with pytest.raises(PolicyError, match=r"names the table of the default schema main, not hr\.customers"):
        run(con, "SELECT badge FROM hr.customers", policy)
    described = load_policy({"datasets": {"customers": {"columns": {"badge": {"pass": True}}},
                                          "hr.customers": {"columns": {}}}})
    assert run(con, "SELECT badge FROM hr.customers", described) == [("[REDACTED]",)]  # its own entry: fail closed
