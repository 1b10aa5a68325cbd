"""dbt without a synced policy fails closed: columns no meta names are redacted, unless the project says pass.

The integration project (no ``vars.maskline_policy``) is built on DuckDB without its ``maskline_unclassified:
pass``; ``raw_customers.id`` is the one column its meta does not name.
"""

from __future__ import annotations

import re

import pytest

from tests.dbt.dbt_harness import (
    DbtProject,
    built_with_scan_lacking,
    synced_policy,
    unsynced_project,
    unsynced_table,
)
from tests.dbt.parity import core_masked, seed_meta_policy

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
SELECT = ("--select", "raw_customers", "customers_masked")


@pytest.fixture(scope="module")
def unsynced(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """A copy of the integration project whose dbt_project.yml has no maskline_unclassified var."""
    return unsynced_project(tmp_path_factory.mktemp("dbt_unsynced") / "project")


def test_a_column_no_meta_names_is_redacted_as_the_core_masks_it(unsynced: DbtProject) -> None:
    proc = unsynced.run("build", *SELECT)
    raw, out = unsynced_table(unsynced, "raw_customers"), unsynced_table(unsynced, "customers_masked")
    policy = {**seed_meta_policy(), "unclassified": "mask"}  # the core without a scan of id: masked
    expected = core_masked(raw, policy, "raw_customers")
    assert sorted(map(str, out["id"])) == sorted(map(str, expected["id"]))
    assert not set(map(str, out["id"])) & set(map(str, raw["id"]))  # no raw id reached the model
    warning = next(line for line in proc.stdout.splitlines() if "no synced policy and no meta" in line)
    assert "column id of" in warning and "maskline dbt sync" in warning and "maskline_unclassified: pass" in warning


def test_unclassified_pass_is_an_explicit_choice_that_passes_it(unsynced: DbtProject) -> None:
    # The negative control: the same build that says pass writes the raw ids, so the test above is not trivially true.
    unsynced.run("build", *SELECT, "--vars", "{maskline_unclassified: pass}")
    raw, out = unsynced_table(unsynced, "raw_customers"), unsynced_table(unsynced, "customers_masked")
    assert sorted(out["id"].tolist()) == sorted(raw["id"].tolist())
    assert out["email"].tolist() != raw["email"].tolist()  # meta still masks what it names


def test_a_misspelt_choice_stops_the_compile_with_the_fix(unsynced: DbtProject) -> None:
    proc = unsynced.run("compile", "--select", "customers_masked", "--vars", "{maskline_unclassified: passs}",
                        check=False)
    assert proc.returncode != 0
    message = re.sub(r"\s+", " ", proc.stdout)
    assert "vars.maskline_unclassified is 'passs'" in message and "Fix: write mask" in message


def test_the_var_beside_a_synced_policy_stops_the_compile(unsynced: DbtProject) -> None:
    from maskline.dbt.sync import sync

    with synced_policy(unsynced, "version: 1\nunclassified: mask\n") as root:
        sync(root)
        proc = unsynced.run("compile", "--select", "customers_masked", "--vars", "{maskline_unclassified: pass}",
                            check=False)
    assert proc.returncode != 0
    message = re.sub(r"\s+", " ", proc.stdout)
    assert "vars.maskline_unclassified is set, but the project has a synced policy" in message
    assert "write `unclassified: pass` in policy.yml" in message


def test_lineage_records_the_redaction_the_build_made(unsynced: DbtProject) -> None:
    # dbt-ol's enrichment reads the rule the macros recorded in the manifest: the column the build redacted is
    # recorded as masked (redact), and the explicit `pass` (the control, parsed with it) as passed, so the check can
    # fail.
    from openlineage_ext.dbt_manifest import load_manifest, model_plan

    unsynced.run("build", *SELECT)
    output = ("id", "email")  # the output columns dbt-ol reads from the event
    manifest = load_manifest(unsynced.root / "target" / "manifest.json")
    node = next(n for n in manifest.nodes() if n.get("name") == "customers_masked")
    plan = {c.name.lower(): c for c in model_plan(manifest, node, output).columns}
    assert plan["id"].masked and plan["id"].method.name == "redact"
    assert "maskline_unclassified" in plan["id"].rule
    assert plan["email"].masked and plan["email"].method.name != "redact"  # meta still decides what it names
    unsynced.run("parse", "--vars", "{maskline_unclassified: pass}")
    manifest = load_manifest(unsynced.root / "target" / "manifest.json")
    node = next(n for n in manifest.nodes() if n.get("name") == "customers_masked")
    passed = {c.name.lower(): c for c in model_plan(manifest, node, output).columns}
    assert not passed["id"].masked and passed["email"].masked


def test_a_synced_policy_cannot_be_switched_off_from_the_command_line(unsynced: DbtProject) -> None:
    # `--vars '{maskline_policy: null, maskline_unclassified: pass}'` made the synced policy's columns pass raw,
    # silently. The control: the same project, compiled as configured, compiles.
    from maskline.dbt.sync import sync

    with synced_policy(unsynced, "version: 1\nunclassified: mask\n") as root:
        sync(root)
        control = unsynced.run("compile", "--select", "customers_masked", check=False)
        proc = unsynced.run("compile", "--select", "customers_masked", "--vars",
                            "{maskline_policy: null, maskline_unclassified: pass}", check=False)
    assert control.returncode == 0, control.stdout[-3000:]
    assert proc.returncode != 0
    message = re.sub(r"\s+", " ", proc.stdout)
    assert "vars.maskline_policy is empty, but the project has a synced policy (policy.yml)" in message
    assert "Fix: set vars.maskline_policy to policy.yml" in message


def test_a_column_the_synced_policy_passes_reaches_the_model_raw(unsynced: DbtProject) -> None:
    # `{pass: true}` (what `maskline policy init` writes for every safe column) was synced as redact, so dbt wrote
    # '[REDACTED]' over the ids the core passes. The control: a column the policy names keeps its method.
    from maskline.dbt.sync import sync

    policy = ("version: 1\ndatasets:\n  raw_customers:\n    columns:\n"
              "      id: {pass: true}\n      email: {info_type: EMAIL}\n")
    with synced_policy(unsynced, policy) as root:
        sync(root)
        unsynced.run("build", "--select", "customers_masked")
        raw, out = unsynced_table(unsynced, "raw_customers"), unsynced_table(unsynced, "customers_masked")
    assert sorted(out["id"].tolist()) == sorted(raw["id"].tolist())
    assert out["id"].dtype == raw["id"].dtype
    assert not set(out["email"].dropna()) & set(raw["email"].dropna())


def _build_with_scan(project: DbtProject, drop: tuple[str, ...]):
    """Build customers_masked under a synced `unclassified: pass` policy whose stored scan of raw_customers lacks
    the columns in ``drop`` (as if they were added upstream after the scan); return raw, out and dbt's stdout."""
    with built_with_scan_lacking(project, drop) as proc:
        raw, out = unsynced_table(project, "raw_customers"), unsynced_table(project, "customers_masked")
    return raw, out, proc.stdout


def test_a_column_added_after_the_stored_scan_is_redacted_under_pass(unsynced: DbtProject) -> None:
    # `unclassified: pass` passes what the scan judged; `id` is not in the scan (added upstream since), so nobody
    # judged it. It passed raw; now it is redacted, with a warning naming it and the fix.
    raw, out, stdout = _build_with_scan(unsynced, drop=("id",))
    assert not set(map(str, out["id"])) & set(map(str, raw["id"]))
    warning = re.sub(r"\s+", " ", next(line for line in stdout.splitlines() if "not in its stored scan" in line))
    assert "column id of" in warning and "maskline dbt sync" in warning


def test_a_column_the_stored_scan_judged_passes_under_pass(unsynced: DbtProject) -> None:
    # The control: the same build with `id` in the scan (judged not sensitive) writes the raw ids.
    raw, out, stdout = _build_with_scan(unsynced, drop=())
    assert sorted(map(str, out["id"])) == sorted(map(str, raw["id"]))
    assert "not in its stored scan" not in stdout
