"""The masking key never shows in a rendered field, the task log, an XCom or a lineage event, wherever it is read.

Airflow masks a Variable only when its name reads as a secret, and a named secret only under such a name: the
key read from the environment, or rendered from ``{{ var.value.mask_key }}``, was stored and logged as typed.
"""

from __future__ import annotations

import json
import sqlite3

from tests.airflow.conftest import ENV_KEY


def test_a_key_rendered_from_a_plain_variable_is_in_no_rendered_field_log_xcom_or_event(airflow_runs) -> None:
    assert airflow_runs.run("mt_key_render")["tasks"]["keyed_people"] == "success"
    con = sqlite3.connect(airflow_runs.metadata_db)
    try:
        rendered = " ".join(str(r) for r in con.execute(
            "SELECT rendered_fields FROM rendered_task_instance_fields WHERE dag_id = 'mt_key_render'"))
        xcoms = " ".join(str(r) for r in con.execute("SELECT value FROM xcom WHERE dag_id = 'mt_key_render'"))
    finally:
        con.close()
    assert "op_kwargs" in rendered and "careless: the token is" in airflow_runs.log_text  # both were written
    for text in (rendered, airflow_runs.log_text, xcoms, json.dumps(airflow_runs.lineage_events)):
        assert ENV_KEY not in text
