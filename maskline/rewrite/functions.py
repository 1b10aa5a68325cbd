"""What the rewrite knows about SQL functions, declared as data.

Each table maps a lower-case function key (see :func:`function_key`) to the
way a sensitive value flows through it:

* ``SAFE_AGGREGATES`` reveal nothing of the value when given the column itself
  (counts of rows or of distinct values); their result stays raw.
* ``VALUE_PRESERVING`` return one of their arguments' values, possibly recased,
  trimmed or cast (``min``, ``coalesce``, ``lag``...). The column's own method is
  applied to the result, so ``upper(email)`` keeps the e-mail method.
* ``ELEMENTWISE`` build a container or a concatenation whose parts stay
  separate (``json_object``, ``array_agg``, ``||``). At the query's output the
  mask is pushed inside, onto each part.
* ``PARSING`` can fail with the input text in the error message, so a
  sensitive text argument is refused (error messages end up in logs).
* ``DENIED`` read files, session settings (where the masking key lives) or
  environment, raise errors with chosen text, or have side effects: always
  refused, whatever their arguments.
* ``KNOWN_PURE`` are functions sqlglot does not model but which are pure; any
  function sqlglot models (other than the ones above) is pure too. Every other
  function is *unknown*: refused when it takes a sensitive argument, unless the
  policy lists it in ``rewrite.safe_functions``.

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

# Set-returning functions: an engine may refuse them inside CASE, so at the output the mask goes inside.
SET_RETURNING: frozenset[str] = frozenset({"unnest", "explode", "posexplode", "inline", "flatten"})

PARSING: frozenset[str] = frozenset({
    "jsonextract", "jsonextractscalar", "jsonbextract", "jsonbextractscalar", "parsejson", "jsonextractarray",
    "json_extract_path", "json_extract_path_text", "jsonb_extract_path", "jsonb_extract_path_text",
    "strtotime", "strtodate", "tsordstodate", "tsordstotime", "tonumber", "strptime", "to_timestamp",
    "to_date", "json", "jsonparse", "unixtotime", "date", "timestamp", "makedate",
})

DENIED: frozenset[str] = frozenset({
    # session settings and variables: the masking key lives there
    "getvariable", "current_setting", "set_config", "setting", "getenv", "env", "current_settings",
    # files, remote data and other databases
    "readcsv", "read_csv", "read_csv_auto", "readparquet", "read_parquet", "read_json", "read_json_auto",
    "read_ndjson", "read_text", "read_blob", "parquet_scan", "glob", "pg_read_file", "pg_read_binary_file",
    "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export", "lo_get", "lo_open", "dblink", "dblink_exec",
    "postgres_scan", "sqlite_scan", "mysql_scan", "http_get", "http_post", "query", "query_table",
    "pg_file_write", "copy", "external_query", "system",
    # errors with caller-chosen text, and side effects
    "error", "raise_error", "assert", "nextvaluefor", "nextval", "setval", "pg_sleep", "sleep",
    "pg_terminate_backend", "pg_cancel_backend", "pg_notify", "pg_advisory_lock", "txid_current",
})

KNOWN_PURE: frozenset[str] = frozenset({
    "reverse", "initcap", "translate", "levenshtein", "jaro_winkler_similarity", "damerau_levenshtein", "hamming",
    "jaccard", "soundex", "metaphone", "split_part", "string_split", "str_split", "regexp_split_to_array",
    "string_to_array", "array_to_string", "to_char", "format", "printf", "hash", "sha1", "crc32", "base64",
    "to_base64", "from_base64", "encode", "decode", "ascii", "chr", "unicode", "ord", "octet_length",
    "bit_length", "char_length", "strlen", "strip_accents", "lcase", "ucase", "nfc_normalize", "repeat",
    "overlay", "position", "instr", "array_length", "len", "cardinality", "list_sort", "array_sort",
    "list_distinct", "generate_series", "range", "date_part", "datepart", "age", "make_date", "epoch",
    "histogram", "entropy", "bool_and", "every", "bit_or", "bit_xor", "date_format", "strftime", "isodow",
    "dayofweek", "trunc", "sign", "greatest", "least", "typeof", "pg_typeof", "json_typeof", "json_keys",
    "json_array_length", "json_object_keys", "regexp_extract", "regexp_replace", "regexp_matches", "md5",
    "prefix", "suffix", "ends_with", "starts_with", "contains", "replace", "left", "right", "lpad", "rpad",
    "substr", "substring", "length", "list_transform", "list_filter", "array_transform", "array_filter",
    "list_extract", "array_extract", "element_at", "list_contains", "array_contains", "array_position",
    "row_number", "rank", "dense_rank", "ntile", "percent_rank", "cume_dist", "now", "current_date",
    "random", "gen_random_uuid", "uuid", "version",
})

# Functions whose result is a number whatever their input (a comparison with a number stays numeric).
NUMERIC_RESULTS: frozenset[str] = frozenset({
    "length", "count", "countif", "approxdistinct", "strposition", "ascii", "unicode", "octet_length",
    "bit_length", "char_length", "strlen", "extract", "year", "month", "day", "dayofweek", "levenshtein",
    "hamming", "jaccard", "array_length", "arraysize", "cardinality", "len", "sum", "avg", "stddev", "variance",
    "rownumber", "rank", "denserank", "ntile", "abs", "round", "floor", "ceil", "sign",
})

TEXT_TYPE_PREFIXES: tuple[str, ...] = ("text", "varchar", "char", "string", "nvarchar", "nchar", "bpchar",
                                       "character", "clob", "name")


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
    """Every name a user may write for ``node``'s function (for ``safe_functions``).

    >>> sorted(sql_names(exp.Length(this=exp.column("x"))))[:2]
    ['char_length', 'character_length']
    """
    names = {function_key(node)}
    if isinstance(node, exp.Func) and not isinstance(node, (exp.Anonymous, exp.AnonymousAggFunc)):
        names |= {n.lower() for n in type(node).sql_names()}
        names.add(type(node).sql_name().lower())
    return names


def is_text_type(sql_type: str | None) -> bool:
    """Whether a declared SQL type holds text (unknown types count as text: fail closed).

    >>> is_text_type("VARCHAR(20)"), is_text_type("integer"), is_text_type(None)
    (True, False, True)
    """
    if not sql_type:
        return True
    return sql_type.strip().lower().startswith(TEXT_TYPE_PREFIXES)
