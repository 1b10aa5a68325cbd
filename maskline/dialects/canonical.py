"""The canonical text of a value: what keyed methods (``hmac``, ``hash``, ``fake``) hash, on every engine.

A keyed token is a function of text. For a text column that text is the value itself. For any other type
each engine has its own idea of "the value as text" (``17.50`` or ``1.75E1``, ``1234.0`` or ``1234``,
``2024-01-02 03:04:05+02`` or ``...T01:04:05Z``, ``t`` or ``true``), so without one definition the same value
would get different tokens on DuckDB, PostgreSQL, Spark, Trino and SQLite, and a CSV read with types would
not join with the warehouse table it was exported from. This module is that definition. It depends on the
*value*, not on the column's declared type, so ``DECIMAL(12,2) 17.50``, ``DOUBLE 17.5`` and
``NUMERIC(9,1) 17.5`` all hash the same text, ``17.5``.

=============  =====================================================================  ===================
form           canonical text                                                         examples
=============  =====================================================================  ===================
text           the value itself                                                       ``Zoë``
integer        decimal digits, ``-`` for negatives                                    ``42``, ``-7``
decimal        plain decimal notation (never an exponent), no trailing fractional     ``17.5``, ``1234``,
               zeros, no trailing ``.``; zero is ``0``                                ``-0.001``
float          the shortest decimal that reads back as the same double (what every   ``0.1``, ``1e20`` ->
               engine here prints), then written as a decimal is; ``NaN``,            ``100000000000000000000``
               ``Infinity``, ``-Infinity``; ``-0.0`` is ``0``
boolean        ``true`` / ``false``                                                   ``true``
date           ISO 8601 ``YYYY-MM-DD``                                                ``1987-08-21``
timestamp with the instant in UTC, ISO 8601 with ``T`` and ``Z``; fractional seconds   ``2024-01-02T01:04:05Z``,
time zone      without trailing zeros, none when zero                                 ``...05.5Z``
timestamp      ``YYYY-MM-DD HH:MM:SS``, fractional seconds without trailing zeros, none  ``2024-01-02 03:04:05.5``
               when zero (the wall-clock time written; Trino's ``timestamp(6)`` wrote
               ``.000000``, so its tokens were not DuckDB's or PostgreSQL's)
time           ``HH:MM:SS``, fractional seconds as above                              ``03:04:05``
binary         its bytes as lower-case hex, two digits a byte (every engine prints    ``616e6e00``
               bytes differently: escapes, ``\\x`` hex, or a UTF-8 decoding Trino
               refuses); a bytea/BLOB/varbinary value never hashes as the text it
               may spell
=============  =====================================================================  ===================

An integral number therefore has the same text whatever its type (``INTEGER 1234``, ``DECIMAL 1234.00`` and
``DOUBLE 1234.0`` all give ``1234``). The methods that keep part of a value's text (``partial``, ``char_mask``,
``email``, ``scrub``, ``generalize``'s ``prefix``) read this text too
(:meth:`maskline.methods.base.MaskContext.as_text`), so a ``partial`` of a timestamp or a double is one value on
every engine. Types not listed keep the engine's own cast to text, which is *not* guaranteed to agree across
engines: an interval and a time with a time zone (``1 year 2 mons``/``1 year 2 months``; ``03:04:05+02``/
``03:04:05.000000+02:00``) are refused for every method that reads their text, as arrays and JSON are
(:mod:`maskline.methods.structure`); cast them to text in the source, or mask them with ``redact`` or ``null``.

Why JSON (and arrays and structs) have no canonical text. One was sketched as the document with its object keys
sorted, no spaces, and numbers and strings in one spelling; no engine here can compute it as a column expression,
and a keyed method is one:

* DuckDB stores a ``JSON`` value as the text written (its cast to ``VARCHAR`` returns it verbatim, spaces and key
  order and ``1e2`` included); ``json()`` only removes the spaces, keeps the keys' order and writes numbers as
  doubles (``1.50`` becomes ``1.5``, ``1e2`` becomes ``100.0``). No built-in sorts an object's keys.
* PostgreSQL's ``json`` is the text written; ``jsonb`` orders keys by length first and then bytewise (``a``, ``b``,
  ``aa``), writes ``": "`` and ``", "``, and keeps a number's input scale (``1.50``, and ``1e2`` as ``100``).
* Trino's ``JSON_FORMAT`` writes its own normalised text of the document, whose key order and number spelling
  are Trino's, not the other two's.

Sorting keys and respelling numbers at every depth needs a walk of the document of any depth: a recursive
function (PostgreSQL's would have to be a function maskline installs, which the safe query path and the dbt
package cannot call: they run built-ins only) or a recursive query per value, which none of the three offers as an
expression. So a keyed method on such a column is refused when the plan is built
(:func:`maskline.methods.structure.keyed_without_one_text`): one policy never gives one document two tokens.

Known limits, each of the engine, not of the definition: Spark on Java 17 prints a few doubles with one
digit too many (``2e23`` as ``1.9999999999999998E23``; JDK-4511638, fixed in Java 19), and the smallest
subnormal double is ``4.9E-324`` on Java engines. The casts of DuckDB 2.0 (``2**81`` as ``2**82``'s text, also
``2**91`` and ``2**807``) and of Trino (a REAL with at most seven digits, ``16777216`` as ``1.677722E7``; ``2e23`` as
``1.9999999999999998e+23``) are not read: both build the shortest text from their own formatting and a
read-back cast (:mod:`maskline.dialects.shortest_float`); SQLite stores ``DECIMAL`` as a double and keeps timestamps
as text (its canonical timestamp has millisecond precision).

Measured (DuckDB, PostgreSQL 15, Trino 476; the text every method reads, so keyed tokens and partial masks alike):

* doubles: 8 of 1,500 drawn doubles had another text on PostgreSQL and Trino (which agree with each other) than on
  DuckDB and in Python. Each is a double whose shortest decimal lies exactly on the rounding boundary to its
  neighbour (``2e23``, ``7e22``, integral doubles past 2**53 of nine digits or fewer such as ``6.77075314e19``):
  PostgreSQL's cast and Trino write 17 digits there (``67707531399999996000``). Rounding the value to 15, 16
  and then 17 digits and keeping the first that reads back as the same double gives the shortest text, but for
  two cases: below the least normal double fewer digits can be shortest (``5e-324``), and at a power of two the
  shortest can be the decimal next to the nearest, away from zero (its neighbours below are nearer). PostgreSQL's
  canonical text is built so, with both cases (:mod:`maskline.dialects.postgres_float`, which also reads no session
  setting, where the cast follows ``extra_float_digits``), and agrees with Python for every power of two and of ten,
  the extremes and 12,000 drawn doubles. DuckDB's and Trino's are built alike from ``printf``/``format``
  (:mod:`maskline.dialects.shortest_float`) and agree with Python over the same doubles.
* reals: of 998 drawn reals, Trino wrote 418 (every real whose shortest text has eight or nine digits) with
  seven; DuckDB wrote 14 with more digits than the shortest (``9400000512`` where PostgreSQL's cast writes
  ``9400001000`` and its canonical text, the shortest, ``9400000000``; ``2061702.75`` for ``2061702.8``). Every
  engine's canonical text is now the shortest (numpy's) over 3,000 reals (tests/core/test_postgres_float_text.py).
* every other class checked agrees on the three engines (tests/core/test_text_methods_engine_parity.py): dates,
  timestamps (years 1, 1850 and 9999, fractions to microseconds), instants, times, decimals of scale 0 to 38,
  booleans, doubles of up to 17 digits off the boundary, NaN, both infinities and ``-0.0``.

:func:`canonical_text` is the Python reference; :func:`canonical_sql` builds the same text in SQL from the
building blocks of a :class:`~maskline.dialects.base.Dialect`, which engines override where they differ.

>>> from decimal import Decimal
>>> [canonical_text(v) for v in (42, Decimal("17.50"), 1234.0, 1e20, True)]
['42', '17.5', '1234', '100000000000000000000', 'true']
>>> text_form("decimal(12,2)"), text_form("timestamp(3) with time zone"), text_form("varchar(20)")
(<TextForm.DECIMAL: 'decimal'>, <TextForm.TIMESTAMP_TZ: 'timestamp_tz'>, <TextForm.TEXT: 'text'>)
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlglot import exp

if TYPE_CHECKING:
    from maskline.dialects.base import Dialect


class TextForm(enum.Enum):
    """The families of types with one canonical text form each."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    FLOAT = "float"
    BOOLEAN = "boolean"
    DATE = "date"
    TIMESTAMP_TZ = "timestamp_tz"
    TIMESTAMP = "timestamp"  # without a time zone: the wall-clock time as written
    TIME = "time"  # without a time zone
    BINARY = "binary"


