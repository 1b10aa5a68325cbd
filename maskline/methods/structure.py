"""Which columns' text has structure a masking method would keep: one rule for every path that builds a plan.

A method that keeps part of a value's text (``partial``, ``email``, ``char_mask``, ``generalize``, ``scrub``: its
:class:`~maskline.methods.base.MethodDef` is not ``opaque``) was written for one scalar value. On a column whose
text form is structured (an array, a JSON document, a struct, a map, a range, a uuid...) it masks the engine's
rendering of the whole structure instead, and keeps raw parts of it: ``email`` on the array ``['ann@corp.com']``
gives ``*****@corp.com]``, ``char_mask`` on a JSON document keeps its keys' shapes, every ``@``, ``.`` and ``+``.

The judgement is an allow-list of scalar type names (what is not confidently one scalar is structured), read from
the type name the catalog or the file schema gives (DuckDB's ``DESCRIBE``, ``information_schema.data_type``,
PostgreSQL's ``format_type`` of a built-in type). It agrees with PostgreSQL's type categories as
:mod:`maskline.adapters.pg_types` reads them for ``protect``: only its scalar categories are scalar here.

>>> structured_type("varchar[]"), structured_type("struct(email varchar)"), structured_type("character varying(20)")
(True, True, False)
"""

from __future__ import annotations

import re

# Base names (lower case, before any "(" of parameters) of the engines' types (DuckDB, PostgreSQL, Trino, Spark,
# Snowflake, BigQuery, SQLite) whose text form is one scalar value: strings,
# numbers, booleans, dates and times, intervals, IP addresses, bit strings, DuckDB's enums (a label).
# uuid, bytea/blob, json, xml, ranges, geometry and every container are left out on purpose: PostgreSQL puts them
# outside its scalar categories too, and their text has separators or encodings a partial mask keeps.
SCALAR_TYPE_NAMES = frozenset({
    "text", "varchar", "char", "character", "character varying", "bpchar", "string", "nvarchar", "nchar", "name",
    "clob", "large_string", "utf8", "large_utf8",
    "bool", "boolean", "logical",
    "tinyint", "smallint", "integer", "int", "bigint", "hugeint", "utinyint", "usmallint", "uinteger", "ubigint",
    "uhugeint", "int1", "int2", "int4", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "signed", "long", "short", "varint", "bignum", "oid",
    "decimal", "numeric", "number", "bignumeric", "bigdecimal", "real", "float", "float4", "float8", "float32",
    "float64", "double", "double precision", "money",
    "date", "time", "timestamp", "timestamptz", "datetime", "datetime2", "timestamp_s", "timestamp_ms",
    "timestamp_ns", "timestamp_ntz", "timestamp_ltz", "timestamp_tz", "timestamp with time zone", "timestamp without time zone",
    "time without time zone",
    "inet", "cidr", "bit", "bit varying", "varbit", "enum",
})
# Left out of the list above though one value each: their text is each engine's own and no canonical text
# (maskline.dialects.canonical) is built for them, so a method reading it would mask one value differently on
# DuckDB, PostgreSQL and Trino (measured: an interval of 14 months is `1 year 2 mons` on PostgreSQL, `1 year 2
# months` on DuckDB and not castable on Trino; a time with a zone `03:04:05+02` and `03:04:05.000000+02:00`).
# Named here for the refusal's wording only: not being on the list above is what refuses them.
SCALAR_OF_ENGINE_TEXT = frozenset({"interval", "timetz", "time with time zone", "interval year to month",
                                   "interval day to second"})


_PARAMS = re.compile(r"\([^()]*\)")


def _base(type_name: str) -> str:
    """The type's name without parameters, lower case: ``decimal(18,3)`` is ``decimal``. PostgreSQL's
    ``format_type`` writes ``pg_catalog.date`` when a temporary type named ``date`` shadows the built-in: the
    built-in is still what the column holds (another schema's type is never read as one of these)."""
    # Parameters may stand inside the name (Trino's time(6) with time zone): they are dropped, not cut at.
    name = _PARAMS.sub("", type_name.strip().lower().removeprefix("pg_catalog."))
    return " ".join(name.split("(")[0].split("<")[0].split())


