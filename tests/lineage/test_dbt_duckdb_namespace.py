"""dbt-ol names a DuckDB file as maskline's operators and MCP server do: by its absolute path (dbtnsabs).

dbt-ol writes a dbt-duckdb dataset's namespace as ``duckdb://{path}``, ``path`` as profiles.yml spells it: the
usual ``path: shop.duckdb`` gave ``duckdb://shop.duckdb``, while the operators and ``maskline mcp`` name the same
file ``duckdb:///abs/dir/shop.duckdb`` (:func:`maskline.lineage_names.table_namespace`), so Marquez drew two
nodes and the lineage broke between the dbt model and the task or agent that reads it. The transformer, inside
the dbt-ol process, now names it by the same rule.

Which file is that? dbt-duckdb hands ``path`` to DuckDB, which opens a relative one against the working directory
of the dbt process, the one dbt-ol ran in: dbt 1.11 moves neither to ``--project-dir`` nor to the profiles
directory. The test runs dbt-ol from a directory that is neither, and checks where the file is.

Real parts: dbt-ol and dbt-duckdb building a small project (a source, two models: inputs, outputs, column
lineage), events through the maskline transformer to a file transport. The control: an absolute path is kept.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.lineage.conftest import BIN, DBT_NAMESPACE, ROOT, _read, _transport
from tests.lineage.connection_hook import ConnectionHook

pytestmark = [pytest.mark.dbt]

PROJECT = {
    "dbt_project.yml": "name: shop\nversion: '1.0.0'\nconfig-version: 2\nprofile: shop\n"
                       "on-run-start:\n  - \"create schema if not exists raw; create or replace table raw.orders as"
                       " select 1 as order_id, 'open' as status\"\n"
                       "models:\n  shop:\n    +materialized: table\n",
    "models/sources.yml": "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables:\n      - name: orders\n",
    "models/stg_orders.sql": "select order_id, status from {{ source('raw', 'orders') }}\n",
    "models/order_status.sql": "select order_id, upper(status) as status from {{ ref('stg_orders') }}\n",
}


def _dbt_ol_run(tmp_path: Path, db_path: str, cwd: Path, *args: str) -> list[dict[str, Any]]:
    """``dbt-ol run`` of the project in ``tmp_path/work/shop`` (profile in ``tmp_path/work/profiles``), from ``cwd``."""
    import yaml

    project, profiles = tmp_path / "work" / "shop", tmp_path / "work" / "profiles"
    for name, text in PROJECT.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    profiles.mkdir(parents=True)
    (profiles / "profiles.yml").write_text(yaml.safe_dump(
        {"shop": {"target": "dev", "outputs": {"dev": {"type": "duckdb", "path": db_path, "threads": 1}}}}))
    jsonl = tmp_path / "events.jsonl"
    config = tmp_path / "openlineage.yml"
    config.write_text(yaml.safe_dump({"transport": _transport(jsonl, None)}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBT_", "OPENLINEAGE"))}
    env.update({"OPENLINEAGE_CONFIG": str(config), "OPENLINEAGE_NAMESPACE": DBT_NAMESPACE,
                "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
                "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")})
    proc = subprocess.run([str(BIN / "dbt-ol"), "run", *args, "--target", "dev"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
    events, _ = _read(jsonl)
    return events


def _duckdb_names(events: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Every DuckDB namespace the events give, by where: inputs, outputs, column lineage, data sources."""
    found: dict[str, set[str]] = {"inputs": set(), "outputs": set(), "column lineage": set(), "data source": set()}
    for event in events:
        for kind in ("inputs", "outputs"):
            for ds in event.get(kind) or ():
                found[kind].add(ds["namespace"])
                facets = ds.get("facets") or {}
                lineage = facets.get("columnLineage") or {}
                refs = [r for f in (lineage.get("fields") or {}).values() for r in f.get("inputFields") or ()]
                found["column lineage"] |= {r["namespace"] for r in refs + list(lineage.get("dataset") or ())}
                source = facets.get("dataSource") or {}
                found["data source"] |= {source[k] for k in ("name", "uri") if k in source}
    return {kind: {n for n in names if n.startswith("duckdb")} for kind, names in found.items()}


def _output_types(events: list[dict[str, Any]], model: str) -> dict[str, str]:
    fields = [f for e in events if e["eventType"] == "COMPLETE" for o in e.get("outputs") or ()
              if o["name"].endswith(model) for f in o["facets"]["schema"]["fields"]]
    return {f["name"]: str(f.get("type")).upper() for f in fields}


@pytest.mark.parametrize("profiles_dir", ["relative", "absolute"])
def test_a_relative_profile_path_is_named_by_the_file_dbt_opened(profiles_dir: str, tmp_path: Path) -> None:
    from airflow.models import Connection

    from airflow_plugin.lineage import dataset_namespace
    from maskline.lineage_names import table_namespace
    from maskline.mcp.database import Database

    work = tmp_path / "work"
    # From the directory above the project, the project given relative to it.
    profiles = "profiles" if profiles_dir == "relative" else str(work / "profiles")
    events = _dbt_ol_run(tmp_path, "shop.duckdb", work, "--project-dir", "shop", "--profiles-dir", profiles)
    # The file DuckDB opened is in dbt's working directory, neither in the project nor in the profiles directory
    # (nor did the enrichment's catalog read, `dbt docs generate`, open another one there).
    built = work / "shop.duckdb"
    assert built.is_file()
    assert not (work / "shop" / "shop.duckdb").exists() and not (work / "profiles" / "shop.duckdb").exists()
    operator = dataset_namespace(ConnectionHook(Connection(conn_id="wh", conn_type="duckdb", host=str(built))), "duckdb")
    expected = table_namespace("duckdb", None, None, str(built))
    assert expected == Database.from_uri(f"duckdb:///{built}").namespace == operator == f"duckdb://{built}"
    names = _duckdb_names(events)
    shown = json.dumps({kind: sorted(found) for kind, found in names.items()})
    assert names["inputs"] == names["outputs"] == names["column lineage"] == {expected}, shown
    assert names["data source"] <= {expected}, shown
    # The types of the built relations, read from the file the models were built in.
    assert _output_types(events, "order_status") == {"order_id": "INTEGER", "status": "VARCHAR"}


def test_an_absolute_profile_path_is_kept(tmp_path: Path) -> None:
    # The control (true before): the namespace dbt-ol gives an absolute path is already the operators'.
    from maskline.lineage_names import table_namespace

    db = tmp_path / "elsewhere" / "shop.duckdb"
    db.parent.mkdir()
    events = _dbt_ol_run(tmp_path, str(db), tmp_path / "work" / "shop", "--profiles-dir", "../profiles")
    expected = f"duckdb://{db}"
    assert expected == table_namespace("duckdb", None, None, str(db))
    names = _duckdb_names(events)
    assert names["inputs"] == names["outputs"] == names["column lineage"] == {expected}
    assert _output_types(events, "order_status") == {"order_id": "INTEGER", "status": "VARCHAR"}
