"""A sensitive value held as a number is scrubbed like the same value as text, in the task log and the XCom.

``mt_number_logs`` (tests/airflow/number_dags) returns and logs a card number as an integer. On main 1d08507 it
reached the XCom table and the task log as it was, while its text form was scrubbed.
The control run, without the plugin's log filter and XCom backend, shows the values do reach both sinks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.airflow.one_dag import OneDagRun, run_one_dag

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

DAGS = Path(__file__).with_name("number_dags")
sys.path.insert(0, str(DAGS))
from maskline_number_log_dag import NUMBER_VALUES  # noqa: E402

# As text: a JSON number comes back from SQLite as an int, which bytes() would read as a length.
XCOMS = "SELECT CAST(value AS TEXT) FROM xcom WHERE dag_id = 'mt_number_logs' AND key = 'return_value'"


def _found(text: str) -> list[str]:
    return sorted(name for name, value in NUMBER_VALUES.items() if value in text)


@pytest.fixture(scope="module")
def number_run(tmp_path_factory: pytest.TempPathFactory) -> OneDagRun:
    return run_one_dag(tmp_path_factory.mktemp("numbers"), DAGS / "maskline_number_log_dag.py", "mt_number_logs")


@pytest.fixture(scope="module")
def unfiltered_run(tmp_path_factory: pytest.TempPathFactory) -> OneDagRun:
    """The negative control: the same DAG with the log filter off and Airflow's own XCom backend."""
    return run_one_dag(tmp_path_factory.mktemp("numbers_raw"), DAGS / "maskline_number_log_dag.py", "mt_number_logs",
                       {"AIRFLOW__MASKLINE__LOG_FILTER": "False",
                        "AIRFLOW__CORE__XCOM_BACKEND": "airflow.sdk.bases.xcom.BaseXCom"})


def test_without_the_plugin_the_number_reaches_the_log_and_the_xcom(unfiltered_run: OneDagRun) -> None:
    assert unfiltered_run.result["state"] == "success"
    assert _found(unfiltered_run.log) == ["card"]
    assert _found(unfiltered_run.text(XCOMS)) == ["card"]


def test_a_number_that_is_a_sensitive_value_reaches_neither_the_log_nor_the_xcom(number_run: OneDagRun) -> None:
    assert number_run.result["state"] == "success"
    assert _found(number_run.log) == []
    assert _found(number_run.text(XCOMS)) == []


def test_a_count_beside_them_stays_a_number(number_run: OneDagRun) -> None:
    assert '"rows": 2' in number_run.text(XCOMS)
    assert "rows=2" in number_run.log
