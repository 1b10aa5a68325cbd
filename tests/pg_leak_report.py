"""Opt-in diagnostic: which tests leave PostgreSQL sessions open. Not loaded unless asked for.

Run one test directory at a time, without ``-n``, with the run's sessions named so no other process is counted::

    PGAPPNAME=leaks_$$ PYTHONPATH=$PWD python -m pytest -p tests.pg_leak_report tests/expectations

After each test it counts this run's sessions per database (``pg_stat_activity`` rows whose ``application_name``
is ``$PGAPPNAME``: libpq gives it to every psycopg2 connection, SQLAlchemy's included, and to subprocesses) and
prints the tests after which the count grew. A session-scoped fixture's connection shows once; a leak grows with
every test that takes the path (GX's pooled engines grew by two per SQL batch).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

_seen: dict[str, Any] = {"before": None, "grew": []}


def _sessions() -> dict[str, int]:
    import psycopg2

    admin = psycopg2.connect(os.environ["MASKLINE_PG_DSN"])
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT datname, count(*) FROM pg_stat_activity WHERE application_name = %s "
                        "AND pid <> pg_backend_pid() GROUP BY datname", (os.environ["PGAPPNAME"],))
            return {str(name): int(n) for name, n in cur.fetchall()}
    finally:
        admin.close()


def pytest_configure(config: pytest.Config) -> None:
    if not os.environ.get("PGAPPNAME") or not os.environ.get("MASKLINE_PG_DSN"):
        raise pytest.UsageError("tests.pg_leak_report needs PGAPPNAME (this run's name) and MASKLINE_PG_DSN")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if _seen["before"] is None:
        _seen["before"] = _sessions()
    yield
    after = _sessions()
    grew = sum(after.values()) - sum(_seen["before"].values())
    if grew > 0:
        _seen["grew"].append((item.nodeid, grew, after))
    _seen["before"] = after


def pytest_terminal_summary(terminalreporter: Any) -> None:
    terminalreporter.write_line(f"pg_leak_report: {len(_seen['grew'])} tests left more sessions open")
    for nodeid, grew, after in _seen["grew"]:
        terminalreporter.write_line(f"  +{grew} {nodeid} -> {after}")
