"""End to end in a real Marquez: the Airflow DAG run and the dbt-ol build, read back through its REST API.

Runs when ``MARQUEZ_URL`` is set (``make test`` starts Marquez with scripts/marquez.sh) or when
scripts/marquez.sh can start it; skipped with the script's reason otherwise.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from typing import Any

import pytest

from tests.lineage.conftest import AIRFLOW_NAMESPACE, LineageRun

pytestmark = [pytest.mark.marquez, pytest.mark.airflow, pytest.mark.dbt, pytest.mark.postgres,
              pytest.mark.xdist_group("lineage")]


def _q(part: str) -> str:
    return urllib.parse.quote(part, safe="")


def _get(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=15) as resp:
        return json.loads(resp.read().decode("utf-8"))


def _eventually(fn: Any, timeout: float = 30.0) -> Any:
    """Marquez stores events synchronously, but the tag sync runs after them: poll briefly."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = fn()
            if result:
                return result
        except AssertionError:
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            return fn()
        time.sleep(0.5)


def _mask_output(run: LineageRun) -> dict:
    return run.for_job("maskline_lineage_test.mask_customers", "COMPLETE")[0]["outputs"][0]


@pytest.fixture(scope="module")
def both_runs(marquez_url: str, airflow_lineage: LineageRun, dbt_lineage: LineageRun) -> tuple[LineageRun, LineageRun]:
    return airflow_lineage, dbt_lineage


def test_jobs_runs_and_lineage_graph_exist(marquez_url: str, both_runs: tuple[LineageRun, LineageRun]) -> None:
    airflow, _ = both_runs
    job = _get(marquez_url, f"/api/v1/namespaces/{_q(AIRFLOW_NAMESPACE)}/jobs/"
                            f"{_q('maskline_lineage_test.mask_customers')}")
    assert job["latestRun"]["state"] == "COMPLETED"
    out = _mask_output(airflow)
    graph = _get(marquez_url, "/api/v1/lineage?nodeId=" + _q(f"dataset:{out['namespace']}:{out['name']}"))
    ids = {n["id"] for n in graph["graph"]}
    assert f"job:{AIRFLOW_NAMESPACE}:maskline_lineage_test.mask_customers" in ids
    assert any(i.startswith("dataset:") and i.endswith("public.raw_customers") for i in ids)


def test_masked_columns_show_masked_in_column_lineage(marquez_url: str,
                                                      both_runs: tuple[LineageRun, LineageRun]) -> None:
    airflow, dbt = both_runs
    dbt_out = next(e for e in dbt.for_job(".stg_customers.build.run", "COMPLETE"))["outputs"][0]
    for out, field in ((_mask_output(airflow), "email"), (_mask_output(airflow), "ssn"), (dbt_out, "email")):
        node = f"datasetField:{out['namespace']}:{out['name']}:{field}"
        graph = _get(marquez_url, "/api/v1/column-lineage?nodeId=" + _q(node))["graph"]
        me = next(n for n in graph if n["id"] == node)
        kinds = {i.get("transformationType") for i in me["data"]["inputFields"]}
        assert kinds == {"MASKED"}, (node, me["data"]["inputFields"])


def test_run_facets_hold_the_identity(marquez_url: str, both_runs: tuple[LineageRun, LineageRun]) -> None:
    airflow, dbt = both_runs
    for run in (airflow.for_job("maskline_lineage_test.mask_customers", "COMPLETE")[0],
                dbt.for_job(".stg_customers.build.run", "COMPLETE")[0]):
        facets = _get(marquez_url, f"/api/v1/jobs/runs/{run['run']['runId']}/facets?type=run")["facets"]
        assert facets["maskline_identity"]["executedBy"] == run["run"]["facets"]["maskline_identity"]["executedBy"]


def test_dataset_fields_carry_pii_tags(marquez_url: str, both_runs: tuple[LineageRun, LineageRun]) -> None:
    airflow, _ = both_runs
    out = _mask_output(airflow)

    def tags() -> dict[str, list[str]]:
        ds = _get(marquez_url, f"/api/v1/namespaces/{_q(out['namespace'])}/datasets/{_q(out['name'])}")
        found = {f["name"]: f.get("tags") or [] for f in ds["fields"]}
        assert "PII" in found.get("email", []) and "PII" in found.get("ssn", []), found
        return found

    found = _eventually(tags)
    assert "PII" not in found.get("customer_id", [])


def test_no_raw_value_is_stored_in_marquez(marquez_url: str, both_runs: tuple[LineageRun, LineageRun]) -> None:
    airflow, dbt = both_runs
    stored = json.dumps(_get(marquez_url, "/api/v1/events/lineage?limit=5000"))
    assert airflow.for_job("maskline_lineage_test.mask_customers")[0]["run"]["runId"] in stored
    leaked = [v for v in airflow.raw_values | dbt.raw_values if v in stored]
    assert leaked == [], f"{len(leaked)} raw values are stored in Marquez"


def test_lineage_show_reads_marquez(marquez_url: str, both_runs: tuple[LineageRun, LineageRun]) -> None:
    from maskline.cli.lineage import fetch_marquez_events, summarize

    runs = summarize(fetch_marquez_events(marquez_url, 5000), AIRFLOW_NAMESPACE)
    mask = next(r for r in runs if r.job_name == "maskline_lineage_test.mask_customers")
    assert mask.executed_by and "db.login" in mask.executed_by
    assert {c.field for o in mask.outputs for c in o.masked} >= {"email", "ssn", "credit_card"}
