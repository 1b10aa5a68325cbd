"""Values a coloured logger or a JSON encoder wrote are scrubbed as the reader of the log will read them.

``mt_escaped_logs`` (tests/airflow/escaped_dags) writes an IBAN in ANSI colour, a card split by a colour
reset, an SSN as JSON ``\\uXXXX`` escapes and an e-mail with its ``@`` escaped, to the log, an XCom, an
exception and a Bash command (a rendered template field). A terminal drops the colour codes and a JSON reader
decodes the escapes, so each is the raw value to whoever reads the log; on main e932d55 every one passed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.airflow.one_dag import run_one_dag

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow")]

DAGS = Path(__file__).with_name("escaped_dags")
sys.path.insert(0, str(DAGS))
from maskline_escaped_log_dag import ESCAPED_VALUES  # noqa: E402


@pytest.fixture(scope="module")
def escaped_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, str, str]:
    """dag.test() of mt_escaped_logs with the plugin's log filter and masking XCom backend (the defaults)."""
    run = run_one_dag(tmp_path_factory.mktemp("escaped"), DAGS / "maskline_escaped_log_dag.py", "mt_escaped_logs")
    xcom = run.text("SELECT value FROM xcom WHERE dag_id = 'mt_escaped_logs' AND task_id = 'returns_escaped'")
    rendered = run.text("SELECT rendered_fields FROM rendered_task_instance_fields "
                        "WHERE dag_id = 'mt_escaped_logs' AND task_id = 'echo_escaped'")
    return run.result, run.log, xcom, rendered


def _found(text: str) -> list[str]:
    """The names of the values ``text`` holds, as written or as read."""
    return sorted(name for name, (written, read) in ESCAPED_VALUES.items() if written in text or read in text)


def test_coloured_and_escaped_values_do_not_reach_the_task_log(escaped_run):
    result, log, _, _ = escaped_run
    assert result["tasks"] == {"logs_coloured_and_escaped": "success", "returns_escaped": "success",
                               "echo_escaped": "success", "raises_coloured": "failed"}
    assert _found(log) == []
    # Control: the lines are in the log, scrubbed where the values were, not dropped.
    assert "refund to \x1b[31m[IBAN]\x1b[0m" in log or "refund to [IBAN]" in log
    assert '{"ssn": "[US_SSN]"}' in log
    assert "ssn [US_SSN]" in log  # the Bash task's output: printf decoded the escapes
    assert "ValueError: refund to" in log and "failed" in log


def test_escaped_values_do_not_survive_into_an_xcom(escaped_run):
    _, _, xcom, _ = escaped_run
    assert _found(xcom) == [] and _found(xcom.replace("\\\\", "\\")) == []
    assert "[EMAIL]" in xcom and "[US_SSN]" in xcom  # the keys' values were there, and scrubbed


def test_an_escaped_value_in_a_bash_command_is_not_kept_in_the_rendered_field(escaped_run):
    _, _, _, rendered = escaped_run
    assert "printf" in rendered  # the field was rendered and kept
    assert _found(rendered) == [] and _found(rendered.replace("\\\\", "\\")) == []
