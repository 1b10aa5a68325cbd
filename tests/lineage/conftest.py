"""Lineage fixtures: Marquez (if it runs here), Airflow ``dag.test()`` runs and one ``dbt-ol build``.

The Airflow run writes its events with a plain file transport (and to Marquez over HTTP when it runs):
the plugin's protection scrubs them. The dbt-ol build sends them through
:class:`openlineage_ext.transformer.MasklineTransformer` to a JSONL file and Marquez. The file checks
and the Marquez checks see the same events.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from openlineage_ext.transformer import transport_config
from tests.conftest import TEST_KEY

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
EXAMPLE_DAGS = ROOT / "examples" / "dags"
AIRFLOW_NAMESPACE = "maskline-lineage-test"
# Run by Airflow in a child process, not collected: the DAG file imports its builder from this folder.
collect_ignore = ["dags", "lineage_dag.py"]
DBT_NAMESPACE = "maskline-dbt-test"
# The key tests/lineage/dags/key_rotation_dag.py rotates to (MASKLINE_ROTATED_KEY in the dag.test() process).
ROTATED_KEY = "rotated-key-for-maskline-tests-only-0002"


@dataclass
class LineageRun:
    """What one producer emitted: its events (as written to JSONL) and the raw values it handled."""

    events: list[dict[str, Any]]
    text: str
    raw_values: set[str]
    info: dict[str, Any] = field(default_factory=dict)

    def for_job(self, suffix: str, event_type: str | None = None) -> list[dict[str, Any]]:
        return [e for e in self.events if e["job"]["name"].endswith(suffix)
                and (event_type is None or e["eventType"] == event_type)]


def _marquez_from_script() -> str | None:
    script = ROOT / "scripts" / "marquez.sh"
    try:
        proc = subprocess.run(["bash", str(script), "up"], capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    url = proc.stdout.strip().splitlines()[-1] if proc.returncode == 0 and proc.stdout.strip() else None
    if url is None:
        sys.stderr.write("[lineage tests] scripts/marquez.sh up failed:\n" + proc.stderr[-1500:] + "\n")
    return url


@pytest.fixture(scope="session")
def optional_marquez_url() -> str | None:
    """``MARQUEZ_URL`` (set by ``make test``), else Marquez started by scripts/marquez.sh, else None."""
    url = os.environ.get("MARQUEZ_URL", "").strip()
    if url:
        return url.rstrip("/")
    if os.environ.get("CI"):
        return None  # make test already tried scripts/marquez.sh once
    return _marquez_from_script()


@pytest.fixture(scope="session")
def marquez_url(optional_marquez_url: str | None) -> str:
    if not optional_marquez_url:
        pytest.skip("Marquez is not running: scripts/marquez.sh could not start it (see its message); "
                    "set MARQUEZ_URL to a running Marquez")
    return optional_marquez_url


def _transport(jsonl: Path, marquez: str | None, **props: Any) -> dict[str, Any]:
    inner: dict[str, Any] = {"type": "file", "log_file_path": str(jsonl), "append": True}
    if marquez:
        inner = {"type": "composite", "continue_on_failure": False, "transports": {
            "file": inner, "marquez": {"type": "http", "url": marquez, "timeout": 10}}}
        props = {"marquez_tag_sync": True, "marquez_url": marquez, **props}
    return transport_config(inner, **props)


def _read(jsonl: Path) -> tuple[list[dict[str, Any]], str]:
    text = jsonl.read_text(encoding="utf-8") if jsonl.exists() else ""
    return [json.loads(line) for line in text.splitlines() if line.strip()], text


def _plain_transport(jsonl: Path, marquez: str | None) -> dict[str, Any]:
    """The transport a user writes in openlineage.yml: a file (and Marquez over HTTP), no maskline in it."""
    inner: dict[str, Any] = {"type": "file", "log_file_path": str(jsonl), "append": True}
    if not marquez:
        return inner
    return {"type": "composite", "continue_on_failure": False, "transports": {
        "file": inner, "marquez": {"type": "http", "url": marquez, "timeout": 10}}}


def _dag_test(home: Path, pg_dsn: str, lineage_env: dict[str, str], dag_files: list[Path]) -> dict[str, Any]:
    """``dag.test()`` every DAG in ``dag_files`` in one process (lineage_dag.py) with only ``lineage_env``
    as OpenLineage configuration; returns the runs' task states."""
    data = home / "demo_data"
    data.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AIRFLOW_", "AIRFLOW__", "OPENLINEAGE", "MASKLINE_MARQUEZ", "MARQUEZ_URL"))}
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
        "AIRFLOW__OPENLINEAGE__NAMESPACE": AIRFLOW_NAMESPACE,
        "AIRFLOW__OPENLINEAGE__EXECUTE_IN_THREAD": "True",
        "AIRFLOW_CONN_WAREHOUSE": pg_dsn.replace("postgresql://", "postgres://", 1),
        "AIRFLOW_CONN_MASKLINE_DEMO_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(data / "demo.duckdb")}),
        "MASKLINE_DEMO_DIR": str(data),
        "MASKLINE_KEY": TEST_KEY,
        "MASKLINE_ROTATED_KEY": ROTATED_KEY,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE), str(EXAMPLE_DAGS), os.environ.get("PYTHONPATH", "")]),
        **lineage_env,
    })
    # dag.test() runs only DAGs of the configured bundle: one folder linking the wanted DAGs.
    dags = home / "dags"
    dags.mkdir()
    for src in dag_files:
        if src.is_file():
            (dags / src.name).symlink_to(src)
    env["AIRFLOW__CORE__DAGS_FOLDER"] = str(dags)
    migrate = subprocess.run([str(BIN / "airflow"), "db", "migrate"], env=env, capture_output=True, text=True,
                             timeout=600, check=False)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    out = home / "result.json"
    log = home / "dag_test.log"  # task logs: dag.test() prints them
    with log.open("w") as sink:
        run = subprocess.run([sys.executable, str(HERE / "lineage_dag.py"), str(out), str(dags)], env=env,
                             stdout=sink, stderr=subprocess.STDOUT, timeout=1200, check=False)
    assert run.returncode == 0 and out.exists(), log.read_text()[-6000:]
    return {**json.loads(out.read_text()), "log": str(log)}


