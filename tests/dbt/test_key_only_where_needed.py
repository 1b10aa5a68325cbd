"""A project-wide `set_key()` pre-hook asks for a key only in models that use a keyed method, and the package's
install leaves no machine path in package-lock.yml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.dbt.dbt_harness import DBT, REPO

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

MODELS = {
    "raw_contacts": "select 'ada@example.com' as email",
    "contacts_unkeyed": "select {{ maskline.mask('email', 'email') }} as email from {{ ref('raw_contacts') }}",
    "contacts_keyed": "select {{ maskline.mask('email', 'hmac') }} as email from {{ ref('raw_contacts') }}",
}


@pytest.fixture(scope="module")
def keyless_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    """A dbt project with the pre-hook on every model, installed as the README says, built with no key."""
    root = tmp_path_factory.mktemp("keyless") / "analytics"
    (root / "models").mkdir(parents=True)
    for name, sql in MODELS.items():
        (root / "models" / f"{name}.sql").write_text(sql)
    (root / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "analytics", "version": "1.0", "config-version": 2, "profile": "analytics",
        "models": {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}}))
    local = subprocess.run([sys.executable, "-m", "maskline", "dbt", "path", "--project-dir", str(root)],
                           capture_output=True, text=True, check=True).stdout.strip()
    (root / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": local}]}))
    (root / "profiles.yml").write_text(yaml.safe_dump({"analytics": {"target": "dev", "outputs": {
        "dev": {"type": "duckdb", "path": str(root / "dev.duckdb"), "threads": 1}}}}))
    env = {k: v for k, v in os.environ.items() if k != "MASKLINE_KEY" and not k.startswith("DBT_")}
    env.update(DBT_SEND_ANONYMOUS_USAGE_STATS="false", PYTHONPATH=str(REPO))
    for args in (["deps"], ["build"]):
        subprocess.run([str(DBT), *args, "--profiles-dir", str(root)], cwd=root, env=env, capture_output=True,
                       text=True, timeout=600, check=False)
    import json

    results = json.loads((root / "target" / "run_results.json").read_text())["results"]
    return root, {r["unique_id"].rsplit(".", 1)[1]: r for r in results}


def test_models_without_a_keyed_method_build_when_no_key_is_set(keyless_build) -> None:
    _, results = keyless_build
    assert results["raw_contacts"]["status"] == "success"
    assert results["contacts_unkeyed"]["status"] == "success"


def test_a_model_with_a_keyed_method_fails_and_names_the_variable_to_set(keyless_build) -> None:
    _, results = keyless_build
    assert results["contacts_keyed"]["status"] == "error"
    assert "MASKLINE_KEY" in results["contacts_keyed"]["message"]


def test_package_lock_holds_a_path_relative_to_the_project(keyless_build) -> None:
    root, _ = keyless_build
    (package,) = yaml.safe_load((root / "package-lock.yml").read_text())["packages"]
    assert not Path(package["local"]).is_absolute()
    assert (root / package["local"] / "dbt_project.yml").is_file()
