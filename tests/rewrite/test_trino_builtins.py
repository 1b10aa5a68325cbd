"""maskline's Trino SQL calls every built-in as ``system.builtin.<name>``, and masks a char(n) column as its text
(real Trino, memory catalog).

A SQL routine on the session's path (``sql.path``, ``SET PATH``, ``X-Trino-Path``) runs where no built-in accepts a
call's arguments: maskline's masks called ``regexp_replace`` on a char(16) column as it was, and a routine
``regexp_replace(char(16), varchar, varchar)`` returned the raw e-mail. Connections maskline does not open (Airflow's
Trino hooks, dbt-trino) may carry any path; so the printed SQL names the built-ins itself, and a char(n) column is
read as varchar (unpadded, as PostgreSQL reads it) before a method's text functions see it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

pytestmark = [pytest.mark.trino]
RAW = "zed@example.com"  # 15 characters: a char(16) column pads it with one space
METHODS = {"email": {"method": "email"}, "partial": {"method": "partial", "keep_last": 4},
           "hmac": {"method": "hmac", "length": 16}, "scrub": {"method": "scrub"},
           "char_mask": {"method": "char_mask"}}


def _policy(table: str) -> Any:
    columns: dict[str, Any] = {"id": {"pass": True}}
    # scrub masks free text only (a policy refuses it for an e-mail column): its column is prose holding an e-mail.
    columns.update({name: {"info_type": "FREE_TEXT_WITH_PII" if name == "scrub" else "EMAIL", "method": m}
                    for name, m in METHODS.items()})
    return load_policy({"datasets": {table: {"columns": columns}}})


def _fetch(conn: Any, sql: str) -> list[Any]:
    cur = conn.cursor()
    cur.execute(sql)
    return cur.fetchall()


@pytest.fixture()
def tables(trino_url: str, trino_schema: str) -> Iterator[dict[str, Any]]:
    """The same e-mail in a char(16) table and a varchar table (one column per method), a routine named like a
    built-in taking char(16), and two connections: maskline's own, and one whose path lists the routine's schema."""
    from maskline.adapters.trino import connect

    s = trino_schema
    admin = connect(trino_url, catalog="memory", schema=s)
    cols = ", ".join(METHODS)
    statements = [f"CREATE TABLE memory.{s}.padded (id integer, {', '.join(f'{c} char(16)' for c in METHODS)})",
                  f"CREATE TABLE memory.{s}.plain (id integer, {', '.join(f'{c} varchar' for c in METHODS)})",
                  f"CREATE FUNCTION memory.{s}.regexp_replace(x char(16), p varchar, r varchar) RETURNS varchar "
                  "RETURN CAST(x AS varchar)",
                  f"CREATE FUNCTION memory.{s}.strpos(x char(16), p varchar) RETURNS bigint RETURN 0"]
    for table in ("padded", "plain"):
        statements.append(f"INSERT INTO memory.{s}.{table} (id, {cols}) VALUES "
                          f"(1, {', '.join(repr(RAW) for _ in METHODS)})")
    for statement in statements:
        _fetch(admin, statement)
    on_path = connect(trino_url, catalog="memory", schema=s, http_headers={"X-Trino-Path": f"memory.{s}"})
    try:
        yield {"admin": admin, "on_path": on_path, "schema": s}
    finally:
        on_path.close()
        for statement in (f"DROP FUNCTION IF EXISTS memory.{s}.regexp_replace(char(16), varchar, varchar)",
                          f"DROP FUNCTION IF EXISTS memory.{s}.strpos(char(16), varchar)",
                          f"DROP TABLE IF EXISTS memory.{s}.padded", f"DROP TABLE IF EXISTS memory.{s}.plain"):
            _fetch(admin, statement)
        admin.close()


def _masked(conn: Any, table: str, run_on: Any | None = None) -> list[Any]:
    r = rewrite(f"SELECT id, {', '.join(METHODS)} FROM {table}", _policy(table), "trino", connection=conn)
    return run_masked(run_on or conn, r, key_material()).rows


def test_a_char_column_masks_as_the_varchar_column_with_the_same_value(tables) -> None:
    padded, plain = _masked(tables["admin"], "padded"), _masked(tables["admin"], "plain")
    assert padded == plain
    assert RAW not in str(padded) and padded[0][0] == 1


def test_masked_sql_run_on_a_connection_with_routines_on_its_path_still_masks(tables) -> None:
    # The rewrite on maskline's connection; its SQL run where an Airflow hook or dbt-trino would run it.
    admin = tables["admin"]
    assert _masked(admin, "padded", run_on=tables["on_path"]) == _masked(admin, "padded")
    assert RAW not in str(_masked(admin, "padded", run_on=tables["on_path"]))


def test_every_call_of_the_masked_sql_names_the_built_in(tables) -> None:
    from maskline.dialects.trino_builtins import unpinned_calls

    r = rewrite(f"SELECT id, {', '.join(METHODS)} FROM padded", _policy("padded"), "trino",
                connection=tables["admin"])
    assert "system.builtin." in r.sql and unpinned_calls(r.sql) == ()


def test_control_the_routines_are_live_on_the_path(tables) -> None:
    s = tables["schema"]
    # unqualified, on the path, the routine takes the char(16) column and returns it raw
    assert _fetch(tables["on_path"], f"SELECT regexp_replace(email, '[a-z]', '*') FROM memory.{s}.padded") == \
        [[RAW.ljust(16)]]


def test_special_forms_are_syntax_not_built_ins(trino_conn: Any) -> None:
    """What the generator leaves unqualified is Trino grammar: no ``system.builtin.<name>`` exists to call."""
    from trino.exceptions import TrinoUserError

    from maskline.dialects.trino_builtins import SPECIAL_FORMS

    args = {"coalesce": "1, 2", "format": "'%s', 1", "grouping": "1", "if": "true, 1", "nullif": "1, 2", "try": "1"}
    assert set(args) == SPECIAL_FORMS
    for name, a in args.items():
        with pytest.raises(TrinoUserError):
            _fetch(trino_conn, f"SELECT system.builtin.{name}({a})")
    assert _fetch(trino_conn, "SELECT coalesce(NULL, 1), if(true, 2), nullif(3, 4), try(5), format('%s', 6)") == \
        [[1, 2, 3, 5, "6"]]
