"""``MaskQueryOperator``'s rewrite decides relations as the safe query path does (red team 5).

``mask_query`` gave the rewrite a schema but no connection, so the rewrite could not ask the engine which
relations are views: under ``unclassified: pass`` a view renaming the policy's columns passed them raw.
"""

from __future__ import annotations

import duckdb

from tests.rewrite.pii_data import POLICY, create_duckdb, find_leaks, leak_needles

VIEW = "CREATE VIEW contacts AS SELECT id, email AS contact, ssn AS ref, city FROM customers"


def _masked_rows(sql: str) -> tuple[list[str], list[tuple[object, ...]]]:
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named
    from maskline.policy import load_policy

    con = duckdb.connect()
    create_duckdb(con)
    con.execute(VIEW)
    assert find_leaks(con.execute("SELECT * FROM contacts").fetchall(), leak_needles())  # control: raw below
    query = mask_query(sql, load_policy(POLICY), Warehouse(con, engine_named("duckdb")))
    rows = con.execute(query.select.sql("duckdb")).fetchall()
    return [c.name for c in query.plan.masked], rows


def test_a_view_over_named_columns_is_masked_in_a_masked_query() -> None:
    masked, rows = _masked_rows("SELECT contact, ref FROM contacts")
    assert masked == ["contact", "ref"]
    assert rows and not find_leaks(rows, leak_needles())


def test_a_tables_unnamed_column_still_passes_in_a_masked_query() -> None:
    masked, rows = _masked_rows("SELECT city FROM customers WHERE id = 1")  # the control
    assert masked == [] and rows == [("Springfield",)]


# --- catalogs: mask_query keeps to the connection's own catalog, as the safe query path does ------------------------
def test_mask_query_refuses_a_table_of_an_attached_duckdb_database() -> None:
    import pytest

    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named
    from maskline.errors import RewriteRefused
    from maskline.policy import load_policy

    con = duckdb.connect()
    create_duckdb(con)
    con.execute("ATTACH ':memory:' AS other")
    con.execute("CREATE TABLE other.main.vault AS SELECT id, ssn AS note FROM memory.main.customers")
    con.execute("CREATE TABLE other.main.customers AS SELECT * FROM memory.main.customers")
    warehouse = Warehouse(con, engine_named("duckdb"))
    for sql in ("SELECT note FROM other.main.vault", "SELECT city, ssn FROM other.main.customers"):
        assert find_leaks(con.execute(sql).fetchall(), leak_needles())  # the control: DuckDB reads them raw
        # mask_query read their columns from the other catalog and passed the vault's note raw before
        with pytest.raises(RewriteRefused, match="is not in the schema"):
            mask_query(sql, load_policy(POLICY), warehouse)
    # the control: the connection's own catalog, named in full, reads masked
    query = mask_query("SELECT email, city FROM memory.main.customers WHERE id = 1", load_policy(POLICY), warehouse)
    assert con.execute(query.select.sql("duckdb")).fetchall() == [("*****@quillfeather-mail.example", "Springfield")]
    assert query.sources == ("memory.main.customers",)
