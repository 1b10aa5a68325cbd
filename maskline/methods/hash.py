"""``hash``: a keyed SHA-256 digest of the value, lower hex. Output: text of 64 (or ``length``) chars.

Unkeyed hashes of SSNs or phone numbers are reversed by enumeration, so the key
is mandatory and comes from the policy's key. Under the policy's key derivation
1 the digest is SHA-256 of ``key || value`` (the tokens maskline first wrote);
under 2 it is HMAC-SHA256 in the ``hash`` domain (:mod:`maskline.keys`), so a
value's hash token says nothing about its hmac token or its fake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from maskline.keys import KeyMaterial, method_digest_hex
from maskline.methods.base import MaskContext, MethodDef, param
from maskline.methods.shape import MaskedShape

if TYPE_CHECKING:
    from sqlglot import exp


@dataclass(frozen=True)
class DigestParams:
    length: int | None = param(None, "truncate the hex token to this many characters", minimum=8, maximum=64,
                               what="length must be between 8 and 64", fix="shorter tokens collide; use 16 or more")


def truncate(token: exp.Expression, p: DigestParams, ctx: MaskContext) -> exp.Expression:
    """The first ``length`` characters of a hex token, or the whole token.

    >>> from sqlglot import exp; from maskline.dialects import get_dialect
    >>> truncate(exp.column("t"), DigestParams(16), MaskContext(get_dialect("duckdb"), None)).sql("duckdb")
    'SUBSTRING(t, 1, 16)'
    """
    from maskline.dialects.base import lit

    return ctx.dialect.substr(token, lit(1), lit(p.length)) if p.length else token


def build(column: exp.Expression, p: DigestParams, ctx: MaskContext) -> exp.Expression:
    """The keyed digest of the column's canonical text, on the engine: the same token as :func:`token`.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> from maskline.dialects.base import KeyMode, KeyRefs
    >>> from maskline.keys import salted_sha256_hex
    >>> d, k = get_dialect("duckdb"), KeyMaterial(b"k" * 16)
    >>> sql = build(exp.column("c"), DigestParams(16), MaskContext(d, KeyRefs(d, KeyMode.LITERAL, k)))
    >>> rows = duckdb.sql(f"SELECT {sql.sql('duckdb')} FROM (SELECT 'a' c)").fetchall()
    >>> rows == [(salted_sha256_hex(k, "a", 16),)]
    True
    """
    d = ctx.dialect
    return truncate(ctx.keys.method_digest_hex("hash", d.utf8(ctx.canonical_text(column)), ctx.derivation), p, ctx)


def digest_shape(method: str) -> Callable[[DigestParams, str | None], MaskedShape]:
    """The shape of a lower-hex token of ``length`` (or 64) characters.

    >>> digest_shape("hash")(DigestParams(16), None).pattern
    '^[0-9a-f]{16}$'
    """
    def shape(p: DigestParams, info_type: str | None) -> MaskedShape:
        n = p.length or 64
        return MaskedShape(method, f"lower hex of {n} characters", pattern=f"^[0-9a-f]{{{n}}}$")
    return shape


def token(key: KeyMaterial, text: str, p: DigestParams, derivation: int = 1) -> str:
    """The token of one value, as the SQL computes it (for tokenized filter literals).

    >>> token(KeyMaterial(b"s" * 16), "x", DigestParams(8)), token(KeyMaterial(b"s" * 16), "x", DigestParams(8), 2)
    ('1623d926', '8d5fbe79')
    """
    return method_digest_hex(key, "hash", text, derivation, p.length)


METHOD = MethodDef("hash", DigestParams, build, keyed=True, output="text: lower-hex SHA-256",
                   summary="keyed SHA-256 digest (key from the policy)", shape=digest_shape("hash"),
                   opaque=True, propagates_null=True, literal_token=token)
