"""The built wheel, installed into a fresh virtualenv next to an older supported Airflow (3.1), as a user would.

Nothing from this checkout or its lock file is used inside the new environment: only the wheel and what pip
resolves from the index for ``maskline[airflow,airflow-sqlite]`` with ``apache-airflow==3.1.*``. Airflow 3.1
reads the connection form from the hook (with wtforms, which the FAB provider brings in deployments); newer
Airflow reads it from provider info (tests/airflow/test_units.py).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import textwrap
from pathlib import Path

import pytest

pytestmark = [pytest.mark.packaging, pytest.mark.xdist_group("packaging")]

REPO = Path(__file__).resolve().parents[2]
AIRFLOW = "apache-airflow==3.1.*"
UV = shutil.which("uv") or str(Path.home() / ".local" / "bin" / "uv")

DAG = """
from datetime import datetime

from airflow.sdk import DAG

from airflow_plugin.operators.mask_table import MaskTableOperator

POLICY = {"version": 1, "key": {"env": "MASKLINE_KEY"}, "unclassified": "pass",
          "methods": {"EMAIL": {"method": "email"}},
          "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"},
                                                 "ssn": {"info_type": "US_SSN", "method": {"method": "hmac"}}}}}}

with DAG("maskline_packaging", schedule=None, start_date=datetime(2026, 1, 1), catchup=False) as dag:
    MaskTableOperator(task_id="mask_customers", conn_id="warehouse", source="customers",
                      target="customers_masked", policy=POLICY, classify=False)
"""

CHECK = """
import json, sys
sys.path.insert(0, sys.argv[1])
from airflow.providers_manager import ProvidersManager
from maskline_packaging import dag

pm = ProvidersManager()
run = dag.test()
print(json.dumps({"provider": "maskline" in pm.providers, "form": pm.field_behaviours.get("maskline"),
                  "state": str(run.state)}))
"""


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    if not Path(UV).exists():
        pytest.skip("uv builds the wheel and the virtualenv")
    work = tmp_path_factory.mktemp("packaging")
    subprocess.run([UV, "build", "--wheel", "-o", str(work / "dist"), str(REPO)], check=True, capture_output=True,
                   timeout=300)
    (wheel,) = (work / "dist").glob("maskline-*.whl")
    venv = work / "venv"
    subprocess.run([UV, "venv", "-q", "-p", "3.11", str(venv)], check=True, capture_output=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "VIRTUAL_ENV", "PYTHON"))}
    env.update(VIRTUAL_ENV=str(venv), AIRFLOW_HOME=str(work / "airflow"),
               PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}")
    subprocess.run([UV, "pip", "install", "-q", f"maskline[airflow,airflow-sqlite] @ {wheel.as_uri()}", AIRFLOW,
                    "wtforms"], check=True, capture_output=True, env=env, timeout=600)
    return venv, env


def test_the_wheel_installs_next_to_airflow_3_1_without_changing_it(fresh_env) -> None:
    venv, env = fresh_env
    out = subprocess.run([str(venv / "bin" / "python"), "-c",
                          "import airflow, maskline; print(airflow.__version__, maskline.__version__)"],
                         capture_output=True, text=True, env=env, check=True).stdout.split()
    assert out[-2].startswith("3.1.")
    assert out[-1][0].isdigit()


def test_airflow_3_1_lists_the_provider_and_its_form_and_runs_a_mask_table_dag(fresh_env, tmp_path) -> None:
    venv, env = fresh_env
    db = tmp_path / "warehouse.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE customers (id INTEGER, email TEXT, ssn TEXT)")
        con.executemany("INSERT INTO customers VALUES (?, ?, ?)",
                        [(1, "ada@example.com", "123-45-6789"), (2, "alan@example.org", "987-65-4320")])
    (tmp_path / "maskline_packaging.py").write_text(textwrap.dedent(DAG))
    env = dict(env, AIRFLOW_CONN_WAREHOUSE=json.dumps({"conn_type": "sqlite", "host": str(db)}), MASKLINE_KEY="packaging-test-key-0123456789abcdef",
               AIRFLOW__CORE__LOAD_EXAMPLES="False", AIRFLOW__CORE__DAGS_FOLDER=str(tmp_path))
    listed = subprocess.run([str(venv / "bin" / "airflow"), "providers", "behaviours", "--output", "json"],
                            capture_output=True, text=True, env=env, check=True).stdout
    assert {"field_behaviours": "maskline"} in json.loads(listed[listed.index("["):])
    subprocess.run([str(venv / "bin" / "airflow"), "db", "migrate"], capture_output=True, env=env, check=True,
                   timeout=300)
    done = subprocess.run([str(venv / "bin" / "python"), "-c", textwrap.dedent(CHECK), str(tmp_path)],
                          capture_output=True, text=True, env=env, check=False, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["provider"] is True
    assert found["form"]["relabeling"] == {"password": "Masking key"}
    assert found["state"] == "success", done.stdout[-3000:]
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT id, email, ssn FROM customers_masked ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [1, 2]
    assert rows[0][1] == "*****@example.com"
    assert all(r[2] not in ("123-45-6789", "987-65-4320") and len(r[2]) == 64 for r in rows)


def test_the_readme_install_line_from_a_local_checkout_keeps_the_users_airflow(fresh_env) -> None:
    import re

    _, env = fresh_env
    readme = (REPO / "README.md").read_text()
    (line,) = [m for m in re.findall(r'^pip install "(\./maskline\[[^\]]+\])"', readme, re.M)]
    spec = line.replace("./maskline", str(REPO))  # the README assumes the checkout is in ./maskline
    plan = subprocess.run([UV, "pip", "install", "--dry-run", spec], capture_output=True, text=True, env=env,
                          check=True, timeout=300).stderr
    changed = re.findall(r"^ [-+] (\S+?)==", plan, re.M)
    assert "maskline" in plan and not [name for name in changed if name.startswith("apache-airflow")
                                       and not name.startswith("apache-airflow-providers")]
