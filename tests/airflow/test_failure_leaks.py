"""Failing MaskFileOperator tasks whose inputs hold a canary: it reaches neither the task log nor lineage.

The DAG is ``mt_failure_leaks`` (tests/airflow/dags/maskline_leak_dags.py), run in the shared dag.test()
process. The canary is a token the log filter does not detect, so the filter cannot hide a forwarded message:
before the fixes of the red-team round, three of these tasks printed it (the pasted key three times, the
alias name, and the headerless file's first record as column names in the plan and the output's header).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

sys.path.insert(0, str(Path(__file__).with_name("dags")))
from maskline_leak_dags import CANARY, FILE_TASKS  # noqa: E402


def test_the_canary_really_is_in_every_input(airflow_runs) -> None:
    leaks = airflow_runs.data_dir / "leaks"
    assert all(CANARY in (leaks / name).read_text() for name in ("headerless.csv", "deep.csv", "pasted.yml",
                                                                "pasted_conn.yml", "alias.yml"))


@pytest.mark.parametrize("task_id", sorted(FILE_TASKS))
def test_each_failing_file_task_fails_and_writes_nothing(airflow_runs, task_id) -> None:
    run = airflow_runs.run("mt_failure_leaks")
    assert run["tasks"][task_id] == "failed"
    assert not (airflow_runs.data_dir / "leaks" / FILE_TASKS[task_id][2]).exists()


def test_no_failure_puts_the_canary_in_the_task_log_or_the_lineage_events(airflow_runs) -> None:
    airflow_runs.run("mt_failure_leaks")
    assert CANARY not in airflow_runs.log_text
    events = [e for e in airflow_runs.lineage_events if "mt_failure_leaks" in json.dumps(e.get("job", {}))]
    assert any(e.get("eventType") == "FAIL" for e in events)  # the failures did reach lineage
    assert CANARY not in json.dumps(events)
