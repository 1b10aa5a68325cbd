"""A DuckDB macro named like a built-in never runs in a masked query: every call is printed as the built-in.

DuckDB binds a function name, and most operators (``||``, ``LIKE``, ``%``) and literals (``[a, b]``), to a
macro of the connection's catalogs (``memory.main``, ``temp.main``, an attached database, the search path) before
the built-in of that name. ``CREATE MACRO strpos(a, b) AS 2`` turned the e-mail mask into the raw address, and a
macro can hide a subquery over a raw table inside any function of the user's query. The SQL maskline prints for
DuckDB calls every function as ``system.main.<name>`` (:mod:`maskline.dialects.duckdb_builtins`), which binds to
the built-in whatever the catalogs hold, so there is no list of the connection's macros to read and compare.

Each attack is run twice: through maskline (no effect: the masked answer), and as a control with the pins
taken out of the very same SQL, or the user's SQL run directly, where the macro changes the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from maskline.errors import QueryFailed
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

EMAIL = "quillon.vexmarra@harbourpost.example"
MASKED = "*****@harbourpost.example"
POLICY = {"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}}
LEAK = "(SELECT max(email) FROM t)"  # a macro body that reads the raw table


def _unpinned(sql: str) -> str:
    """The same SQL with the pins taken out: what DuckDB would bind through the catalogs."""
    return sql.replace("system.main.", "")


def _table(con: Any, where: str = "") -> None:
    con.execute(f"CREATE TABLE {where}t AS SELECT 1 AS id, '{EMAIL}' AS email, 'Harbourton' AS city")


@pytest.fixture()
def con() -> Iterator[Any]:
    c = duckdb.connect()
    _table(c)
    yield c
    c.close()


# Macros on the names maskline's e-mail mask calls, in each place DuckDB looks before system.main.
MASK_MACROS = {
    "persistent": ["CREATE MACRO strpos(a, b) AS 2"],
    "temporary": ["CREATE TEMP MACRO strpos(a, b) AS 2"],
    "operator": [f'CREATE MACRO "||"(a, b) AS {LEAK}'],
    "search path": ["CREATE SCHEMA evil", "CREATE MACRO evil.strpos(a, b) AS 2", "SET search_path = 'main,evil'"],
}


@pytest.mark.parametrize("setup", MASK_MACROS.values(), ids=list(MASK_MACROS))
def test_a_macro_on_a_name_the_mask_calls_never_runs(con: Any, setup: list[str]) -> None:
    for statement in setup:
        con.execute(statement)
    rewritten = rewrite("SELECT id, email FROM t", load_policy(POLICY), "duckdb", connection=con)
    assert run_masked(con, rewritten, harden=False).rows == [(1, MASKED)]
    # Control: the same SQL without its pins hands the macro the raw address.
    leaked = con.execute(_unpinned(rewritten.sql)).fetchall()
    assert EMAIL[1:] in leaked[0][1]


def test_a_macro_in_an_attached_database_in_use_never_runs() -> None:
    c = duckdb.connect()
    try:
        c.execute("ATTACH ':memory:' AS other")
        _table(c, "other.main.")
        c.execute("CREATE MACRO other.main.strpos(a, b) AS 2")
        c.execute("USE other")
        rewritten = rewrite("SELECT id, email FROM t", load_policy(POLICY), "duckdb", connection=c)
        assert run_masked(c, rewritten, harden=False).rows == [(1, MASKED)]
        assert EMAIL[1:] in c.execute(_unpinned(rewritten.sql)).fetchall()[0][1]  # control
    finally:
        c.close()


def test_a_macro_made_after_the_rewrite_never_runs(con: Any) -> None:
    """The attack a check of the catalog at rewrite time cannot see: the macro appears between rewrite and run
    (another connection to the same database file, or the SQL kept and run later)."""
    rewritten = rewrite("SELECT id, email FROM t", load_policy(POLICY), "duckdb", connection=con)
    con.execute("CREATE MACRO strpos(a, b) AS 2")
    assert run_masked(con, rewritten, harden=False).rows == [(1, MASKED)]
    assert EMAIL[1:] in con.execute(_unpinned(rewritten.sql)).fetchall()[0][1]  # control


# Macros on functions the user's query calls, whose bodies read the raw table.
QUERY_MACROS = [
    pytest.param(f"CREATE MACRO upper(a) AS {LEAK}", "SELECT upper(city) AS v FROM t", "HARBOURTON", id="function"),
    pytest.param(f"CREATE MACRO nvl(a, b) AS {LEAK}", "SELECT nvl(city, 'x') AS v FROM t", "Harbourton",
                 id="allow-listed name"),
    pytest.param(f'CREATE MACRO "%"(a, b) AS {LEAK}', "SELECT id % 2 AS v FROM t", 1, id="operator"),
    pytest.param(f"CREATE MACRO list_value(a) AS {LEAK}", "SELECT [city] AS v FROM t", ["Harbourton"],
                 id="list literal"),
    pytest.param("CREATE MACRO unnest(x) AS TABLE SELECT email AS v FROM t",
                 "SELECT u.v FROM t, unnest([t.city]) AS u(v)", "Harbourton", id="table macro"),
]


@pytest.mark.parametrize(("macro", "sql", "answer"), QUERY_MACROS)
def test_a_macro_on_a_function_of_the_query_never_runs(con: Any, macro: str, sql: str, answer: Any) -> None:
    con.execute(macro)
    rewritten = rewrite(sql, load_policy(POLICY), "duckdb", connection=con)
    assert run_masked(con, rewritten, harden=False).rows == [(answer,)]
    # Control: the user's query run directly returns the raw address through the macro.
    direct = con.execute(sql).fetchall()
    assert EMAIL in str(direct)


NESTED = ("CREATE TABLE nest AS SELECT * FROM (VALUES "
          "(1, [1, 2, 3], {'k': 5, 'n': {'z': 6}}, '{\"a\": {\"b\": 1}}'::JSON, 'hello', MAP {'m': 1}, "
          "MAP {1: 'one', 0: 'zero'}, 2), "
          "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL), "
          "(3, [], {'k': NULL, 'n': NULL}, '[]'::JSON, '', MAP {}, MAP {}, -1)) v(id, x, s, j, st, m, mi, i)")

# Lookups DuckDB's binder makes by name, each under a macro of that name whose body reads the raw table.
LOOKUPS = [
    pytest.param("array_extract(a, b)", "x[1]", id="list index"),
    pytest.param("array_extract(a, b)", "st[-1]", id="text index"),
    pytest.param("array_slice(a, b, c)", "x[2:3]", id="slice"),
    pytest.param("array_slice(a, b, c)", "x[:2]", id="open slice"),
    pytest.param("struct_extract(a, b)", "s.k", id="struct field"),
    pytest.param("array_extract(a, b)", "s['k']", id="struct key"),  # the binder asks array_extract first
    pytest.param("map_extract_value(a, b)", "m['m']", id="map key"),
    pytest.param("json_extract(a, b)", "j -> '$.a'", id="json arrow"),
]


@pytest.mark.parametrize(("macro", "expression"), LOOKUPS)
def test_a_macro_on_a_lookup_the_binder_makes_never_runs(con: Any, macro: str, expression: str) -> None:
    con.execute(NESTED)
    sql = f"SELECT id, {expression} AS v FROM nest ORDER BY id"
    answer = con.execute(sql).fetchall()  # the built-in's answer, before any macro
    con.execute(f"CREATE MACRO {macro} AS {LEAK}")
    rewritten = rewrite(sql, load_policy(POLICY), "duckdb", connection=con)
    assert run_masked(con, rewritten, harden=False).rows == answer
    # Control: the user's query, run directly, binds the macro (DuckDB then stops: it is no scalar function)
    with pytest.raises(duckdb.Error, match="not a scalar function"):
        con.execute(sql)


def test_pinned_lookups_answer_as_the_binder_does(con: Any) -> None:
    """Control: 1-based indexes, negative ones, NULL, out of range, open slices, text, maps with integer keys and
    nested structs give, pinned, what DuckDB's own reading of the query gives."""
    con.execute(NESTED)
    sql = ("SELECT id, x[1], x[-1], x[0], x[9], x[-9], x[NULL], x[i], x[i + 1], x[2:3], x[:2], x[-2:], x[1:3:2], "
           "x[3:1], x[i:], st[1], st[-1], st[2:3], st[:-1], st[i], s.k, s.n.z, s['k'], m['m'], m['none'], "
           "mi[1], mi[0], mi[i], j -> '$.a', j -> 0, j ->> '$.a', j -> '$.a' ->> '$.b' FROM nest ORDER BY id")
    rewritten = rewrite(sql, load_policy(POLICY), "duckdb", connection=con)
    printed = rewritten.sql.split(" FROM ")[0]
    assert not re.search(r"[\w)]\[|-> |\.k\b|\.z\b", printed), printed  # every lookup printed as a call
    rows = run_masked(con, rewritten, harden=False).rows
    assert rows == con.execute(sql).fetchall()
    assert rows[0][1:5] == (1, 3, None, None)


