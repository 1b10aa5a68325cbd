"""``hash``: salted SHA-256 (salt = the policy key), lower hex. Output: text of 64 (or ``length``) chars.

Unsalted hashes of SSNs or phone numbers are reversed by enumeration, so the
salt is mandatory and comes from the policy's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp

from maskline.dialects.base import lit
from maskline.errors import PolicyError
from maskline.methods.base import MaskContext, MethodDef


@dataclass(frozen=True)
class DigestParams:
    length: int | None = None  # truncate the hex token to this many characters

    def check(self, where: str) -> None:
        if self.length is not None and not 8 <= self.length <= 64:
            raise PolicyError("length must be between 8 and 64", where=f"{where}.length",
                              fix="shorter tokens collide; use 16 or more")


def truncate(token: exp.Expression, p: DigestParams, ctx: MaskContext) -> exp.Expression:
    return ctx.dialect.substr(token, lit(1), lit(p.length)) if p.length else token


def build(column: exp.Expression, p: DigestParams, ctx: MaskContext) -> exp.Expression:
    d = ctx.dialect
    return truncate(ctx.keys.salted_sha256_hex(d.utf8(ctx.canonical_text(column))), p, ctx)


METHOD = MethodDef("hash", DigestParams, build, keyed=True, output="text: lower-hex SHA-256",
                   summary="salted SHA-256 (salt from the policy key)")
