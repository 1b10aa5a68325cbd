"""An engine error's fix fits what failed: a division by zero on PostgreSQL is no failed cast of a masked value.

A new user's agent sent ``SELECT count(*) FROM customers WHERE customer_id = 1/0`` over MCP (``customer_id`` a
column passed raw) and was told "masked values are text (tokens, stars, labels): a cast or function that needs
another type fails on them; compare or convert them as text": SQLSTATE 22012 shares its class 22 with the casts.
"""

from __future__ import annotations

from typing import Any

import pytest

from maskline.errors import QueryFailed
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

POLICY = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})


def _failure(pg_conn: Any, sql: str) -> str:
    cur = pg_conn.cursor()
    cur.execute("DROP TABLE IF EXISTS customers; CREATE TABLE customers (customer_id int, email text); "
                "INSERT INTO customers VALUES (1, 'zed.canary@example.com')")
    with pytest.raises(QueryFailed) as failed:
        run_masked(pg_conn, rewrite(sql, POLICY, "postgres", connection=pg_conn))
    text = str(failed.value)
    assert "zed.canary" not in text
    return text


def test_a_division_by_zero_is_told_as_one(pg_conn: Any) -> None:
    text = _failure(pg_conn, "SELECT count(*) FROM customers WHERE customer_id = 1/0")
    assert "DivisionByZero (sqlstate 22012)" in text
    assert "Fix: the query divides by zero: guard the divisor, e.g. x / NULLIF(y, 0)" in text
    assert "masked values are text" not in text


def test_a_cast_of_a_masked_value_keeps_its_fix(pg_conn: Any) -> None:
    text = _failure(pg_conn, "SELECT email::int FROM customers")
    assert "(sqlstate 22P02)" in text and "masked values are text" in text
