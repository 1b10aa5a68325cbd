"""Text with the decimal digits of every script read as ASCII digits, in SQL: part of what scrub and the checks read.

The SQL scrub patterns (:mod:`maskline.infotypes.sql_patterns`) read ASCII and full-width digits. A phone, card, SSN
or IBAN written in Arabic-Indic (``١٢٣-٤٥-٦٧٨٩``), Persian, Devanagari, Thai or another script's digits, which the
Python scrubber and classifier read as ASCII (:func:`maskline.script_digits.ascii_digits`), would pass a check
unseen. The checks and the ``scrub`` method match their patterns on a reading of the value in which every such digit
is its ASCII digit (the same length, the same characters but for digits) and format characters are removed
(:mod:`maskline.sql.scrub_reading`): a check returns a verdict, and scrub returns a value it finds nothing in as
written.

The reading replaces each value's digits (``[٠۰०…]`` → ``0``, one class per value, from
:func:`maskline.script_digits.other_digits_by_value`) with the dialect's ``REGEXP_REPLACE``, and only in values that
hold such a digit at all (one class test, :func:`maskline.script_digits.other_digit_ranges`), so an ASCII value is
matched as it is written. Measured on 200,000 rows: ``TRANSLATE`` with all 650 digits cost 32 us a row on DuckDB and
270 us on PostgreSQL (each scans its whole ``from`` list per character); the ten replacements cost 15 and 23 us in the
rows that hold such a digit, and the guard about 1 us in the rows that do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlglot import exp

if TYPE_CHECKING:
    from maskline.dialects.base import Dialect


def other_digit_class() -> str:
    """A bracket expression that matches any decimal digit but ASCII's, by code-point ranges.

    >>> other_digit_class()[:7]
    '[٠-٩۰-۹'
    """
    from maskline.script_digits import other_digit_ranges

    return "[" + "".join(f"{a}-{b}" for a, b in other_digit_ranges()) + "]"


def ascii_digits_sql(e: exp.Expression, dialect: Dialect) -> exp.Expression:
    """``e`` (text) with every decimal digit of another script replaced by its ASCII digit; ``e`` itself when it holds
    none. Replacements keep the length, so a pattern's counts (``[0-9]{3}``) read the digits as they stand.

    >>> from maskline.dialects import get_dialect
    >>> sql = ascii_digits_sql(exp.column("v"), get_dialect("postgres")).sql("postgres")
    >>> sql.startswith("CASE WHEN v ~ '[٠-٩"), sql.count("REGEXP_REPLACE("), sql.endswith("'9', 'g') ELSE v END")
    (True, 10, True)
    """
    return exp.Case(ifs=[exp.If(this=dialect.regexp_contains(e.copy(), other_digit_class()),
                                true=folded_digits_sql(e, dialect))],
                    default=e.copy())


def folded_digits_sql(e: exp.Expression, dialect: Dialect) -> exp.Expression:
    """``e`` with every decimal digit of another script replaced by its ASCII digit, unguarded: ten replacements,
    one per value. :func:`ascii_digits_sql` runs them only where such a digit is; the scrub's reading
    (:mod:`maskline.sql.scrub_reading`) guards them together with its own step.

    >>> from maskline.dialects import get_dialect
    >>> folded_digits_sql(exp.column("v"), get_dialect("duckdb")).sql("duckdb").count("REGEXP_REPLACE(")
    10
    """
    from maskline.script_digits import other_digits_by_value

    folded = e.copy()
    for value, digits in enumerate(other_digits_by_value()):
        folded = dialect.regexp_replace_all(folded, f"[{digits}]", str(value))
    return folded
