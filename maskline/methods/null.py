"""``null``: every value becomes NULL. Output: NULL of the input's type, unless that type's spelling holds values.

A typed NULL keeps the column's type, and a type can spell data: DuckDB's ``ENUM('Ann Smith', 'Bob Jones')`` lists
every value the column may hold. Cast to it, the masked column hands the labels to whatever reads its type
(``typeof(col)``, a masked table's schema, the printed SQL). Which types are kept is an allow-list of their parts
(:func:`value_free_type`): names, nested types, struct fields and numeric sizes. A type with any other part (an
enum's string labels, whatever a future engine adds) gives a NULL of the engine's text type instead: no value of
it reaches the masked relation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, NoParams
from maskline.methods.shape import MaskedShape

if TYPE_CHECKING:
    from sqlglot import exp


def value_free_type(data_type: exp.DataType) -> bool:
    """Whether every part of ``data_type`` is structure: types, struct fields' names, interval units (keywords)
    and numeric parameters.

    >>> from sqlglot import exp
    >>> [value_free_type(exp.DataType.build(t, dialect="duckdb")) for t in
    ...  ("DECIMAL(18, 3)", "STRUCT(a VARCHAR)[]", "INTEGER[3]", "ENUM('Ann Smith')", "STRUCT(n ENUM('Ann'))")]
    [True, True, True, False, False]
    >>> value_free_type(exp.DataType.build("interval day to second", dialect="postgres"))
    True
    """
    from sqlglot import exp

    structure = (exp.DataType, exp.DataTypeParam, exp.ColumnDef, exp.Identifier, exp.Interval, exp.IntervalSpan,
                 exp.Var)
    return all(isinstance(n, structure) or (isinstance(n, exp.Literal) and not n.is_string)
               for n in data_type.walk())


def complete_type(data_type: exp.DataType) -> bool:
    """Whether ``data_type`` names every element type it nests: PostgreSQL's catalogue reports an array column as
    ``ARRAY``, which no cast can take (``CAST(NULL AS ARRAY)`` failed every row).

    >>> from sqlglot import exp
    >>> [complete_type(exp.DataType.build(t, dialect=d)) for t, d in
    ...  (("ARRAY", "postgres"), ("integer[]", "postgres"), ("STRUCT(a VARCHAR)[]", "duckdb"), ("date", None))]
    [False, True, True, True]
    """
    from sqlglot import exp

    nesting = {exp.DataType.Type.ARRAY, exp.DataType.Type.LIST, exp.DataType.Type.MAP, exp.DataType.Type.STRUCT}
    return not any(isinstance(n, exp.DataType) and n.this in nesting and not n.expressions
                   for n in data_type.walk())


def build(column: exp.Expression, p: NoParams, ctx: MaskContext) -> exp.Expression:
    """A typed NULL when the column's type is known and spells no value, else the engine's NULL.

    >>> from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="date")
    >>> build(exp.column("c"), NoParams(), ctx).sql("duckdb")
    'CAST(NULL AS DATE)'
    >>> build(exp.column("c"), NoParams(), MaskContext(get_dialect("duckdb"), None,
    ...                                               source_type="ENUM('Ann Smith', 'Bob Jones')")).sql("duckdb")
    'CAST(NULL AS TEXT)'
    >>> build(exp.column("c"), NoParams(), MaskContext(get_dialect("postgres"), None, source_type="ARRAY")).sql("postgres")
    'NULL'
    """
    from sqlglot import exp

    if ctx.source_type:
        data_type = exp.DataType.build(ctx.source_type, dialect=ctx.dialect.sqlglot_name or None)
        if not complete_type(data_type):
            return ctx.dialect.null()
        if value_free_type(data_type):
            return exp.cast(exp.Null(), data_type)
        return ctx.dialect.text(exp.Null())  # the labels stay in the catalog; the masked relation gets none
    return ctx.dialect.null()


def shape(p: NoParams, info_type: str | None) -> MaskedShape:
    """Every value NULL.

    >>> shape(NoParams(), None).all_null
    True
    """
    return MaskedShape("null", "every value NULL", all_null=True)


METHOD = MethodDef("null", NoParams, build, keyed=False, output="NULL of the input type",
                   summary="replace every value with NULL", shape=shape, opaque=True, propagates_null=True)
