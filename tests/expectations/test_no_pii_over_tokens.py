"""README (Checks with Great Expectations): on SQL, `ExpectColumnValuesToNotContainPii` matches the SQL scrub
patterns, shapes only, so over a column of `hmac` tokens it fails without `info_types` and passes with the types
the column could hold; through pandas (DuckDB's way) the validated detectors pass it as it is. Real PostgreSQL and
DuckDB, twenty full-length HMAC tokens of e-mails."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pytest

TOKENS = [hmac.new(b"k" * 32, f"person{i}@example.com".encode(), hashlib.sha256).hexdigest() for i in range(20)]


def _validate(context: Any, batch: Any, name: str, **kwargs: Any) -> Any:
    import great_expectations as gx

    from maskline.expectations import ExpectColumnValuesToNotContainPii

    suite = context.suites.add(gx.ExpectationSuite(name=name))
    suite.add_expectation(ExpectColumnValuesToNotContainPii(column="email", **kwargs))
    return batch.validate(suite).results[0]


@pytest.mark.postgres
def test_on_postgresql_tokens_need_info_types(pg_module_dsn: str, gx_context: Any) -> None:
    import psycopg2

    from maskline.expectations.batches import sql_batch

    conn = psycopg2.connect(pg_module_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE tokens (email text)")
        cur.executemany("INSERT INTO tokens VALUES (%s)", [(t,) for t in TOKENS])
    conn.close()
    every_type = _validate(gx_context, sql_batch(gx_context, pg_module_dsn, "public.tokens"), "pg_every")
    email_only = _validate(gx_context, sql_batch(gx_context, pg_module_dsn, "public.tokens"), "pg_email",
                           info_types=["EMAIL"])
    assert not every_type.success and every_type.result["unexpected_count"] > 0
    assert email_only.success


def test_through_pandas_the_detectors_pass_tokens(gx_context: Any) -> None:
    import duckdb

    from maskline.expectations.batches import duckdb_batch

    con = duckdb.connect()
    con.execute("CREATE TABLE tokens AS SELECT unnest(?::VARCHAR[]) AS email", [TOKENS])
    assert _validate(gx_context, duckdb_batch(gx_context, con, "tokens"), "duck_every").success
