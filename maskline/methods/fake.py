"""``fake``: a consistent fake from built-in word lists. Output: text.

The same input and key always give the same fake, on every engine: the word is
picked by digits of the value's keyed digest (:func:`maskline.keys.method_digest_hex`:
SHA-256 of ``key || value`` under key derivation 1, the one ``hash`` tokens show;
HMAC-SHA256 in the ``fake`` domain under 2, which no other method's token shows). ``kind`` defaults from the
info type: PERSON_NAME -> name, EMAIL -> email, USERNAME -> username, else word.

A fake never shows the value it replaces: when the first draw contains the raw
value (case-insensitively, e.g. ``Lora`` -> ``Flora Zeller``), the word picks are
drawn again from later digits of the same digest, so the result stays a function
of the value and the key. The first draw is kept otherwise, so existing fakes do
not change. Three draws in a row can only all contain a value as short as a
letter or two (``a`` is in most names); the last draw is then used as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from maskline.keys import KeyMaterial, method_digest_hex
from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape, alternation, literal
from maskline.methods.wordlists import FIRST_NAMES, LAST_NAMES, WORDS

if TYPE_CHECKING:
    from sqlglot import exp

HEX_DIGITS = "0123456789abcdef"
DEFAULT_KIND = {"PERSON_NAME": "name", "EMAIL": "email", "USERNAME": "username"}


@dataclass(frozen=True)
class FakeParams:
    kind: Literal["name", "first_name", "last_name", "email", "username", "word"] | None = param(
        None, "what to fake; default from the info type (PERSON_NAME: name, EMAIL: email, USERNAME: username)")


def _number(digest: exp.Expression, start: int, ctx: MaskContext) -> exp.Expression:
    """Four hex digits of ``digest`` from 1-based ``start`` as an integer, portable to every engine."""
    from sqlglot import exp

    from maskline.dialects.base import lit

    d = ctx.dialect
    total: exp.Expression | None = None
    # The parts below are built here, so they are wrapped without a copy (paren's default copies its operand).
    for i in range(4):
        digit = exp.Sub(this=d.strpos_of(lit(HEX_DIGITS), d.substr(digest.copy(), lit(start + i), lit(1))), expression=lit(1))
        term = exp.Mul(this=exp.paren(digit, copy=False), expression=lit(16 ** (3 - i)))
        total = term if total is None else exp.Add(this=total, expression=term)
    assert total is not None
    return total


def _word(words: tuple[str, ...], digest: exp.Expression, start: int, ctx: MaskContext) -> exp.Expression:
    from sqlglot import exp

    from maskline.dialects.base import lit

    index = exp.Mod(this=exp.paren(_number(digest, start, ctx), copy=False), expression=lit(len(words)))
    return ctx.dialect.pick(words, index)


# Where each draw starts in the 64 hex digits of the digest: a draw reads 16 digits (four words at most).
DRAW_OFFSETS = (1, 17, 33)


def _draw(kind: str, digest: exp.Expression, offset: int, ctx: MaskContext) -> exp.Expression:
    """One fake of ``kind`` from the digest's hex digits ``offset`` to ``offset + 15``."""
    from sqlglot import exp

    from maskline.dialects.base import lit

    d = ctx.dialect
    first = _word(FIRST_NAMES, digest, offset, ctx)
    last = _word(LAST_NAMES, digest, offset + 4, ctx)
    if kind == "name":
        return d.concat(first, lit(" "), last)
    if kind == "first_name":
        return first
    if kind == "last_name":
        return last
    if kind == "email":
        return exp.Lower(this=d.concat(first, lit("."), last, lit("@example.com")))
    if kind == "username":
        return exp.Lower(this=d.concat(first, lit("_"), _word(WORDS, digest, offset + 8, ctx)))
    return d.concat(_word(WORDS, digest, offset, ctx), lit("-"), _word(WORDS, digest, offset + 4, ctx))


def _contains(fake: exp.Expression, raw: exp.Expression, ctx: MaskContext) -> exp.Expression:
    """Whether ``fake`` shows ``raw`` (case-insensitive); NULL for a NULL or blank ``raw``, which keeps the draw."""
    from sqlglot import exp

    from maskline.dialects.base import lit

    return exp.GT(this=ctx.dialect.strpos_of(exp.Lower(this=fake), exp.Lower(this=raw.copy())), expression=lit(0))


def draws_once(ctx: MaskContext) -> bool:
    """Whether a fake of this column is its first draw, never re-drawn: numbers, dates and timestamps are written
    with digits, booleans as true/false, floats may be NaN or Infinity, and a fake of letters never holds one (a
    test checks the word lists). Text, bytes and types of unknown form are re-drawn while the fake shows the value.
    Besides the value's canonical text, this is all a fake's SQL takes from the column's type (the dbt package's
    typed keyed templates rely on it: :func:`maskline.dbt.generate.keyed_templates`).

    >>> from maskline.dialects import get_dialect
    >>> [draws_once(MaskContext(get_dialect("duckdb"), None, source_type=t)) for t in ("integer", "text", None)]  # type: ignore[arg-type]
    [True, False, False]
    """
    from maskline.dialects.canonical import TextForm, text_form

    return text_form(ctx.source_type, ctx.dialect.text_form_overrides) not in (None, TextForm.TEXT, TextForm.BINARY)


