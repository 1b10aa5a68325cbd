"""One policy file (and the scan stored beside it) gives the same output in every face, token for token.

The faces, all real: ``maskline mask`` (the CLI, on a CSV), the Airflow ``MaskTableOperator`` under
``dag.test()``, the dbt package (``maskline dbt sync`` + ``dbt build``) and the query path (``rewrite`` +
``run_masked``), on DuckDB and on PostgreSQL. The stored scan is made once by ``maskline scan --save``;
no face classifies on its own. Every column of the table is compared, for every row.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_KEY
from tests.samepolicy.data import COLUMNS, POLICY, people, raw_values, seed_duckdb

pytestmark = [pytest.mark.dbt, pytest.mark.airflow, pytest.mark.xdist_group("samepolicy")]

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PG_TYPES = {"integer": "integer", "text": "text", "date": "date"}
# What the policy names, and what the stored scan must find for the comparison to mean something.
POLICY_COLUMNS = ("email", "ssn", "birth_date")
SCAN_COLUMNS = ("full_name", "phone", "employee_id", "iban", "notes")


def _maskline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MASKLINE_KEY": TEST_KEY, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "maskline", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


def normalize(v: Any) -> Any:
    """One comparable form per value across engines and file formats."""
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (int, decimal.Decimal)) and not isinstance(v, bool):
        return str(int(v)) if v == int(v) else str(v)
    return str(v)


def _table(cursor: Any) -> dict[int, dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return {int(r[names.index("id")]): {n: normalize(v) for n, v in zip(names, r, strict=True)}
            for r in cursor.fetchall()}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """policy.yml, people.csv and the stored scan `maskline scan --save` writes beside the policy."""
    root = tmp_path_factory.mktemp("samepolicy")
    (root / "policy.yml").write_text(POLICY)
    with (root / "people.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow([c for c, _ in COLUMNS])
        for r in people():
            w.writerow(["" if r[c] is None else r[c] for c, _ in COLUMNS])
    _maskline("scan", "people.csv", "--policy", "policy.yml", "--save", "--dataset", "people", "--format", "json",
              cwd=root)
    return root


def _dbt(root: Path, name: str, source_schema: str, outputs: dict[str, Any], target: str) -> None:
    """A copy of the test's dbt project that names ../policy.yml, synced and built."""
    from tests.dbt.dbt_harness import PACKAGE, copy_project

    project = copy_project(HERE / "dbt_project", root / name, "samepolicy", outputs, target)
    config = project.root / "dbt_project.yml"
    config.write_text(config.read_text().replace(
        "maskline_policy: policy.yml", f"maskline_policy: ../policy.yml\n  samepolicy_source_schema: {source_schema}"))
    _maskline("dbt", "sync", "--project-dir", str(project.root), cwd=root)
    # What `dbt deps` does for a local package, without a dbt process of its own.
    (project.root / "dbt_packages").mkdir()
    (project.root / "dbt_packages" / "maskline").symlink_to(PACKAGE)
    project.run("build")


def _airflow(root: Path, dag_ids: list[str], connections: dict[str, Any], extra: dict[str, str]) -> None:
    """Every DAG in one dag.test() process (each process costs ~20 s before the first task)."""
    from airflow_plugin.demo import airflow_env, run_dags

    home = root / "airflow"
    dags = home / "dags"
    dags.mkdir(parents=True)
    shutil.copy(HERE / "dags" / "samepolicy_dags.py", dags)
    env = airflow_env(home / "home", dags, {
        **{f"AIRFLOW_CONN_{k.upper()}": json.dumps(v) for k, v in connections.items()},
        "SAMEPOLICY_POLICY": str(root / "policy.yml"), "MASKLINE_KEY": TEST_KEY, **extra})
    results = run_dags(dag_ids, env, home)
    for dag_id in dag_ids:
        assert results[dag_id]["state"] == "success", (results, (home / "dag_test.log").read_text()[-4000:])


