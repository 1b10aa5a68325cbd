"""Extreme values of each type, per engine, and the masking methods to run over them (the totality fuzz).

Each type is a one-column table ``v`` whose rows are the type's limits and oddities: the least and greatest value of
every integer and decimal type, dates and timestamps at the engine's limits and at infinity, NaN and infinite
doubles, empty and very long strings, bytes that are no UTF-8 where the type stores them, NULL. Every method form
(:data:`METHODS`) masks each table; a masked expression must give a value or NULL for each row, never an error.
"""

from __future__ import annotations

from typing import Any

LONG = "'" + "x" * 100_000 + "'"
# method name -> the method's params, one entry per form whose SQL differs
METHODS: dict[str, dict[str, Any]] = {
    "redact": {"method": "redact"},
    "null": {"method": "null"},
    "char_mask": {"method": "char_mask"},
    "char_mask.all": {"method": "char_mask", "keep_separators": False},
    "partial": {"method": "partial", "keep_first": 2, "keep_last": 2},
    "email": {"method": "email"},
    "hash": {"method": "hash"},
    "hash.len": {"method": "hash", "length": 12},
    "hmac": {"method": "hmac"},
    "fake.name": {"method": "fake", "kind": "name"},
    "fake.email": {"method": "fake", "kind": "email"},
    "fake.word": {"method": "fake", "kind": "word"},
    "year": {"method": "generalize", "to": "year"},
    "month": {"method": "generalize", "to": "month"},
    "day": {"method": "generalize", "to": "day"},
    "bucket": {"method": "generalize", "bucket": 10},
    "bucket.wide": {"method": "generalize", "bucket": 100000},
    "prefix": {"method": "generalize", "prefix": 3},
    "scrub": {"method": "scrub"},
}
_STRINGS = ("''", "' '", LONG, "'a@b.example'", "'1985-07-21'", "'-1e999'", "'NaN'", "'\u00e9\u4e2d\U0001f600'",
            "'99999999999999999999999999'", "'0000-00-00'", "'-infinity'")