def structured_type(type_name: str | None) -> bool | None:
    """Whether a column of type ``type_name`` has a structured text form; None when the type is not known.

    An array of anything (``text[]``, ``integer[3]``, PostgreSQL's ``ARRAY``) is structured, so is any name not
    on the scalar allow-list (``json``, ``jsonb``, ``map(varchar, varchar)``, ``uuid``, ``int4range``).

    >>> [structured_type(t) for t in ("text[]", "ARRAY", "jsonb", "JSON", "uuid", "map(varchar, varchar)")]
    [True, True, True, True, True, True]
    >>> [structured_type(t) for t in ("VARCHAR", "decimal(18,3)", "timestamp with time zone", "pg_catalog.date", None)]
    [False, False, False, False, None]
    >>> structured_type("public.date")  # a type the database defined is never taken for a built-in
    True
    """
    if not type_name or not type_name.strip():
        return None
    if "[" in type_name:  # an array, whatever its elements
        return True
    return _base(type_name) not in SCALAR_TYPE_NAMES


def has_engine_text(type_name: str | None) -> bool:
    """Whether ``type_name`` is a scalar type whose text each engine writes its own way (an interval, a time with a
    time zone), for the wording of a refusal.

    >>> has_engine_text("interval"), has_engine_text("time(6) with time zone"), has_engine_text("jsonb")
    (True, True, False)
    """
    return bool(type_name) and _base(type_name or "") in SCALAR_OF_ENGINE_TEXT


def shown_type(type_name: str) -> str:
    """The type as a message shows it: its catalog name without parameters, which may hold names a user wrote
    (a struct's fields, an enum's labels, a union's tags).

    >>> shown_type("STRUCT(email VARCHAR)"), shown_type("varchar[]"), shown_type("struct(a varchar)[]")
    ('struct', 'varchar[]', 'struct[]')
    """
    base = _base(type_name).split("[")[0].strip()
    return base + ("[]" if "[" in type_name else "")


def keeps_structure(method: str, type_name: str | None) -> bool:
    """Whether ``method`` on a column of ``type_name`` would keep part of a structured value's text: the method
    is not opaque (:attr:`maskline.methods.base.MethodDef.opaque`) and the type is structured.

    >>> keeps_structure("email", "varchar[]"), keeps_structure("hmac", "varchar[]"), keeps_structure("email", "text")
    (True, False, False)
    """
    from maskline.methods.registry import METHODS

    return not METHODS[method].opaque and bool(structured_type(type_name))


# Structured types whose text every engine here writes alike, so a keyed token of it is one token everywhere
# (checked on DuckDB, PostgreSQL and Trino: tests/core/test_structured_keyed_parity.py): lower-case hex in groups.
KEYED_AGREEING = frozenset({"uuid"})


def keyed_without_one_text(method: str, type_name: str | None) -> bool:
    """Whether keyed ``method`` (``hash``, ``hmac``, ``fake``) on a column of ``type_name`` would hash each engine's
    own text of a structured value, and so give one value a different token on DuckDB, PostgreSQL and Trino: the
    type is structured (JSON, an array, a struct, a map...) and has no canonical text
    (:mod:`maskline.dialects.canonical`; binary values have one, their hex).

    DuckDB keeps a JSON document as written, PostgreSQL's ``jsonb`` orders keys by length and keeps a number's
    scale, Trino sorts keys and writes numbers as doubles, and no engine can sort a document's keys at every depth
    in an expression; arrays are ``[a, b]`` on DuckDB, ``{a,b}`` on PostgreSQL and no text at all on Trino.

    >>> [keyed_without_one_text("hmac", t) for t in ("json", "jsonb", "varchar[]", "array(varchar)", "struct(a int)")]
    [True, True, True, True, True]
    >>> [keyed_without_one_text(m, t) for m, t in (("hmac", "bytea"), ("hash", "uuid"), ("redact", "json"),
    ...                                             ("fake", "text"), ("hmac", None))]
    [False, False, False, False, False]
    """
    from maskline.dialects.canonical import text_form
    from maskline.methods.registry import METHODS

    if not METHODS[method].keyed or not structured_type(type_name):
        return False
    assert type_name is not None  # structured_type is None for no type
    return text_form(type_name) is None and _base(type_name) not in KEYED_AGREEING


# What each refusal says, with {column}, {type} (shown_type), {method} and {opaque} (the methods the fix offers): the
# core's plan (maskline.plan) and dbt's macros (maskline._structure_refusal, from the generated catalogue) word it
# alike.
KEYED_REFUSAL_WHAT = ("column {column} has type {type}, which has no one text on every engine, so the keyed method "
                      "{method} would give one value a different token on DuckDB, PostgreSQL and Trino")
