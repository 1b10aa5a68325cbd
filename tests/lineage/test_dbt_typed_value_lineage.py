"""A value typed unquoted in a dbt model never reaches dbt-ol's column lineage (lineprune).

dbt-ol parses each model's compiled SQL for its ``columnLineage``: in ``select X98234571 as a ...`` the value
reads as a column of the input, so it was an input field of the event. The maskline transformer now prunes
dbt events after enrichment, against the manifest's columns and the built relations' columns. Real parts: the
example project built by ``dbt-ol build`` on DuckDB through the transformer, events written by the file
transport. The control: the project's own models keep their column lineage.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.lineage.conftest import BIN, DBT_NAMESPACE, EXAMPLE_DBT, _read, _transport

pytestmark = [pytest.mark.dbt]
VALUE = "X98234571"


def test_a_value_typed_in_a_model_is_in_no_dbt_event(tmp_path: Path) -> None:
    import yaml

    from tests.dbt.dbt_harness import copy_project

    root = tmp_path / "shop"
    outputs = {"dev": {"type": "duckdb", "path": str(tmp_path / "shop.duckdb"), "threads": 1}}
    project = copy_project(EXAMPLE_DBT, root, "maskline_shop", outputs, "dev")
    (root / "models" / "marts" / "typed_probe.sql").write_text(
        f"select {VALUE} as a, customer_id from {{{{ ref('stg_customers') }}}}\n")
    jsonl = tmp_path / "events.jsonl"
    config = tmp_path / "openlineage.yml"
    config.write_text(yaml.safe_dump({"transport": _transport(jsonl, None)}))
    env = {k: v for k, v in project.env.items() if not k.startswith("OPENLINEAGE")}
    env.update({"OPENLINEAGE_CONFIG": str(config), "OPENLINEAGE_NAMESPACE": DBT_NAMESPACE,
                "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}"})
    project.env = env
    project.run("deps")
    subprocess.run([str(BIN / "dbt-ol"), "run", "--profiles-dir", str(project.profiles_dir), "--target", "dev"],
                   cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False)  # the probe fails
    events, text = _read(jsonl)
    probe = [e for e in events if any("typed_probe" in o["name"] for o in e.get("outputs") or ())]
    assert probe, "dbt-ol sent no event for the probe model"
    assert VALUE.lower() not in text.lower()
    # The control: a model of the project keeps the column lineage dbt-ol traced, after enrichment.
    traced = [f for e in events for o in e.get("outputs") or () if "stg_customers" in o["name"]
              for f in ((o.get("facets") or {}).get("columnLineage") or {}).get("fields", {}).values()]
    assert any(f.get("inputFields") for f in traced)
