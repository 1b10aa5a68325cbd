"""Everything a task writes to its log is scrubbed: print() output, the returned value, exception tracebacks.

``mt_task_logs`` (tests/airflow/dags/maskline_log_dags.py) writes fixed raw values every one of those ways.
The shared dag.test() run (conftest.airflow_runs) has the plugin's log filter and the masking XCom backend;
the control run here has neither, and shows the same values reaching the log and the XCom raw.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from tests.airflow.one_dag import OneDagRun

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

sys.path.insert(0, str(Path(__file__).with_name("dags")))
from maskline_log_dags import LOG_VALUES, RENDERED_VALUES  # noqa: E402


def _xcom(metadata_db: Path, task_id: str) -> str:
    con = sqlite3.connect(metadata_db)
    try:
        (value,) = con.execute("SELECT value FROM xcom WHERE dag_id = 'mt_task_logs' AND task_id = ? "
                               "AND key = 'return_value'", (task_id,)).fetchone()
    finally:
        con.close()
    return value if isinstance(value, str) else bytes(value).decode("utf-8")


def _rendered(metadata_db: Path, task_id: str) -> str:
    con = sqlite3.connect(metadata_db)
    try:
        rows = con.execute("SELECT rendered_fields FROM rendered_task_instance_fields WHERE dag_id = 'mt_task_logs' "
                           "AND task_id = ?", (task_id,)).fetchall()
    finally:
        con.close()
    return " ".join(str(r[0]) for r in rows)


@pytest.fixture(scope="module")
def unfiltered_run(plain_backend_run: OneDagRun) -> tuple[str, str, str]:
    """The negative control: the same DAG with the log filter off and Airflow's own XCom backend."""
    run = plain_backend_run
    assert run.result["tasks"]["raises"] == "failed"
    return (run.log, _xcom(run.metadata_db, "returns_phone_with_extension"),
            _rendered(run.metadata_db, "takes_arguments"))


def test_the_task_log_holds_none_of_the_values_a_task_printed_returned_or_raised(airflow_runs):
    run = airflow_runs.run("mt_task_logs")
    assert run["tasks"] == {"prints": "success", "returns_object": "success",
                            "returns_phone_with_extension": "success", "raises": "failed",
                            "raises_engine_error": "failed", "takes_arguments": "success"}
    log = airflow_runs.log_text
    leaked = sorted(name for name, value in LOG_VALUES.items() if value in log)
    assert leaked == []
    # ...and the lines are there, scrubbed, not dropped:
    assert "mailing [EMAIL]" in log and "calling [PHONE]" in log
    assert "Returned value was: Customer(email='[EMAIL]', card='[CREDIT_CARD]')" in log
    assert "ValueError: cannot bill [EMAIL]" in log  # the exception's message
    assert "RuntimeError: refund to [IBAN] failed" in log  # its context
    assert "no customer with ssn [US_SSN]" in log  # the context's cause
    assert "The above exception was the direct cause" in log and "During handling of the above exception" in log
    # The engine's exception is shown by its type, where it came from and its frames, not by its text:
    assert "InvalidInputException raised by _duckdb (message withheld by maskline" in log


def test_a_phone_number_with_an_extension_does_not_survive_into_an_xcom(airflow_runs):
    value = _xcom(airflow_runs.metadata_db, "returns_phone_with_extension")
    assert "[PHONE]" in value
    assert "555-2671" not in value and "x123" not in value


def test_without_the_filter_the_same_values_reach_the_log_and_the_xcom_raw(unfiltered_run):
    log, xcom, rendered = unfiltered_run
    assert sorted(name for name, value in LOG_VALUES.items() if value not in log) == []
    assert LOG_VALUES["xcom_phone"] in xcom
    assert RENDERED_VALUES["argument_name"] in rendered  # the Rendered Template tab keeps arguments raw


def test_a_callables_arguments_are_rendered_with_their_keys_but_no_values(airflow_runs):
    rendered = _rendered(airflow_runs.metadata_db, "takes_arguments")
    assert "name" in rendered and "[REDACTED]" in rendered  # the shape is kept
    assert RENDERED_VALUES["argument_name"] not in rendered
