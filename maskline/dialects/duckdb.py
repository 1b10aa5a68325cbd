"""DuckDB: ``sha256`` takes BLOB and returns hex; key values live in ``SET VARIABLE``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlglot import exp

from maskline.dialects.base import Dialect, bound_by_lambda, fn, lit
from maskline.dialects.duckdb_builtins import DIALECT


class DuckDB(Dialect):
    name = "duckdb"
    # Printed (and parsed) through sqlglot's DuckDB with every by-name call written system.main.<name>: a macro
    # of the connection can never stand in for a function maskline or the user's query calls.
    sqlglot_name = DIALECT

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return fn("ENCODE", e)

    def bin_concat(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return exp.DPipe(this=a, expression=b, safe=False)

    def sha256_bin(self, b: exp.Expression) -> exp.Expression:
        return fn("UNHEX", fn("SHA256", b))

    def sha256_hex(self, b: exp.Expression) -> exp.Expression:
        return fn("SHA256", b)  # already lower hex

    def hex(self, b: exp.Expression) -> exp.Expression:
        return exp.Lower(this=fn("HEX", b))

    def from_hex(self, h: exp.Expression) -> exp.Expression:
        return fn("UNHEX", h)

    def regexp_replace_all(self, e: exp.Expression, pattern: str, replacement: str) -> exp.Expression:
        return fn("REGEXP_REPLACE", e, lit(pattern), lit(replacement), lit("g"))

    # The first day of a year and of a month a DATE holds: DuckDB's least DATE is 5877642-06-25 (BC), whose month
    # and year begin before it.
    FIRST_WHOLE = {"year": "5877641-01-01 (BC)", "month": "5877642-07-01 (BC)"}

    # The same for a TIMESTAMP, whose least value is 290309-12-22 (BC): the first day of its year or month is no
    # TIMESTAMP, so a role-aware view, which widens the masked DATE back to the column's type, failed on it.
    FIRST_WHOLE_TIMESTAMP = {"year": "290308-01-01 (BC)", "month": "290308-01-01 (BC)"}

    def timestamp_trunc(self, unit: str, e: exp.Expression) -> exp.Expression:
        """:meth:`date_trunc` bounded by the TIMESTAMP range, so the DATE it gives widens back to a TIMESTAMP.

        >>> import duckdb
        >>> sql = DuckDB().timestamp_trunc("year", exp.column("t")).sql("duckdb")
        >>> duckdb.sql(f"SELECT CAST(CAST({sql} AS TIMESTAMP) AS VARCHAR) FROM (VALUES "
        ...            "(TIMESTAMP '290309-12-22 (BC) 00:00:00'), (TIMESTAMP '1985-07-21 10:00:00')) v(t)").fetchall()
        [(None,), ('1985-01-01 00:00:00',)]
        """
        return self.date_trunc(unit, e, self.FIRST_WHOLE_TIMESTAMP)

    def date_trunc(self, unit: str, e: exp.Expression,
                   first_whole: dict[str, str] | None = None) -> exp.Expression:
        """A date truncated to ``unit`` by its parts, in DATE arithmetic; total for every DATE and TIMESTAMP.

        DuckDB's ``DATE_TRUNC`` of a DATE is a TIMESTAMP, whose range is narrower than a DATE's: a date past year
        294247 (or before 290309 BC) failed, and only those rows (an oracle). An infinite date stays itself; a date
        of the least DATE's year or month, whose first day no DATE holds, is NULL.

        >>> import duckdb
        >>> sql = DuckDB().date_trunc("month", exp.column("d")).sql("duckdb")
        >>> duckdb.sql(f"SELECT CAST({sql} AS VARCHAR) FROM (VALUES (DATE '5881580-07-10'), (DATE '2024-03-05'), "
        ...            "(DATE 'infinity'), (DATE '5877642-06-25 (BC)')) t(d)").fetchall()
        [('5881580-07-01',), ('2024-03-01',), ('infinity',), (None,)]
        """
        first_whole = first_whole or self.FIRST_WHOLE
        if unit not in first_whole:
            return super().date_trunc(unit, e)
        day = exp.cast(e, "date")
        month = fn("MONTH", day.copy()) if unit == "month" else lit(1)
        first = fn("MAKE_DATE", fn("YEAR", day.copy()), month, lit(1))
        return exp.Case(ifs=[exp.If(this=exp.Not(this=fn("ISFINITE", day.copy())), true=day.copy()),
                             exp.If(this=exp.GTE(this=day.copy(), expression=exp.cast(lit(first_whole[unit]),
                                                                                      "date")),
                                    true=first)])

    def canonical_float_text(self, e: exp.Expression) -> exp.Expression:
        """A double's or a real's shortest round-trip text in plain notation, built from ``printf('%.Ne')`` and a
        read-back cast (:mod:`maskline.dialects.shortest_float`): DuckDB 2.0's cast writes ``2**81`` as
        ``4.835703278458517e+24`` (``2**82``'s text), and a real with more digits than its shortest.

        >>> import duckdb
        >>> sql = DuckDB().canonical_float_text(exp.column("f")).sql("duckdb")
        >>> duckdb.sql(f"SELECT {sql} FROM (VALUES (2.0 ** 81), (-0.0), (1.5e-7), ('nan'::DOUBLE)) t(f)").fetchall()
        [('2417851639229258300000000',), ('0',), ('0.00000015',), ('NaN',)]
        """
        from maskline.dialects.shortest_float import (
            DUCKDB_CALLS,
            canonical_float_text,
            duckdb_shortest_e_text,
        )

        return canonical_float_text(e, duckdb_shortest_e_text(e), self.canonical_number_text, DUCKDB_CALLS)

    once_binds = True

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)`` with ``e`` written once, through a lambda over a one-element list: ``fake`` reads a value's
        keyed digest some forty times (four hex digits per word pick, several picks and redraws).

        >>> import duckdb
        >>> sql = DuckDB().once(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy())).sql("duckdb")
        >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('ab')) t(s)").fetchall()
        [('abab',)]
        """
        return bound_by_lambda(e, build, "LIST_TRANSFORM", "LIST_EXTRACT")

    decimal_text_drops_leading_zero = True  # CAST(0.5::DECIMAL(4,4) AS VARCHAR) is '.5000'

    def try_number(self, e: exp.Expression) -> exp.Expression:
        """``TRY_CAST(e AS DOUBLE)``: DuckDB binds no arithmetic on VARCHAR, so ``bucket:`` on a text column failed
        the whole query, where PostgreSQL, Trino and Spark bucket its numbers and give NULL for the rest.

        >>> import duckdb
        >>> sql = DuckDB().try_number(exp.column("n")).sql("duckdb")
        >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('42'), (' 37.5 '), ('abc')) t(n)").fetchall()
        [(42.0,), (37.5,), (None,)]
        """
        return exp.TryCast(this=e, to=exp.DataType.build("double"))

    def utc_wall_clock(self, e: exp.Expression) -> exp.Expression:
        """A TIMESTAMPTZ's wall clock in UTC, as a TIMESTAMP built from its microseconds since the epoch.

        DuckDB reads a TIMESTAMPTZ through ICU, in the session's ``Calendar``: under ``japanese`` the wall clock
        ``timezone('UTC', t)`` gives is in year 6 (Reiwa), under ``hebrew`` in year 5784 BC, so a mask of an
        instant followed a setting of whoever holds the connection. The epoch is no calendar's; ``make_timestamp``
        of it is the Gregorian wall clock at UTC. An infinite instant has no epoch and stays infinite.

        >>> import duckdb
        >>> sql = DuckDB().utc_wall_clock(exp.column("t")).sql("duckdb")
        >>> con = duckdb.connect()
        >>> _ = con.execute("SET Calendar = 'japanese'")
        >>> con.sql(f"SELECT CAST({sql} AS VARCHAR) FROM (VALUES (TIMESTAMPTZ '2024-04-17 23:30:00+00'), "
        ...         "(TIMESTAMPTZ 'infinity')) v(t)").fetchall()
        [('2024-04-17 23:30:00',), ('infinity',)]
        """
        return exp.Case(ifs=[exp.If(this=fn("ISFINITE", e.copy()), true=fn("MAKE_TIMESTAMP", fn("EPOCH_US", e.copy())))],
                        default=exp.AtTimeZone(this=e.copy(), zone=lit("UTC")))

    def utc_date(self, e: exp.Expression) -> exp.Expression:
        """The UTC day of an instant, from :meth:`utc_wall_clock` (no session calendar reads it).

        >>> DuckDB().utc_date(exp.column("t")).sql("duckdb")[:60]
        'CAST(CASE WHEN ISFINITE(t) THEN MAKE_TIMESTAMP(EPOCH_US(t)) '
        """
        return exp.cast(self.utc_wall_clock(e), "date")

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("STRFTIME", self.utc_wall_clock(e), lit("%Y-%m-%dT%H:%M:%S.%f"))

    def mark_types(self, tree: exp.Expr, schema: dict[str, Any]) -> None:
        from maskline.dialects.duckdb_builtins import mark_types

        mark_types(tree, schema)

    def unpinned_calls(self, sql: str) -> tuple[str, ...]:
        from maskline.dialects.duckdb_builtins import unpinned_calls

        return unpinned_calls(sql)

    session_key_is_hex = False

    def session_key(self, name: str) -> exp.Expression:
        return fn("GETVARIABLE", lit(f"maskline_{name}"))  # a BLOB set by key_setup

    def raise_error(self, message: str, depends_on: exp.Expression) -> exp.Expression | None:
        # Typed: an untyped ERROR() is NULL to the optimizer, which folds NULL || x to NULL without raising.
        return exp.cast(fn("ERROR", lit(message)), "blob")

    def pick(self, words, index0):  # type: ignore[no-untyped-def]
        # LIST_EXTRACT rather than a bracket: sqlglot shifts bracket indexes for DuckDB only.
        arr = exp.Array(expressions=[lit(w) for w in words])
        return fn("LIST_EXTRACT", arr, exp.Add(this=exp.paren(index0, copy=False), expression=lit(1)))
