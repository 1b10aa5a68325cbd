"""Fail closed: bad meta stops the compile with model, column and fix; `maskline dbt check` catches leaks."""

from __future__ import annotations

import json
import re

import pytest

from tests.dbt.dbt_harness import DbtProject

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]


@pytest.fixture(scope="module")
def broken_compile(duckdb_project: DbtProject, tmp_path_factory):
    """`dbt compile` of the must_not_compile models: its exit code and the maskline errors it logged."""
    out = tmp_path_factory.mktemp("broken")
    proc = duckdb_project.run("compile", "--select", "must_not_compile", "--vars", "{maskline_broken: true}",
                              "--target-path", str(out / "target"), "--log-path", str(out / "logs"), check=False)
    log = (out / "logs" / "dbt.log").read_text()  # stdout shows the first error only; the log has each node's
    return proc.returncode, [line.strip() for line in log.splitlines() if line.strip().startswith("maskline: ")]


@pytest.mark.parametrize(("model", "column", "what", "fix"), [
    ("broken_unknown_method", "email", "unknown masking method 'hmca'", "use one of char_mask, email, fake"),
    ("broken_unknown_info_type", "ssn", "unknown info type 'US_SSNN'", "use one of API_KEY"),
    ("broken_missing_column", "e_mail", "column 'e_mail' has maskline meta but is not in", "rename the meta entry"),
    ("broken_bad_param", "phone", "unknown parameter 'keep_lats' for method 'partial'", "takes keep_first, keep_last"),
    ("broken_scrub_on_ssn", "ssn", "method scrub is for free text, not US_SSN", "keep scrub for prose columns"),
    # the inline macro (maskline.mask(col, 'scrub', info_type='US_SSN')) compiled before redteam20
    ("broken_inline_scrub_on_ssn", "ssn", "method scrub is for free text, not US_SSN",
     "maskline.mask('ssn', 'redact', info_type='US_SSN')"),
])
def test_bad_column_meta_stops_the_compile_naming_model_column_and_fix(broken_compile, model, column, what, fix) -> None:
    returncode, messages = broken_compile
    assert returncode != 0
    message = next((m for m in messages if f"model.maskline_integration_tests.{model}" in m), None)
    assert message, f"no maskline error for {model}"
    assert what in message and f"column {column}" in message.replace(".columns.", " column ")
    assert fix in message.split("Fix: ", 1)[1]


def test_check_passes_masked_models_and_names_each_leaked_column(duckdb_project: DbtProject) -> None:
    from maskline.dbt.check import check_manifest

    manifest = duckdb_project.manifest()
    assert all(n.get("compiled_code") for n in manifest["nodes"].values() if n["resource_type"] == "model")
    findings = check_manifest(manifest)
    assert sorted((f.kind, f.node.rsplit(".", 1)[1], f.column) for f in findings) == [
        ("unmasked", "leaky_export", "email"), ("unmasked", "leaky_export", "notes"),
        ("unmasked", "leaky_export", "ssn")]


def test_check_follows_a_leak_through_a_cte_and_an_alias(duckdb_project: DbtProject) -> None:
    from maskline.dbt.check import check_manifest

    manifest = json.loads(json.dumps(duckdb_project.manifest()))
    node = manifest["nodes"]["model.maskline_integration_tests.every_method"]
    raw = re.split(r"\bfrom\b", node["compiled_code"])[-1].strip()
    node["compiled_code"] = f"with c as (select id, lower(email) as contact from {raw}) select id, contact as x from c"
    leaked = [(f.node.rsplit(".", 1)[1], f.column) for f in check_manifest(manifest) if f.kind == "unmasked"]
    assert ("every_method", "x") in leaked


def test_check_fails_on_meta_that_does_not_resolve(duckdb_project: DbtProject) -> None:
    from maskline.dbt.check import check_manifest

    manifest = json.loads(json.dumps(duckdb_project.manifest()))
    seed = manifest["nodes"]["seed.maskline_integration_tests.raw_customers"]
    seed["columns"]["iban"]["meta"] = {"maskline": {"info_type": "IBNA"}}
    policy = [f for f in check_manifest(manifest) if f.kind == "policy"]
    assert len(policy) == 1 and policy[0].column == "iban" and "IBAN" in policy[0].fix


def test_cli_check_exits_non_zero_on_the_leaky_project(duckdb_project: DbtProject, capsys) -> None:
    from maskline.cli.main import main

    assert main(["dbt", "check", "--project-dir", str(duckdb_project.root)]) == 1
    out = capsys.readouterr().out
    assert "leaky_export" in out and "customers_masked" not in out
    assert "alice" not in out


def test_keyed_method_without_a_key_stops_the_run(duckdb_project: DbtProject, tmp_path) -> None:
    proc = duckdb_project.run("compile", "--select", "every_method", "--target-path", str(tmp_path / "t"),
                              "--log-path", str(tmp_path / "l"), check=False, env={"MASKLINE_KEY": ""})
    assert proc.returncode != 0
    assert "MASKLINE_KEY" in proc.stdout + proc.stderr
    assert not (tmp_path / "t" / "compiled").exists() or not list((tmp_path / "t" / "compiled").rglob("every_method.sql"))


def test_check_with_classification_catches_pii_nobody_declared(duckdb_project: DbtProject) -> None:
    from maskline.dbt.check import check_manifest, classified_columns

    manifest = json.loads(json.dumps(duckdb_project.manifest()))
    seed = manifest["nodes"]["seed.maskline_integration_tests.raw_customers"]
    del seed["columns"]["email"]  # as if nobody had written its meta
    declared_only = {(f.node.rsplit(".", 1)[1], f.column) for f in check_manifest(manifest)}
    assert ("leaky_export", "email") not in declared_only
    classified = classified_columns(manifest, duckdb_project.root)
    findings = check_manifest(manifest, classified=classified)
    email = [f for f in findings if (f.node.rsplit(".", 1)[1], f.column) == ("leaky_export", "email")]
    assert len(email) == 1 and "EMAIL, classified" in email[0].what


def test_check_names_an_unreadable_catalog_and_its_fix(duckdb_project: DbtProject, tmp_path) -> None:
    from maskline.dbt.check import check_project
    from maskline.errors import InputError

    target = tmp_path / "target"
    target.mkdir()
    (target / "manifest.json").write_text(json.dumps(duckdb_project.manifest()))
    (target / "catalog.json").write_text('{"nodes": ')  # a `dbt docs generate` cut short
    with pytest.raises(InputError) as e:
        check_project(tmp_path)
    assert "catalog.json" in str(e.value) and "dbt docs generate" in str(e.value)
