#!/usr/bin/env bash
# `make demo`: mask a sample on DuckDB, run the example DAG (dag.test) and the example dbt project (dbt-ol),
# with lineage to demo_out/lineage.jsonl (and to Marquez when MARQUEZ_URL or OPENLINEAGE_URL is set),
# then print the lineage audit.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PATH="$PWD/.venv/bin:$PATH"   # dbt-ol runs `dbt` from PATH
mkdir -p demo_out && rm -f demo_out/lineage.jsonl
export MASKLINE_KEY="${MASKLINE_KEY:-$($PY -c 'import secrets; print(secrets.token_hex(32))')}"

echo "== 1/4 mask a generated customers table on embedded DuckDB"
.venv/bin/maskline demo --out demo_out

echo "== 2/4 the example Airflow DAG, every maskline operator, with dag.test()"
eval "$($PY -m openlineage_ext.config demo_out/lineage.jsonl)"
export AIRFLOW__OPENLINEAGE__CUSTOM_RUN_FACETS="$AIRFLOW__OPENLINEAGE__CUSTOM_RUN_FACETS;airflow_plugin.agents.lineage.agent_run_facets"
$PY -m airflow_plugin.demo

echo "== 3/4 the example dbt project (dbt-ol build on DuckDB)"
$PY examples/dbt_project/run_example.py

echo "== 4/4 lineage audit: who ran what, and which columns were masked"
.venv/bin/maskline lineage audit demo_out/lineage.jsonl
