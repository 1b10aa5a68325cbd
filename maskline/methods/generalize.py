"""``generalize``: coarsen a value. Exactly one of:

- ``to: year|month|day``: a date coarsened to the unit, written as ISO 8601 text of reduced
  precision: ``1985``, ``1985-07``, ``1985-07-21`` (``day`` drops a timestamp's time). Text dates:
  ``to: year`` takes the year written in the value, whatever the format (``21.07.1985``,
  ``07/21/1985``, ``1985-07-21``); ``month`` and ``day`` read ISO dates. A value without a date
  becomes NULL, never an error for the whole table.

  Why text, for a DATE column too: a DATE can only hold the year as a made-up day (January 1st),
  which a reader takes at its word, and which writes a January 1st birth date (common where the day
  is unknown) back as itself. Text is one output for every face and engine, typed or not: a CSV read
  as text, a warehouse DATE column and dbt's templates (built without types) all give ``1985``.
  Age arithmetic casts it: ``CAST(birth_year AS INTEGER)``.
- ``bucket: N``: a number floored to a multiple of N; output numeric.
- ``prefix: N``: keep the first N characters (postal codes), mask the rest; output text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from sqlglot import exp

from maskline.dialects.base import lit
from maskline.methods.base import ExactlyOne, MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape


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
    d = ctx.dialect
    if p.to:
        return _reduced_precision(column, p.to, ctx)
    if p.bucket:
        return d.bucket(column, p.bucket)
    s = ctx.as_text(column)
    n = p.prefix or 0
    return d.concat(d.substr(s, lit(1), lit(n)), d.fill(exp.Sub(this=d.length(s.copy()), expression=lit(n)), "*"))


# The length of the ISO 8601 text of each unit: 1985, 1985-07, 1985-07-21.
_ISO_LENGTH = {"year": 4, "month": 7, "day": 10}


def _reduced_precision(column: exp.Expression, unit: str, ctx: MaskContext) -> exp.Expression:
    """A date as ISO 8601 text of reduced precision: the year of a text date of any format, else the ISO text's
    first 4, 7 or 10 characters."""
    d = ctx.dialect
    typed = (ctx.source_type or "").lower().startswith(DATE_TYPES)
    if unit == "year" and not typed:
        # Any format: the year written in the text (a DATE of unknown type cast to text is ISO, so it works too).
        # NULLIF: DuckDB gives '' rather than NULL when nothing matches.
        return exp.Nullif(this=d.regexp_extract(ctx.as_text(column), d.YEAR_IN_TEXT), expression=lit(""))
    if typed:
        date: exp.Expression = exp.cast(column, "date")
    else:
        # Text (or unknown) dates: a value that does not parse becomes NULL instead of failing the whole query or
        # table, so the masking expression is total. (PostgreSQL has no TRY_CAST before 16: sqlglot renders a
        # plain CAST there, which still fails on a bad value, without quoting it.)
        date = exp.TryCast(this=column, to=exp.DataType.build("date"))
    return d.substr(d.iso_date_text(date), lit(1), lit(_ISO_LENGTH[unit]))


def shape(p: GeneralizeParams, info_type: str | None) -> MaskedShape:
    if p.to:
        pattern = {"year": "^[0-9]{4}$", "month": "^[0-9]{4}-[0-9]{2}$", "day": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}[p.to]
        return MaskedShape("generalize", f"a date coarsened to the {p.to}, as ISO text", pattern=pattern)
    if p.bucket:
        return MaskedShape("generalize", f"a multiple of {p.bucket}", multiple_of=p.bucket)
    return MaskedShape("generalize", f"{p.prefix} kept characters then *", pattern=f"^.{{0,{p.prefix}}}\\**$")


def _keeps_null(p: GeneralizeParams) -> bool:
    # date_trunc and floor are NULL for NULL everywhere; the prefix's CONCAT is not (it skips NULLs on some engines).
    return p.prefix is None


METHOD = MethodDef("generalize", GeneralizeParams, build, keyed=False,
                   output="ISO date text (to: 1985, 1985-07), numeric (bucket) or text (prefix)",
                   summary="date to year/month, number to bucket, text to prefix", shape=shape,
                   propagates_null=_keeps_null)
