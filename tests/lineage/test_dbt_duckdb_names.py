"""A dbt model on DuckDB is the dataset node maskline's operators and MCP server name: ``main.<model>``.

Read back from a real Marquez, the example project's models were nodes named ``shop.main.stg_customers``
(dbt-ol puts the file's catalog, ``shop`` for ``shop.duckdb``, before schema and table), while maskline's
operators and ``maskline mcp`` name a table of a DuckDB file ``main.stg_customers`` in the same namespace (the
file is the namespace: ``maskline.lineage_names.table_dataset_name``). An agent's read of a model dbt built, or a
task masking it, drew a second node beside the model's, and the lineage broke between them. The transformer now
drops the file's own catalog (``openlineage_ext.dbt_namespaces.file_dataset_name``). The control: a name of
another catalog (an attached file) keeps its three parts (the module's doctest), and the dbt job still links the
raw source to the model and the model to its consumer.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest

from maskline.lineage_names import table_dataset_name
from tests.lineage.conftest import LineageRun

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("lineage")]

MODEL = ".stg_customers.build.run"
CONSUMER = ".customer_orders.build.run"


def _duckdb_datasets(run: LineageRun) -> list[tuple[str, str]]:
    found = []
    for event in run.events:
        for ds in [*event.get("inputs", []), *event.get("outputs", [])]:
            if ds["namespace"].startswith("duckdb:///"):
                found.append((ds["namespace"], ds["name"]))
            for field in (ds.get("facets", {}).get("columnLineage", {}).get("fields") or {}).values():
                found += [(r["namespace"], r["name"]) for r in field.get("inputFields", [])
                          if r["namespace"].startswith("duckdb:///")]
    return found


def test_dbt_names_each_duckdb_table_as_the_operators_do(dbt_lineage: LineageRun) -> None:
    found = _duckdb_datasets(dbt_lineage)
    assert found
    for namespace, name in found:
        schema, table = name.split(".")  # schema.table: the file (the namespace) is the database
        assert name == table_dataset_name("duckdb", f"{schema}.{table}"), (namespace, name)


def _get(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=15) as resp:
        return json.loads(resp.read().decode("utf-8"))


def _q(part: str) -> str:
    return urllib.parse.quote(part, safe="")


@pytest.mark.marquez
def test_marquez_shows_the_model_on_the_node_the_operators_name(marquez_url: str, dbt_lineage: LineageRun) -> None:
    event = dbt_lineage.for_job(MODEL, "COMPLETE")[0]
    out = event["outputs"][0]
    expected = table_dataset_name("duckdb", ".".join(out["name"].split(".")[-2:]))
    assert out["name"] == expected
    base = f"/api/v1/namespaces/{_q(out['namespace'])}/datasets/"
    versions = _get(marquez_url, base + _q(expected) + "/versions?limit=100")["versions"]
    assert event["run"]["runId"] in {(v.get("createdByRun") or {}).get("id") for v in versions}
    # The name dbt-ol gave got no version from this run (on an empty Marquez it does not exist at all).
    catalog = out["namespace"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    try:
        old = _get(marquez_url, base + _q(f"{catalog}.{expected}") + "/versions?limit=100")["versions"]
    except urllib.error.HTTPError as e:
        assert e.code == 404
        old = []
    assert event["run"]["runId"] not in {(v.get("createdByRun") or {}).get("id") for v in old}
    # One node between the model's job and its consumer's.
    node = _q("dataset:" + out["namespace"] + ":" + expected)
    graph = _get(marquez_url, f"/api/v1/lineage?nodeId={node}&depth=1")
    jobs = {n["id"] for n in graph["graph"] if n["type"] == "JOB"}
    assert any(j.endswith(MODEL) for j in jobs) and any(j.endswith(CONSUMER) for j in jobs), sorted(jobs)
