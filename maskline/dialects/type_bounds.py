"""The least value an exact numeric type holds, and the least value whose bucket it still holds, as data.

``generalize: {bucket: N}`` gives an integer or decimal column's bucket back in the column's own type. The bucket
of a value is at or below it, so it can fall below the least value of the type: ``SMALLINT -32768`` by 10 is
``-32770``, and every negative ``DECIMAL(6,2)`` by 100000 is ``-100000``. The engine then fails that row, and a
failure that only some raw values cause is an answer about them (a row filter asks one row at a time). The masking
expression is made total from these bounds: a value below :func:`least_bucketable` is masked to NULL.

The table holds type names as engines report them (lower case, without parameters), as
:data:`maskline.dialects.canonical.TYPE_FORMS` does; a type it does not know has no known bound (None), and an
engine whose integer types all hold 64 bits (SQLite) says so through its dialect.

>>> least_value("smallint"), least_value("decimal(6,2)"), least_value("numeric"), least_value("ubigint")
(Decimal('-32768'), Decimal('-9999.99'), None, Decimal('0'))
>>> least_bucketable("smallint", 10), least_bucketable("decimal(6,2)", 100000), least_bucketable("utinyint", 10)
(Decimal('-32760'), Decimal('0'), None)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, localcontext

from maskline.dialects.canonical import TYPE_PARAMS

# Signed integer types by their width in bits; unsigned ones hold nothing below zero.
SIGNED_BITS: Mapping[str, int] = {
    **dict.fromkeys(("tinyint", "int1", "byte"), 8),
    **dict.fromkeys(("smallint", "int2", "short", "smallserial", "int16"), 16),  # int16..int64: Arrow's names
    **dict.fromkeys(("integer", "int", "int4", "int32", "serial"), 32),
    **dict.fromkeys(("bigint", "int8", "int64", "long", "bigserial"), 64),  # int8: PostgreSQL's and DuckDB's BIGINT
    **dict.fromkeys(("hugeint", "int128"), 128),
}
UNSIGNED = frozenset({"utinyint", "usmallint", "uinteger", "ubigint", "uhugeint"})
DECIMALS = frozenset({"decimal", "numeric", "number", "dec"})
_PRECISION = re.compile(r"\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")


def least_value(source_type: str | None, integer_bits: int | None = None) -> Decimal | None:
    """The least value of the exact numeric type ``source_type``; None when the type has no bound maskline knows
    (a decimal without its precision, PostgreSQL's ``numeric``) or is no exact numeric type.

    ``integer_bits``, when given, is the width of every integer type of the engine (SQLite stores 64 bits whatever
    the column's declared name).

    >>> least_value("tinyint"), least_value("tinyint", integer_bits=64) == -2**63, least_value("numeric(4,4)")
    (Decimal('-128'), True, Decimal('-0.9999'))
    >>> least_value("decimal(38,10)")
    Decimal('-9999999999999999999999999999.9999999999')
    """
    if not source_type:
        return None
    name = " ".join(TYPE_PARAMS.sub("", source_type.lower()).split())
    if name in UNSIGNED:
        return Decimal(0)
    if name in SIGNED_BITS:
        return Decimal(-2 ** ((integer_bits or SIGNED_BITS[name]) - 1))
    if name in DECIMALS:
        m = _PRECISION.search(source_type)
        if m is None:
            return None
        precision, scale = int(m.group(1)), int(m.group(2) or 0)
        with localcontext() as exact:
            # Exactly: the default context keeps 28 digits, and rounded a decimal(38,10)'s least value to -1E+28,
            # whose bucket by 1 then seemed to fit (and failed the row).
            exact.prec = 100
            return -(Decimal(10) ** precision - 1).scaleb(-scale)
    return None


def least_bucketable(source_type: str | None, width: int, integer_bits: int | None = None) -> Decimal | None:
    """The least value whose bucket of ``width`` the type still holds (the least multiple of ``width`` at or above
    the type's least value); None when every value's bucket fits (no known bound, or the least value is itself a
    multiple of ``width``).

    >>> least_bucketable("bigint", 10), least_bucketable("smallint", 2), least_bucketable("numeric", 10)
    (Decimal('-9223372036854775800'), None, None)
    >>> least_bucketable("hugeint", 70021) > -2**127
    True
    """
    least = least_value(source_type, integer_bits)
    if least is None:
        return None
    # The least multiple of width at or above least: a ceiling, in exact arithmetic (-least is not negative, so //
    # is its floor).
    with localcontext() as exact:
        exact.prec = 100  # a HUGEINT's 39 digits and a DECIMAL(38, s)'s, exactly (the default keeps 28)
        multiple = Decimal(0) - ((-least) // width) * width
    return multiple if multiple > least else None
