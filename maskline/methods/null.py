"""``null``: every value becomes NULL. Output: NULL (of the input's type where cast)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, NoParams
from maskline.methods.shape import MaskedShape

if TYPE_CHECKING:
    from sqlglot import exp


def build(column: exp.Expression, p: NoParams, ctx: MaskContext) -> exp.Expression:
    """A typed NULL when the column's type is known, else the engine's NULL.

    >>> from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="date")
    >>> build(exp.column("c"), NoParams(), ctx).sql("duckdb")
    'CAST(NULL AS DATE)'
    """
    from sqlglot import exp

    if ctx.source_type:
        return exp.cast(exp.Null(), exp.DataType.build(ctx.source_type, dialect=ctx.dialect.sqlglot_name or None))
    return ctx.dialect.null()


def shape(p: NoParams, info_type: str | None) -> MaskedShape:
    """Every value NULL.

    >>> shape(NoParams(), None).all_null
    True
    """
    return MaskedShape("null", "every value NULL", all_null=True)


METHOD = MethodDef("null", NoParams, build, keyed=False, output="NULL of the input type",
                   summary="replace every value with NULL", shape=shape, opaque=True, propagates_null=True)
