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
    """Rewrite ``sql`` for ``dialect``, reading the schema from ``connection``, and execute the result there."""
    try:
        rewritten = rewrite(sql, policy, dialect, connection=connection)
    except RewriteRefused as e:
        return Outcome(refused=str(e))
    try:
        if dialect == "duckdb":
            cur = connection.execute(rewritten.sql)
            rows = cur.fetchall()
            names = tuple(d[0] for d in cur.description)
        else:
            with connection.cursor() as cur:
                cur.execute(rewritten.sql)
                rows = cur.fetchall()
                names = tuple(d[0] for d in cur.description)
    except Exception as e:  # the engine's own error: the test checks its text for leaks too
        return Outcome(sql=rewritten.sql, error=f"{type(e).__name__}: {e}")
    return Outcome(sql=rewritten.sql, rows=[names, *rows])  # column names are output too (PIVOT-style leaks)
