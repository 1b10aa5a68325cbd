"""Parsing a DAG file that uses every maskline operator imports no sqlglot, pandas, pyarrow or duckdb.

The DAG processor parses DAG files often, so a DAG file pays only for constructing the operators and, when
it loads its policy while parsed (to fail at parse time on a broken one), for loading and validating it.
The SQL is compiled when a task runs. The probe runs a DAG file in a fresh interpreter; the control runs
what a task does at run time (the query masking of ``MaskQueryOperator``, compiling the table's SELECT)
in the same probe, and must see sqlglot loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOT_AT_PARSE = ("sqlglot", "pandas", "pyarrow", "numpy", "duckdb", "great_expectations")
# The OpenLineage provider's public API package imports the OpenLineage client (and requests) at its top, about
# 0.4 s CPU per parsing process: the operators switch hook lineage off through the provider's light module instead.
LINEAGE_CLIENT = ("openlineage.client", "requests")
DAG_FILE = """
import json, sys
import pendulum
from airflow.sdk import DAG
from airflow_plugin.decorators.maskline import maskline_task
from airflow_plugin.operators.check import CheckMaskingOperator
from airflow_plugin.operators.mask_file import MaskFileOperator
from airflow_plugin.operators.mask_query import MaskQueryOperator
from airflow_plugin.operators.mask_table import MaskTableOperator
from airflow_plugin.operators.protect import ProtectPostgresOperator
from maskline.policy import load_policy

policy = load_policy("examples/policy.yml")  # loaded while parsed: a broken policy fails the parse
with DAG("parse_imports", schedule=None, start_date=pendulum.datetime(2024, 1, 1), catchup=False) as dag:
    table = MaskTableOperator(task_id="table", conn_id="wh", source="raw.customers", target="customers",
                              policy="examples/policy.yml")
    query = MaskQueryOperator(task_id="query", conn_id="wh", sql="SELECT email FROM customers WHERE id = 7",
                              target="contacts", policy=policy)
    files = MaskFileOperator(task_id="file", src="in.csv", dst="out.csv", policy=policy, dataset="customers")
    check = CheckMaskingOperator(task_id="check", conn_id="wh", table="customers", policy=policy)
    protect = ProtectPostgresOperator(task_id="protect", conn_id="pg", schema="raw", tables=["customers"],
                                      policy=policy)

    @maskline_task(policy=policy, dataset="customers")
    def frame():
        return None

    table >> query >> files >> check >> protect >> frame()
assert len(dag.tasks) == 6
# each operator still tells the provider its lineage is its own (airflow_plugin.own_lineage)
assert all(t.params["_openlineage_emission_policy"] == {"hook_lineage": False}
           for t in (table, query, files, check, protect))
"""
REPORT = 'print(json.dumps([m for m in sys.argv[1:] if m in sys.modules]))'
# The control: what tasks do when they run (a query shown without its literals, the table's SELECT compiled).
RUN_TIME = """
from maskline.plan import build_plan
from maskline.rewrite.literals import without_literals
from maskline.sql.compile import compile_select

assert without_literals(query.sql) == "SELECT email FROM customers WHERE id = ?"
plan = build_plan(policy, "customers", [(name, "text") for name in policy.datasets["customers"].columns])
assert "CASE" in compile_select(plan, "customers", "postgres").sql("postgres")
"""


def _loaded(then: str = "", modules: tuple[str, ...] = NOT_AT_PARSE) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", DAG_FILE + then + REPORT, *modules], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_parsing_a_dag_of_every_operator_imports_no_sqlglot_pandas_or_pyarrow() -> None:
    assert _loaded() == []


def test_control_running_the_tasks_sql_path_does_import_sqlglot() -> None:
    # Not trivially true: the same probe sees sqlglot once a task's SQL is built.
    assert "sqlglot" in _loaded(then=RUN_TIME)


def test_parsing_a_dag_of_every_operator_imports_no_openlineage_client() -> None:
    assert _loaded(modules=LINEAGE_CLIENT) == []


def test_control_the_providers_public_emission_policy_api_imports_the_openlineage_client() -> None:
    # Not trivially true: the module the operators used to import loads the client in the same probe.
    then = "import airflow.providers.openlineage.api.emission_policy\n"
    assert "openlineage.client" in _loaded(then=then, modules=LINEAGE_CLIENT)
