"""``OPERATOR(schema.op)`` is allow-listed like a function call (red team, round 3).

In PostgreSQL ``a OPERATOR(myschema.===) b`` calls whatever function the database backed that operator with, in
any schema: one that reads a setting, or a table the reader cannot see. The function allow-list
(:mod:`maskline.rewrite.allowlist`) never saw it, because sqlglot models the construct as an operator, not a
function. Now only ``OPERATOR(pg_catalog.op)`` passes, and only for an operator the query could write plainly
(whose plain form the allow-list admits); everything else is refused before anything runs, with a message that
quotes no literal. Tested on real PostgreSQL: the refused operator's function is never called, and the control
shows it is a working operator that would have been.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlglot

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.allowlist import check_allowed
from tests.rewrite.engines import run_masked

REFUSED = [
    "SELECT id FROM customers WHERE city OPERATOR({evil}.===) 'Springfield-9931'",
    "SELECT id FROM customers WHERE city OPERATOR({evil}.=) 'Springfield-9931'",  # a built-in symbol, another schema
    "SELECT id FROM customers WHERE city OPERATOR(public.=) 'Springfield-9931'",
    "SELECT id FROM customers WHERE city OPERATOR(pg_catalog.===) 'Springfield-9931'",  # no such plain operator
    "SELECT id FROM customers WHERE tier OPERATOR(pg_catalog.=) 1 AND city OPERATOR({evil}.===) city",
]


@pytest.mark.parametrize("sql", REFUSED)
def test_an_operator_outside_the_allow_list_is_refused_without_its_literal(sql: str) -> None:
    q = sqlglot.parse_one(sql.format(evil="evil"), read="postgres")
    with pytest.raises(RewriteRefused, match="OPERATOR") as info:
        check_allowed(q, "postgres")
    assert "9931" not in str(info.value)


@pytest.mark.parametrize("op", ["=", "<>", "<", ">=", "+", "||", "~~"])
def test_a_pg_catalog_operator_written_plainly_is_allowed(op: str) -> None:
    check_allowed(sqlglot.parse_one(f"SELECT a OPERATOR(pg_catalog.{op}) b FROM t", read="postgres"), "postgres")


def test_a_quoted_schema_is_not_echoed() -> None:
    q = sqlglot.parse_one("SELECT a OPERATOR(\"ann@example.com\".===) b FROM t", read="postgres")
    with pytest.raises(RewriteRefused) as info:
        check_allowed(q, "postgres")
    assert "ann@example.com" not in str(info.value)



@pytest.fixture()
def evil(pg: Any) -> Iterator[str]:
    """A schema with an operator ``===`` backed by a function that reads the key setting and records each call."""
    schema = f"evil_{uuid.uuid4().hex[:8]}"
    with pg.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {schema}")
        cur.execute(f"CREATE TABLE {schema}.calls (seen text)")
        cur.execute(f"""CREATE FUNCTION {schema}.leak(a text, b text) RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO {schema}.calls VALUES (coalesce(current_setting('maskline.salt', true), '-') || a);
              RETURN true;
            END $$""")
        cur.execute(f"CREATE OPERATOR {schema}.=== (LEFTARG = text, RIGHTARG = text, FUNCTION = {schema}.leak)")
    yield schema
    with pg.cursor() as cur:
        cur.execute(f"DROP SCHEMA {schema} CASCADE")


def _calls(pg: Any, schema: str) -> int:
    with pg.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {schema}.calls")
        return int(cur.fetchone()[0])


@pytest.mark.postgres
@pytest.mark.parametrize("sql", REFUSED)
def test_a_user_defined_operator_is_refused_before_it_runs_on_postgres(pg: Any, evil: str, pii_policy: Any,
                                                                        sql: str) -> None:
    with pytest.raises(RewriteRefused, match="OPERATOR") as info:
        rewrite(sql.format(evil=evil), pii_policy, "postgres", connection=pg)
    assert "9931" not in str(info.value)
    assert _calls(pg, evil) == 0


@pytest.mark.postgres
def test_the_operator_is_real_and_would_have_read_the_setting(pg: Any, evil: str) -> None:
    """The control: run directly, the operator calls its function on every row (with the key in the session)."""
    with pg.cursor() as cur:
        cur.execute(f"SELECT id FROM customers WHERE city OPERATOR({evil}.===) 'x'")
        assert len(cur.fetchall()) == 5
    assert _calls(pg, evil) == 5


@pytest.mark.postgres
def test_a_pg_catalog_operator_still_runs_on_postgres(pg: Any, pii_policy: Any) -> None:
    plain = run_masked("SELECT id FROM customers WHERE city = 'Springfield' AND tier + 1 > 1", pii_policy,
                       "postgres", pg)
    spelled = run_masked("SELECT id FROM customers WHERE city OPERATOR(pg_catalog.=) 'Springfield' "
                         "AND tier OPERATOR(pg_catalog.+) 1 > 1", pii_policy, "postgres", pg)
    assert spelled.refused is None and spelled.error is None
    assert "OPERATOR(pg_catalog.=)" in (spelled.sql or "")
    assert sorted(spelled.rows[1:]) == sorted(plain.rows[1:]) == [(1,), (3,)]
