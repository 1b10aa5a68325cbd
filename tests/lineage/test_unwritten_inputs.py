"""dbt-ol's event order (every START before any COMPLETE) through the maskline transformer into the strict Marquez
double, which keeps dataset versions as Marquez 0.51.1 does (test_marquez_e2e.py checks the double against the
real server, and the same against a real ``dbt-ol build``).

Before the fix, a downstream model's START read the masked model's table before its writer's COMPLETE: Marquez
made that read a version of its own (no run, only the reader's columns, none of the masking facets or tags) and
it headed the table's version history.
"""

from __future__ import annotations

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import job_type_job, schema_dataset
from openlineage.client.transport import get_default_factory

from openlineage_ext.transformer import transport_config
from tests.lineage.marquez_double import serve_marquez_double

NS = "duckdb:///tmp/shop.duckdb"
DBT = {"jobType": job_type_job.JobTypeJobFacet(processingType="BATCH", integration="DBT", jobType="MODEL")}


def _schema(*names: str) -> dict:
    return {"schema": schema_dataset.SchemaDatasetFacet(fields=[
        schema_dataset.SchemaDatasetFacetFields(name=n, type="VARCHAR") for n in names])}


def _event(kind: RunState, run: str, job: str, inputs: list, outputs: list) -> RunEvent:
    return RunEvent(eventType=kind, eventTime="2026-12-06T12:00:00Z", run=Run(runId=run),
                    job=Job(namespace="shop", name=job, facets=DBT), inputs=inputs, outputs=outputs,
                    producer="https://example.com/p")


def test_an_early_read_of_a_model_makes_no_version_of_its_own() -> None:
    stg, orders = "0190a4c2-1234-7000-8000-000000000021", "0190a4c2-1234-7000-8000-000000000022"
    raw = InputDataset(NS, "raw.customers", facets=_schema("id", "email"))
    written = OutputDataset(NS, "main.stg_customers", facets=_schema("id", "email", "full_name"))
    read = InputDataset(NS, "main.stg_customers", facets=_schema("id", "email"))
    report = OutputDataset(NS, "main.customer_orders", facets=_schema("id", "orders"))
    with serve_marquez_double() as (url, double):
        client = OpenLineageClient(transport=get_default_factory().create(
            transport_config({"type": "http", "url": url})))
        for e in (_event(RunState.START, stg, "stg_customers", [raw], [written]),
                  _event(RunState.START, orders, "customer_orders", [read], [report]),
                  _event(RunState.COMPLETE, stg, "stg_customers", [raw], [written]),
                  _event(RunState.COMPLETE, orders, "customer_orders", [read], [report])):
            client.emit(e)
        table = double.versions[(NS, "main.stg_customers")]
        assert [v["run"] for v in table["versions"].values()] == [stg]
        assert table["versions"][table["current"]]["run"] == stg
        # The read is still recorded: the reader's COMPLETE names the table, and its START kept its other input.
        sent = {(e["eventType"], e["job"]["name"]): [i["name"] for i in e["inputs"]] for e in double.lineage}
        assert sent[("COMPLETE", "customer_orders")] == ["main.stg_customers"]
        assert sent[("START", "customer_orders")] == []
        assert sent[("START", "stg_customers")] == ["raw.customers"]
