"""A dbt model's passed columns get the transformation its compiled SQL shows, and none where it cannot be told.

tests/lineage/test_lineage_in_events.py and test_marquez_e2e.py check the same on a real ``dbt-ol build``; these
are the cases the example project does not have (sources outside the event, dbt-ol and sqlglot apart).
"""

from __future__ import annotations

from types import SimpleNamespace as NS
from typing import Any

from openlineage.client.facet_v2 import column_lineage_dataset as cl

from maskline.methods.registry import method_spec
from maskline.plan import ColumnPlan, Plan
from openlineage_ext.dbt_manifest import Manifest
from openlineage_ext.dbt_sql_lineage import annotate_passed_columns

MANIFEST = Manifest({"metadata": {"adapter_type": "duckdb"}}, "/x/target/manifest.json")
RAW_T = NS(namespace="duckdb:///x/shop.duckdb", name="raw.t")
RAW_O = NS(namespace="duckdb:///x/shop.duckdb", name="raw.o")


def _plan(*names: str, masked: tuple[str, ...] = ()) -> Plan:
    return Plan("q", tuple(ColumnPlan(n, None, None, method_spec("redact") if n in masked else None,
                                      "pass") for n in names), "h", "dbt")


def _annotate(sql: str, plan: Plan, inputs: list[Any], facets: dict[str, Any] | None = None) -> dict[str, Any]:
    out = NS(facets=facets or {})
    annotate_passed_columns(out, MANIFEST, {"unique_id": "model.p.q", "compiled_code": sql}, plan, inputs, "test")
    return dict(out.facets["columnLineage"].fields) if "columnLineage" in out.facets else {}


def test_each_passed_column_gets_the_subtype_of_its_sql() -> None:
    sql = ('select t.id, t.a || o.b as ab, count(o.id) as n from "shop"."raw"."t" as t '
           'join "shop"."raw"."o" as o on o.id = t.id group by 1, 2')
    fields = _annotate(sql, _plan("id", "ab", "n"), [RAW_T, RAW_O])
    assert {k: f.transformationType for k, f in fields.items()} == {
        "id": "IDENTITY", "ab": "TRANSFORMATION", "n": "AGGREGATION"}
    assert {(f.name, f.field) for f in fields["ab"].inputFields} == {("raw.t", "a"), ("raw.o", "b")}
    assert fields["id"].transformationDescription == "passed unmasked: pass"


def test_a_source_outside_the_event_gives_no_transformation() -> None:
    sql = 'select t.id, o.b from "shop"."raw"."t" as t join "shop"."raw"."o" as o on o.id = t.id'
    assert set(_annotate(sql, _plan("id", "b"), [RAW_T])) == {"id"}  # raw.o is no input of this event


def test_dbt_ols_other_reading_is_left_as_it_is() -> None:
    theirs = cl.Fields(inputFields=[cl.InputField(namespace=RAW_T.namespace, name=RAW_T.name, field="other",
                                                  transformations=[])])
    facets = {"columnLineage": cl.ColumnLineageDatasetFacet(fields={"id": theirs})}
    fields = _annotate('select t.id from "shop"."raw"."t" as t', _plan("id"), [RAW_T], facets)
    assert fields["id"] is theirs and fields["id"].transformationType is None


def test_masked_and_literal_columns_are_not_touched() -> None:
    sql = 'select t.id, t.email, 1 as one from "shop"."raw"."t" as t'
    assert set(_annotate(sql, _plan("id", "email", "one", masked=("email",)), [RAW_T])) == {"id"}


def test_an_incremental_runs_filter_on_its_own_table_keeps_every_column() -> None:
    """An incremental model's second run filters on a subquery of its own table (``{{ this }}``), whose unqualified
    column sqlglot could not place without that table's columns: the whole trace failed, the passed id got no
    lineage, and so no field in the version Marquez made of the run (tests/lineage/test_marquez_dbt_kinds.py).
    The model's own relation is known to the trace, its columns the ones its select list builds."""
    from openlineage_ext.dbt_sql_lineage import complete_column_lineage

    sql = ('select "id", system.main.md5("email") as email from "shop"."raw"."t" '
           'where id > (select max(id) from "shop"."main"."q")')
    node = {"unique_id": "model.p.inc", "relation_name": '"shop"."main"."q"', "compiled_code": sql}
    out = NS(facets={})
    assert complete_column_lineage(out, MANIFEST, node, [RAW_T], "test") == ["id", "email"]
    annotate_passed_columns(out, MANIFEST, node, _plan("id", "email", masked=("email",)), [RAW_T], "test")
    fields = out.facets["columnLineage"].fields
    assert fields["id"].transformationType == "IDENTITY"
    assert [(f.name, f.field) for f in fields["email"].inputFields] == [("raw.t", "email")]