def _query_path(con: Any, dialect: str, table: str, policy_path: Path) -> dict[int, dict[str, Any]]:
    """``SELECT *`` through the safe query path, which finds the stored scan beside the policy itself."""
    from maskline.keys import KeyMaterial
    from maskline.policy import load_policy
    from maskline.rewrite.api import rewrite
    from maskline.rewrite.run import run_masked

    policy = load_policy(policy_path)
    masked = rewrite(f"SELECT * FROM {table}", policy, dialect, connection=con)
    result = run_masked(con, masked, KeyMaterial(TEST_KEY.encode()), max_rows=1000)
    names = list(result.columns)
    return {int(r[names.index("id")]): {n: normalize(v) for n, v in zip(names, r, strict=True)} for r in result.rows}


@pytest.fixture(scope="module")
def cli_output(workdir: Path) -> dict[int, dict[str, Any]]:
    import duckdb

    _maskline("mask", "people.csv", "people_masked.parquet", "--policy", "policy.yml", "--table", "people",
              "--overwrite", cwd=workdir)
    con = duckdb.connect()
    try:
        return _table(con.execute(f"SELECT * FROM '{workdir / 'people_masked.parquet'}'"))
    finally:
        con.close()


@dataclass
class Engines:
    """Where the people table lives: a DuckDB file, and a PostgreSQL schema when the server runs."""

    duckdb: Path
    pg_dsn: str | None
    pg_schema: str


@pytest.fixture(scope="module")
def engines(workdir: Path, request: pytest.FixtureRequest) -> Engines:
    """Seed both engines, then mask the table in each with Airflow (one process) and dbt."""
    db = workdir / "warehouse.duckdb"
    seed_duckdb(db)
    try:
        pg_dsn: str | None = request.getfixturevalue("pg_dsn")
    except pytest.skip.Exception:
        pg_dsn = None
    found = Engines(db, pg_dsn, f"ml_samepolicy_{uuid.uuid4().hex[:8]}")
    connections: dict[str, Any] = {"samepolicy_duckdb": {"conn_type": "duckdb", "host": str(db)}}
    dag_ids = ["samepolicy_duckdb"]
    if pg_dsn:
        from urllib.parse import urlsplit

        import psycopg2

        pg = psycopg2.connect(pg_dsn)
        pg.autocommit = True
        try:
            with pg.cursor() as cur:
                cur.execute(f"CREATE SCHEMA {found.pg_schema}")
                cur.execute(f"CREATE TABLE {found.pg_schema}.people ("
                            + ", ".join(f"{c} {PG_TYPES[t]}" for c, t in COLUMNS) + ")")
                cur.executemany(f"INSERT INTO {found.pg_schema}.people VALUES ({', '.join('%s' for _ in COLUMNS)})",
                                [[r[c] for c, _ in COLUMNS] for r in people()])
        finally:
            pg.close()
        u = urlsplit(pg_dsn)
        # The test's schema first on the search path, as the query path sets it (postgres_outputs): the policy's
        # entry `people` and the scan saved as `people` are the default schema's table, never another schema's.
        connections["samepolicy_pg"] = {"conn_type": "postgres", "host": u.hostname, "port": u.port or 5432,
                                        "login": u.username, "password": u.password, "schema": u.path.lstrip("/"),
                                        "extra": {"options": f"-c search_path={found.pg_schema}"}}
        dag_ids.append("samepolicy_postgres")
    _airflow(workdir, dag_ids, connections, {"SAMEPOLICY_PG_SCHEMA": found.pg_schema})
    _dbt(workdir, "dbt_duckdb", "main", {"duckdb": {"type": "duckdb", "path": str(db), "threads": 1}}, "duckdb")
    if pg_dsn:
        u = urlsplit(pg_dsn)
        _dbt(workdir, "dbt_postgres", found.pg_schema, {"postgres": {
            "type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": found.pg_schema, "threads": 1}},
            "postgres")
    return found


