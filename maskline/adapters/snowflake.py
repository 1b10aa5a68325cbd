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
from typing import TYPE_CHECKING, Any

from maskline.adapters.base import EngineAdapter
from maskline.adapters.native import identifier, mask_objects
from maskline.dialects import KeyMode

if TYPE_CHECKING:
    from maskline.keys import KeyMaterial


class SnowflakeAdapter(EngineAdapter):
    """Snowflake through ``snowflake-connector-python`` (masking SQL and native masking policies)."""

    name = "snowflake"
    names = ("snowflake",)
    driver_modules = ("snowflake",)
    default_schema = "PUBLIC"
    folds_case = False  # Snowflake folds unquoted names to UPPER case; callers pass catalog names as stored
    gx_datasource = "snowflake"
    key_exposure = "query history of the SET statement (bound parameters)"

    def key_setup(self, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
        """Session variables set with bound parameters (hex text).

        >>> from maskline.keys import KeyMaterial
        >>> [sql for sql, _ in SnowflakeAdapter().key_setup(KeyMaterial(b"k" * 16))][-1]
        'SET maskline_salt = %s'
        """
        from maskline.adapters.base import key_values

        return [(f"SET maskline_{n} = %s", (v.hex(),)) for n, v in key_values(key).items()]

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return f"snowflake://{host or ''}"


def masking_policy_ddl(policy: Any, table: str, columns: Sequence[tuple[str, str | None]],
                       classification: Any = None) -> list[str]:
    """``CREATE OR REPLACE MASKING POLICY`` and ``ALTER TABLE ... SET MASKING POLICY`` for every masked column.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> ddl = masking_policy_ddl(pol, "customers", [("id", "integer"), ("email", "varchar")])
    >>> len(ddl), ddl[0][:67]
    (2, 'CREATE OR REPLACE MASKING POLICY "maskline_customers_email" AS (val')
    >>> ddl[1]
    'ALTER TABLE "customers" MODIFY COLUMN "email" SET MASKING POLICY "maskline_customers_email" FORCE'
    """
    out: list[str] = []
    for m in mask_objects(policy, table, columns, engine="Snowflake masking policies", dialect="snowflake",
                          body_dialect="snowflake", default_type="varchar", key_mode=KeyMode.KEY_TABLE,
                          raw_check="IS_ROLE_IN_SESSION", classification=classification):
        # sqlglot has no model of masking-policy DDL, so the statement around the expression is text;
        # names are quoted through sqlglot and the body is a sqlglot expression.
        out.append(f"CREATE OR REPLACE MASKING POLICY {m.name} AS (val {m.sql_type}) RETURNS {m.sql_type} -> "
                   f"{m.body.sql('snowflake')}")
        out.append(f"ALTER TABLE {identifier(table, 'snowflake')} MODIFY COLUMN "
                   f"{identifier(m.column.name, 'snowflake')} SET MASKING POLICY {m.name} FORCE")
    return out
