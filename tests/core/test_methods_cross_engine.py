"""Every method gives the same values on real DuckDB and real PostgreSQL, and keyed tokens match Python."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest
from sqlglot import exp

from maskline.dialects import KeyMode
from maskline.keys import hmac_hex, salted_sha256_hex
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression
from maskline.sql.session import apply_key_setup
from tests.core.cases import CASES, SQL_TYPES, VALUES


def _norm(v: object) -> object:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    if isinstance(v, (Decimal, float)):
        return float(v)
    return v


def _expr(case: tuple, dialect: str) -> str:
    _, method, params, kind = case
    e = mask_expression(exp.column("v"), method_spec(method, params), dialect, source_type=SQL_TYPES[kind],
                        info_type="PERSON_NAME" if method == "fake" else None)
    return e.sql(dialect)


def _duckdb_values(case: tuple, key) -> list:
    kind = case[3]
    con = duckdb.connect()
    apply_key_setup(con, "duckdb", key)
    con.execute(f"CREATE TABLE t (i INTEGER, v {SQL_TYPES[kind]})")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(VALUES[kind])))
    return [_norm(r[0]) for r in con.execute(f"SELECT {_expr(case, 'duckdb')} FROM t ORDER BY i").fetchall()]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_null_stays_null_and_values_change_on_duckdb(case, key) -> None:
    kind, method = case[3], case[1]
    out = _duckdb_values(case, key)
    for raw, masked in zip(VALUES[kind], out, strict=True):
        if raw is None or method == "null":
            assert masked is None
        elif method not in ("scrub", "generalize") and raw != "":
            # scrub only rewrites PII spans; generalize may keep a value that is already coarse
            assert masked != raw, f"{case[0]} left a value unchanged"
    if case[1] in ("partial", "char_mask"):
        assert [len(v) if v is not None else None for v in out] == [
            len(v) if v is not None else None for v in VALUES[kind]], "length must be preserved"


def test_hmac_tokens_match_python_on_duckdb(key) -> None:
    out = _duckdb_values(("hmac", "hmac", {}, "text"), key)
    assert out == [hmac_hex(key, v) if v is not None else None for v in VALUES["text"]]
    out = _duckdb_values(("hash", "hash", {}, "text"), key)
    assert out == [salted_sha256_hex(key, v) if v is not None else None for v in VALUES["text"]]


def test_a_full_block_key_gives_the_python_token_and_longer_keys_are_refused() -> None:
    from maskline.errors import KeyMissingError
    from maskline.keys import KeyMaterial

    block_key = KeyMaterial(b"k" * 64)  # the longest key every engine and the dbt macros support
    out = _duckdb_values(("hmac", "hmac", {}, "text"), block_key)
    assert out[0] == hmac_hex(block_key, VALUES["text"][0])
    with pytest.raises(KeyMissingError, match="too long: 100 bytes"):
        KeyMaterial(b"k" * 100)


@pytest.mark.postgres
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_postgres_gives_identical_values(case, key, pg_conn) -> None:
    kind = case[3]
    with pg_conn.cursor() as cur:
        apply_key_setup(cur, "postgres", key)
        cur.execute("DROP TABLE IF EXISTS t")
        cur.execute(f"CREATE TABLE t (i INTEGER, v {SQL_TYPES[kind].replace('varchar', 'text')})")
        cur.executemany("INSERT INTO t VALUES (%s, %s)", list(enumerate(VALUES[kind])))
        cur.execute(f"SELECT {_expr(case, 'postgres')} FROM t ORDER BY i")
        pg = [_norm(r[0]) for r in cur.fetchall()]
    assert pg == _duckdb_values(case, key)


@pytest.mark.postgres
def test_postgres_tokens_match_pgcrypto_hmac(key, pg_conn) -> None:
    with pg_conn.cursor() as cur:
        cur.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
        apply_key_setup(cur, "postgres", key)
        e = mask_expression(exp.column("v"), method_spec("hmac"), "postgres", source_type="text").sql("postgres")
        cur.execute(f"SELECT {e}, encode(hmac(v, %s, 'sha256'), 'hex') FROM (SELECT 'alice@example.com'::text AS v) s",
                    (key.secret.decode(),))
        ours, pgcrypto = cur.fetchone()
    assert ours == pgcrypto == hmac_hex(key, "alice@example.com")


def _key_texts(key) -> list[str]:
    """Every form in which key material could be written into SQL text (any case)."""
    forms = [key.secret.decode(), key.secret.hex(), key.inner_pad().hex(), key.outer_pad().hex()]
    return [f.lower() for f in forms]


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "snowflake", "bigquery", "spark", "trino"])
def test_masking_sql_text_never_contains_the_key(key, dialect: str) -> None:
    # The compiler is handed the key, so the test fails if session mode ever wrote it into the text.
    for name in ("hmac", "hash", "fake"):
        sql = mask_expression(exp.column("v"), method_spec(name), dialect, key=key).sql(dialect).lower()
        assert not [k for k in _key_texts(key) if k in sql], (dialect, name)


def test_the_key_check_above_can_fail(key) -> None:
    """Negative control: with the key inlined (literal mode, for in-process engines only) the check finds it."""
    sql = mask_expression(exp.column("v"), method_spec("hmac"), "duckdb", key_mode=KeyMode.LITERAL,
                          key=key).sql("duckdb").lower()
    assert [k for k in _key_texts(key) if k in sql]


SPARK_TYPES = {"text": "string", "integer": "int", "date": "date", "numeric": "decimal(12,2)"}
TRINO_TYPES = {"text": "varchar", "integer": "integer", "date": "date", "numeric": "decimal(12,2)"}


def _typed_rows(case: tuple, dialect: str, sql_type: str) -> str:
    """``SELECT i, CAST(x AS <type>) AS v FROM (VALUES ...)``: the case's values as a typed relation."""
    kind = case[3]
    rows = [exp.tuple_(exp.Literal.number(i), exp.Literal.string(str(v)) if v is not None else exp.Null())
            for i, v in enumerate(VALUES[kind])]
    values = exp.Values(expressions=rows, alias=exp.TableAlias(
        this=exp.to_identifier("s"), columns=[exp.to_identifier("i"), exp.to_identifier("x")]))
    typed = exp.cast(exp.column("x"), exp.DataType.build(sql_type, dialect=dialect))
    return exp.select("i", exp.alias_(typed, "v")).from_(values).sql(dialect)


