"""Run real dbt on a copy of a project: a temp profiles dir, the maskline package installed with `dbt deps`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.dbt.dbt_fork_server import run_dbt

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "dbt_macros"
INTEGRATION = PACKAGE / "integration_tests"
EXAMPLE = REPO / "examples" / "dbt_project"
DBT = Path(sys.executable).with_name("dbt")
TEST_KEY = "test-key-for-maskline-do-not-use-in-prod"
EXPECTED_FAILURES = 4  # tests tagged expected_fail in the integration project


@dataclass
class DbtProject:
    """A throwaway copy of a dbt project and the profile that points it at one engine."""

    root: Path
    profiles_dir: Path
    target: str
    env: dict[str, str]

    def run(self, *args: str, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        cmd = [str(DBT), *args, "--profiles-dir", str(self.profiles_dir), "--target", self.target]
        # A fresh dbt process each time, forked from one that imported dbt already (about 4 CPU seconds less each).
        proc = run_dbt(cmd, cwd=self.root, env={**self.env, **(env or {})}, timeout=900)
        if check and proc.returncode != 0:
            raise AssertionError(f"dbt {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}")
        return proc

    def run_results(self, target_path: str = "target") -> dict[str, dict[str, Any]]:
        data = json.loads((self.root / target_path / "run_results.json").read_text())
        return {r["unique_id"]: r for r in data["results"]}

    def manifest(self) -> dict[str, Any]:
        return json.loads((self.root / "target" / "manifest.json").read_text())


def copy_project(src: Path, dest: Path, profile_name: str, outputs: dict[str, dict[str, Any]], target: str,
                 env_extra: dict[str, str] | None = None) -> DbtProject:
    """Copy ``src`` to ``dest``, point its packages.yml at this checkout's package, write profiles.yml."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", "*.duckdb"))
    (dest / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(PACKAGE)}]}))
    profiles = dest / "_profiles"
    profiles.mkdir()
    (profiles / "profiles.yml").write_text(yaml.safe_dump({profile_name: {"target": target, "outputs": outputs}}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBT_")}
    env.update({"MASKLINE_KEY": TEST_KEY, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_PARTIAL_PARSE": "true",
                "PYTHONPATH": str(REPO) + os.pathsep + env.get("PYTHONPATH", "")})
    env.update(env_extra or {})
    return DbtProject(dest, profiles, target, env)


# packages.yml text -> a project where a real `dbt deps` of it ran (one per test process)
_DEPS_DONE: dict[str, Path] = {}


def install_packages(project: DbtProject) -> None:
    """``dbt deps`` of ``project``: real dbt the first time a test process meets its packages.yml, then a copy of
    what that run wrote (``dbt_packages``, whose local packages are symlinks to their absolute paths, and
    ``package-lock.yml``, keyed by the packages.yml text). Each dbt start costs seconds, and the ~30 projects of a
    run install the same one local package. A packages.yml with anything but absolute local paths always runs
    real dbt (a relative path or a hub package installs differently per project)."""
    text = (project.root / "packages.yml").read_text()
    packages = yaml.safe_load(text).get("packages") or []
    reusable = all(set(p) == {"local"} and Path(p["local"]).is_absolute() for p in packages)
    done = _DEPS_DONE.get(text)
    if not reusable or done is None or not (done / "package-lock.yml").is_file():
        project.run("deps")
        if reusable:
            _DEPS_DONE[text] = project.root
        return
    shutil.copytree(done / "dbt_packages", project.root / "dbt_packages", symlinks=True)
    shutil.copy2(done / "package-lock.yml", project.root / "package-lock.yml")


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def key_exposures(root: Path, key: str = TEST_KEY) -> list[str]:
    """Files under ``root`` holding the key, its hex, or its HMAC pads in hex."""
    from maskline.keys import KeyMaterial

    km = KeyMaterial(key.encode())
    needles = [key.encode(), key.encode().hex().encode(), km.inner_pad().hex().encode(), km.outer_pad().hex().encode()]
    return [str(p.relative_to(root)) for p in files_under(root) if any(n in p.read_bytes() for n in needles)]


def build_outcome(project: DbtProject) -> tuple[list[str], list[str], list[str]]:
    """(passed, expected failures that failed, everything else that went wrong) from the build's results."""
    manifest = project.manifest()
    nodes = {**manifest["nodes"], **manifest.get("sources", {})}
    passed, failed_as_expected, wrong = [], [], []
    for uid, r in project.run_results().items():
        expected_fail = "expected_fail" in nodes.get(uid, {}).get("tags", [])
        if expected_fail and r["status"] == "fail" and (r.get("failures") or 0) > 0:
            failed_as_expected.append(uid)
        elif not expected_fail and r["status"] in ("success", "pass"):
            passed.append(uid)
        else:
            wrong.append(f"{uid}: {r['status']} {str(r.get('message'))[:300]}")
    return passed, failed_as_expected, wrong


def assert_build_passed(project: DbtProject) -> None:
    """Every seed, model and test passed, and exactly the tests tagged expected_fail failed (not errored)."""
    passed, failed_as_expected, wrong = build_outcome(project)
    assert wrong == [], project.build.stdout[-4000:]  # type: ignore[attr-defined]
    assert len(failed_as_expected) == EXPECTED_FAILURES
    assert len(passed) >= 24  # the seed, 4 models and the package's generic tests
    assert project.build.returncode != 0  # dbt itself reports the expected failures  # type: ignore[attr-defined]


def unsynced_project(root: Path) -> DbtProject:
    """A copy of the integration project at ``root`` on DuckDB, without its ``maskline_unclassified`` var (no
    synced policy: columns no meta names are redacted), with ``dbt deps`` run and ``raw_customers`` seeded."""
    outputs = {"duckdb": {"type": "duckdb", "path": str(root.parent / "u.duckdb"), "threads": 2,
                          "plugins": [{"module": "maskline.dbt.duckdb_plugin"}]}}
    project = copy_project(INTEGRATION, root, "maskline_integration_tests", outputs, "duckdb")
    config = yaml.safe_load((root / "dbt_project.yml").read_text())
    del config["vars"]["maskline_unclassified"]
    (root / "dbt_project.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    install_packages(project)
    project.run("seed", "--select", "raw_customers")  # every test reads the seed's columns, whatever the order
    return project


def text_seed_project(root: Path, table: str, columns: Sequence[str], lines: Sequence[str]) -> DbtProject:
    """An :func:`unsynced_project` at ``root`` with a seed ``table`` (``id`` an integer, every one of ``columns``
    text; ``lines`` its CSV rows) and a model ``<table>_masked`` selecting it through ``maskline.masked_columns``,
    the seed loaded. The row-guard tests build their models on it."""
    project = unsynced_project(root)
    (project.root / "seeds" / f"{table}.csv").write_text("id," + ",".join(columns) + "\n" + "\n".join(lines) + "\n")
    (project.root / "seeds" / f"{table}.yml").write_text(
        f"version: 2\nseeds:\n  - name: {table}\n    config:\n      column_types: {{id: integer, "
        + ", ".join(f"{c}: varchar" for c in columns) + "}\n")
    (project.root / "models" / f"{table}_masked.sql").write_text(
        f"select {{{{ maskline.masked_columns(ref('{table}')) }}}} from {{{{ ref('{table}') }}}}\n")
    project.run("seed", "--select", table)
    return project


def unsynced_table(project: DbtProject, name: str) -> Any:
    """Table ``name`` of an :func:`unsynced_project`'s DuckDB database, as a DataFrame (opened read-only)."""
    import duckdb

    con = duckdb.connect(str(project.root.parent / "u.duckdb"), read_only=True)
    try:
        return con.sql(f"select * from {name}").df()
    finally:
        con.close()


@contextmanager
def built_with_scan_lacking(project: DbtProject, drop: tuple[str, ...]) -> Iterator[subprocess.CompletedProcess[str]]:
    """customers_masked built under a synced ``unclassified: pass`` policy (:func:`synced_policy`) whose stored scan
    of raw_customers lacks the columns in ``drop`` (as if they were added upstream after the scan); yields dbt's
    process, and removes the policy and its scan on leaving."""
    from maskline.classify import classify
    from maskline.classify.result import Classification
    from maskline.classify.stored import save_scan, scan_path_for
    from maskline.dbt.sync import sync
    from maskline.policy import load_policy

    with synced_policy(project, "version: 1\nunclassified: pass\n") as root:
        policy = load_policy(root / "policy.yml")
        scan = classify(unsynced_table(project, "raw_customers"), policy=policy)
        kept = Classification(tuple(c for c in scan.columns if c.name not in drop), table="raw_customers")
        save_scan(scan_path_for(root / "policy.yml"), "raw_customers", kept, policy)
        sync(root)
        yield project.run("build", "--select", "customers_masked")


@contextmanager
def synced_policy(project: DbtProject, policy_text: str) -> Iterator[Path]:
    """The project with ``vars.maskline_policy: policy.yml`` holding ``policy_text`` (the caller syncs it, after any
    stored scan); the var, the policy, its scan and the synced macro are removed afterwards."""
    from maskline.classify.stored import scan_path_for

    root = project.root
    config = yaml.safe_load((root / "dbt_project.yml").read_text())
    config["vars"]["maskline_policy"] = "policy.yml"
    (root / "dbt_project.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    (root / "policy.yml").write_text(policy_text)
    try:
        yield root
    finally:
        del config["vars"]["maskline_policy"]
        (root / "dbt_project.yml").write_text(yaml.safe_dump(config, sort_keys=False))
        for p in (root / "policy.yml", scan_path_for(root / "policy.yml"), root / "macros" / "maskline_policy.sql"):
            p.unlink(missing_ok=True)


def assert_only_the_last_row_redacted(raw: Any, out: Any, columns: Sequence[str], secrets: Sequence[str]) -> None:
    """The built model ``out`` redacted the raw table's last row (each column's secret) and wrote every other value
    unchanged: the row guard tests' check, on :func:`built_on_a_sample`'s frames.

    >>> import pandas as pd
    >>> raw = pd.DataFrame({"tier": ["gold", "a@b.example"]})
    >>> assert_only_the_last_row_redacted(raw, pd.DataFrame({"tier": ["gold", "[REDACTED]"]}), ["tier"], ["a@b.example"])
    """
    for name, secret in zip(columns, secrets, strict=True):
        assert raw[name].iloc[-1] == secret
        assert out[name].iloc[-1] == "[REDACTED]", name
        # the control: the scan passed the column, and every sampled value is written unchanged
        assert list(out[name].iloc[:-1]) == list(raw[name].iloc[:-1]), name


def built_on_a_sample(project: DbtProject, table: str, model: str,
                      edit: Callable[[Any], Any] | None = None) -> tuple[Any, Any]:
    """``model`` built under the default (fail-closed) policy whose stored scan of ``table`` read every row but the
    last (a row past the sample); ``edit`` may change the scan before it is saved. Returns the raw table and the
    built model, both ordered by ``id``."""
    from maskline.classify import classify
    from maskline.classify.stored import save_scan, scan_path_for
    from maskline.dbt.sync import sync
    from maskline.policy import load_policy

    raw = unsynced_table(project, table).sort_values("id").reset_index(drop=True)
    with synced_policy(project, "version: 1\n") as root:
        policy = load_policy(root / "policy.yml")
        scan = classify(raw.iloc[:-1], policy=policy, table=table)
        save_scan(scan_path_for(root / "policy.yml"), table, edit(scan) if edit else scan, policy)
        sync(root)
        project.run("build", "--select", model)
    return raw, unsynced_table(project, model).sort_values("id").reset_index(drop=True)
