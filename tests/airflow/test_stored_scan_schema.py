"""``MaskTableOperator`` takes a stored scan's verdicts only for what the scan judged (round scanschema).

``maskline scan duckdb:///w.duckdb --table t --save`` judges ``main.t`` (counts in ``qty``, furniture in
``product``) and stores its verdicts under ``t``. The operator matched stored entries by last name, so a DAG
masking ``hr.t``, which nobody scanned, passed its SSN-like numbers and people's names raw into ``hr.t_masked``
under a fail-closed policy. The query path had been fixed in round redteam6; the operator now matches a database
table's entry with the schema spelled out too, and refuses the task (nothing written). A file's scan vouches for
the table it was saved as, by the same rule (round onematch): ``people.csv`` saved as ``hr.people`` for
``hr.people``; ``guests.csv`` saved as ``guests`` (with the policy's entry ``guests``) for ``main.guests`` only, so
``hr.guests``, which holds SSN-like numbers and names, is refused, where a scan and an entry matched by last name
wrote them raw; ``staff.csv`` saved as ``staff`` (no policy entry): ``hr.staff`` is refused.

Real DuckDB, real ``maskline scan --save``, Airflow's ``dag.test()``. The controls: ``hr.t`` holds the raw values,
the scanned ``main.t`` still passes by its verdicts, and the file's scan still applies through the policy entry.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import TEST_KEY

pytestmark = pytest.mark.airflow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PEOPLE = ["Quillon Vexmarra", "Orla Pemberwick", "Tamsin Quorrel", "Zebulon Quartermaine"]
SSN_NUMBERS = [str(219099999 + i) for i in range(4)]
NEEDLES = [*PEOPLE, *SSN_NUMBERS]
SAFE_SQL = ("SELECT i AS id, (i * 7) AS qty, ['chair', 'table', 'lamp', 'desk'][i % 4 + 1] AS product "
            "FROM range(200) r(i)")
RAW_SQL = f"SELECT i AS id, (219099999 + i) AS qty, {PEOPLE!r}[i % 4 + 1] AS product FROM range(200) r(i)"
POLICY = "version: 1\ndatasets:\n  hr.people: {columns: {}}\n  guests: {columns: {}}\n"


def _scan(d: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "maskline", "scan", *args, "--policy", "policy.yml", "--save"], cwd=d,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], str]:
    from airflow_plugin.demo import airflow_env, run_dags

    d = tmp_path_factory.mktemp("scanschema")
    db = d / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE t AS {SAFE_SQL}")
    con.execute("CREATE SCHEMA hr")
    con.execute(f"CREATE TABLE hr.t AS {RAW_SQL}")
    # hr.people and hr.staff hold what their files held: counts and furniture
    con.execute(f"CREATE TABLE hr.people AS {SAFE_SQL}")
    con.execute(f"CREATE TABLE hr.staff AS {SAFE_SQL}")
    con.execute(f"CREATE TABLE hr.guests AS {RAW_SQL}")  # guests.csv held counts and furniture; this does not
    rows = con.execute(SAFE_SQL).fetchall()
    con.close()
    (d / "policy.yml").write_text(POLICY)
    for name in ("people", "staff", "guests"):
        with (d / f"{name}.csv").open("w", newline="") as f:
            csv.writer(f).writerows([("id", "qty", "product"), *rows])
    _scan(d, "duckdb:///w.duckdb", "--table", "t")
    _scan(d, "people.csv", "--dataset", "hr.people")
    _scan(d, "staff.csv")
    _scan(d, "guests.csv", "--dataset", "guests")
    assert set(json.loads((d / "policy.scan.json").read_text())["tables"]) == {"t", "hr.people", "staff", "guests"}
    home = d / "airflow"
    dags = home / "dags"
    dags.mkdir(parents=True)
    shutil.copy(HERE / "scan_schema_dags" / "scan_schema_dags.py", dags)
    env = airflow_env(home / "home", dags, {
        "AIRFLOW_CONN_SCANSCHEMA_DUCKDB": json.dumps({"conn_type": "duckdb", "host": str(db)}),
        "SCANSCHEMA_POLICY": str(d / "policy.yml"), "MASKLINE_KEY": TEST_KEY})
    results = run_dags(["scanschema_other_schema", "scanschema_scanned_table", "scanschema_file_policy_entry",
                        "scanschema_file_no_entry", "scanschema_file_default_schema"], env, home)
    return db, results, (home / "dag_test.log").read_text()


def _read(db: Path, sql: str) -> list[tuple[Any, ...]] | None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    except duckdb.CatalogException:
        return None
    finally:
        con.close()


def _leaks(text: str) -> list[str]:
    return [n for n in NEEDLES if n in text]


def test_another_schemas_table_gets_no_verdict_of_the_scanned_one(runs: tuple[Path, dict[str, Any], str]) -> None:
    db, results, log = runs
    written = _read(db, "SELECT qty, product FROM hr.t_masked")
    assert written is None or _leaks(repr(written)) == [], "hr.t's raw values were written by main.t's verdicts"
    assert results["scanschema_other_schema"]["state"] == "failed", results
    assert "the stored scan's entry 't' judged the table of the default schema main" in log
    assert "maskline scan FILE --policy POLICY --save --dataset SCHEMA.TABLE" in log  # the fix for a file's scan
    assert _leaks(log) == []


def test_a_files_scan_vouches_for_no_table_of_its_last_name_without_a_policy_entry(
        runs: tuple[Path, dict[str, Any], str]) -> None:
    db, results, _ = runs
    assert results["scanschema_file_no_entry"]["state"] == "failed", results
    assert _read(db, "SELECT * FROM hr.staff_masked") is None


def test_a_files_scan_saved_unqualified_vouches_for_no_other_schemas_table(
        runs: tuple[Path, dict[str, Any], str]) -> None:
    db, results, log = runs
    written = _read(db, "SELECT qty, product FROM hr.guests_masked")
    assert written is None or _leaks(repr(written)) == [], "hr.guests's raw values were written by guests.csv's verdicts"
    assert results["scanschema_file_default_schema"]["state"] == "failed", results
    assert _leaks(log) == []


def test_control_the_raw_table_holds_the_values(runs: tuple[Path, dict[str, Any], str]) -> None:
    db, _, _ = runs
    assert _leaks(repr(_read(db, "SELECT qty, product FROM hr.t"))) == NEEDLES


def test_control_the_scanned_table_passes_by_its_verdicts(runs: tuple[Path, dict[str, Any], str]) -> None:
    db, results, log = runs
    assert results["scanschema_scanned_table"]["state"] == "success", (results, log[-3000:])
    assert _read(db, "SELECT qty, product FROM t_masked ORDER BY id LIMIT 2") == [(0, "chair"), (7, "table")]


def test_control_a_files_scan_applies_to_the_table_of_the_policy_entry_it_was_saved_as(
        runs: tuple[Path, dict[str, Any], str]) -> None:
    db, results, log = runs
    assert results["scanschema_file_policy_entry"]["state"] == "success", (results, log[-3000:])
    assert _read(db, "SELECT qty, product FROM hr.people_masked ORDER BY id LIMIT 2") == [(0, "chair"),
                                                                                         (7, "table")]
