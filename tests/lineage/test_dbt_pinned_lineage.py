"""dbt-ol events for models whose compiled SQL calls DuckDB's built-ins pinned (``system.main.substring(x)``).

maskline prints every DuckDB built-in as a call of ``system.main`` (:mod:`maskline.dialects.duckdb_builtins`), and so
do the dbt package's macros. dbt-ol's own column-lineage parser (openlineage-sql, called here exactly as dbt-ol calls
it) refuses a pinned call named like one of its keywords and then emits no ``columnLineage`` for the model: the
enrichment traces the compiled SQL itself, reading a pinned call as the function call it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import job_type_job, schema_dataset
from openlineage.common.provider.dbt.facets import DbtNodeJobFacet
from openlineage.common.provider.dbt.processor import DbtArtifactProcessor

from maskline.dialects.duckdb_builtins import DIALECT as PINNED_DUCKDB
from openlineage_ext.query_lineage import query_lineage
from openlineage_ext.transformer import MasklineTransformer

NS = "duckdb:///warehouse/shop.duckdb"
MODEL = "model.shop.support_queue"
# The model as a user writes it; `notes` is masked inline, as examples/dbt_project's support_queue does.
RAW_CODE = ("select t.ticket_id, t.opened_at,\n"
            "  {{ maskline.mask('c.email', 'email') }} as customer_email,\n"
            "  {{ maskline.mask('t.notes', 'scrub') }} as notes\n"
            "from {{ source('shop', 'support_tickets') }} as t\n"
            "join {{ source('shop', 'customers') }} as c on c.customer_id = t.customer_id")
# What such a model compiles to, in the shapes the masking macros print (the expressions shortened).
PLAIN_SQL = ("select t.ticket_id, t.opened_at,\n"
             "  (CASE WHEN c.email IS NULL THEN NULL ELSE '*****' || substring(CAST(c.email AS TEXT),"
             " strpos(CAST(c.email AS TEXT), '@')) END) as customer_email,\n"
             "  COALESCE(nullif(regexp_replace(trim(CAST(t.notes AS TEXT)), '[0-9]{9}', '[US_SSN]', 'g'), ''),"
             " CAST(t.notes AS TEXT)) as notes\n"
             'from "shop"."raw"."support_tickets" as t\n'
             'join "shop"."raw"."customers" as c on c.customer_id = t.customer_id')
# The same SQL as maskline prints it for DuckDB: every built-in a call of system.main.
PINNED_SQL = sqlglot.transpile(PLAIN_SQL, read="duckdb", write=PINNED_DUCKDB)[0]
OUTPUT_TYPES = {"ticket_id": "BIGINT", "opened_at": "DATE", "customer_email": "VARCHAR", "notes": "VARCHAR"}
SOURCES = {"support_tickets": {"ticket_id": "BIGINT", "opened_at": "DATE", "customer_id": "BIGINT",
                               "notes": "VARCHAR"},
           "customers": {"customer_id": "BIGINT", "email": "VARCHAR"}}


def _dbt_ol_lineage(sql: str) -> Any:
    """The columnLineage facet dbt-ol puts on a model's output, computed by dbt-ol's own code."""
    return DbtArtifactProcessor("https://github.com/OpenLineage/OpenLineage", "dbt").get_column_lineage(NS, sql)


def _project(tmp_path: Path, compiled: str) -> Path:
    """A dbt target directory holding the manifest and catalog of a build of the model."""
    sources = {f"source.shop.shop.{name}": {
        "unique_id": f"source.shop.shop.{name}", "resource_type": "source", "database": "shop", "schema": "raw",
        "name": name, "identifier": name, "columns": {}} for name in SOURCES}
    manifest = {
        "metadata": {"adapter_type": "duckdb", "project_name": "shop"},
        "nodes": {MODEL: {
            "unique_id": MODEL, "resource_type": "model", "database": "shop", "schema": "main",
            "name": "support_queue", "alias": "support_queue", "relation_name": '"shop"."main"."support_queue"',
            "raw_code": RAW_CODE, "compiled_code": compiled, "columns": {},
            "depends_on": {"macros": ["macro.maskline.mask"], "nodes": list(sources)}}},
        "sources": sources,
    }
    catalog = {"nodes": {MODEL: {"columns": {c: {"type": t} for c, t in OUTPUT_TYPES.items()}}},
               "sources": {f"source.shop.shop.{name}": {"columns": {c: {"type": t} for c, t in cols.items()}}
                           for name, cols in SOURCES.items()}}
    target = tmp_path / "target"
    target.mkdir()
    (target / "manifest.json").write_text(json.dumps(manifest))
    (target / "catalog.json").write_text(json.dumps(catalog))
    return target / "manifest.json"


def _event(compiled: str) -> RunEvent:
    """The COMPLETE event dbt-ol emits for the model: its inputs, and an output whose columnLineage dbt-ol parsed."""
    output_facets: dict[str, Any] = {"schema": schema_dataset.SchemaDatasetFacet(fields=[])}
    lineage = _dbt_ol_lineage(compiled)
    if lineage is not None:
        output_facets["columnLineage"] = lineage
    return RunEvent(
        eventType=RunState.COMPLETE, eventTime="2026-12-06T00:00:00Z", producer="dbt-ol",
        run=Run(runId="0190a4c2-1234-7000-8000-0000000000aa"),
        job=Job(namespace="dbt", name="shop.main.shop.support_queue.build.run", facets={
            "jobType": job_type_job.JobTypeJobFacet("BATCH", "DBT", "MODEL"),
            "dbt_node": DbtNodeJobFacet(unique_id=MODEL, database="shop", schema="main", alias="support_queue")}),
        inputs=[InputDataset(namespace=NS, name=f"shop.raw.{name}") for name in SOURCES],
        outputs=[OutputDataset(namespace=NS, name="shop.main.support_queue", facets=output_facets)],
    )


def _enriched(tmp_path: Path, compiled: str) -> dict[str, Any]:
    manifest = _project(tmp_path, compiled)
    event = MasklineTransformer({"manifest_path": str(manifest), "dbt_catalog": "read"}).transform(_event(compiled))
    assert event is not None
    from openlineage.client.serde import Serde

    return json.loads(Serde.to_json(event))


def _lineage_refs(event: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    fields = event["outputs"][0]["facets"]["columnLineage"]["fields"]
    return {name: [(r["name"], r["field"]) for r in f["inputFields"]] for name, f in fields.items()}


# Named as maskline's operators name a table of the file (openlineage_ext.dbt_namespaces): no `shop.` catalog.
EXPECTED_REFS = {"ticket_id": [("raw.support_tickets", "ticket_id")],
                 "opened_at": [("raw.support_tickets", "opened_at")],
                 "customer_email": [("raw.customers", "email")],
                 "notes": [("raw.support_tickets", "notes")]}


def test_dbt_ol_cannot_parse_the_pinned_sql() -> None:
    """The premise, on dbt-ol's own code: pinned, no column lineage; written plainly, all of it."""
    assert "system.main.substring(" in PINNED_SQL and "system.main.trim(" in PINNED_SQL
    assert _dbt_ol_lineage(PINNED_SQL) is None
    assert set(_dbt_ol_lineage(PLAIN_SQL).fields) == set(OUTPUT_TYPES)


