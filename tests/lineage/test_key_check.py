"""Which key masked a table: ``maskline_masking.keyCheck`` (facet 2-0-0), a check value of the key.

After a key rotation nobody looking at lineage could tell which key masked a dataset, so whether an Airflow run and
a dbt run wrote comparable tokens. Every face now records the key's check value (``maskline.keys.key_check_value``:
HMAC-SHA256 under the key of a fixed label, 64 bits) and the key derivation. Checked here on the events the real
producers emit: the suite's shared ``dag.test()`` process (Airflow operators), its ``dbt-ol build`` (dbt-ol
enrichment) and ``maskline mcp`` over stdio, with the suite's key and with another one. The key itself, its hex and
its base64 never appear in any event; the control finds each of those spellings in the key file.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from openlineage.client.serde import Serde

from maskline.keys import KEY_CHECK_LABEL, KeyMaterial, hmac_hex, key_check, key_check_value
from maskline.plan import build_plan
from maskline.policy import load_policy
from openlineage_ext import facets as F
from tests.conftest import TEST_KEY
from tests.lineage.conftest import AIRFLOW_NAMESPACE, ROTATED_KEY, LineageRun
from tests.lineage.faces import MASKED_OUTPUTS, output_of
from tests.lineage.marquez_api import eventually as _eventually
from tests.lineage.marquez_api import run_in_state as _run_in_state
from tests.lineage.marquez_api import versions as _versions
from tests.lineage.test_facets import validate_against

KEYED = ("hmac", "hash", "fake")
POLICY = load_policy({"key": {"env": "MASKLINE_KEY", "derivation": 2}, "unclassified": "pass",
                      "datasets": {"customers": {"columns": {
                          "email": {"info_type": "EMAIL", "method": {"method": "hmac", "length": 16}},
                          "ssn": {"info_type": "US_SSN", "method": {"method": "partial", "keep_last": 4}}}}}})
PLAN = build_plan(POLICY, "customers", [("id", "integer"), ("email", "varchar"), ("ssn", "varchar")])


def spellings(key: str) -> dict[str, str]:
    """The key as text, hex (both cases) and base64 (standard and URL-safe, with and without padding)."""
    raw = key.encode("utf-8")
    b64 = base64.b64encode(raw).decode()
    return {"text": key, "hex": raw.hex(), "HEX": raw.hex().upper(), "base64": b64, "base64-nopad": b64.rstrip("="),
            "base64url": base64.urlsafe_b64encode(raw).decode().rstrip("=")}


def leaks(text: str, key: str) -> list[str]:
    return [name for name, form in spellings(key).items() if form in text]


def _check(key: str) -> str:
    return key_check_value(KeyMaterial(key.encode()))


def _keyed_fields(masking: dict[str, Any]) -> list[str]:
    return [n for n, f in masking["fields"].items() if f.get("masked") and f.get("method") in KEYED]


# -- the value itself ----------------------------------------------------------------------------------------------

def test_one_key_gives_one_check_value_and_another_key_another() -> None:
    one, other = KeyMaterial(TEST_KEY.encode()), KeyMaterial(ROTATED_KEY.encode())
    assert key_check_value(one) == key_check_value(KeyMaterial(TEST_KEY.encode()))
    assert key_check_value(one) != key_check_value(other)
    assert len(key_check_value(one)) == 16 and int(key_check_value(one), 16) >= 0


def test_the_check_value_is_no_token_a_method_writes() -> None:
    """The label is no UTF-8 text, so no ``hmac`` token of any value is the check value."""
    key = KeyMaterial(TEST_KEY.encode())
    label_text = KEY_CHECK_LABEL.decode("latin-1")
    assert key_check_value(key) not in (hmac_hex(key, label_text), hmac_hex(key, "maskline/key-check/v1"),
                                        hashlib.sha256(key.secret).hexdigest(), key.secret.hex())
    with pytest.raises(UnicodeDecodeError):
        KEY_CHECK_LABEL.decode("utf-8")


# -- the facet and its schema --------------------------------------------------------------------------------------

def test_the_facet_names_the_key_only_when_a_masked_field_reads_it() -> None:
    check = key_check(KeyMaterial(TEST_KEY.encode()), 2)
    body = Serde.to_dict(F.masking_facet(PLAN, key_check=check))
    assert body["keyCheck"] == {"value": _check(TEST_KEY), "algorithm": body["keyCheck"]["algorithm"], "derivation": 2}
    # Control: a plan that reads no key (partial, redact) has no key to name.
    unkeyed = build_plan(load_policy({"unclassified": "pass", "datasets": {"c": {"columns": {
        "ssn": {"info_type": "US_SSN", "method": {"method": "partial", "keep_last": 4}}}}}}), "c", [("ssn", "text")])
    assert "keyCheck" not in Serde.to_dict(F.masking_facet(unkeyed, key_check=check))


def test_the_new_schema_version_validates_the_key_check_and_refuses_a_long_digest() -> None:
    body = Serde.to_dict(F.masking_facet(PLAN, key_check=key_check(KeyMaterial(TEST_KEY.encode()), 2)))
    assert body["_schemaURL"].split("/schemas/")[1].startswith("2-0-0/")
    found = F.schema_for_url(body["_schemaURL"])
    assert found is not None
    validate_against(found[0], found[1], body)
    import jsonschema

    # A whole digest (or anything longer than the check value) is refused: the schema holds producers to 64 bits.
    long = {**body, "keyCheck": {**body["keyCheck"], "value": hashlib.sha256(TEST_KEY.encode()).hexdigest()}}
    with pytest.raises(jsonschema.ValidationError):
        validate_against(found[0], found[1], long)


def test_an_event_of_the_old_version_still_validates_against_the_schema_its_url_names() -> None:
    old = Serde.to_dict(F.masking_facet(PLAN))
    old.pop("keyCheck", None)
    old["_schemaURL"] = old["_schemaURL"].replace("/2-0-0/", "/1-0-0/")
    found = F.schema_for_url(old["_schemaURL"])
    assert found is not None and found[0]["$id"].endswith("1-0-0/MasklineMaskingDatasetFacet.json")
    validate_against(found[0], found[1], old)


def test_airflows_redactor_keeps_the_key_check() -> None:
    """``keyCheck`` is no name Airflow's OpenLineage redactor blanks (it blanks ``*key*`` names of its list)."""
    from airflow.providers.openlineage.plugins.adapter import SecretsMasker
    from airflow.providers.openlineage.utils.utils import OpenLineageRedactor

    masker = SecretsMasker()
    masker.add_mask(TEST_KEY)  # what Airflow registers for the maskline_default connection's password
    facet = F.masking_facet(PLAN, key_check=key_check(KeyMaterial(TEST_KEY.encode()), 2))
    redacted = OpenLineageRedactor.from_masker(masker).redact(facet, max_depth=20)
    assert redacted.keyCheck["value"] == _check(TEST_KEY)


