"""``partial``: keep the first and/or last N characters, mask the rest, same length. Output: text.

A value no longer than what would be kept is masked whole, so short values never leak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape, literal

if TYPE_CHECKING:
    from sqlglot import exp


@dataclass(frozen=True)
class PartialParams:
    keep_first: int = param(0, "characters kept at the start", minimum=0,
                            what="keep_first must be >= 0", fix="use 0 or a positive number")
    keep_last: int = param(0, "characters kept at the end", minimum=0,
                           what="keep_last must be >= 0", fix="use 0 or a positive number")
    mask_char: str = param("*", "the character that replaces the rest", length=1,
                           what="mask_char must be one character", fix="use e.g. '*'")


def build(column: exp.Expression, p: PartialParams, ctx: MaskContext) -> exp.Expression:
    """Keep ``keep_first``/``keep_last`` characters, mask the rest (same length); a short value wholly.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> ctx = MaskContext(get_dialect("duckdb"), None, source_type="text")
    >>> sql = build(exp.column("c"), PartialParams(keep_last=4), ctx)
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (VALUES ('123-45-6789'), ('abc')) v(c)").fetchall()
    [('*******6789',), ('***',)]
    """
    from sqlglot import exp

    from maskline.dialects.base import lit

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


def shape(p: PartialParams, info_type: str | None) -> MaskedShape:
    """The pattern a partially masked value matches, and its description.

    >>> import re; s = shape(PartialParams(keep_last=4), None)
    >>> s.summary, bool(re.fullmatch(s.pattern, "*******6789")), bool(re.fullmatch(s.pattern, "123-45-6789"))
    ('a * run keeping the last 4 characters', True, False)
    """
    c = literal(p.mask_char)
    head = f".{{{p.keep_first}}}" if p.keep_first else ""
    tail = f".{{{p.keep_last}}}" if p.keep_last else ""
    kept = [f"first {p.keep_first}"] * bool(p.keep_first) + [f"last {p.keep_last}"] * bool(p.keep_last)
    summary = f"a {p.mask_char} run" + (" keeping the " + " and ".join(kept) + " characters" if kept else "")
    return MaskedShape("partial", summary, pattern=f"^({head}{c}+{tail}|{c}+)$")


METHOD = MethodDef("partial", PartialParams, build, keyed=False, output="text of the same length",
                   summary="keep the first/last N characters and mask the rest", shape=shape)
