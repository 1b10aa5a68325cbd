"""PostgreSQL 11+: built-in ``sha256(bytea)``; key values in ``current_setting('maskline.*')``.

HMAC is computed from the RFC 2104 pads with the built-in ``sha256`` rather
than pgcrypto's ``hmac()``, so masking needs no extension (and no CREATE
privilege); tests check the tokens against pgcrypto's ``hmac`` too.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from maskline.dialects import postgres_float
from maskline.dialects.base import Dialect, fn, lit
from maskline.dialects.postgres_catalog import DIALECT


class Postgres(Dialect):
    name = "postgres"
    # Printed (and parsed) through sqlglot's PostgreSQL with every function and operator named pg_catalog's: no
    # function or operator of the session's search_path can stand in for one maskline or the user's query calls.
    sqlglot_name = DIALECT
    unpinned_fix = ("write the call as pg_catalog.<name>(...), the operator as OPERATOR(pg_catalog.<op>) and the type "
                    "as pg_catalog.<type>, or leave the construct out (SIMILAR TO: a regular expression with ~)")

    def unpinned_calls(self, sql: str) -> tuple[str, ...]:
        """What the printed ``sql`` still looks up along the reader's ``search_path``
        (:func:`maskline.dialects.postgres_readback.unpinned_calls`): the rewrite refuses a query that has any.

        >>> Postgres().unpinned_calls("SELECT pg_catalog.lower(a), CAST(b AS TEXT) FROM t JOIN u USING (c)")
        ('=', '::text')
        """
        from maskline.dialects.postgres_readback import unpinned_calls

        return unpinned_calls(sql)

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

    def regexp_extract(self, e: exp.Expression, pattern: str) -> exp.Expression:
        return exp.Substring(this=e, start=lit(pattern))  # SUBSTRING(e FROM 'pattern'): the regex form

    def regexp_replace_all(self, e: exp.Expression, pattern: str, replacement: str) -> exp.Expression:
        return fn("REGEXP_REPLACE", e, lit(pattern), lit(replacement), lit("g"))

    def iso_date_text(self, e: exp.Expression) -> exp.Expression:
        """A DATE as ``YYYY-MM-DD`` from its parts, for every DATE: ``date::text`` follows the session's DateStyle,
        and ``TO_CHAR`` reads a date as a timestamp, which fails past year 294276 (and wrote a BC date as the AD one).
        A year of more than four digits is written whole, a BC date ends in `` (BC)`` and an infinite one is
        ``infinity``, as DuckDB writes them.

        >>> Postgres().iso_date_text(exp.column("d")).sql("postgres")[:60]
        'CASE WHEN ISFINITE(d) THEN CASE WHEN ABS(EXTRACT(YEAR FROM d'
        """
        def part(unit: str) -> exp.Expression:
            return exp.Extract(this=exp.var(unit), expression=e.copy())

        year = exp.Abs(this=part("YEAR"))
        year_text = exp.Case(ifs=[exp.If(this=exp.LT(this=year, expression=lit(1000)),
                                         true=exp.Pad(this=exp.cast(year.copy(), "text"), expression=lit(4),
                                                      fill_pattern=lit("0"), is_left=True))],
                             default=exp.cast(year.copy(), "text"))
        two = [exp.Pad(this=exp.cast(part(u), "text"), expression=lit(2), fill_pattern=lit("0"), is_left=True)
               for u in ("MONTH", "DAY")]
        era = exp.Case(ifs=[exp.If(this=exp.LT(this=part("YEAR"), expression=lit(0)), true=lit(" (BC)"))],
                       default=lit(""))
        text: exp.Expression = year_text
        for piece in (lit("-"), two[0], lit("-"), two[1], era):
            text = exp.DPipe(this=text, expression=piece, safe=False)
        return exp.Case(ifs=[exp.If(this=fn("ISFINITE", e.copy()), true=text)], default=exp.cast(e.copy(), "text"))

    def date_trunc(self, unit: str, e: exp.Expression) -> exp.Expression:
        """A date truncated to ``unit`` by its parts (``MAKE_DATE``), for every DATE: ``DATE_TRUNC`` reads a date as a
        timestamp, which fails past year 294276. A BC date keeps its era; an infinite one stays itself.

        >>> Postgres().date_trunc("year", exp.column("d")).sql("postgres")
        'CASE WHEN ISFINITE(CAST(d AS DATE)) THEN MAKE_DATE(CAST(EXTRACT(YEAR FROM CAST(d AS DATE)) AS INT), 1, 1) ELSE CAST(d AS DATE) END'
        """
        if unit not in ("year", "month"):
            return super().date_trunc(unit, e)
        day = exp.cast(e, "date")

        def part(name: str) -> exp.Expression:
            return exp.cast(exp.Extract(this=exp.var(name), expression=day.copy()), "int")

        first = fn("MAKE_DATE", part("YEAR"), part("MONTH") if unit == "month" else lit(1), lit(1))
        return exp.Case(ifs=[exp.If(this=fn("ISFINITE", day.copy()), true=first)], default=day.copy())

    def wall_clock_text(self, e: exp.Expression) -> exp.Expression:
        """``TO_CHAR`` of a finite timestamp: ``timestamp::text`` follows the session's DateStyle (``SQL, DMY`` wrote
        ``02/01/2024 03:04:05``, so one value had a token per session); an infinite one is ``infinity``.

        >>> Postgres().wall_clock_text(exp.column("t")).sql("postgres")
        "CASE WHEN ISFINITE(t) THEN TO_CHAR(t, 'YYYY-MM-DD HH24:MI:SS.US') ELSE CAST(t AS TEXT) END"
        """
        written = fn("TO_CHAR", e.copy(), lit("YYYY-MM-DD HH24:MI:SS.US"))
        return exp.Case(ifs=[exp.If(this=fn("ISFINITE", e.copy()), true=written)], default=exp.cast(e.copy(), "text"))

    def float_text(self, e: exp.Expression) -> exp.Expression:
        """A float's shortest text, in the cast's spelling but read from no session setting
        (:mod:`maskline.dialects.postgres_float`): a protect view or a dbt model's view runs in its reader's session,
        whose ``extra_float_digits`` the cast follows.

        >>> Postgres().float_text(exp.column("f")).sql("postgres")[:64]
        "CASE WHEN f IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity'"
        """
        return postgres_float.float_text(e)

    def canonical_float_text(self, e: exp.Expression) -> exp.Expression:
        """A float's canonical text built whole (plain notation through ``numeric``), so the costly shortest text is
        written once, where :func:`~maskline.dialects.canonical.plain_number` would copy it many times.

        >>> Postgres().canonical_float_text(exp.column("f")).sql("postgres")[:40]
        "CASE WHEN f = CAST('NaN' AS DOUBLE PRECI"
        """
        return postgres_float.canonical_float_text(e)

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_CHAR", exp.AtTimeZone(this=e, zone=lit("UTC")), lit('YYYY-MM-DD"T"HH24:MI:SS.US'))

    # PostgreSQL quotes the value in a failed cast's error ('invalid input syntax for type date: "..."'), so
    # text is converted only once its shape guarantees the cast succeeds; anything else becomes NULL.
    # Bounded digit counts keep a float in range; years start at 1000 and the day is checked against its
    # month, so neither MAKE_DATE nor the date arithmetic can fail either.
    # The spaces around a value are an allow-list: those the casts skip (isspace in the C locale). A regular
    # expression's \s is any Unicode space (U+2003, U+3000...), which the casts refuse: one such value failed its row.
    CAST_SPACE = "[ \\t\\n\\r\\f\\v]"
    NUMBER_TEXT = (f"^{CAST_SPACE}*[-+]?([0-9]{{1,200}}(\\.[0-9]{{0,200}})?|\\.[0-9]{{1,200}})([eE][-+]?[0-9]{{1,2}})?"
                   f"{CAST_SPACE}*$")
    # A tail that names an era (2024-01-01 BC) is no ISO date: read by its parts it would be the AD one.
    ISO_DATE_TEXT = (f"^{CAST_SPACE}*[1-9][0-9]{{3}}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])"
                     "([ T](?!.*[Bb][Cc]).*)?$")
    DATE_TYPES = ("date", "timestamp without time zone", "timestamp with time zone")

    def try_number(self, e: exp.Expression) -> exp.Expression:
        """A number, or NULL for text that is not one; the cast never sees a value it could fail on.

        >>> Postgres().try_number(exp.column("n")).sql("postgres").startswith("CASE WHEN CAST(n AS TEXT) ~ ")
        True
        """
        matches = exp.RegexpLike(this=exp.cast(e.copy(), "text"), expression=lit(self.NUMBER_TEXT))
        return exp.Case(ifs=[exp.If(this=matches, true=exp.cast(e.copy(), "double"))])

    def try_date(self, e: exp.Expression) -> exp.Expression:
        """A DATE from a date or timestamp as it is, from ISO text by its parts; NULL for anything else.

        >>> Postgres().try_date(exp.column("d")).sql("postgres")[:70]
        "CASE WHEN CAST(PG_TYPEOF(d) AS TEXT) IN ('date', 'timestamp without ti"
        """
        text = exp.cast(e.copy(), "text")
        part = [exp.cast(fn("SPLIT_PART", fn("BTRIM", text.copy()), lit("-"), lit(i)), "int") for i in (1, 2)]
        day = exp.cast(fn("SUBSTRING", fn("SPLIT_PART", fn("BTRIM", text.copy()), lit("-"), lit(3)), lit("^[0-9]+")),
                       "int")
        first = fn("MAKE_DATE", part[0], part[1], lit(1))
        date = exp.Add(this=first, expression=exp.paren(exp.Sub(this=day, expression=lit(1))))
        same_month = exp.EQ(this=exp.Extract(this=exp.var("MONTH"), expression=date.copy()), expression=part[1].copy())
        from_text = exp.Case(ifs=[exp.If(this=exp.RegexpLike(this=text.copy(), expression=lit(self.ISO_DATE_TEXT)),
                                         true=exp.Case(ifs=[exp.If(this=same_month, true=date.copy())]))])
        is_date = exp.In(this=exp.cast(fn("PG_TYPEOF", e.copy()), "text"), expressions=[lit(t) for t in self.DATE_TYPES])
        return exp.Case(ifs=[exp.If(this=is_date, true=exp.cast(e.copy(), "date"))], default=from_text)

    private_schema = "maskline_private"  # where maskline.adapters.postgres keeps the key and its functions

    def definer_function(self, name: str, data: exp.Expression) -> exp.Expression:
        return exp.Anonymous(this=exp.Dot(this=exp.to_identifier(self.private_schema),
                                          expression=exp.to_identifier(name)), expressions=[data])

    def session_key(self, name: str) -> exp.Expression:
        # missing_ok: a session that never set it gives NULL, which the guard turns into maskline's own error.
        return fn("CURRENT_SETTING", lit(f"maskline.{name}"), exp.true())

    def key_missing(self, value: exp.Expression) -> exp.Expression:
        # A custom setting once set in a session reads '' after its transaction or a RESET: as unset as NULL.
        return exp.EQ(this=exp.Coalesce(this=value, expressions=[lit("")]), expression=lit(""))

    def raise_error(self, message: str, depends_on: exp.Expression) -> exp.Expression | None:
        # SQL has no RAISE outside PL/pgSQL, and maskline needs no function of its own in the reader's
        # database, so a cast that cannot succeed fails with the message in it. It depends on the (empty)
        # setting so that the planner does not fold it while the key is set.
        text = exp.DPipe(this=exp.Coalesce(this=depends_on, expressions=[lit("")]), expression=lit(message),
                         safe=False)
        return exp.cast(exp.cast(text, "int"), "text")

    once_binds = True

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)`` with ``e`` written once: PostgreSQL has no lambdas, so a scalar subquery over a one-row
        derived table names it (no table is read, so nothing on the search path is looked up).

        >>> Postgres().once(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy(), safe=False)).sql(DIALECT)
        '(SELECT (maskline_once.maskline_x OPERATOR(pg_catalog.||) maskline_once.maskline_x) FROM (SELECT s AS \
maskline_x) AS maskline_once)'
        """
        x = exp.column("maskline_x", table="maskline_once")
        bound = exp.select(exp.alias_(e, "maskline_x", copy=False)).subquery("maskline_once", copy=False)
        return exp.Subquery(this=exp.select(build(x)).from_(bound, copy=False))
