"""maskline's facets: valid against their shipped schemas, immutable once released, standard facets first."""

from __future__ import annotations

import doctest
import hashlib
import importlib
import json

import jsonschema
import pytest
from openlineage.client.serde import Serde
from referencing import Registry, Resource

from maskline.classify.result import Classification, ColumnClassification
from maskline.plan import build_plan
from maskline.policy import load_policy
from openlineage_ext import facets as F
from openlineage_ext.identity import Principal, resolve_identity

# A released facet schema must never change: a new shape gets a new version directory.
RELEASED_SCHEMAS = {
    "1-0-0/MasklineClassificationDatasetFacet.json": "06ffae17e2ecefbb1a313d08a1025ef8e2eed4bc7e91ff2565e731b407c1af07",
    "1-0-0/MasklineIdentityRunFacet.json": "fba4769aba754caaf1f1d9f36a36055e935d8cfb16c1cf626196980f61c69545",
    "1-0-0/MasklineMaskingDatasetFacet.json": "2ea6565bc471c59ba522c518c5075ecbb98ea06ea50ff84932bfb9b899d08782",
    "2-0-0/MasklineIdentityRunFacet.json": "57e5d458732f55feb71bc78e4f03c822820125af5d67c331d98de8c40cad8cfe",
    "2-0-0/MasklineMaskingDatasetFacet.json": "4560e4835c168b9c99791f3f32823064ffe52e0496d6d19aa7e418dc846632d7",
}
# The base definitions our schemas extend, as the OpenLineage 2-0-2 spec states them (only the
# parts referenced); kept here because tests cannot fetch openlineage.io.
_BASE_FACET = {"type": "object", "properties": {"_producer": {"type": "string", "format": "uri"},
                                                "_schemaURL": {"type": "string", "format": "uri"}},
               "required": ["_producer", "_schemaURL"]}
OPENLINEAGE_BASE = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                    "$id": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                    "$defs": {"BaseFacet": _BASE_FACET, "RunFacet": {"allOf": [{"$ref": "#/$defs/BaseFacet"}]},
                              "DatasetFacet": {"allOf": [{"$ref": "#/$defs/BaseFacet"}]}}}

POLICY = load_policy({
    "datasets": {"customers": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"},
                                           "ssn": {"info_type": "US_SSN", "method": {"method": "partial",
                                                                                     "keep_last": 4}}}}},
})
PLAN = build_plan(POLICY, "customers", [("id", "integer"), ("email", "varchar"), ("ssn", "varchar"),
                                        ("phone", "varchar")],
                  classification=Classification((ColumnClassification("phone", "PHONE", 0.93, "identifier"),)))


def validate_against(schema: dict, facet_class: str, body: dict) -> None:
    """Validate a facet's JSON body against ``#/$defs/<facet_class>`` of ``schema``."""
    registry = Registry().with_resources([
        (OPENLINEAGE_BASE["$id"], Resource.from_contents(OPENLINEAGE_BASE)),
        (schema["$id"], Resource.from_contents(schema)),
    ])
    validator = jsonschema.Draft202012Validator({"$ref": f"{schema['$id']}#/$defs/{facet_class}"}, registry=registry)
    validator.validate(body)


def _validate(facet_class: str, facet: object) -> None:
    validate_against(F.schema(facet_class), facet_class, Serde.to_dict(facet))


@pytest.mark.parametrize("path", sorted(RELEASED_SCHEMAS))
def test_released_schema_files_are_unchanged(path: str) -> None:
    data = (F.SCHEMAS_ROOT / path).read_bytes()
    assert hashlib.sha256(data).hexdigest() == RELEASED_SCHEMAS[path], \
        f"{path} was released: add a new version directory instead of editing it"


