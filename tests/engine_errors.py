"""Real engine errors that quote a value no detector recognises, for the tests of every face that must not
forward them (task logs, lineage error facets)."""

from __future__ import annotations

import duckdb

CANARY = "Quillon Vexmarra"  # a made-up person: no detector can tell it is a name
CANARY_WORD = "Vexmarra"


def engine_error(sql: str) -> BaseException:
    """The error DuckDB raises running ``sql`` over a table ``people(id, name)`` holding the canary's name."""
    con = duckdb.connect()
    con.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR UNIQUE)")
    con.execute("INSERT INTO people VALUES (1, ?)", [CANARY])
    try:
        con.execute(sql).fetchall()
    except duckdb.Error as e:
        return e
    finally:
        con.close()  # the returned error's traceback holds this frame: an open connection would live as long
    raise AssertionError("the statement did not fail")


def wrapped(sql: str) -> BaseException:
    """The task author's own exception, raised from the engine's (its message is the author's)."""
    try:
        try:
            raise engine_error(sql)
        except duckdb.Error as e:
            raise RuntimeError("loading people failed") from e
    except RuntimeError as e:
        return e
