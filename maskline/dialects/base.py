"""The primitives every masking method is built from, as sqlglot expressions.

A dialect is a subclass that overrides only what its engine does differently,
so the differences between engines read as a table (see the sibling modules),
not as if-chains inside each method.

Keys never appear in generated SQL unless a caller asks for ``KeyMode.LITERAL``
(used only in-process, for engines that cannot hold a session variable). The
default ``KeyMode.SESSION`` references a per-dialect session variable or bound
parameter that :func:`maskline.sql.session.key_setup` fills in. Reading it
fails closed: on an engine with a way to raise from SQL (:meth:`Dialect.raise_error`),
a session without key material makes the query fail rather than return NULL or an
unkeyed hash, wherever the SQL runs (a view read later, a dbt model without the
pre-hook).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlglot import exp

from maskline.dialects.canonical import TextForm


class KeyMode(enum.Enum):
    """How compiled SQL refers to key material."""

    SESSION = "session"  # a session variable or bound parameter; the key is not in the SQL text
    LITERAL = "literal"  # hex literals in the SQL text; only for in-process engines, never printed
    DEFINER = "definer"  # functions that read a key only their owner can read (PostgreSQL reader role)
    KEY_TABLE = "key_table"  # a scalar subquery of an owner-only table, inside a masking policy's body


# Names of the three key values a session holds: the HMAC inner and outer pads
# and the raw key (used as the salt of `hash` and by engines with a native HMAC).
KEY_VALUES = ("ipad", "opad", "salt")
# What a query that reads a key from a session without one fails with (no key material in it, ever).
KEY_MISSING_MESSAGE = ("maskline: no masking key in this session. Load it first: the maskline.set_key() pre-hook "
                       "in dbt, or maskline.sql.session.apply_key_setup")


def lit(value: str | int) -> exp.Expression:
    """A SQL literal.

    >>> lit("a").sql()
    "'a'"
    """
    return exp.Literal.number(value) if isinstance(value, int) else exp.Literal.string(value)


def fn(name: str, *args: exp.Expression) -> exp.Expression:
    """An engine function by name, rendered as written (for functions sqlglot maps wrongly).

    >>> fn("SHA256", exp.column("x")).sql("postgres")
    'SHA256(x)'
    """
    return exp.Anonymous(this=name, expressions=list(args))


def bound_by_lambda(e: exp.Expression, body_of: Callable[[exp.Expression], exp.Expression], transform: str,
                    element_at: str, first: int = 1) -> exp.Expression:
    """``body_of(x)`` with ``x`` bound to ``e``, which is written once: the lambda ``maskline_x -> body`` mapped
    over the one-element array ``[e]`` (``transform``) and its only element read back (``element_at`` at index
    ``first``). An array's argument is evaluated once and the lambda runs per element, so a volatile or expensive
    ``e`` is drawn once however often the body names it: the binding form of every engine with lambdas
    (:meth:`Dialect.once`).

    >>> bound_by_lambda(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy()), "TRANSFORM", "ELEMENT_AT").sql()
    'ELEMENT_AT(TRANSFORM(ARRAY(s), maskline_x -> maskline_x || maskline_x), 1)'
    """
    x = exp.column("maskline_x")
    body = exp.Lambda(this=body_of(x), expressions=[exp.to_identifier("maskline_x")])
    return fn(element_at, fn(transform, exp.Array(expressions=[e]), body), lit(first))


class Dialect:
    """Generic SQL; each engine's subclass overrides what differs.

    >>> Dialect().text(exp.column("x")).sql()
    'CAST(x AS TEXT)'
    """

    name = "generic"
    sqlglot_name = ""  # sqlglot's dialect name used for rendering
    array_base = 1  # index of an array's first element

    def null(self) -> exp.Expression:
        """NULL where the column's type is unknown (engines that cannot store an untyped NULL give it one).

        >>> Dialect().null().sql()
        'NULL'
        """
        return exp.Null()

    # --- text -------------------------------------------------------------
    def text(self, e: exp.Expression) -> exp.Expression:
        return exp.cast(e, exp.DataType.build("text"))

    def text_cast(self, e: exp.Expression, source_type: str | None) -> exp.Expression:
        """``e``, of type ``source_type``, cast to the text the methods' functions read (Trino: char(n) unpadded).

        >>> Dialect().text_cast(exp.column("n"), "integer").sql()
        'CAST(n AS TEXT)'
        """
        return self.text(e)

    def accepts_as_text(self, source_type: str | None) -> bool:
        """Whether this engine's text functions take a column of the text type ``source_type`` without a cast
        (asked only of types :class:`maskline.methods.base.MaskContext` reads as text).

        >>> Dialect().accepts_as_text("char(16)")
        True
        """
        return True

    def length(self, e: exp.Expression) -> exp.Expression:
        """The length of ``e`` in characters.

        >>> Dialect().length(exp.column("x")).sql()
        'LENGTH(x)'
        """
        return exp.Length(this=e)

    def substr(self, e: exp.Expression, start: exp.Expression, length: exp.Expression | None = None) -> exp.Expression:
        """``length`` characters of ``e`` from 1-based ``start`` (to the end without ``length``).

        >>> Dialect().substr(exp.column("x"), lit(2), lit(3)).sql()
        'SUBSTRING(x, 2, 3)'
        """
        return exp.Substring(this=e, start=start, length=length)

    def right(self, e: exp.Expression, n: exp.Expression) -> exp.Expression:
        """The last ``n`` characters of ``e``.

        >>> import duckdb
        >>> duckdb.sql("SELECT " + Dialect().right(lit("4111111111111111"), lit(4)).sql("duckdb")).fetchall()
        [('1111',)]
        """
        return exp.Right(this=e, expression=n)

    def fill(self, n: exp.Expression, char: str) -> exp.Expression:
        """``char`` repeated ``n`` times (n < 0 gives the empty string).

        >>> import duckdb
        >>> duckdb.sql("SELECT " + Dialect().fill(lit(3), "*").sql("duckdb")).fetchall()
        [('***',)]
        """
        return fn("REPEAT", lit(char), fn("GREATEST", n, lit(0)))

    def concat(self, *parts: exp.Expression) -> exp.Expression:
        """The text parts joined with ``||``, NULL when any part is NULL.

        >>> Dialect().concat(exp.column("user"), lit("@"), exp.column("domain")).sql()
        "user || '@' || domain"
        """
        # || propagates NULL on every engine we target, which keeps NULL NULL.
        out = parts[0]
        for p in parts[1:]:
            out = exp.DPipe(this=out, expression=p, safe=False)
        return out

    def strpos(self, e: exp.Expression, needle: str) -> exp.Expression:
        """1-based position of the literal ``needle`` in ``e``, 0 when absent.

        >>> import duckdb
        >>> duckdb.sql("SELECT " + Dialect().strpos(lit("ada@x.org"), "@").sql("duckdb")).fetchall()
        [(4,)]
        """
        return self.strpos_of(e, lit(needle))

    def strpos_of(self, e: exp.Expression, needle: exp.Expression) -> exp.Expression:
        """1-based position of ``needle`` in ``e``, 0 when absent.

        >>> Dialect().strpos_of(exp.column("x"), lit("@")).sql("trino")
        "STRPOS(x, '@')"
        """
        return exp.StrPosition(this=e, substr=needle)

    def regexp_replace_all(self, e: exp.Expression, pattern: str, replacement: str) -> exp.Expression:
        """``e`` with every match of ``pattern`` replaced by ``replacement``.

        >>> Dialect().regexp_replace_all(exp.column("x"), "[0-9]", "#").sql()
        "REGEXP_REPLACE(x, '[0-9]', '#')"
        """
        return fn("REGEXP_REPLACE", e, lit(pattern), lit(replacement))

    def scrub_reading(self, e: exp.Expression) -> exp.Expression:
        """``e`` as the scrub patterns read it: format characters removed, every script's digits as ASCII
        (:func:`maskline.sql.scrub_reading.reading_sql`); an engine with registered functions may read it in one call.

        >>> Dialect().scrub_reading(exp.column("x")).sql("postgres").startswith("CASE WHEN x ~ ")
        True
        """
        from maskline.sql.scrub_reading import reading_sql

        return reading_sql(e, self)

    def regexp_contains(self, e: exp.Expression, pattern: str) -> exp.Expression:
        """True where ``e`` contains a match of ``pattern`` (a partial match, as the dbt tests' ``_regex_contains``).

        >>> Dialect().regexp_contains(exp.column("x"), "[0-9]").sql("postgres")
        "x ~ '[0-9]'"
        """
        return exp.RegexpLike(this=e, expression=lit(pattern))

    def rtrim(self, e: exp.Expression, chars: str) -> exp.Expression:
        """``e`` without trailing ``chars``.

        >>> Dialect().rtrim(exp.column("x"), "0").sql()
        "RTRIM(x, '0')"
        """
        return exp.Trim(this=e, expression=lit(chars), position="TRAILING")

    # --- canonical text of non-text values (the definition: maskline.dialects.canonical) ----------
    # Names an engine reads differently from TYPE_FORMS (Spark's ``timestamp`` is an instant).
    text_form_overrides: dict[str, TextForm] = {}
    # Whether DECIMAL(p, s) prints exactly s fractional digits (SQLite stores decimals as doubles or integers).
    decimal_text_keeps_scale = True
    # Whether the engine writes a DECIMAL whose scale is its precision (decimal(38,38)) without the zero before
    # the point (DuckDB: .5000); canonical_sql puts it back for such a type, or for one of unknown precision.
    decimal_text_drops_leading_zero = False
    # The width in bits of every integer type, when the engine stores one width whatever the declared name (SQLite);
    # None: each name's own (maskline.dialects.type_bounds).
    integer_bits: int | None = None

    def iso_date_text(self, e: exp.Expression) -> exp.Expression:
        """A DATE as ``YYYY-MM-DD``.

        >>> Dialect().iso_date_text(exp.column("d")).sql()
        'CAST(d AS TEXT)'
        """
        return self.text(e)

    def wall_clock_text(self, e: exp.Expression) -> exp.Expression:
        """A TIMESTAMP without a time zone as ``YYYY-MM-DD HH:MM:SS[.fraction]`` (trailing zeros are trimmed after).

        >>> Dialect().wall_clock_text(exp.column("t")).sql()
        'CAST(t AS TEXT)'
        """
        return self.text(e)

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        """A TIMESTAMP WITH TIME ZONE as ``YYYY-MM-DDTHH:MM:SS[.fraction]`` in UTC (trailing zeros are trimmed).

        >>> Dialect().utc_timestamp_text(exp.column("t"))
        Traceback (most recent call last):
        ...
        maskline.errors.UnsupportedDialectError: generic has no canonical text for timestamps with a time zone ...
        """
        from maskline.errors import UnsupportedDialectError

        raise UnsupportedDialectError(f"{self.name} has no canonical text for timestamps with a time zone",
                                      where=f"dialect {self.name}", fix="cast the column to text in the source")

    def decimal_text(self, e: exp.Expression) -> exp.Expression:
        """A DECIMAL in the engine's plain notation (canonical_number_text trims it).

        >>> Dialect().decimal_text(exp.column("n")).sql()
        'CAST(n AS TEXT)'
        """
        return self.text(e)

    def float_text(self, e: exp.Expression) -> exp.Expression:
        """A double as the engine's shortest round-trip text, in any notation (canonical_number_text rewrites it).

        >>> Dialect().float_text(exp.column("f")).sql()
        'CAST(f AS TEXT)'
        """
        return self.text(e)

    def canonical_float_text(self, e: exp.Expression) -> exp.Expression | None:
        """A float's whole canonical text built by the engine itself, or None to have
        :func:`~maskline.dialects.canonical.canonical_sql` build it from :meth:`float_text`.

        >>> Dialect().canonical_float_text(exp.column("f")) is None
        True
        """
        return None

    def canonical_number_text(self, s: exp.Expression) -> exp.Expression:
        """A number's text (any notation) in canonical plain form.

        >>> import duckdb
        >>> duckdb.sql("SELECT " + Dialect().canonical_number_text(lit("-1.50e3")).sql("duckdb")).fetchall()
        [('-1500',)]
        """
        from maskline.dialects.canonical import plain_number

        return plain_number(self, s)

    # --- bytes and hashing -------------------------------------------------
    def utf8(self, e: exp.Expression) -> exp.Expression:
        """The UTF-8 bytes of text ``e``.

        >>> Dialect().utf8(exp.column("x")).sql()
        'TO_UTF8(x)'
        """
        return fn("TO_UTF8", e)

    def bin_concat(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        """Bytes ``a`` followed by bytes ``b``.

        >>> Dialect().bin_concat(exp.column("a"), exp.column("b")).sql()
        'CONCAT(a, b)'
        """
        return fn("CONCAT", a, b)

    def sha256_bin(self, b: exp.Expression) -> exp.Expression:
        """The SHA-256 digest of bytes ``b``, as bytes.

        >>> Dialect().sha256_bin(exp.column("b")).sql()
        'SHA256(b)'
        """
        return fn("SHA256", b)

    def hex(self, b: exp.Expression) -> exp.Expression:
        """Bytes ``b`` as lower-case hex text.

        >>> Dialect().hex(exp.column("b")).sql()
        'LOWER(TO_HEX(b))'
        """
        return exp.Lower(this=fn("TO_HEX", b))

    def sha256_hex(self, b: exp.Expression) -> exp.Expression:
        """The SHA-256 digest of bytes ``b``, as lower-case hex text.

        >>> Dialect().sha256_hex(exp.column("b")).sql()
        'LOWER(TO_HEX(SHA256(b)))'
        """
        return self.hex(self.sha256_bin(b))

    def from_hex(self, h: exp.Expression) -> exp.Expression:
        """The bytes written as hex text ``h``.

        >>> Dialect().from_hex(lit("414243")).sql()
        "FROM_HEX('414243')"
        """
        return fn("FROM_HEX", h)

    def hmac_sha256_hex(self, data: exp.Expression, key: KeyRefs) -> exp.Expression:
        """HMAC-SHA256 from two SHA-256 passes over the precomputed pads (RFC 2104).

        Engines with a native HMAC override this.

        >>> Dialect().hmac_sha256_hex(exp.column("b"), KeyRefs(Dialect(), KeyMode.SESSION)).sql()
        'LOWER(TO_HEX(SHA256(CONCAT(FROM_HEX(:maskline_opad), SHA256(CONCAT(FROM_HEX(:maskline_ipad), b))))))'
        """
        inner = self.sha256_bin(self.bin_concat(key.ref("ipad"), data))
        return self.sha256_hex(self.bin_concat(key.ref("opad"), inner))

    # --- key material ------------------------------------------------------
    def definer_function(self, name: str, data: exp.Expression) -> exp.Expression:
        """A call of a keyed function that runs with its owner's rights (engines with roles override).

        >>> Dialect().definer_function("hmac_sha256_hex", exp.column("x"))
        Traceback (most recent call last):
        ...
        maskline.errors.UnsupportedDialectError: generic has no owner-rights key functions ...
        """
        from maskline.errors import UnsupportedDialectError

        raise UnsupportedDialectError(f"{self.name} has no owner-rights key functions", where=f"dialect {self.name}",
                                      fix="use KeyMode.SESSION")

    key_table = ("maskline_private", "maskline_key")  # schema and table of the owner-only key (hex columns)

    def key_table_ref(self, name: str) -> exp.Expression:
        """``(SELECT <name> FROM maskline_private.maskline_key)``: the key as hex text, read with the rights of
        the masking policy's owner (Snowflake masking policies, Databricks column masks).

        >>> Dialect().key_table_ref("salt").sql()
        '(SELECT salt FROM maskline_private.maskline_key)'
        """
        schema, table = self.key_table
        select = exp.select(exp.column(name)).from_(exp.table_(table, db=schema))
        return exp.Subquery(this=select)

    session_key_is_hex = True  # whether session_key() gives hex text (else binary)

    def session_key(self, name: str) -> exp.Expression:
        """The engine's own reference to key value ``name`` in the session (hex text unless said otherwise).

        >>> Dialect().session_key("salt").sql()
        ':maskline_salt'
        """
        return exp.Placeholder(this=f"maskline_{name}")

    def mark_types(self, tree: exp.Expr, schema: dict[str, Any]) -> None:
        """Note on ``tree`` (qualified, ``schema`` in sqlglot's shape) the types its printer needs; none here.

        >>> Dialect().mark_types(exp.column("x"), {})
        """

    #: How a query spells a construct :meth:`unpinned_calls` finds so that it is pinned, for the refusal.
    unpinned_fix = ("write the call out as a function (list_contains(list, x), struct_pack(k := v)), or leave the "
                    "construct out")

    def unpinned_calls(self, sql: str) -> tuple[str, ...]:
        """The functions ``sql`` (printed in this dialect) calls by a name the connection's catalog could redefine
        ahead of the built-in; none where the printed SQL cannot be looked up that way, or the engine's parser is
        not at hand (DuckDB's is: :mod:`maskline.dialects.duckdb_builtins`).

        >>> Dialect().unpinned_calls("SELECT lower(x) FROM t")
        ()
        """
        return ()

    def raise_error(self, message: str, depends_on: exp.Expression) -> exp.Expression | None:
        """An expression that fails the query with ``message`` when evaluated, or None if the engine has none.

        ``depends_on`` is an expression of the row or session the failure must depend on, so that engines that
        fold constants at plan time do not raise when the branch is never taken.

        >>> print(Dialect().raise_error("no key", exp.column("k")))  # generic SQL has no way to raise
        None
        """
        return None

    def key_missing(self, value: exp.Expression) -> exp.Expression:
        """True when the session holds no key value (NULL; dialects whose settings default to '' add that).

        >>> Dialect().key_missing(exp.column("k")).sql()
        'k IS NULL'
        """
        return exp.Is(this=value, expression=exp.Null())

    def key_session_ref(self, name: str) -> exp.Expression:
        """A binary expression reading key value ``name`` from the session, raising when there is none.

        Every dialect inherits the guard: it overrides :meth:`session_key`, :meth:`raise_error` and, if needed,
        :meth:`key_missing`, never this method.

        >>> Dialect().key_session_ref("salt").sql()  # no raise_error here, so no guard
        'FROM_HEX(:maskline_salt)'
        """
        value = self.session_key(name)
        failure = self.raise_error(KEY_MISSING_MESSAGE, value.copy())
        if failure is not None:
            value = exp.Case(ifs=[exp.If(this=self.key_missing(value.copy()), true=failure)], default=value)
        return self.from_hex(value) if self.session_key_is_hex else value

    # --- dates and numbers -------------------------------------------------
    def date_trunc(self, unit: str, e: exp.Expression) -> exp.Expression:
        """A date truncated to the start of its ``unit`` (``day``, ``month``, ``year``...), as a DATE.

        >>> import duckdb
        >>> duckdb.sql("SELECT " + Dialect().date_trunc("month", lit("2024-03-05")).sql("duckdb")).fetchall()
        [(datetime.date(2024, 3, 1),)]
        """
        if unit == "day":
            # A DATE is its own day: truncating it would add nothing, and Spark's TRUNC(date, 'DAY') is NULL (its
            # TRUNC takes a year, quarter, month or week only).
            return exp.cast(e, "date")
        return exp.cast(exp.DateTrunc(unit=exp.var(unit.upper()), this=exp.cast(e, "date")), "date")

    def timestamp_trunc(self, unit: str, e: exp.Expression) -> exp.Expression:
        """A TIMESTAMP's date truncated to ``unit``, as a DATE that the TIMESTAMP type also holds (a role-aware view
        widens the masked DATE back to the column's type): :meth:`date_trunc` where every first day of a unit of a
        timestamp's date is a timestamp too.

        >>> Dialect().timestamp_trunc("day", exp.column("t")).sql()
        'CAST(t AS DATE)'
        """
        return self.date_trunc(unit, e)

    def utc_date(self, e: exp.Expression) -> exp.Expression:
        """The UTC calendar day of ``e``, a TIMESTAMP WITH TIME ZONE (an instant), as a DATE.

        A plain cast reads the day in the session's time zone, so one instant gave two days (and at a month's or
        year's edge two months or years) on two engines, or on one engine for two sessions; canonical text reads
        an instant in UTC too (:mod:`maskline.dialects.canonical`).

        >>> import duckdb
        >>> sql = Dialect().utc_date(exp.column("t")).sql("duckdb")
        >>> con = duckdb.connect()
        >>> _ = con.execute("SET TimeZone = 'America/New_York'")  # where the plain cast reads February 29th
        >>> con.sql(f"SELECT {sql} FROM (SELECT TIMESTAMPTZ '2024-03-01 02:00:00+00' AS t)").fetchall()
        [(datetime.date(2024, 3, 1),)]
        """
        return exp.cast(exp.AtTimeZone(this=e, zone=lit("UTC")), "date")

    # A year from 1800 to 2099, wherever it stands in the text: "1985-07-21", "21.07.1985", "07/21/1985" and
    # "21 July 1985" all give 1985, so a column that mixes date formats still generalizes row by row.
    YEAR_IN_TEXT = "(1[89][0-9]{2}|20[0-9]{2})"

    def regexp_extract(self, e: exp.Expression, pattern: str) -> exp.Expression:
        """The first match of ``pattern`` (one group spanning it all) in ``e``, NULL when there is none.

        >>> Dialect().regexp_extract(exp.column("x"), "([0-9]{4})").sql()
        "REGEXP_EXTRACT(x, '([0-9]{4})')"
        """
        return exp.RegexpExtract(this=e, expression=lit(pattern))

    def year_of_text(self, e: exp.Expression) -> exp.Expression:
        """January 1st of the year written in a text date, whatever its format; NULL when no year is found.

        Total: it never fails on a value, so one odd date cannot fail a whole table.

        >>> Dialect().year_of_text(exp.column("d")).sql()
        "CAST(NULLIF(REGEXP_EXTRACT(d, '(1[89][0-9]{2}|20[0-9]{2})'), '') || '-01-01' AS DATE)"
        """
        return exp.cast(exp.DPipe(this=self.year_text(e), expression=lit("-01-01"), safe=False), "date")

    def year_text(self, e: exp.Expression) -> exp.Expression:
        """The year written in a text date, whatever its format, as text; NULL when no year is found.

        >>> Dialect().year_text(exp.column("d")).sql()
        "NULLIF(REGEXP_EXTRACT(d, '(1[89][0-9]{2}|20[0-9]{2})'), '')"
        """
        # NULLIF: DuckDB gives '' rather than NULL when nothing matches.
        return exp.Nullif(this=self.regexp_extract(e, self.YEAR_IN_TEXT), expression=lit(""))

    def try_date(self, e: exp.Expression) -> exp.Expression:
        """``e`` (text or a value of unknown type) as a DATE, NULL when it is not an ISO date.

        Total: it must never raise on a value, because engines quote the value that failed a cast in their
        error text, and that text reaches dbt's stdout, ``run_results.json`` and task logs.

        >>> Dialect().try_date(exp.column("d")).sql()
        'TRY_CAST(d AS DATE)'
        """
        return exp.TryCast(this=e, to=exp.DataType.build("date"))

    def try_number(self, e: exp.Expression) -> exp.Expression:
        """``e`` (text or a value of unknown type) ready for arithmetic, NULL where a value is not a number.

        Total, as :meth:`try_date`. Dialects whose arithmetic on text fails at plan time (no value in the
        error) or never fails keep ``e``; those that convert text per value at run time guard it.

        >>> Dialect().try_number(exp.column("n")).sql()
        'n'
        """
        return e

    def bucket(self, e: exp.Expression, width: int) -> exp.Expression:
        """``e`` rounded down to a multiple of ``width``.

        >>> import duckdb
        >>> duckdb.sql("SELECT " + Dialect().bucket(lit(37), 10).sql("duckdb")).fetchall()
        [(30.0,)]
        """
        return exp.Mul(this=exp.Floor(this=exp.Div(this=e, expression=lit(width), typed=False, safe=False)),
                       expression=lit(width))

    def exact_bucket(self, e: exp.Expression, width: int, source_type: str) -> exp.Expression:
        """``e``, of the exact numeric type ``source_type`` (an integer or a decimal), rounded down to a multiple of
        ``width`` in exact arithmetic and given back as ``source_type``; NULL when that type cannot hold the bucket.

        :meth:`bucket`'s division is a double on some engines (sqlglot casts PostgreSQL's, DuckDB's ``/`` is one),
        which changed a ``numeric(10,2)`` salary's type and rounded a ``bigint`` or ``decimal(38,0)`` past 2**53.
        ``MOD`` takes the dividend's sign on every engine here, so ``MOD(e, width)``, plus ``width`` when negative,
        is the remainder of the floor (in ``[0, width)``); subtraction and a remainder are exact everywhere, and no
        step leaves the range between the bucket and ``e``.

        Total by construction: the bucket of a value near the type's least value (``SMALLINT -32768`` by 10), or of
        any negative value when ``width`` is wider than the type, is no value of the type, and failing on it would
        fail only the rows whose raw values are there (an oracle a row filter reads one row at a time). A value
        below :func:`~maskline.dialects.type_bounds.least_bucketable` is NULL instead, as a text date without a date.

        >>> import duckdb
        >>> sql = Dialect().exact_bucket(exp.column("v"), 10, "bigint").sql("duckdb")
        >>> duckdb.sql(f"SELECT {sql} FROM (VALUES (9007199254740993::BIGINT), (-7), (-9223372036854775808)) t(v)").fetchall()
        [(9007199254740990,), (-10,), (None,)]
        """
        from maskline.dialects.type_bounds import least_bucketable

        modulo = exp.Mod(this=e.copy(), expression=lit(width))
        remainder = exp.Case(ifs=[exp.If(this=exp.LT(this=modulo, expression=lit(0)),
                                         true=exp.Add(this=modulo.copy(), expression=lit(width)))],
                             default=modulo.copy())
        own = exp.DataType.build(source_type, dialect=self.sqlglot_name or None)
        floored = exp.cast(exp.Sub(this=e.copy(), expression=exp.paren(remainder)), own)
        least = least_bucketable(source_type, width, self.integer_bits)
        if least is None:  # every value's bucket is a value of the type
            return floored
        return self.bucket_guard(e, floored, self.exact_literal(least, own), own)

    def exact_literal(self, value: Decimal, own: exp.DataType) -> exp.Expression:
        """``value``, a value of the exact numeric type ``own``, as a literal the engine reads exactly.

        >>> from decimal import Decimal
        >>> Dialect().exact_literal(Decimal("-9990"), exp.DataType.build("int")).sql()
        '-9990'
        """
        return exp.Literal.number(format(value, "f"))

    def bucket_guard(self, e: exp.Expression, floored: exp.Expression, least: exp.Expression,
                     own: exp.DataType) -> exp.Expression:
        """``floored`` (the bucket of ``e``) where ``e`` is at least ``least``, else a NULL of type ``own``: the guard
        :meth:`exact_bucket` puts around a bucket the type cannot hold for every value (dbt's typed templates take
        it with the bound and the type as slots, ``maskline.dbt.generate``).

        >>> from sqlglot import exp
        >>> Dialect().bucket_guard(exp.column("v"), exp.column("b"), lit(-30), exp.DataType.build("int")).sql()
        'CASE WHEN v >= -30 THEN b ELSE CAST(NULL AS INT) END'
        """
        # The NULL is cast too: PostgreSQL drops a CASE's type modifiers (numeric(10,2)) when a branch has none.
        return exp.Case(ifs=[exp.If(this=exp.GTE(this=e.copy(), expression=least), true=floored)],
                        default=exp.cast(exp.null(), own.copy()))

    # --- binding a value once ---------------------------------------------
    once_binds = False  # whether once() writes its operand once; else build() copies it per use

    def once(self, e: exp.Expression, build: Callable[[exp.Expression], exp.Expression]) -> exp.Expression:
        """``build(e)``: an engine that binds (:attr:`once_binds`) writes ``e`` once and ``build`` refers to it
        by name; here ``build`` gets ``e`` itself and copies it at each use.

        Copies are one value for a pure operand (a column) but not for a volatile one (``random()``), which is
        drawn per copy, and an expensive one is run per copy. So every engine with a documented binding form binds:
        DuckDB, Trino and Spark through a lambda over a one-element array (``transform``), Snowflake likewise (its
        array is semi-structured, so it binds text), PostgreSQL and BigQuery, which have no lambdas, through a
        scalar subquery over one row (a derived table, ``UNNEST([e])``). SQLite still copies (it has no lambdas, and
        whether its query flattener copies a subquery's column back into each use was not measured). The operand
        is text wherever ``once`` is used (``fake``'s digest).

        >>> Dialect().once(exp.column("s"), lambda x: exp.DPipe(this=x, expression=x.copy(), safe=False)).sql()
        's || s'
        """
        return build(e)

    # --- arrays ------------------------------------------------------------
    def pick(self, words: Sequence[str], index0: exp.Expression) -> exp.Expression:
        """The word at 0-based ``index0`` of a literal list.

        >>> Dialect().pick(["red", "blue"], exp.column("i")).sql()
        "ARRAY('red', 'blue')[(i) + 1]"
        """
        arr = exp.Array(expressions=[lit(w) for w in words])
        # index0 is the caller's to give (as every dialect's pick takes it): wrapped as it is, not copied
        idx = index0 if self.array_base == 0 else exp.Add(this=exp.paren(index0, copy=False), expression=lit(self.array_base))
        return exp.Bracket(this=arr, expressions=[idx], offset=0)


class KeyRefs:
    """Binary key expressions for one compilation, in session or literal mode.

    >>> from maskline.keys import KeyMaterial
    >>> from maskline.dialects import get_dialect
    >>> KeyRefs(get_dialect("duckdb"), KeyMode.SESSION).ref("salt").sql("duckdb").startswith(
    ...     "CASE WHEN GETVARIABLE('maskline_salt') IS NULL THEN CAST(ERROR(")  # no key in the session: an error
    True
    """

    def __init__(self, dialect: Dialect, mode: KeyMode, key: object | None = None) -> None:
        self.dialect = dialect
        self.mode = mode
        self.key = key

    def salted_sha256_hex(self, data: exp.Expression) -> exp.Expression:
        """Lower-hex SHA-256 of ``salt || data``: the ``hash`` method and ``fake``'s index.

        >>> KeyRefs(Dialect(), KeyMode.SESSION).salted_sha256_hex(exp.column("b")).sql()
        'LOWER(TO_HEX(SHA256(CONCAT(FROM_HEX(:maskline_salt), b))))'
        """
        if self.mode is KeyMode.DEFINER:
            return self.dialect.definer_function("salted_sha256_hex", data)
        return self.dialect.sha256_hex(self.dialect.bin_concat(self.ref("salt"), data))

    def hmac_hex(self, data: exp.Expression) -> exp.Expression:
        """Lower-hex HMAC-SHA256 of ``data``: the ``hmac`` method.

        >>> import duckdb
        >>> from maskline.dialects import get_dialect
        >>> from maskline.keys import KeyMaterial, hmac_hex
        >>> key, duck = KeyMaterial(b"k" * 32), get_dialect("duckdb")
        >>> sql = KeyRefs(duck, KeyMode.LITERAL, key).hmac_hex(duck.utf8(lit("ada"))).sql("duckdb")
        >>> duckdb.sql("SELECT " + sql).fetchall()[0][0] == hmac_hex(key, "ada")  # the engine agrees with Python
        True
        """
        if self.mode is KeyMode.DEFINER:
            return self.dialect.definer_function("hmac_sha256_hex", data)
        return self.dialect.hmac_sha256_hex(data, self)

    def method_digest_hex(self, method: str, data: exp.Expression, derivation: int) -> exp.Expression:
        """The lower-hex digest keyed ``method`` reads for ``data`` (UTF-8 bytes) under the key ``derivation``:
        :func:`maskline.keys.method_digest_hex` on the engine.

        Derivation 1 gives ``hash`` and ``fake`` the salted SHA-256; derivation 2 gives them HMAC over their
        label (:func:`maskline.keys.domain_label`, a binary literal: no key material) and the data. Every
        session, key store and dbt macro already holds what HMAC needs, so no face loads anything new.

        >>> import duckdb
        >>> from maskline.dialects import get_dialect
        >>> from maskline.keys import KeyMaterial, method_digest_hex
        >>> key, duck = KeyMaterial(b"k" * 32), get_dialect("duckdb")
        >>> sql = KeyRefs(duck, KeyMode.LITERAL, key).method_digest_hex("fake", duck.utf8(lit("ada")), 2)
        >>> duckdb.sql("SELECT " + sql.sql("duckdb")).fetchall()[0][0] == method_digest_hex(key, "fake", "ada", 2)
        True
        """
        from maskline.keys import check_derivation, domain_label

        check_derivation(derivation, f"compiling method {method}")
        if method == "hmac":
            return self.hmac_hex(data)
        if derivation == 1:
            return self.salted_sha256_hex(data)
        label = self.dialect.from_hex(lit(domain_label(method).hex()))
        return self.hmac_hex(self.dialect.bin_concat(label, data))

    def ref(self, name: str) -> exp.Expression:
        if self.mode is KeyMode.DEFINER:
            from maskline.errors import KeyMissingError

            # A definer function that returned key material would hand it to whoever may call it.
            raise KeyMissingError("key values cannot be read in definer mode", where=f"key value {name}",
                                  fix="use KeyRefs.hmac_hex / salted_sha256_hex, which compute inside the function")
        if self.mode is KeyMode.SESSION:
            return self.dialect.key_session_ref(name)
        if self.mode is KeyMode.KEY_TABLE:
            return self.dialect.from_hex(self.dialect.key_table_ref(name))
        from maskline.keys import KeyMaterial  # local: keys imports nothing from here

        if not isinstance(self.key, KeyMaterial):
            from maskline.errors import KeyMissingError

            raise KeyMissingError("literal key mode needs key material", fix="pass key=resolve_key(policy.key)")
        raw = {"ipad": self.key.inner_pad(), "opad": self.key.outer_pad(), "salt": self.key.secret}[name]
        return self.dialect.from_hex(lit(raw.hex()))