def build(column: exp.Expression, p: FakeParams, ctx: MaskContext) -> exp.Expression:
    """A fake drawn from the value's keyed digest, re-drawn while it shows the value: :func:`fake_of` in SQL.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> from maskline.dialects.base import KeyMode, KeyRefs
    >>> d, k = get_dialect("duckdb"), KeyMaterial(b"k" * 16)
    >>> sql = build(exp.column("c"), FakeParams("name"), MaskContext(d, KeyRefs(d, KeyMode.LITERAL, k)))
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (SELECT 'Ada' c)").fetchall() == [(fake_of(k, "Ada"),)]
    True
    """
    from sqlglot import exp

    from maskline.dialects.base import lit

    d = ctx.dialect
    kind = p.kind or DEFAULT_KIND.get(ctx.info_type or "", "word")
    digest = ctx.keys.method_digest_hex("fake", d.utf8(ctx.canonical_text(column)), ctx.derivation)
    # The raw text as it would be read in the output: trimmed, and NULL when blank (everything contains '').
    raw = exp.Nullif(this=exp.Trim(this=ctx.canonical_text(column.copy())), expression=lit(""))
    if not d.once_binds:
        return _draws(kind, digest, None if draws_once(ctx) else raw, ctx)
    if draws_once(ctx):
        return d.once(digest, lambda h: _draws(kind, h, None, ctx))
    # One operand, bound once: the 64 hex digits of the digest, then the raw text ('' for NULL, as NULLIF reads
    # it back). Each word pick and each re-draw then refers to a name, not to the digest and the value's text.
    bound = d.concat(digest, exp.Coalesce(this=raw, expressions=[lit("")]))
    return d.once(bound, lambda v: _draws(kind, v, exp.Nullif(this=d.substr(v.copy(), lit(65)), expression=lit("")),
                                          ctx))


def _draws(kind: str, digest: exp.Expression, raw: exp.Expression | None, ctx: MaskContext) -> exp.Expression:
    """The first draw of ``kind`` from ``digest`` (hex digits from the first), or, given the ``raw`` text, the
    first draw that does not show it (the last when all three do)."""
    from sqlglot import exp

    draws = [_draw(kind, digest, offset, ctx) for offset in DRAW_OFFSETS]
    if raw is None:
        return draws[0]
    # Built from the last draw back: CASE WHEN draw_i contains raw THEN <next> ELSE draw_i END.
    out = draws[-1]
    for draw in reversed(draws[:-1]):
        out = exp.Case(ifs=[exp.If(this=_contains(draw.copy(), raw, ctx), true=out)], default=draw)
    return out


def fake_of(key: KeyMaterial, text: str, kind: str = "name", derivation: int = 1) -> str:
    """Python reference of the SQL: the fake of one value's canonical ``text``, re-drawn while it shows the value.

    >>> fake_of(KeyMaterial(b"k" * 16), "Ada Lovelace"), fake_of(KeyMaterial(b"k" * 16), "Ada Lovelace", derivation=2)
    ('Lea Oakes', 'Noor Corwin')
    >>> "lora" in fake_of(KeyMaterial(b"k" * 16), "Lora").lower()
    False
    """
    digest = method_digest_hex(key, "fake", text, derivation)

    def word(words: tuple[str, ...], start: int) -> str:
        return words[int(digest[start - 1:start + 3], 16) % len(words)]

    def draw(o: int) -> str:
        first, last = word(FIRST_NAMES, o), word(LAST_NAMES, o + 4)
        return {"name": f"{first} {last}", "first_name": first, "last_name": last,
                "email": f"{first}.{last}@example.com".lower(), "username": f"{first}_{word(WORDS, o + 8)}".lower(),
                }.get(kind, f"{word(WORDS, o)}-{word(WORDS, o + 4)}")

    raw = text.strip(" ").lower()
    for offset in DRAW_OFFSETS[:-1]:
        if not raw or raw not in draw(offset).lower():
            return draw(offset)
    return draw(DRAW_OFFSETS[-1])


def kind_patterns() -> dict[str, str]:
    """Each kind's output as a regex (without anchors), from the word lists the builder picks from.

    >>> import re; fake = fake_of(KeyMaterial(b"k" * 16), "Ada Lovelace")
    >>> bool(re.fullmatch(kind_patterns()["name"], fake)), bool(re.fullmatch(kind_patterns()["email"], fake))
    (True, False)
    """
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
    """The pattern of the kind's output (every kind's, when neither the kind nor the info type is known).

    >>> shape(FakeParams(kind="first_name"), None).summary
    'a built-in fake first_name'
    """
    kind = p.kind or (DEFAULT_KIND.get(info_type, "word") if info_type else None)
    patterns = kind_patterns()
    alternatives = (patterns[kind],) if kind else tuple(patterns.values())
    return MaskedShape("fake", f"a built-in fake {kind or 'value'}", pattern="^(" + "|".join(alternatives) + ")$")


METHOD = MethodDef("fake", FakeParams, build, keyed=True, output="text",
                   summary="consistent fake (same input and key, same fake)", shape=shape, opaque=True)