def test_a_lookup_on_a_value_of_unknown_type_fails_rather_than_answer(con: Any) -> None:
    """Where the type of the value before ``[...]`` is not known to maskline (a list built in the query), the
    lookup is printed as written: a macro of that name makes the engine fail, with an error that quotes no value."""
    con.execute(f"CREATE MACRO array_extract(a, b) AS {LEAK}")
    rewritten = rewrite("SELECT (string_split(city, 'x'))[1] AS v FROM t", load_policy(POLICY), "duckdb",
                        connection=con)
    with pytest.raises(QueryFailed) as info:
        run_masked(con, rewritten, harden=False)
    assert EMAIL not in str(info.value)


def test_syntax_still_looked_up_by_name_is_refused() -> None:
    """The read-back by DuckDB's parser, on SQL with a call the generator did not pin (``MAP {...}`` is printed as
    written: the allow-list refuses it in a query, so it is given here as printed SQL)."""
    from maskline.dialects import get_dialect

    assert get_dialect("duckdb").unpinned_calls("SELECT MAP {1: 2} FROM t") == ("map", "list_value", "list_value")
    assert get_dialect("duckdb").unpinned_calls("SELECT system.main.lower(x) FROM t") == ()


def test_pinned_sql_gives_the_same_answers_without_macros(con: Any) -> None:
    """Control: with no macro, pinning changes no answer."""
    sql = ("SELECT id, email, upper(city) || '!' AS c, id % 2 AS m, [city] AS l, city LIKE 'H%' AS h, "
           "extract(year FROM DATE '2020-03-04') AS y FROM t")
    rewritten = rewrite(sql, load_policy(POLICY), "duckdb", connection=con)
    rows = run_masked(con, rewritten, harden=False).rows
    assert rows == con.execute(_unpinned(rewritten.sql)).fetchall()
    assert rows == [(1, MASKED, "HARBOURTON!", 1, ["Harbourton"], True, 2020)]


