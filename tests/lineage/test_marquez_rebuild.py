"""A dbt project built three times into a real Marquez: what each dataset version says after a policy change.

Builds of one copy of examples/dbt_project (one DuckDB file, so one set of Marquez datasets) through dbt-ol and
maskline's transformer with the tag sync on: ``first`` (the example's policy), ``again`` (nothing changed) and
``changed`` after ``maskline dbt sync`` of an edited policy: ``email`` hmac -> null, ``phone`` unmasked
(``pass: true``), ``support_tickets.channel`` newly masked (redact). Read back as the dataset page does: the
dataset (its current fields, tags and descriptions) and the Versions tab (``/versions``, each version's own
fields). Runs when ``MARQUEZ_URL`` is set or scripts/marquez.sh can start Marquez (tests/lineage/conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.lineage.conftest import BIN, EXAMPLE_DBT, LineageRun, _read, _transport
from tests.lineage.marquez_api import get as _get
from tests.lineage.marquez_api import q as _q
from tests.lineage.marquez_api import versions as _versions

pytestmark = [pytest.mark.marquez, pytest.mark.dbt, pytest.mark.xdist_group("lineage")]

NAMESPACE = "maskline-dbt-rebuild-test"
BUILDS = ("first", "again", "changed")
# The policy edit of the ``changed`` build, as a user makes it in policy.yml.
_EMAIL_HMAC = "email: {info_type: EMAIL}"
_PHONE = "phone: {info_type: PHONE}"
_TICKETS = "  raw.customers:\n"
CHANGED_POLICY = (
    (_EMAIL_HMAC, 'email: {info_type: EMAIL, method: "null"}'),
    (_PHONE, "phone: {pass: true}"),
    (_TICKETS, "  raw.support_tickets:\n    columns:\n      channel: {method: redact}\n" + _TICKETS),
)
# The data test that pins email's old method goes with it (a user changes both together).
_EMAIL_TEST = "          - maskline.maskline_is_masked:\n              arguments: {method: hmac, length: 16}\n"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path.name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, marquez_url: str) -> dict[str, LineageRun]:
    """The three ``dbt-ol build``s, each with its own events file; the project and its DuckDB file are shared."""
    import yaml

    from tests.dbt.dbt_harness import copy_project

    root = tmp_path_factory.mktemp("dbt_rebuild") / "shop"
    outputs = {"dev": {"type": "duckdb", "path": str(root.parent / "shop.duckdb"), "threads": 2}}
    project = copy_project(EXAMPLE_DBT, root, "maskline_shop", outputs, "dev")
    env = {k: v for k, v in project.env.items() if not k.startswith("OPENLINEAGE")}
    env.update({"OPENLINEAGE_NAMESPACE": NAMESPACE, "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}"})
    project.env = env
    project.run("deps")
    runs: dict[str, LineageRun] = {}
    for build in BUILDS:
        if build == "changed":
            for old, new in CHANGED_POLICY:
                _edit(root / "policy.yml", old, new)
            _edit(root / "models" / "staging" / "schema.yml", _EMAIL_TEST, "")
            sync = subprocess.run([str(BIN / "maskline"), "dbt", "sync", "--project-dir", str(root)], env=env,
                                  capture_output=True, text=True, timeout=120, check=False)
            assert sync.returncode == 0, sync.stdout + sync.stderr
        jsonl = root.parent / f"{build}.jsonl"
        config = root.parent / f"{build}.yml"
        config.write_text(yaml.safe_dump({"transport": _transport(jsonl, marquez_url)}))
        proc = subprocess.run([str(BIN / "dbt-ol"), "build", "--profiles-dir", str(project.profiles_dir),
                               "--target", "dev"], cwd=root, env={**env, "OPENLINEAGE_CONFIG": str(config)},
                              capture_output=True, text=True, timeout=900, check=False)
        assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
        events, text = _read(jsonl)
        runs[build] = LineageRun(events, text, set())
    return runs


def _complete(run: LineageRun, model: str) -> dict:
    (event,) = run.for_job(f".{model}.build.run", "COMPLETE")
    return event


def _fields_by_build(base: str, builds: dict[str, LineageRun], model: str,
                     must_tag: dict[str, tuple[str, ...]]) -> dict[str, dict[str, dict]]:
    """``build -> field -> {"tags", "description"}`` of the version each build's run wrote, once the tag sync has
    tagged every field of ``must_tag[build]`` MASKED (it runs after the events; bounded retries)."""
    out = _complete(builds["first"], model)["outputs"][0]
    runs = {build: _complete(builds[build], model)["run"]["runId"] for build in BUILDS}

    def read() -> dict[str, dict[str, dict]]:
        by_run = {(v.get("createdByRun") or {}).get("id"): v for v in _versions(base, out)}
        shown = {build: {f["name"]: {"tags": sorted(f["tags"]), "description": f.get("description")}
                         for f in by_run[runs[build]]["fields"]} for build in BUILDS}
        for build, fields in must_tag.items():
            for name in fields:
                assert "MASKED" in shown[build][name]["tags"], (build, name, shown[build][name])
        return shown

    for _ in range(59):
        try:
            return read()
        except (AssertionError, KeyError):
            time.sleep(0.5)
    return read()


def test_each_version_says_the_masking_its_own_run_applied(marquez_url: str,
                                                           builds: dict[str, LineageRun]) -> None:
    """After the policy change the version the new run wrote says the new truth (email null-masked, phone raw and
    without MASKED) and the versions the earlier runs wrote keep theirs (email hmac, phone masked by partial): a
    field tag is written into one version only, and a new version starts with the tags the run's own sync gives it.
    Except phone's MASKED: the dataset page shows it whatever version it was posted on, so the sync deletes it,
    and Marquez's DELETE takes it from every version (the older ones' descriptions still say how they masked)."""
    shown = _fields_by_build(marquez_url, builds, "stg_customers",
                             {"first": ("email",), "again": ("email",), "changed": ("email",)})
    for build in ("first", "again"):
        email, phone = shown[build]["email"], shown[build]["phone"]
        assert {"MASKED", "EMAIL", "PII"} <= set(email["tags"]), (build, email)
        assert (email["description"] or "").startswith("masked: hmac("), (build, email)
        assert {"PHONE", "PII"} <= set(phone["tags"]) and "MASKED" not in phone["tags"], (build, phone)
        assert (phone["description"] or "").startswith("masked: partial("), (build, phone)
    email, phone = shown["changed"]["email"], shown["changed"]["phone"]
    assert "MASKED" in email["tags"] and (email["description"] or "").startswith("masked: null"), email
    assert "MASKED" not in phone["tags"], phone
    assert not (phone["description"] or "").startswith("masked"), phone


def test_the_dataset_page_shows_the_current_policy(marquez_url: str, builds: dict[str, LineageRun]) -> None:
    """The dataset page (``GET`` of the dataset: its current version's fields) shows the last build's masking."""
    out = _complete(builds["changed"], "stg_customers")["outputs"][0]
    _fields_by_build(marquez_url, builds, "stg_customers", {"changed": ("email",)})
    path = f"/api/v1/namespaces/{_q(out['namespace'])}/datasets/{_q(out['name'])}"
    fields = {f["name"]: f for f in _get(marquez_url, path)["fields"]}
    assert (fields["email"]["description"] or "").startswith("masked: null"), fields["email"]
    assert "MASKED" in fields["email"]["tags"]
    assert "MASKED" not in fields["phone"]["tags"], fields["phone"]
    assert not (fields["phone"]["description"] or "").startswith("masked"), fields["phone"]


def test_a_newly_masked_column_is_tagged_on_the_new_version_only(marquez_url: str,
                                                                 builds: dict[str, LineageRun]) -> None:
    shown = _fields_by_build(marquez_url, builds, "stg_support_tickets",
                             {"first": ("notes",), "again": ("notes",), "changed": ("notes", "channel")})
    for build in ("first", "again"):
        assert "MASKED" not in shown[build]["channel"]["tags"], (build, shown[build]["channel"])
        assert not (shown[build]["channel"]["description"] or "").startswith("masked"), shown[build]["channel"]
    assert (shown["changed"]["channel"]["description"] or "").startswith("masked: redact"), shown["changed"]


@pytest.mark.parametrize("model", ["stg_customers", "stg_orders", "stg_support_tickets", "customer_orders"])
def test_a_second_build_with_nothing_changed_shows_the_same_fields(marquez_url: str, builds: dict[str, LineageRun],
                                                                   model: str) -> None:
    """A build with nothing changed makes one new version (Marquez versions every write run) whose fields, tags and
    descriptions are the first build's: no tag lost or added, and no version made by a read."""
    def masked(build: str) -> set[str]:
        facet = _complete(builds[build], model)["outputs"][0]["facets"].get("maskline_masking", {})
        return {name for name, f in (facet.get("fields") or {}).items() if f.get("masked")}

    kept = tuple(sorted(masked("first") & masked("changed")))  # the changed build unmasked phone everywhere
    shown = _fields_by_build(marquez_url, builds, model, {"first": kept, "again": kept})
    assert shown["again"] == shown["first"]
    out = _complete(builds["first"], model)["outputs"][0]
    versions = _versions(marquez_url, out)
    assert len(versions) == len(BUILDS) and all(v.get("createdByRun") for v in versions), \
        [(v.get("createdByRun") or {}).get("id") for v in versions]


def test_every_maskline_facet_of_every_build_validates_against_its_schema(builds: dict[str, LineageRun]) -> None:
    """The facets the three builds sent (the changed policy's ``null``, ``redact`` and ``pass`` included): every
    facet whose ``_schemaURL`` is under maskline's base, or named ``maskline_*``, resolves to a schema file shipped in
    the package and validates against it."""
    from openlineage_ext.facets import schema_base_url, schema_for_url
    from tests.lineage.test_facets import validate_against

    checked: dict[str, int] = {}
    for run in builds.values():
        for event in run.events:
            holders = [event["run"].get("facets", {}), event["job"].get("facets", {})]
            holders += [d.get("facets", {}) for d in event.get("inputs", []) + event.get("outputs", [])]
            for facets in holders:
                for name, body in facets.items():
                    url = body.get("_schemaURL", "")
                    if not (name.startswith("maskline_") or url.startswith(schema_base_url())):
                        continue
                    found = schema_for_url(url)
                    assert found is not None, (name, url)
                    validate_against(found[0], found[1], body)
                    checked[found[1]] = checked.get(found[1], 0) + 1
    assert {"MasklineIdentityRunFacet", "MasklineMaskingDatasetFacet"} <= set(checked), checked
