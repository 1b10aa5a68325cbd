"""Keyed tokens are byte-identical on DuckDB, PostgreSQL, SQLite, Spark and Trino, and equal the Python
reference, for text and every non-text type of the canonical text form (maskline.dialects.canonical).

Each engine reads a typed table (Spark: a typed view; SQLite: a table with declared types, filled through the
driver as an application would) built from the same values, in a session whose time zone is not UTC, and
computes the canonical text itself plus ``hmac``, ``hash`` (full and truncated) and ``fake``. Everything is compared with Python: the canonical text with ``canonical_text``, the tokens with
``hmac_hex``/``salted_sha256_hex`` over that text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlglot import exp

from maskline.dialects import get_dialect
from maskline.dialects.canonical import TextForm, canonical_sql, canonical_text, text_form
from maskline.keys import KeyMaterial, hmac_hex, salted_sha256_hex
from maskline.methods.fake import fake_of
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression

PLUS2 = dt.timezone(dt.timedelta(hours=2))
MINUS7 = dt.timezone(dt.timedelta(hours=-7))
VALUES: dict[TextForm, list[Any]] = {
    TextForm.TEXT: ["alice@example.com", "Zoë Ångström", "", "17.50", None],
    TextForm.INTEGER: [0, 42, -7, 1234, 9007199254740993, None],
    TextForm.DECIMAL: [Decimal("17.50"), Decimal("0.00"), Decimal("-0.05"), Decimal("1234.00"), Decimal("99.99"),
                       Decimal("1000.00"), Decimal("-123456789.01"), None],
    TextForm.FLOAT: [0.0, -0.0, 17.5, 99.99, 1234.0, 0.1, 1e20, 1.5e-7, -2.5, 0.30000000000000004,
                     123456789.125, 1e16, None],
    TextForm.BOOLEAN: [True, False, None],
    TextForm.DATE: [dt.date(1987, 8, 21), dt.date(2000, 2, 29), dt.date(1969, 12, 31), None],
    TextForm.TIMESTAMP_TZ: [dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=PLUS2),
                            dt.datetime(2024, 1, 2, 3, 4, 5, 500000, tzinfo=PLUS2),
                            dt.datetime(1999, 12, 31, 23, 59, 59, 123456, tzinfo=MINUS7),
                            dt.datetime(2024, 6, 30, 12, 0, tzinfo=dt.UTC), None],
    # Trino's timestamp(6) and time(6) wrote .000000 where DuckDB and PostgreSQL write nothing: other tokens.
    TextForm.TIMESTAMP: [dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 1, 2, 3, 4, 5, 500000),
                         dt.datetime(1999, 12, 31, 23, 59, 59, 123456), dt.datetime(2024, 6, 30, 12, 0), None],
    TextForm.TIME: [dt.time(3, 4, 5), dt.time(23, 59, 59, 999999), dt.time(0, 0, 0, 500000), None],
}
# The SQL type of each form, per engine, as its users would declare it.
SQL_TYPES = {
    "duckdb": {TextForm.TEXT: "varchar", TextForm.INTEGER: "bigint", TextForm.DECIMAL: "decimal(12,2)",
               TextForm.FLOAT: "double", TextForm.BOOLEAN: "boolean", TextForm.DATE: "date",
               TextForm.TIMESTAMP_TZ: "timestamptz", TextForm.TIMESTAMP: "timestamp", TextForm.TIME: "time"},
    "postgres": {TextForm.TEXT: "text", TextForm.INTEGER: "bigint", TextForm.DECIMAL: "numeric(12,2)",
                 TextForm.FLOAT: "double precision", TextForm.BOOLEAN: "boolean", TextForm.DATE: "date",
                 TextForm.TIMESTAMP_TZ: "timestamptz", TextForm.TIMESTAMP: "timestamp", TextForm.TIME: "time"},
    "spark": {TextForm.TEXT: "string", TextForm.INTEGER: "bigint", TextForm.DECIMAL: "decimal(12,2)",
              TextForm.FLOAT: "double", TextForm.BOOLEAN: "boolean", TextForm.DATE: "date",
              TextForm.TIMESTAMP_TZ: "timestamp", TextForm.TIMESTAMP: "timestamp_ntz"},
    "sqlite": {TextForm.TEXT: "text", TextForm.INTEGER: "integer", TextForm.DECIMAL: "decimal(12,2)",
               TextForm.FLOAT: "real", TextForm.BOOLEAN: "boolean", TextForm.DATE: "date",
               TextForm.TIMESTAMP_TZ: "timestamptz"},
    "trino": {TextForm.TEXT: "varchar", TextForm.INTEGER: "bigint", TextForm.DECIMAL: "decimal(12,2)",
              TextForm.FLOAT: "double", TextForm.BOOLEAN: "boolean", TextForm.DATE: "date",
              TextForm.TIMESTAMP_TZ: "timestamp(6) with time zone", TextForm.TIMESTAMP: "timestamp(6)",
              TextForm.TIME: "time(6)"},
}
SESSION_TIME_ZONE = "Asia/Kolkata"  # not UTC, so a missing conversion to UTC would show
OUTPUTS = ("canonical", "hmac", "hmac16", "hash", "fake")


def literal(value: Any) -> str | None:
    """The value as the text of a SQL literal that every engine casts to the form's type."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def fake_name(key: KeyMaterial, text: str) -> str:
    """Python reference of ``fake`` (kind name): words picked by hex digits of the salted SHA-256."""
    return fake_of(key, text, "name")