def test_a_macro_with_a_name_of_its_own_is_not_refused(con: Any) -> None:
    con.execute("CREATE MACRO add_one_to(a) AS a + 1")
    rewritten = rewrite("SELECT id, email FROM t", load_policy(POLICY), "duckdb", connection=con)
    assert run_masked(con, rewritten).rows == [(1, MASKED)]


def test_every_golden_masking_expression_calls_only_builtins() -> None:
    """maskline's own masking SQL for DuckDB, read back by DuckDB's parser: no call is looked up by name."""
    from maskline.dialects.duckdb_builtins import unpinned_calls

    text = (Path(__file__).parents[1] / "core" / "golden" / "duckdb.sql").read_text()
    statements = [s for s in (re.sub(r"(?m)^--.*$", "", part).strip() for part in text.split(";\n")) if s]
    assert len(statements) > 10
    assert {s: unpinned_calls(s) for s in statements if unpinned_calls(s)} == {}


@pytest.mark.parametrize("statement", [
    "CREATE MACRO system.main.strpos(a, b) AS 2",
    "CREATE MACRO system.main.a_new_name(a) AS 2",
    "ATTACH ':memory:' AS system",
    "CREATE SCHEMA system.evil",
])
def test_nothing_can_be_put_where_the_pins_point(con: Any, statement: str) -> None:
    """The premise of the construction, checked on the engine: the system catalog takes no new entry, and no
    database can be attached under its name."""
    with pytest.raises(duckdb.Error):
        con.execute(statement)


def test_a_forked_worker_parses_on_its_own_connection() -> None:
    """Airflow's executors fork: a child must not use the parser connection (or its lock) its parent made."""
    import multiprocessing

    from maskline.dialects import duckdb_builtins

    parent_lock, parent_parser = duckdb_builtins._parser()
    with parent_lock:  # held at the fork, as another thread of the parent might hold it
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(1) as pool:
            child = pool.apply_async(_child_parses, ()).get(timeout=60)  # a lock inherited held never frees
    assert child["parsed"] is True
    assert child["own_connection"] is True
    assert duckdb_builtins._parser()[1] is parent_parser  # the parent keeps its own


def _child_parses() -> dict[str, bool]:
    from maskline.dialects import duckdb_builtins

    inherited = duckdb_builtins._PARSERS.get(next(iter(duckdb_builtins._PARSERS)))
    _, parser = duckdb_builtins._parser()
    return {"parsed": duckdb_builtins._statement_tree("SELECT lower('A')") is not None,
            "own_connection": inherited is None or parser is not inherited[1]}


def test_printed_sql_read_back_prints_the_same() -> None:
    """The Airflow query operator parses the rewrite's SQL and prints it again: ``system.main.fn(x)`` read back is the
    pinned call, not DuckDB's method call ``fn(system.main, x)``."""
    from pathlib import Path

    import sqlglot

    from maskline.dialects import get_dialect

    name = get_dialect("duckdb").sqlglot_name
    golden = Path(__file__).resolve().parents[1] / "core" / "golden" / "duckdb.sql"
    statements = [line.rstrip(";") for line in golden.read_text().splitlines() if "system.main." in line]
    assert len(statements) > 10
    for statement in statements:
        assert sqlglot.parse_one(statement, read=name).sql(dialect=name) == statement
