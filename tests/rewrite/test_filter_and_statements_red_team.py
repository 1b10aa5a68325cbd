"""Round redteam21: aggregates with FILTER, errors that depend on a raw value, and the statements that describe data
(EXPLAIN, SHOW STATS, DESCRIBE, SET), on the real PostgreSQL and Trino, each with a control.

* ``ev.max(x) FILTER (WHERE ...)`` names a schema's aggregate: sqlglot puts the schema around the filter, not the
  call, so the allow-list's check of qualified functions did not see it. A real aggregate of that schema reads the
  key's session setting and the raw table (the control); the query is refused as a qualified function.
* ``count(*) FILTER (WHERE passport = 'guess')`` on Trino was refused as a call maskline could not pin (the read-back
  took ``system.builtin."count"(*) FILTER (...)`` for a column), with a fix about list_contains; it now runs, over
  masked values and a tokenized literal.
* ``CASE WHEN passport = 'guess' THEN 1/0 END`` on Trino failed as "TrinoUserError ... check the query": it now says
  DIVISION_BY_ZERO (Trino's error name, no value, no row) and how to guard the divisor.
* EXPLAIN, SHOW STATS, DESCRIBE and SET were refused with "run data changes outside maskline": they change no data;
  the fix now says what maskline answers instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlglot import exp

from maskline.errors import QueryFailed, RewriteRefused
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material
from tests.rewrite.pii_data import COLUMNS, ROWS, create_postgres, leak_needles

RAW_PASSPORT = "X98234571"  # customer 1's passport (a hash column: equality is tokenized)


def _no_values(text: str) -> None:
    lowered = text.lower()
    assert not [n for n in leak_needles() if n in lowered], text


# --- PostgreSQL ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pg_evil(pg_dsn: str) -> Iterator[Any]:
    """The seeded tables, the key in the session, and a schema ``ev`` whose aggregate ``max(text)`` returns the
    key's session setting and every raw SSN: what a user with CREATE on any schema can define."""
    from maskline.sql.session import apply_key_setup
    from tests.conftest import scratch_schema

    with scratch_schema(pg_dsn, "rt21") as (conn, schema), conn.cursor() as cur:
        create_postgres(cur, schema)
        evil = f"ev_{uuid.uuid4().hex[:8]}"
        cur.execute(f"CREATE SCHEMA {evil}")
        cur.execute(f"""CREATE FUNCTION {evil}.keep(state text, v text) RETURNS text LANGUAGE sql AS
            $$ SELECT coalesce(current_setting('maskline.ipad', true), '') || ' / '
                      || (SELECT string_agg(ssn, ',') FROM {schema}.customers) $$""")
        cur.execute(f"CREATE AGGREGATE {evil}.max(text) (SFUNC = {evil}.keep, STYPE = text)")
        apply_key_setup(cur, "postgres", key_material())
        try:
            yield conn, evil
        finally:
            cur.execute(f"DROP SCHEMA {evil} CASCADE")


@pytest.mark.postgres
@pytest.mark.parametrize("template", [
    "SELECT {ev}.max(email) FILTER (WHERE tier = 1) FROM customers",
    "SELECT {ev}.max(email) FILTER (WHERE tier = 1) OVER () FROM customers",
    "SELECT city, {ev}.max(c.name) FILTER (WHERE c.tier > 0) FROM customers c GROUP BY city",
])
def test_a_schemas_aggregate_with_filter_is_refused_as_a_qualified_function(pg_evil, pii_policy,
                                                                            template: str) -> None:
    conn, evil = pg_evil
    sql = template.format(ev=evil)
    with conn.cursor() as cur:  # control: the engine runs the schema's aggregate, which reads the key and raw rows
        cur.execute(sql.replace("FILTER (WHERE tier = 1) OVER ()", "FILTER (WHERE tier = 1)"))
        got = str(cur.fetchall())
    setting, _, ssns = got.partition(" / ")
    assert setting.strip("[('") and "219-09-9999" in ssns
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, pii_policy, "postgres", connection=conn)
    assert "written with a schema or catalog" in str(refused.value)  # not "a column reference does not resolve"
    assert evil not in str(refused.value)


@pytest.mark.postgres
def test_control_a_built_in_aggregate_with_filter_runs_over_masked_values(pg_evil, pii_policy) -> None:
    conn, _ = pg_evil
    r = rewrite("SELECT max(ssn) FILTER (WHERE tier = 1), count(*) FILTER (WHERE passport = 'X98234571') "
                "FROM customers", pii_policy, "postgres", connection=conn)
    rows = run_masked(conn, r, key_loaded=True).rows
    assert rows[0][1] == 1 and rows[0][0].startswith("*") and rows[0][0].endswith("9999")
    _no_values(str(rows))