# Type names as engines report them (information_schema, DESCRIBE, Arrow), lower case, without parameters.
TYPE_FORMS: Mapping[str, TextForm] = {
    **dict.fromkeys(("text", "varchar", "char", "string", "nvarchar", "nchar", "bpchar", "character varying",
                     "character", "clob"), TextForm.TEXT),
    **dict.fromkeys(("tinyint", "smallint", "int", "integer", "bigint", "hugeint", "int1", "int2", "int4", "int8",
                     "int16", "int32", "int64", "int128", "utinyint", "usmallint", "uinteger", "ubigint",
                     "uhugeint", "byte", "short", "long", "serial", "bigserial", "smallserial"),
                    TextForm.INTEGER),
    **dict.fromkeys(("decimal", "numeric", "number", "bignumeric", "dec"), TextForm.DECIMAL),
    **dict.fromkeys(("real", "float", "double", "double precision", "float4", "float8", "float32", "float64"),
                    TextForm.FLOAT),
    **dict.fromkeys(("boolean", "bool", "logical"), TextForm.BOOLEAN),
    "date": TextForm.DATE,
    **dict.fromkeys(("timestamp with time zone", "timestamptz", "timestamp_tz", "timestamp_ltz",
                     "timestamp with local time zone"), TextForm.TIMESTAMP_TZ),
    # Without a time zone; Spark's "timestamp" is an instant (its dialect's override). DATETIME (BigQuery, SQL
    # Server) is left out: no engine of its family was checked here.
    **dict.fromkeys(("timestamp", "timestamp without time zone", "timestamp_ntz"), TextForm.TIMESTAMP),
    **dict.fromkeys(("time", "time without time zone"), TextForm.TIME),
    **dict.fromkeys(("bytea", "blob", "binary", "varbinary", "bytes", "binary varying", "long varbinary",
                     "large_binary"), TextForm.BINARY),
}

