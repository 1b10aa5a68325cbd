"""``generalize``: coarsen a value. Exactly one of:

- ``to: year|month|day``: a date or timestamp truncated; output DATE (the first day).
  Text dates: ``to: year`` takes the year written in the value, whatever the format
  (``21.07.1985``, ``07/21/1985``, ``1985-07-21``); ``month`` and ``day`` read ISO
  dates. A value without one becomes NULL, never an error for the whole table.

  A date that is already the first day of its unit is its own truncation: a birth
  date of January 1st comes out equal to the input. That is by design, not a leak:
  the output is a function of the year alone (every date of the year gets the same
  one), so it tells a reader no more than the year. Writing another day would be
  worse (that day would then mark the January 1st births), and writing the year
  alone would change a DATE column's type, and make a CSV read as text differ from
  the same table in a warehouse, where one policy must give one output.
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
        if not (ctx.source_type or "").lower().startswith(DATE_TYPES) and p.to == "year":
            return d.year_of_text(ctx.as_text(column))
        if not (ctx.source_type or "").lower().startswith(DATE_TYPES):
            # Text (or unknown) dates: a value that does not parse becomes NULL instead of failing the whole
            # query or table, so the masking expression is total. (PostgreSQL has no TRY_CAST before 16:
            # sqlglot renders a plain CAST there, which still fails on a bad value, without quoting it.)
            column = exp.TryCast(this=column, to=exp.DataType.build("date"))
        return d.date_trunc(p.to, column)
    if p.bucket:
        return d.bucket(column, p.bucket)
    s = ctx.as_text(column)
    n = p.prefix or 0
    return d.concat(d.substr(s, lit(1), lit(n)), d.fill(exp.Sub(this=d.length(s.copy()), expression=lit(n)), "*"))


_DATE_TAIL = "([ T]00:00:00(\\.0+)?([+-][0-9]{2}(:?[0-9]{2})?)?)?"


def shape(p: GeneralizeParams, info_type: str | None) -> MaskedShape:
    if p.to:
        month = "01" if p.to == "year" else "[0-9]{2}"
        day = "[0-9]{2}" if p.to == "day" else "01"
        return MaskedShape("generalize", f"a date truncated to the {p.to}",
                           pattern=f"^[0-9]{{4}}-{month}-{day}{_DATE_TAIL}$")
    if p.bucket:
        return MaskedShape("generalize", f"a multiple of {p.bucket}", multiple_of=p.bucket)
    return MaskedShape("generalize", f"{p.prefix} kept characters then *", pattern=f"^.{{0,{p.prefix}}}\\**$")


def _keeps_null(p: GeneralizeParams) -> bool:
    # date_trunc and floor are NULL for NULL everywhere; the prefix's CONCAT is not (it skips NULLs on some engines).
    return p.prefix is None


METHOD = MethodDef("generalize", GeneralizeParams, build, keyed=False,
                   output="DATE (to), numeric (bucket) or text (prefix)",
                   summary="date to year/month, number to bucket, text to prefix", shape=shape,
                   propagates_null=_keeps_null)
