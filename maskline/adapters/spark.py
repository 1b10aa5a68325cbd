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
from typing import TYPE_CHECKING, Any

from maskline.adapters.base import EngineAdapter
from maskline.adapters.native import identifier, mask_objects
from maskline.dialects import KeyMode

if TYPE_CHECKING:
    from maskline.keys import KeyMaterial


class SparkAdapter(EngineAdapter):
    """Spark SQL (open source, through a Spark session) and Databricks (Unity Catalog column masks)."""

    name = "spark"
    names = ("spark", "databricks", "sparksql", "spark_connect")
    driver_modules = ("pyspark", "databricks")
    placeholder = "?"
    gx_datasource = "databricks_sql"
    key_exposure = "driver memory (session variables declared with bound parameters, Spark 4)"

    def key_setup(self, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
        """Session variables declared with bound parameters (hex text).

        >>> from maskline.keys import KeyMaterial
        >>> [sql for sql, _ in SparkAdapter().key_setup(KeyMaterial(b"k" * 16))][-1]
        'DECLARE OR REPLACE VARIABLE maskline_salt STRING DEFAULT ?'
        """
        from maskline.adapters.base import key_values

        return [(f"DECLARE OR REPLACE VARIABLE maskline_{n} STRING DEFAULT ?", (v.hex(),))
                for n, v in key_values(key).items()]

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return f"spark://{host or 'local'}" + (f":{port}" if port else "")


def column_mask_ddl(policy: Any, table: str, columns: Sequence[tuple[str, str | None]],
                    classification: Any = None) -> list[str]:
    """``CREATE OR REPLACE FUNCTION`` and ``ALTER TABLE ... ALTER COLUMN ... SET MASK`` per masked column.

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> column_mask_ddl(pol, "customers", [("id", "int"), ("email", "string")])[1]
    'ALTER TABLE `customers` ALTER COLUMN `email` SET MASK `maskline_customers_email`'
    """
    out: list[str] = []
    for m in mask_objects(policy, table, columns, engine="Databricks column masks", dialect="databricks",
                          body_dialect="spark", default_type="string", key_mode=KeyMode.KEY_TABLE,
                          raw_check="is_account_group_member", classification=classification):
        out.append(f"CREATE OR REPLACE FUNCTION {m.name}(val {m.sql_type}) RETURNS {m.sql_type} "
                   f"RETURN {m.body.sql('databricks')}")
        out.append(f"ALTER TABLE {identifier(table, 'databricks')} ALTER COLUMN "
                   f"{identifier(m.column.name, 'databricks')} SET MASK {m.name}")
    return out
