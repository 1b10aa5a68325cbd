"""What Marquez needs, asserted on the emitted events (file transport), for every face: the same
checks test_marquez_e2e.py makes through Marquez's API, without a Marquez."""

from __future__ import annotations

import pytest

from openlineage_ext.facets import UNKNOWN_TYPE
from tests.lineage.conftest import LineageRun
from tests.lineage.faces import GENERALIZED_OUTPUTS, MASKED_OUTPUTS, PASSED_OUTPUTS, output_of

pytestmark = [pytest.mark.airflow, pytest.mark.dbt, pytest.mark.postgres, pytest.mark.xdist_group("lineage")]


@pytest.fixture(scope="module")
def runs(airflow_lineage: LineageRun, dbt_lineage: LineageRun) -> dict[str, LineageRun]:
    return {"airflow": airflow_lineage, "dbt": dbt_lineage}


def _datasets(run: LineageRun) -> list[dict]:
    return [d for e in run.events for d in e.get("inputs", []) + e.get("outputs", [])]


@pytest.mark.parametrize("producer", ["airflow", "dbt"])
def test_no_schema_field_is_untyped_or_listed_twice(runs: dict[str, LineageRun], producer: str) -> None:
    for ds in _datasets(runs[producer]):
        fields = (ds.get("facets", {}).get("schema") or {}).get("fields")
        if fields is None:
            continue
        names = [f["name"] for f in fields]
        assert len(names) == len(set(names)), (ds["name"], names)
        assert [f["name"] for f in fields if not f.get("type")] == [], ds["name"]


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_output_schema_lists_every_column_lineage_field(runs: dict[str, LineageRun], face: str) -> None:
    producer, job, _ = MASKED_OUTPUTS[face]
    out = output_of(runs[producer], job)
    schema = {f["name"] for f in out["facets"]["schema"]["fields"]}
    assert set(out["facets"]["columnLineage"]["fields"]) <= schema


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_column_lineage_inputs_are_fields_of_the_inputs(runs: dict[str, LineageRun], face: str) -> None:
    """Marquez links column lineage to input fields it knows: each must be in its input's schema facet."""
    producer, job, _ = MASKED_OUTPUTS[face]
    event = runs[producer].for_job(job, "COMPLETE")[0]
    known = {(i["namespace"], i["name"], f["name"]) for i in event["inputs"]
             for f in (i.get("facets", {}).get("schema") or {}).get("fields", [])}
    lineage = event["outputs"][0]["facets"]["columnLineage"]
    refs = {(r["namespace"], r["name"], r["field"]) for f in lineage["fields"].values() for r in f["inputFields"]}
    assert refs and refs <= known, sorted(refs - known)


@pytest.mark.parametrize("face", sorted(MASKED_OUTPUTS))
def test_masked_fields_show_masked_with_a_description(runs: dict[str, LineageRun], face: str) -> None:
    producer, job, columns = MASKED_OUTPUTS[face]
    out = output_of(runs[producer], job)
    lineage = out["facets"]["columnLineage"]["fields"]
    described = {f["name"]: f.get("description") or "" for f in out["facets"]["schema"]["fields"]}
    for column in columns:
        assert lineage[column]["transformationType"] == "MASKED", column
        assert lineage[column]["transformationDescription"].startswith("masked with "), column
        assert all(t["masking"] is True for r in lineage[column]["inputFields"] for t in r["transformations"])
        sources = [f"{r['name']}.{r['field']}" for r in lineage[column]["inputFields"]]
        assert described[column].startswith("masked: ") and described[column].endswith(", ".join(sources))


@pytest.mark.parametrize("face", sorted(PASSED_OUTPUTS))
def test_passed_fields_show_identity(runs: dict[str, LineageRun], face: str) -> None:
    """A column selected as is says so: dbt-ol gives its input fields no transformation (null in Marquez)."""
    producer, job, _ = MASKED_OUTPUTS[face]
    lineage = output_of(runs[producer], job)["facets"]["columnLineage"]["fields"]
    for column in PASSED_OUTPUTS[face]:
        assert lineage[column].get("transformationType") == "IDENTITY", (column, lineage[column])
        assert (lineage[column].get("transformationDescription") or "").startswith("passed unmasked"), column
        assert [(t["type"], t["subtype"], t["masking"]) for r in lineage[column]["inputFields"]
                for t in r["transformations"]] == [("DIRECT", "IDENTITY", False)], column


def test_every_dbt_model_column_has_its_transformation(runs: dict[str, LineageRun]) -> None:
    """Each output column of each model of the synced project: in the column lineage, with a transformation
    read from the SQL's structure (a count is an aggregation, a masked column MASKED)."""
    models = [e for e in runs["dbt"].events if e["eventType"] == "COMPLETE" and e["job"]["name"].endswith(".build.run")]
    assert len(models) == 5, sorted(e["job"]["name"] for e in models)
    for event in models:
        out = event["outputs"][0]
        lineage = out["facets"]["columnLineage"]["fields"]
        columns = {f["name"] for f in out["facets"]["schema"]["fields"]}
        assert {c: lineage.get(c, {}).get("transformationType") for c in columns
                if not lineage.get(c, {}).get("transformationType")} == {}, event["job"]["name"]
    orders = output_of(runs["dbt"], ".customer_orders.build.run")["facets"]["columnLineage"]["fields"]
    assert {c: orders[c]["transformationType"] for c in orders} == {
        "customer_id": "IDENTITY", "customer_token": "IDENTITY", "birth_year": "IDENTITY",
        "orders": "AGGREGATION", "revenue": "AGGREGATION"}


