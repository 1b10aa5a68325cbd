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





# Functions whose result is a number whatever their input (a comparison with a number stays numeric).
NUMERIC_RESULTS: frozenset[str] = frozenset({
    "length", "count", "countif", "approxdistinct", "strposition", "ascii", "unicode", "octet_length",
    "bit_length", "char_length", "strlen", "extract", "year", "month", "day", "dayofweek", "levenshtein",
    "hamming", "jaccard", "array_length", "arraysize", "cardinality", "len", "sum", "avg", "stddev", "variance",
    "rownumber", "rank", "denserank", "ntile", "abs", "round", "floor", "ceil", "sign",
})


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

