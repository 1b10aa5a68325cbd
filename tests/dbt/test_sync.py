"""`maskline dbt sync`: the project's policy compiled for the package, its errors, and its staleness checks.

No dbt process here: the generated macro is read back the way ``maskline dbt check`` reads it from a manifest.
The dbt builds that apply it are in tests/samepolicy and tests/dbt/test_example_project.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.cli.main import main
from maskline.dbt.sync import OUT, resolve, stale_reason, sync, synced_from_manifest
from maskline.errors import PolicyError
from maskline.policy import load_policy

POLICY = """\
version: 1
methods:
  EMAIL: {method: hmac, length: 16}
info_types:
  BADGE_ID: {category: identifier, pattern: "^B-[0-9]{4}$", method: {method: redact, label: "it's \\\\ gone"}}
datasets:
  raw.customers:
    columns:
      email: {info_type: EMAIL}
      badge: {info_type: BADGE_ID}
unmask_for: [role:pii_reader, user:alice]
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "dbt_project.yml").write_text("name: p\nconfig-version: 2\nvars:\n  maskline_policy: policy.yml\n")
    (tmp_path / "policy.yml").write_text(POLICY)
    return tmp_path


def _manifest(project: Path) -> dict:
    """What dbt puts in manifest.json for the generated macro (its source, verbatim)."""
    return {"macros": {"macro.p.maskline_synced_policy": {"macro_sql": (project / OUT).read_text()}}}


def test_sync_writes_the_resolved_policy_and_reads_back_from_a_manifest(project: Path) -> None:
    path, changed = sync(project)
    assert changed and path == project / OUT
    data = synced_from_manifest(_manifest(project))
    assert data is not None
    assert data["datasets"]["raw.customers"]["email"]["method"] == "hmac"  # methods: applies
    assert data["datasets"]["raw.customers"]["email"]["params"] == {"length": 16}
    assert data["info_types"]["BADGE_ID"]["params"] == {"label": "it's \\ gone"}  # quotes survive Jinja
    assert data["unmask_roles"] == ["pii_reader"] and data["explicit"] is False
    assert sync(project) == (path, False)  # idempotent: nothing to rewrite


def test_resolve_decides_each_scanned_column_as_the_core() -> None:
    from maskline.classify.result import Classification, ColumnClassification
    from maskline.classify.stored import StoredScan

    scan = StoredScan({"t": Classification((ColumnClassification("a", "EMAIL", 0.9, "identifier"),
                                           ColumnClassification("b", "PHONE", 0.4, "identifier")))}, "s", "")
    data = resolve(load_policy({"classify": {"min_confidence": 0.6}, "unclassified": "pass"}), scan)
    assert data["scanned"]["t"]["a"]["method"] == "email" and data["scanned"]["t"]["b"] is None  # b: raw


def test_check_fails_when_the_policy_changed_after_the_sync(project: Path, capsys) -> None:
    assert main(["dbt", "sync", "--check", "--project-dir", str(project)]) == 2  # never synced
    assert "never synced" in capsys.readouterr().err
    sync(project)
    manifest = _manifest(project)
    assert main(["dbt", "sync", "--check", "--project-dir", str(project)]) == 0
    assert stale_reason(project, manifest) is None
    (project / "policy.yml").write_text(POLICY.replace("length: 16", "length: 20"))
    assert main(["dbt", "sync", "--check", "--project-dir", str(project)]) == 2
    assert "stale" in capsys.readouterr().err
    assert "changed since" in (stale_reason(project, manifest) or "")
    (project / "policy.scan.json").write_text("{}")  # a new scan makes it stale too, and a broken one fails
    with pytest.raises(Exception, match="stored scan"):
        sync(project)


def test_dbt_check_reports_a_stale_copy_in_the_build(project: Path) -> None:
    import json

    from maskline.dbt.check import check_project

    sync(project)
    target = project / "target"
    target.mkdir()
    (target / "manifest.json").write_text(json.dumps({"metadata": {"adapter_type": "duckdb"}, "nodes": {},
                                                      "sources": {}, **_manifest(project)}))
    assert check_project(project) == []
    (project / "policy.yml").write_text(POLICY + "unclassified: mask\n")
    findings = check_project(project)
    assert [f.kind for f in findings] == ["policy"] and "maskline dbt sync" in findings[0].fix


