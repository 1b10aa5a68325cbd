"""The query path's INDIRECT column lineage: the columns a masked query's filter, join, grouping and ordering read.

After the OpenLineage column-lineage spec (facet 1-2-0), inputs that shape the whole result without being in any
value are ``INDIRECT`` transformations (``FILTER``, ``JOIN``, ``GROUP_BY``, ``SORT``, ``WINDOW``) in the facet's
``dataset`` list. Built here as ``MaskQueryOperator`` builds it (``mask_query`` on a real DuckDB, then
``query_record`` and ``operator_lineage``) and, where a real Marquez 0.51.1 runs, read back from it.

Round lineage15 found that such a column was missed unless written ``table.column``: the query path reads the
catalog into a schema keyed ``main.customers``, which sqlglot took for one table's name, so a query naming
``main.customers`` placed none of its unqualified columns; a CTE's or a derived table's columns named no table
(their ``FILTER`` went unrecorded); and without a schema a single table's unqualified column
named none either.
"""

from __future__ import annotations

import uuid
from typing import Any

import duckdb
import pytest

from maskline.policy import load_policy
from openlineage_ext.query_lineage import query_lineage

POLICY = {"datasets": {
    "customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"}, "plan": {"pass": True}}},
    "orders": {"columns": {"customer_id": {"pass": True}, "amount": {"pass": True}}}}}

CASES = [
    ("SELECT email FROM main.customers WHERE plan <> 'free' ORDER BY id",
     {("main.customers", "plan", "FILTER"), ("main.customers", "id", "SORT")}),
    ("WITH paying AS (SELECT id, email, plan FROM customers) SELECT email FROM paying WHERE plan <> 'free'",
     {("main.customers", "plan", "FILTER")}),
    ("SELECT email FROM (SELECT email, plan FROM customers) AS d WHERE plan = 'pro'",
     {("main.customers", "plan", "FILTER")}),
    ("SELECT c.email, count(*) AS n FROM main.customers AS c JOIN orders AS o ON o.customer_id = c.id "
     "WHERE amount > 3 GROUP BY c.email",
     {("main.orders", "amount", "FILTER"), ("main.orders", "customer_id", "JOIN"), ("main.customers", "id", "JOIN"),
      ("main.customers", "email", "GROUP_BY")}),
]


def _operator_lineage(sql: str) -> Any:
    """The OperatorLineage ``MaskQueryOperator`` hands Airflow for ``sql``, on a real DuckDB."""
    from airflow_plugin.lineage import operator_lineage, query_record
    from airflow_plugin.query_masking import mask_query
    from airflow_plugin.warehouse import Warehouse, engine_named

    warehouse = Warehouse(duckdb.connect(), engine_named("duckdb"))
    warehouse.execute("CREATE TABLE customers (id INTEGER, email VARCHAR, plan VARCHAR)")
    warehouse.execute("CREATE TABLE orders (customer_id INTEGER, amount INTEGER)")
    masked = mask_query(sql, load_policy(POLICY), warehouse)
    return operator_lineage(query_record(masked, 0, None, "duckdb", "masked_out", None))


def _indirect(lineage: Any) -> set[tuple[str, str, str]]:
    facet = lineage.outputs[0].facets["columnLineage"]
    return {(f.name, f.field, t.subtype) for f in facet.dataset for t in f.transformations if t.type == "INDIRECT"}


@pytest.mark.parametrize(("sql", "expected"), CASES)
def test_the_query_paths_facet_lists_what_shapes_the_result_as_indirect(sql: str,
                                                                        expected: set[tuple[str, str, str]]) -> None:
    got = _indirect(_operator_lineage(sql))
    assert got == expected
    # INDIRECT only in the dataset list: no output field gains a filter's column as one of its inputs.
    fields = _operator_lineage(sql).outputs[0].facets["columnLineage"].fields
    assert ("main.customers", "plan") not in {(i.name, i.field) for f in fields.values() for i in f.inputFields}


def test_a_single_tables_unqualified_columns_are_placed_without_a_schema() -> None:
    """Without a table's columns, a scope reading one table leaves no doubt whose columns it reads."""
    lin = query_lineage("SELECT email FROM raw.customers WHERE plan <> 'free' ORDER BY id", {}, "duckdb")
    assert {(s.table, s.column, s.subtype) for s in lin.indirect} == {
        ("raw.customers", "plan", "FILTER"), ("raw.customers", "id", "SORT")}


def test_an_unqualified_column_of_two_tables_is_not_guessed() -> None:
    """With two tables and no schema, ``plan`` could be either's: it gets no lineage rather than a guess."""
    lin = query_lineage("SELECT c.email FROM c JOIN o ON c.id = o.cid WHERE plan <> 'free'", {}, "duckdb")
    assert {(s.table, s.column) for s in lin.indirect} == {("c", "id"), ("o", "cid")}


@pytest.mark.marquez
@pytest.mark.xdist_group("lineage")
def test_what_a_real_marquez_shows_of_the_indirect_inputs(marquez_url: str) -> None:
    """A real Marquez 0.51.1 keeps the facet, ``dataset`` list and all, on the dataset (its page's facets), but its
    column-lineage graph is made of the facet's ``fields`` only: the filter's column is no node of it. A known
    limit of Marquez, pinned so that it is noticed when it changes (openlineage_ext/README.md)."""
    from openlineage.client import OpenLineageClient
    from openlineage.client.event_v2 import Job, Run, RunEvent, RunState
    from openlineage.client.transport import get_default_factory

    from tests.lineage.marquez_api import dataset as _dataset
    from tests.lineage.marquez_api import eventually as _eventually
    from tests.lineage.marquez_api import get as _get
    from tests.lineage.marquez_api import q as _q

    lineage = _operator_lineage(CASES[0][0])
    namespace = f"duckdb://indirect-{uuid.uuid4().hex[:8]}"
    for ds in [*lineage.inputs, *lineage.outputs]:
        ds.namespace = namespace
    for ds in lineage.outputs[0].facets["columnLineage"].dataset:
        ds.namespace = namespace
    for f in lineage.outputs[0].facets["columnLineage"].fields.values():
        for i in f.inputFields:
            i.namespace = namespace
    client = OpenLineageClient(transport=get_default_factory().create({"type": "http", "url": marquez_url}))
    run = Run(runId=str(uuid.uuid4()))
    for kind in (RunState.START, RunState.COMPLETE):
        client.emit(RunEvent(eventType=kind, eventTime="2026-12-07T06:00:00Z", run=run,
                             job=Job(namespace="maskline-indirect-test", name="masked_query"),
                             inputs=lineage.inputs, outputs=lineage.outputs, producer="https://example.com/p"))
    out = {"namespace": namespace, "name": lineage.outputs[0].name}

    def stored() -> list[dict]:
        return _dataset(marquez_url, out)["facets"]["columnLineage"]["dataset"]

    kept = {(d["name"], d["field"], d["transformations"][0]["type"], d["transformations"][0]["subtype"])
            for d in _eventually(stored)}
    assert kept == {("main.customers", "plan", "INDIRECT", "FILTER"), ("main.customers", "id", "INDIRECT", "SORT")}
    node = f"datasetField:{namespace}:{out['name']}:email"
    graph = _get(marquez_url, "/api/v1/column-lineage?nodeId=" + _q(node) + "&depth=1")["graph"]
    inputs = next(n for n in graph if n["id"] == node)["data"]["inputFields"]
    assert {(i["dataset"], i["field"]) for i in inputs} == {("main.customers", "email")}
    assert not [n for n in graph if n["id"].endswith(":main.customers:plan")]