@pytest.mark.parametrize("face", sorted(GENERALIZED_OUTPUTS))
def test_generalized_fields_name_their_own_form(runs: dict[str, LineageRun], face: str) -> None:
    producer, job, _ = MASKED_OUTPUTS[face]
    lineage = output_of(runs[producer], job)["facets"]["columnLineage"]["fields"]
    for column, described in GENERALIZED_OUTPUTS[face].items():
        assert lineage[column]["transformationDescription"].startswith(described), lineage[column]


def test_table_mask_description_names_method_and_source(runs: dict[str, LineageRun]) -> None:
    out = output_of(runs["airflow"], "maskline_lineage_test.mask_customers")
    described = {f["name"]: f.get("description") for f in out["facets"]["schema"]["fields"]}
    assert described["ssn"].startswith("masked: hmac(length=16) of ")
    assert described["ssn"].endswith("public.raw_customers.ssn")
    assert described["customer_id"] is None


def test_table_mask_output_types_are_read_from_the_written_table(runs: dict[str, LineageRun]) -> None:
    out = output_of(runs["airflow"], "maskline_lineage_test.mask_customers")
    types = {f["name"]: f["type"] for f in out["facets"]["schema"]["fields"]}
    assert types["customer_id"] == "int4" and types["ssn"] == "text"  # PostgreSQL udt_name, as the provider names it
    assert UNKNOWN_TYPE not in types.values()


def test_dbt_types_are_the_relations_real_types(runs: dict[str, LineageRun]) -> None:
    out = output_of(runs["dbt"], ".support_queue.build.run")
    types = {f["name"]: f["type"] for f in out["facets"]["schema"]["fields"]}
    assert set(types) == {"ticket_id", "opened_at", "channel", "customer_email", "notes"}
    assert types["ticket_id"] in ("BIGINT", "INTEGER") and types["opened_at"] == "DATE"
    assert UNKNOWN_TYPE not in types.values()  # read by the adapter after the build, not the placeholder


def test_inline_mask_is_reported_as_masking(runs: dict[str, LineageRun]) -> None:
    out = output_of(runs["dbt"], ".support_queue.build.run")
    masking = out["facets"]["maskline_masking"]["fields"]
    assert masking["notes"]["method"] == "scrub" and masking["notes"]["masked"] is True
    assert masking["notes"]["rule"].endswith("raw_code: maskline.mask(t.notes)")
    assert masking["ticket_id"]["masked"] is False


def test_query_column_lineage_follows_the_spec(runs: dict[str, LineageRun]) -> None:
    event = runs["airflow"].for_job("maskline_lineage_test.mask_plan_summary", "COMPLETE")[0]
    lineage = event["outputs"][0]["facets"]["columnLineage"]

    def direct(column: str) -> list[tuple[str, str, bool]]:
        return [(r["field"], t["subtype"], t["masking"]) for r in lineage["fields"][column]["inputFields"]
                for t in r["transformations"] if t["type"] == "DIRECT"]

    assert direct("tier") == [("plan", "IDENTITY", False)]
    assert lineage["fields"]["tier"]["transformationType"] == "IDENTITY"
    assert "customers" not in lineage["fields"]  # count(*) reads no column
    assert direct("first_email") == [("email", "AGGREGATION", True)]
    assert direct("emails") == [("email", "AGGREGATION", False)]
    assert direct("name_upper") == [("full_name", "TRANSFORMATION", True)]
    indirect = {(r["field"], t["subtype"]) for r in lineage["dataset"] for t in r["transformations"]}
    assert {("lifetime_value", "FILTER"), ("plan", "GROUP_BY"), ("full_name", "GROUP_BY")} <= indirect
    assert all(t["type"] == "INDIRECT" for r in lineage["dataset"] for t in r["transformations"])


def test_query_input_tags_name_input_columns(runs: dict[str, LineageRun]) -> None:
    event = runs["airflow"].for_job("maskline_lineage_test.mask_plan_summary", "COMPLETE")[0]
    (source,) = event["inputs"]
    assert source["name"].endswith("public.raw_customers")
    tagged = {t["field"] for t in source["facets"]["tags"]["tags"] if t["key"] == "pii"}
    columns = {f["name"] for f in source["facets"]["schema"]["fields"]}
    assert tagged and tagged <= columns and "email" in tagged and "first_email" not in tagged


@pytest.mark.parametrize("producer", ["airflow", "dbt"])
def test_every_maskline_facet_validates_against_the_schema_its_url_names(runs: dict[str, LineageRun],
                                                                       producer: str) -> None:
    from openlineage_ext.facets import schema_base_url, schema_for_url
    from tests.lineage.test_facets import validate_against

    checked: set[str] = set()
    for event in runs[producer].events:
        holders = [event["run"].get("facets", {}), event["job"].get("facets", {})]
        holders += [d.get("facets", {}) for d in event.get("inputs", []) + event.get("outputs", [])]
        for facets in holders:
            for name, body in facets.items():
                # By name or by URL: a maskline facet under another key must resolve and validate too.
                if not (name.startswith("maskline_") or str(body.get("_schemaURL", "")).startswith(schema_base_url())):
                    continue
                found = schema_for_url(body["_schemaURL"])
                assert found is not None, (name, body["_schemaURL"])
                validate_against(found[0], found[1], body)
                checked.add(found[1])
    assert {"MasklineIdentityRunFacet", "MasklineMaskingDatasetFacet"} <= checked
