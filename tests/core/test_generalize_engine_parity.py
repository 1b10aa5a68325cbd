"""``generalize`` gives the same value, in the column's own type, on every engine that runs here.

Two differences the method's SQL had by construction, each checked on real DuckDB, PostgreSQL, Trino and Spark:

- ``bucket:`` divided, and the division was a double (sqlglot casts PostgreSQL's, DuckDB's ``/`` is one), so a
  ``numeric(10,2)`` salary came out as ``double precision`` and a ``bigint`` or ``decimal(38,0)`` past 2**53 lost
  its last digits (``9007199254740993`` bucketed by 1 gave ``9007199254740992``);
- ``to:`` on a ``timestamp with time zone`` cast the instant to a date in the *session's* time zone, so one
  instant fell in two days, months or years on two engines (or two sessions of one engine).

The controls (a ``double`` column's bucket, a ``timestamp`` without a time zone) held before and hold still.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, localcontext

import duckdb
import pytest
from sqlglot import exp

from maskline.dialects import get_dialect
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression

# (id, width, {engine: source type}, values as text): expected = floor(value / width) * width, exactly.
BUCKETS = [
    ("numeric_salary", 1000, {"duckdb": "decimal(10,2)", "postgres": "numeric(10,2)", "trino": "decimal(10,2)",
                              "spark": "decimal(10,2)"}, ["12345.67", "-0.01", "99999990.00", "0.00", None]),
    ("bigint_past_2_53", 1, dict.fromkeys(("duckdb", "postgres", "trino", "spark"), "bigint"),
     ["9007199254740993", "-9007199254740993", "7", None]),
    ("bigint_by_ten", 10, dict.fromkeys(("duckdb", "postgres", "trino", "spark"), "bigint"),
     ["9007199254740995", "-9007199254740995", None]),
    ("integer", 10, {"duckdb": "integer", "postgres": "integer", "trino": "integer", "spark": "int"},
     ["-7", "42", "2147483640", None]),
    ("smallint", 100, dict.fromkeys(("duckdb", "postgres", "trino", "spark"), "smallint"), ["-7", "32767", None]),
    ("decimal_38_0", 10, dict.fromkeys(("duckdb", "postgres", "trino", "spark"), "decimal(38,0)"),
     ["12345678901234567890123456789012345671", "-1", None]),
]
# Control: a double column is bucketed as a double, as before (its value is a double already).
DOUBLE_BUCKET = ("double_control", 10, {"duckdb": "double", "postgres": "double precision", "trino": "double",
                                        "spark": "double"}, ["37.5", "-0.5", None])


def _floor(value: str | None, width: int) -> Decimal | None:
    if value is None:
        return None
    with localcontext() as context:
        context.prec = 80  # decimal(38,0) values are past the default 28 digits
        d = Decimal(value)
        return (d // width - (1 if d % width and d < 0 else 0)) * width


def _masked(engine: str, source_type: str, params: dict) -> str:
    # Printed as maskline prints it: DuckDB's and Trino's calls pinned to their built-ins (system.main, system.builtin)
    return mask_expression(exp.column("v"), method_spec("generalize", params), engine,
                           source_type=source_type).sql(get_dialect(engine).sqlglot_name)


def _literal_rows(engine: str, source_type: str, values: list) -> str:
    """``SELECT i, CAST(x AS type) AS v FROM (VALUES ...)``, the values typed on the engine itself."""
    rows = [exp.tuple_(exp.Literal.number(i), exp.Literal.string(v) if v is not None else exp.Null())
            for i, v in enumerate(values)]
    values_ = exp.Values(expressions=rows, alias=exp.TableAlias(
        this=exp.to_identifier("s"), columns=[exp.to_identifier("i"), exp.to_identifier("x")]))
    typed = exp.cast(exp.column("x"), exp.DataType.build(source_type, dialect=engine))
    return exp.select("i", exp.alias_(typed, "v")).from_(values_).sql(engine)


def _duckdb(source_type: str, values: list, params: dict, timezone: str = "UTC") -> tuple[list, list[str]]:
    con = duckdb.connect()
    con.execute(f"SET TimeZone = '{timezone}'")
    con.execute(f"CREATE TABLE t AS {_literal_rows('duckdb', source_type, values)}")
    select = f"SELECT v AS src, {_masked('duckdb', source_type, params)} AS out FROM t ORDER BY i"
    types = [r[1].lower() for r in con.execute(f"DESCRIBE {select}").fetchall()]
    return [r[1] for r in con.execute(select).fetchall()], types


def _postgres(pg_conn, source_type: str, values: list, params: dict, timezone: str = "UTC") -> tuple[list, list]:
    with pg_conn.cursor() as cur:
        cur.execute(f"SET TIME ZONE '{timezone}'")
        cur.execute("DROP TABLE IF EXISTS parity_in, parity_out")
        cur.execute(f"CREATE TABLE parity_in AS {_literal_rows('postgres', source_type, values)}")
        cur.execute(f"CREATE TABLE parity_out AS SELECT i, v AS src, {_masked('postgres', source_type, params)} "
                    "AS out FROM parity_in")
        # format_type keeps the modifiers (numeric(10,2)), which pg_typeof drops
        cur.execute("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                    "'parity_out'::regclass AND attname IN ('src', 'out') ORDER BY attnum")
        types = [r[0] for r in cur.fetchall()]
        cur.execute("SELECT out FROM parity_out ORDER BY i")
        out = [r[0] for r in cur.fetchall()]
        cur.execute("DROP TABLE parity_in, parity_out")
        cur.execute("RESET TIME ZONE")
    return out, types


def _trino(conn, source_type: str, values: list, params: dict) -> tuple[list, list]:
    cur = conn.cursor()
    cur.execute(f"SELECT v, {_masked('trino', source_type, params)}, typeof(v), "
                f"typeof({_masked('trino', source_type, params)}) "
                f"FROM ({_literal_rows('trino', source_type, values)}) AS t ORDER BY i")
    rows = cur.fetchall()
    return [r[1] for r in rows], [rows[0][2], rows[0][3]]


def _spark(spark, source_type: str, values: list, params: dict) -> tuple[list, list]:
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW parity_t AS {_literal_rows('spark', source_type, values)}")
    rows = spark.sql(f"SELECT {_masked('spark', source_type, params)} AS out, typeof(v) AS src_type, "
                     f"typeof({_masked('spark', source_type, params)}) AS out_type FROM parity_t ORDER BY i").collect()
    return [r[0] for r in rows], [rows[0][1], rows[0][2]]


def _check_bucket(case: tuple, engine: str, out: list, types: list) -> None:
    name, width, _, values = case
    expected = [_floor(v, width) for v in values]
    # Exact: a Decimal or int equals the Decimal expected, a double rounded past 2**53 does not.
    assert [None if o is None else Decimal(str(o)) if isinstance(o, float) else Decimal(o) for o in out] == \
        expected, f"{name} on {engine}: {out}"
    assert types[1] == types[0], f"{name} on {engine}: the masked column is {types[1]}, its source {types[0]}"


@pytest.mark.parametrize("case", [*BUCKETS, DOUBLE_BUCKET], ids=lambda c: c[0])
def test_bucket_keeps_the_type_and_the_exact_value_on_duckdb(case) -> None:
    out, types = _duckdb(case[2]["duckdb"], case[3], {"bucket": case[1]})
    _check_bucket(case, "duckdb", out, types)


@pytest.mark.postgres
@pytest.mark.parametrize("case", [*BUCKETS, DOUBLE_BUCKET], ids=lambda c: c[0])
def test_bucket_keeps_the_type_and_the_exact_value_on_postgres(case, pg_conn) -> None:
    out, types = _postgres(pg_conn, case[2]["postgres"], case[3], {"bucket": case[1]})
    _check_bucket(case, "postgres", out, types)


@pytest.mark.trino
@pytest.mark.parametrize("case", [*BUCKETS, DOUBLE_BUCKET], ids=lambda c: c[0])
def test_bucket_keeps_the_type_and_the_exact_value_on_trino(case, trino_conn) -> None:
    out, types = _trino(trino_conn, case[2]["trino"], case[3], {"bucket": case[1]})
    _check_bucket(case, "trino", out, types)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("case", [*BUCKETS, DOUBLE_BUCKET], ids=lambda c: c[0])
def test_bucket_keeps_the_type_and_the_exact_value_on_spark(case, spark) -> None:
    out, types = _spark(spark, case[2]["spark"], case[3], {"bucket": case[1]})
    _check_bucket(case, "spark", out, types)


# Instants whose day differs between UTC and the sessions' zones below (New York, Tokyo, Auckland, Kolkata).
# The last is written with an offset of its own, which Trino keeps with the value (its cast read that day).
INSTANTS = ["2024-03-01 02:00:00+00:00", "2023-12-31 20:00:00+00:00", None, "2024-03-01 03:00:00+05:00"]
UTC_DAYS = {"year": [dt.date(2024, 1, 1), dt.date(2023, 1, 1), None, dt.date(2024, 1, 1)],
            "month": [dt.date(2024, 3, 1), dt.date(2023, 12, 1), None, dt.date(2024, 2, 1)],
            "day": [dt.date(2024, 3, 1), dt.date(2023, 12, 31), None, dt.date(2024, 2, 29)]}
# Control: a timestamp without a time zone is a wall clock, the same day in every session (as before).
WALL_CLOCKS = ["2024-02-29 23:30:00", "2023-12-31 23:59:59", None]
WALL_DAYS = {"year": [dt.date(2024, 1, 1), dt.date(2023, 1, 1), None],
             "month": [dt.date(2024, 2, 1), dt.date(2023, 12, 1), None],
             "day": [dt.date(2024, 2, 29), dt.date(2023, 12, 31), None]}
UNITS = ["year", "month", "day"]
TZ_TYPES = {"duckdb": "timestamp with time zone", "postgres": "timestamp with time zone",
            "trino": "timestamp(3) with time zone", "spark": "timestamp"}  # Spark's timestamp is an instant
WALL_TYPES = {"duckdb": "timestamp", "postgres": "timestamp without time zone", "trino": "timestamp(3)",
              "spark": "timestamp_ntz"}


@pytest.mark.parametrize("unit", UNITS)
def test_an_instant_falls_in_its_utc_day_on_duckdb_whatever_the_session_zone(unit: str) -> None:
    out, _ = _duckdb(TZ_TYPES["duckdb"], INSTANTS, {"to": unit}, timezone="America/New_York")
    assert out == UTC_DAYS[unit]
    out, _ = _duckdb(WALL_TYPES["duckdb"], WALL_CLOCKS, {"to": unit}, timezone="America/New_York")
    assert out == WALL_DAYS[unit]


@pytest.mark.postgres
@pytest.mark.parametrize("unit", UNITS)
def test_an_instant_falls_in_its_utc_day_on_postgres_whatever_the_session_zone(unit: str, pg_conn) -> None:
    out, types = _postgres(pg_conn, TZ_TYPES["postgres"], INSTANTS, {"to": unit}, timezone="Asia/Tokyo")
    assert out == UTC_DAYS[unit]
    assert types[1] == "date"
    out, _ = _postgres(pg_conn, WALL_TYPES["postgres"], WALL_CLOCKS, {"to": unit}, timezone="Asia/Tokyo")
    assert out == WALL_DAYS[unit]


@pytest.mark.trino
@pytest.mark.parametrize("unit", UNITS)
def test_an_instant_falls_in_its_utc_day_on_trino_whatever_the_session_zone(unit: str, trino_url: str,
                                                                            trino_schema: str) -> None:
    from maskline.adapters.trino import connect

    conn = connect(trino_url, catalog="memory", schema=trino_schema, timezone="Pacific/Auckland")
    try:
        out, types = _trino(conn, TZ_TYPES["trino"], INSTANTS, {"to": unit})
        assert out == UTC_DAYS[unit]
        assert types[1] == "date"
        out, _ = _trino(conn, WALL_TYPES["trino"], WALL_CLOCKS, {"to": unit})
        assert out == WALL_DAYS[unit]
    finally:
        conn.close()


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("unit", UNITS)
def test_an_instant_falls_in_its_utc_day_on_spark_whatever_the_session_zone(unit: str, spark) -> None:
    # The suite's Spark session reads timestamps in Asia/Kolkata (tests/conftest.py).
    out, types = _spark(spark, TZ_TYPES["spark"], INSTANTS, {"to": unit})
    assert out == UTC_DAYS[unit]
    assert types[1] == "date"
    out, _ = _spark(spark, WALL_TYPES["spark"], WALL_CLOCKS, {"to": unit})
    assert out == WALL_DAYS[unit]


# Text holding numbers (a CSV column, a VARCHAR amount): bucketed, NULL where a value is not a number. DuckDB bound
# no arithmetic on VARCHAR, so its query failed whole where the other engines gave these. The bucket stays text, its
# digits alike on every engine (maskline.methods.generalize.bucket_text): a double in a text column's place made a
# role-aware view's CASE of the raw text and the bucket fail for every reader and value.
NUMBER_TEXTS = ["42", "-7", " 37.5 ", "1e3", "abc", "", None]
NUMBER_TEXT_BUCKETS = ["40", "-10", "30", "1000", None, None, None]

def test_bucket_of_number_text_on_duckdb() -> None:
    assert _duckdb("varchar", NUMBER_TEXTS, {"bucket": 10})[0] == NUMBER_TEXT_BUCKETS


@pytest.mark.postgres
def test_bucket_of_number_text_on_postgres(pg_conn) -> None:
    assert _postgres(pg_conn, "text", NUMBER_TEXTS, {"bucket": 10})[0] == NUMBER_TEXT_BUCKETS


@pytest.mark.trino
def test_bucket_of_number_text_on_trino(trino_conn) -> None:
    assert _trino(trino_conn, "varchar", NUMBER_TEXTS, {"bucket": 10})[0] == NUMBER_TEXT_BUCKETS


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_bucket_of_number_text_on_spark(spark) -> None:
    assert _spark(spark, "string", NUMBER_TEXTS, {"bucket": 10})[0] == NUMBER_TEXT_BUCKETS


# Text dates: the date written first, with or without a time after it, as PostgreSQL reads them. Trino's TRY_CAST
# to DATE took a bare date only, so a text timestamp generalized to NULL there and to its day everywhere else.
DATE_TEXTS = ["2024-03-01", "2024-03-01 10:00:00", "2024-03-01T23:00:00-05:00", " 2024-03-01 ", "2024-02-30",
              "01.03.2024", "", None]
DATE_TEXT_OUT = {"day": ["2024-03-01"] * 4 + [None] * 4, "month": ["2024-03"] * 4 + [None] * 4}


@pytest.mark.parametrize("unit", sorted(DATE_TEXT_OUT))
def test_text_dates_with_a_time_on_duckdb(unit: str) -> None:
    assert _duckdb("varchar", DATE_TEXTS, {"to": unit})[0] == DATE_TEXT_OUT[unit]


@pytest.mark.postgres
@pytest.mark.parametrize("unit", sorted(DATE_TEXT_OUT))
def test_text_dates_with_a_time_on_postgres(unit: str, pg_conn) -> None:
    assert _postgres(pg_conn, "text", DATE_TEXTS, {"to": unit})[0] == DATE_TEXT_OUT[unit]


@pytest.mark.trino
@pytest.mark.parametrize("unit", sorted(DATE_TEXT_OUT))
def test_text_dates_with_a_time_on_trino(unit: str, trino_conn) -> None:
    assert _trino(trino_conn, "varchar", DATE_TEXTS, {"to": unit})[0] == DATE_TEXT_OUT[unit]


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("unit", sorted(DATE_TEXT_OUT))
def test_text_dates_with_a_time_on_spark(unit: str, spark) -> None:
    assert _spark(spark, "string", DATE_TEXTS, {"to": unit})[0] == DATE_TEXT_OUT[unit]
