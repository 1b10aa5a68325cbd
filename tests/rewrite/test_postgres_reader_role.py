"""PostgreSQL enforces masked access itself: a reader role sees masked views only, and never the key.

Connected directly as the reader (hand-written SQL, no maskline in between), it can read neither the raw
tables nor the key. Through maskline, its queries read the masked views and return what the inline rewrite
returns to an admin session holding the key.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from maskline.keys import KeyMaterial, hmac_hex
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import TEST_KEY
from tests.protect_database import scratch_database
from tests.rewrite.pii_data import create_postgres, find_leaks

pytestmark = pytest.mark.postgres
KEY = KeyMaterial(TEST_KEY.encode(), source="test")
TABLES = ("customers", "orders", "sessions")


@pytest.fixture(scope="module")
def protected(pg_dsn: str, pii_policy) -> Iterator[dict[str, Any]]:
    import psycopg2

    with scratch_database(pg_dsn) as db:
        with db.admin.cursor() as cur:
            create_postgres(cur, db.raw)
        db.protect_with(pii_policy, TABLES)
        user = psycopg2.connect(db.login_dsn())
        user.autocommit = True
        yield {"admin": db.admin, "reader": user, "raw": db.raw, "masked": db.masked, "private": db.private}
        user.close()


def _fetch(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    with conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


@pytest.mark.parametrize("sql", [
    "SELECT * FROM {raw}.customers",
    "SELECT email FROM {raw}.customers",
    "SELECT * FROM {private}.key",
    "SELECT pg_read_file('postgresql.conf')",
])
def test_the_reader_cannot_read_raw_tables_or_the_key_with_hand_written_sql(protected, sql) -> None:
    import psycopg2

    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        _fetch(protected["reader"], sql.format(raw=protected["raw"], private=protected["private"]))


def test_the_reader_session_holds_no_key_in_its_settings(protected) -> None:
    rows = _fetch(protected["reader"], "SELECT current_setting('maskline.salt', true), "
                                       "current_setting('maskline.ipad', true)")
    assert rows == [(None, None)]


def test_the_admin_can_read_the_raw_tables_so_the_refusals_above_mean_something(protected, needles) -> None:
    rows = _fetch(protected["admin"], f"SELECT * FROM {protected['raw']}.customers")
    assert find_leaks(rows, needles)


def test_the_masked_views_show_masked_values_only(protected, needles) -> None:
    rows = _fetch(protected["reader"], f"SELECT * FROM {protected['masked']}.customers ORDER BY id")
    assert len(rows) == 5 and not find_leaks(rows, needles)
    tokens = [r[0] for r in _fetch(protected["reader"], f"SELECT username FROM {protected['masked']}.customers "
                                                        "ORDER BY id")]
    assert tokens[0] == hmac_hex(KEY, "zquartermaine77", 16)  # the same token as every other engine


def test_queries_through_maskline_read_the_views_and_match_the_inline_rewrite(protected, pii_policy) -> None:
    from maskline.sql.session import apply_key_setup

    query = ("SELECT c.city, count(*) AS n, max(c.email) AS e, min(o.card) AS card FROM customers c "
             "JOIN orders o ON o.customer_id = c.id WHERE c.username <> 'philo_bright_22' GROUP BY c.city")
    r = rewrite(query, pii_policy, "postgres", connection=protected["reader"], masked_schema=protected["masked"],
                key=KEY)
    assert f'"{protected["masked"]}"."customers"' in r.sql and protected["raw"] not in r.sql
    via_views = sorted(run_masked(protected["reader"], r).rows)

    with protected["admin"].cursor() as cur:
        cur.execute(f"SET search_path TO {protected['raw']}")
        apply_key_setup(cur, "postgres", KEY)
    inline = rewrite(query, pii_policy, "postgres", connection=protected["admin"], key=KEY)
    assert sorted(run_masked(protected["admin"], inline, key_loaded=True).rows) == via_views
    assert via_views


def test_the_token_function_confirms_a_guess_but_never_returns_the_key(protected) -> None:
    # visible by design: the reader may tokenize values of its choosing, as a tokenized filter does
    (token,) = _fetch(protected["reader"], f"SELECT {protected['private']}.hmac_sha256_hex(convert_to('x', 'UTF8'))")[0]
    assert token == hmac_hex(KEY, "x")
    (empty,) = _fetch(protected["reader"], f"SELECT {protected['private']}.salted_sha256_hex(''::bytea)")[0]
    assert KEY.secret.hex() not in empty and len(empty) == 64



@pytest.mark.parametrize("sql", [
    "SELECT * FROM {private}.key",
    "SELECT encode(salt, 'escape') AS s, encode(ipad, 'hex') AS i FROM {private}.key",
    "SELECT count(*) AS n FROM {raw}.customers c JOIN {private}.key k ON k.id = c.tier",
    "WITH k AS (SELECT * FROM {private}.key) SELECT k.opad FROM k",
])
def test_the_inline_path_never_reads_the_key_table_whatever_the_policy_passes(protected, pii_policy, sql) -> None:
    # The admin's session (the inline path: no reader role) can read the key table; the policy's
    # ``unclassified: pass`` would pass its columns raw. maskline's private schema is never a data relation.
    from maskline.errors import RewriteRefused

    query = sql.format(raw=protected["raw"], private=protected["private"])
    with pytest.raises(RewriteRefused) as refused:
        rewrite(query, pii_policy, "postgres", connection=protected["admin"], key=KEY)
    message = str(refused.value)
    assert "key material" in message and ". Fix: " in message
    assert KEY.secret.decode() not in message and KEY.secret.hex() not in message


def test_the_default_private_schema_is_a_key_store_without_the_mark(protected) -> None:
    # A database protected before protect() wrote the mark keeps its key in maskline_private, unmarked.
    from sqlglot import exp

    from maskline.adapters import engine_of

    admin = protected["admin"]
    adapter = engine_of(admin)
    autocommit, admin.autocommit = admin.autocommit, False
    try:
        with admin.cursor() as cur:  # the unmarked schema of an older protect, inside a transaction rolled back
            cur.execute("CREATE SCHEMA IF NOT EXISTS maskline_private")
            cur.execute("COMMENT ON SCHEMA maskline_private IS NULL")
            tables = [exp.to_table("maskline_private.key"), exp.to_table(f"{protected['raw']}.customers")]
            assert adapter.key_stores(cur, tables) == [True, False]  # the second: the control
    finally:
        admin.rollback()
        admin.autocommit = autocommit


def _counting_connection(dsn: str) -> tuple[Any, list[str]]:
    """A real psycopg2 connection whose cursors record each statement they execute (a spy, not a mock)."""
    import psycopg2
    import psycopg2.extensions

    executed: list[str] = []

    class CountingCursor(psycopg2.extensions.cursor):
        def execute(self, query: Any, vars: Any = None) -> Any:
            executed.append(str(query))
            return super().execute(query, vars)

    connection = psycopg2.connect(dsn, cursor_factory=CountingCursor)
    connection.autocommit = True
    return connection, executed


def test_the_key_store_check_costs_one_catalog_round_trip_for_a_three_table_join(protected, pii_policy,
                                                                                 pg_dsn) -> None:
    # It asked the catalog once per table; the marks of all the tables' schemas are now read in one query, and
    # the refusal holds: the same join over the key table is refused, after the same single lookup.
    from maskline.errors import RewriteRefused
    from maskline.sql.session import apply_key_setup

    raw, private = protected["raw"], protected["private"]
    connection, executed = _counting_connection(pg_dsn)
    try:
        with connection.cursor() as cur:
            cur.execute(f"SET search_path TO {raw}")
            apply_key_setup(cur, "postgres", KEY)
        join = ("SELECT c.city, count(*) AS n FROM customers c JOIN orders o ON o.customer_id = c.id "
                "JOIN sessions s ON s.customer_id = c.id {extra}GROUP BY c.city")
        executed.clear()
        r = rewrite(join.format(extra=""), pii_policy, "postgres", connection=connection, key=KEY)
        assert len([q for q in executed if "obj_description" in q]) == 1
        assert run_masked(connection, r, key_loaded=True).rows

        executed.clear()
        with pytest.raises(RewriteRefused) as refused:
            rewrite(join.format(extra=f"JOIN {private}.key k ON k.id = c.tier "), pii_policy, "postgres",
                    connection=connection, key=KEY)
        assert f"table {private}.key is in maskline's key store (key material, not data)" in str(refused.value)
        assert len([q for q in executed if "obj_description" in q]) == 1
    finally:
        connection.close()


def test_the_inline_path_still_reads_tables_of_other_schemas_by_name(protected, pii_policy, needles) -> None:
    # the control: a qualified table in a schema of data is read masked, as before
    from maskline.sql.session import apply_key_setup

    with protected["admin"].cursor() as cur:
        apply_key_setup(cur, "postgres", KEY)
    r = rewrite(f"SELECT id, email FROM {protected['raw']}.customers", pii_policy, "postgres",
                connection=protected["admin"], key=KEY)
    rows = run_masked(protected["admin"], r, key_loaded=True).rows
    assert len(rows) == 5 and not find_leaks(rows, needles)
