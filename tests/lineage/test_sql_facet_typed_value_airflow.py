"""A value typed where a column goes never reaches lineage from the provider's SQL path; real columns keep names.

A real ``dag.test()`` of tests/lineage/dags/typed_value_sql_dag.py on PostgreSQL, in the suite's one lineage run:
``INSERT INTO typed_out SELECT X98234571 AS a, ssn FROM typed_users``. The provider parses the query into the
SQL facet and column lineage (``typed_out.a <- typed_users.x98234571``); only the names the catalog proves
(``typed_users``' columns, which the provider read from ``information_schema``) and the names the query
defines may stay (round ``lineprune``). Before it, the value was copied into both.
"""

from __future__ import annotations

import json

import pytest

from tests.lineage.conftest import LineageRun

pytestmark = [pytest.mark.airflow, pytest.mark.postgres, pytest.mark.xdist_group("lineage")]
JOB = "maskline_typed_value_sql.copy_typed_value"
TYPED = "x98234571"


def _events(run: LineageRun) -> list[dict]:
    events = run.for_job(JOB)
    assert {e["eventType"] for e in events} >= {"START", "FAIL"}, run.info.get("maskline_typed_value_sql")
    return events


def test_the_typed_value_is_in_no_event(airflow_lineage: LineageRun) -> None:
    _events(airflow_lineage)  # the control: the task's events were emitted, with its SQL parsed
    assert TYPED not in airflow_lineage.text.lower()
    assert not [v for v in airflow_lineage.raw_values if v in airflow_lineage.text]


def test_the_sql_facet_keeps_the_real_columns_and_renames_the_value(airflow_lineage: LineageRun) -> None:
    queries = {e["job"]["facets"]["sql"]["query"] for e in _events(airflow_lineage) if "sql" in e["job"]["facets"]}
    assert queries == {"INSERT INTO typed_out SELECT name_1 AS a, ssn FROM typed_users"}, queries


def test_column_lineage_keeps_the_catalog_field_only(airflow_lineage: LineageRun) -> None:
    """``typed_out.ssn <- typed_users.ssn`` stays (the control: column lineage was built and kept); the value's
    field is pruned from ``a``'s inputs."""
    start = next(e for e in _events(airflow_lineage) if e["eventType"] == "START")
    (out,) = [o for o in start["outputs"] if o["name"].endswith("typed_out")]
    fields = out["facets"]["columnLineage"]["fields"]
    assert [(f["name"].rsplit(".", 1)[-1], f["field"]) for f in fields["ssn"]["inputFields"]] == [
        ("typed_users", "ssn")], json.dumps(fields)
    inputs_of_a = [f["field"] for f in fields.get("a", {}).get("inputFields", [])]
    assert TYPED not in [f.lower() for f in inputs_of_a]
