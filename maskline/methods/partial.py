"""``partial``: keep the first and/or last N characters, mask the rest, same length. Output: text.

A value no longer than what would be kept is masked whole, so short values never leak.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from maskline.dialects.base import lit
from maskline.errors import PolicyError
from maskline.methods.base import MaskContext, MethodDef


@dataclass(frozen=True)
class PartialParams:
    keep_first: int = 0
    keep_last: int = 0
    mask_char: str = "*"

    def check(self, where: str) -> None:
        if self.keep_first < 0 or self.keep_last < 0:
            raise PolicyError("keep_first and keep_last must be >= 0", where=where, fix="use 0 or a positive number")
        if len(self.mask_char) != 1:
            raise PolicyError("mask_char must be one character", where=f"{where}.mask_char", fix="use e.g. '*'")


def build(column: exp.Expression, p: PartialParams, ctx: MaskContext) -> exp.Expression:
    d = ctx.dialect
    s = ctx.as_text(column)
    n = d.length(s)
    kept = p.keep_first + p.keep_last
    parts: list[exp.Expression] = []
    if p.keep_first:
        parts.append(d.substr(s, lit(1), lit(p.keep_first)))
    parts.append(d.fill(exp.Sub(this=n, expression=lit(kept)), p.mask_char))
    if p.keep_last:
        parts.append(d.right(s, lit(p.keep_last)))
    return exp.Case(
        ifs=[exp.If(this=exp.LTE(this=n.copy(), expression=lit(kept)), true=d.fill(n.copy(), p.mask_char))],
        default=d.concat(*parts),
    )


METHOD = MethodDef("partial", PartialParams, build, keyed=False, output="text of the same length",
                   summary="keep the first/last N characters and mask the rest")
