"""A DAG run configured only with ``OPENLINEAGE_URL`` (no transport, no custom_run_facets): the plugin
still scrubs every event and adds ``maskline_identity``, and what Marquez would receive holds no raw value."""

from __future__ import annotations

import pytest

from tests.lineage.conftest import LineageRun

pytestmark = [pytest.mark.airflow, pytest.mark.postgres, pytest.mark.xdist_group("lineage")]
DAG = "maskline_lineage_test"


def test_the_dag_ran(airflow_url_only_lineage: LineageRun) -> None:
    tasks = airflow_url_only_lineage.info[DAG]["tasks"]
    assert tasks["mask_customers"] == "success" and tasks["mask_plan_summary"] == "success", \
        airflow_url_only_lineage.info["log"]


def test_no_raw_value_reaches_the_url(airflow_url_only_lineage: LineageRun) -> None:
    run = airflow_url_only_lineage
    assert run.for_job(f"{DAG}.mask_customers", "COMPLETE") and len(run.raw_values) > 20
    leaked = sorted(v for v in run.raw_values if v in run.text)
    assert leaked == [], f"{len(leaked)} raw values reached OPENLINEAGE_URL"


def test_every_task_and_dag_event_carries_the_identity(airflow_url_only_lineage: LineageRun) -> None:
    ours = [e for e in airflow_url_only_lineage.events if e["job"]["name"].startswith(DAG)]
    assert {e["job"]["name"] for e in ours} >= {f"{DAG}.mask_customers", f"{DAG}.notify_customer", DAG}
    missing = sorted({e["job"]["name"] for e in ours if "maskline_identity" not in e["run"].get("facets", {})})
    assert missing == []
    mask = airflow_url_only_lineage.for_job(f"{DAG}.mask_customers", "COMPLETE")[0]
    assert mask["run"]["facets"]["maskline_identity"]["executedBy"]["origin"] == "db.login"


def test_user_inputs_and_errors_are_scrubbed(airflow_url_only_lineage: LineageRun) -> None:
    fail = airflow_url_only_lineage.for_job(f"{DAG}.notify_customer", "FAIL")[0]
    assert "[EMAIL]" in fail["run"]["facets"]["errorMessage"]["message"]
    sql = {e["job"]["facets"]["sql"]["query"] for e in airflow_url_only_lineage.for_job(f"{DAG}.count_vip_customer")
           if "sql" in e["job"].get("facets", {})}
    assert sql and all("[REDACTED]" in q for q in sql)
