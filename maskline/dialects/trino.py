"""Trino: native ``hmac_sha256``; no session variables, so key values are bound parameters."""

from __future__ import annotations

from sqlglot import exp

from maskline.dialects.base import Dialect, KeyRefs, fn, lit


class Trino(Dialect):
    name = sqlglot_name = "trino"

    def bin_concat(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return exp.DPipe(this=a, expression=b, safe=False)

    def hmac_sha256_hex(self, data: exp.Expression, key: KeyRefs) -> exp.Expression:
        return self.hex(fn("HMAC_SHA256", data, key.ref("salt")))

    def null(self) -> exp.Expression:
        return exp.cast(exp.Null(), "varchar")  # CREATE TABLE AS refuses a column of unknown type (PostgreSQL: text)

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        # to_iso8601 keeps the column's precision and ends in Z for UTC; the Z is added back by the caller.
        return fn("REPLACE", fn("TO_ISO8601", exp.AtTimeZone(this=e, zone=lit("UTC"))), lit("Z"), lit(""))

    def fill(self, n: exp.Expression, char: str) -> exp.Expression:
        return fn("RPAD", lit(""), fn("GREATEST", n, lit(0)), lit(char))  # Trino's repeat() builds arrays

    def try_number(self, e: exp.Expression) -> exp.Expression:
        """``TRY_CAST(e AS DOUBLE)``: Trino converts text for arithmetic per value, and its error quotes the value
        that failed (``Cannot cast '...' to DOUBLE``); TRY_CAST gives NULL instead, for text and numbers alike.

        >>> Trino().try_number(exp.column("n")).sql("trino")
        'TRY_CAST(n AS DOUBLE)'
        """
        return exp.TryCast(this=e, to=exp.DataType.build("double"))

    def pick(self, words, index0):  # type: ignore[no-untyped-def]
        arr = exp.Array(expressions=[lit(w) for w in words])
        return fn("ELEMENT_AT", arr, exp.Add(this=exp.paren(index0, copy=False), expression=lit(1)))
