"""A keyed token (``hmac``, ``hash``) is the same on every engine here, and the same as Python's, for one value.

Binary columns (PostgreSQL ``bytea``, DuckDB ``BLOB``, Trino ``varbinary``, Spark ``binary``) hashed each engine's
own text of the bytes: ``\\x616e6e00`` on PostgreSQL, ``ann\\x00`` on DuckDB, and Trino refused the cast, so one
value had two tokens and no token on a third engine. Their canonical text is now the bytes' lower-case hex
(:mod:`maskline.dialects.canonical`), on every engine.

Text is hashed as the exact characters stored, with no normalisation (the controls below, which held before):
NFC ``Zoë`` and NFD ``Zoë`` are two values, as are ``Ann@X.com`` and ``ann@x.com``, and a trailing or leading
space is part of the value; a ``char(n)`` column's padding is not (PostgreSQL's text of it has none, and Trino's is
trimmed to match: tests/rewrite/test_trino_builtins.py). Every engine applies that same rule, so tokens agree.
"""

from __future__ import annotations

import duckdb
import pytest
from sqlglot import exp, parse_one

from maskline.dialects import get_dialect
from maskline.keys import hmac_hex, salted_sha256_hex
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression
from maskline.sql.session import apply_key_setup

BYTES = [b"ann\x00", b"\xff\xfe\x00\x01", b"", None, bytes(range(256)) * 300]  # the last is 76,800 bytes
BINARY_TYPES = {"duckdb": "blob", "postgres": "bytea", "trino": "varbinary", "spark": "binary"}
TEXTS = ["Zo\u00eb", "Zoe\u0308", "Ann@X.com", "ann@x.com", "ann@x.com ", " ann@x.com", "", "   ", None,
         "\u00e9" * 40_000]  # the last is 80,000 bytes of UTF-8, past 64 KB
TEXT_TYPES = {"duckdb": "varchar", "postgres": "text", "trino": "varchar", "spark": "string"}
METHODS = {"hmac": hmac_hex, "hash": salted_sha256_hex}


def _sql(engine: str, method: str, source_type: str) -> str:
    return mask_expression(exp.column("v"), method_spec(method), engine,
                           source_type=source_type).sql(get_dialect(engine).sqlglot_name)


def _expected(method: str, key, values: list) -> list:
    token = METHODS[method]
    return [None if v is None else token(key, v.hex() if isinstance(v, bytes) else v) for v in values]


def _literal(engine: str, v: bytes | str | None) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, bytes):
        return {"trino": f"X'{v.hex()}'", "spark": f"unhex('{v.hex()}')"}[engine]
    return "'" + v.replace("'", "''") + "'"


def _values_sql(engine: str, values: list, source_type: str) -> str:
    rows = ", ".join(f"({i}, CAST({_literal(engine, v)} AS {source_type}))" for i, v in enumerate(values))
    return f"SELECT * FROM (VALUES {rows}) AS s(i, v)"


def _duckdb(method: str, key, values: list, source_type: str) -> list:
    con = duckdb.connect()
    apply_key_setup(con, "duckdb", key)
    con.execute(f"CREATE TABLE t (i INTEGER, v {source_type})")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    return [r[0] for r in con.execute(f"SELECT {_sql('duckdb', method, source_type)} FROM t ORDER BY i").fetchall()]


def _postgres(pg_conn, method: str, key, values: list, source_type: str) -> list:
    import psycopg2

    with pg_conn.cursor() as cur:
        apply_key_setup(cur, "postgres", key)
        cur.execute("DROP TABLE IF EXISTS token_parity")
        cur.execute(f"CREATE TABLE token_parity (i integer, v {source_type})")
        cur.executemany("INSERT INTO token_parity VALUES (%s, %s)",
                        [(i, psycopg2.Binary(v) if isinstance(v, bytes) else v) for i, v in enumerate(values)])
        cur.execute(f"SELECT {_sql('postgres', method, source_type)} FROM token_parity ORDER BY i")
        out = [r[0] for r in cur.fetchall()]
        cur.execute("DROP TABLE token_parity")
    return out


def _trino(conn, method: str, key, values: list, source_type: str) -> list:
    from maskline.adapters.trino import bind_key

    select = parse_one(f"SELECT {_sql('trino', method, source_type)} FROM ({_values_sql('trino', values, source_type)})"
                       " AS t ORDER BY i", read=get_dialect("trino").sqlglot_name)
    sql, params = bind_key(select, key)
    cur = conn.cursor()
    cur.execute(sql, params) if params else cur.execute(sql)
    return [r[0] for r in cur.fetchall()]


