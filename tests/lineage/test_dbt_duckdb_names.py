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

import urllib.error

import pytest

from maskline.lineage_names import table_dataset_name
from tests.lineage.conftest import LineageRun
from tests.lineage.marquez_api import eventually as _eventually
from tests.lineage.marquez_api import fields_by_run as _fields_by_run
from tests.lineage.marquez_api import get as _get
from tests.lineage.marquez_api import lineage_nodes as _lineage_nodes
from tests.lineage.marquez_api import q as _q

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


@pytest.mark.marquez
def test_marquez_shows_the_model_on_the_node_the_operators_name(marquez_url: str, dbt_lineage: LineageRun) -> None:
    event = dbt_lineage.for_job(MODEL, "COMPLETE")[0]
    out = event["outputs"][0]
    expected = table_dataset_name("duckdb", ".".join(out["name"].split(".")[-2:]))
    assert out["name"] == expected

    def made() -> None:  # read again until Marquez shows the run's version (a bounded number of times)
        assert event["run"]["runId"] in _fields_by_run(marquez_url, out)

    _eventually(made)
    base = f"/api/v1/namespaces/{_q(out['namespace'])}/datasets/"
    # The name dbt-ol gave got no version from this run (on an empty Marquez it does not exist at all).
    catalog = out["namespace"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
    try:
        old = _get(marquez_url, base + _q(f"{catalog}.{expected}") + "/versions?limit=100")["versions"]
    except urllib.error.HTTPError as e:
        assert e.code == 404
        old = []
    assert event["run"]["runId"] not in {(v.get("createdByRun") or {}).get("id") for v in old}

    def drawn() -> None:  # one node between the model's job and its consumer's
        graph = _lineage_nodes(marquez_url, "dataset:" + out["namespace"] + ":" + expected)
        jobs = {i for i, n in graph.items() if n["type"] == "JOB"}
        assert any(j.endswith(MODEL) for j in jobs) and any(j.endswith(CONSUMER) for j in jobs), sorted(jobs)

    _eventually(drawn)
