"""A SQL routine on Trino's function path never runs inside a masked query (real Trino, memory catalog routines).

Trino resolves an unqualified function name in ``system.builtin`` first, and in the session's path (``sql.path``,
the ``X-Trino-Path`` header) only when no built-in of that name accepts the arguments. maskline's masking SQL
calls ``regexp_replace`` on a ``char(n)`` column as it is, which no built-in accepts: with a routine
``regexp_replace(char(16), varchar, varchar)`` on the path, Trino called the routine, on the raw value, and the
character mask returned what the routine returned (the raw e-mail). The safe query path now reads the session's
path with its other catalog facts and refuses any path but ``system.builtin`` (maskline's own Trino connections
set it); a built-in that accepts its arguments is never shadowed (the controls). Since then the masks also read
char(n) as varchar and call every built-in as ``system.builtin."<name>"`` (tests/rewrite/test_trino_builtins.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material

pytestmark = [pytest.mark.trino]
RAW = "zed@example.com"
POLICY = {"datasets": {t: {"columns": {"email": {"info_type": "EMAIL", "method": {"method": "char_mask"}},
                                       "id": {"pass": True}}} for t in ("people", "contacts")}}


@pytest.fixture()
def routines(trino_url: str, trino_schema: str) -> Iterator[dict[str, Any]]:
    """A table with an e-mail in a char(16) column (and one with it in a varchar column), and routines in the same schema: one named like the built-in
    maskline's character mask calls, taking the column's type and returning its argument, and one of a name no
    built-in has (to show the path reaches them)."""
    from maskline.adapters.trino import connect

    s = trino_schema
    admin = connect(trino_url, catalog="memory", schema=s)
    cur = admin.cursor()
    created = [f"memory.{s}.regexp_replace(char(16), varchar, varchar)", f"memory.{s}.lower(varchar)",
               f"memory.{s}.path_probe(varchar)"]
    for statement in (f"CREATE TABLE memory.{s}.people (id integer, email char(16))",
                      f"INSERT INTO memory.{s}.people VALUES (1, '{RAW}')",
                      f"CREATE TABLE memory.{s}.contacts (id integer, email varchar)",
                      f"INSERT INTO memory.{s}.contacts VALUES (1, '{RAW}')",
                      f"CREATE FUNCTION memory.{s}.regexp_replace(x char(16), p varchar, r varchar) RETURNS varchar "
                      "RETURN CAST(x AS varchar)",
                      f"CREATE FUNCTION memory.{s}.lower(x varchar) RETURNS varchar RETURN x",
                      f"CREATE FUNCTION memory.{s}.path_probe(x varchar) RETURNS varchar RETURN concat('probe:', x)"):
        cur.execute(statement)
        cur.fetchall()
    # A session whose path lists the schema, as a server's sql.path or a client's SET PATH would give it.
    on_path = connect(trino_url, catalog="memory", schema=s, http_headers={"X-Trino-Path": f"memory.{s}"})
    try:
        yield {"admin": admin, "on_path": on_path, "schema": s, "url": trino_url}
    finally:
        on_path.close()
        for statement in [*(f"DROP FUNCTION IF EXISTS {r}" for r in created),
                          f"DROP TABLE IF EXISTS memory.{s}.people", f"DROP TABLE IF EXISTS memory.{s}.contacts"]:
            cur.execute(statement)
            cur.fetchall()
        admin.close()


def _fetch(conn: Any, sql: str) -> list[Any]:
    cur = conn.cursor()
    cur.execute(sql)
    return cur.fetchall()


def test_a_routine_on_the_path_never_sees_the_raw_values_of_a_masked_query(routines) -> None:
    policy = load_policy(POLICY)
    try:
        r = rewrite("SELECT id, email FROM people", policy, "trino", connection=routines["on_path"])
    except RewriteRefused as refused:
        message = str(refused)
        assert "function path" in message and "system.builtin" in message and RAW not in message
        return
    rows = run_masked(routines["on_path"], r, key_material()).rows
    assert RAW not in str(rows), "a routine named like a built-in ran on the raw value"


def test_control_the_path_is_live_and_the_routine_takes_the_columns_type(routines) -> None:
    s = routines["schema"]
    on_path = routines["on_path"]
    assert _fetch(on_path, "SELECT path_probe('x')") == [["probe:x"]]  # a name only the path has
    # the routine, called as the character mask calls the built-in, returns the raw value
    assert _fetch(on_path, f"SELECT regexp_replace(email, '[a-z]', '*') FROM memory.{s}.people") == [[RAW.ljust(16)]]


def test_control_a_built_in_that_accepts_its_arguments_is_never_shadowed(routines) -> None:
    # lower(varchar) binds in system.builtin, which Trino searches before the path: the routine is not called
    assert _fetch(routines["on_path"], "SELECT lower('ABC')") == [["abc"]]


def test_control_a_session_on_the_built_in_path_reads_masked(routines) -> None:
    from maskline.adapters.trino import connect

    conn = connect(routines["url"], catalog="memory", schema=routines["schema"])  # maskline's own connection
    try:
        assert _fetch(conn, "SELECT current_path") == [["system.builtin"]]
        r = rewrite("SELECT id, email FROM contacts", load_policy(POLICY), "trino", connection=conn)
        rows = run_masked(conn, r, key_material()).rows
    finally:
        conn.close()
    assert rows and RAW not in str(rows) and rows[0][0] == 1