KEYED_REFUSAL_FIX = ("mask {column} with redact or null, or cast it (or the field you need) to text in a staging "
                     "model and mask that column: text is hashed as written, on every engine")
REFUSALS: dict[str, dict[str, str]] = {
    "engine_text": {
        "what": "column {column} has type {type}, whose text each engine writes its own way, so the method {method} "
                "would mask one value differently on DuckDB, PostgreSQL and Trino",
        "fix": "mask {column} with redact or null, or cast it to the text you want (or extract the number you need) "
               "in a staging model and mask that column"},
    "keyed": {"what": KEYED_REFUSAL_WHAT, "fix": KEYED_REFUSAL_FIX},
    "structure": {
        "what": "column {column} has type {type}, whose text form has structure the method {method} would keep in "
                "part (brackets, keys, separators, whole elements)",
        "fix": "mask {column} with a method whose output keeps nothing of the value ({opaque}), or unnest it or cast "
               "the field you need to text in a staging model and mask that column"},
}
# The opaque methods a structure refusal's fix offers: keyed ones only where the type has one text on every engine
# (a uuid, bytes), so that a fix never leads to a refusal.
OPAQUE_OFFERED = {"keyed": "hash, hmac, fake, redact, null", "keyless": "redact, null"}


def refusal_kind(method: str, type_name: str | None) -> str | None:
    """Which refusal (a key of :data:`REFUSALS`) ``method`` on a column of ``type_name`` meets, or None: a method
    that reads the text of an interval or a time with a time zone (``engine_text``), a keyed method on a structured
    type with no one text (``keyed``), a method keeping part of a structured value (``structure``).

    >>> [refusal_kind(m, t) for m, t in (("partial", "interval"), ("hmac", "jsonb"), ("email", "varchar[]"),
    ...                                   ("redact", "interval"), ("hmac", "text"), ("hash", "uuid"))]
    ['engine_text', 'keyed', 'structure', None, None, None]
    """
    keyed, kept = keyed_without_one_text(method, type_name), keeps_structure(method, type_name)
    if has_engine_text(type_name) and (keyed or kept):
        return "engine_text"
    return "keyed" if keyed else "structure" if kept else None


def refusal_message(method: str, type_name: str | None, column: str) -> tuple[str, str] | None:
    """What the refusal of ``method`` on ``column`` of ``type_name`` says and how to fix it, or None if none applies.

    >>> refusal_message("partial", "interval", "t.d")[0]
    'column t.d has type interval, whose text each engine writes its own way, so the method partial would mask one value differently on DuckDB, PostgreSQL and Trino'
    >>> refusal_message("redact", "jsonb", "t.j") is None
    True
    """
    kind = refusal_kind(method, type_name)
    if kind is None:
        return None
    opaque = OPAQUE_OFFERED["keyless" if keyed_without_one_text("hmac", type_name) else "keyed"]
    named = {"column": column, "type": shown_type(type_name or ""), "method": method, "opaque": opaque}
    return REFUSALS[kind]["what"].format(**named), REFUSALS[kind]["fix"].format(**named)


def refusal_rule() -> dict[str, object]:
    """:func:`refusal_kind` and :func:`refusal_message` as data, for the generated dbt catalogue: the scalar type
    names, the names with a canonical text (:data:`maskline.dialects.canonical.TYPE_FORMS`), the structured names
    every engine writes alike, the scalar names whose text is each engine's own, the pattern of a name's parameters,
    and each refusal's message and fix. ``maskline._structure_refusal`` applies it to the type the adapter reports.

    >>> rule = refusal_rule(); "json" in rule["scalar_types"], "bytea" in rule["text_forms"], rule["agreeing"]
    (False, True, ['uuid'])
    >>> "interval" in rule["engine_text"], sorted(rule["refusals"])
    (True, ['engine_text', 'keyed', 'structure'])
    """
    from maskline.dialects.canonical import TYPE_FORMS

    return {"scalar_types": sorted(SCALAR_TYPE_NAMES), "text_forms": sorted(TYPE_FORMS),
            "agreeing": sorted(KEYED_AGREEING), "engine_text": sorted(SCALAR_OF_ENGINE_TEXT),
            "base_params": _PARAMS.pattern, "refusals": REFUSALS, "opaque": OPAQUE_OFFERED}
