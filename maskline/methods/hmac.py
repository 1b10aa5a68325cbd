"""``hmac``: keyed HMAC-SHA256 pseudonym, lower hex. Output: text of 64 (or ``length``) chars.

Byte-identical to Python's ``hmac.new(key, value.encode(), sha256).hexdigest()``
on every engine (see :func:`maskline.keys.hmac_hex`), so tokens join across
systems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from maskline.keys import KeyMaterial, hmac_hex
from maskline.methods.base import MaskContext, MethodDef
from maskline.methods.hash import DigestParams, digest_shape, truncate

if TYPE_CHECKING:
    from sqlglot import exp


def build(column: exp.Expression, p: DigestParams, ctx: MaskContext) -> exp.Expression:
    d = ctx.dialect
    return truncate(ctx.keys.hmac_hex(d.utf8(ctx.canonical_text(column))), p, ctx)


def token(key: KeyMaterial, text: str, p: DigestParams) -> str:
    """The token of one value, as the SQL computes it (for tokenized filter literals)."""
    return hmac_hex(key, text, p.length)


METHOD = MethodDef("hmac", DigestParams, build, keyed=True, output="text: lower-hex HMAC-SHA256",
                   summary="keyed HMAC-SHA256 pseudonym; joins across systems", shape=digest_shape("hmac"),
                   opaque=True, propagates_null=True, literal_token=token)
