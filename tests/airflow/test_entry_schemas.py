"""``MaskTableOperator`` decides a table by the policy entry of its own schema only (round onematch).

The operator looked the policy's entry up by the table's last name: a DAG masking ``staff`` (``main.staff``) took
the entry ``hr.staff``, whose ``email`` passes, and wrote ``main.staff``'s e-mails raw under a fail-closed policy;
one masking ``hr.people`` took the entry ``people`` (the default schema's table) and did the same. Now an entry is
matched with the schema spelled out (an unqualified name is the connection's default schema's,
:func:`maskline.rewrite.table_names.best_entry`): ``main.staff`` has no entry and is masked, and ``hr.people`` is
refused (nothing written). Real DuckDB, through the suite's one ``dag.test()`` process (the mt_entry_schemas DAG).
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from tests.airflow.conftest import schema_email

pytestmark = pytest.mark.airflow


def _emails(airflow_runs: Any, table: str) -> list[str] | None:
    con = duckdb.connect(str(airflow_runs.duckdb_path), read_only=True)
    try:
        return [r[0] for r in con.execute(f"SELECT email FROM {table}").fetchall()]
    except duckdb.CatalogException:
        return None
    finally:
        con.close()


def test_another_schemas_entry_does_not_pass_the_default_schemas_table(airflow_runs: Any) -> None:
    assert airflow_runs.run("mt_entry_schemas")["tasks"]["main_staff"] == "success"
    written = _emails(airflow_runs, "main.staff_out")
    assert written and schema_email("main.staff") not in written, written


def test_the_default_schemas_entry_is_refused_for_another_schemas_table(airflow_runs: Any) -> None:
    assert airflow_runs.run("mt_entry_schemas")["tasks"]["hr_people"] == "failed"
    assert _emails(airflow_runs, "hr.people_out") is None
    assert "policy entry 'people' names the table of the default schema main, not hr.people" in airflow_runs.log_text


@pytest.mark.parametrize("task", ["hr_staff", "main_people"])
def test_control_each_entry_still_decides_its_own_table(airflow_runs: Any, task: str) -> None:
    name = {"hr_staff": "hr.staff", "main_people": "main.people"}[task]
    assert airflow_runs.run("mt_entry_schemas")["tasks"][task] == "success"
    assert _emails(airflow_runs, f"{name}_out") == [schema_email(name)] * 3
