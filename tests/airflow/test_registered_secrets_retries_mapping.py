"""Registered secrets under an in-process run, a retried file task, and mapped maskline operators fed by an XCom.

The DAGs are in tests/airflow/dags/maskline_secret_retry_dags.py, run in the shared dag.test() process.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

sys.path.insert(0, str(Path(__file__).with_name("dags")))
from maskline_secret_retry_dags import (  # noqa: E402
    LOGGED_KEY,
    MAPPED_CANARY,
    MAPPED_TARGETS,
    RETRY_CANARY,
    RETRY_ROWS,
)


def _rows(db: Path, sql: str, *parameters: object) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, parameters).fetchall()
    finally:
        con.close()


def _text(value: object) -> str:
    return value if isinstance(value, str) else bytes(value).decode("utf-8")  # type: ignore[arg-type]


def test_a_registered_key_is_hidden_from_every_log_line_of_an_in_process_run(airflow_runs) -> None:
    # dag.test() runs the task in the process that writes its log, where Airflow puts no masker: on main the key
    # maskline registered was printed by the user's logger, the task logger, a handler of the task's own, print.
    run = airflow_runs.run("mt_registered_secrets")
    assert run["tasks"] == {"logs_the_key": "success", "returns_the_key": "success", "raises_the_key": "failed"}
    log = airflow_runs.log_text
    assert LOGGED_KEY not in log
    for line in ("user logger, argument: ***", "user logger, formatted: ***", "task logger: ***",
                 "own handler: ***", "printed: ***", "cannot use key ***"):
        assert line in log  # the lines are there, masked, not dropped


def test_a_registered_key_is_hidden_from_an_xcom(airflow_runs) -> None:
    # Airflow masks no XCom, in any run: on main the task's returned text held the key as typed.
    xcoms = {(t, k): v for t, k, v in airflow_runs.xcoms("mt_registered_secrets")}
    assert LOGGED_KEY not in json.dumps(list(xcoms.values()))
    assert "the key is ***" in xcoms[("returns_the_key", "return_value")]


def test_a_registered_key_is_in_no_lineage_event(airflow_runs) -> None:
    events = [e for e in airflow_runs.lineage_events if "mt_registered_secrets" in json.dumps(e.get("job", {}))]
    assert events
    assert LOGGED_KEY not in json.dumps(events)


def test_a_retried_file_task_writes_its_output_once_and_its_failed_try_leaves_no_value(airflow_runs) -> None:
    run = airflow_runs.run("mt_retried_file")
    assert run["state"] == "success" and run["tasks"]["retried_file"] == "success"
    tries = _rows(airflow_runs.metadata_db, "SELECT try_number, state FROM task_instance_history WHERE "
                  "dag_id = 'mt_retried_file' AND task_id = 'retried_file'")
    assert tries == [(1, "failed")]  # the first try failed (its history), and the second is the task's state
    out = airflow_runs.data_dir / "retried" / "people_masked.csv"
    lines = out.read_text().splitlines()
    assert len(lines) == RETRY_ROWS + 1  # the header and each row once: nothing of the failed try is kept
    assert not [p.name for p in out.parent.iterdir() if p.name not in ("people.csv", "people_masked.csv")]
    assert "@example.org" not in out.read_text().replace("*****@example.org", "")
    assert RETRY_CANARY not in airflow_runs.log_text
    xcoms = [(t, k, v) for t, k, v in airflow_runs.xcoms("mt_retried_file") if t == "retried_file"]
    assert RETRY_CANARY not in json.dumps(xcoms) and "r5@example.org" not in json.dumps(xcoms)
    events = [e for e in airflow_runs.lineage_events if "mt_retried_file" in json.dumps(e.get("job", {}))]
    assert any(e["eventType"] == "FAIL" for e in events) and RETRY_CANARY not in json.dumps(events)


def _customers() -> list[dict]:
    from tests.airflow.conftest import raw_people

    return raw_people()


def test_an_upstream_xcom_of_raw_rows_and_its_maskline_consumer_hold_no_raw_value(airflow_runs) -> None:
    run = airflow_runs.run("mt_mapped_upstream")
    assert run["state"] == "success", run
    stored = json.dumps(airflow_runs.xcoms("mt_mapped_upstream"))
    rendered = " ".join(_text(r[0]) for r in _rows(
        airflow_runs.metadata_db, "SELECT rendered_fields FROM rendered_task_instance_fields WHERE "
        "dag_id = 'mt_mapped_upstream'"))
    for person in _customers()[:6]:
        assert person["email"] not in stored and person["full_name"] not in stored
        assert person["email"] not in rendered and person["full_name"] not in rendered


def test_each_mapped_query_instance_is_masked_and_named_by_its_map_index(airflow_runs) -> None:
    run = airflow_runs.run("mt_mapped_upstream")
    assert run["state"] == "success", run
    xcoms = _rows(airflow_runs.metadata_db, "SELECT map_index, value FROM xcom WHERE dag_id = 'mt_mapped_upstream' "
                  "AND task_id = 'mapped_query' AND key = 'return_value' ORDER BY map_index")
    assert [m for m, _ in xcoms] == [0, 1]
    for (map_index, value), target in zip(xcoms, MAPPED_TARGETS, strict=True):
        assert target in _text(value), (map_index, _text(value))
    events = [e for e in airflow_runs.lineage_events if e.get("job", {}).get("name", "").endswith("mapped_query")]
    emails = [p["email"] for p in _customers()]
    assert not [e for e in emails if e in json.dumps(events)]
    assert MAPPED_CANARY not in json.dumps(events) and MAPPED_CANARY not in airflow_runs.log_text
    rendered = _rows(airflow_runs.metadata_db, "SELECT map_index, rendered_fields FROM rendered_task_instance_fields "
                     "WHERE dag_id = 'mt_mapped_upstream' AND task_id = 'mapped_query' ORDER BY map_index")
    assert [m for m, _ in rendered] == [0, 1]
    assert MAPPED_CANARY not in json.dumps([_text(r) for _, r in rendered])
    assert MAPPED_TARGETS[1] in _text(rendered[1][1])  # each instance's own fields
    complete = {}
    for event in events:
        if event["eventType"] == "COMPLETE":
            ti = event["run"]["facets"]["airflow"]["taskInstance"]
            complete[ti["map_index"]] = [o["name"] for o in event.get("outputs", [])]
    assert sorted(complete) == [0, 1], complete
    assert len({e["run"]["runId"] for e in events}) == 2  # each instance is a run of its own
    assert all("maskline_identity" in e["run"]["facets"] for e in events)  # who ran it, on every instance's event
    for map_index, target in enumerate(MAPPED_TARGETS):
        assert any(name.endswith(target) for name in complete[map_index]), complete


def test_a_worker_s_supervisor_hides_the_registered_key_from_every_line_its_task_process_writes(airflow_runs) -> None:
    # The same task, run as a worker runs it: Airflow's supervisor writes the task process's log through its
    # masker, which the task process told of the key. Every way of writing reaches the log, masked by Airflow.
    assert airflow_runs.results["supervised"] == {"mt_registered_secrets.logs_the_key": 0}
    log = (airflow_runs.workdir / "supervised" / "mt_registered_secrets.logs_the_key.log").read_text()
    assert LOGGED_KEY not in log
    for line in ("user logger, argument: ***", "user logger, formatted: ***", "task logger: ***",
                 "own handler: ***", "printed: ***"):
        assert line in log