# A type's parameters ("(10,2)"), which a type's form does not depend on; dbt's maskline._type_class strips them too.
TYPE_PARAMS = re.compile(r"\([^)]*\)")


def text_form(source_type: str | None, overrides: Mapping[str, TextForm] | None = None) -> TextForm | None:
    """The canonical form of a column of SQL type ``source_type``; None when the type is unknown or not covered.

    ``overrides`` holds an engine's own readings of a name (Spark's ``timestamp`` is an instant).

    >>> text_form("NUMERIC(12, 2)"), text_form("interval"), text_form(None)
    (<TextForm.DECIMAL: 'decimal'>, None, None)
    >>> text_form("timestamp", {"timestamp": TextForm.TIMESTAMP_TZ})
    <TextForm.TIMESTAMP_TZ: 'timestamp_tz'>
    """
    if not source_type:
        return None
    name = " ".join(TYPE_PARAMS.sub("", source_type.lower()).split())
    if overrides and name in overrides:
        return overrides[name]
    return TYPE_FORMS.get(name)


# --- the Python reference ---------------------------------------------------------------------------------

def _plain(d: Decimal) -> str:
    """A finite decimal in plain notation without trailing fractional zeros (``Decimal('1E+3')`` -> ``1000``)."""
    if d == 0:
        return "0"
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _fraction(microsecond: int) -> str:
    """Fractional seconds without trailing zeros (``.5``), nothing when zero."""
    fraction = f"{microsecond:06d}".rstrip("0")
    return f".{fraction}" if fraction else ""