def _raw_values(with_example: bool) -> set[str]:
    sys.path.insert(0, str(EXAMPLE_DAGS))
    from maskline_demo_data import customers, sensitive_values, tickets

    sys.path.insert(0, str(HERE))
    import lineage_dag

    raw = sensitive_values(lineage_dag.people(), [])
    if with_example:
        people = customers()
        raw |= sensitive_values(people, tickets(people))
    return {v for v in raw if len(v) >= 6}


@pytest.fixture(scope="session")
def airflow_lineage(tmp_path_factory: pytest.TempPathFactory, pg_dsn: str,
                    optional_marquez_url: str | None) -> LineageRun:
    """One process ``dag.test()``-ing tests/lineage's DAGs (PostgreSQL) and the example DAG (DuckDB).

    OpenLineage is configured as users do, by an ``openlineage.yml`` with a plain file transport (and
    HTTP to Marquez when it runs), with neither maskline's transformer nor its identity function named:
    every assertion on these events also checks that the plugin protects lineage by default.
    """
    import yaml

    home = tmp_path_factory.mktemp("airflow_home")
    jsonl = home / "events.jsonl"
    config = home / "openlineage.yml"
    config.write_text(yaml.safe_dump({"transport": _plain_transport(jsonl, optional_marquez_url)}))
    lineage_env = {"OPENLINEAGE_CONFIG": str(config)}
    if optional_marquez_url:
        lineage_env.update({"MASKLINE_MARQUEZ_TAG_SYNC": "true", "MARQUEZ_URL": optional_marquez_url})
    # Only the example DAG and its helpers: other example DAGs are other tests' business (~12 s each).
    wanted = [HERE / "dags" / "lineage_test_dag.py", HERE / "dags" / "typed_value_sql_dag.py",
              HERE / "dags" / "key_rotation_dag.py",
              EXAMPLE_DAGS / "maskline_example.py",
              EXAMPLE_DAGS / "maskline_demo_data.py", *sorted(EXAMPLE_DAGS.glob("*.yml"))]
    info = _dag_test(home, pg_dsn, lineage_env, wanted)
    events, text = _read(jsonl)
    return LineageRun(events, text, _raw_values((EXAMPLE_DAGS / "maskline_example.py").exists()), info=info)


