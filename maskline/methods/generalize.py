"""``generalize``: coarsen a value. Exactly one of:

- ``to: year|month|day``: a date coarsened to the unit, in the input's kind:
  - a DATE or TIMESTAMP column gives a DATE, the first day of the unit, so date functions keep working;
  - a text column gives text, ISO 8601 of reduced precision: ``1985``, ``1985-07``, ``1985-07-21``.
    ``to: year`` takes the year written in the value, whatever the format (``21.07.1985``,
    ``07/21/1985``, ``1985-07-21``); ``month`` and ``day`` read ISO dates;
  - a column of unknown type (dbt's templates, built without types) gives a DATE, as a DATE column does.

  A value without a date becomes NULL, never an error for the whole table; so does a text date outside years 1 to
  9999 (a BC date), which ISO text of four-digit years cannot write. A DATE keeps its era.

  Why text stays text: the first day of the year would be a made-up day written into a column a
  reader takes at its word, and a birth date of January 1st (common where the day is unknown) would
  come out equal to its input. A DATE column cannot hold a year alone without a type change that
  breaks date functions downstream, so it keeps the first day; the output there is a function of
  the year alone (every date of the year gets the same one), so it tells a reader no more.
- ``bucket: N``: a number floored to a multiple of N. An integer or decimal column keeps its type and exact value
  (``numeric(10,2)`` stays ``numeric(10,2)``, a ``bigint`` past 2**53 keeps its digits); a double or a column of
  unknown type (dbt's untyped templates) gives a double; a text column stays text, the bucket written as its
  digits (``30``, ``-10``; :func:`bucket_text`), so a role-aware view (dbt's ``dynamic_mask`` and
  ``masked_columns(dynamic=true)``) holds the raw text and the bucket in one column. A text value that is no
  number is NULL. A value whose bucket the column's type cannot hold (``smallint -32768``
  by 10) becomes NULL, never an error, which would answer for that raw value alone
  (:mod:`maskline.dialects.type_bounds`).

A ``timestamp with time zone`` is an instant: ``to:`` takes its UTC day, on every engine and in every session.
- ``prefix: N``: keep the first N characters (postal codes), mask the rest; output text. A value of N characters or
  fewer is masked whole (``*`` for each), never kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from maskline.methods.base import ExactlyOne, MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape

if TYPE_CHECKING:
    from sqlglot import exp

    from maskline.dialects.base import Dialect


@dataclass(frozen=True)
class GeneralizeParams:
    EXACTLY_ONE: ClassVar[ExactlyOne] = ExactlyOne(
        ("to", "bucket", "prefix"), "generalize takes exactly one of 'to', 'bucket' or 'prefix'",
        "e.g. {method: generalize, to: year} or {method: generalize, prefix: 3}")

    to: Literal["year", "month", "day"] | None = param(None, "truncate a date or timestamp to this unit")
    bucket: int | None = param(None, "floor a number to a multiple of this", minimum=1,
                               what="bucket must be > 0", fix="e.g. bucket: 10")
    prefix: int | None = param(None, "keep this many leading characters of text", minimum=0,
                               what="prefix must be >= 0", fix="e.g. prefix: 3")


DATE_TYPES = ("date", "timestamp", "datetime", "timestamptz")


def build(column: exp.Expression, p: GeneralizeParams, ctx: MaskContext) -> exp.Expression:
    """A date truncated to ``to``, a number floored to a multiple of ``bucket``, or a kept ``prefix``.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> sql = build(exp.column("c"), GeneralizeParams(bucket=10), MaskContext(get_dialect("duckdb"), None))
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (VALUES (37), (40)) v(c)").fetchall()
    [(30.0,), (40.0,)]
    >>> text = MaskContext(get_dialect("duckdb"), None, source_type="text")
    >>> sql = build(exp.column("c"), GeneralizeParams(prefix=3), text).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('10115'), ('101'), ('x')) v(c)").fetchall()
    [('101**',), ('***',), ('*',)]
    """
    from sqlglot import exp

    from maskline.dialects.base import lit
    from maskline.dialects.canonical import TextForm, text_form

    d = ctx.dialect
    if p.to:
        if ctx.is_text:
            return _reduced_precision(column, p.to, ctx)
        if not (ctx.source_type or "").lower().startswith(DATE_TYPES) and p.to == "year":
            return d.year_of_text(ctx.as_text(column))
        if not (ctx.source_type or "").lower().startswith(DATE_TYPES):
            # Text (or unknown) dates: a value that does not parse becomes NULL instead of failing the whole
            # query or table, so the masking expression is total. A failing cast would also quote the raw value
            # in the engine's error (PostgreSQL does), which reaches logs: try_date never casts what can fail.
            column = d.try_date(column)
        elif text_form(ctx.source_type, d.text_form_overrides) is TextForm.TIMESTAMP_TZ:
            # An instant's day is its UTC day on every engine and in every session (as its canonical text is):
            # a plain cast reads it in the session's time zone.
            column = d.utc_date(column)
        if (ctx.source_type or "").lower().startswith(("timestamp", "datetime")):
            return d.timestamp_trunc(p.to, column)  # a DATE the column's type holds too (a role-aware view's CASE)
        return d.date_trunc(p.to, column)
    if p.bucket:
        if text_form(ctx.source_type) in (TextForm.INTEGER, TextForm.DECIMAL):
            # An integer or decimal column keeps its type and its exact value on every engine (a double would
            # round a bigint past 2**53 and turn a numeric(10,2) salary into double precision on PostgreSQL).
            return d.exact_bucket(column, p.bucket, ctx.source_type or "")
        # Text or an unknown type (dbt's templates): a value that is not a number must not reach a cast whose
        # error would quote it.
        bucket = d.bucket(d.try_number(column) if ctx.is_text or not ctx.source_type else column, p.bucket)
        # Text stays text, as under `to:`: the column keeps its type, so a role-aware view's CASE of the raw text
        # and the bucket has one type on every engine (it failed for every reader and value with a double).
        return bucket_text(d, bucket) if ctx.is_text else bucket
    s = ctx.as_text(column)
    n = p.prefix or 0
    # A value no longer than the prefix would be kept whole: it is masked whole instead, as `partial` does (with
    # `prefix: 3`, Iceland's three-digit postal codes passed raw).
    length = d.length(s.copy())
    return exp.Case(
        ifs=[exp.If(this=exp.LTE(this=length, expression=lit(n)), true=d.fill(length.copy(), "*"))],
        default=d.concat(d.substr(s, lit(1), lit(n)), d.fill(exp.Sub(this=length.copy(), expression=lit(n)), "*")))


# A double holds every integer up to 2**53 exactly; a bucket inside that range is written by its digits.
_EXACT_DOUBLE_INTEGER = 2**53


def bucket_text(d: Dialect, bucket: exp.Expression) -> exp.Expression:
    """A double bucket (an integral number) as text, spelled alike on every engine: its digits while a double holds
    the integer exactly (``30``, ``-10``, ``0`` for ``-0.0``), else the engine's own text of the double; NULL stays
    NULL. :func:`build` writes a text column's bucket so: the column keeps its type, and a role-aware view's
    holder of the role reads the raw text in the same column.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> sql = bucket_text(get_dialect("duckdb"), exp.column("b")).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES (30.0), (-0.0), (NULL), (1e300)) t(b)").fetchall()
    [('30',), ('0',), (None,), ('1e+300',)]
    """
    from sqlglot import exp

    from maskline.dialects.base import lit

    exact = exp.Between(this=bucket.copy(), low=lit(-_EXACT_DOUBLE_INTEGER), high=lit(_EXACT_DOUBLE_INTEGER))
    return exp.Case(ifs=[exp.If(this=exact, true=d.text(exp.cast(bucket.copy(), exp.DataType.build("bigint"))))],
                    default=d.float_text(bucket.copy()))


# The length of the ISO 8601 text of each unit: 1985, 1985-07, 1985-07-21.
_ISO_LENGTH = {"month": 7, "day": 10}


def _reduced_precision(column: exp.Expression, unit: str, ctx: MaskContext) -> exp.Expression:
    """A text date as ISO 8601 text of reduced precision: the year of any format, the month or day of ISO dates."""
    from maskline.dialects.base import lit

    d = ctx.dialect
    if unit == "year":
        return d.year_text(column)
    from sqlglot import exp

    parsed = d.try_date(column)  # NULL for a value that is not an ISO date, and never an error
    # ISO 8601 text of reduced precision has a four-digit year and no era: a date outside years 1 to 9999 (a BC
    # date, which some engines parse, or year 12345) is NULL, never the AD date its first ten characters spell.
    iso = exp.Between(this=exp.Extract(this=exp.var("YEAR"), expression=parsed.copy()), low=lit(1), high=lit(9999))
    return exp.Case(ifs=[exp.If(this=iso, true=d.substr(d.iso_date_text(parsed), lit(1), lit(_ISO_LENGTH[unit])))])


_DATE_TAIL = "([ T]00:00:00(\\.0+)?([+-][0-9]{2}(:?[0-9]{2})?)?)?"


def shape(p: GeneralizeParams, info_type: str | None) -> MaskedShape:
    """The shape of each form: a truncated date, a multiple of ``bucket``, or a kept prefix.

    >>> shape(GeneralizeParams(bucket=10), None).multiple_of, shape(GeneralizeParams(to="year"), None).summary
    (10, 'a date truncated to the year')
    """
    if p.to:
        # A DATE (the first day of the unit), or a text column's ISO text of reduced precision.
        month = "01" if p.to == "year" else "[0-9]{2}"
        day = "[0-9]{2}" if p.to == "day" else "01"
        date = f"^[0-9]{{4}}-{month}-{day}{_DATE_TAIL}$"
        text = {"year": "^[0-9]{4}$", "month": "^[0-9]{4}-[0-9]{2}$", "day": date}[p.to]
        return MaskedShape("generalize", f"a date truncated to the {p.to}",
                           pattern=date if text == date else f"{text}|{date}")
    if p.bucket:
        return MaskedShape("generalize", f"a multiple of {p.bucket}", multiple_of=p.bucket)
    return MaskedShape("generalize", f"{p.prefix} kept characters then *", pattern=f"^.{{0,{p.prefix}}}\\**$")


def _keeps_null(p: GeneralizeParams) -> bool:
    # date_trunc and floor are NULL for NULL everywhere; the prefix's CONCAT is not (it skips NULLs on some engines).
    return p.prefix is None


def _summary(p: GeneralizeParams) -> str:
    if p.to:
        return f"date truncated to the {p.to}"
    if p.bucket:
        return f"number floored to a multiple of {p.bucket}"
    return f"text cut to its first {p.prefix} characters, the rest *"


METHOD = MethodDef("generalize", GeneralizeParams, build, keyed=False,
                   output="DATE (to; ISO text such as 1985 for a text column), the column's integer or decimal type, a double or text such as 30 for a text column (bucket), or text (prefix)",
                   summary="date to year/month, number to bucket, text to prefix", shape=shape,
                   propagates_null=_keeps_null, summary_for=_summary)