def _with_type(case: tuple, dialect: str, sql_type: str) -> str:
    _, method, params, _ = case
    e = mask_expression(exp.column("v"), method_spec(method, params), dialect, source_type=sql_type,
                        info_type="PERSON_NAME" if method == "fake" else None)
    return e.sql(dialect)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_spark_gives_identical_values(case, key, spark) -> None:
    from maskline.sql.session import key_setup

    for statement, params in key_setup("spark", key):
        spark.sql(statement, args=list(params))
    sql_type = SPARK_TYPES[case[3]]
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW t AS {_typed_rows(case, 'spark', sql_type)}")
    rows = spark.sql(f"SELECT {_with_type(case, 'spark', sql_type)} FROM t ORDER BY i").collect()
    assert [_norm(r[0]) for r in rows] == _duckdb_values(case, key)


@pytest.mark.trino
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_trino_gives_identical_values(case, key, trino_conn) -> None:
    from maskline.adapters.trino import bind_key

    sql_type = TRINO_TYPES[case[3]]
    cur = trino_conn.cursor()
    select = sqlglot_parse(f"SELECT {_with_type(case, 'trino', sql_type)} FROM ({_typed_rows(case, 'trino', sql_type)}) "
                           "AS t ORDER BY i")
    sql, params = bind_key(select, key)
    cur.execute(sql, params) if params else cur.execute(sql)
    assert [_norm(r[0]) for r in cur.fetchall()] == _duckdb_values(case, key)


def sqlglot_parse(sql: str) -> exp.Expression:
    import sqlglot

    return sqlglot.parse_one(sql, read="trino")