@pytest.fixture(scope="module")
def duckdb_outputs(workdir: Path, engines: Engines) -> dict[str, dict[int, dict[str, Any]]]:
    """The people table as Airflow, dbt and the query path masked it in DuckDB (and the raw one)."""
    import duckdb

    con = duckdb.connect(str(engines.duckdb))
    try:
        out = {"airflow": _table(con.execute("SELECT * FROM people_masked_airflow")),
               "dbt": _table(con.execute("SELECT * FROM main.people_masked_dbt")),
               "raw": _table(con.execute("SELECT * FROM people"))}
        out["query"] = _query_path(con, "duckdb", "people", workdir / "policy.yml")
    finally:
        con.close()
    return out


@pytest.fixture(scope="module")
def postgres_outputs(workdir: Path, engines: Engines) -> dict[str, dict[int, dict[str, Any]]]:
    """The same in PostgreSQL, in a schema of this test's own."""
    import psycopg2

    if not engines.pg_dsn:
        pytest.skip("PostgreSQL not started (run `make test`)")
    con = psycopg2.connect(engines.pg_dsn)
    con.autocommit = True
    try:
        out = {}
        with con.cursor() as cur:
            for face, table in (("airflow", "people_masked_airflow"), ("dbt", "people_masked_dbt"), ("raw", "people")):
                cur.execute(f"SELECT * FROM {engines.pg_schema}.{table}")
                out[face] = _table(cur)
            cur.execute(f"SET search_path TO {engines.pg_schema}")
        out["query"] = _query_path(con, "postgres", "people", workdir / "policy.yml")
        return out
    finally:
        con.close()


def test_the_stored_scan_finds_what_the_policy_does_not_name(workdir: Path) -> None:
    from maskline.classify.stored import load_scan
    from maskline.policy import load_policy

    scan = load_scan(workdir / "policy.scan.json", load_policy(workdir / "policy.yml"))
    found = {c.name: c.info_type for c in scan.tables["people"].columns}
    assert {c: found[c] for c in SCAN_COLUMNS} == {"full_name": "PERSON_NAME", "phone": "PHONE",
                                                   "employee_id": "EMPLOYEE_ID", "iban": "IBAN",
                                                   "notes": "FREE_TEXT_WITH_PII"}
    assert found["id"] is None and found["city"] is None
    assert "maria" not in (workdir / "policy.scan.json").read_text().lower()  # verdicts, never values


def _in_engine_kind(column: str, cli_value: Any) -> Any:
    """The CLI's value as the engine faces write it. ``generalize to: year`` keeps the input's kind: the CLI reads
    the CSV as text and writes the year (``1960``); the engines hold a DATE and write its first day."""
    if column == "birth_date" and cli_value is not None:
        assert len(cli_value) == 4 and cli_value.isdigit(), cli_value  # the year alone, no made-up day
        return f"{cli_value}-01-01"
    return cli_value