def canonical_text(value: object) -> str:
    """The canonical text of a Python value, as every engine's SQL computes it for the matching SQL type.

    >>> import datetime as dt
    >>> canonical_text(dt.datetime(2024, 1, 2, 3, 4, 5, 500000, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    '2024-01-02T01:04:05.5Z'
    >>> canonical_text(-0.0), canonical_text(1.5e-7), canonical_text(float("-inf")), canonical_text(b"ann")
    ('0', '0.00000015', '-Infinity', '616e6e')
    >>> canonical_text(dt.datetime(2024, 1, 2, 3, 4, 5, 500000)), canonical_text(dt.time(3, 4, 5))
    ('2024-01-02 03:04:05.5', '03:04:05')
    """
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("a DECIMAL holds finite values only")
        return _plain(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return _plain(Decimal(repr(value)))  # repr is the shortest text that reads back as the same double
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # a wall-clock time, as written
            return value.replace(microsecond=0).isoformat(sep=" ") + _fraction(value.microsecond)
        utc = value.astimezone(dt.UTC)
        # isoformat, not strftime: glibc's %Y writes year 1 as "1", where every engine writes "0001"
        return utc.replace(tzinfo=None, microsecond=0).isoformat() + _fraction(utc.microsecond) + "Z"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time) and value.tzinfo is None:
        return value.replace(microsecond=0).isoformat() + _fraction(value.microsecond)
    raise TypeError(f"no canonical text for {type(value).__name__}")


def canonical_literal(text: str, source_type: str | None) -> str | None:
    """The canonical text of a SQL literal compared with a column of ``source_type`` (for tokenized filters).

    None when the literal is not a value of that type, or is a timestamp without a time zone (its instant
    depends on the session): such a literal cannot be turned into the column's token.

    >>> canonical_literal("17.50", "decimal(12,2)"), canonical_literal("017", "integer"), canonical_literal("x", "text")
    ('17.5', '17', 'x')
    >>> canonical_literal("2024-01-02 03:04:05+02:00", "timestamptz"), canonical_literal("abc", "bigint")
    ('2024-01-02T01:04:05Z', None)
    """
    form = text_form(source_type)
    try:
        if form in (TextForm.INTEGER, TextForm.DECIMAL):
            number = Decimal(text.strip())
            return _plain(number) if number.is_finite() else None
        if form is TextForm.FLOAT:
            return canonical_text(float(text))
        if form is TextForm.BOOLEAN:
            word = text.strip().lower()
            return "true" if word in ("true", "t", "1") else "false" if word in ("false", "f", "0") else None
        if form is TextForm.DATE:
            return dt.date.fromisoformat(text.strip()).isoformat()
        if form is TextForm.TIMESTAMP_TZ:
            value = dt.datetime.fromisoformat(text.strip())
            return canonical_text(value) if value.tzinfo is not None else None
        if form is TextForm.TIMESTAMP:  # a literal with a zone names an instant, not a wall-clock time
            value = dt.datetime.fromisoformat(text.strip())
            return canonical_text(value) if value.tzinfo is None else None
        if form is TextForm.TIME:
            moment = dt.time.fromisoformat(text.strip())
            return canonical_text(moment) if moment.tzinfo is None else None
        if form is TextForm.BINARY:  # a string literal's bytes depend on the engine's reading of it
            return None
    except (ValueError, ArithmeticError):  # decimal.InvalidOperation is an ArithmeticError
        return None
    return text


# --- the same in SQL ----------------------------------------------------------------------------------------

def _lit(value: str | int) -> exp.Expression:
    return exp.Literal.number(value) if isinstance(value, int) else exp.Literal.string(value)


def _if(cond: exp.Expression, then: exp.Expression, otherwise: exp.Expression) -> exp.Expression:
    return exp.Case(ifs=[exp.If(this=cond, true=then)], default=otherwise)


def trim_fraction(d: Dialect, s: exp.Expression) -> exp.Expression:
    """``s`` without trailing fractional zeros and without a trailing ``.``, when it has a ``.``.

    >>> import duckdb; from maskline.dialects import get_dialect
    >>> sql = trim_fraction(get_dialect("duckdb"), exp.column("c")).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('1.500'), ('10'), ('2.0')) v(c)").fetchall()
    [('1.5',), ('10',), ('2',)]
    """
    trimmed = d.rtrim(d.rtrim(s.copy(), "0"), ".")
    return _if(exp.GT(this=d.strpos(s.copy(), "."), expression=_lit(0)), trimmed, s)


SHIFT = 350  # zeros padded on each side of a double's digits: more than its largest decimal exponent (308 / -324)


