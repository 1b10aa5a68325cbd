"""generalize over text that holds no date or number gives NULL, never a cast error: engines quote the value
that failed a cast in the error (PostgreSQL, Spark 4 in ANSI mode), and that text reaches dbt's stdout,
run_results.json, dbt.log and task logs. Each engine's control shows the plain cast really quotes it."""

from __future__ import annotations

import pytest
from sqlglot import exp

from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression

CANARY = "zq.canary7731@mailinator-zz.test"
VALUES = (CANARY, "1985-03-14", "12.5")
CASES = [({"bucket": 10}, None), ({"bucket": 10}, "text"), ({"to": "month"}, None), ({"to": "month"}, "text"),
         ({"to": "day"}, None), ({"to": "day"}, "text")]


def _sql(params: dict, source_type: str | None, dialect: str) -> str:
    return mask_expression(exp.column("v"), method_spec("generalize", params), dialect,
                           source_type=source_type).sql(dialect)


@pytest.mark.parametrize(("params", "source_type"), CASES)
def test_postgres_generalize_of_text_is_null_where_a_cast_would_fail(pg_conn, params, source_type) -> None:
    rows = " UNION ALL ".join(f"SELECT {i} AS i, CAST(%s AS TEXT) AS v" for i in range(len(VALUES)))
    with pg_conn.cursor() as cur:
        cur.execute(f"SELECT i, {_sql(params, source_type, 'postgres')} FROM ({rows}) AS t ORDER BY i", VALUES)
        got = [r[1] for r in cur.fetchall()]
    assert got[0] is None  # the canary: NULL, and no error quoting it
    assert _parsed(got) == _expected(params)


def _parsed(got: list) -> list[bool]:
    return [v is not None for v in got]


def _expected(params: dict) -> list[bool]:
    """Which of VALUES still generalize: the number under bucket, the ISO date under to."""
    return [False, False, True] if "bucket" in params else [False, True, False]


def test_postgres_control_a_plain_cast_quotes_the_value(pg_conn) -> None:
    import psycopg2

    with pg_conn.cursor() as cur, pytest.raises(psycopg2.Error) as err:
        cur.execute("SELECT CAST(v AS DOUBLE PRECISION) FROM (SELECT CAST(%s AS TEXT) AS v) AS t", (CANARY,))
    assert CANARY in str(err.value)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize(("params", "source_type"), CASES)
def test_spark_generalize_of_text_is_null_where_an_ansi_cast_would_fail(spark, params, source_type) -> None:
    rows = " UNION ALL ".join(f"SELECT {i} AS i, '{v}' AS v" for i, v in enumerate(VALUES))
    got = [r[1] for r in spark.sql(f"SELECT i, {_sql(params, source_type, 'spark')} FROM ({rows}) ORDER BY i").collect()]
    assert got[0] is None
    assert _parsed(got) == _expected(params)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_spark_control_an_ansi_cast_quotes_the_value(spark) -> None:
    assert spark.conf.get("spark.sql.ansi.enabled") == "true"
    with pytest.raises(Exception) as err:
        spark.sql(f"SELECT CAST(v AS DATE) FROM (SELECT '{CANARY}' AS v)").collect()
    assert CANARY in str(err.value)


@pytest.mark.trino
@pytest.mark.parametrize(("params", "source_type"), CASES)
def test_trino_generalize_of_text_is_null_where_a_cast_would_fail(trino_conn, params, source_type) -> None:
    rows = ", ".join(f"({i}, '{v}')" for i, v in enumerate(VALUES))
    cur = trino_conn.cursor()
    cur.execute(f"SELECT i, {_sql(params, source_type, 'trino')} FROM (VALUES {rows}) AS t(i, v) ORDER BY i")
    got = [r[1] for r in cur.fetchall()]
    assert got[0] is None
    assert _parsed(got) == _expected(params)


@pytest.mark.trino
def test_trino_control_a_plain_cast_quotes_the_value(trino_conn) -> None:
    cur = trino_conn.cursor()
    with pytest.raises(Exception) as err:
        cur.execute(f"SELECT FLOOR(CAST(v AS DOUBLE) / 10) * 10 FROM (VALUES '{CANARY}') AS t(v)")
        cur.fetchall()
    assert CANARY in str(err.value)


@pytest.mark.parametrize(("params", "source_type"), CASES)
def test_snowflake_generalize_of_text_casts_only_with_try_cast(params, source_type) -> None:
    """No Snowflake server runs here, so the SQL is checked: every conversion of the value is a TRY_CAST of text
    (Snowflake's plain casts quote a value they cannot convert; its TRY_CAST takes text only)."""
    tree = exp.maybe_parse(_sql(params, source_type, "snowflake"), dialect="snowflake")
    casts = list(tree.find_all(exp.Cast))
    tried = [c for c in casts if isinstance(c, exp.TryCast)]
    assert tried, "a conversion of the value is tried"
    for c in casts:  # a plain cast only makes text (the operand of a TRY_CAST) or converts what was tried
        assert isinstance(c, exp.TryCast) or c.to.is_type("varchar", "text") or c.find(exp.TryCast) is not None
    for t in tried:
        assert isinstance(t.this, exp.Cast) and t.this.to.is_type("varchar")
    arithmetic = list(tree.find_all(exp.Div))
    for d in arithmetic:  # bucket divides a tried number, never the raw text
        assert d.this.find(exp.TryCast) is not None


def test_snowflake_control_the_base_dialect_would_cast_plainly() -> None:
    """Without the Snowflake overrides, sqlglot writes the tried conversion as a plain CAST (which quotes a value)."""
    from maskline.dialects.base import Dialect

    plain = exp.TryCast(this=exp.column("v"), to=exp.DataType.build("date"))
    assert plain.sql("snowflake") == "CAST(v AS DATE)"
    assert Dialect().try_number(exp.column("v")).sql("snowflake") == "v"
