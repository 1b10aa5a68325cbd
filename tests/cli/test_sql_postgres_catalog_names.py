"""``maskline sql --dialect postgres`` prints SQL that someone else runs, under their session's ``search_path``.

PostgreSQL picks a function or operator whose argument types match exactly over ``pg_catalog``'s whatever the path's
order, and takes the path's first one on a tie, so a path that lists a schema before ``pg_catalog`` (or any schema
holding an exact match) decides what ``lower(v)`` or ``a || b`` runs. The printed SQL names each one
``pg_catalog.<name>`` and ``OPERATOR(pg_catalog.<op>)`` (:mod:`maskline.dialects.postgres_catalog`): a session whose
path holds a recording ``||``, ``lower``, ``length`` and ``pg_typeof`` runs none of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_first_use import run_cli
from tests.conftest import scratch_schema

pytestmark = pytest.mark.postgres


def _printed_select(tmp_path: Path, schema: str, columns: dict[str, str | None]) -> str:
    """The SELECT `maskline sql --dialect postgres` prints for ``schema.people``'s ``columns``, in order: each by its
    method (YAML), or passed (None)."""
    entries = "".join(f"      {c}: {{pass: true}}\n" if m is None else f"      {c}: {{method: {m}}}\n"
                      for c, m in columns.items())
    policy = tmp_path / "policy.yml"
    policy.write_text(f"version: 1\nunclassified: mask\ndatasets:\n  {schema}.people:\n    columns:\n{entries}")
    r = run_cli("sql", "--dialect", "postgres", "--policy", str(policy), "--table", f"{schema}.people",
                "--columns", ",".join(columns))
    assert r.returncode == 0, r.stderr
    return str(r.stdout.strip().splitlines()[-1])


def _run_on_readers_path(cur: Any, schema: str, printed: str, log: str) -> tuple[list[Any], list[Any]]:
    """Run ``printed`` under a reader's path that lists ``schema`` (its recording functions) before pg_catalog:
    its rows, and what the recorders wrote to ``schema.<log>`` meanwhile (emptied first, after the test's control
    ran on the same path)."""
    cur.execute(f"DELETE FROM {schema}.{log}")
    cur.execute(f"SET search_path = {schema}, pg_catalog")
    try:
        cur.execute(printed)
        rows = cur.fetchall()
        cur.execute(f"SELECT v FROM {schema}.{log}")
        return rows, cur.fetchall()
    finally:
        cur.execute("RESET search_path")


def test_printed_sql_calls_no_function_or_operator_of_the_readers_path(tmp_path: Path, pg_dsn: str) -> None:
    with scratch_schema(pg_dsn, "pgcat") as (con, schema), con.cursor() as cur:
        cur.execute(f"CREATE TABLE {schema}.people (id integer, born varchar(20), card text, email text)")
        cur.execute(f"INSERT INTO {schema}.people VALUES (1, '1981-04-17', '4111111111111111', 'ann@x.example')")
        cur.execute(f"CREATE TABLE {schema}.calls (v text)")
        record = f"BEGIN INSERT INTO {schema}.calls VALUES (x::text); RETURN %s; END"
        for signature, returns, body in (
                ("pg_typeof(x character varying)", "regtype", "'character varying'::regtype"),
                ("lower(x text)", "text", "x"), ("length(x text)", "integer", "1")):
            cur.execute(f"CREATE FUNCTION {schema}.{signature} RETURNS {returns} LANGUAGE plpgsql AS $$ "
                        + record % body + " $$")
        cur.execute(f"CREATE FUNCTION {schema}.cat(x text, y text) RETURNS text LANGUAGE plpgsql AS $$ "
                    + record % "x" + " $$")
        cur.execute(f"CREATE OPERATOR {schema}.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = {schema}.cat)")
        printed = _printed_select(tmp_path, schema, {
            "id": None, "born": "{method: generalize, to: month}", "card": "{method: partial, keep_last: 4}",
            "email": "{method: email}"})
        # control: the path's operator is the one an unqualified || finds
        cur.execute(f"SET search_path = {schema}, pg_catalog")
        cur.execute("SELECT 'a'::text || 'b'::text")
        assert cur.fetchall() == [("a",)]
        rows, calls = _run_on_readers_path(cur, schema, printed, "calls")
    assert calls == []
    assert rows[0][0] == 1 and str(rows[0][1]).startswith("1981-04") and rows[0][2].endswith("1111") and "ann" not in rows[0][3]


def test_printed_casts_name_pg_catalogs_types_not_a_domain_on_the_readers_path(tmp_path: Path, pg_dsn: str) -> None:
    # A type name is looked up along the path too: a domain named text or date in a schema listed before pg_catalog
    # is the type a bare CAST(x AS TEXT) makes, and its CHECK runs on every value cast, raw ones included. The printed
    # casts name pg_catalog.text and pg_catalog.date (maskline.dialects.postgres_catalog): the domains see nothing.
    with scratch_schema(pg_dsn, "pgtyp") as (con, schema), con.cursor() as cur:
        cur.execute(f"CREATE TABLE {schema}.people (id integer, born date, email text, note varchar(40))")
        cur.execute(f"INSERT INTO {schema}.people VALUES (1, '1981-04-17', 'ann@x.example', 'Quillon Vexmarra')")
        cur.execute(f"CREATE TABLE {schema}.seen (v pg_catalog.text)")
        cur.execute(f"CREATE FUNCTION {schema}.seen(x pg_catalog.text) RETURNS boolean LANGUAGE plpgsql AS $$ "
                    f"BEGIN INSERT INTO {schema}.seen VALUES (x); RETURN true; END $$")
        cur.execute(f"CREATE DOMAIN {schema}.text AS pg_catalog.text CHECK ({schema}.seen(VALUE))")
        cur.execute(f"CREATE DOMAIN {schema}.date AS pg_catalog.date CHECK ({schema}.seen(VALUE::pg_catalog.text))")
        printed = _printed_select(tmp_path, schema, {
            "id": None, "born": "{method: generalize, to: month}", "email": "{method: email}",
            "note": "{method: partial, keep_last: 2}"})
        cur.execute(f"SET search_path = {schema}, pg_catalog")
        # control: on this path a bare text is the domain, and its CHECK sees the value cast
        cur.execute("SELECT CAST('control' AS text)")
        cur.execute(f"SELECT v FROM {schema}.seen")
        assert cur.fetchall() == [("control",)]
        rows, seen = _run_on_readers_path(cur, schema, printed, "seen")
    assert seen == []
    assert rows[0][0] == 1 and str(rows[0][1]).startswith("1981-04") and "ann" not in rows[0][2]
