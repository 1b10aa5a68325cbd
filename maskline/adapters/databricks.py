"""Databricks (Unity Catalog): one SQL function per masked column, attached with ``ALTER COLUMN ... SET MASK``.

The key lives in ``maskline_private.maskline_key`` (hex columns ``salt``, ``ipad``, ``opad``), readable only
by the functions' owner; keyed methods read it by a scalar subquery in the mask function. Where the key can
appear: that table. Groups in ``unmask_for`` (``role:NAME``) see raw values (``is_account_group_member``).
Open-source Spark has no column masks: there, maskline runs the same masking SQL itself (``KeyMode.SESSION``).

>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
>>> print(column_mask_ddl(pol, "main.sch.t", [("id", "int"), ("e", "string")])[1])
ALTER TABLE `main`.`sch`.`t` ALTER COLUMN `e` SET MASK `main`.`sch`.`maskline_t_e`
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlglot import exp

from maskline.adapters.native import body, identifier, masked_columns, require_same_type, unmask_roles
from maskline.adapters.snowflake import TEXT_METHODS
from maskline.dialects import KeyMode


def column_mask_ddl(policy: Any, table: str, columns: Sequence[tuple[str, str | None]],
                    classification: Any = None) -> list[str]:
    """``CREATE OR REPLACE FUNCTION`` and ``ALTER TABLE ... ALTER COLUMN ... SET MASK`` per masked column."""
    parts = table.split(".")
    prefix = ".".join(parts[:-1] + [""]) if len(parts) > 1 else ""
    roles = unmask_roles(policy)
    out: list[str] = []
    for column in masked_columns(policy, parts[-1], columns, classification):
        require_same_type(column, "Databricks column masks", column.method.name in TEXT_METHODS)  # type: ignore[union-attr]
        sql_type = exp.DataType.build(column.source_type or "string", dialect="databricks").sql("databricks")
        masked = body(column, "spark", KeyMode.KEY_TABLE)
        if roles:
            allowed = exp.or_(*[exp.Anonymous(this="is_account_group_member", expressions=[exp.Literal.string(r)])
                                for r in roles])
            masked = exp.Case(ifs=[exp.If(this=allowed, true=exp.column("val"))], default=masked)
        name = identifier(f"{prefix}maskline_{parts[-1]}_{column.name}", "databricks")
        out.append(f"CREATE OR REPLACE FUNCTION {name}(val {sql_type}) RETURNS {sql_type} "
                   f"RETURN {masked.sql('databricks')}")
        out.append(f"ALTER TABLE {identifier(table, 'databricks')} ALTER COLUMN "
                   f"{identifier(column.name, 'databricks')} SET MASK {name}")
    return out