def expected(form: TextForm, key: KeyMaterial) -> list[tuple[Any, ...]]:
    rows = []
    for v in VALUES[form]:
        if v is None:
            rows.append((None,) * len(OUTPUTS))
            continue
        text = canonical_text(v)
        rows.append((text, hmac_hex(key, text), hmac_hex(key, text, 16), salted_sha256_hex(key, text),
                     fake_name(key, text)))
    return rows


def source(engine: str, form: TextForm) -> exp.Select:
    """``SELECT i, CAST(x AS <type>) AS v FROM (VALUES ...) AS s(i, x)``: the typed rows."""
    rows = [exp.tuple_(exp.Literal.number(i), exp.Literal.string(t) if (t := literal(v)) is not None else exp.Null())
            for i, v in enumerate(VALUES[form])]
    values = exp.Values(expressions=rows, alias=exp.TableAlias(this=exp.to_identifier("s"),
                                                              columns=[exp.to_identifier("i"), exp.to_identifier("x")]))
    typed = exp.cast(exp.column("x"), exp.DataType.build(SQL_TYPES[engine][form], dialect=engine))
    return exp.select("i", exp.alias_(typed, "v")).from_(values)


def masking_select(engine: str, form: TextForm, table: str) -> exp.Select:
    d = get_dialect(engine)
    source_type = SQL_TYPES[engine][form]
    assert text_form(source_type, d.text_form_overrides) is form

    def masked(method: str, params: dict | None = None) -> exp.Expression:
        return mask_expression(exp.column("v"), method_spec(method, params or {}), d, source_type=source_type,
                               info_type="PERSON_NAME")

    v = exp.column("v")
    canonical = exp.Case(ifs=[exp.If(this=exp.Is(this=v.copy(), expression=exp.Null()), true=exp.Null())],
                         default=canonical_sql(d, v.copy(), form))
    outputs = [canonical, masked("hmac"), masked("hmac", {"length": 16}), masked("hash"),
               masked("fake", {"kind": "name"})]
    return exp.select("i", *[exp.alias_(o, n) for o, n in zip(outputs, OUTPUTS, strict=True)]).from_(
        exp.to_table(table)).order_by("i")


def rows_without_index(rows: list[Any]) -> list[tuple[Any, ...]]:
    return [tuple(r)[1:] for r in rows]


FORMS = list(VALUES)


def forms(engine: str) -> list[TextForm]:
    """The forms ``engine`` has a type of (SQLite keeps no times, Spark has no TIME type)."""
    return [f for f in FORMS if f in SQL_TYPES[engine]]


@pytest.mark.parametrize("form", forms("duckdb"), ids=[f.value for f in forms("duckdb")])
def test_duckdb_matches_the_python_reference(form: TextForm, key: KeyMaterial) -> None:
    import duckdb

    from maskline.sql.session import apply_key_setup

    con = duckdb.connect()
    try:
        con.execute(f"SET TimeZone = '{SESSION_TIME_ZONE}'")
        apply_key_setup(con, "duckdb", key)
        con.execute(f"CREATE TABLE t AS {source('duckdb', form).sql('duckdb')}")
        got = rows_without_index(con.execute(masking_select("duckdb", form, "t").sql("duckdb")).fetchall())
    finally:
        con.close()
    assert got == expected(form, key)


@pytest.mark.postgres
@pytest.mark.parametrize("form", forms("postgres"), ids=[f.value for f in forms("postgres")])
def test_postgres_matches_the_python_reference(form: TextForm, key: KeyMaterial, pg_conn) -> None:
    from maskline.sql.session import apply_key_setup

    table = f"canonical_{form.value}"
    with pg_conn.cursor() as cur:
        cur.execute(f"SET TIME ZONE '{SESSION_TIME_ZONE}'")
        cur.execute("SET DateStyle = 'SQL, DMY'")  # a plain date::text would now read 21/08/1987
        apply_key_setup(cur, "postgres", key)
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.execute(f"CREATE TABLE {table} AS {source('postgres', form).sql('postgres')}")
        cur.execute(masking_select("postgres", form, table).sql("postgres"))
        got = rows_without_index(cur.fetchall())
    assert got == expected(form, key)


