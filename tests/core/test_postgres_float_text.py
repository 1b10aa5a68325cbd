"""PostgreSQL's canonical text of a double or a real is total, reads no session setting, and is the shortest text.

A ``maskline protect`` view and a dbt model's view are evaluated in the READER's session, which maskline cannot pin
(tests/rewrite/test_view_session_formats_red_team.py). On main a float's canonical text (what ``hash``, ``hmac``,
``fake``, ``partial`` and the other text methods read) was ``CAST(v AS TEXT)``, which follows the reader's
``extra_float_digits``: under ``0`` the double ``0.30000000000000004`` was hashed as ``0.3``, another value's text.
It also wrote 17 digits where the shortest text lies on the rounding boundary (``2e23`` as
``199999999999999980000000``; DuckDB and Python write ``2e23``'s digits). Round ``sessionfree`` built the text from
``TO_CHAR`` with explicit digits and a read-back cast, which raised *out of range* at the largest doubles and reals.

Here every kind of finite float (both signs of: the largest and the 60 values below it, the least subnormal, the
least normal value and its neighbours, every power of two and its neighbours, every power of ten and its
neighbours, rounding-boundary doubles such as ``2e23``, and drawn bit patterns), ``-0.0``, both infinities and NaN
give a text without error; the same text under every reader setting (``extra_float_digits`` -15 to 3, ``DateStyle``,
``TimeZone``, ``IntervalStyle``); and, for a double, Python's canonical text (:func:`canonical_text`) and DuckDB's;
for a real, the shortest text that reads back as the same float32 (numpy's, an independent algorithm). Found on
the way: DuckDB 2.0's cast writes three powers of two as other values' texts (:data:`DUCKDB_WRONG`, strict xfail). The server
has no second locale here, and the text reads no locale: ``TO_CHAR``'s ``EEEE`` copies C's ``%e``, which a
PostgreSQL backend always runs under ``LC_NUMERIC=C``.
"""

from __future__ import annotations

import math
import random
import struct
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from sqlglot import exp

from maskline.dialects import get_dialect
from maskline.dialects.canonical import TextForm, canonical_sql, canonical_text
from tests.conftest import scratch_schema

SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan]


def _doubles() -> list[float]:
    rnd = random.Random(20261207)
    values = {2e23, 1e23, 7e22, 6.77075314e19, 8.3299e20, 0.30000000000000004, 1e-310, 5e-324, 1e-323,
              2.2250738585072014e-308, 1.7976931348623e308, 1.79769313486231e308}
    for e in range(-1074, 1024):
        values.add(math.ldexp(1.0, e))
    for e in range(-323, 309):
        values.add(float(f"1e{e}"))
    values |= {math.nextafter(v, 0.0) for v in values} | {math.nextafter(v, math.inf) for v in values}
    top = math.inf
    for _ in range(60):
        top = math.nextafter(top, 0.0)
        values.add(top)
    while len(values) < 12000:
        v = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if math.isfinite(v):
            values.add(abs(v))
    finite = sorted(v for v in values if math.isfinite(v) and v > 0)
    return finite + [-v for v in finite] + SPECIAL


def _reals() -> list[Any]:
    rnd = random.Random(7)
    f32 = np.float32
    values = {f32(1.5), f32(0.1), f32(3.4e38), f32(123.456), f32(-2.5e-5), f32(9.4e9), f32(2061702.8)}
    for e in range(-149, 128):
        values.add(f32(math.ldexp(1.0, e)))
    values |= {np.nextafter(v, f32(0)) for v in values} | {np.nextafter(v, f32(np.inf)) for v in values}
    top = f32(np.inf)
    for _ in range(60):
        top = np.nextafter(top, f32(0))
        values.add(top)
    while len(values) < 3000:
        v = np.frombuffer(struct.pack("<I", rnd.getrandbits(32)), dtype=np.float32)[0]
        if np.isfinite(v):
            values.add(abs(v))
    finite = sorted(v for v in values if np.isfinite(v) and v > 0)
    return finite + [-v for v in finite] + [f32(v) for v in SPECIAL]


def _real_text(v: Any) -> str:
    """The shortest text that reads back as the float32 ``v``, in canonical form (numpy's Dragon4)."""
    if v == 0:
        return "0"
    if not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return np.format_float_positional(v, unique=True, trim="-")


DOUBLES = _doubles()
REALS = _reals()
SETTINGS = [f"SET extra_float_digits = {n}" for n in range(-15, 4)] + [
    "SET DateStyle = 'SQL, DMY'", "SET DateStyle = 'German'", "SET TimeZone = 'Asia/Kolkata'",
    "SET IntervalStyle = 'sql_standard'"]


@pytest.fixture(scope="module")
def floats(pg_dsn: str) -> Iterator[Any]:
    """The connection and a scratch schema with ``fd (i, v double precision)`` and ``fr (i, v real)``."""
    from psycopg2.extras import execute_values

    with scratch_schema(pg_dsn, "floats") as (conn, schema), conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {schema}.fd (i integer, v double precision)")
        cur.execute(f"CREATE TABLE {schema}.fr (i integer, v real)")
        # repr of a double reads back exactly; a float32's value is exact as a double, and a double cast to real
        # exactly
        execute_values(cur, f"INSERT INTO {schema}.fd VALUES %s", [(i, repr(v)) for i, v in enumerate(DOUBLES)],
                       template="(%s, CAST(%s AS double precision))")
        execute_values(cur, f"INSERT INTO {schema}.fr VALUES %s", [(i, repr(float(v))) for i, v in enumerate(REALS)],
                       template="(%s, CAST(CAST(%s AS double precision) AS real))")
        yield conn, schema


