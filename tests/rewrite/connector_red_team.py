"""What the red-team files of Trino's lake connectors (Iceberg, Hive) share.

Every attack there has two halves: run raw, it gives a value away (so the test is not trivially true); through the
safe path, the rows or the error hold none. These helpers are those halves, so each file keeps only its attacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from maskline.errors import QueryFailed
from maskline.rewrite import Rewritten, rewrite
from maskline.rewrite.run import run_masked
from tests.rewrite.conftest import key_material


def run_raw(cur: Any, sql: str) -> list[tuple[Any, ...]]:
    """``sql``'s rows, run on the engine as it is (no maskline): what an attack gets without the safe path."""
    cur.execute(sql)
    return [tuple(r) for r in cur.fetchall()]


def leaks(anything: Any, needles: Sequence[str]) -> list[str]:
    """The raw values among ``needles`` that appear in ``anything``'s text (rows, an exception, a plan).

    >>> leaks([("jo@x.org", 1)], ["jo@x.org", "555-0100"])
    ['jo@x.org']
    """
    text = str(anything)
    return [n for n in needles if n in text]


def require_catalog(trino_url: str, catalog: str) -> None:
    """Skip, saying how to fix it, when the running Trino was started without ``catalog`` (an older scripts/trino.sh)."""
    from maskline.adapters.trino import connect

    probe = connect(trino_url)
    try:
        catalogs = {r[0] for r in run_raw(probe.cursor(), "SELECT catalog_name FROM system.metadata.catalogs")}
    finally:
        probe.close()
    if catalog not in catalogs:
        pytest.skip(f"the Trino server has no {catalog} catalog (started by an older scripts/trino.sh: "
                    "run `scripts/trino.sh down` then `scripts/trino.sh up`)")


def masked_rows(conn: Any, query: str, policy: Any) -> tuple[Rewritten, list[tuple[Any, ...]]]:
    """The rewrite of ``query`` under ``policy`` and the rows it gives on ``conn``."""
    r = rewrite(query, policy, "trino", connection=conn)
    return r, run_masked(conn, r, key_material()).rows


def masked_failure(conn: Any, query: str, policy: Any) -> QueryFailed:
    """The error the safe path raises for ``query``, which must fail on the engine (a cast, a partition value)."""
    r = rewrite(query, policy, "trino", connection=conn)
    with pytest.raises(QueryFailed) as failed:
        run_masked(conn, r, key_material())
    return failed.value
