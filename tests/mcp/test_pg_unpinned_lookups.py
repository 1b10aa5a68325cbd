"""``maskline mcp`` on PostgreSQL (round pgcatalog2): a query's constructs that PostgreSQL resolves by name.

The SDK's own client asks for ``IS DISTINCT FROM``, ``CASE x WHEN``, a cast to ``text`` and ``COLLATE "C"``: each is
printed with pg_catalog's operator, type or collation and runs. A row's ``IS DISTINCT FROM`` and ``SIMILAR TO``, which
the printer cannot pin, are refused with a structural reason (what, where, how to spell it), no engine text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.mcp.agent import ScriptedAgent, server_env
from tests.mcp.conftest import raw_values

pytestmark = pytest.mark.postgres

SCRIPT: list[tuple[str, dict[str, Any]]] = [
    ("query", {"sql": "SELECT email IS DISTINCT FROM full_name AS d, CASE email WHEN full_name THEN 1 ELSE 0 END AS c, "
                      "CAST(email AS TEXT) COLLATE \"C\" AS t FROM customers ORDER BY t"}),
    ("query", {"sql": "SELECT (email, ssn) IS DISTINCT FROM (full_name, full_name) FROM customers"}),
    ("query", {"sql": "SELECT email SIMILAR TO full_name FROM customers"}),
]


def test_lookups_by_name_are_pinned_or_refused_over_mcp(reader_dsn: tuple[str, str], policy_file: Path,
                                                         tmp_path: Path) -> None:
    dsn, masked = reader_dsn
    agent = ScriptedAgent(name="pg-lookups").over_stdio(
        ["--policy", str(policy_file), "--database", dsn, "--masked-schema", masked],
        server_env(tmp_path / "events.jsonl"), SCRIPT)
    pinned, row_distinct, similar = agent.answers
    assert not pinned.is_error, pinned.text
    assert [row[:2] for row in pinned.data["rows"]] == [[True, 0]] * 3
    for refused, operator in ((row_distinct, "="), (similar, "~")):
        assert refused.is_error
        assert f"looks up operator {operator} by a name the connection could redefine" in refused.text, refused.text
        assert "pg_catalog" in refused.text and "ERROR" not in refused.text and "LINE" not in refused.text
    for value in raw_values():
        assert value not in agent.transcript()
