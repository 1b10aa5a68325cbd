"""``maskline lineage audit`` tells the runs of one DAG run apart: OpenLineage's run ids are UUIDv7, whose first 8
hex digits are the time to about a minute, and the tree showed those, so every task of `make demo`'s DAG (and every
model of its dbt build) printed the same ``run 01a25101``."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from maskline.cli.main import main


def _uuid7(ms: int, tail: int) -> str:
    """A UUIDv7 of the time ``ms`` (milliseconds since the epoch), with a made-up random part."""
    value = (ms << 80) | (0x7 << 76) | (0b10 << 62) | tail
    return str(uuid.UUID(int=value))


def test_runs_started_in_the_same_minute_are_shown_with_different_ids(tmp_path: Path, capsys) -> None:
    ms = 1_796_644_800_000  # 2026-12-07T12:00:00Z
    ids = [_uuid7(ms + i * 1500, 0x1234_5678_9ABC + i * 7919) for i in range(3)]
    events = [{"eventType": "COMPLETE", "eventTime": f"2026-12-07T12:00:0{i}Z", "producer": "test",
               "job": {"namespace": "ns", "name": f"dag.task{i}"}, "run": {"runId": run_id, "facets": {}},
               "inputs": [], "outputs": []} for i, run_id in enumerate(ids)]
    assert len({run_id[:8] for run_id in ids}) == 1  # what the tree showed before: one id for all three
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events))
    assert main(["lineage", "audit", str(path)]) == 0
    shown = re.findall(r"run (\S+)", capsys.readouterr().out)
    assert len(shown) == 3 and len(set(shown)) == 3, shown
    assert all(any(run_id.endswith(s) for run_id in ids) for s in shown)


def test_a_local_files_output_is_named_by_its_file_uri(tmp_path: Path, capsys) -> None:
    # make demo's audit showed MaskFileOperator's output as "file//tmp/.../customers_masked.parquet"
    event = {"eventType": "COMPLETE", "eventTime": "2026-12-07T12:00:00Z", "producer": "test",
             "job": {"namespace": "ns", "name": "dag.mask_file"}, "run": {"runId": "r1", "facets": {}},
             "inputs": [], "outputs": [{"namespace": "file", "name": "/data/customers_masked.parquet"},
                                       {"namespace": "duckdb:///data/w.duckdb", "name": "main.t"}]}
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(event) + "\n")
    assert main(["lineage", "audit", str(path)]) == 0
    out = capsys.readouterr().out
    assert "output file:/data/customers_masked.parquet:" in out and "file//" not in out
    assert "output duckdb:///data/w.duckdb/main.t:" in out
