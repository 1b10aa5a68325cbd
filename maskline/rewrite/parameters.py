"""The arguments of SQL functions that are parameters, not values: the allow-list of literals beside a column.

A literal written beside a sensitive column is a value (a guess the query text
would carry into logs and lineage) unless it sits in one of the argument slots
below, *and* has the shape of that parameter: a date part's name, a time
format made of directives and separators, a small integer (a position, a
width, a number of digits, a list index), an interval of date parts (a time
bucket's width), regular-expression flags, a field name or a separator. The
string shapes are named patterns (:data:`PATTERNS`), each turned into a check
by one factory; :data:`PARAMETERS` names the shape of every slot. Anything else,
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
>>> [SHAPES[n](exp.Literal.string(t)) for n, t in (("date_part", "Month"), ("date_part", "1981"), ("separator", ", "),
...                                               ("separator", "a"), ("field_name", "ada@example.com"))]
[True, False, True, False, False]
>>> bucket = sqlglot.parse_one("time_bucket(INTERVAL '1 day', dob)", read="duckdb")
>>> is_parameter(bucket.this), is_parameter(sqlglot.parse_one("tags[1]", read="duckdb").expressions[0])
(True, True)
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
_PART = "(?ai:" + "|".join(sorted(DATE_PARTS, key=len, reverse=True)) + ")"  # ASCII case only: no look-alikes
MAX_PARAMETER_DIGITS = 4  # a position, width or number of digits; a longer number could be a value in disguise
_COUNT = rf"-?\d{{1,{MAX_PARAMETER_DIGITS}}}"
# The string parameters, by name: a literal in a slot of that name is a parameter when its whole text matches.
PATTERNS: dict[str, re.Pattern[str]] = {
    "date_part": re.compile(rf"\s*{_PART}\s*"),  # 'year', ' Month '
    # strftime/strptime directives (%Y, %-d, %%) and the separators between them; nothing else is a format.
    "time_format": re.compile(r"(?:%-?[A-Za-z%]|[ \-/:.,_T])+"),
    # PostgreSQL/Oracle to_char templates, by their patterns and separators.
    "template_format": re.compile(r"(?:FM|HH24|HH12|HH|MI|SS|MS|US|AM|PM|YYYY|IYYY|YYY|YY|Y|MONTH|MON|MM|DAY|DY|"
                                  r"DDD|DD|D|IW|WW|W|Q|J|TZ|[ \-/:.,_T])+", re.IGNORECASE),
    "regex_flags": re.compile(r"[cgilmnpsx]{1,6}"),
    "field_name": re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}"),
    "separator": re.compile(r"[^\w]{0,5}"),  # neither letter nor digit: no value can be spelled with it
}
# An interval's text: a small count beside its unit keyword (INTERVAL '7' DAY), or counts of date parts ('1 day',
# '2 hours 30 minutes'). sqlglot splits a single '1 day' into a count and a unit; a longer text stays whole.
INTERVAL_COUNT = re.compile(rf"\s*{_COUNT}\s*")
INTERVAL_TEXT = re.compile(rf"\s*{_COUNT}\s+{_PART}(?:\s+{_COUNT}\s+{_PART})*\s*")

Shape = Callable[[exp.Expr], bool]


def _text(node: exp.Expr) -> str | None:
    return str(node.this) if isinstance(node, exp.Literal) and node.is_string else None


def _literal_matching(pattern: re.Pattern[str]) -> Shape:
    """The shape of a string literal whose whole text matches ``pattern`` (one factory for every named pattern)."""
    def shape(node: exp.Expr) -> bool:
        text = _text(node)
        return text is not None and pattern.fullmatch(text) is not None
    return shape


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


def interval_width(node: exp.Expr) -> bool:
    """An interval literal of small counts of date parts and nothing else (``INTERVAL '1 day'``, ``INTERVAL 7 DAY``).

    >>> import sqlglot
    >>> [interval_width(sqlglot.parse_one(s, read="duckdb")) for s in
    ...  ("INTERVAL '1 day'", "INTERVAL '2 hours 30 minutes'", "INTERVAL 7 DAY", "INTERVAL '1 zebulon'",
    ...   "INTERVAL '219099999 days'", "INTERVAL (1) DAY", "'1 day'")]
    [True, True, True, False, False, False, False]
    """
    if not isinstance(node, exp.Interval):
        return False
    unit = node.args.get("unit")
    if unit is not None and not (isinstance(unit, exp.Var) and PATTERNS["date_part"].fullmatch(unit.name)):
        return False  # a unit sqlglot could not read (INTERVAL '1 zebulon'), or a span (DAY TO SECOND)
    text = _text(node.this)
    pattern = INTERVAL_COUNT if unit is not None else INTERVAL_TEXT
    return text is not None and pattern.fullmatch(text) is not None


# Every shape a parameter may have, by name: the string patterns above, and the two built from structure.
SHAPES: dict[str, Shape] = {**{name: _literal_matching(p) for name, p in PATTERNS.items()},
                            "small_integer": small_integer, "interval": interval_width}
# (function key, argument key or position) -> the name of the shape a literal must have there to be a parameter.
PARAMETERS: dict[tuple[str, str | int], str] = {
    ("date_part", 0): "date_part",  # DuckDB's date_part('year', dob): the part, not a value
    ("datepart", 0): "date_part",
    ("date_trunc", 0): "date_part",  # spellings sqlglot leaves unmodelled keep the part first
    ("datediff", 0): "date_part",
    ("date_diff", 0): "date_part",
    ("timetostr", "format"): "time_format",  # strftime(dob, '%Y-%m')
    ("strtotime", "format"): "time_format",  # strptime(text, '%Y-%m-%d')
    ("tochar", "format"): "template_format",  # to_char(dob, 'YYYY-MM')
    ("substring", "start"): "small_integer", ("substring", "length"): "small_integer",
    ("left", "expression"): "small_integer", ("right", "expression"): "small_integer",
    ("round", "decimals"): "small_integer", ("trunc", "decimals"): "small_integer",
    ("pad", "expression"): "small_integer",  # lpad/rpad's width (the fill string is a value)
    ("splitpart", "part_index"): "small_integer",  # the index (the delimiter is searched for: a value)
    ("regexpextract", "group"): "small_integer",
    ("regexplike", "flag"): "regex_flags", ("regexpilike", "flag"): "regex_flags",
    ("regexpreplace", "modifiers"): "regex_flags", ("regexpextract", "flags"): "regex_flags",
    ("lead", "offset"): "small_integer", ("lag", "offset"): "small_integer",  # how many rows away (the default
    ("nthvalue", "offset"): "small_integer",  # value is a value)
    ("repeat", "times"): "small_integer",
    # where a series starts and its stride (range(n) is generate_series(0, n)); its end is compared with a value
    ("generateseries", "start"): "small_integer", ("generateseries", "step"): "small_integer",
    ("structextract", "expression"): "field_name", ("jsonkeyvalue", "this"): "field_name",  # a field's name
    ("groupconcat", "separator"): "separator",  # string_agg(x, ', ')
    # a bucket's width: time_bucket(INTERVAL '1 day', ts) (DuckDB's, and date_bin); TimescaleDB's is unmodelled
    ("datebin", "this"): "interval", ("time_bucket", 0): "interval",
    # a list's or array's index: tags[1] (a subscript), list_extract(tags, 2)
    ("bracket", "expressions"): "small_integer", ("list_extract", 1): "small_integer",
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
        return SHAPES["field_name"](node)
    name = PARAMETERS.get((function_key(parent), slot))
    if name is not None and SHAPES[name](node):
        return True
    # a separator joins or splits values and can spell none (concat_ws(' ', ...), a || '-' || b,
    # replace(x, '-', '')); compared with a value (x = '-', x LIKE '%') it is still a value
    return not isinstance(parent, exp.Predicate) and SHAPES["separator"](node)
