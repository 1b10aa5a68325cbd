"""The two sides of the safe query path's contract: R(Q) over the raw tables, tau(Q) over masked copies."""

from __future__ import annotations

from typing import Any

import pytest

from maskline.errors import QueryFailed, RewriteRefused
from maskline.plan import build_plan
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from maskline.sql.compile import compile_select, to_sql
from tests.rewrite.pii_data import COLUMNS


def masked_selects(policy: Any, dialect: str) -> dict[str, str]:
    out = {}
    for table, cols in COLUMNS.items():
        types = [(n, (duck if dialect == "duckdb" else pg).lower()) for n, duck, pg in cols]
        out[table] = to_sql(compile_select(build_plan(policy, table, types), table, dialect), dialect)
    return out


class Engine:
    """One engine with the raw tables (key in the session) and a second session over masked copies."""

    def __init__(self, dialect: str, raw: Any, masked: Any) -> None:
        self.dialect, self.raw, self.masked = dialect, raw, masked

    def run_raw(self, rewritten: Any) -> list[tuple[Any, ...]]:
        return run_masked(self.raw, rewritten, key_loaded=True, harden=False).rows

    def run_masked_copies(self, sql: str) -> list[tuple[Any, ...]]:
        if self.dialect == "duckdb":
            return [tuple(r) for r in self.masked.execute(sql).fetchall()]
        with self.masked.cursor() as cur:
            cur.execute(sql)
            return [tuple(r) for r in cur.fetchall()]


def _key_of(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(repr(v) for v in row)


def compare(query: str, policy: Any, engine: Engine) -> str:
    """``equal``, ``refused`` or ``both failed``; raises AssertionError when the contract is broken."""
    try:
        r = rewrite(query, policy, engine.dialect, connection=engine.raw)
    except RewriteRefused as e:
        assert " (at " in str(e) and ". Fix: " in str(e)
        return "refused"
    try:
        expected = engine.run_masked_copies(r.over_masked)
    except Exception:  # noqa: BLE001 - tau(Q) fails over M(D): R(Q) must fail too
        if engine.dialect == "postgres":
            engine.masked.rollback()
        with pytest.raises(QueryFailed):
            engine.run_raw(r)
        return "both failed"
    got = engine.run_raw(r)
    assert sorted(got, key=_key_of) == sorted(expected, key=_key_of), f"R(Q) != tau(Q) over M(D) for:\n{query}"
    return "equal"


