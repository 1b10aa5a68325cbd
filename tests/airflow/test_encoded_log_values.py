"""Values a URL, an HTML page or pasted text carry encoded are scrubbed as the reader of the log reads them.

``mt_encoded_logs`` (tests/airflow/encoded_dags) writes a percent-encoded e-mail, phone and card in a URL (an
HTTP client's debug line), an e-mail as an HTML character reference, an IBAN with a zero-width space inside and
an ``Authorization: Basic`` credential that is not UTF-8 once decoded, to the task log and an XCom. A browser,
an HTML viewer or a person reads each as the raw value; on main 51038f7 every one passed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.airflow.one_dag import run_one_dag

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

DAGS = Path(__file__).with_name("encoded_dags")
sys.path.insert(0, str(DAGS))
from maskline_encoded_log_dag import ENCODED_VALUES  # noqa: E402


@pytest.fixture(scope="module")
def encoded_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, str]:
    """dag.test() of mt_encoded_logs with the plugin's log filter and masking XCom backend (the defaults)."""
    run = run_one_dag(tmp_path_factory.mktemp("encoded"), DAGS / "maskline_encoded_log_dag.py", "mt_encoded_logs")
    xcom = run.text("SELECT value FROM xcom WHERE dag_id = 'mt_encoded_logs' AND task_id = 'returns_encoded'")
    return run.result, run.log, xcom


def _found(text: str) -> list[str]:
    """The names of the values ``text`` holds, as written or as read (a JSON store may escape them again)."""
    texts = (text, text.encode("utf-8").decode("unicode_escape", errors="ignore"))
    return sorted(name for name, (written, read) in ENCODED_VALUES.items()
                  if any(written in t or read in t for t in texts))


def test_encoded_values_do_not_reach_the_task_log(encoded_run):
    result, log, _ = encoded_run
    assert result["tasks"] == {"logs_encoded": "success", "returns_encoded": "success"}
    assert _found(log) == []
    # Control: the lines are in the log, scrubbed where the values were, not dropped.
    assert "GET /v1/customers?email=[EMAIL]&phone=[PHONE]&card=[CREDIT_CARD] HTTP/1.1" in log
    assert "<p>No account for [EMAIL]</p>" in log
    assert "refund to [IBAN]" in log
    assert "Authorization: Basic [PASSWORD]" in log  # the credential came as a %-argument
    assert "with password=[PASSWORD]" in log


def test_encoded_values_do_not_survive_into_an_xcom(encoded_run):
    _, _, xcom = encoded_run
    assert _found(xcom) == []
    assert "[EMAIL]" in xcom and "[IBAN]" in xcom and "[CREDIT_CARD]" in xcom  # the values were there, and scrubbed
