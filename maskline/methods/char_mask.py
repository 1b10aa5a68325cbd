"""``char_mask``: a length-preserving mask. Output: text of the same length.

By default separators (space, ``-``, ``.``, ``@``, ``_``, ``+``, ``:``, ``/``,
parentheses, ``#``) are kept so the shape of a value stays readable; every
other character, letters of any script and digits alike, becomes ``*``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape, literal

if TYPE_CHECKING:
    from sqlglot import exp

# A bracket expression every target engine's regex flavour reads the same way
# (RE2, POSIX ARE, Java): a leading '-' is literal, no backslash classes.
KEEP_SEPARATORS = "[^- .,@_+:/()#]"


@dataclass(frozen=True)
class CharMaskParams:
    mask_char: str = param("*", "the character that replaces each masked one", length=1,
                           what="mask_char must be one character", fix="use e.g. '*'")
    keep_separators: bool = param(True, "keep spaces, dashes, dots, @ and other separators as they are")


def build(column: exp.Expression, p: CharMaskParams, ctx: MaskContext) -> exp.Expression:
    """Every character but the separators becomes ``mask_char``, on the engine.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="text")
    >>> sql = build(exp.column("c"), CharMaskParams(), ctx)
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (SELECT 'ab-12.x' AS c)").fetchall()
    [('**-**.*',)]
    """
    s = ctx.as_text(column)
    if p.keep_separators:
        return ctx.dialect.regexp_replace_all(s, KEEP_SEPARATORS, p.mask_char)
    return ctx.dialect.fill(ctx.dialect.length(s), p.mask_char)


def shape(p: CharMaskParams, info_type: str | None) -> MaskedShape:
    """The pattern every masked value matches (what the GX and dbt checks assert).

    >>> import re; p = shape(CharMaskParams(keep_separators=False), None).pattern
    >>> [bool(re.fullmatch(p, v)) for v in ("****", "*a**")]
    [True, False]
    """
    c = literal(p.mask_char)
    if p.keep_separators:
        return MaskedShape("char_mask", f"{p.mask_char} and separators only",
                           pattern=f"^[- .,@_+:/()#{c}]*{c}[- .,@_+:/()#{c}]*$|^[- .,@_+:/()#]*$")
    return MaskedShape("char_mask", f"{p.mask_char} only", pattern=f"^{c}*$")


METHOD = MethodDef("char_mask", CharMaskParams, build, keyed=False, output="text of the same length",
                   summary="replace every character but separators with *", shape=shape)
