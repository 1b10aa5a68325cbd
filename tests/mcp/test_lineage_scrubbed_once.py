"""``maskline mcp``'s tool-call events cross one scrub boundary, the OpenLineage client's transport, as the Airflow
agent toolset's do (tests/agents/test_lineage_scrubbed_once.py).

They were scrubbed before they were queued, and again by the user's ``transform`` transport when it runs maskline's
transformer. Real parts: the OpenLineage client configured by an ``openlineage.yml`` (a file transport, and the
``transform`` transport with maskline's transformer), the real scrubber (counted, not replaced), DuckDB, and the file
the transport wrote.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from maskline.mcp.database import Database
from maskline.mcp.tools import Caller, MaskedTools, ToolRefused
from maskline.policy import load_policy
from tests.lineage.scrub_count import count_scrubs

PLANTED = "quillon.vexmarra@example.org"


def _configure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str) -> Path:
    import os

    from maskline.mcp import lineage
    from openlineage_ext.config import transport_config

    out = tmp_path / "lineage.jsonl"
    file = {"type": "file", "log_file_path": str(out), "append": True}
    config = tmp_path / "openlineage.yml"
    config.write_text(json.dumps({"transport": file if kind == "file" else transport_config(file)}))
    for name in [n for n in os.environ if n.startswith("OPENLINEAGE")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("OPENLINEAGE_CONFIG", str(config))
    lineage._client.cache_clear()  # the process's client is built from the configuration once
    monkeypatch.setattr(lineage, "_client", lineage._client)  # and rebuilt for the next test
    return out


@pytest.mark.parametrize("kind", ["file", "transform"])
def test_every_tool_call_event_reaches_the_transport_scrubbed_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                   kind: str) -> None:
    import duckdb

    from maskline.mcp import lineage
    from openlineage_ext.guarded_transport import is_guarded

    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute(f"CREATE TABLE customers AS SELECT 1 AS id, '{PLANTED}' AS email, 'gold' AS tier")
    con.close()
    out = _configure(monkeypatch, tmp_path, kind)
    scrubbed = count_scrubs(monkeypatch)  # the real scrubber, counted per run and event type
    policy = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    tools = MaskedTools(policy, Database.from_uri(str(path)), allow=["customers"])
    assert tools.query(f"SELECT id FROM customers WHERE tier = 'gold' OR id = 2 OR tier = '{PLANTED}'",
                       Caller("agent"))["rows"] == [[1]]
    with pytest.raises(ToolRefused):
        tools.query(f"DELETE FROM customers WHERE email = '{PLANTED}'", Caller("agent"))
    assert lineage.flush(30)
    assert is_guarded(lineage._client().transport)  # the configured client, guarded in place
    sent = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    assert [e["eventType"] for e in sent] == ["START", "COMPLETE", "START", "FAIL"]
    assert PLANTED not in out.read_text()
    assert all("[REDACTED]" in e["job"]["facets"]["sql"]["query"] for e in sent)
    # the names the call proved are kept by the one scrub (the table and its column), not made placeholders
    assert "FROM customers WHERE tier" in sent[1]["job"]["facets"]["sql"]["query"]
    assert scrubbed == Counter({f"{e['run']['runId']}:{e['eventType']}": 1 for e in sent})
