"""Examples are executable documentation: README snippets come from examples/, and the examples run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_KEY

ROOT = Path(__file__).parents[1]
SNIPPET = re.compile(r"<!-- example: (?P<path>[^ ]+) -->\s*```[a-z]*\n(?P<code>.*?)```", re.S)


def _env() -> dict[str, str]:
    env = dict(os.environ, MASKLINE_KEY=TEST_KEY)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return env


def test_every_readme_snippet_is_copied_from_an_example_file() -> None:
    readme = (ROOT / "README.md").read_text()
    snippets = list(SNIPPET.finditer(readme))
    assert len(snippets) >= 3
    for m in snippets:
        source = (ROOT / m["path"]).read_text()
        assert m["code"].strip() in source, f"README snippet drifted from {m['path']}"


def test_python_quickstart_runs_and_masks() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], capture_output=True, text=True,
                       env=_env(), check=False)
    assert r.returncode == 0, r.stderr
    assert "ada@example.com" not in r.stdout and "*****@example.com" in r.stdout
    assert "123-45-6789" not in r.stdout
    assert TEST_KEY not in r.stdout + r.stderr


def test_cli_quickstart_runs_end_to_end_without_a_key_in_the_environment() -> None:
    env = {k: v for k, v in _env().items() if k != "MASKLINE_KEY"}  # the quickstart sets its own key
    r = subprocess.run(["bash", str(ROOT / "examples" / "quickstart.sh")], capture_output=True, text=True,
                       env=env, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "SELECT" in r.stdout
    assert TEST_KEY not in r.stdout + r.stderr


def test_query_rewrite_example_masks_every_derived_output_and_refuses_writes() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "examples" / "mask_query.py")], capture_output=True, text=True,
                       env=_env(), check=False)
    assert r.returncode == 0, r.stderr
    from maskline.demo.sample import sample_customers

    raw = sample_customers(100)
    for row in raw:
        for col in ("email", "full_name", "phone"):
            assert str(row[col]).upper() not in r.stdout.upper(), f"raw {col} in the example's output"
    assert "masked with email" in r.stdout and "refused: only SELECT" in r.stdout


def test_openlineage_example_config_builds_a_scrubbing_client(tmp_path: Path) -> None:
    import yaml
    from openlineage.client import OpenLineageClient

    config = yaml.safe_load((ROOT / "openlineage_ext" / "openlineage.example.yml").read_text())
    config["transport"]["transport"] = {"type": "file", "log_file_path": str(tmp_path / "events.jsonl")}
    client = OpenLineageClient(config=config)
    assert type(client.transport).__name__ == "TransformTransport"
    assert type(client.transport.transformer).__name__ == "MasklineTransformer"


def test_the_readme_openlineage_snippet_alone_builds_a_client() -> None:
    """A user copies the README's lines, not the whole example file: they must name where events go too (without
    an inner transport openlineage-python fails with a bare traceback at dbt-ol's end)."""
    import yaml
    from openlineage.client import OpenLineageClient

    readme = (ROOT / "README.md").read_text()
    snippet = next(m["code"] for m in SNIPPET.finditer(readme) if m["path"] == "openlineage_ext/openlineage.example.yml")
    client = OpenLineageClient(config=yaml.safe_load(snippet))
    assert type(client.transport.transformer).__name__ == "MasklineTransformer"
    assert type(client.transport.transport).__name__ == "HttpTransport"


def test_airflow_cfg_snippet_enables_the_log_filter_and_the_masking_xcom_backend(tmp_path: Path) -> None:
    import shutil

    shutil.copy(ROOT / "examples" / "airflow.cfg", tmp_path / "airflow.cfg")
    env = {k: v for k, v in _env().items() if not k.startswith("AIRFLOW__MASKLINE__")}
    env.update(AIRFLOW_HOME=str(tmp_path), AIRFLOW_CONFIG=str(tmp_path / "airflow.cfg"))
    code = """
import json
from airflow import plugins_manager
from airflow.configuration import conf
from airflow_plugin import config, log_filter
plugins_manager.ensure_plugins_loaded()
print(json.dumps({"log_filter": config.flag("log_filter"), "installed": log_filter.installed(),
                  "xcom": conf.get("core", "xcom_backend"), "errors": plugins_manager.get_import_errors()}))
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    found = json.loads(r.stdout.strip().splitlines()[-1])
    assert found == {"log_filter": True, "installed": True, "xcom": "airflow_plugin.xcom.MaskingXComBackend",
                     "errors": {}}