# type -> SQL literals, one row each (NULL is added to every table)
DUCKDB: dict[str, tuple[str, ...]] = {
    "TINYINT": ("-128", "127", "0"),
    "SMALLINT": ("-32768", "32767"),
    "INTEGER": ("-2147483648", "2147483647"),
    "BIGINT": ("-9223372036854775808", "9223372036854775807"),
    "HUGEINT": ("-170141183460469231731687303715884105728", "170141183460469231731687303715884105727"),
    "UTINYINT": ("0", "255"),
    "UBIGINT": ("0", "18446744073709551615"),
    "DECIMAL(6,2)": ("-9999.99", "9999.99", "-0.01"),
    "DECIMAL(38,10)": ("-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999"),
    "DECIMAL(38,0)": ("-99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
    "DECIMAL(4,4)": ("-0.9999", "0.9999"),
    "DOUBLE": ("'nan'", "'inf'", "'-inf'", "1.7976931348623157e308", "-1.7976931348623157e308", "-0.0",
               "4.9e-324"),
    "REAL": ("'nan'", "'inf'", "'-inf'", "3.4e38", "-3.4e38"),
    "VARCHAR": _STRINGS,
    "BLOB": ("'\\xFF\\xFE\\x00'::BLOB", "''::BLOB", "'\\xC3\\x28'::BLOB"),
    "BOOLEAN": ("true", "false"),
    "DATE": ("'5877642-06-25 (BC)'", "'5881580-07-10'", "'infinity'", "'-infinity'", "'0001-01-01'",
             "'0001-12-31 (BC)'", "'294247-01-10'", "'290309-12-22 (BC)'", "'1969-12-31'"),
    "TIMESTAMP": ("'290309-12-22 (BC) 00:00:00'", "'294247-01-10 04:00:54.775806'", "'infinity'", "'-infinity'",
                  "'0001-12-31 (BC) 23:59:59'"),
    "TIMESTAMPTZ": ("'290309-12-22 (BC) 00:00:00+00'", "'294247-01-09 04:00:54.775806+00'", "'infinity'",
                    "'-infinity'"),
    "TIME": ("'00:00:00'", "'23:59:59.999999'", "'24:00:00'"),
    "INTERVAL": ("INTERVAL 1000000 YEAR", "-INTERVAL 1000000 YEAR"),
    "UUID": ("'00000000-0000-0000-0000-000000000000'", "'ffffffff-ffff-ffff-ffff-ffffffffffff'"),
    "INTEGER[]": ("[]", "[NULL]", "[-2147483648, 2147483647]"),
    "STRUCT(a INTEGER, b VARCHAR)": ("{'a': -2147483648, 'b': ''}",),
    "MAP(VARCHAR, INTEGER)": ("MAP {'': 0}",),
    "JSON": ("'{}'", "'[]'", "'null'"),
}
POSTGRES: dict[str, tuple[str, ...]] = {
    "smallint": ("-32768", "32767"),
    "integer": ("-2147483648", "2147483647"),
    "bigint": ("-9223372036854775808", "9223372036854775807"),
    "numeric(6,2)": ("-9999.99", "9999.99", "-0.01"),
    "numeric(38,10)": ("-9999999999999999999999999999.9999999999", "9999999999999999999999999999.9999999999"),
    "numeric(4,4)": ("-0.9999", "0.9999"),
    "numeric": ("'NaN'", "'Infinity'", "'-Infinity'", "-1e130000", "1e-16383", "0"),
    "real": ("'NaN'", "'Infinity'", "'-Infinity'", "3.4e38", "-3.4e38"),
    "double precision": ("'NaN'", "'Infinity'", "'-Infinity'", "1.7976931348623157e308",
                         "-1.7976931348623157e308", "'-0'"),
    "text": _STRINGS,
    "varchar(5)": ("''", "'abcde'"),
    "character(3)": ("''", "'abc'"),
    "bytea": ("'\\xfffe00'", "''", "'\\xc328'"),
    "boolean": ("true", "false"),
    "date": ("'4713-01-01 BC'", "'5874897-12-31'", "'infinity'", "'-infinity'", "'294277-01-01'",
             "'2024-01-01 BC'", "'0001-01-01'"),
    "timestamp": ("'4713-01-01 00:00:00 BC'", "'294276-12-31 23:59:59.999999'", "'infinity'", "'-infinity'",
                  "'2024-01-01 12:00 BC'"),
    "timestamptz": ("'4713-01-01 00:00:00+00 BC'", "'294276-12-30 23:59:59.999999+00'", "'infinity'",
                    "'-infinity'"),
    "time": ("'00:00:00'", "'24:00:00'"),
    "interval": ("'178000000 years'", "'-178000000 years'"),
    "uuid": ("'00000000-0000-0000-0000-000000000000'",),
    "jsonb": ("'{}'", "'null'", "'\"\"'"),
    "integer[]": ("'{}'", "'{NULL}'", "'{-2147483648,2147483647}'"),
    "text[]": ("'{}'", "'{\"\"}'"),
    "inet": ("'::1'", "'255.255.255.255/32'"),
}


KEY = b"totality-fuzz-key-of-32-bytes!!!"


def masked_select(adapter: Any, cur: Any, dialect: str, table: str, source: Any, method: dict[str, Any]) -> str | None:
    """The core's masking SELECT of ``v`` under ``method``, or None when the core refuses the method for its type."""
    from maskline.dialects import KeyMode
    from maskline.errors import PolicyError
    from maskline.keys import KeyMaterial
    from maskline.plan import build_plan
    from maskline.policy import load_policy
    from maskline.sql.compile import compile_select

    policy = load_policy({"version": 1, "unclassified": "pass",
                          "datasets": {table: {"columns": {"v": {"method": method}}}}})
    try:
        plan = build_plan(policy, table, adapter.columns(cur, source))
    except PolicyError:
        return None
    select = compile_select(plan, source, dialect, key_mode=KeyMode.LITERAL, key=KeyMaterial(KEY))
    return select.sql(dialect=adapter.dialect().sqlglot_name)
