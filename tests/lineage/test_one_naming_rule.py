"""One rule names a table in lineage, for every face (mcplineage): the operators', the agent toolset's and the MCP
server's datasets are the same Marquez node only if their names come from one place.

``airflow_plugin.lineage.dataset_namespace`` and ``dataset_name`` (the operators and ``MaskedSQLToolset``) and the
MCP server (``maskline.mcp.database.Database.namespace``, ``maskline.mcp.tools``) all call
:mod:`maskline.lineage_names`. Airflow's connection is a real ``airflow.models.Connection``; the control: another
database or another schema is another name, so the agreement is not trivially true.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.lineage.connection_hook import ConnectionHook

pytestmark = pytest.mark.airflow


def test_airflow_and_mcp_name_a_postgres_table_alike() -> None:
    from airflow.models import Connection

    from airflow_plugin.lineage import dataset_name, dataset_namespace
    from maskline.lineage_names import table_dataset_name, table_namespace
    from maskline.mcp.database import Database

    hook = ConnectionHook(Connection(conn_id="pg", conn_type="postgres", host="db.local", port=5433, schema="shop"))
    mcp = Database.from_uri("postgresql://reader:pw@db.local:5433/shop")
    assert dataset_namespace(hook, "postgres") == mcp.namespace == table_namespace("postgres", "db.local", 5433, "shop")
    assert dataset_name("raw_customers", "postgres", hook) == table_dataset_name("postgres", "raw_customers",
                                                                                 database="shop")
    # The control: another database, or a table of another schema, is another node.
    assert table_dataset_name("postgres", "raw_customers", database="crm") != dataset_name("raw_customers",
                                                                                          "postgres", hook)
    assert table_dataset_name("postgres", "raw_customers", database="shop", schema="hr") != dataset_name(
        "raw_customers", "postgres", hook)


def test_airflow_and_mcp_name_a_duckdb_table_alike(tmp_path: Any) -> None:
    from airflow_plugin.lineage import dataset_name
    from maskline.lineage_names import table_dataset_name
    from maskline.mcp.database import Database

    path = tmp_path / "w.duckdb"
    assert Database.from_uri(f"duckdb:///{path}").namespace == f"duckdb://{path}"
    # A file database's names start at the schema: the file is the namespace, whatever catalog name DuckDB gives it.
    assert dataset_name("raw_customers", "duckdb", None) == table_dataset_name("duckdb", "raw_customers",
                                                                                database="w") == "main.raw_customers"
