"""Snowflake: ``SHA2_BINARY``; key values in session variables (``SET maskline_ipad = ...``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from maskline.dialects.base import Dialect, bound_by_lambda, fn, lit


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

    def regexp_contains(self, e: exp.Expression, pattern: str) -> exp.Expression:
        """``REGEXP_INSTR(e, pattern) > 0``: Snowflake's ``REGEXP_LIKE`` matches the whole value, not a part of it.

        >>> Snowflake().regexp_contains(exp.column("x"), "[0-9]").sql("snowflake")
        "REGEXP_INSTR(x, '[0-9]') > 0"
        """
        return exp.GT(this=fn("REGEXP_INSTR", e, lit(pattern)), expression=lit(0))

    def iso_date_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_VARCHAR", e, lit("YYYY-MM-DD"))  # a plain cast follows DATE_OUTPUT_FORMAT

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_VARCHAR", fn("CONVERT_TIMEZONE", lit("UTC"), e), lit('YYYY-MM-DD"T"HH24:MI:SS.FF6'))

    # Snowflake's casts of text fail with the value in the error ("Date '...' is not recognized"), and its TRY_CAST
    # takes text only: sqlglot writes a TryCast as a plain CAST unless its operand is a cast to VARCHAR. So the value
    # is made text first (a DATE or NUMBER converts; a session DATE_OUTPUT_FORMAT that AUTO cannot read gives NULL,
    # which is masked), then tried.
    def try_date(self, e: exp.Expression) -> exp.Expression:
        """``TRY_CAST(CAST(e AS VARCHAR) AS DATE)``: NULL, never an error that quotes the value.

        >>> Snowflake().try_date(exp.column("d")).sql("snowflake")
        'TRY_CAST(CAST(d AS VARCHAR) AS DATE)'
        """
        return exp.TryCast(this=exp.cast(e, "varchar"), to=exp.DataType.build("date"))

    def try_number(self, e: exp.Expression) -> exp.Expression:
        """``TRY_CAST(CAST(e AS VARCHAR) AS DOUBLE)``: arithmetic on text converts per value and quotes a failure.

        >>> Snowflake().try_number(exp.column("n")).sql("snowflake")
        'TRY_CAST(CAST(n AS VARCHAR) AS DOUBLE)'
        """
        return exp.TryCast(this=exp.cast(e, "varchar"), to=exp.DataType.build("double"))

    def session_key(self, name: str) -> exp.Expression:
        return exp.Parameter(this=exp.var(f"maskline_{name}"))  # an unset $variable fails the query itself

    once_binds = True

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)`` with ``e`` written once, through the higher-order ``TRANSFORM`` over a one-element array
        (documented, generally available since May 2024). PostgreSQL's form, a correlated scalar subquery, is not:
        Snowflake documents correlated scalar subqueries only where it can tell statically that they return one
        row (an aggregate without GROUP BY).
        The array is semi-structured, so its element reaches the lambda as a VARIANT and the result comes back as
        one: each use of the name is cast to VARCHAR and so is the result (``once`` binds text on every engine).

        >>> Snowflake().once(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy())).sql("snowflake")
        'CAST(GET(TRANSFORM([s], maskline_x -> CAST(maskline_x AS VARCHAR) || CAST(maskline_x AS VARCHAR)), 0) AS VARCHAR)'
        """
        return exp.cast(bound_by_lambda(e, lambda x: build(exp.cast(x, "varchar")), "TRANSFORM", "GET", first=0),
                        "varchar")

    def pick(self, words, index0):  # type: ignore[no-untyped-def]
        arr = fn("ARRAY_CONSTRUCT", *[lit(w) for w in words])
        return exp.cast(fn("GET", arr, index0), "varchar")
