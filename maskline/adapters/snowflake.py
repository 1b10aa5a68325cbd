"""Snowflake: one masking policy per masked column, attached with ``ALTER TABLE ... SET MASKING POLICY``.

The key lives in ``maskline_private.maskline_key`` (hex columns ``salt``, ``ipad``, ``opad``), owned by the
role that owns the policies and readable by no one else. A masking policy's body runs with its owner's rights
and callers cannot run it on values of their choosing, so keyed methods read the key there by a scalar
subquery. Where the key can appear: that table, and the query history of the statement that filled it.
Roles in ``unmask_for`` (``role:NAME``) see raw values (``IS_ROLE_IN_SESSION``).

>>> from maskline.policy import load_policy
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
>>> print(masking_policy_ddl(pol, "db.sch.t", [("id", "number"), ("e", "varchar")])[0].split(" RETURNS ")[0])
CREATE OR REPLACE MASKING POLICY "db"."sch"."maskline_t_e" AS (val VARCHAR)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlglot import exp

from maskline.adapters.native import body, identifier, masked_columns, require_same_type, unmask_roles
from maskline.dialects import KeyMode

TEXT_METHODS = frozenset({"redact", "partial", "char_mask", "email", "hash", "hmac", "fake", "scrub"})


def masking_policy_ddl(policy: Any, table: str, columns: Sequence[tuple[str, str | None]],
                       classification: Any = None) -> list[str]:
    """``CREATE OR REPLACE MASKING POLICY`` and ``ALTER TABLE ... SET MASKING POLICY`` for every masked column."""
    parts = table.split(".")
    prefix = ".".join(parts[:-1] + [""]) if len(parts) > 1 else ""
    roles = unmask_roles(policy)
    out: list[str] = []
    for column in masked_columns(policy, parts[-1], columns, classification):
        require_same_type(column, "Snowflake masking policies", column.method.name in TEXT_METHODS)  # type: ignore[union-attr]
        sql_type = exp.DataType.build(column.source_type or "varchar", dialect="snowflake").sql("snowflake")
        masked = body(column, "snowflake", KeyMode.KEY_TABLE)
        if roles:
            allowed = exp.or_(*[exp.Anonymous(this="IS_ROLE_IN_SESSION", expressions=[exp.Literal.string(r)])
                                for r in roles])
            masked = exp.Case(ifs=[exp.If(this=allowed, true=exp.column("val"))], default=masked)
        name = identifier(f"{prefix}maskline_{parts[-1]}_{column.name}", "snowflake")
        # sqlglot has no model of masking-policy DDL, so the statement around the expression is text;
        # names are quoted through sqlglot and the body is a sqlglot expression.
        out.append(f"CREATE OR REPLACE MASKING POLICY {name} AS (val {sql_type}) RETURNS {sql_type} -> "
                   f"{masked.sql('snowflake')}")
        out.append(f"ALTER TABLE {identifier(table, 'snowflake')} MODIFY COLUMN "
                   f"{identifier(column.name, 'snowflake')} SET MASKING POLICY {name} FORCE")
    return out
