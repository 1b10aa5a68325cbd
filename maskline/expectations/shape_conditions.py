"""Whether values have a masking method's output shape, per engine (pandas and SQLAlchemy).

The shapes themselves are data in :mod:`maskline.expectations.shapes`; this
module only turns one into a pandas boolean Series or a SQLAlchemy clause.
"""

from __future__ import annotations

from typing import Any

from maskline.expectations.shapes import MaskedShape, value_text

NUMBER = "^-?[0-9]+([.][0-9]+)?$"


def pandas_has_shape(series: Any, shape: MaskedShape) -> Any:
    """A boolean Series: True where the (non-null) value has ``shape``.

    >>> import pandas as pd
    >>> from maskline.expectations.shapes import masked_shape
    >>> list(pandas_has_shape(pd.Series(["[EMAIL]", "a@b.org"]), masked_shape("redact")))
    [True, False]
    """
    import numpy as np
    import pandas as pd

    if shape.all_null:
        return pd.Series(np.zeros(len(series), dtype=bool), index=series.index)
    if shape.multiple_of is not None:
        numbers = pd.to_numeric(series, errors="coerce")
        return (numbers % shape.multiple_of == 0).fillna(False).astype(bool)
    if shape.is_scrub:
        from maskline.expectations.pii_conditions import pandas_contains_pii

        return ~pandas_contains_pii(series, shape.no_pii_types)
    assert shape.pattern is not None
    if pd.api.types.is_datetime64_any_dtype(series):
        text = series.dt.strftime("%Y-%m-%d %H:%M:%S")
    else:
        text = series.map(value_text)
    return text.str.fullmatch(shape.pattern).fillna(False).astype(bool)


def sql_has_shape(column: Any, shape: MaskedShape) -> Any:
    """A SQLAlchemy boolean clause: the value has ``shape``.

    >>> import sqlalchemy as sa
    >>> from sqlalchemy.dialects import postgresql
    >>> from maskline.expectations.shapes import masked_shape
    >>> str(sql_has_shape(sa.column("c"), masked_shape({"method": "generalize", "bucket": 5}))
    ...     .compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))
    "CASE WHEN (CAST(c AS TEXT) ~ '^-?[0-9]+([.][0-9]+)?$') THEN mod(CAST(CAST(c AS TEXT) AS NUMERIC), 5) = 0 ELSE false END"
    """
    import sqlalchemy as sa

    from maskline.expectations.pii_conditions import sql_contains_pii, sql_text

    if shape.all_null:
        return sa.false()
    if shape.multiple_of is not None:
        # CAST(text AS NUMERIC) on a non-number raises an error that quotes the value, so test first
        text = sql_text(column)
        return sa.case((text.regexp_match(NUMBER), sa.func.mod(sa.cast(text, sa.Numeric), shape.multiple_of) == 0),
                       else_=sa.false())
    if shape.is_scrub:
        return sa.not_(sql_contains_pii(column, shape.no_pii_types))
    assert shape.pattern is not None
    return sql_text(column).regexp_match(shape.pattern)
