"""What the SQL scrub patterns read, in SQL: the value without format characters, its digits as ASCII digits.

The patterns (:mod:`maskline.infotypes.sql_patterns`) read ASCII and full-width digits, and a value as it is
written. Two other forms of the same value passed them: digits of another script (``١٢٣-٤٥-٦٧٨٩``, ``९८७६``), which
the Python scrubber reads as ASCII (:mod:`maskline.script_digits`), and an invisible format character (category Cf:
a zero-width space, a word joiner, a soft hyphen, :mod:`maskline.format_chars`) inside an e-mail, card, phone or
IBAN. The reading removes the second and folds the first (one code point for one, so the patterns' counts read the
digits as they stand), and only in a value that holds either: one class test (:func:`reading_class`) guards it, so
an ASCII value is read as it is written.

The checks (dbt ``maskline_no_pii`` and ``maskline_is_masked``, the GX expectations) match their patterns on the
reading and return a verdict. The ``scrub`` method returns text: it matches on the reading, and returns the value as
written when no pattern matched there (:func:`maskline.methods.scrub.build`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlglot import exp

    from maskline.dialects.base import Dialect


def format_char_class() -> str:
    """A bracket expression that matches any format character (category Cf), by code-point ranges.

    >>> cls = format_char_class(); cls[0], "\\u200b-\\u200f" in cls, "\\ufeff" in cls, cls[-1]
    ('[', True, True, ']')
    """
    from maskline.format_chars import format_char_ranges

    return "[" + "".join(a if a == b else f"{a}-{b}" for a, b in format_char_ranges()) + "]"


def reading_class() -> str:
    """A bracket expression that matches what the reading changes: a format character or a digit of another script.

    >>> from maskline.sql.ascii_digits import other_digit_class
    >>> reading_class() == format_char_class()[:-1] + other_digit_class()[1:]
    True
    """
    from maskline.sql.ascii_digits import other_digit_class

    return format_char_class()[:-1] + other_digit_class()[1:]


def read_sql(e: exp.Expression, dialect: Dialect) -> exp.Expression:
    """``e`` (text) without its format characters and with its digits as ASCII digits, unguarded.

    >>> from sqlglot import exp; from maskline.dialects import get_dialect
    >>> read_sql(exp.column("v"), get_dialect("postgres")).sql("postgres").count("REGEXP_REPLACE(")
    11
    """
    from maskline.sql.ascii_digits import folded_digits_sql

    return folded_digits_sql(dialect.regexp_replace_all(e.copy(), format_char_class(), ""), dialect)


def reading_sql(e: exp.Expression, dialect: Dialect) -> exp.Expression:
    """``e`` (text) as the patterns read it (:func:`read_sql`) where it holds a format character or another script's
    digit; ``e`` itself elsewhere.

    >>> import duckdb; from sqlglot import exp; from maskline.dialects import get_dialect
    >>> sql = reading_sql(exp.column("v"), get_dialect("duckdb")).sql("duckdb")
    >>> duckdb.sql(f"SELECT {sql} FROM (VALUES ('ssn ١٢٣-٤٥-٦٧٨٩'), ('ann\\u200b@ex.org'), ('plain')) t(v)").fetchall()
    [('ssn 123-45-6789',), ('ann@ex.org',), ('plain',)]
    """
    from sqlglot import exp

    return exp.Case(ifs=[exp.If(this=dialect.regexp_contains(e.copy(), reading_class()), true=read_sql(e, dialect))],
                    default=e.copy())
