"""A column the classifier passed for its values' shape passes only the values that have that shape.

The classifier reads a sample of rows (10,000 by default). When it lets a column pass raw because its values
are numbers, ISO dates and times, booleans or random ids (``classifier: not sensitive (numeric, ...)``),
that verdict is a claim about every value, checked on the sample only. A column stored as text (every CSV
column, a ``VARCHAR`` in a warehouse) holds whatever was written in it, so row 30,001 of an ``amount`` column
can hold a person's name, and before this guard that name passed raw: written out by ``maskline mask``,
returned to an agent by the query path, and found by a filter such as ``amount NOT LIKE '%.25'``. Here the
claim holds on every row: a value without the shape the verdict rests on was judged by nobody, so it is
masked as any unclassified value is (``redact``). The patterns are :mod:`maskline.classify.shape`'s, written
in the POSIX syntax every engine's regular expressions read (``[0-9]``, no ``\\d`` or ``(?:``), and anchored,
since DuckDB's and BigQuery's functions find a match anywhere.

A column passed for a safe kind its values proved (``order_status``'s workflow states, ``weight``'s measurements,
``price``'s amounts) or for a listed closed vocabulary (``tz``'s IANA zones) is held the same way, to the kind's
written form or the vocabulary's members (:mod:`maskline.sql.kind_shapes`): the decision records that kind as the
column's shape.

A column whose type is not known (``maskline sql --table T --columns ...``) is checked as text: its text cast
(:func:`as_text`), which every engine's text functions take whatever the column is stored as.

A column stored as a number, a boolean, a date or time, an interval or a uuid keeps its shape in storage, and is
passed as it is (:data:`SHAPE_KEEPING_TYPES`, an allow-list: a type the engine enforces a shape on); so are the
columns the policy names or passes (``pass: true``, ``unclassified: pass``), which never get a shape. Any other
type is checked on its text: not being text is no shape. DuckDB's ``ENUM('1', '2', 'Ann Smith')`` stores labels,
and a label past the sample (``'Ann Smith'`` in a column of quantities) passed raw when "not text" was taken for
"keeps its shape".

>>> from sqlglot import exp
>>> shape_held(exp.column("amount"), "numeric", "varchar", lambda c: exp.Literal.string("[REDACTED]")).sql("duckdb")[:49]
'CASE WHEN amount IS NULL OR REGEXP_MATCHES(amount'
>>> shape_held(exp.column("amount"), "numeric", "bigint", lambda c: c).sql("duckdb")  # a number in storage
'amount'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlglot import exp

from maskline.sql.check_digit_sql import check_digit_holds
from maskline.sql.kind_shapes import (
    BOUNDED_FORMS,
    KIND_ALSO,
    KIND_CHECKS,
    KIND_PATTERNS,
    KIND_WORDS,
    LABEL_FORMS,
    PLACEHOLDERS,
    VOCABULARY_DIGITS,
    VOCABULARY_SHAPES,
    digits_at_most,
    held_shapes,
    lowered_forms,
    vocabulary_pattern,
    vocabulary_words,
)
from maskline.type_names import text_type

if TYPE_CHECKING:
    from maskline.dialects.base import Dialect

# maskline.classify.shape's patterns (tests/core/test_shape_held.py checks they accept what those accept).
SHAPE_PATTERNS: dict[str, str] = {
    "numeric": r"^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?$",
    "temporal": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$",
    # a UUID, or ``0x`` and hex digits with a letter among them (or at most eight digits, six after eight zeros or
    # more): ``0x4111111111111111``, a card's digits behind ``0x``, is no hex id (maskline.classify.shape._HEX_ID)
    "identifier": r"^([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
                  r"|0[xX]([0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*|[0-9]{1,8}|0{8,}[0-9]{1,6}))$",
}
# The widest a value of a shape may be, beside its pattern: a ``0x`` id has at most 64 hex digits (a SHA-256 or
# Keccak digest, an Ethereum transaction hash), 66 characters with its ``0x``.
SHAPE_WIDTHS: dict[str, str] = {"identifier": "^.{1,66}$"}
# A boolean's words, compared lower-cased (no engine-portable case-insensitive flag).
BOOLEAN_WORDS = ("true", "false", "t", "f", "yes", "no", "y", "n", "0", "1")
# every shape a value is checked against: the classifier's shapes, and the safe kinds a pass rests on
# (maskline.sql.kind_shapes: ``order_status`` passed for its workflow states keeps only workflow states)
SHAPES = held_shapes()  # VALUE_SHAPES are SHAPE_PATTERNS' and "boolean" (tests/core/test_row_guard_labels.py)


# Base names (lower case, before any parameters) of the types whose storage holds only values of one shape: numbers,
# booleans, dates and times, intervals, uuids (DuckDB, PostgreSQL, Arrow and the warehouses' spellings). A column of
# any other type (text, an enum's labels, a type nobody listed) is checked on its text.
SHAPE_KEEPING_TYPES = frozenset({
    "tinyint", "smallint", "integer", "int", "bigint", "hugeint", "utinyint", "usmallint", "uinteger", "ubigint",
    "uhugeint", "int1", "int2", "int4", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "int128", "uint128", "integral", "signed", "long", "short", "serial", "bigserial", "smallserial", "oid",
    "varint", "bignum",
    "decimal", "dec", "decimal128", "decimal256", "numeric", "number", "bignumeric", "bigdecimal", "real", "float",
    "float4", "float8", "float16", "float32", "float64", "double", "double precision", "halffloat",
    "bool", "boolean", "logical",
    "date", "date32", "date64", "time", "timetz", "time_ns", "time32", "time64", "timestamp", "timestamptz",
    "timestamptz_ns", "datetime", "datetime64", "datetime2", "timestamp_s", "timestamp_ms", "timestamp_ns",
    "timestamp_us", "timestamp_ntz", "timestamp_ltz", "timestamp_tz", "timestamp with time zone",
    "timestamp without time zone", "time with time zone", "time without time zone", "interval", "duration",
    "timedelta64",
    "uuid", "guid",
})


def _base_name(type_name: str) -> str:
    """The type's name without parameters or an Arrow unit, lower case: ``decimal(18,3)`` and
    ``timestamp[us, tz=UTC]`` are ``decimal`` and ``timestamp``; PostgreSQL's ``pg_catalog.`` prefix is dropped.

    >>> _base_name("pg_catalog.timestamp(3) with time zone"), _base_name("interval day to second")
    ('timestamp', 'interval')
    """
    name = type_name.strip().lower().removeprefix("pg_catalog.")
    for stop in ("(", "[", "<"):
        name = name.split(stop)[0]
    name = name.strip()
    # an interval's fields are part of its name (PostgreSQL's and Trino's interval day to second)
    return "interval" if name.startswith("interval ") else name


def shape_checked(shape: str | None, source_type: str | None) -> bool:
    """Whether :func:`shape_held` checks a column of this ``shape`` stored as ``source_type`` (so the engine must
    compute it: :mod:`maskline.engine.carried` then does not carry it from the input): unless the type keeps the
    shape in storage (:data:`SHAPE_KEEPING_TYPES`).

    >>> shape_checked("numeric", "large_string"), shape_checked("numeric", "int64"), shape_checked(None, "string")
    (True, False, False)
    >>> shape_checked("numeric", "ENUM('1', '2', 'Ann Smith')"), shape_checked("numeric", "decimal(18,3)")
    (True, False)
    """
    if shape not in SHAPES:
        return False
    return not source_type or _base_name(source_type) not in SHAPE_KEEPING_TYPES


def shape_held(column: exp.Expression, shape: str | None, source_type: str | None,
               masked: Callable[[exp.Expression], exp.Expr]) -> exp.Expr:
    """``column`` where its value has ``shape``, ``masked(column)`` where it has not; ``column`` itself when its
    ``source_type`` is known not to be text, or ``shape`` is not one a value can be checked against (the decision
    passes no column with such a shape: :data:`maskline.classify.decision.UNHELD_REASON`).
    ``shape`` is a classifier's shape or a proven safe kind's name (:mod:`maskline.sql.kind_shapes`).

    >>> from sqlglot import exp
    >>> shape_held(exp.column("ok"), "boolean", "text", lambda c: exp.null()).sql("postgres")
    "CASE WHEN ok IS NULL OR LOWER(ok) IN ('true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', '0', '1') THEN ok ELSE NULL END"
    >>> shape_held(exp.column("note"), "text", "text", lambda c: exp.null()).sql("postgres")
    'note'
    """
    if not shape_checked(shape, source_type):
        return column
    value = as_text(column, source_type)
    fits = _fits(value, str(shape))
    return exp.Case(ifs=[exp.If(this=exp.or_(exp.Is(this=value.copy(), expression=exp.Null()), fits),
                                true=value.copy())],
                    default=masked(value.copy()))


def _fits(value: exp.Expression, shape: str) -> exp.Expr:
    """True where ``value`` has ``shape``: a classifier's shape, or a safe kind's pattern or words, beside which the
    few placeholders of :data:`~maskline.sql.kind_shapes.PLACEHOLDERS` pass as themselves.

    >>> _fits(exp.column("v"), "flags").sql("postgres")[:22]
    "LOWER(v) IN ('0', '1',"
    """
    def one_of(words: tuple[str, ...]) -> exp.Expr:
        return exp.In(this=exp.Lower(this=value.copy()), expressions=[exp.Literal.string(w) for w in words])

    if shape == "boolean":
        return one_of(BOOLEAN_WORDS)
    if shape in SHAPE_PATTERNS:
        fits = whole_match(value.copy(), SHAPE_PATTERNS[shape])
        return exp.and_(fits, whole_match(value.copy(), SHAPE_WIDTHS[shape])) if shape in SHAPE_WIDTHS else fits
    if shape in BOUNDED_FORMS:  # the form, with at most as many digits as the sample showed and one more
        base, most = BOUNDED_FORMS[shape]
        return exp.and_(_fits(value, base), whole_match(value.copy(), digits_at_most(most)))
    if shape in KIND_WORDS:
        return one_of(KIND_WORDS[shape] + PLACEHOLDERS)
    if shape in VOCABULARY_SHAPES:
        listed = one_of(vocabulary_words(shape) + PLACEHOLDERS)
        pattern = vocabulary_pattern(shape)
        if pattern is None:
            return listed
        formed = whole_match(exp.Lower(this=value.copy()), pattern)
        if shape in VOCABULARY_DIGITS:  # the form, with at most as many digits as a listed member has
            formed = exp.and_(formed, whole_match(value.copy(), digits_at_most(VOCABULARY_DIGITS[shape])))
        return exp.or_(listed, formed)
    if shape in LABEL_FORMS:
        forms = [whole_match(value.copy(), p) for p in LABEL_FORMS[shape]]
        forms += [whole_match(exp.Lower(this=value.copy()), p) for p in lowered_forms(shape)]
        return exp.or_(exp.and_(*forms), one_of(PLACEHOLDERS))
    form = whole_match(value.copy(), KIND_PATTERNS[shape])
    if shape in KIND_ALSO:
        form = exp.and_(form, whole_match(value.copy(), KIND_ALSO[shape]))
    if shape in KIND_CHECKS:  # the kind's check digit beside its form (the classifier proved the kind by it)
        form = exp.and_(form, check_digit_holds(value.copy(), KIND_CHECKS[shape]))
    return exp.or_(form, one_of(PLACEHOLDERS))


# Appended to the value and matched before the pattern's end: Java's ``$`` (Trino, Spark) also matches before a
# final line terminator, so ``'12' || chr(10)`` held the numeric shape there and passed raw, where PostgreSQL's
# and RE2's ``$`` (DuckDB, BigQuery) match at the very end only. No shape pattern accepts the sentinel.
END_SENTINEL = "#"


def whole_match(value: exp.Expression, pattern: str) -> exp.Expr:
    """True where all of ``value`` matches ``pattern`` (anchored ``^...$``) on every engine: ``$`` is made the very
    end of the text by a sentinel appended to it (:data:`END_SENTINEL`), which no engine's ``$`` can stop before.

    >>> import duckdb
    >>> sql = whole_match(exp.column("v"), "^[0-9]+$").sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('12'), ('12' || chr(10)), ('1 2')) t(v)").fetchall()
    [(True,), (False,), (False,)]
    """
    if not (pattern.startswith("^") and pattern.endswith("$")):
        raise ValueError(f"a shape pattern is anchored at both ends: {pattern!r}")
    sentinel = exp.Literal.string(END_SENTINEL)
    return exp.RegexpLike(this=exp.DPipe(this=value, expression=sentinel, safe=False),
                          expression=exp.Literal.string(pattern[:-1] + END_SENTINEL + "$"))


def as_text(column: exp.Expression, source_type: str | None) -> exp.Expression:
    """The value a shape is checked on: ``column`` when it is stored as text, its text cast when its type is not
    known (``maskline sql --columns`` carries no types). The engines' text functions take only text (DuckDB refuses
    ``regexp_matches(BIGINT, ...)``), and a column of unknown type may hold anything, so the check and the value it
    passes are the column's text, whatever it is stored as: the CASE's branches are then all text.

    >>> as_text(exp.column("n"), None).sql("postgres"), as_text(exp.column("n"), "varchar").sql("postgres")
    ('CAST(n AS TEXT)', 'n')
    """
    if text_type(source_type):
        return column
    return exp.cast(column.copy(), exp.DataType.build("text"))


def shape_redacted(column: exp.Expression, shape: str | None, source_type: str | None,
                   dialect: str | Dialect) -> exp.Expr:
    """:func:`shape_held` with what a value nobody judged gets (``redact``, as
    :mod:`maskline.classify.decision` masks it), in ``dialect``: the one guard every face writes (compiled
    SELECTs, the dbt package's generated templates, native masking DDL).

    >>> shape_redacted(exp.column("n"), "numeric", "text", "postgres").sql("postgres").endswith("'[REDACTED]' END END")
    True
    >>> shape_redacted(exp.column("n"), "numeric", "integer", "postgres").sql("postgres")
    'n'
    """
    # Imported here: maskline.sql.compile imports this module for its own SELECTs.
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression

    redact = method_spec("redact")
    return shape_held(column, shape, source_type, lambda ref: mask_expression(ref, redact, dialect, source_type="text"))
