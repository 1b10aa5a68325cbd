"""``generalize to: day`` of a DATE or TIMESTAMP column gives its DATE on every engine.

Spark's ``TRUNC(date, fmt)`` takes a year, quarter, month or week, and is NULL for ``'DAY'``: the SQL sqlglot wrote
for ``DATE_TRUNC(DAY, ...)`` on Spark made every value NULL. A DATE is its own day, so the day is the cast alone.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from sqlglot import exp

from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression

DIALECTS = ["duckdb", "postgres", "snowflake", "bigquery", "spark", "trino"]


def day_sql(dialect: str, sql_type: str = "timestamp") -> str:
    e = mask_expression(exp.column("v"), method_spec("generalize", {"to": "day"}), dialect, source_type=sql_type)
    return e.sql(dialect)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_day_of_a_date_or_timestamp_is_its_cast_to_date(dialect: str) -> None:
    for sql_type in ("date", "timestamp"):
        sql = day_sql(dialect, sql_type)
        # Spark's timestamp is an instant, whose day is its UTC day (tests/core/test_generalize_engine_parity.py)
        expected = ("CAST(TO_UTC_TIMESTAMP(v, CURRENT_TIMEZONE()) AS DATE)" if (dialect, sql_type) == ("spark", "timestamp")
                    else "CAST(v AS DATE)")
        assert sql == expected, (dialect, sql)
        assert "TRUNC" not in sql.upper()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_month_still_truncates(dialect: str) -> None:
    # Control: only the day, which needs no truncation, changed; a month is still cut to its first day.
    e = mask_expression(exp.column("v"), method_spec("generalize", {"to": "month"}), dialect, source_type="date")
    sql = e.sql(dialect).upper()
    # DuckDB and PostgreSQL cut a date by its parts (MAKE_DATE), which stays in DATE arithmetic for every date
    # (their DATE_TRUNC of a DATE goes through a timestamp, whose range is narrower).
    assert ("MAKE_DATE(" in sql and "MONTH" in sql) if dialect in ("duckdb", "postgres") else "TRUNC" in sql


def test_duckdb_gives_the_day_of_a_timestamp() -> None:
    con = duckdb.connect()
    try:
        rows = con.execute(f"SELECT {day_sql('duckdb')} FROM (SELECT TIMESTAMP '2023-11-14 22:13:20.5' AS v "
                           "UNION ALL SELECT NULL) ORDER BY 1 NULLS LAST").fetchall()
    finally:
        con.close()
    assert rows == [(dt.date(2023, 11, 14),), (None,)]


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_spark_gives_the_day_of_a_date_and_of_a_timestamp(spark) -> None:
    spark.sql("CREATE OR REPLACE TEMPORARY VIEW days AS SELECT * FROM VALUES "
              "(1, DATE '2023-11-14', TIMESTAMP '2023-11-14 22:13:20.5'), (2, NULL, NULL) AS t(i, d, ts)")
    date_sql = day_sql("spark", "date").replace("v", "d")
    ts_sql = day_sql("spark", "timestamp").replace("v", "ts")
    rows = spark.sql(f"SELECT {date_sql}, {ts_sql} FROM days ORDER BY i").collect()
    assert [tuple(r) for r in rows] == [(dt.date(2023, 11, 14), dt.date(2023, 11, 14)), (None, None)]
    # Control: what sqlglot writes for DATE_TRUNC(DAY, ...) on Spark, the SQL before the fix, is NULL.
    old = exp.cast(exp.DateTrunc(unit=exp.var("DAY"), this=exp.cast(exp.column("d"), "date")), "date").sql("spark")
    assert "TRUNC(" in old and spark.sql(f"SELECT {old} FROM days WHERE i = 1").collect()[0][0] is None
