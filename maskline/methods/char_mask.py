"""``char_mask``: a length-preserving mask. Output: text of the same length.

By default separators (space, ``-``, ``.``, ``@``, ``_``, ``+``, ``:``, ``/``,
parentheses, ``#``) are kept so the shape of a value stays readable; every
other character, letters of any script and digits alike, becomes ``*``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from maskline.errors import PolicyError
from maskline.methods.base import MaskContext, MethodDef

# A bracket expression every target engine's regex flavour reads the same way
# (RE2, POSIX ARE, Java): a leading '-' is literal, no backslash classes.
KEEP_SEPARATORS = "[^- .,@_+:/()#]"


@dataclass(frozen=True)
class CharMaskParams:
    mask_char: str = "*"
    keep_separators: bool = True

    def check(self, where: str) -> None:
        if len(self.mask_char) != 1:
            raise PolicyError("mask_char must be one character", where=f"{where}.mask_char", fix="use e.g. '*'")


def build(column: exp.Expression, p: CharMaskParams, ctx: MaskContext) -> exp.Expression:
    s = ctx.as_text(column)
    if p.keep_separators:
        return ctx.dialect.regexp_replace_all(s, KEEP_SEPARATORS, p.mask_char)
    return ctx.dialect.fill(ctx.dialect.length(s), p.mask_char)


METHOD = MethodDef("char_mask", CharMaskParams, build, keyed=False, output="text of the same length",
                   summary="replace every character but separators with *")
