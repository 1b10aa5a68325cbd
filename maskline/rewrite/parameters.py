"""The arguments of SQL functions that are parameters, not values: the allow-list of literals beside a column.

A literal written beside a sensitive column is a value (a guess the query text
would carry into logs and lineage) unless it sits in one of the argument slots
below, *and* has the shape of that parameter: a date part's name, a time
format made of directives and separators, a small integer (a position, a
width, a number of digits), or regular-expression flags. Anything else,
including every argument of a function nobody listed here, is a value
(:mod:`maskline.rewrite.filters`). A shape check keeps the slot from carrying
a value in disguise: ``substr(email, 219099999)`` or ``strftime(dob,
'ada@example.com')`` (whose text a format copies to its output) are values.

Slots are named by sqlglot's argument keys (``Substring.start``), or by
position for functions sqlglot does not model (``date_part``'s first).

>>> import sqlglot
>>> q = sqlglot.parse_one("substr(email, 2, 3)")
>>> is_parameter(q.args["start"]), is_parameter(q.this)
(True, False)
>>> is_parameter(sqlglot.parse_one("strftime(dob, '%Y-%m')", read="duckdb").args["format"])
True
>>> is_parameter(sqlglot.parse_one("strftime(dob, 'ada@example.com')", read="duckdb").args["format"])
False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlglot import exp

from maskline.rewrite.functions import function_key

DATE_PARTS = frozenset({
    "millennium", "century", "decade", "year", "years", "isoyear", "quarter", "month", "months", "week", "weeks",
    "day", "days", "dow", "isodow", "doy", "dayofweek", "dayofyear", "hour", "hours", "minute", "minutes",
    "second", "seconds", "millisecond", "milliseconds", "microsecond", "microseconds", "epoch", "yearweek",
    "timezone", "timezone_hour", "timezone_minute", "julian",
})
# strftime/strptime directives (%Y, %-d, %%) and the separators between them; nothing else is a format.
STRFTIME_FORMAT = re.compile(r"(?:%-?[A-Za-z%]|[ \-/:.,_T])+")
# PostgreSQL/Oracle to_char templates, by their patterns and separators.
TEMPLATE_FORMAT = re.compile(r"(?:FM|HH24|HH12|HH|MI|SS|MS|US|AM|PM|YYYY|IYYY|YYY|YY|Y|MONTH|MON|MM|DAY|DY|DDD|DD|D|"
                             r"IW|WW|W|Q|J|TZ|[ \-/:.,_T])+", re.IGNORECASE)
REGEX_FLAGS = re.compile(r"[cgilmnpsx]{1,6}")
FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
SEPARATOR = re.compile(r"[^\w]{0,5}")  # neither letter nor digit: no value can be spelled with it
MAX_PARAMETER_DIGITS = 4  # a position, width or number of digits; a longer number could be a value in disguise


def _text(node: exp.Expr) -> str | None:
    return str(node.this) if isinstance(node, exp.Literal) and node.is_string else None


def small_integer(node: exp.Expr) -> bool:
    """An integer literal of at most four digits (a sign allowed): a position, a width or a number of digits.

    >>> import sqlglot
    >>> [small_integer(sqlglot.parse_one(s)) for s in ("3", "-2", "219099999", "'3'", "1.5")]
    [True, True, False, False, False]
    """
    if isinstance(node, exp.Neg):
        node = node.this
    return (isinstance(node, exp.Literal) and not node.is_string and str(node.this).isdigit()
            and len(str(node.this)) <= MAX_PARAMETER_DIGITS)


def date_part_name(node: exp.Expr) -> bool:
    """A string literal naming a date part (``'year'``, ``'month'``...).

    >>> date_part_name(exp.Literal.string("Month")), date_part_name(exp.Literal.string("1981"))
    (True, False)
    """
    text = _text(node)
    return text is not None and text.strip().lower() in DATE_PARTS


def time_format(node: exp.Expr) -> bool:
    """A string literal made only of strftime directives and separators (``'%Y-%m'``).

    >>> time_format(exp.Literal.string("%Y-%m-%d")), time_format(exp.Literal.string("1981-%m"))
    (True, False)
    """
    text = _text(node)
    return text is not None and STRFTIME_FORMAT.fullmatch(text) is not None


def template_format(node: exp.Expr) -> bool:
    """A string literal made only of ``to_char`` template patterns and separators (``'YYYY-MM'``).

    >>> template_format(exp.Literal.string("YYYY-MM")), template_format(exp.Literal.string("1981-MM"))
    (True, False)
    """
    text = _text(node)
    return text is not None and TEMPLATE_FORMAT.fullmatch(text) is not None


def regex_flags(node: exp.Expr) -> bool:
    """A string literal of regular-expression flags (``'i'``, ``'gi'``).

    >>> regex_flags(exp.Literal.string("gi")), regex_flags(exp.Literal.string("guess"))
    (True, False)
    """
    text = _text(node)
    return text is not None and REGEX_FLAGS.fullmatch(text) is not None


def field_name(node: exp.Expr) -> bool:
    """A string literal shaped like a field or key name (``'e'``, ``'first_name'``).

    >>> field_name(exp.Literal.string("e")), field_name(exp.Literal.string("ada@example.com"))
    (True, False)
    """
    text = _text(node)
    return text is not None and FIELD_NAME.fullmatch(text) is not None


def separator(node: exp.Expr) -> bool:
    """A string literal of at most five characters, none a letter or a digit (``', '``, ``'-'``, ``''``).

    >>> separator(exp.Literal.string(", ")), separator(exp.Literal.string("a")), separator(exp.Literal.string("9"))
    (True, False, False)
    """
    text = _text(node)
    return text is not None and SEPARATOR.fullmatch(text) is not None


Shape = Callable[[exp.Expr], bool]
# (function key, argument key or position) -> the shape a literal must have there to be a parameter.
PARAMETERS: dict[tuple[str, str | int], Shape] = {
    ("date_part", 0): date_part_name,  # DuckDB's date_part('year', dob): the part, not a value
    ("datepart", 0): date_part_name,
    ("date_trunc", 0): date_part_name,  # spellings sqlglot leaves unmodelled keep the part first
    ("datediff", 0): date_part_name,
    ("date_diff", 0): date_part_name,
    ("timetostr", "format"): time_format,  # strftime(dob, '%Y-%m')
    ("strtotime", "format"): time_format,  # strptime(text, '%Y-%m-%d')
    ("tochar", "format"): template_format,  # to_char(dob, 'YYYY-MM')
    ("substring", "start"): small_integer, ("substring", "length"): small_integer,
    ("left", "expression"): small_integer, ("right", "expression"): small_integer,
    ("round", "decimals"): small_integer, ("trunc", "decimals"): small_integer,
    ("pad", "expression"): small_integer,  # lpad/rpad's width (the fill string is a value)
    ("splitpart", "part_index"): small_integer,  # the index (the delimiter is searched for: a value)
    ("regexpextract", "group"): small_integer,
    ("regexplike", "flag"): regex_flags, ("regexpilike", "flag"): regex_flags,
    ("regexpreplace", "modifiers"): regex_flags, ("regexpextract", "flags"): regex_flags,
    ("lead", "offset"): small_integer, ("lag", "offset"): small_integer,  # how many rows away (the default
    ("nthvalue", "offset"): small_integer,  # value is a value)
    ("repeat", "times"): small_integer,
    ("structextract", "expression"): field_name, ("jsonkeyvalue", "this"): field_name,  # a field's name
    ("groupconcat", "separator"): separator,  # string_agg(x, ', ')
}
# Functions of key/value pairs whose keys are names: json_build_object('e', email).
KEY_VALUE_FUNCTIONS = frozenset({"json_build_object", "jsonb_build_object", "json_object", "struct_pack",
                                 "object_construct", "named_struct", "map"})


def _slot(node: exp.Expr) -> str | int:
    parent = node.parent
    if isinstance(parent, (exp.Anonymous, exp.AnonymousAggFunc)) and node.arg_key == "expressions":
        return node.index if node.index is not None else -1
    return node.arg_key or ""


def is_parameter(node: exp.Expr) -> bool:
    """Whether ``node`` is a parameter of the function it is an argument of, by slot and shape.

    Literals inside a type (``CAST(x AS DECIMAL(10, 2))``) are its parameters too.

    >>> import sqlglot
    >>> q = sqlglot.parse_one("date_part('year', dob)", read="duckdb")
    >>> is_parameter(q.expressions[0]), is_parameter(q.expressions[1])
    (True, False)
    >>> is_parameter(sqlglot.parse_one("coalesce(email, 'guess')").expressions[0])
    False
    >>> cast = sqlglot.parse_one("CAST(x AS DECIMAL(10, 2))")
    >>> is_parameter(cast.to)
    True
    """
    parent = node.parent
    if parent is None:
        return False
    if isinstance(node, exp.DataType):
        return all(small_integer(lit) for lit in node.find_all(exp.Literal))
    slot = _slot(node)
    if function_key(parent) in KEY_VALUE_FUNCTIONS and isinstance(slot, int) and slot % 2 == 0:
        return field_name(node)
    shape = PARAMETERS.get((function_key(parent), slot))
    if shape is not None and shape(node):
        return True
    # a separator joins or splits values and can spell none (concat_ws(' ', ...), a || '-' || b,
    # replace(x, '-', '')); compared with a value (x = '-', x LIKE '%') it is still a value
    return not isinstance(parent, exp.Predicate) and separator(node)