# -- the faces -----------------------------------------------------------------------------------------------------

@pytest.mark.airflow
@pytest.mark.dbt
@pytest.mark.postgres
@pytest.mark.xdist_group("lineage")
def test_airflow_and_dbt_record_one_check_value_for_one_key(airflow_lineage: LineageRun,
                                                           dbt_lineage: LineageRun) -> None:
    runs = {"airflow": airflow_lineage, "dbt": dbt_lineage}
    seen: dict[str, set[str]] = {"airflow": set(), "dbt": set()}
    for label, (face, job, _masked) in MASKED_OUTPUTS.items():
        masking = output_of(runs[face], job)["facets"]["maskline_masking"]
        assert masking["_schemaURL"].split("/schemas/")[1].startswith("2-0-0/"), label
        if _keyed_fields(masking):
            assert masking["keyCheck"]["value"] == _check(TEST_KEY), label
            seen[face].add(masking["keyCheck"]["value"])
        else:
            assert masking.get("keyCheck") is None, label  # no keyed field: no key to name
    assert seen == {"airflow": {_check(TEST_KEY)}, "dbt": {_check(TEST_KEY)}}


def _mcp_events(tmp: Path, duckdb_file: Path, policy_file: Path, key: str, marquez: str | None = None,
                namespace: str = "maskline-mcp-test") -> list[dict[str, Any]]:
    import yaml

    from tests.mcp.agent import ScriptedAgent, lineage_events, server_env

    tmp.mkdir(parents=True, exist_ok=True)
    jsonl = tmp / "events.jsonl"
    transport: dict[str, Any] = {"type": "file", "log_file_path": str(jsonl), "append": True}
    if marquez:
        transport = {"type": "composite", "continue_on_failure": False, "transports": {
            "file": transport, "marquez": {"type": "http", "url": marquez, "timeout": 10}}}
    config = tmp / "openlineage.yml"
    config.write_text(yaml.safe_dump({"transport": transport}))
    env = server_env(jsonl, OPENLINEAGE_CONFIG=str(config))
    env.update(MASKLINE_KEY=key, OPENLINEAGE_NAMESPACE=namespace)
    for name in ("OPENLINEAGE__TRANSPORT__TYPE", "OPENLINEAGE__TRANSPORT__LOG_FILE_PATH",
                 "OPENLINEAGE__TRANSPORT__APPEND"):
        env.pop(name, None)  # the composite transport of openlineage.yml, not the file one server_env sets
    agent = ScriptedAgent(name="key-check-agent").over_stdio(
        ["--policy", str(policy_file), "--database", f"duckdb:///{duckdb_file}", "--allow", "customers"], env,
        [("query", {"sql": "SELECT id, email, ssn FROM customers"})])
    assert not agent.answers[0].is_error, agent.answers[0].text
    return lineage_events(jsonl)


def _mcp_key_checks(events: list[dict[str, Any]]) -> set[str]:
    return {d["facets"]["maskline_masking"]["keyCheck"]["value"] for e in events if e["eventType"] == "COMPLETE"
            for d in e["inputs"] if "maskline_masking" in d.get("facets", {})}


