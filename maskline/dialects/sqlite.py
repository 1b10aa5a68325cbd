"""SQLite's masking primitives, named after functions :mod:`maskline.adapters.sqlite` registers.

SQLite has no SHA-256, hex decoding, REGEXP_REPLACE, REPEAT or arrays, so this
dialect calls functions of those names that the SQLite adapter adds to each
connection (see :func:`maskline.adapters.sqlite.register_functions`).
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from maskline.dialects.base import Dialect, fn, lit


class SQLite(Dialect):
    """SQLite, with the missing primitives supplied by :func:`register_functions`.

    >>> SQLite().sha256_hex(exp.column("b")).sql("sqlite")
    'LOWER(TO_HEX(SHA256(b)))'
    """

    name = "sqlite"
    sqlglot_name = "sqlite"
    decimal_text_keeps_scale = False  # DECIMAL(12,2) 1000.00 is stored, and printed, as the integer 1000
    integer_bits = 64  # an INTEGER, SMALLINT or TINYINT column holds any 64-bit integer
    array_base = 0

    def utf8(self, e: exp.Expression) -> exp.Expression:
        return fn("TO_UTF8", e)

    def exact_bucket(self, e: exp.Expression, width: int, source_type: str) -> exp.Expression:
        """SQLite stores a DECIMAL as a double and its ``%`` truncates both sides to integers, so only an integer
        column is bucketed exactly; a decimal is floored as the double it is.

        >>> SQLite().exact_bucket(exp.column("v"), 10, "decimal(10,2)").sql("sqlite")
        'FLOOR_DIV(v, 10) * 10'
        """
        from maskline.dialects.canonical import TextForm, text_form

        if text_form(source_type) is TextForm.INTEGER:
            return super().exact_bucket(e, width, source_type)
        return self.bucket(e, width)

    def scrub_reading(self, e: exp.Expression) -> exp.Expression:
        # One registered call: SQLite's parser stack (about a hundred levels) overflows on the eleven nested
        # REGEXP_REPLACE calls of the portable reading under the scrub chain's own seventeen.
        return fn("SCRUB_READING", e)

    def bin_concat(self, a: exp.Expression, b: exp.Expression) -> exp.Expression:
        return fn("BIN_CONCAT", a, b)  # SQLite's || turns blobs into text

    def text(self, e: exp.Expression) -> exp.Expression:
        return exp.cast(e, exp.DataType.build("text"))

    def strpos_of(self, e: exp.Expression, needle: exp.Expression) -> exp.Expression:
        return fn("INSTR", e, needle)

    def right(self, e: exp.Expression, n: exp.Expression) -> exp.Expression:
        return fn("RIGHT_CHARS", e, n)

    def date_trunc(self, unit: str, e: exp.Expression) -> exp.Expression:
        return fn("DATE_TRUNC_TEXT", lit(unit.lower()), e)

    def utc_date(self, e: exp.Expression) -> exp.Expression:
        """``DATE(t)``: SQLite keeps a timestamp as its text, and ``DATE`` applies the offset written in it.

        >>> import sqlite3
        >>> sqlite3.connect(":memory:").execute("SELECT " + SQLite().utc_date(lit("2024-03-01T02:00:00+05:00"))
        ...                                     .sql("sqlite")).fetchall()
        [('2024-02-29',)]
        """
        return fn("DATE", e)

    def bucket(self, e: exp.Expression, width: int) -> exp.Expression:
        return exp.Mul(this=fn("FLOOR_DIV", e, lit(width)), expression=lit(width))

    def pick(self, words: Any, index0: exp.Expression) -> exp.Expression:
        return fn("PICK", index0, *[lit(w) for w in words])

    # Canonical text: SQLite prints doubles with 15 significant digits (0.30000000000000004 as 0.3) and keeps
    # timestamps as the text it was given, so both come from registered functions (exact, per value).
    def iso_date_text(self, e: exp.Expression) -> exp.Expression:
        return fn("DATE", e)

    def float_text(self, e: exp.Expression) -> exp.Expression:
        return fn("FLOAT_TEXT", e)

    def utc_timestamp_text(self, e: exp.Expression) -> exp.Expression:
        return fn("UTC_TIMESTAMP_TEXT", e)

    def key_session_ref(self, name: str) -> exp.Expression:
        return fn("MASKLINE_KEY", lit(name))

