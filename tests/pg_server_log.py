"""The PostgreSQL server's log, read by the tests that prove no key reaches a statement's text.

The log is the whole cluster's: other test workers write to it at the same time (some controls put a key there on
purpose), so a test reads only its own entries, told by a piece of each entry's prefix (Debian's
``%m [%p] %q%u@%d`` layout, which scripts/postgres.sh uses): ``" [<pid>] "`` for one backend, ``"@<database> "``
for the sessions on one database.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest


def server_log(conn: Any) -> Path:
    """The cluster's log file (Debian's pg_ctlcluster layout), found through ``conn``, an open connection or a
    DSN; the test is skipped where it is not readable."""
    if isinstance(conn, str):
        from tests.pg_sessions import execute

        version = execute(conn, "SHOW server_version_num")[0][0]
    else:
        with conn.cursor() as cur:
            cur.execute("SHOW server_version_num")
            version = cur.fetchone()[0]
    major = int(version) // 10000
    path = Path(f"/var/log/postgresql/postgresql-{major}-main.log")
    if not path.is_file():
        pytest.skip(f"no readable server log at {path}")
    return path


def entries_marked(text: str, marker: str) -> str:
    """The log entries of ``text`` whose first line holds ``marker``, with their continuation lines (a
    multi-line statement)."""
    mine, kept = False, []
    for line in text.splitlines():
        if re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", line):  # a new entry starts with its timestamp
            mine = marker in line
        if mine:
            kept.append(line)
    return "\n".join(kept)