def _assert_same(faces: dict[str, dict[int, dict[str, Any]]]) -> None:
    """Every face equals the CLI's output, column for column and row for row, and masks what it must."""
    reference = faces.pop("cli")
    raw = faces.pop("raw")
    columns = [c for c, _ in COLUMNS]
    for face, rows in faces.items():
        assert sorted(rows) == sorted(reference), face
        for column in columns:
            got = {i: rows[i][column] for i in rows}
            want = {i: _in_engine_kind(column, reference[i][column]) for i in reference}
            assert got == want, f"{face} differs from `maskline mask` in column {column}"
    # Not trivially equal: the masked columns differ from the raw ones, NULLs stayed NULL, the rest passed.
    for column in (*POLICY_COLUMNS, *SCAN_COLUMNS):
        # scrub keeps prose without PII as it is: only notes that hold an e-mail or a phone number must change
        must_change = [i for i in raw if raw[i][column] is not None and (column != "notes" or "@" in raw[i][column])]
        assert all(raw[i][column] != reference[i][column] for i in must_change), column
        assert len(must_change) > len(raw) // 3, column
        assert all(reference[i][column] is None for i in raw if raw[i][column] is None), column
    for column in ("id", "city"):
        assert all(raw[i][column] == reference[i][column] for i in raw), column
    # Each rule of the policy took effect: methods: overrides, the custom info type's method, a dataset method.
    sample = reference[1]
    assert len(sample["email"]) == 16 and all(ch in "0123456789abcdef" for ch in sample["email"])
    assert sample["phone"].endswith("00") and sample["phone"].startswith("*")
    assert len(sample["employee_id"]) == 20
    # The policy's key derivation 2, as Python computes it (and not derivation 1's salted SHA-256): with every face
    # equal to the CLI above, every face computed it.
    from maskline.keys import KeyMaterial, method_digest_hex
    from maskline.methods.fake import fake_of

    key = KeyMaterial(TEST_KEY.encode())
    assert sample["employee_id"] == method_digest_hex(key, "hash", raw[1]["employee_id"], 2, 20)
    assert sample["employee_id"] != method_digest_hex(key, "hash", raw[1]["employee_id"], 1, 20)
    assert sample["full_name"] == fake_of(key, raw[1]["full_name"], "name", 2)
    assert sample["ssn"].startswith("#######") and sample["ssn"].endswith(raw[1]["ssn"][-4:])
    assert sample["birth_date"] == normalize(raw[1]["birth_date"])[:4]  # a CSV is text: the year alone


def test_duckdb_faces_give_the_same_output(cli_output, duckdb_outputs) -> None:
    _assert_same({"cli": cli_output, **duckdb_outputs})


@pytest.mark.postgres
def test_postgres_faces_give_the_same_output(cli_output, postgres_outputs) -> None:
    _assert_same({"cli": cli_output, **postgres_outputs})


def test_no_face_wrote_a_raw_value_of_a_masked_column(cli_output, duckdb_outputs) -> None:
    # Identifying values, looked for inside every masked cell (the notes quote e-mails and phone numbers).
    needles = raw_values(people(), ("full_name", "email", "phone", "ssn", "employee_id", "iban"))
    for face, rows in {"cli": cli_output, **{k: v for k, v in duckdb_outputs.items() if k != "raw"}}.items():
        cells = [str(v) for r in rows.values() for c, v in r.items() if c in (*POLICY_COLUMNS, *SCAN_COLUMNS)]
        assert not [n for n in needles for cell in cells if n in cell], face
    raw_cells = [str(v) for r in duckdb_outputs["raw"].values() for v in r.values()]
    assert [n for n in needles for cell in raw_cells if n in cell]  # the search finds them where they are


def test_a_dynamic_view_unmasks_only_for_the_policys_unmask_for_role(workdir: Path, engines, duckdb_outputs) -> None:
    """``masked_columns(..., dynamic=true)``: the policy's ``unmask_for: [role:pii_reader]`` reads raw values,
    every other session what the static model holds (DuckDB has no roles: the session variable maskline_role)."""
    import duckdb

    from maskline.keys import KeyMaterial
    from maskline.sql.session import apply_key_setup

    con = duckdb.connect(str(engines.duckdb), read_only=True)
    try:
        apply_key_setup(con, "duckdb", KeyMaterial(TEST_KEY.encode()))  # the reader's session holds the key
        masked = _table(con.execute("SELECT * FROM main.people_for_analysts"))
        con.execute("SET VARIABLE maskline_role = 'someone_else'")
        other = _table(con.execute("SELECT * FROM main.people_for_analysts"))
        con.execute("SET VARIABLE maskline_role = 'pii_reader'")
        raw = _table(con.execute("SELECT * FROM main.people_for_analysts"))
    finally:
        con.close()
    assert masked == other == duckdb_outputs["dbt"]
    assert raw == duckdb_outputs["raw"]
