"""Snowflake: ``SHA2_BINARY``; key values in session variables (``SET maskline_ipad = ...``)."""

from __future__ import annotations

from sqlglot import exp

from maskline.dialects.base import Dialect, fn, lit


class Snowflake(Dialect):
    name = sqlglot_name = "snowflake"
    array_base = 0

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_BINARY", e, lit("UTF-8"))

    def sha256_bin(self, b: exp.Expression) -> exp.Expression:
        return fn("SHA2_BINARY", b, lit(256))

    def hex(self, b: exp.Expression) -> exp.Expression:
        return fn("HEX_ENCODE", b, lit(0))  # 0: lower case

    def from_hex(self, h: exp.Expression) -> exp.Expression:
        return fn("TO_BINARY", h, lit("HEX"))

    def iso_date_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_VARCHAR", e, lit("YYYY-MM-DD"))  # a plain cast follows DATE_OUTPUT_FORMAT

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_VARCHAR", fn("CONVERT_TIMEZONE", lit("UTC"), e), lit('YYYY-MM-DD"T"HH24:MI:SS.FF6'))

    def session_key(self, name: str) -> exp.Expression:
        return exp.Parameter(this=exp.var(f"maskline_{name}"))  # an unset $variable fails the query itself

    def pick(self, words, index0):  # type: ignore[no-untyped-def]
        arr = fn("ARRAY_CONSTRUCT", *[lit(w) for w in words])
        return exp.cast(fn("GET", arr, index0), "varchar")
