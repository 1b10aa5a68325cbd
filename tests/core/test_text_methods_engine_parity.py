"""A method that keeps part of a value's text (``partial``, ``char_mask``, ``email``, ``scrub``, ``generalize``
``prefix``) reads one text of a number, date, time or boolean on DuckDB, PostgreSQL and Trino: the canonical text
keyed methods hash (:mod:`maskline.dialects.canonical`), so one policy gives one masked value on every engine.

On main each of them read the engine's own cast to text (measured on DuckDB, PostgreSQL 15 and Trino 476):
Trino's ``timestamp(6)`` and ``time(6)`` wrote ``.000000``, a ``timestamp with time zone`` was ``... 03:04:05.000000
+02:00`` on Trino and ``... 01:04:05+00`` on the other two (in the session's zone), a double ``1e20`` was ``1e+20``,
``1.0E20`` and ``1e+20``, a boolean ``true``/``t``, and DuckDB wrote a ``decimal(38,38)`` without its leading zero
(``.5000...``), which gave that decimal another keyed token there too. An ``interval`` (``1 year 2 mons`` on
PostgreSQL, ``1 year 2 months`` on DuckDB, refused on Trino) and a ``time with time zone`` (``03:04:05+02`` and
``03:04:05.000000+02:00``) have no one text: every method that reads their text is refused on every engine, as a
JSON document's is (tests/core/test_structured_keyed_parity.py).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest

from maskline.dialects.canonical import canonical_text
from maskline.keys import KeyMaterial, hmac_hex
from tests.core.engine_parity import KEY, masked

# value class -> (engine -> SQL type, [(Python value, SQL literal of it)])
CLASSES: dict[str, tuple[dict[str, str], list[tuple[Any, str]]]] = {
    "timestamp": ({"duckdb": "TIMESTAMP", "postgres": "timestamp", "trino": "timestamp(6)"},
                  [(dt.datetime(2024, 1, 2, 3, 4, 5), "'2024-01-02 03:04:05'"),
                   (dt.datetime(2024, 1, 2, 3, 4, 5, 500000), "'2024-01-02 03:04:05.5'"),
                   (dt.datetime(1850, 1, 2, 3, 4, 5, 123456), "'1850-01-02 03:04:05.123456'"),
                   (dt.datetime(1, 1, 1), "'0001-01-01 00:00:00'"),
                   (dt.datetime(9999, 12, 31, 23, 59, 59, 999999), "'9999-12-31 23:59:59.999999'")]),
    "timestamptz": ({"duckdb": "TIMESTAMPTZ", "postgres": "timestamptz", "trino": "timestamp(6) with time zone"},
                    [(dt.datetime(2024, 1, 2, 1, 4, 5, tzinfo=dt.UTC), "'2024-01-02 03:04:05+02:00'"),
                     (dt.datetime(2024, 1, 2, 3, 4, 5, 250000, tzinfo=dt.UTC), "'2024-01-02 03:04:05.25+00:00'"),
                     (dt.datetime(1850, 1, 2, 3, 4, 5, tzinfo=dt.UTC), "'1850-01-02 03:04:05+00:00'")]),
    "date": ({"duckdb": "DATE", "postgres": "date", "trino": "date"},
             [(dt.date(2024, 1, 2), "'2024-01-02'"), (dt.date(1, 1, 1), "'0001-01-01'")]),
    "time": ({"duckdb": "TIME", "postgres": "time", "trino": "time(6)"},
             [(dt.time(3, 4, 5), "'03:04:05'"), (dt.time(3, 4, 5, 500000), "'03:04:05.5'")]),
    "double": ({"duckdb": "DOUBLE", "postgres": "double precision", "trino": "double"},
               [(1.5, "1.5"), (1e20, "1e20"), (0.1, "0.1"), (-0.0, "-0.0"), (1e-7, "1e-7"),
                (123456789.125, "123456789.125"), (float("nan"), "'NaN'"), (float("inf"), "'Infinity'"),
                (float("-inf"), "'-Infinity'")]),
    "real": ({"duckdb": "REAL", "postgres": "real", "trino": "real"},  # seven digits at most: Trino's cast
             [(1.5, "1.5"), (0.1, "0.1"), (3.4e38, "3.4e38"), (123.456, "123.456"), (-2.5e-5, "-2.5e-5")]),
    "decimal": ({"duckdb": "DECIMAL(12,2)", "postgres": "numeric(12,2)", "trino": "decimal(12,2)"},
                [(Decimal("17.50"), "17.50"), (Decimal(0), "0"), (Decimal("-0.01"), "-0.01"),
                 (Decimal(1234), "1234")]),
    "decimal(38,0)": ({"duckdb": "DECIMAL(38,0)", "postgres": "numeric(38,0)", "trino": "decimal(38,0)"},
                      [(Decimal("9" * 38), f"'{'9' * 38}'"), (Decimal(-5), "-5")]),
    "decimal(38,38)": ({"duckdb": "DECIMAL(38,38)", "postgres": "numeric(38,38)", "trino": "decimal(38,38)"},
                       [(Decimal("0." + "1234567890" * 3 + "12345678"), "'0." + "1234567890" * 3 + "12345678'"),
                        (Decimal("-0.5"), "'-0.5'"), (Decimal(0), "'0'")]),
    "boolean": ({"duckdb": "BOOLEAN", "postgres": "boolean", "trino": "boolean"},
                [(True, "true"), (False, "false")]),
}
# Types with no one text on every engine: every method reading their text is refused.
NO_ONE_TEXT: dict[str, tuple[dict[str, str], list[str]]] = {
    "interval": ({"duckdb": "INTERVAL", "postgres": "interval", "trino": "interval year to month"},
                 ["INTERVAL '14' MONTH"]),
    "interval day": ({"duckdb": "INTERVAL", "postgres": "interval", "trino": "interval day to second"},
                     ["INTERVAL '3' DAY"]),
    "time with time zone": ({"duckdb": "TIMETZ", "postgres": "timetz", "trino": "time(6) with time zone"},
                            ["'03:04:05+02:00'"]),
}
ENGINES = ("duckdb", "postgres", "trino")


def _partial(text: str, first: int, last: int) -> str:
    if len(text) <= first + last:
        return "*" * len(text)
    return text[:first] + "*" * (len(text) - first - last) + text[len(text) - last:]


# method -> what it gives for a value's canonical text
TEXT_METHODS: dict[str, tuple[dict[str, Any], Any]] = {
    # a value no longer than the prefix is masked whole (generalize never keeps a whole value)
    "prefix": ({"method": "generalize", "prefix": 12}, lambda t: t[:12] + "*" * (len(t) - 12) if len(t) > 12
               else "*" * len(t)),
    "partial": ({"method": "partial", "keep_first": 2, "keep_last": 3}, lambda t: _partial(t, 2, 3)),
    "char_mask": ({"method": "char_mask", "keep_separators": False}, lambda t: "*" * len(t)),
}


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> dict[str, tuple[Any, str | None]]:
    import duckdb

    pg = request.getfixturevalue("pg_conn")
    schema = "tp_" + uuid.uuid4().hex[:8]
    pg.cursor().execute(f"CREATE SCHEMA {schema}")
    request.addfinalizer(lambda: pg.cursor().execute(f"DROP SCHEMA {schema} CASCADE"))
    return {"duckdb": (duckdb.connect(), None), "postgres": (pg, schema),
            "trino": (request.getfixturevalue("trino_conn"), None)}


def _per_engine(engines: dict[str, tuple[Any, str | None]], name: str, types: dict[str, str], literals: list[str],
                method: dict[str, Any]) -> dict[str, list[Any] | None]:
    table = "tp_" + "".join(c for c in name if c.isalnum())
    return {e: masked(e, engines[e][0], engines[e][1], table, types[e], literals, method) for e in ENGINES}


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("method", TEXT_METHODS)
@pytest.mark.parametrize("value_class", CLASSES)
def test_a_text_method_reads_the_canonical_text_on_every_engine(engines, value_class: str, method: str) -> None:
    types, cases = CLASSES[value_class]
    params, expected = TEXT_METHODS[method]
    got = _per_engine(engines, value_class, types, [lit for _, lit in cases], params)
    want = [expected(canonical_text(v)) for v, _ in cases]
    assert got == dict.fromkeys(ENGINES, want)


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("value_class", ["decimal(38,38)", "decimal(38,0)"])
def test_a_decimal_of_any_scale_has_one_keyed_token_on_every_engine(engines, value_class: str) -> None:
    types, cases = CLASSES[value_class]
    got = _per_engine(engines, value_class, types, [lit for _, lit in cases], {"method": "hmac"})
    want = [hmac_hex(KeyMaterial(KEY), canonical_text(v)) for v, _ in cases]
    assert got == dict.fromkeys(ENGINES, want)


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("method", [{"method": "hmac"}, {"method": "partial", "keep_last": 2},
                                    {"method": "generalize", "prefix": 3}], ids=lambda m: m["method"])
@pytest.mark.parametrize("value_class", NO_ONE_TEXT)
def test_a_type_with_no_one_text_is_refused_on_every_engine(engines, value_class: str, method: dict[str, Any]) -> None:
    types, literals = NO_ONE_TEXT[value_class]
    assert _per_engine(engines, value_class, types, literals, method) == dict.fromkeys(ENGINES)


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("value_class", NO_ONE_TEXT)
def test_redact_and_null_still_mask_a_type_with_no_one_text(engines, value_class: str) -> None:
    types, literals = NO_ONE_TEXT[value_class]
    assert _per_engine(engines, value_class, types, literals, {"method": "redact"}) == dict.fromkeys(
        ENGINES, ["[REDACTED]"])
