"""The transformer reads the dbt profile for every dbt-ol event: it must read the files once, yet see edits."""

from __future__ import annotations

import os
from pathlib import Path

from openlineage_ext import dbt_manifest
from openlineage_ext.dbt_manifest import dbt_target_user


def _project(tmp_path: Path, user: str) -> Path:
    (tmp_path / "dbt_project.yml").write_text("name: shop\nprofile: shop\n", encoding="utf-8")
    (tmp_path / "profiles.yml").write_text(
        f"shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      user: {user}\n", encoding="utf-8")
    manifest = tmp_path / "target" / "manifest.json"
    manifest.parent.mkdir(exist_ok=True)
    manifest.write_text("{}", encoding="utf-8")
    return manifest


def test_target_user_is_read_from_disk_once_per_file_version(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DBT_PROFILES_DIR", raising=False)
    monkeypatch.delenv("DBT_TARGET", raising=False)
    manifest = _project(tmp_path, "etl_svc")
    dbt_manifest._yaml.cache_clear()
    users = [dbt_target_user(manifest, argv=[]) for _ in range(5)]
    assert users == ["etl_svc"] * 5
    assert dbt_manifest._yaml.cache_info().misses == 2  # dbt_project.yml and profiles.yml, once each


def test_an_edited_profile_is_read_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DBT_PROFILES_DIR", raising=False)
    monkeypatch.delenv("DBT_TARGET", raising=False)
    manifest = _project(tmp_path, "etl_svc")
    assert dbt_target_user(manifest, argv=[]) == "etl_svc"
    profiles = tmp_path / "profiles.yml"
    profiles.write_text(profiles.read_text(encoding="utf-8").replace("etl_svc", "loader_svc"), encoding="utf-8")
    later = profiles.stat().st_mtime + 5
    os.utime(profiles, (later, later))
    assert dbt_target_user(manifest, argv=[]) == "loader_svc"
