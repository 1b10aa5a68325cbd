"""A real ``dbt-ol build`` of the example dbt project: masking facets, PII tags and MASKED column lineage
from manifest.json, the identity of the run, and no raw value in any event."""

from __future__ import annotations

import pytest

from tests.lineage.conftest import LineageRun

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("lineage")]
CUSTOMER_MASKED = ("full_name", "email", "phone", "birth_date", "postal_code", "signup_ip")


def _model_complete(run: LineageRun, model: str) -> dict:
    events = [e for e in run.for_job(f".{model}.build.run", "COMPLETE")] or run.for_job(f".{model}", "COMPLETE")
    assert events, f"no COMPLETE event for {model}: {sorted({e['job']['name'] for e in run.events})}"
    return events[0]


def test_no_raw_value_is_in_any_dbt_event(dbt_lineage: LineageRun) -> None:
    assert len(dbt_lineage.raw_values) > 20 and dbt_lineage.events
    leaked = sorted(v for v in dbt_lineage.raw_values if v in dbt_lineage.text)
    assert leaked == [], f"{len(leaked)} raw values reached the lineage transport"


def test_masked_model_output_carries_masking_facet(dbt_lineage: LineageRun) -> None:
    out = _model_complete(dbt_lineage, "stg_customers")["outputs"][0]
    masking = out["facets"]["maskline_masking"]
    assert masking["fields"]["email"]["methodDescription"] == "hmac(length=16)"
    assert masking["fields"]["birth_date"]["method"] == "generalize"
    assert masking["fields"]["customer_id"]["masked"] is False
    # The example masks by its policy.yml, compiled by `maskline dbt sync` into the manifest's macros.
    assert masking["fields"]["email"]["rule"] == 'policy policy.yml: datasets["raw.customers"].columns.email'
    assert masking["policy"]["source"] == "dbt:maskline_shop:model.maskline_shop.stg_customers"
    assert masking["engine"] == "dbt-duckdb"


def test_masked_model_columns_show_masked_in_column_lineage(dbt_lineage: LineageRun) -> None:
    event = _model_complete(dbt_lineage, "stg_customers")
    fields = event["outputs"][0]["facets"]["columnLineage"]["fields"]
    for column in CUSTOMER_MASKED:
        assert fields[column]["transformationType"] == "MASKED", column
        source = fields[column]["inputFields"][0]
        assert source["name"].endswith("raw.customers") and source["field"] == column
        assert source["transformations"][0]["masking"] is True
    assert fields.get("customer_id", {}).get("transformationType") != "MASKED"


def test_pii_tags_on_the_source_and_the_masked_model(dbt_lineage: LineageRun) -> None:
    event = _model_complete(dbt_lineage, "stg_customers")
    out_tags = {(t["field"], t["value"]) for t in event["outputs"][0]["facets"]["tags"]["tags"] if t["key"] == "pii"}
    assert {("email", "EMAIL"), ("phone", "PHONE"), ("birth_date", "DATE_OF_BIRTH")} <= out_tags
    source = next(i for i in event["inputs"] if i["name"].endswith("raw.customers"))
    in_tags = {(t["field"], t["value"]) for t in source["facets"]["tags"]["tags"] if t["key"] == "pii"}
    assert ("signup_ip", "IP_ADDRESS") in in_tags


def test_every_dbt_run_event_carries_the_identity(dbt_lineage: LineageRun) -> None:
    import getpass

    runs = [e for e in dbt_lineage.events if e["job"]["name"] != "dbt-run"]
    assert runs
    for e in dbt_lineage.events:
        ident = e["run"]["facets"].get("maskline_identity")
        assert ident is not None, e["job"]["name"]
        assert ident["executedBy"]["name"] == getpass.getuser()


def test_marts_built_only_from_masked_models_add_no_false_masking(dbt_lineage: LineageRun) -> None:
    out = _model_complete(dbt_lineage, "customer_orders")["outputs"][0]
    assert "maskline_masking" not in out["facets"]


def test_policy_hash_is_the_policy_files_own_as_in_every_face(dbt_lineage: LineageRun) -> None:
    """A model masked by the synced policy alone records the policy's own hash, the one the Airflow operators
    record and `maskline policy validate` prints, so both faces writing one Marquez node show one policy."""
    from maskline.policy import load_policy
    from tests.lineage.conftest import ROOT

    policy_hash = load_policy(ROOT / "examples" / "dbt_project" / "policy.yml").fingerprint()
    masking = _model_complete(dbt_lineage, "stg_customers")["outputs"][0]["facets"]["maskline_masking"]
    assert masking["policy"]["hash"] == policy_hash
    # Control: inline mask() calls decide support_queue's columns, not the policy file alone.
    queue = _model_complete(dbt_lineage, "support_queue")["outputs"][0]["facets"]["maskline_masking"]
    assert queue["policy"]["hash"] != policy_hash
