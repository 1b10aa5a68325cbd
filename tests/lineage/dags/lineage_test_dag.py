"""DAG file for tests/lineage (Airflow's DagBag parses it): the DAG is built in tests/lineage/lineage_dag.py."""

from __future__ import annotations

from lineage_dag import build_dag

dag = build_dag()  # airflow DAG
