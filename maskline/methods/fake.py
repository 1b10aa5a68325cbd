"""``fake``: a consistent fake from built-in word lists. Output: text.

The same input and key always give the same fake, on every engine: the word is
picked by digits of the salted SHA-256 of the value. ``kind`` defaults from the
info type: PERSON_NAME -> name, EMAIL -> email, USERNAME -> username, else word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlglot import exp

from maskline.dialects.base import lit
from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape, alternation, literal
from maskline.methods.wordlists import FIRST_NAMES, LAST_NAMES, WORDS

HEX_DIGITS = "0123456789abcdef"
DEFAULT_KIND = {"PERSON_NAME": "name", "EMAIL": "email", "USERNAME": "username"}


@dataclass(frozen=True)
class FakeParams:
    kind: Literal["name", "first_name", "last_name", "email", "username", "word"] | None = param(
        None, "what to fake; default from the info type (PERSON_NAME: name, EMAIL: email, USERNAME: username)")


def _number(digest: exp.Expression, start: int, ctx: MaskContext) -> exp.Expression:
    """Four hex digits of ``digest`` from 1-based ``start`` as an integer, portable to every engine."""
    d = ctx.dialect
    total: exp.Expression | None = None
    for i in range(4):
        digit = exp.Sub(this=d.strpos_of(lit(HEX_DIGITS), d.substr(digest.copy(), lit(start + i), lit(1))), expression=lit(1))
        term = exp.Mul(this=exp.paren(digit), expression=lit(16 ** (3 - i)))
        total = term if total is None else exp.Add(this=total, expression=term)
    assert total is not None
    return total


def _word(words: tuple[str, ...], digest: exp.Expression, start: int, ctx: MaskContext) -> exp.Expression:
    index = exp.Mod(this=exp.paren(_number(digest, start, ctx)), expression=lit(len(words)))
    return ctx.dialect.pick(words, index)


def build(column: exp.Expression, p: FakeParams, ctx: MaskContext) -> exp.Expression:
    d = ctx.dialect
    kind = p.kind or DEFAULT_KIND.get(ctx.info_type or "", "word")
    digest = ctx.keys.salted_sha256_hex(d.utf8(ctx.canonical_text(column)))
    first = _word(FIRST_NAMES, digest, 1, ctx)
    last = _word(LAST_NAMES, digest, 5, ctx)
    if kind == "name":
        out = d.concat(first, lit(" "), last)
    elif kind == "first_name":
        out = first
    elif kind == "last_name":
        out = last
    elif kind == "email":
        out = exp.Lower(this=d.concat(first, lit("."), last, lit("@example.com")))
    elif kind == "username":
        out = exp.Lower(this=d.concat(first, lit("_"), _word(WORDS, digest, 9, ctx)))
    else:
        out = d.concat(_word(WORDS, digest, 1, ctx), lit("-"), _word(WORDS, digest, 5, ctx))
    return out


def kind_patterns() -> dict[str, str]:
    """Each kind's output as a regex (without anchors), from the word lists the builder picks from."""
    first, last, words = alternation(FIRST_NAMES), alternation(LAST_NAMES), alternation(WORDS)
    lfirst, llast = alternation(FIRST_NAMES, lower=True), alternation(LAST_NAMES, lower=True)
    return {
        "name": f"{first} {last}",
        "first_name": first,
        "last_name": last,
        "email": f"{lfirst}{literal('.')}{llast}@example{literal('.')}com",
        "username": f"{lfirst}_{alternation(WORDS, lower=True)}",
        "word": f"{words}-{words}",
    }


def shape(p: FakeParams, info_type: str | None) -> MaskedShape:
    kind = p.kind or (DEFAULT_KIND.get(info_type, "word") if info_type else None)
    patterns = kind_patterns()
    alternatives = (patterns[kind],) if kind else tuple(patterns.values())
    return MaskedShape("fake", f"a built-in fake {kind or 'value'}", pattern="^(" + "|".join(alternatives) + ")$")


METHOD = MethodDef("fake", FakeParams, build, keyed=True, output="text",
                   summary="consistent fake (same input and key, same fake)", shape=shape, opaque=True)