def test_mcp_records_the_check_value_of_the_key_it_masked_with(tmp_path: Path) -> None:
    import duckdb

    from tests.mcp.conftest import CUSTOMERS, POLICY

    database, policy = tmp_path / "warehouse.duckdb", tmp_path / "policy.yml"
    policy.write_text(POLICY)
    con = duckdb.connect(str(database))
    con.execute("CREATE TABLE customers (id INTEGER, full_name VARCHAR, email VARCHAR, ssn VARCHAR, phone VARCHAR)")
    con.executemany("INSERT INTO customers VALUES (?, ?, ?, ?, ?)", CUSTOMERS)
    con.close()
    events = _mcp_events(tmp_path / "lineage", database, policy, TEST_KEY)
    assert _mcp_key_checks(events) == {_check(TEST_KEY)}  # the same value as Airflow's and dbt's for this key
    assert leaks(json.dumps(events), TEST_KEY) == []


ROTATION = "maskline_key_rotation"
ROTATION_TASKS = {"mask_under_key": TEST_KEY, "mask_under_rotated_key": ROTATED_KEY,
                  "mask_again_under_key": TEST_KEY}


def _rotation_runs(run: LineageRun) -> dict[str, dict[str, Any]]:
    """Per task of the rotation DAG, its COMPLETE event."""
    found = {task: run.for_job(f"{ROTATION}.{task}", "COMPLETE") for task in ROTATION_TASKS}
    assert all(found.values()), {t: len(e) for t, e in found.items()}
    return {task: events[0] for task, events in found.items()}


@pytest.mark.airflow
@pytest.mark.postgres
@pytest.mark.xdist_group("lineage")
def test_a_rotated_key_shows_another_check_value_on_the_same_dataset(airflow_lineage: LineageRun) -> None:
    runs = _rotation_runs(airflow_lineage)
    nodes = {(e["outputs"][0]["namespace"], e["outputs"][0]["name"]) for e in runs.values()}
    assert len(nodes) == 1  # one dataset, written three times
    checks = {task: e["outputs"][0]["facets"]["maskline_masking"]["keyCheck"]["value"] for task, e in runs.items()}
    assert checks == {task: _check(key) for task, key in ROTATION_TASKS.items()}
    assert checks["mask_under_key"] == checks["mask_again_under_key"] != checks["mask_under_rotated_key"]
    assert leaks(airflow_lineage.text, ROTATED_KEY) == []


@pytest.mark.marquez
@pytest.mark.airflow
@pytest.mark.postgres
@pytest.mark.xdist_group("lineage")
def test_marquez_shows_which_key_wrote_each_version_of_the_dataset(marquez_url: str,
                                                                  airflow_lineage: LineageRun) -> None:
    """Read back as a user does: the dataset node's versions (one per run that wrote it), each with the
    ``maskline_masking`` facet of the run that created it, and each run's output version."""
    runs = _rotation_runs(airflow_lineage)
    out = next(iter(runs.values()))["outputs"][0]

    def made() -> list[dict]:  # read again until Marquez shows each run's version (a bounded number of times)
        found = _versions(marquez_url, out)
        assert {e["run"]["runId"] for e in runs.values()} <= {(v.get("createdByRun") or {}).get("id") for v in found}
        return found

    versions = _eventually(made)
    by_run = {v["createdByRun"]["id"]: v for v in versions if v.get("createdByRun")}
    for task, key in ROTATION_TASKS.items():
        run_id = runs[task]["run"]["runId"]
        version = by_run[run_id]  # the version this run created, on the one node
        assert version["facets"]["maskline_masking"]["keyCheck"]["value"] == _check(key), task
        run = _run_in_state(marquez_url, run_id, "COMPLETED")
        assert [(v["datasetVersionId"]["namespace"], v["datasetVersionId"]["name"])
                for v in run["outputDatasetVersions"]] == [(out["namespace"], out["name"])]
        assert run["jobVersion"]["namespace"] == AIRFLOW_NAMESPACE
    values = {by_run[runs[t]["run"]["runId"]]["facets"]["maskline_masking"]["keyCheck"]["value"] for t in ROTATION_TASKS}
    assert len(values) == 2  # two keys, two values; the key's two runs agree
    assert leaks(json.dumps(versions), TEST_KEY) == [] and leaks(json.dumps(versions), ROTATED_KEY) == []


# -- the key never travels -----------------------------------------------------------------------------------------

def test_the_control_finds_every_spelling_of_the_key_in_the_key_file(tmp_path: Path) -> None:
    """The leak check is not trivially empty: a key file holding the key in each spelling is caught in each."""
    key_file = tmp_path / "maskline.key"
    key_file.write_text("\n".join(spellings(TEST_KEY).values()) + "\n")
    assert leaks(key_file.read_text(), TEST_KEY) == list(spellings(TEST_KEY))


@pytest.mark.airflow
@pytest.mark.dbt
@pytest.mark.postgres
@pytest.mark.xdist_group("lineage")
def test_no_event_holds_the_key_in_any_spelling(airflow_lineage: LineageRun, dbt_lineage: LineageRun) -> None:
    for run in (airflow_lineage, dbt_lineage):
        assert _check(TEST_KEY) in run.text  # the events do name the key, by its check value
        assert leaks(run.text, TEST_KEY) == []
