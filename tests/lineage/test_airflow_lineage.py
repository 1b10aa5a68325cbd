"""A real ``dag.test()`` run on PostgreSQL: every task carries who ran it, masking shows in lineage,
and no raw value reaches the transport."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.lineage.conftest import LineageRun

pytestmark = [pytest.mark.airflow, pytest.mark.postgres, pytest.mark.xdist_group("lineage")]
TASKS = ("load_raw_customers", "count_vip_customer", "mask_customers", "mask_plan_summary", "notify_customer",
         "cast_customer_name")


def test_the_dag_ran_with_the_expected_outcome(airflow_lineage: LineageRun) -> None:
    tasks = airflow_lineage.info["maskline_lineage_test"]["tasks"]
    assert {t: tasks[t] for t in TASKS[:4]} == dict.fromkeys(TASKS[:4], "success"), \
        f"task logs: {airflow_lineage.info['log']}"
    assert tasks["notify_customer"] == "failed"  # on purpose: its error message quotes a customer
    assert tasks["cast_customer_name"] == "failed"  # on purpose: PostgreSQL's error quotes a customer


def test_no_raw_value_is_in_any_event(airflow_lineage: LineageRun) -> None:
    assert len(airflow_lineage.raw_values) > 50
    leaked = sorted(v for v in airflow_lineage.raw_values if v in airflow_lineage.text)
    assert leaked == [], f"{len(leaked)} raw values reached the lineage transport"


@pytest.mark.parametrize("task", TASKS)
def test_every_task_event_carries_the_executing_identity(airflow_lineage: LineageRun, task: str) -> None:
    events = airflow_lineage.for_job(f"maskline_lineage_test.{task}")
    assert {e["eventType"] for e in events} >= {"START"}
    for e in events:
        ident = e["run"]["facets"]["maskline_identity"]
        assert ident["executedBy"]["name"]
        assert ident["_schemaURL"].endswith("2-0-0/MasklineIdentityRunFacet.json#/$defs/MasklineIdentityRunFacet")
        # Who triggered it and who owns it are in Airflow's own run facet, and not repeated in ours.
        assert "triggeredBy" not in ident
        assert {p["origin"] for p in ident["principals"]} <= {"db.login", "os.user", "agent", "agent.on_behalf_of"}
        airflow = e["run"]["facets"]["airflow"]
        assert airflow["dagRun"]["triggering_user_name"] == "dag_test"


def test_dag_runs_and_query_jobs_carry_an_identity_too(airflow_lineage: LineageRun) -> None:
    ours = [e for e in airflow_lineage.events if e["job"]["name"].startswith("maskline_lineage_test")]
    missing = sorted({e["job"]["name"] for e in ours if "maskline_identity" not in e["run"].get("facets", {})})
    assert missing == []
    dag_event = next(e for e in ours if e["job"]["name"] == "maskline_lineage_test")
    ident = dag_event["run"]["facets"]["maskline_identity"]
    assert ident["executedBy"]["origin"] == "os.user"
    assert "svc_masking" in dag_event["run"]["facets"]["airflowDagRun"]["dag"]["owner"]  # owners: Airflow's facet
    # A per-query job of the provider's (a maskline task has none: tests/lineage/test_hook_lineage_scope.py) carries
    # its task's identity: the PythonOperator names no connection, so the OS user ran it.
    query = next(e for e in ours if ".notify_customer.query." in e["job"]["name"])
    assert query["run"]["facets"]["maskline_identity"]["executedBy"]["origin"] == "os.user"


def test_the_database_login_is_the_executor_of_sql_tasks(airflow_lineage: LineageRun) -> None:
    ident = airflow_lineage.for_job("maskline_lineage_test.mask_customers", "COMPLETE")[0]["run"]["facets"]["maskline_identity"]
    assert ident["executedBy"]["origin"] == "db.login"
    assert "airflow.task_owner" not in {p["origin"] for p in ident["principals"]}  # in Airflow's task facet


def test_mask_task_reports_masked_column_lineage(airflow_lineage: LineageRun) -> None:
    complete = airflow_lineage.for_job("maskline_lineage_test.mask_customers", "COMPLETE")
    assert len(complete) == 1
    out = complete[0]["outputs"][0]
    assert out["name"].endswith("public.customers_masked")
    fields = out["facets"]["columnLineage"]["fields"]
    for column in ("email", "ssn", "credit_card", "full_name"):
        assert fields[column]["transformationType"] == "MASKED"
        transformation = fields[column]["inputFields"][0]["transformations"][0]
        assert transformation["masking"] is True
        assert fields[column]["inputFields"][0]["name"].endswith("public.raw_customers")
    assert "hmac" in fields["ssn"]["inputFields"][0]["transformations"][0]["description"]
    assert fields["customer_id"]["transformationType"] == "IDENTITY"


def test_mask_task_reports_masking_and_tags_facets(airflow_lineage: LineageRun) -> None:
    event = airflow_lineage.for_job("maskline_lineage_test.mask_customers", "COMPLETE")[0]
    out = event["outputs"][0]["facets"]
    masking = out["maskline_masking"]
    assert masking["fields"]["email"]["method"] == "email"
    assert masking["rowsMasked"] == 12 and masking["cellsMasked"] >= 12 * 9
    assert masking["policy"]["source"].endswith("maskline_policy.yml") and len(masking["policy"]["hash"]) == 64
    tags = {(t["field"], t["value"]) for t in out["tags"]["tags"] if t["key"] == "pii"}
    assert {("email", "EMAIL"), ("ssn", "US_SSN"), ("credit_card", "CREDIT_CARD")} <= tags
    inputs = event["inputs"][0]["facets"]
    assert "maskline_classification" in inputs
    assert {("email", "EMAIL")} <= {(t["field"], t["value"]) for t in inputs["tags"]["tags"]}


def test_sql_literal_is_rewritten_and_the_query_still_parses(airflow_lineage: LineageRun) -> None:
    import sqlglot

    events = airflow_lineage.for_job("maskline_lineage_test.count_vip_customer")
    queries = {e["job"]["facets"]["sql"]["query"] for e in events if "sql" in e["job"].get("facets", {})}
    assert queries, "the SQL task emitted no sql facet"
    for q in queries:
        where = sqlglot.parse_one(q, read="postgres").args["where"]
        assert [lit.this for lit in where.find_all(sqlglot.exp.Literal)] == ["[REDACTED]", "[REDACTED]"]


def test_failed_task_error_is_scrubbed(airflow_lineage: LineageRun) -> None:
    fail = airflow_lineage.for_job("maskline_lineage_test.notify_customer", "FAIL")
    assert fail, "no FAIL event for the failing task"
    error = fail[0]["run"]["facets"]["errorMessage"]
    assert "could not notify customer [EMAIL]: mailbox full" in error["message"]


def test_engine_error_of_a_failed_sql_task_is_rebuilt_from_structure(airflow_lineage: LineageRun,
                                                                     pg_dsn: str) -> None:
    import sys

    import psycopg2

    sys.path.insert(0, str(Path(__file__).parent))
    from lineage_dag import people

    first_name = people()[0]["full_name"]
    # Control: PostgreSQL's own message for this cast quotes the name (double quotes, which no quote rule caught).
    with psycopg2.connect(pg_dsn) as conn, conn.cursor() as cur, pytest.raises(psycopg2.Error) as engine:
        cur.execute("SELECT CAST(%s AS integer)", (first_name,))
    assert first_name in str(engine.value)
    fail = airflow_lineage.for_job("maskline_lineage_test.cast_customer_name", "FAIL")
    assert fail, "no FAIL event for the failing SQL task"
    error = fail[0]["run"]["facets"]["errorMessage"]
    assert "message withheld by maskline" in error["message"]
    assert first_name not in error["message"] and first_name not in (error.get("stackTrace") or "")
    assert "File " in error["stackTrace"] and "psycopg" in error["stackTrace"]  # the structure is still there


def test_a_mask_task_that_fails_closed_sends_its_reason_without_the_value(airflow_lineage: LineageRun) -> None:
    """MaskQueryOperator refuses a query naming no column of the table (its WHERE quotes a customer's email): the
    task fails, and its FAIL event carries maskline's structured reason, not the query's literal."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from lineage_dag import people

    assert airflow_lineage.info["maskline_lineage_test"]["tasks"]["mask_refused_query"] == "failed"
    fail = airflow_lineage.for_job("maskline_lineage_test.mask_refused_query", "FAIL")
    assert fail, "no FAIL event for the refused mask task"
    error = fail[0]["run"]["facets"]["errorMessage"]
    assert "cannot resolve the query's columns" in error["message"] and "Fix: " in error["message"]
    assert people()[3]["email"] not in json.dumps(fail[0])
    assert fail[0]["run"]["facets"]["maskline_identity"]["executedBy"]["name"]


def test_run_conf_keeps_its_keys_but_no_values(airflow_lineage: LineageRun) -> None:
    confs = []
    for e in airflow_lineage.events:
        if not e["job"]["name"].startswith("maskline_lineage_test"):
            continue
        facets = e["run"].get("facets", {})
        for facet in ("airflowDagRun", "airflow"):
            dag_run = (facets.get(facet) or {}).get("dagRun") or {}
            if "conf" in dag_run:
                confs.append(dag_run["conf"])
    assert confs, "no event carried the dag_run conf"
    for conf in confs:
        assert conf["requested_for"] == {"email": "[REDACTED]", "name": "[REDACTED]", "phone": "[REDACTED]"}


def test_lineage_audit_prints_who_ran_and_what_was_masked(airflow_lineage: LineageRun, tmp_path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "events.jsonl"
    path.write_text(airflow_lineage.text)
    env = {**os.environ, "COLUMNS": "250"}
    tree = subprocess.run([sys.executable, "-m", "maskline", "lineage", "audit", str(path)], capture_output=True,
                          text=True, env=env, check=True).stdout
    assert "maskline_lineage_test.mask_customers COMPLETE" in tree
    assert "executed by: user maskline (db.login)" in tree
    assert "triggered by: user dag_test (airflow.triggering_user)" in tree
    assert "ssn: US_SSN → hmac(length=16)" in tree
    dot = subprocess.run([sys.executable, "-m", "maskline", "lineage", "audit", str(path), "--dot",
                          "--namespace", "maskline-lineage-test"], capture_output=True, text=True, env=env,
                         check=True).stdout
    assert dot.startswith("digraph lineage {") and "email: email" in dot
    assert not [v for v in airflow_lineage.raw_values if v in tree or v in dot]
