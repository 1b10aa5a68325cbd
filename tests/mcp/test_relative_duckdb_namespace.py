"""``maskline mcp --database`` with a relative DuckDB path names the file by its absolute path in lineage.

``duckdb:///warehouse.duckdb`` (or a bare ``warehouse.duckdb``) gave the namespace ``duckdb://warehouse.duckdb``:
it depended on the directory the server was started from, so the same file was one dataset node in Marquez for
the MCP server and another for maskline's operators, which name it by the path their connection gives
(:func:`airflow_plugin.lineage.dataset_namespace`, an absolute path in any real deployment). Now the DuckDB
adapter's namespace is the file's absolute path, whoever asks.

Real parts: the server spawned over stdio from another working directory, the MCP SDK's client, the real
OpenLineage client writing to a file, a real DuckDB file. The control: an absolute URI names the same node.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mcp.agent import ScriptedAgent, lineage_events, server_env

QUERY = "SELECT id, email FROM customers"


def _namespaces(uri: str, cwd: Path, policy_file: Path, out: Path) -> set[str]:
    events_file = out / "events.jsonl"
    ScriptedAgent(name="auditor").over_stdio(
        ["--policy", str(policy_file), "--database", uri, "--allow", "customers"], server_env(events_file),
        [("query", {"sql": QUERY})], cwd=cwd)
    events = lineage_events(events_file)
    assert [e["eventType"] for e in events] == ["START", "COMPLETE"], events
    return {i["namespace"] for e in events for i in e["inputs"]}


@pytest.mark.parametrize("spelling", ["uri", "bare", "from_parent"])
def test_a_relative_duckdb_path_names_the_file_by_its_absolute_path(spelling: str, duckdb_file: Path,
                                                                    policy_file: Path, tmp_path: Path) -> None:
    here, name = duckdb_file.parent, duckdb_file.name
    uri, cwd = {"uri": (f"duckdb:///{name}", here), "bare": (name, here),
                "from_parent": (f"duckdb:///{here.name}/{name}", here.parent)}[spelling]
    assert not Path(uri.removeprefix("duckdb:///")).is_absolute()
    assert _namespaces(uri, cwd, policy_file, tmp_path) == {f"duckdb://{duckdb_file}"}


def test_an_absolute_duckdb_uri_names_the_same_node(duckdb_file: Path, policy_file: Path, tmp_path: Path) -> None:
    # The control (true before): the absolute URI, as an operator's connection gives it, from the checkout.
    from maskline.adapters import engine

    assert _namespaces(f"duckdb:///{duckdb_file}", Path.cwd(), policy_file, tmp_path) == {
        f"duckdb://{duckdb_file}", engine("duckdb").namespace(None, None, str(duckdb_file))}
