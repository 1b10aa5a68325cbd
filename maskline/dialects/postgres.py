"""PostgreSQL 11+: built-in ``sha256(bytea)``; key values in ``current_setting('maskline.*')``.

HMAC is computed from the RFC 2104 pads with the built-in ``sha256`` rather
than pgcrypto's ``hmac()``, so masking needs no extension (and no CREATE
privilege); tests check the tokens against pgcrypto's ``hmac`` too.
"""

from __future__ import annotations

from sqlglot import exp

from maskline.dialects.base import Dialect, fn, lit


class Postgres(Dialect):
    name = sqlglot_name = "postgres"

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return fn("CONVERT_TO", e, lit("UTF8"))

    def bin_concat(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return exp.DPipe(this=a, expression=b, safe=False)

    def hex(self, b: exp.Expression) -> exp.Expression:
        return fn("ENCODE", b, lit("hex"))

    def from_hex(self, h: exp.Expression) -> exp.Expression:
        return fn("DECODE", h, lit("hex"))

    def strpos_of(self, e: exp.Expression, needle: exp.Expression) -> exp.Expression:
        return fn("STRPOS", e, needle)

    def regexp_replace_all(self, e: exp.Expression, pattern: str, replacement: str) -> exp.Expression:
        return fn("REGEXP_REPLACE", e, lit(pattern), lit(replacement), lit("g"))

    def iso_date_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_CHAR", e, lit("YYYY-MM-DD"))  # date::text follows the session's DateStyle

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_CHAR", exp.AtTimeZone(this=e, zone=lit("UTC")), lit('YYYY-MM-DD"T"HH24:MI:SS.US'))

    private_schema = "maskline_private"  # where maskline.adapters.postgres keeps the key and its functions

    def definer_function(self, name: str, data: exp.Expression) -> exp.Expression:
        return exp.Anonymous(this=exp.Dot(this=exp.to_identifier(self.private_schema),
                                          expression=exp.to_identifier(name)), expressions=[data])

    def key_session_ref(self, name: str) -> exp.Expression:
        return self.from_hex(fn("CURRENT_SETTING", lit(f"maskline.{name}")))
