"""Column statistics in a lineage event keep their counts: a min, max, sum or quantile is a value of the rows.

The standard ``dataQualityMetrics`` facets (written by the OpenLineage GX action, or any extractor that profiles
a table) carry each column's ``min``, ``max``, ``sum`` and ``quantiles`` as JSON numbers. The scrubber reads
strings, so before this round a card number stored as a BIGINT reached the transport as the column's max. The
events go through the real client and its file transport, wrapped by maskline's transformer as configured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, Run, RunEvent, RunState
from openlineage.client.facet_v2 import data_quality_metrics_input_dataset as dq
from openlineage.client.transport import get_default_factory

from openlineage_ext.config import transport_config

CARDS = (4111111111111111, 4929123456789011)
SALARY_SUM = 738_215_904  # a sum over two rows: with one of them known, the other follows


def _event() -> RunEvent:
    metrics = {
        "card": dq.ColumnMetrics(nullCount=0, distinctCount=2, count=2, min=CARDS[0], max=CARDS[1],
                                 quantiles={"0.5": float(CARDS[1])}),
        "salary": dq.ColumnMetrics(nullCount=1, count=2, sum=SALARY_SUM),
    }
    table = InputDataset(namespace="postgres://warehouse:5432", name="crm.public.accounts", inputFacets={
        "dataQualityMetrics": dq.DataQualityMetricsInputDatasetFacet(columnMetrics=metrics, rowCount=3)})
    return RunEvent(eventType=RunState.COMPLETE, eventTime="2026-12-06T07:00:00Z",
                    run=Run(runId="0190a4c2-1234-7000-8000-0000000000c1"),
                    job=Job(namespace="crm", name="profile_accounts"), producer="https://example.com/profiler",
                    inputs=[table])


def _sent(tmp_path: Path, config: dict[str, Any]) -> dict[str, Any]:
    path = tmp_path / "events.jsonl"
    client = OpenLineageClient(transport=get_default_factory().create(
        {**config, "log_file_path": str(path), "append": True} if config["type"] == "file"
        else {**config, "transport": {**config["transport"], "log_file_path": str(path), "append": True}}))
    client.emit(_event())
    (line,) = path.read_text().splitlines()
    return json.loads(line)


def _needles() -> list[str]:
    return [str(c) for c in CARDS] + [f"{float(CARDS[1])}", str(SALARY_SUM)]


def test_the_file_transport_alone_writes_the_column_values(tmp_path: Path) -> None:
    # The control: without maskline's transformer the statistics are written as they are.
    text = json.dumps(_sent(tmp_path, {"type": "file"}))
    assert all(n in text for n in (str(CARDS[0]), str(CARDS[1]), str(SALARY_SUM)))


def test_statistics_that_are_values_are_not_sent_and_counts_are(tmp_path: Path) -> None:
    event = _sent(tmp_path, transport_config({"type": "file"}))
    text = json.dumps(event)
    assert [n for n in _needles() if n in text] == []
    facet = event["inputs"][0]["inputFacets"]["dataQualityMetrics"]
    assert facet["rowCount"] == 3
    assert facet["columnMetrics"]["card"] == {"nullCount": 0, "distinctCount": 2, "count": 2}
    assert facet["columnMetrics"]["salary"] == {"nullCount": 1, "count": 2}


def test_a_number_in_any_facet_is_scrubbed_as_its_text_and_a_count_is_not(tmp_path: Path) -> None:
    from openlineage.client.facet_v2 import RunFacet

    event = _event()
    event.run.facets["billing"] = RunFacet().with_additional_properties(charged={"card": CARDS[0], "items": 3})
    path = tmp_path / "events.jsonl"
    client = OpenLineageClient(transport=get_default_factory().create(
        transport_config({"type": "file", "log_file_path": str(path), "append": True})))
    client.emit(event)
    sent = json.loads(path.read_text().splitlines()[0])
    assert str(CARDS[0]) not in json.dumps(sent)
    assert sent["run"]["facets"]["billing"]["charged"]["items"] == 3