@pytest.mark.parametrize(("config", "what"), [
    ("name: p\n", "the project names no policy"),
    ("name: p\nvars: {maskline_policy: \"{{ env_var('P') }}\"}\n", "must be a plain path"),
    ("name: p\nvars: {maskline_policy: nowhere.yml}\n", "policy file not found"),
])
def test_a_project_without_a_usable_policy_var_is_refused_with_the_fix(tmp_path: Path, config: str, what: str) -> None:
    (tmp_path / "dbt_project.yml").write_text(config)
    with pytest.raises(PolicyError) as e:
        sync(tmp_path)
    assert what in e.value.what and "dbt_project.yml" in (e.value.where or "")


def test_a_policy_error_names_the_policy_file_and_key(project: Path) -> None:
    (project / "policy.yml").write_text(POLICY.replace("method: hmac", "method: hmca"))
    with pytest.raises(PolicyError) as e:
        sync(project)
    assert e.value.where == f"{project / 'policy.yml'}: methods.EMAIL.method" and e.value.fix == "did you mean 'hmac'?"


def test_a_column_the_policy_passes_is_synced_without_a_method_and_a_named_one_with_its_method() -> None:
    # `{pass: true}` was synced as the catalogue's fallback, redact: dbt destroyed ids the policy passes.
    data = resolve(load_policy({"datasets": {"t": {"columns": {"id": {"pass": True},
                                                                "email": {"info_type": "EMAIL"}}}}}), None)
    assert data["datasets"]["t"]["id"]["method"] is None
    assert data["datasets"]["t"]["email"]["method"] == "email"  # the control: a named column keeps its method


def test_check_takes_a_column_the_policy_passes_as_not_sensitive_even_over_the_scan() -> None:
    # `maskline dbt check` ended in a bare AttributeError on a policy with `{pass: true}`. The policy's entry
    # overrides the stored scan's verdict, as in the core's plan; the control: a named column stays sensitive.
    from maskline.classify.result import Classification, ColumnClassification
    from maskline.classify.stored import StoredScan
    from maskline.dbt.check import policy_columns

    manifest = {"sources": {"source.p.shop.customers": {"schema": "raw", "name": "customers", "columns": {}}}}
    scan = StoredScan({"raw.customers": Classification((ColumnClassification("id", "US_SSN", 0.9, "identifier"),))},
                      "s", "")
    policy = load_policy({"datasets": {"raw.customers": {"columns": {"id": {"pass": True},
                                                                      "email": {"info_type": "EMAIL"}}}}})
    assert set(policy_columns(manifest, policy, scan)["source.p.shop.customers"]) == {"email"}


def _built(project: Path, **materialized: str) -> None:
    """A last build's manifest: models by materialization, each masking with the package (or, as `plain`, not)."""
    import json

    nodes = {f"model.p.{name}": {"name": name, "resource_type": "model", "config": {"materialized": kind},
                                 "depends_on": {"macros": [] if name == "plain" else ["macro.maskline.masked_columns"]}}
             for name, kind in materialized.items()}
    (project / "target").mkdir(exist_ok=True)
    (project / "target" / "manifest.json").write_text(json.dumps({"nodes": nodes}))


def test_a_resync_that_changes_the_masking_names_the_incremental_models_to_rebuild(project: Path, capsys) -> None:
    # A new user's walk: build, change a method, sync, build again. The incremental model appended rows masked
    # the new way beside its old rows, and nothing said so (the README did, and `maskline dbt check` cannot see).
    _built(project, customers_incremental="incremental", customers_masked="table", plain="incremental")
    assert main(["dbt", "sync", "--project-dir", str(project)]) == 0
    assert "note:" not in capsys.readouterr().err  # a first sync changes no rows a build holds
    (project / "policy.yml").write_text(POLICY + "# reviewed\n")
    assert main(["dbt", "sync", "--project-dir", str(project)]) == 0
    assert "note:" not in capsys.readouterr().err  # the file changed, what the macros mask did not
    (project / "policy.yml").write_text(POLICY.replace("length: 16", "length: 20"))
    assert main(["dbt", "sync", "--project-dir", str(project)]) == 0
    err = capsys.readouterr().err
    assert "note: the synced masking changed, but incremental models and snapshots (customers_incremental) keep" in err
    assert "dbt build --full-refresh" in err and "customers_masked" not in err and "plain" not in err
    _built(project, customers_masked="table")  # no incremental model or snapshot masks: nothing to rebuild
    (project / "policy.yml").write_text(POLICY)
    assert main(["dbt", "sync", "--project-dir", str(project)]) == 0
    assert "note:" not in capsys.readouterr().err