def plain_number(d: Dialect, s: exp.Expression) -> exp.Expression:
    """A number's text in canonical plain form: ``1.5E-7``/``1.5e-07`` -> ``0.00000015``, ``1.0E20`` -> ``1``
    and 20 zeros, ``1234.0`` -> ``1234``.

    Built from string primitives only, because no two engines share a function that formats a double. Each
    piece is referenced once where possible: engines compile the expression per query and its size counts.
    The digits are padded with :data:`SHIFT` zeros on both sides, so moving the decimal point by the exponent
    is a plain ``substr`` and no branch per case is needed.

    >>> import duckdb; from maskline.dialects import get_dialect
    >>> sql = plain_number(get_dialect("duckdb"), exp.column("c")).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('1.5E-7'), ('1234.0'), ('-2e3')) v(c)").fetchall()
    [('0.00000015',), ('1234',), ('-2000',)]
    """
    low = exp.Lower(this=s)
    t = _if(exp.GT(this=d.strpos(low.copy(), "e"), expression=_lit(0)), low.copy(), d.concat(low, _lit("e0")))
    at = d.strpos(t.copy(), "e")
    unsigned = fn_replace(d.substr(t.copy(), _lit(1), exp.Sub(this=at.copy(), expression=_lit(1))), "-", "")
    exponent = exp.cast(d.substr(t.copy(), exp.Add(this=at, expression=_lit(1))), "int")
    digits = fn_replace(unsigned.copy(), ".", "")
    int_len = exp.Sub(this=d.strpos_of(d.concat(unsigned, _lit(".")), _lit(".")), expression=_lit(1))
    cut = exp.Add(this=exp.Add(this=int_len, expression=exponent), expression=_lit(SHIFT))  # chars before the point
    padded = d.concat(d.fill(_lit(SHIFT), "0"), digits, d.fill(_lit(SHIFT), "0"))
    whole = exp.Trim(this=d.substr(padded.copy(), _lit(1), cut.copy()), expression=_lit("0"), position="LEADING")
    fraction = d.rtrim(d.substr(padded, exp.Add(this=cut, expression=_lit(1))), "0")
    sign = _if(exp.EQ(this=d.strpos(t, "-"), expression=_lit(1)), _lit("-"), _lit(""))
    return d.concat(sign, exp.Coalesce(this=exp.Nullif(this=whole, expression=_lit("")), expressions=[_lit("0")]),
                    exp.Coalesce(this=d.concat(_lit("."), exp.Nullif(this=fraction, expression=_lit(""))),
                                 expressions=[_lit("")]))


def fn_replace(e: exp.Expression, old: str, new: str) -> exp.Expression:
    """``REPLACE(e, old, new)``, spelt the same on every engine (sqlglot would rename it on some).

    >>> fn_replace(exp.column("c"), "-", "").sql("duckdb")
    "REPLACE(c, '-', '')"
    """
    return exp.Anonymous(this="REPLACE", expressions=[e, _lit(old), _lit(new)])


# A DECIMAL's parameters, its scale as the group: ``(12,2)``, ``(10)``. dbt's maskline._keyed_class reads it too.
DECIMAL_PARAMS = re.compile(r"\(\s*\d+\s*(?:,\s*(\d+)\s*)?\)")


def decimal_scale(source_type: str | None) -> int | None:
    """The scale of a ``DECIMAL(p, s)`` type name; None when the name does not say.

    >>> decimal_scale("decimal(12,2)"), decimal_scale("NUMERIC(10)"), decimal_scale("numeric")
    (2, 0, None)
    """
    m = DECIMAL_PARAMS.search(source_type or "")
    if m is None:
        return None
    return int(m.group(1) or 0)


def decimal_precision(source_type: str | None) -> int | None:
    """The precision of a ``DECIMAL(p, s)`` type name; None when the name does not say.

    >>> decimal_precision("decimal(38,38)"), decimal_precision("numeric")
    (38, None)
    """
    m = DECIMAL_PARAMS.search(source_type or "")
    return int(m.group(0).strip("()").split(",")[0]) if m else None


