"""Red team (round redteam4): a column's type never hands out the values it spells.

DuckDB's ENUM type lists its labels in its name: a column of names declared ``ENUM('Zebulon Quartermaine', ...)``
has ``information_schema.columns.data_type`` ``ENUM('Zebulon Quartermaine', ...)``. maskline showed that type as
it was: ``maskline mcp``'s ``describe_table`` (to the agent), the ``schema`` facet of the call's lineage, and the
agent toolset's ``get_schema`` (tests/agents/test_type_names.py), so describing a masked column gave out every raw value it may hold. A shown type
now keeps its name and numeric parameters only (:mod:`maskline.shown_types`). The controls read the type from the
engine, and show the values are in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NAMES = ["Zebulon Quartermaine", "Philomena Brightwater"]
POLICY = {"key": {"env": "MASKLINE_KEY"}, "datasets": {"people": {"columns": {
    "id": {"pass": True}, "name": {"info_type": "PERSON_NAME"}, "amount": {"pass": True}}}}}


def _leaks(text: str) -> list[str]:
    return [n for n in NAMES if n.lower() in text.lower()]


@pytest.fixture(scope="module")
def enum_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    path = tmp_path_factory.mktemp("types") / "w.duckdb"
    con = duckdb.connect(str(path))
    labels = ", ".join(f"'{n}'" for n in NAMES)
    con.execute(f"CREATE TYPE person AS ENUM ({labels})")
    con.execute(f"CREATE TABLE people (id INTEGER, name ENUM({labels}), alias person, amount DECIMAL(18,3))")
    con.execute(f"INSERT INTO people VALUES (1, '{NAMES[0]}', '{NAMES[1]}', 12.5)")
    con.close()
    return path


def test_control_the_engine_spells_the_values_in_the_type(enum_file: Path) -> None:
    import duckdb

    con = duckdb.connect(str(enum_file), read_only=True)
    types = str(con.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'people'").fetchall())
    con.close()
    assert set(_leaks(types)) == set(NAMES)


def test_describe_table_and_lineage_show_no_value(enum_file: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK's client (in-process) describes and queries the table; neither it nor lineage gets a label."""
    import anyio
    from mcp import Client
    from openlineage.client import OpenLineageClient
    from openlineage.client.transport.file import FileConfig, FileTransport

    from maskline.mcp import lineage
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from maskline.policy import load_policy
    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    events = tmp_path / "events.jsonl"
    monkeypatch.setattr(lineage, "_client", lambda: OpenLineageClient(
        transport=FileTransport(FileConfig(log_file_path=str(events), append=True))))
    server = build_server(MaskedTools(load_policy(POLICY), Database.from_uri(f"duckdb:///{enum_file}")))
    seen: dict[str, Any] = {}

    async def main() -> None:
        async with Client(server) as client:
            seen["describe"] = (await client.call_tool("describe_table", {"table": "people"})).structured_content
            seen["query"] = (await client.call_tool("query", {"sql": "SELECT * FROM people"})).structured_content

    anyio.run(main)
    types = {c["name"]: c["type"] for c in seen["describe"]["columns"]}
    assert types == {"id": "integer", "name": "enum(...)", "alias": "enum(...)", "amount": "decimal(18,3)"}
    assert len(seen["query"]["rows"]) == 1
    lineage_text = events.read_text()
    assert "schema" in lineage_text  # the events carry the schema facet, with the types as shown
    assert not _leaks(json.dumps(seen) + lineage_text)



def test_any_producers_schema_facet_is_scrubbed_to_the_shown_type() -> None:
    """dbt-ol and Airflow's provider build their own schema facets from the catalog: every event maskline's
    transformer or transport scrubs keeps a field's type as shown. The control is the event before scrubbing."""
    from openlineage.client.event_v2 import InputDataset, Job, Run, RunEvent, RunState
    from openlineage.client.facet_v2 import schema_dataset

    from openlineage_ext.scrubbing import scrub_event

    labels = ", ".join(f"'{n}'" for n in NAMES)
    fields = [schema_dataset.SchemaDatasetFacetFields(name="name", type=f"ENUM({labels})"),
              schema_dataset.SchemaDatasetFacetFields(name="amount", type="DECIMAL(18,3)")]
    event = RunEvent(eventType=RunState.COMPLETE, eventTime="2026-12-05T00:00:00Z", producer="https://example.com/p",
                     run=Run(runId="0190a4c2-0000-7000-8000-000000000000"), job=Job(namespace="ns", name="job"),
                     inputs=[InputDataset(namespace="duckdb://w", name="people",
                                          facets={"schema": schema_dataset.SchemaDatasetFacet(fields=fields)})])
    assert set(_leaks(str(event))) == set(NAMES)  # control
    scrubbed = scrub_event(event)
    assert [f.type for f in scrubbed.inputs[0].facets["schema"].fields] == ["ENUM(...)", "DECIMAL(18,3)"]
    assert not _leaks(str(scrubbed))