def _spark(spark, method: str, key, values: list, source_type: str) -> list:
    from maskline.sql.session import key_setup

    for statement, params in key_setup("spark", key):
        spark.sql(statement, args=list(params))
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW token_parity AS {_values_sql('spark', values, source_type)}")
    return [r[0] for r in spark.sql(f"SELECT {_sql('spark', method, source_type)} FROM token_parity ORDER BY i")
            .collect()]


@pytest.mark.parametrize("method", METHODS)
def test_binary_tokens_are_the_tokens_of_their_hex_on_duckdb(method: str, key) -> None:
    assert _duckdb(method, key, BYTES, BINARY_TYPES["duckdb"]) == _expected(method, key, BYTES)


@pytest.mark.postgres
@pytest.mark.parametrize("method", METHODS)
def test_binary_tokens_are_the_tokens_of_their_hex_on_postgres(method: str, key, pg_conn) -> None:
    assert _postgres(pg_conn, method, key, BYTES, BINARY_TYPES["postgres"]) == _expected(method, key, BYTES)


@pytest.mark.trino
@pytest.mark.parametrize("method", METHODS)
def test_binary_tokens_are_the_tokens_of_their_hex_on_trino(method: str, key, trino_conn) -> None:
    assert _trino(trino_conn, method, key, BYTES, BINARY_TYPES["trino"]) == _expected(method, key, BYTES)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("method", METHODS)
def test_binary_tokens_are_the_tokens_of_their_hex_on_spark(method: str, key, spark) -> None:
    assert _spark(spark, method, key, BYTES, BINARY_TYPES["spark"]) == _expected(method, key, BYTES)


# Controls: text is hashed as stored, on every engine (held before this change).
@pytest.mark.parametrize("method", METHODS)
def test_text_tokens_are_of_the_exact_characters_on_duckdb(method: str, key) -> None:
    out = _duckdb(method, key, TEXTS, TEXT_TYPES["duckdb"])
    assert out == _expected(method, key, TEXTS)
    assert out[0] != out[1] and out[2] != out[3] and out[3] != out[4]  # NFC/NFD, case, a trailing space


@pytest.mark.postgres
@pytest.mark.parametrize("method", METHODS)
def test_text_tokens_are_of_the_exact_characters_on_postgres(method: str, key, pg_conn) -> None:
    assert _postgres(pg_conn, method, key, TEXTS, TEXT_TYPES["postgres"]) == _expected(method, key, TEXTS)
    # char(n): the padding is the type's, not the value's
    padded = ["ann@x.com", None]
    assert _postgres(pg_conn, method, key, padded, "char(12)") == _expected(method, key, padded)


@pytest.mark.trino
@pytest.mark.parametrize("method", METHODS)
def test_text_tokens_are_of_the_exact_characters_on_trino(method: str, key, trino_conn) -> None:
    assert _trino(trino_conn, method, key, TEXTS, TEXT_TYPES["trino"]) == _expected(method, key, TEXTS)
    padded = ["ann@x.com", None]
    assert _trino(trino_conn, method, key, padded, "char(12)") == _expected(method, key, padded)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("method", METHODS)
def test_text_tokens_are_of_the_exact_characters_on_spark(method: str, key, spark) -> None:
    assert _spark(spark, method, key, TEXTS, TEXT_TYPES["spark"]) == _expected(method, key, TEXTS)


@pytest.mark.trino
@pytest.mark.parametrize("method", METHODS)
def test_a_json_column_on_trino_is_hashed_as_its_json_text(method: str, key, trino_conn) -> None:
    """Trino's cast of a JSON document to varchar fails, and its error quotes the document (``Cannot cast
    '{"email":"ann@x.com"}' to varchar``): the masking query failed with the raw value in the engine's error. The
    document is hashed as Trino's own JSON text of it (``json_format``); JSON tokens are each engine's text of the
    document (PostgreSQL's jsonb reorders keys), so they are not promised to join across engines."""
    from maskline.adapters.trino import bind_key

    doc = '{"email": "ann@x.com", "tags": ["a", "b"], "n": 1}'
    cur = trino_conn.cursor()
    cur.execute(f"SELECT json_format(json_parse('{doc}'))")
    (text,) = cur.fetchone()
    select = parse_one(f"SELECT {_sql('trino', method, 'json')} FROM (SELECT json_parse('{doc}') AS v "
                       "UNION ALL SELECT CAST(NULL AS json)) AS t ORDER BY 1 NULLS LAST",
                       read=get_dialect("trino").sqlglot_name)
    sql, params = bind_key(select, key)
    cur.execute(sql, params) if params else cur.execute(sql)
    assert [r[0] for r in cur.fetchall()] == [METHODS[method](key, text), None]