def leading_zero(d: Dialect, s: exp.Expression) -> exp.Expression:
    """A decimal's text with a ``0`` before a leading point (``.5`` -> ``0.5``, ``-.5`` -> ``-0.5``): DuckDB
    writes a DECIMAL whose scale is its precision without it, so its ``decimal(38,38)`` had another token there.

    >>> import duckdb; from maskline.dialects import get_dialect
    >>> sql = leading_zero(get_dialect("duckdb"), exp.column("c")).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('.5'), ('-.25'), ('0'), ('12.5')) v(c)").fetchall()
    [('0.5',), ('-0.25',), ('0',), ('12.5',)]
    """
    first = d.substr(s.copy(), _lit(1), _lit(1))
    return exp.Case(ifs=[
        exp.If(this=exp.EQ(this=first, expression=_lit(".")), true=d.concat(_lit("0"), s.copy())),
        exp.If(this=exp.EQ(this=d.substr(s.copy(), _lit(1), _lit(2)), expression=_lit("-.")),
               true=d.concat(_lit("-0"), d.substr(s.copy(), _lit(2)))),
    ], default=s)


def canonical_sql(d: Dialect, e: exp.Expression, form: TextForm, source_type: str | None = None) -> exp.Expression:
    """SQL computing the canonical text of ``e`` (a column of ``form``) in dialect ``d``; NULL stays NULL.

    ``source_type`` lets a DECIMAL of known scale skip a branch: engines that print a DECIMAL with all of its
    scale's digits (:attr:`~maskline.dialects.base.Dialect.decimal_text_keeps_scale`) always print a ``.``
    when the scale is positive, and none when it is 0.

    >>> from maskline.dialects import get_dialect
    >>> canonical_sql(get_dialect("duckdb"), exp.column("b"), TextForm.BOOLEAN).sql("duckdb")
    "CASE WHEN b THEN 'true' WHEN NOT b THEN 'false' END"
    """
    if form is TextForm.TEXT:
        return e
    if form is TextForm.INTEGER:
        return d.text(e)
    if form is TextForm.BOOLEAN:
        return exp.Case(ifs=[exp.If(this=e.copy(), true=_lit("true")),
                             exp.If(this=exp.Not(this=e.copy()), true=_lit("false"))])
    if form is TextForm.DATE:
        return d.iso_date_text(e)
    if form is TextForm.BINARY:
        return d.hex(e)
    if form is TextForm.TIMESTAMP_TZ:
        return d.concat(trim_fraction(d, d.utc_timestamp_text(e)), _lit("Z"))
    if form is TextForm.TIMESTAMP:  # Trino pads the fraction (.000000), PostgreSQL's cast follows DateStyle
        return trim_fraction(d, d.wall_clock_text(e))
    if form is TextForm.TIME:  # every engine writes HH:MM:SS; Trino pads the fraction
        return trim_fraction(d, d.text(e))
    if form is TextForm.DECIMAL:  # engines print DECIMAL in plain notation
        scale = decimal_scale(source_type) if d.decimal_text_keeps_scale else None
        if scale == 0:
            return d.decimal_text(e)
        written = d.decimal_text(e)
        if d.decimal_text_drops_leading_zero and decimal_precision(source_type) in (scale, None):
            written = leading_zero(d, written)  # before the trim: DuckDB's 0 of decimal(4,4) is .0000
        if scale is not None:
            return d.rtrim(d.rtrim(written, "0"), ".")
        return trim_fraction(d, written)
    own = d.canonical_float_text(e)
    if own is not None:
        return own
    # FLOAT: NULL (plain_number's COALESCE would make it '0'), zero of either sign, the special values, the number.
    native = d.float_text(e)
    low = exp.Lower(this=native.copy())
    return exp.Case(ifs=[
        exp.If(this=exp.Is(this=e.copy(), expression=exp.Null()), true=exp.Null()),
        exp.If(this=exp.EQ(this=e.copy(), expression=_lit(0)), true=_lit("0")),
        exp.If(this=exp.In(this=low.copy(), expressions=[_lit("nan"), _lit("-nan")]), true=_lit("NaN")),
        exp.If(this=exp.In(this=low.copy(), expressions=[_lit("inf"), _lit("infinity"), _lit("+inf")]),
               true=_lit("Infinity")),
        exp.If(this=exp.In(this=low, expressions=[_lit("-inf"), _lit("-infinity")]), true=_lit("-Infinity")),
    ], default=d.canonical_number_text(native))


__all__ = ["TYPE_FORMS", "TextForm", "canonical_literal", "canonical_sql", "canonical_text", "plain_number", "text_form",
           "trim_fraction"]