def _texts(floats: Any, table: str, setting: str | None) -> list[str | None]:
    """The canonical text of every row of ``table``, computed in a session under ``setting``."""
    conn, schema = floats
    sql = canonical_sql(get_dialect("postgres"), exp.column("v"), TextForm.FLOAT).sql("postgres")
    with conn.cursor() as cur:
        if setting:
            cur.execute(setting)
        try:
            cur.execute(f"SELECT {sql} FROM {schema}.{table} ORDER BY i")
            return [t for (t,) in cur.fetchall()]
        finally:
            cur.execute("RESET ALL")


@pytest.mark.postgres
def test_a_double_has_pythons_text(floats: Any) -> None:
    got = _texts(floats, "fd", None)
    wrong = [(v, t) for v, t in zip(DOUBLES, got, strict=True) if t != canonical_text(v)]
    assert wrong == []


@pytest.mark.postgres
def test_a_real_has_its_shortest_text(floats: Any) -> None:
    got = _texts(floats, "fr", None)
    wrong = [(v, t) for v, t in zip(REALS, got, strict=True) if t != _real_text(v)]
    assert wrong == []


@pytest.fixture(scope="module")
def default_texts(floats: Any) -> dict[str, list[str | None]]:
    return {table: _texts(floats, table, None) for table in ("fd", "fr")}


@pytest.mark.postgres
@pytest.mark.parametrize("setting", SETTINGS)
def test_a_readers_setting_changes_no_floats_text(floats: Any, default_texts: dict[str, list[str | None]],
                                                  setting: str) -> None:
    for table in ("fd", "fr"):
        assert _texts(floats, table, setting) == default_texts[table]


# Powers of two whose text DuckDB 2.0's cast writes wrong: 2**81 as 4.835703278458517e+24 (2**82's text) and
# 2**807 as A.070116948172427e+242 (a digit ``A``), so on lead0540 their tokens and masks were another value's there.
# DuckDB's canonical text no longer reads the cast (maskline.dialects.shortest_float).
DUCKDB_WRONG = [s * 2.0 ** e for e in (81, 91, 807) for s in (1, -1)]


def _duckdb_texts(values: list[Any], type_name: str = "DOUBLE") -> list[str | None]:
    import duckdb

    sql = canonical_sql(get_dialect("duckdb"), exp.column("v"), TextForm.FLOAT).sql("duckdb")
    con = duckdb.connect()
    con.execute("CREATE TABLE fd AS SELECT generate_subscripts($1, 1) AS i, "
                f"CAST(CAST(unnest($1) AS DOUBLE) AS {type_name}) AS v", [[repr(float(v)) for v in values]])
    return [t for (t,) in con.execute(f"SELECT {sql} FROM fd ORDER BY i").fetchall()]


def test_duckdb_gives_a_double_pythons_text() -> None:
    got = _duckdb_texts(DOUBLES)
    assert [(v, t) for v, t in zip(DOUBLES, got, strict=True) if t != canonical_text(v)] == []


def test_duckdb_gives_pythons_text_for_the_powers_of_two_its_cast_writes_wrong() -> None:
    assert _duckdb_texts(DUCKDB_WRONG) == [canonical_text(v) for v in DUCKDB_WRONG]


def test_duckdb_gives_a_real_its_shortest_text() -> None:
    """DuckDB's cast wrote 14 of 998 drawn reals with more digits than the shortest (``9400000512``)."""
    got = _duckdb_texts(REALS, "REAL")
    assert [(v, t) for v, t in zip(REALS, got, strict=True) if t != _real_text(v)] == []


def _java(v: float) -> str:
    """``v`` as Trino reads a double's text (``Infinity``, not ``inf``)."""
    return {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}.get(repr(v), repr(v))


def _trino_texts(conn: Any, values: list[Any], type_name: str) -> list[str | None]:
    """The canonical text Trino computes for each of ``values`` stored in a ``type_name`` column, in order.

    The values go to a table first: a VALUES list of thousands of rows under this expression ran Trino's planner
    out of memory (it folds the expression per literal row)."""
    sql = canonical_sql(get_dialect("trino"), exp.column("v"), TextForm.FLOAT).sql("trino")
    table = f"floats_{type_name}"
    cur = conn.cursor()
    cur.execute(f"CREATE TABLE {table} (i integer, v {type_name})")
    cur.fetchall()
    try:
        for start in range(0, len(values), 1000):
            rows = ", ".join(f"({start + i}, CAST(CAST('{_java(float(v))}' AS double) AS {type_name}))"
                             for i, v in enumerate(values[start:start + 1000]))
            cur.execute(f"INSERT INTO {table} VALUES {rows}")
            cur.fetchall()
        cur.execute(f"SELECT {sql} FROM {table} ORDER BY i")
        return [t for (t,) in cur.fetchall()]
    finally:
        cur.execute(f"DROP TABLE {table}")
        cur.fetchall()


@pytest.mark.trino
def test_trino_gives_a_double_pythons_text(trino_conn: Any) -> None:
    """Trino's cast wrote ``2e23`` as ``1.9999999999999998E23`` (and 8 of 1,500 drawn doubles alike)."""
    got = _trino_texts(trino_conn, DOUBLES, "double")
    assert [(v, t) for v, t in zip(DOUBLES, got, strict=True) if t != canonical_text(v)] == []


@pytest.mark.trino
def test_trino_gives_a_real_its_shortest_text(trino_conn: Any) -> None:
    """Trino's cast wrote a real with at most seven digits (``16777216`` as ``1.677722E7``): 418 of 998 drawn reals;
    its ``format('%.8e')`` rounds a real's exact tie half up (``2**-12`` as ``0.00024414063``, numpy's ``…62``)."""
    got = _trino_texts(trino_conn, REALS, "real")
    assert [(v, t) for v, t in zip(REALS, got, strict=True) if t != _real_text(v)] == []

