"""DAG parse time with and without maskline operators.

    python -m benchmarks.airflow_parse [--tasks 20] [--repeat 7]

Two DAG files with the same shape (``--tasks`` tasks in a chain) are parsed by
Airflow's ``DagBag``, each in a fresh interpreter where Airflow and the
``DagBag`` class are already imported, so the number is what the DAG file
itself costs the DAG processor:

- empty: ``EmptyOperator`` tasks (the floor);
- baseline: common-sql ``SQLExecuteQueryOperator`` tasks and plain ``@task`` functions (what a SQL
  pipeline without maskline imports);
- maskline: ``MaskTableOperator`` / ``MaskQueryOperator`` / ``MaskFileOperator`` tasks
  (and ``@task.maskline``), the way a user's DAG imports them.

It prints the median parse time of each, the overhead, and which heavy modules
(pandas, duckdb, great_expectations, sqlglot, pyarrow) the maskline DAG pulled in.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

EMPTY = '''
import pendulum
from airflow.sdk import DAG
from airflow.providers.standard.operators.empty import EmptyOperator

with DAG("parse_empty", schedule=None, start_date=pendulum.datetime(2024, 1, 1), catchup=False):
    previous = None
    for i in range({tasks}):
        op = EmptyOperator(task_id=f"t{{i}}")
        if previous is not None:
            previous >> op
        previous = op
'''

BASELINE = '''
import pendulum
from airflow.sdk import DAG, task
from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator

with DAG("parse_baseline", schedule=None, start_date=pendulum.datetime(2024, 1, 1), catchup=False):
    previous = None
    for i in range({tasks}):
        if i % 4 == 3:
            @task(task_id=f"t{{i}}")
            def frame():
                return None
            op = frame()
        else:
            op = SQLExecuteQueryOperator(task_id=f"t{{i}}", conn_id="wh", sql="SELECT 1")
        if previous is not None:
            previous >> op
        previous = op
'''

MASKLINE = '''
import pendulum
from airflow.sdk import DAG, task
from airflow_plugin.operators.mask_file import MaskFileOperator
from airflow_plugin.operators.mask_query import MaskQueryOperator
from airflow_plugin.operators.mask_table import MaskTableOperator

with DAG("parse_maskline", schedule=None, start_date=pendulum.datetime(2024, 1, 1), catchup=False):
    previous = None
    for i in range({tasks}):
        kind = i % 4
        if kind == 0:
            op = MaskTableOperator(task_id=f"t{{i}}", conn_id="wh", source="raw.customers", target=f"c{{i}}",
                                   policy="policy.yml")
        elif kind == 1:
            op = MaskQueryOperator(task_id=f"t{{i}}", conn_id="wh", sql="SELECT email FROM customers",
                                   target=f"q{{i}}", policy="policy.yml")
        elif kind == 2:
            op = MaskFileOperator(task_id=f"t{{i}}", src="file:///raw.csv", dst=f"file:///m{{i}}.parquet",
                                  policy="policy.yml")
        else:
            @task.maskline(task_id=f"t{{i}}", policy="policy.yml")
            def frame():
                return None
            op = frame()
        if previous is not None:
            previous >> op
        previous = op
'''

PROBE = '''
import json, sys, time
from airflow.dag_processing.dagbag import DagBag
import airflow.sdk  # noqa: F401
before = set(sys.modules)
t0 = time.perf_counter()
bag = DagBag(dag_folder=sys.argv[1])
elapsed = time.perf_counter() - t0
heavy = sorted(m for m in ("pandas", "duckdb", "great_expectations", "sqlglot", "pyarrow")
               if m in sys.modules and m not in before)
print(json.dumps({"seconds": elapsed, "dags": len(bag.dags), "errors": list(bag.import_errors.values()),
                  "heavy_imports": heavy}))
'''


def _parse_once(path: Path, env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        env = {**os.environ, "AIRFLOW_HOME": str(home), "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
               "AIRFLOW__CORE__UNIT_TEST_MODE": "False"}
        files = {}
        for name, template in (("empty", EMPTY), ("baseline", BASELINE), ("maskline", MASKLINE)):
            files[name] = Path(tmp) / f"{name}_dag.py"
            files[name].write_text(template.format(tasks=args.tasks))
        runs: dict[str, list[dict]] = {"empty": [], "baseline": [], "maskline": []}
        for _ in range(args.repeat):  # interleaved, so machine noise hits both alike
            for name, path in files.items():
                runs[name].append(_parse_once(path, env))
    for name, results in runs.items():
        if results[0]["errors"] or results[0]["dags"] != 1:
            print(f"{name}: DAG did not parse: {results[0]['errors']}")
            return 1
    median = {n: statistics.median(r["seconds"] for r in rs) * 1000 for n, rs in runs.items()}
    print(f"DAG parse time, {args.tasks} tasks, median of {args.repeat} fresh processes:")
    print(f"  EmptyOperator only            {median['empty']:8.1f} ms")
    print(f"  baseline (SQL operator, @task){median['baseline']:8.1f} ms")
    print(f"  maskline operators            {median['maskline']:8.1f} ms")
    print(f"  maskline vs SQL-operator DAG  {median['maskline'] - median['baseline']:+8.1f} ms "
          f"({median['maskline'] / median['baseline']:.2f}x)")
    print(f"  maskline vs EmptyOperator DAG {median['maskline'] - median['empty']:+8.1f} ms "
          f"({median['maskline'] / median['empty']:.2f}x)")
    print(f"  heavy modules imported by the maskline DAG: {runs['maskline'][0]['heavy_imports'] or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
