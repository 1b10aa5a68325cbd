"""The attack both catalog-window red teams play (tests/rewrite/test_catalog_window_red_team.py on PostgreSQL and
DuckDB, tests/rewrite/test_catalog_window_engines_red_team.py on SQLite and Trino): the rewrite decides ``email``
masked and ``note`` passed (``unclassified: pass``); DDL another session commits before the query swaps the two
columns' names, or replaces the table by a view that swaps them, so a run that did not check the catalog again
returns the addresses raw under ``note``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from maskline.keys import KeyMaterial
from maskline.policy import load_policy

ADDRESSES = ("quillon.vexmarra@inkwell-post.example", "orla.pemberwick@harbourpost.example")
KEY = KeyMaterial(b"catalog-window-key-0123456789abcdef")
POLICY = load_policy({"unclassified": "pass",
                      "datasets": {"people": {"columns": {"email": {"info_type": "EMAIL", "method": "hmac"}}}}})
SQL = "SELECT id, email, note FROM people ORDER BY id"
SWAP = ("ALTER TABLE people RENAME COLUMN email TO x", "ALTER TABLE people RENAME COLUMN note TO email",
        "ALTER TABLE people RENAME COLUMN x TO note")
AS_VIEW = ("ALTER TABLE people RENAME TO people_raw",
           "CREATE VIEW people AS SELECT id, note AS email, email AS note FROM people_raw")
REFUSED = "the catalog changed between the rewrite and the run"  # the run's refusal, whichever engine


def leaks(rows: Any) -> list[str]:
    """The addresses found raw in ``rows`` (or an error's text): none, when the window is closed."""
    return [a for a in ADDRESSES if a in repr(rows)]


def hooked_cursor(before: Callable[[Any], None]) -> type:
    """A psycopg2 cursor class (a connection's ``cursor_factory``) that calls ``before(sql)`` ahead of each
    statement: the test's hook commits its DDL at a point of the run it controls, never by timing."""
    import psycopg2.extensions

    class Hooked(psycopg2.extensions.cursor):
        def execute(self, sql: Any, params: Any = None) -> Any:
            before(sql)
            return super().execute(sql, params)

    return Hooked
