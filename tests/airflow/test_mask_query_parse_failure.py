"""``MaskQueryOperator``'s query is parsed as the safe query path parses it: a syntax error quotes no value.

``mask_query`` listed the query's tables with ``sqlglot.parse_one`` before the rewrite, so a query that did not
parse failed with sqlglot's ``ParseError``, whose text quotes the statement around the fault, literals included:
the task log and the run's lineage (its ``errorMessage``) got the name compared with ``customers.name``. It now
parses with :func:`maskline.rewrite.refusals.parse_select`, which refuses with the fault's line and column only.
"""

from __future__ import annotations

import duckdb
import pytest

from maskline.errors import RewriteRefused
from tests.rewrite.pii_data import POLICY, create_duckdb

NAME = "Zebulon Quartermaine"
BROKEN = [
    f"SELECT id FROM customers WHERE name = '{NAME}' AND (",  # an unclosed parenthesis
    f"SELECT id FROM customers WHERE name = '{NAME}' AND id = x'41'",  # a token DuckDB's grammar has no place for
]


@pytest.mark.parametrize("sql", BROKEN)
def test_sqlglot_alone_quotes_the_name(sql: str) -> None:
    """The control: sqlglot's own error for these queries holds the name."""
    import sqlglot
    from sqlglot.errors import ParseError

    with pytest.raises(ParseError) as info:
        sqlglot.parse_one(sql, read="duckdb")
    assert "Zebulon" in str(info.value)


@pytest.mark.parametrize("sql", BROKEN)
def test_a_query_that_does_not_parse_is_refused_without_its_text(sql: str) -> None:
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named
    from maskline.policy import load_policy

    con = duckdb.connect()
    create_duckdb(con)
    with pytest.raises(RewriteRefused, match=r"cannot parse the query as duckdb: ParseError \(at line 1") as info:
        mask_query(sql, load_policy(POLICY), Warehouse(con, engine_named("duckdb")))
    assert "Zebulon" not in str(info.value) and "Quartermaine" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__context__ is None  # no sqlglot error chained either


def test_a_query_that_parses_still_reads_its_tables_masked() -> None:
    """The control: listing the tables through the safe path's parser keeps the rewrite working."""
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named
    from maskline.policy import load_policy

    con = duckdb.connect()
    create_duckdb(con)
    query = mask_query("WITH c AS (SELECT * FROM customers) SELECT c.ssn, o.status FROM c "
                       "JOIN orders o ON o.customer_id = c.id", load_policy(POLICY),
                       Warehouse(con, engine_named("duckdb")))
    assert set(query.sources) == {"memory.main.customers", "memory.main.orders"}
    rows = con.execute(query.select.sql("duckdb")).fetchall()
    assert ("*******9999", "shipped") in rows and all("219-09" not in str(r) for r in rows)
