"""`maskline dbt path` (checkout and wheel) and `maskline dbt suggest` (seeds and sources)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest
import yaml

from tests.dbt.dbt_harness import INTEGRATION, PACKAGE, REPO


def test_path_in_a_checkout_is_the_dbt_macros_directory(capsys) -> None:
    from maskline.cli.main import main

    assert main(["dbt", "path", "--absolute"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str(PACKAGE)
    assert yaml.safe_load((PACKAGE / "dbt_project.yml").read_text())["name"] == "maskline"


def test_path_is_relative_to_the_dbt_project_so_the_lock_file_holds_no_machine_path(tmp_path, capsys) -> None:
    from maskline.cli.main import main

    project = tmp_path / "analytics"
    project.mkdir()
    assert main(["dbt", "path", "--project-dir", str(project)]) == 0
    printed = capsys.readouterr().out.strip()
    assert not printed.startswith("/")
    assert (project / printed).resolve() == PACKAGE.resolve()


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv builds the wheel")
def test_path_from_an_installed_wheel_points_inside_it(tmp_path) -> None:
    subprocess.run(["uv", "build", "--wheel", "-o", str(tmp_path / "dist"), str(REPO)], check=True,
                   capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("maskline-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "maskline" / "_dbt_package" / "macros" / "mask.sql").is_file()
    assert (site / "maskline" / "_dbt_package" / "macros" / "_generated" / "maskline_templates.sql").is_file()
    out = subprocess.run([sys.executable, "-c", "from maskline.dbt.path import package_path; print(package_path())"],
                         cwd=tmp_path, env={"PYTHONPATH": str(site)}, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(site / "maskline" / "_dbt_package")


def test_suggest_prints_schema_meta_for_the_seed_without_values(capsys) -> None:
    from maskline.cli.main import main

    assert main(["dbt", "suggest", "--project-dir", str(INTEGRATION)]) == 0
    out = capsys.readouterr().out
    doc = yaml.safe_load(out)
    seed = doc["seeds"][0]
    assert seed["name"] == "raw_customers"
    found = {c["name"]: c["meta"]["maskline"]["info_type"] for c in seed["columns"]}
    assert found["email"] == "EMAIL" and found["iban"] == "IBAN" and found["notes"] == "FREE_TEXT_WITH_PII"
    assert "id" not in found and "amount" not in found
    for raw in ("alice.martin@example.com", "DE89370400440532013000", "Alice"):
        assert raw not in out


def test_suggested_meta_compiles_into_the_same_policy_the_check_accepts() -> None:
    from maskline.dbt.check import resolve_column_policy
    from maskline.dbt.suggest import render_suggestions, suggest

    doc = yaml.safe_load(render_suggestions(suggest(INTEGRATION)))
    for col in doc["seeds"][0]["columns"]:
        assert resolve_column_policy(col["meta"]["maskline"], f"seed.{col['name']}")


def test_check_classifies_sources_listed_in_its_own_manifest_not_target_json(tmp_path) -> None:
    import duckdb

    from maskline.dbt.check import classified_columns

    (tmp_path / "dbt_project.yml").write_text("name: p\nseed-paths: [seeds]\n")  # no target/ directory at all
    db = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE main.people AS SELECT 'person' || i || '@example.org' AS contact FROM range(40) t(i)")
    con.close()
    manifest = {"nodes": {}, "sources": {"source.p.crm.people": {
        "source_name": "crm", "name": "people", "schema": "main", "identifier": "people"}}}
    found = classified_columns(manifest, tmp_path, connect=f"duckdb:///{db}")
    assert found["source.p.crm.people"]["contact"].label.startswith("EMAIL")
