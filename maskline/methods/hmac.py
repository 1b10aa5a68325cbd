"""``hmac``: keyed HMAC-SHA256 pseudonym, lower hex. Output: text of 64 (or ``length``) chars.

Byte-identical to Python's ``hmac.new(key, value.encode(), sha256).hexdigest()``
on every engine (see :func:`maskline.keys.hmac_hex`), so tokens join across
systems. The same under every key derivation: derivation 2 moves ``hash`` and
``fake`` into domains of their own and leaves ``hmac``'s tokens as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maskline.keys import KeyMaterial, method_digest_hex
from maskline.methods.base import MaskContext, MethodDef
from maskline.methods.hash import DigestParams, digest_shape, truncate

if TYPE_CHECKING:
    from sqlglot import exp


def build(column: exp.Expression, p: DigestParams, ctx: MaskContext) -> exp.Expression:
    """The HMAC of the column's canonical text, in SQL: the token :func:`maskline.keys.hmac_hex` gives.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> from maskline.dialects.base import KeyMode, KeyRefs
    >>> from maskline.keys import hmac_hex
    >>> d, k = get_dialect("duckdb"), KeyMaterial(b"k" * 16)
    >>> sql = build(exp.column("c"), DigestParams(16), MaskContext(d, KeyRefs(d, KeyMode.LITERAL, k)))
    >>> duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (SELECT 'a' c)").fetchall() == [(hmac_hex(k, "a", 16),)]
    True
    """
    d = ctx.dialect
    return truncate(ctx.keys.method_digest_hex("hmac", d.utf8(ctx.canonical_text(column)), ctx.derivation), p, ctx)


def token(key: KeyMaterial, text: str, p: DigestParams, derivation: int = 1) -> str:
    """The token of one value, as the SQL computes it (for tokenized filter literals).

    >>> token(KeyMaterial(b"k" * 16), "x", DigestParams(8))
    '10a2f7df'
    """
    return method_digest_hex(key, "hmac", text, derivation, p.length)  # the same under every derivation


METHOD = MethodDef("hmac", DigestParams, build, keyed=True, output="text: lower-hex HMAC-SHA256",
                   summary="keyed HMAC-SHA256 pseudonym; joins across systems", shape=digest_shape("hmac"),
                   opaque=True, propagates_null=True, literal_token=token)
