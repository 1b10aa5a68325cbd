"""A masking job that reads two tables of one name in different schemas: each gets its own plan and its own lineage.

The rewrite keyed its plans by the relation as the schema named it and its lineage by the query's spelling, and
``mask_query`` matched the two by every trailing part of a name (``customers.email`` found the plan of whichever
``customers`` came first). ``a.customers`` and ``b.customers``, the second read unqualified through the search
path, then shared one plan: the job's output plan told the lineage that ``b``'s column was masked as ``a``'s rule
says. Now the rewrite resolves each relation once from the engine's catalog (``catalog.schema.table``) and keys
its plans, its tables and its lineage by that one name; the job looks plans up by equality. Run on real DuckDB and
PostgreSQL, with the OpenLineage record ``MaskQueryOperator`` hands Airflow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from maskline.policy import load_policy

# a's email is an EMAIL, b's "email" column holds phone numbers: which plan a column got shows in its info type.
POLICY = {"datasets": {
    "a.customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"}}},
    "b.customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "PHONE"}}}}}
SETUP = ["CREATE SCHEMA a", "CREATE SCHEMA b",
         "CREATE TABLE a.customers (id INTEGER, email VARCHAR)", "CREATE TABLE b.customers (id INTEGER, email VARCHAR)",
         "INSERT INTO a.customers VALUES (1, 'zebulon@example.org')",
         "INSERT INTO b.customers VALUES (1, '+1 415 555 0134')"]
# b.customers is read unqualified: the connection's search path resolves it (SET schema / search_path = b).
BOTH = "SELECT x.email AS a_email, y.email AS b_email FROM a.customers AS x JOIN customers AS y ON x.id = y.id"
ONLY_B = "SELECT email FROM customers"


def _masked(warehouse: Any, sql: str) -> Any:
    from airflow_plugin.query_masking import mask_query

    return mask_query(sql, load_policy(POLICY), warehouse)


def _record(masked: Any, dialect: str) -> Any:
    from airflow_plugin.lineage import query_record

    record = query_record(masked, 1, None, dialect, "masked_out", None)
    assert record is not None
    return record


@pytest.fixture
def duck() -> Iterator[Any]:
    from airflow_plugin.warehouse import Warehouse, engine_named

    con = duckdb.connect()
    for statement in SETUP:
        con.execute(statement)
    con.execute("SET schema = 'b'")
    yield Warehouse(con, engine_named("duckdb"))
    con.close()


@pytest.fixture
def pg(pg_dsn: str) -> Iterator[Any]:
    import psycopg2

    from airflow_plugin.warehouse import Warehouse, engine_named

    con = psycopg2.connect(pg_dsn)
    con.autocommit = True
    with con.cursor() as cur:
        for statement in SETUP:
            cur.execute(statement)
        cur.execute("SET search_path = b, public")
    yield Warehouse(con, engine_named("postgres"))
    with con.cursor() as cur:
        cur.execute("DROP SCHEMA a CASCADE; DROP SCHEMA b CASCADE")
    con.close()


def _catalog(warehouse: Any) -> str:
    from maskline.lineage_names import connection_catalog

    database, _ = connection_catalog(warehouse.connection)
    return str(database).lower()


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_namesakes_of_two_schemas_get_their_own_plans(engine: str, request: pytest.FixtureRequest) -> None:
    warehouse = request.getfixturevalue("duck" if engine == "duckdb" else "pg")
    masked = _masked(warehouse, BOTH)
    catalog = _catalog(warehouse)
    # One name per relation, resolved from the catalog: the keys of the plans are the job's sources.
    assert masked.sources == (f"{catalog}.a.customers", f"{catalog}.b.customers")
    assert set(masked.input_plans) == set(masked.sources)
    types = {c.name: c.info_type for c in masked.plan.columns}
    # Before: b_email took a's EMAIL plan (the first plan that ended in customers.email).
    assert types == {"a_email": "EMAIL", "b_email": "PHONE"}
    rows = warehouse.connection.execute(masked.select.sql(engine)).fetchall() if engine == "duckdb" else None
    if rows is not None:
        # a's email masked as an email, b's phone number as a phone (its last two digits kept)
        assert rows == [("*****@example.org", "*************34")]


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_namesakes_of_two_schemas_get_their_own_lineage(engine: str, request: pytest.FixtureRequest) -> None:
    warehouse = request.getfixturevalue("duck" if engine == "duckdb" else "pg")
    record = _record(_masked(warehouse, BOTH), engine)
    prefix = "" if engine == "duckdb" else "postgres."  # DuckDB's file is the namespace; PostgreSQL's database
    # Each output column's input is its own table's column, read through the search path or not.
    assert [s[1:3] for s in record.sources["a_email"]] == [(f"{prefix}a.customers", "email")]
    assert [s[1:3] for s in record.sources["b_email"]] == [(f"{prefix}b.customers", "email")]
    # Each input dataset carries its own table's plan.
    plans = {name: {c.name: c.info_type for c in plan.columns} for _, name, plan in record.inputs}
    assert plans == {f"{prefix}a.customers": {"id": None, "email": "EMAIL"},
                     f"{prefix}b.customers": {"id": None, "email": "PHONE"}}
    assert {(s[1], s[2]) for s in record.indirect} == {(f"{prefix}a.customers", "id"), (f"{prefix}b.customers", "id")}


@pytest.mark.parametrize("engine", ["duckdb", "postgres"])
def test_a_table_read_through_the_search_path_is_that_schemas_table(engine: str,
                                                                    request: pytest.FixtureRequest) -> None:
    warehouse = request.getfixturevalue("duck" if engine == "duckdb" else "pg")
    masked = _masked(warehouse, ONLY_B)
    record = _record(masked, engine)
    prefix = "" if engine == "duckdb" else "postgres."
    assert masked.sources == (f"{_catalog(warehouse)}.b.customers",)
    assert [(c.name, c.info_type) for c in masked.plan.columns] == [("email", "PHONE")]
    assert record.input_name == f"{prefix}b.customers"
    assert [s[1:3] for s in record.sources["email"]] == [(f"{prefix}b.customers", "email")]


def test_the_ordinary_case_keeps_its_dataset_names() -> None:
    """The control: a table of the default schema, written bare or with its schema or catalog, is one dataset named
    as before (DuckDB: ``main.customers``; the catalog is the file, in the namespace)."""
    from airflow_plugin.warehouse import Warehouse, engine_named

    warehouse = Warehouse(duckdb.connect(), engine_named("duckdb"))
    warehouse.execute("CREATE TABLE customers (id INTEGER, email VARCHAR)")
    policy = {"customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"}}}}
    for sql in ("SELECT email FROM customers", "SELECT email FROM main.customers",
                "SELECT email FROM memory.main.customers"):
        from airflow_plugin.query_masking import mask_query

        masked = mask_query(sql, load_policy({"datasets": policy}), warehouse)
        record = _record(masked, "duckdb")
        assert record.input_name == "main.customers", sql
        assert [s[1:3] for s in record.sources["email"]] == [("main.customers", "email")], sql
        assert [(c.name, c.info_type) for c in masked.plan.columns] == [("email", "EMAIL")], sql
