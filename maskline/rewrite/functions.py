"""How a value flows through SQL functions, declared as data, for lineage (``--explain``, OpenLineage).

These tables no longer decide safety: every query reads masked relations
(:mod:`maskline.rewrite.substitute`) and may only call allow-listed functions
(:mod:`maskline.rewrite.allowlist`). They say how an output derives from its
sources, which lineage reports:

* ``SAFE_AGGREGATES`` count rows or distinct values; the output is an aggregate of masked values.
* ``VALUE_PRESERVING`` return one of their arguments' values, possibly recased,
  trimmed or cast (``min``, ``coalesce``, ``lag``...): the output carries the
  column's own masking.
* ``ELEMENTWISE`` build a container or a concatenation of their parts.
* anything else is a transformation of its arguments.

>>> import sqlglot
>>> function_key(sqlglot.parse_one("upper(x)"))
'upper'
>>> function_key(sqlglot.parse_one("my_udf(x)"))
'my_udf'
"""

from __future__ import annotations

from sqlglot import exp

SAFE_AGGREGATES: frozenset[str] = frozenset({
    "count", "approxdistinct", "approx_count_distinct", "approx_distinct", "countif", "count_if",
})

VALUE_PRESERVING: frozenset[str] = frozenset({
    "cast", "trycast", "upper", "lower", "trim", "ltrim", "rtrim", "coalesce", "nullif", "ifnull", "nvl",
    "case", "if", "min", "max", "anyvalue", "any_value", "first", "last", "arbitrary", "firstvalue",
    "lastvalue", "lag", "lead", "nthvalue", "argmin", "argmax", "arg_min", "arg_max", "min_by", "max_by",
    "ignorenulls", "respectnulls", "mode", "median", "percentiledisc", "percentilecont", "quantile",
    "quantile_disc", "quantile_cont", "greatest", "least", "unnest", "explode",
})

ELEMENTWISE: frozenset[str] = frozenset({
    "array", "struct", "jsonobject", "jsonarray", "jsonbobject", "map", "varmap", "arrayagg", "groupconcat",
    "concat", "concatws", "dpipe", "tuple", "row", "list", "list_value", "list_pack", "struct_pack",
    "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "json_agg", "jsonb_agg",
    "to_json", "to_jsonb", "row_to_json", "array_construct", "object_construct", "named_struct", "listagg",
    "string_agg", "objectagg", "jsonarrayagg", "jsonobjectagg", "json_object", "json_array", "array_to_json",
})





# One field of a date (never the instant: epoch and julian spell it whole, and are no field). Alone, a field is a
# measure; two fields of one column pinned by literals spell the date (a birthday), see :func:`date_field`.
DATE_FIELDS: frozenset[str] = frozenset({
    "millennium", "century", "decade", "year", "isoyear", "quarter", "month", "week", "weekofyear", "yearweek",
    "day", "dayofmonth", "dayofweek", "dayofweekiso", "dayofyear", "hour", "minute", "second",
})
# Functions whose number measures a value without being it: a length, a position in it, a count, a distance between
# two values, a container's size, one field of a date. A number compared with a measure is not a value of the column
# (``length(ssn) = 11``, ``year(dob) > 1980``), and whatever is computed from a measure is a measure still. A number
# compared with anything else computed from a column can be its value (``abs(salary) = 123457``, ``epoch(dob) =
# 356313600``, ``CAST(replace(ssn, '-', '') AS BIGINT) = 219099999``): an allow-list, so a function nobody listed
# is no measure (:mod:`maskline.rewrite.filters`). Matched against :func:`sql_names`.
MEASURES: frozenset[str] = frozenset({
    "length", "octet_length", "bit_length", "strlen",  # sizes (char_length, len... are sqlglot's Length)
    "strposition", "array_length", "cardinality", "json_array_length", "jsonb_array_length",  # positions, sizes
    "count", "countif", "approxdistinct",  # counts
    "levenshtein", "hamming", "jaccard", "damerau_levenshtein", "jarowinklersimilarity",  # distances
    "sign",  # which side of zero
    *DATE_FIELDS,
})
# Functions whose first argument names the date field they measure (EXTRACT(year FROM dob), date_part('year', dob)).
FIELD_ARGUMENT: frozenset[str] = frozenset({"extract", "date_part", "datepart"})


def is_measure(node: exp.Expr) -> bool:
    """Whether ``node`` is a function whose number measures its argument without being it (:data:`MEASURES`).

    >>> import sqlglot
    >>> [is_measure(sqlglot.parse_one(s, read="duckdb")) for s in
    ...  ("length(ssn)", "date_part('year', dob)", "EXTRACT(month FROM dob)", "abs(salary)", "epoch(dob)",
    ...   "date_part('epoch', dob)", "EXTRACT(epoch FROM dob)")]
    [True, True, True, False, False, False, False]
    """
    if not isinstance(node, exp.Func):
        return False
    names = sql_names(node)
    if names & FIELD_ARGUMENT:
        return _named_field(node) in MEASURES
    return bool(names & MEASURES)


def _named_field(node: exp.Func) -> str:
    """The field a field-argument function (:data:`FIELD_ARGUMENT`) names, lower-case; '' when it names none plainly.

    >>> import sqlglot
    >>> [_named_field(sqlglot.parse_one(s, read="duckdb")) for s in ("EXTRACT(Year FROM dob)", "date_part(p, dob)")]
    ['year', 'p']
    """
    part = node.this if isinstance(node, exp.Extract) else (node.expressions or [None])[0]
    return part.name.strip().lower() if isinstance(part, (exp.Var, exp.Literal, exp.Column, exp.Identifier)) else ""


def date_field(node: exp.Expr) -> str | None:
    """The date field (:data:`DATE_FIELDS`) ``node`` reads, or None when it is no date-field function.

    >>> import sqlglot
    >>> [date_field(sqlglot.parse_one(s, read="duckdb")) for s in
    ...  ("year(dob)", "EXTRACT(month FROM dob)", "date_part('day', dob)", "length(ssn)", "date_part('epoch', dob)")]
    ['year', 'month', 'day', None, None]
    """
    if not isinstance(node, exp.Func):
        return None
    names = sql_names(node)
    if names & FIELD_ARGUMENT:
        field = _named_field(node)
        return field if field in DATE_FIELDS else None
    found = sorted(names & DATE_FIELDS)
    return found[0] if found else None


def function_key(node: exp.Expr) -> str:
    """The lower-case key under which the tables above list a function or operator.

    >>> import sqlglot
    >>> function_key(sqlglot.parse_one("a || b", read="postgres"))
    'dpipe'
    """
    if isinstance(node, (exp.Anonymous, exp.AnonymousAggFunc)):
        return str(node.name).lower()
    return type(node).__name__.lower()


def sql_names(node: exp.Expr) -> set[str]:
    """Every name a user may write for ``node``'s function (what the allow-list is matched against).

    >>> sorted(sql_names(exp.Length(this=exp.column("x"))))[:2]
    ['char_length', 'character_length']
    """
    names = {function_key(node)}
    if isinstance(node, exp.Func) and not isinstance(node, (exp.Anonymous, exp.AnonymousAggFunc)):
        names |= {n.lower() for n in type(node).sql_names()}
        names.add(type(node).sql_name().lower())
    return names

