"""A DuckDB macro named like a built-in function is refused before a masked query runs (red team, search path).

DuckDB binds a function name to a macro of the connection's catalogs (``memory.main``, ``temp.main``, or a
database file someone else prepared) before the built-in of that name. maskline's masking expressions call
built-ins by name: ``CREATE MACRO strpos(a, b) AS 2`` turns the e-mail mask into ``*****`` plus the raw address
without its first letter, and a macro can read the key variables the session holds. The rewrite now reads, in its
one catalog statement, which functions of the connection share a built-in's (or an allow-listed) name, through
``system.main``, which no macro can stand in for, and refuses. The controls show the leak is real: the SQL the
rewrite produced before the macro existed returns raw values once it does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from maskline.errors import RewriteRefused
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

EMAIL = "quillon.vexmarra@harbourpost.example"
POLICY = {"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}}
MACROS = [
    "CREATE MACRO strpos(a, b) AS 2",  # the persistent catalog (a database file keeps it)
    "CREATE TEMP MACRO strpos(a, b) AS 2",  # the session's temporary catalog
    "CREATE MACRO nvl(a, b) AS getvariable('maskline_salt')",  # an allow-listed name a user's query may call
]


@pytest.fixture()
def con() -> Iterator[Any]:
    c = duckdb.connect()
    c.execute(f"CREATE TABLE t AS SELECT 1 AS id, '{EMAIL}' AS email")
    yield c
    c.close()


@pytest.mark.parametrize("macro", MACROS)
def test_a_macro_named_like_a_builtin_is_refused(con: Any, macro: str) -> None:
    con.execute(macro)
    with pytest.raises(RewriteRefused, match="named like a built-in function") as info:
        rewrite("SELECT id, email FROM t", load_policy(POLICY), "duckdb", connection=con)
    assert EMAIL not in str(info.value) and "DROP MACRO" in str(info.value)


def test_the_macro_would_have_unmasked_the_column(con: Any) -> None:
    """Control: the masked SQL written before the macro existed returns the raw address once it does."""
    pol = load_policy(POLICY)
    rewritten = rewrite("SELECT id, email FROM t", pol, "duckdb", connection=con)
    assert run_masked(con, rewritten, harden=False).rows == [(1, "*****@harbourpost.example")]
    con.execute("CREATE MACRO strpos(a, b) AS 2")
    leaked = run_masked(con, rewritten, harden=False).rows
    assert EMAIL[1:] in leaked[0][1]


def test_a_macro_with_a_name_of_its_own_is_not_refused(con: Any) -> None:
    con.execute("CREATE MACRO add_one_to(a) AS a + 1")
    rewritten = rewrite("SELECT id, email FROM t", load_policy(POLICY), "duckdb", connection=con)
    assert run_masked(con, rewritten).rows == [(1, "*****@harbourpost.example")]
