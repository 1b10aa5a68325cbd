"""Spark SQL (and Databricks): ``sha2`` returns hex; key values are session variables (Spark 4)."""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from maskline.dialects.base import Dialect, bound_by_lambda, fn, lit
from maskline.dialects.canonical import TextForm


class Spark(Dialect):
    name = sqlglot_name = "spark"
    array_base = 1  # ELEMENT_AT is 1-based

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return fn("ENCODE", e, lit("UTF-8"))

    def sha256_bin(self, b: exp.Expression) -> exp.Expression:
        return fn("UNHEX", fn("SHA2", b, lit(256)))

    def sha256_hex(self, b: exp.Expression) -> exp.Expression:
        return fn("SHA2", b, lit(256))

    def hex(self, b: exp.Expression) -> exp.Expression:
        return exp.Lower(this=fn("HEX", b))

    def from_hex(self, h: exp.Expression) -> exp.Expression:
        return fn("UNHEX", h)

    # Spark's TIMESTAMP is an instant shown in the session time zone (TIMESTAMP_NTZ is the wall-clock type).
    text_form_overrides = {"timestamp": TextForm.TIMESTAMP_TZ}

    def utc_date(self, e: exp.Expression) -> exp.Expression:
        """The UTC day of a Spark timestamp (an instant, read in the session's zone by a plain cast).

        >>> Spark().utc_date(exp.column("t")).sql("spark")
        'CAST(TO_UTC_TIMESTAMP(t, CURRENT_TIMEZONE()) AS DATE)'
        """
        return exp.cast(fn("TO_UTC_TIMESTAMP", e, fn("CURRENT_TIMEZONE")), "date")

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        utc = fn("TO_UTC_TIMESTAMP", e, fn("CURRENT_TIMEZONE"))  # the UTC wall clock of the instant
        return self.concat(fn("DATE_FORMAT", utc, lit("yyyy-MM-dd")), lit("T"),
                           fn("DATE_FORMAT", utc.copy(), lit("HH:mm:ss.SSSSSS")))

    def bucket(self, e: exp.Expression, width: int) -> exp.Expression:
        """``e - PMOD(e, width)``: Spark's ``FLOOR`` of a double is a BIGINT (every other engine's is a double, and
        past 2**63 it overflows), while ``PMOD`` keeps the operand's type and is the floor's remainder.

        >>> Spark().bucket(exp.column("n"), 10).sql("spark")
        'n - PMOD(n, 10)'
        """
        return exp.Sub(this=e, expression=fn("PMOD", e.copy(), lit(width)))

    # Spark 4 casts in ANSI mode: a malformed value fails the query with the value quoted in the error, and
    # sqlglot renders a TryCast as a plain CAST for Spark unless it is marked safe.
    def try_date(self, e: exp.Expression) -> exp.Expression:
        """``TRY_CAST(e AS DATE)``: NULL, never an error that quotes the value.

        >>> Spark().try_date(exp.column("d")).sql("spark")
        'TRY_CAST(d AS DATE)'
        """
        return exp.TryCast(this=e, to=exp.DataType.build("date"), safe=True)

    def try_number(self, e: exp.Expression) -> exp.Expression:
        """``TRY_CAST(e AS DOUBLE)``: text that is not a number is NULL, not an ANSI cast error.

        >>> Spark().try_number(exp.column("n")).sql("spark")
        'TRY_CAST(n AS DOUBLE)'
        """
        return exp.TryCast(this=e, to=exp.DataType.build("double"), safe=True)

    def session_key(self, name: str) -> exp.Expression:
        # DECLARE VARIABLE maskline_<name> STRING (hex), filled by key_setup.
        return exp.column(f"maskline_{name}")

    def raise_error(self, message: str, depends_on: exp.Expression) -> exp.Expression | None:
        return exp.cast(fn("RAISE_ERROR", lit(message)), "string")  # typed, so NULL propagation cannot drop it

    once_binds = True

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)`` with ``e`` written once: Spark's higher-order ``transform`` over a one-element array (its
        documented form, as DuckDB's and Trino's), whose argument is evaluated once and the lambda run per element.

        >>> Spark().once(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy())).sql("spark")
        'ELEMENT_AT(TRANSFORM(ARRAY(s), maskline_x -> maskline_x || maskline_x), 1)'
        """
        return bound_by_lambda(e, build, "TRANSFORM", "ELEMENT_AT")

    def pick(self, words, index0):  # type: ignore[no-untyped-def]
        arr = fn("ARRAY", *[lit(w) for w in words])
        return fn("ELEMENT_AT", arr, exp.Add(this=exp.paren(index0, copy=False), expression=lit(1)))