@pytest.mark.parametrize("name", sorted(F.FACET_VERSIONS))
def test_schema_id_is_the_url_facets_point_at(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(F.ENV_SCHEMA_BASE_URL, raising=False)
    assert F.schema_path(name) in RELEASED_SCHEMAS
    assert F.schema_url(name) == F.schema(name)["$id"] + f"#/$defs/{name}"


def test_one_configurable_base_url_prefixes_every_schema_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(F.ENV_SCHEMA_BASE_URL, "https://schemas.internal.example/maskline")
    ident = resolve_identity([Principal("user", "bob", "os.user")], naming="name")
    facets = [F.masking_facet(PLAN), F.identity_facet(ident),
              F.classification_facet(Classification((ColumnClassification("email", "EMAIL", 0.9, "identifier"),)))]
    for facet in facets:
        url = Serde.to_dict(facet)["_schemaURL"]
        assert url.startswith("https://schemas.internal.example/maskline/")
        found = F.schema_for_url(url)
        assert found is not None and found[1] == type(facet).__name__


def test_masking_facet_matches_its_schema_and_holds_no_values() -> None:
    facet = F.masking_facet(PLAN, rows=250, engine="duckdb")
    _validate("MasklineMaskingDatasetFacet", facet)
    body = Serde.to_dict(facet)
    assert body["_schemaURL"] == F.schema_url("MasklineMaskingDatasetFacet")
    assert body["_producer"] == F.producer()
    assert body["fields"]["ssn"]["methodDescription"] == "partial(keep_last=4)"
    assert body["fields"]["phone"]["rule"].startswith("classifier")
    assert body["fields"]["id"]["masked"] is False
    assert body["cellsMasked"] == 250 * 3
    assert body["policy"]["hash"] == POLICY.fingerprint()


def test_classification_facet_matches_its_schema() -> None:
    c = Classification((ColumnClassification("email", "EMAIL", 0.981234, "identifier", ("name", "values")),
                        ColumnClassification("id", None, 0.0, None)), sampled_rows=100)
    facet = F.classification_facet(c)
    _validate("MasklineClassificationDatasetFacet", facet)
    assert Serde.to_dict(facet)["fields"]["email"] == {"infoType": "EMAIL", "confidence": 0.9812,
                                                       "category": "identifier", "evidence": ["name", "values"]}


def test_identity_facet_matches_its_schema() -> None:
    ident = resolve_identity([Principal("agent", "sql-copilot", "agent"),
                              Principal("user", "alice", "agent.on_behalf_of"),
                              Principal("service", "etl_svc", "db.login")], naming="name")
    facet = F.identity_facet(ident)
    _validate("MasklineIdentityRunFacet", facet)
    body = Serde.to_dict(facet)
    assert body["executedBy"]["kind"] == "agent"
    assert body["onBehalfOf"]["name"] == "alice"


def test_column_lineage_marks_masked_fields_both_ways() -> None:
    facet = Serde.to_dict(F.column_lineage_facet(PLAN, "postgres://db:5432", "crm.public.customers"))
    email = facet["fields"]["email"]
    assert email["transformationType"] == "MASKED"  # the older field Marquez reads
    transformation = email["inputFields"][0]["transformations"][0]
    assert transformation["masking"] is True and "masked with email" in transformation["description"]
    assert email["inputFields"][0] == {**email["inputFields"][0], "namespace": "postgres://db:5432",
                                       "name": "crm.public.customers", "field": "email"}
    assert facet["fields"]["id"]["transformationType"] == "IDENTITY"
    assert facet["fields"]["id"]["inputFields"][0]["transformations"][0]["masking"] is False


@pytest.mark.parametrize(("params", "said", "not_said"), [
    ({"prefix": 2}, "text cut to its first 2 characters", "date"),
    ({"to": "year"}, "date truncated to the year", "prefix"),
    ({"bucket": 10}, "number floored to a multiple of 10", "date"),
])
def test_a_generalized_column_is_described_by_its_own_form(params: dict, said: str, not_said: str) -> None:
    # generalize has three forms; a postal code cut to 2 characters was described as "date to year/month, ...".
    policy = load_policy({"datasets": {"t": {"columns": {"c": {"info_type": "POSTAL_CODE",
                                                             "method": {"method": "generalize", **params}}}}}})
    plan = build_plan(policy, "t", [("c", "varchar")])
    field = Serde.to_dict(F.column_lineage_facet(plan, "duckdb://f", "t"))["fields"]["c"]
    description = field["inputFields"][0]["transformations"][0]["description"]
    assert said in description and not_said not in description.split(":", 1)[1]
    assert field.get("transformationDescription") in (None, description)


def test_pii_tags_name_each_sensitive_field_and_its_info_type() -> None:
    tags = Serde.to_dict(F.plan_tags(PLAN))["tags"]
    assert sorted((t["field"], t["key"], t["value"]) for t in tags) == [
        ("email", "pii", "EMAIL"), ("phone", "pii", "PHONE"), ("ssn", "pii", "US_SSN")]


def test_standard_facets_come_before_custom_ones() -> None:
    names = list(F.output_dataset_facets(PLAN, "ns", "raw.customers", rows=1))
    assert names.index("columnLineage") < names.index(F.MASKING)
    assert names.index("tags") < names.index(F.MASKING)


def test_existing_tags_are_kept_when_pii_tags_are_added() -> None:
    from openlineage.client.facet_v2 import tags_dataset

    existing = tags_dataset.TagsDatasetFacet(tags=[tags_dataset.TagsDatasetFacetFields("owner", "crm")])
    tags = F.tags_facet([("email", "EMAIL")], existing).tags
    assert [(t.key, t.value) for t in tags] == [("owner", "crm"), ("pii", "EMAIL")]


@pytest.mark.parametrize("module", [
    "openlineage_ext.facets", "openlineage_ext.identity", "openlineage_ext.scrubbing", "openlineage_ext.transformer",
    "openlineage_ext.dbt_manifest", "openlineage_ext.dbt_events", "openlineage_ext.marquez_tags",
    "openlineage_ext.airflow_run_facets", "openlineage_ext.operator_lineage", "openlineage_ext.config",
    "openlineage_ext.run_identity", "openlineage_ext.query_lineage", "openlineage_ext.guarded_transport",
    "openlineage_ext.airflow_identity", "openlineage_ext.error_structure", "openlineage_ext.own_error",
    "openlineage_ext.catalog_names", "openlineage_ext.sql_names", "openlineage_ext.run_names", "openlineage_ext.background_emit", "openlineage_ext.sender_settings", "openlineage_ext.destination",
    "openlineage_ext.proven_lineage", "openlineage_ext.lineage_types", "openlineage_ext.pinned_calls",
    "openlineage_ext.dbt_sql_lineage", "openlineage_ext.dbt_namespaces", "openlineage_ext.agent_call_jobs",
    "openlineage_ext.dbt_key_check", "openlineage_ext.unwritten_inputs", "airflow_plugin.own_lineage",
    "airflow_plugin.lineage",
    "airflow_plugin.lineage_protection", "maskline.cli.lineage",
])
def test_docstring_examples_run(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MASKLINE_IDENTITY_NAMES", raising=False)
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_schemas_are_valid_json_schema() -> None:
    for path in RELEASED_SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(json.loads((F.SCHEMAS_ROOT / path).read_text()))


def test_lineage_config_and_cli_import_no_openlineage() -> None:
    """``maskline demo`` and ``maskline lineage`` live in the core: they must not pull OpenLineage in."""
    import subprocess
    import sys

    code = ("import sys, openlineage_ext.config, maskline.cli.lineage;"
            "print(','.join(m for m in sys.modules if m.split('.')[0] in ('openlineage', 'airflow')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
