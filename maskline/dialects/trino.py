"""Trino: native ``hmac_sha256``; no session variables, so key values are bound parameters."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sqlglot import exp

from maskline.dialects.base import Dialect, KeyRefs, bound_by_lambda, fn, lit
from maskline.dialects.trino_builtins import DIALECT


class Trino(Dialect):
    name = "trino"
    # Printed (and parsed) through sqlglot's Trino with every by-name call written system.builtin.<name>: no SQL
    # routine on the session's path can stand in for a function maskline or the user's query calls.
    sqlglot_name = DIALECT

    def unpinned_calls(self, sql: str) -> tuple[str, ...]:
        from maskline.dialects.trino_builtins import unpinned_calls

        return unpinned_calls(sql)

    def exact_literal(self, value: Decimal, own: exp.DataType) -> exp.Expression:
        """A bound as the column's own type: Trino refuses an integer literal wider than a bigint (a DECIMAL(38,0)
        bound of 38 digits) as a syntax error.

        >>> from decimal import Decimal
        >>> Trino().exact_literal(Decimal("-" + "9" * 37 + "0"), exp.DataType.build("decimal(38,0)")).sql("trino")[:20]
        "CAST('-9999999999999"
        """
        return exp.cast(exp.Literal.string(format(value, "f")), own.copy())

    def text_cast(self, e: exp.Expression, source_type: str | None) -> exp.Expression:
        """``e`` as varchar, the only text type Trino's string functions accept; char(n) without its padding, as
        PostgreSQL's cast reads it (Trino's cast keeps the trailing spaces), so a char column masks as its text.

        >>> Trino().text_cast(exp.column("c"), "char(16)").sql("trino")
        "RTRIM(CAST(c AS VARCHAR), ' ')"
        >>> Trino().text_cast(exp.column("n"), "integer").sql("trino")
        'CAST(n AS VARCHAR)'
        >>> Trino().text_cast(exp.column("j"), "json").sql("trino")
        'JSON_FORMAT(j)'
        """
        if _base_type(source_type) in ("char", "character", "nchar", "bpchar"):
            return fn("RTRIM", self.text(e), lit(" "))
        if _base_type(source_type) == "json":
            # CAST(json AS varchar) fails on any document that is not a JSON string, and its error quotes the
            # document ("Cannot cast '{"email":...}' to varchar"): JSON_FORMAT gives every document's text.
            return fn("JSON_FORMAT", e)
        return self.text(e)

    def accepts_as_text(self, source_type: str | None) -> bool:
        """Whether Trino's string functions take a column of this type as it is: varchar alone.

        >>> Trino().accepts_as_text("varchar(20)"), Trino().accepts_as_text("char(16)")
        (True, False)
        """
        return _base_type(source_type) in ("varchar", "character varying")

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

    # A date written first, then optionally a time after a space or a T, as PostgreSQL's try_date reads text.
    DATE_THEN_TIME = "^\\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})([ T].*)?$"

    def try_date(self, e: exp.Expression) -> exp.Expression:
        """The date written at the start of ``e``'s text, NULL where there is none: Trino's TRY_CAST to DATE takes a
        bare date only, so ``2024-03-01 10:00:00`` generalized to NULL where PostgreSQL, DuckDB and Spark read
        2024-03-01. Every conversion is tried (a failed cast's error would quote the value).

        >>> Trino().try_date(exp.column("d")).sql("trino")
        "TRY_CAST(REGEXP_EXTRACT(TRY_CAST(d AS VARCHAR), '^\\\\s*([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})([ T].*)?$', 1) AS DATE)"
        """
        text = exp.TryCast(this=e, to=exp.DataType.build("varchar"))
        return exp.TryCast(this=fn("REGEXP_EXTRACT", text, lit(self.DATE_THEN_TIME), lit(1)),
                           to=exp.DataType.build("date"))

    def canonical_float_text(self, e: exp.Expression) -> exp.Expression:
        """A double's or a real's shortest round-trip text in plain notation, built from ``format('%.Ne')`` and a
        read-back cast (:mod:`maskline.dialects.shortest_float`): Trino's cast writes a real with at most seven
        digits (``16777216`` as ``1.677722E7``) and ``2e23`` as ``1.9999999999999998E23``.

        >>> Trino().canonical_float_text(exp.column("f")).sql("trino")[:45]
        'CASE WHEN f IS NULL THEN NULL WHEN f = 0 THEN'
        """
        from maskline.dialects.shortest_float import TRINO_CALLS, canonical_float_text, trino_shortest_e_text

        return canonical_float_text(e, trino_shortest_e_text(e), self.canonical_number_text, TRINO_CALLS)

    once_binds = True

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)`` with ``e`` written once, through a lambda over a one-element array (DuckDB's form): ``fake``
        reads a value's keyed digest some forty times, and each copy of a volatile operand (``random()``) would be
        drawn on its own. Each NULLIF inside the lambda is written as its CASE: Trino 476's planner folds a NULLIF of
        a lambda's parameter with that parameter unbound and fails (GENERIC_INTERNAL_ERROR, a NullPointerException),
        where the same CASE runs. Trino refuses a correlated scalar subquery (PostgreSQL's form) whose row is
        volatile ("Given correlated subquery is not supported"), and folds NULLIF only inside a lambda.

        >>> Trino().once(exp.column("s"), lambda x: exp.Nullif(this=x, expression=lit(""))).sql("trino")
        "ELEMENT_AT(TRANSFORM(ARRAY[s], maskline_x -> CASE WHEN maskline_x = '' THEN NULL ELSE maskline_x END), 1)"
        """
        return bound_by_lambda(e, lambda x: build(x).transform(_nullif_as_case, copy=False), "TRANSFORM", "ELEMENT_AT")

    def pick(self, words, index0):  # type: ignore[no-untyped-def]
        arr = exp.Array(expressions=[lit(w) for w in words])
        return fn("ELEMENT_AT", arr, exp.Add(this=exp.paren(index0, copy=False), expression=lit(1)))


def _base_type(source_type: str | None) -> str:
    return (source_type or "").split("(")[0].strip().lower()


def _nullif_as_case(node: exp.Expression) -> exp.Expression:
    """``NULLIF(a, b)`` as ``CASE WHEN a = b THEN NULL ELSE a END`` (what the SQL standard defines it as); any
    other node as it is. ``a`` is written twice: inside :meth:`Trino.once` it is a function of the bound name."""
    if not isinstance(node, exp.Nullif):
        return node
    return exp.Case(ifs=[exp.If(this=exp.EQ(this=node.this.copy(), expression=node.expression), true=exp.Null())],
                    default=node.this)
