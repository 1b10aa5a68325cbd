"""Run a query through the rewrite and on a real engine, and report what came back (for the leak tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite


@dataclass
class Outcome:
    refused: str | None = None
    sql: str | None = None
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    error: str | None = None


def run_masked(sql: str, policy: Any, dialect: str, connection: Any) -> Outcome:
    """Rewrite ``sql`` for ``dialect``, reading the schema from ``connection``, and run it through the safe path.

    The connection holds the key already (the fixtures load it), so the harness says so.
    """
    from maskline.errors import QueryFailed
    from maskline.rewrite.run import run_masked as run

    try:
        rewritten = rewrite(sql, policy, dialect, connection=connection)
    except RewriteRefused as e:
        return Outcome(refused=str(e))
    try:
        result = run(connection, rewritten, key_loaded=True)
    except QueryFailed as e:  # value-free by construction: the test checks its text for leaks too
        return Outcome(sql=rewritten.sql, error=str(e))
    return Outcome(sql=rewritten.sql, rows=[result.columns, *result.rows])  # names are output too
