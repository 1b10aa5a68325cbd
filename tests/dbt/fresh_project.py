"""A new user's dbt project on DuckDB, written from a few files: the maskline package installed with `dbt deps`
(:func:`tests.dbt.dbt_harness.install_packages`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.dbt.dbt_harness import DbtProject, copy_project, install_packages

PROFILE = "fresh"


def fresh_project(root: Path, files: dict[str, str], vars: dict[str, Any] | None = None, *, plugin: bool = True,
                  snapshot_pre_hook: bool = False) -> DbtProject:
    """``files`` (path -> text) under a project whose models load the key with the README's project-wide pre-hook
    (its snapshots too with ``snapshot_pre_hook``); ``plugin`` adds maskline's dbt-duckdb plugin to the profile."""
    src = root.parent / "src"
    config = {"name": PROFILE, "version": "1.0", "config-version": 2, "profile": PROFILE,
              "models": {PROFILE: {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}},
              "vars": vars or {}}
    if snapshot_pre_hook:
        config["snapshots"] = {PROFILE: {"+pre-hook": "{{ maskline.set_key() }}"}}
    for path, text in {"dbt_project.yml": yaml.safe_dump(config, sort_keys=False), **files}.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_text(text)
    outputs = {"duckdb": {"type": "duckdb", "path": str(root.parent / "fresh.duckdb"), "threads": 2,
                          **({"plugins": [{"module": "maskline.dbt.duckdb_plugin"}]} if plugin else {})}}
    project = copy_project(src, root, PROFILE, outputs, "duckdb")
    install_packages(project)
    return project


def raw_people_seed(csv: str, info_types: dict[str, str]) -> dict[str, str]:
    """The files of a ``raw_people`` seed for :func:`fresh_project`: ``csv``, and a schema.yml whose column meta
    names the info type of each column in ``info_types`` (``{"email": "EMAIL"}``), as a new user documents only the
    sensitive columns."""
    columns = [{"name": name, "meta": {"maskline": {"info_type": info_type}}} for name, info_type in info_types.items()]
    schema = {"version": 2, "seeds": [{"name": "raw_people", "columns": columns}]}
    return {"seeds/raw_people.csv": csv, "seeds/schema.yml": yaml.safe_dump(schema, sort_keys=False)}


def table(project: DbtProject, name: str) -> list[tuple[Any, ...]]:
    """Every row of ``name`` in the project's DuckDB file, sorted, read-only."""
    import duckdb

    con = duckdb.connect(str(project.root.parent / "fresh.duckdb"), read_only=True)
    try:
        return sorted(con.sql(f"select * from {name}").fetchall(), key=repr)
    finally:
        con.close()
