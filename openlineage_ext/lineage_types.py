"""Column types as lineage names them, per engine: one table for every face that sends a ``schema`` facet.

Marquez keys a dataset's fields by (name, type): a table a SQL task, a maskline operator and an agent's tool call
all describe must carry each column with one type name, or it shows twice. The OpenLineage provider's SQL
extractor reports PostgreSQL's ``udt_name`` (``int4``); maskline reads ``data_type`` (``integer``) and renames it
here, for the Airflow operators and agent toolset (``airflow_plugin.lineage``) and the MCP server
(``maskline.mcp.lineage``) alike.
"""

from __future__ import annotations

from typing import Any

# Type names as the OpenLineage provider's SQL extractor reports them (PostgreSQL: information_schema's
# udt_name), so a table both a SQL task and a maskline task touch gets each field once in Marquez, which
# keys fields by (name, type). The warehouse reads data_type; lineage renames it through this table.
LINEAGE_TYPE_NAMES: dict[str, dict[str, str]] = {
    "postgres": {
        "smallint": "int2", "integer": "int4", "bigint": "int8", "real": "float4", "double precision": "float8",
        "boolean": "bool", "character varying": "varchar", "character": "bpchar",
        "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
        "time without time zone": "time", "time with time zone": "timetz",
    },
}


def lineage_type(dialect: str | None, type_: str | None) -> str | None:
    """A column type as lineage names it for ``dialect``.

    >>> lineage_type("postgres", "double precision"), lineage_type("postgres", "text"), lineage_type("duckdb", "BIGINT")
    ('float8', 'text', 'BIGINT')
    """
    if type_ is None:
        return None
    return LINEAGE_TYPE_NAMES.get(dialect or "", {}).get(type_.lower(), type_)


def renamed_types(plan: Any, dialect: str | None) -> Any:
    """``plan`` with each column's source type as lineage names it for ``dialect`` (:func:`lineage_type`).

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> [c.source_type for c in renamed_types(build_plan(load_policy({}), "t", [("n", "integer")]), "postgres").columns]
    ['int4']
    """
    from dataclasses import replace

    columns = tuple(replace(c, source_type=lineage_type(dialect, c.source_type)) for c in plan.columns)
    return replace(plan, columns=columns)
