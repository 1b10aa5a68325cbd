"""``generalize``: coarsen a value. Exactly one of:

- ``to: year|month|day``: a date or timestamp truncated; output DATE (the first day).
  Text dates: ``to: year`` takes the year written in the value, whatever the format
  (``21.07.1985``, ``07/21/1985``, ``1985-07-21``); ``month`` and ``day`` read ISO
  dates. A value without one becomes NULL, never an error for the whole table.
- ``bucket: N``: a number floored to a multiple of N; output numeric.
- ``prefix: N``: keep the first N characters (postal codes), mask the rest; output text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlglot import exp

from maskline.dialects.base import lit
from maskline.errors import PolicyError
from maskline.methods.base import MaskContext, MethodDef


@dataclass(frozen=True)
class GeneralizeParams:
    to: Literal["year", "month", "day"] | None = None
    bucket: int | None = None
    prefix: int | None = None

    def check(self, where: str) -> None:
        chosen = [k for k in ("to", "bucket", "prefix") if getattr(self, k) is not None]
        if len(chosen) != 1:
            raise PolicyError("generalize takes exactly one of 'to', 'bucket' or 'prefix'", where=where,
                              fix="e.g. {method: generalize, to: year} or {method: generalize, prefix: 3}")
        if self.bucket is not None and self.bucket <= 0:
            raise PolicyError("bucket must be > 0", where=f"{where}.bucket", fix="e.g. bucket: 10")
        if self.prefix is not None and self.prefix < 0:
            raise PolicyError("prefix must be >= 0", where=f"{where}.prefix", fix="e.g. prefix: 3")


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


METHOD = MethodDef("generalize", GeneralizeParams, build, keyed=False,
                   output="DATE (to), numeric (bucket) or text (prefix)",
                   summary="date to year/month, number to bucket, text to prefix")
