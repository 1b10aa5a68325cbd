"""CheckMaskingOperator under real Airflow (dag.test), with OpenLineage events written to a file.

One child process runs the example check DAGs (DuckDB) and the PostgreSQL test DAG.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_KEY
from tests.expectations import data

pytestmark = [pytest.mark.airflow, pytest.mark.xdist_group("airflow_checks")]

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DAGS = REPO / "examples" / "dags"
DAG_IDS = ["maskline_checks", "maskline_checks_broken"]


@pytest.fixture(scope="module")
def check_runs(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict[str, Any]:
    from airflow_plugin.demo import airflow_env, run_dags

    workdir = tmp_path_factory.mktemp("checks")
    dags = workdir / "dags"
    dags.mkdir()
    # only the check DAGs and what they import: parsing every example DAG would cost seconds
    for name in ("maskline_checks_dag.py", "maskline_demo_data.py", "maskline_policy.yml"):
        shutil.copy(EXAMPLE_DAGS / name, dags / name)
    events = workdir / "openlineage.jsonl"
    extra = {
        "MASKLINE_KEY": TEST_KEY,
        "MASKLINE_DEMO_DIR": str(workdir / "demo"),
        "AIRFLOW_CONN_MASKLINE_DEMO_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(workdir / "demo.duckdb")}),
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps({"type": "file", "log_file_path": str(events), "append": True}),
        "AIRFLOW__OPENLINEAGE__NAMESPACE": "maskline-checks",
    }
    dag_ids = [*DAG_IDS, "mc_sqlite_checks"]
    shutil.copy(Path(__file__).with_name("dags") / "mc_postgres_checks.py", dags / "mc_postgres_checks.py")
    extra["MASKLINE_CHECK_TEST_POLICY"] = json.dumps(data.POLICY)
    sqlite_path = workdir / "checks.sqlite"
    _seed_sqlite(sqlite_path, request.getfixturevalue("frames"))
    extra["AIRFLOW_CONN_TEST_CHECKS_SQLITE"] = json.dumps({"conn_type": "sqlite", "host": str(sqlite_path)})
    try:
        pg_dsn: str | None = request.getfixturevalue("pg_tables")
    except pytest.skip.Exception:
        pg_dsn = None
    if pg_dsn:
        from urllib.parse import urlsplit

        u = urlsplit(pg_dsn)
        extra["AIRFLOW_CONN_TEST_PG"] = json.dumps({"conn_type": "postgres", "host": u.hostname, "port": u.port,
                                                    "login": u.username, "password": u.password,
                                                    "schema": u.path.lstrip("/")})
        dag_ids.append("mc_postgres_checks")
    results = run_dags(dag_ids, airflow_env(workdir / "airflow_home", dags, extra), workdir)
    logs = [(workdir / "dag_test.log").read_text(errors="replace")]
    logs += [p.read_text(errors="replace") for p in (workdir / "airflow_home").rglob("*.log")]
    lines = events.read_text().splitlines() if events.exists() else []
    return {"results": results, "log": "\n".join(logs), "events": [json.loads(line) for line in lines],
            "events_text": "\n".join(lines), "pg": pg_dsn is not None}


def _seed_sqlite(path: Path, frames: dict[str, Any]) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        for name, frame in frames.items():
            rows = [tuple(str(v) if hasattr(v, "isoformat") else v for v in map(data.python_value, row))
                    for row in frame.itertuples(index=False)]
            con.execute(f"CREATE TABLE customers_{name} ({', '.join(frame.columns)})")
            con.executemany(f"INSERT INTO customers_{name} VALUES ({', '.join('?' for _ in frame.columns)})", rows)
        con.commit()
    finally:
        con.close()


def _raw_values() -> set[str]:
    sys.path.insert(0, str(EXAMPLE_DAGS))
    from maskline_demo_data import customers, sensitive_values, tickets

    people = customers()
    return sensitive_values(people, tickets(people)) | set(data.raw_values())


def _task_event(runs: dict[str, Any], task_id: str, event_type: str) -> dict[str, Any]:
    for e in runs["events"]:
        if e.get("eventType") == event_type and e["job"]["name"].endswith("." + task_id):
            return e
    raise AssertionError(f"no {event_type} event for {task_id}: {[e['job']['name'] for e in runs['events']]}")


def test_check_step_passes_on_masked_data(check_runs) -> None:
    run = check_runs["results"]["maskline_checks"]
    assert run["tasks"] == {"load_raw_customers": "success", "mask_customers": "success",
                            "check_customers_masked": "success"}
    assert run["state"] == "success"


def test_check_step_fails_the_broken_branch_with_a_readable_value_free_message(check_runs) -> None:
    run = check_runs["results"]["maskline_checks_broken"]
    assert run["tasks"]["publish_without_masking"] == "success"
    assert run["tasks"]["check_customers_published"] == "failed"
    log = check_runs["log"]
    assert "MaskingCheckFailed: masking check failed on customers_published_unmasked" in log
    assert "expect_column_values_to_be_masked(email):" in log
    assert "expect_table_to_match_masking_policy:" in log


def test_task_logs_and_lineage_events_hold_no_raw_value(check_runs) -> None:
    raw = _raw_values()
    assert [v for v in raw if len(v) >= 6 and v in check_runs["log"]] == []
    assert check_runs["events"], "no OpenLineage event was written"
    assert [v for v in raw if len(v) >= 6 and v in check_runs["events_text"]] == []


def test_lineage_reports_assertions_and_classification_on_the_checked_table(check_runs) -> None:
    passed = _task_event(check_runs, "check_customers_masked", "COMPLETE")
    failed = _task_event(check_runs, "check_customers_published", "FAIL")
    for event, success in ((passed, True), (failed, False)):
        [dataset] = event["inputs"]
        assert dataset["name"].endswith("customers_masked") or dataset["name"].endswith("customers_published_unmasked")
        assertions = dataset["inputFacets"]["dataQualityAssertions"]["assertions"]
        assert {a["assertion"] for a in assertions} == {
            "expect_column_values_to_not_contain_pii", "expect_column_values_to_be_masked",
            "expect_table_to_match_masking_policy"}
        assert all(a["success"] for a in assertions) is success
        assert "maskline_classification" in dataset["facets"]
    email = [a for a in failed["inputs"][0]["inputFacets"]["dataQualityAssertions"]["assertions"]
             if a.get("column") == "email"]
    assert email and email[0]["success"] is False


def test_check_runs_on_sqlite_through_pandas(check_runs) -> None:
    run = check_runs["results"]["mc_sqlite_checks"]
    assert run["tasks"] == {"check_masked": "success", "check_raw": "failed"}
    assert "(at conn_id='test_checks_sqlite', table 'customers_raw')" in check_runs["log"]


def test_check_runs_in_postgresql_through_the_gx_sql_datasource(check_runs) -> None:
    if not check_runs["pg"]:
        pytest.skip("PostgreSQL not started (run `make test`)")
    run = check_runs["results"]["mc_postgres_checks"]
    assert run["tasks"] == {"check_masked": "success", "check_raw": "failed"}
    assert "(at conn_id='test_pg', table 'customers_raw')" in check_runs["log"]