@pytest.fixture(scope="session")
def airflow_url_only_lineage(tmp_path_factory: pytest.TempPathFactory, pg_dsn: str) -> LineageRun:
    """tests/lineage's DAG with OpenLineage configured only by ``OPENLINEAGE_URL``, received by the
    strict Marquez double (what a real Marquez would store)."""
    from tests.lineage.marquez_double import serve_marquez_double

    home = tmp_path_factory.mktemp("airflow_url_only")
    with serve_marquez_double() as (url, double):
        info = _dag_test(home, pg_dsn, {"OPENLINEAGE_URL": url}, [HERE / "dags" / "lineage_test_dag.py",
                                                                     EXAMPLE_DAGS / "maskline_demo_data.py"])
        events = list(double.lineage)
    text = "\n".join(json.dumps(e) for e in events)
    return LineageRun(events, text, _raw_values(False), info=info)


EXAMPLE_DBT = ROOT / "examples" / "dbt_project"
SHOP_SOURCES = {"customers": "customers.csv", "orders": "orders.csv", "support_tickets": "support_tickets.csv"}


def _shop_raw_values() -> set[str]:
    """Every cell of a column the example project's policy or its stored scan names sensitive (what must never
    reach lineage)."""
    import csv

    from maskline.classify.stored import load_scan
    from maskline.policy import load_policy

    policy = load_policy(EXAMPLE_DBT / "policy.yml")
    scan = load_scan(EXAMPLE_DBT / "policy.scan.json", policy)
    values: set[str] = set()
    for table, file in SHOP_SOURCES.items():
        named = policy.dataset(f"raw.{table}")
        found = scan.for_table(f"raw.{table}")
        sensitive = set(named.columns if named else ()) | {c.name for c in (found.columns if found else ())
                                                           if c.info_type}
        with (EXAMPLE_DBT / "data" / file).open(newline="") as f:
            for row in csv.DictReader(f):
                values |= {row[c] for c in sensitive if row.get(c) and len(row[c]) >= 6}
    return values


@pytest.fixture(scope="session")
def dbt_lineage(tmp_path_factory: pytest.TempPathFactory, optional_marquez_url: str | None) -> LineageRun:
    """``dbt-ol build`` of examples/dbt_project on DuckDB, once, through the maskline transformer."""
    import yaml

    from tests.dbt.dbt_harness import copy_project

    root = tmp_path_factory.mktemp("dbt_lineage") / "shop"
    outputs = {"dev": {"type": "duckdb", "path": str(root.parent / "shop.duckdb"), "threads": 2}}
    project = copy_project(EXAMPLE_DBT, root, "maskline_shop", outputs, "dev")
    jsonl = root.parent / "events.jsonl"
    config = root.parent / "openlineage.yml"
    config.write_text(yaml.safe_dump({"transport": _transport(jsonl, optional_marquez_url)}))
    env = {k: v for k, v in project.env.items() if not k.startswith("OPENLINEAGE")}
    env.update({"OPENLINEAGE_CONFIG": str(config), "OPENLINEAGE_NAMESPACE": DBT_NAMESPACE,
                "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}"})
    project.env = env
    project.run("deps")
    proc = subprocess.run([str(BIN / "dbt-ol"), "build", "--profiles-dir", str(project.profiles_dir),
                           "--target", "dev"], cwd=root, env=env, capture_output=True, text=True, timeout=900,
                          check=False)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
    events, text = _read(jsonl)
    return LineageRun(events, text, _shop_raw_values(), info={"root": str(root), "stdout": proc.stdout[-5000:]})