def test_pinned_model_output_gets_column_lineage_schema_and_masking(tmp_path: Path) -> None:
    event = _enriched(tmp_path, PINNED_SQL)
    out = event["outputs"][0]["facets"]
    assert _lineage_refs(event) == EXPECTED_REFS
    schema = {f["name"]: f for f in out["schema"]["fields"]}
    assert {n: f["type"] for n, f in schema.items()} == OUTPUT_TYPES
    assert schema["notes"]["description"] == "masked: scrub of shop.raw.support_tickets.notes"
    lineage = out["columnLineage"]["fields"]
    assert lineage["notes"]["transformationType"] == "MASKED"
    assert lineage["customer_email"]["transformationType"] == "MASKED"
    masking = out["maskline_masking"]["fields"]
    assert masking["notes"]["masked"] is True and masking["ticket_id"]["masked"] is False
    # every lineage input is a field of its input's schema facet (what Marquez links to)
    known = {(i["name"], f["name"]) for i in event["inputs"] for f in i["facets"]["schema"]["fields"]}
    assert {r for refs in _lineage_refs(event).values() for r in refs} <= known


def test_pinned_prefix_is_never_a_table_or_column(tmp_path: Path) -> None:
    text = json.dumps(_enriched(tmp_path, PINNED_SQL)["outputs"][0]["facets"]["columnLineage"])
    assert '"system' not in text and '"main"' not in text and "system.main" not in text


def test_plain_sql_lineage_is_dbt_ols_own_and_the_same(tmp_path: Path) -> None:
    """Control: SQL dbt-ol parses keeps dbt-ol's lineage, and the pinned SQL's traced lineage matches it."""
    (tmp_path / "plain").mkdir()
    plain = _enriched(tmp_path / "plain", PLAIN_SQL)
    assert _lineage_refs(plain) == EXPECTED_REFS
    # dbt-ol's facet, annotated, not replaced: the fallback would write maskline's producer. (dbt-ol's own producer
    # is the OpenLineage client's, which the Airflow provider, once imported in this worker, sets to its own.)
    from openlineage_ext.facets import producer

    assert plain["outputs"][0]["facets"]["columnLineage"]["_producer"] != producer()
    pinned = _enriched(tmp_path, PINNED_SQL)
    assert pinned["outputs"][0]["facets"]["columnLineage"]["_producer"] == producer()  # the check can fail
    assert {f["name"] for f in plain["outputs"][0]["facets"]["schema"]["fields"]} == set(OUTPUT_TYPES)


@pytest.mark.parametrize(("pinned", "plain"), [
    ("SELECT system.main.count(t.id) AS n, system.main.max(t.a) AS m FROM t",
     "SELECT count(t.id) AS n, max(t.a) AS m FROM t"),
    ('SELECT system.main."||"(system.main.trim(t.a), system.main.substring(t.b, 1, 2)) AS x FROM t',
     "SELECT trim(t.a) || substring(t.b, 1, 2) AS x FROM t"),
    ("SELECT system.main.count(*) OVER (PARTITION BY system.main.lower(t.k)) AS n FROM t WHERE "
     "system.main.length(t.a) > 3", "SELECT count(*) OVER (PARTITION BY lower(t.k)) AS n FROM t WHERE length(t.a) > 3"),
])
def test_pinned_calls_trace_like_the_plain_calls(pinned: str, plain: str) -> None:
    assert query_lineage(pinned, {}, "duckdb") == query_lineage(plain, {}, "duckdb")


def test_trino_pinned_calls_trace_like_the_plain_calls() -> None:
    pinned = 'SELECT system.builtin."count"(t.id) AS n, system.builtin."lower"(t.a) AS a FROM cat.s.t AS t'
    assert query_lineage(pinned, {}, "trino") == query_lineage(
        "SELECT count(t.id) AS n, lower(t.a) AS a FROM cat.s.t AS t", {}, "trino")