@pytest.mark.parametrize("form", forms("sqlite"), ids=[f.value for f in forms("sqlite")])
def test_sqlite_matches_the_python_reference(form: TextForm, key: KeyMaterial) -> None:
    import sqlite3

    from maskline.adapters.sqlite import register_functions

    def stored(v: Any) -> Any:  # what sqlite3 is given: it has no DECIMAL, DATE or TIMESTAMP of its own
        if isinstance(v, (Decimal, dt.date)):
            return str(v) if not isinstance(v, dt.datetime) else v.isoformat(sep=" ")
        return v

    con = sqlite3.connect(":memory:")
    try:
        register_functions(con, key)
        con.execute(f"CREATE TABLE t (i INTEGER, v {SQL_TYPES['sqlite'][form]})")
        con.executemany("INSERT INTO t VALUES (?, ?)", [(i, stored(v)) for i, v in enumerate(VALUES[form])])
        got = rows_without_index(con.execute(masking_select("sqlite", form, "t").sql("sqlite")).fetchall())
    finally:
        con.close()
    assert got == expected(form, key)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("form", forms("spark"), ids=[f.value for f in forms("spark")])
def test_spark_matches_the_python_reference(form: TextForm, key: KeyMaterial, spark) -> None:
    from maskline.sql.session import key_setup

    for statement, params in key_setup("spark", key):
        spark.sql(statement, args=list(params))
    view = f"canonical_{form.value}"
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW {view} AS {source('spark', form).sql('spark')}")
    got = rows_without_index(spark.sql(masking_select("spark", form, view).sql("spark")).collect())
    assert got == expected(form, key)


@pytest.mark.trino
@pytest.mark.parametrize("form", forms("trino"), ids=[f.value for f in forms("trino")])
def test_trino_matches_the_python_reference(form: TextForm, key: KeyMaterial, trino_url: str,
                                            trino_schema: str) -> None:
    import trino

    from maskline.adapters.trino import bind_key, connect

    conn = connect(trino_url, catalog="memory", schema=trino_schema, timezone=SESSION_TIME_ZONE)
    table = f"canonical_{form.value}"
    cur = conn.cursor()
    try:
        cur.execute(f"DROP TABLE IF EXISTS {table}")
        cur.fetchall()
        cur.execute(f"CREATE TABLE {table} AS {source('trino', form).sql('trino')}")
        cur.fetchall()
        sql, params = bind_key(masking_select("trino", form, table), key)
        assert key.secret.hex() not in sql and key.secret.decode() not in sql
        cur.execute(sql, params)
        got = rows_without_index(cur.fetchall())
    except trino.exceptions.TrinoQueryError as e:  # pragma: no cover - the server's message helps here
        pytest.fail(f"Trino refused the masking SQL: {e.error_name}")
    finally:
        conn.close()
    assert got == expected(form, key)


def test_the_canonical_text_is_not_the_engines_own_cast(key: KeyMaterial) -> None:
    """Without the canonical form, a typed DECIMAL would hash its engine text (17.50) and not join with 17.5."""
    import duckdb

    con = duckdb.connect()
    try:
        raw = con.execute("SELECT CAST(CAST('17.50' AS DECIMAL(12,2)) AS VARCHAR)").fetchone()[0]
    finally:
        con.close()
    assert raw == "17.50" and canonical_text(Decimal("17.50")) == canonical_text(17.5) == "17.5"
    assert hmac_hex(key, raw) != hmac_hex(key, canonical_text(Decimal("17.50")))


def test_a_tokenized_filter_on_a_decimal_column_matches_however_the_literal_is_written(key: KeyMaterial) -> None:
    """``amount = 17.50`` and ``amount = 17.5`` name one value: both must be tokenized to the column's token."""
    import duckdb

    from maskline.policy import load_policy
    from maskline.rewrite import rewrite
    from maskline.rewrite.run import run_masked

    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT 1 AS id, CAST('17.50' AS DECIMAL(12,2)) AS amount "
                "UNION ALL SELECT 2, CAST('99.99' AS DECIMAL(12,2))")
    policy = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {
        "amount": {"info_type": "BANK_ACCOUNT", "method": {"method": "hmac"}}}}}})
    found = {}
    for literal_text in ("17.50", "17.5", "'17.500'"):
        r = rewrite(f"SELECT id FROM t WHERE amount = {literal_text}", policy, "duckdb", connection=con)
        assert r.tokenized_filters == 1
        found[literal_text] = run_masked(con, r, key).rows
    con.close()
    assert found == {"17.50": [(1,)], "17.5": [(1,)], "'17.500'": [(1,)]}