# --- Trino -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def trino_pii(trino_url: str) -> Iterator[Any]:
    """The seeded tables in a memory schema of this module's own."""
    from maskline.adapters.trino import connect

    schema = f"rt21_{uuid.uuid4().hex[:8]}"
    admin = connect(trino_url, catalog="memory")

    def run(conn: Any, sql: str) -> None:
        cur = conn.cursor()
        cur.execute(sql)
        cur.fetchall()

    run(admin, f"CREATE SCHEMA memory.{schema}")
    conn = connect(trino_url, catalog="memory", schema=schema)
    for table, cols in COLUMNS.items():
        run(conn, f"CREATE TABLE {table} ({', '.join(f'{n} {duck}' for n, duck, _ in cols)})")
        run(conn, exp.insert(exp.values([exp.tuple_(*[exp.convert(v) for v in row]) for row in ROWS[table]]),
                             table).sql("trino"))
    try:
        yield conn
    finally:
        for table in COLUMNS:
            run(admin, f"DROP TABLE IF EXISTS memory.{schema}.{table}")
        run(admin, f"DROP SCHEMA memory.{schema}")
        conn.close()
        admin.close()


@pytest.mark.trino
def test_an_aggregate_with_filter_runs_on_trino_over_masked_values_and_tokens(trino_pii, pii_policy) -> None:
    sql = ("SELECT city, max(ssn) FILTER (WHERE tier = 1), count(*) FILTER (WHERE passport = 'X98234571') "
           "FROM customers GROUP BY city ORDER BY city")
    r = rewrite(sql, pii_policy, "trino", connection=trino_pii)  # refused before: "calls function max by a name"
    rows = run_masked(trino_pii, r, key_material()).rows
    springfield = [row for row in rows if row[0] == "Springfield"][0]
    assert springfield[2] == 1 and springfield[1].startswith("*")
    assert sum(row[2] for row in rows) == 1
    _no_values(str(rows))


@pytest.mark.trino
def test_a_division_by_zero_that_depends_on_a_raw_value_is_named_on_trino_without_the_row(trino_pii,
                                                                                          pii_policy) -> None:
    from trino.exceptions import TrinoUserError

    cur = trino_pii.cursor()  # control: Trino's own message for the failure
    with pytest.raises(TrinoUserError) as engine:
        cur.execute("SELECT CASE WHEN passport = 'X98234571' THEN 1/0 END FROM customers")
        cur.fetchall()
    assert engine.value.error_name == "DIVISION_BY_ZERO"
    r = rewrite("SELECT id, CASE WHEN passport = 'X98234571' THEN 1/0 END FROM customers", pii_policy, "trino",
                connection=trino_pii)
    with pytest.raises(QueryFailed) as failed:
        run_masked(trino_pii, r, key_material())
    text = str(failed.value)
    assert "DIVISION_BY_ZERO" in text and "NULLIF" in text, text  # was: "TrinoUserError ... check the query"
    assert RAW_PASSPORT not in text and "row" not in text  # which row failed is not said
    _no_values(text)


@pytest.mark.trino
def test_a_failed_cast_of_a_masked_value_on_trino_says_masked_values_are_text(trino_pii, pii_policy) -> None:
    r = rewrite("SELECT CAST(ssn AS integer) FROM customers", pii_policy, "trino", connection=trino_pii)
    with pytest.raises(QueryFailed) as failed:
        run_masked(trino_pii, r, key_material())
    assert "INVALID_CAST_ARGUMENT" in str(failed.value) and "masked values are text" in str(failed.value)
    _no_values(str(failed.value))


# --- Statements that describe the data ------------------------------------------------------------------------

@pytest.mark.parametrize("dialect", ["postgres", "trino"])
@pytest.mark.parametrize(("sql", "fix"), [
    ("EXPLAIN ANALYZE SELECT * FROM customers WHERE ssn = '219-09-9999'", "maskline sql --explain"),
    ("EXPLAIN SELECT * FROM customers", "maskline sql --explain"),
    ("SHOW STATS FOR customers", "maskline sql --explain"),
    ("DESCRIBE customers", "describe_table"),
    ("SET search_path = public", "sets up the session"),
    ("COPY customers TO STDOUT", "maskline mask"),
])
def test_statements_that_describe_data_or_the_session_are_refused_with_what_to_do_instead(
        pii_policy, dialect: str, sql: str, fix: str) -> None:
    with pytest.raises(RewriteRefused) as refused:
        rewrite(sql, pii_policy, dialect, schema={"customers": {c: t for c, t, _ in COLUMNS["customers"]}})
    text = str(refused.value)
    assert "only SELECT queries can be masked" in text and fix in text, text
    assert "run data changes" not in text and "219-09-9999" not in text
