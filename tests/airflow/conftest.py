"""One Airflow process for every DAG test: seed DuckDB, SQLite and PostgreSQL, then dag.test() all DAGs.

``dag.test()`` costs ~12 s per process, so the session fixture :func:`airflow_runs` runs the example DAG
and every DAG in ``tests/airflow/dags`` in ONE child process (``airflow_plugin.demo.run_dags``), with its
own AIRFLOW_HOME, and the tests read what it left behind: the run states, the tables and files written,
the XComs in the metadata database and the task logs.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.airflow.one_dag import OneDagRun, run_one_dag
from tests.conftest import TEST_KEY

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_DAGS = REPO / "examples" / "dags"
TEST_DAGS = Path(__file__).with_name("dags")
sys.path.insert(0, str(EXAMPLE_DAGS))  # maskline_demo_data, the example's data generator

from maskline_demo_data import (  # noqa: E402
    CUSTOMER_COLUMNS,
    TICKET_COLUMNS,
    customers,
    sensitive_values,
    tickets,
)

PROBE_EMAIL = str(customers()[3]["email"])  # a real customer's e-mail, typed into a refused query
PG_TYPES = {"VARCHAR": "text", "DOUBLE": "double precision", "INTEGER": "integer", "DATE": "date",
            "TIMESTAMP": "timestamp"}


@dataclass
class AirflowRuns:
    """What the one dag.test() process left behind."""

    workdir: Path
    results: dict[str, Any]
    duckdb_path: Path
    sqlite_path: Path
    demo_duckdb_path: Path
    data_dir: Path
    pg_dsn: str | None
    log_text: str
    trino_url: str | None = None
    trino_schema: str | None = None

    @property
    def lineage_events(self) -> list[dict[str, Any]]:
        path = self.workdir / "openlineage.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    @property
    def metadata_db(self) -> Path:
        return self.workdir / "airflow_home" / "airflow.db"

    def run(self, dag_id: str) -> dict[str, Any]:
        return self.results[dag_id]

    def xcoms(self, dag_id: str) -> list[tuple[str, str, str]]:
        con = sqlite3.connect(self.metadata_db)
        try:
            rows = con.execute("SELECT task_id, key, value FROM xcom WHERE dag_id = ?", (dag_id,)).fetchall()
        finally:
            con.close()
        return [(t, k, v if isinstance(v, str) else bytes(v).decode("utf-8")) for t, k, v in rows]


# The mt_entry_schemas DAG's tables: the same names in two schemas, an e-mail of its own in each.
ENTRY_SCHEMA_TABLES = ("main.staff", "hr.staff", "main.people", "hr.people")


def schema_email(table: str) -> str:
    """The e-mail every row of one of ``ENTRY_SCHEMA_TABLES`` holds."""
    return f"{table.replace('.', '-')}.quillon@example.org"


def raw_people() -> list[dict[str, Any]]:
    return customers()


def raw_values() -> set[str]:
    people = customers()
    return sensitive_values(people, tickets(people))


def _seed_duckdb(path: Path, csv_path: Path | None = None) -> None:
    import duckdb

    people = customers()
    con = duckdb.connect(str(path))
    try:
        for table, columns, rows in (("raw_customers", CUSTOMER_COLUMNS, people),
                                     ("raw_tickets", TICKET_COLUMNS, tickets(people))):
            con.execute(f"CREATE OR REPLACE TABLE {table} ({', '.join(f'{n} {t}' for n, t in columns)})")
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})",
                            [[r[n] for n, _ in columns] for r in rows])
        # The mt_empty_day DAG's sources: the customers' columns and no row.
        con.execute("CREATE OR REPLACE TABLE empty_customers AS SELECT * FROM raw_customers WHERE false")
        if csv_path is not None:
            con.execute(f"COPY raw_customers TO '{csv_path}' (HEADER)")
            con.execute(f"COPY empty_customers TO '{csv_path.with_name('empty_customers.csv')}' (HEADER)")
        con.execute("CREATE SCHEMA IF NOT EXISTS hr")
        for table in ENTRY_SCHEMA_TABLES:
            con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT i AS id, '{schema_email(table)}' AS email "
                        "FROM range(3) r(i)")
    finally:
        con.close()


def _seed_sqlite(path: Path) -> None:
    people = customers()
    con = sqlite3.connect(path)
    try:
        for table, columns, rows in (("raw_customers", CUSTOMER_COLUMNS, people),
                                     ("raw_tickets", TICKET_COLUMNS, tickets(people))):
            con.execute(f"CREATE TABLE {table} ({', '.join(f'{n} {t}' for n, t in columns)})")
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in columns)})",
                            [[str(r[n]) if n in ("date_of_birth", "created_at") else r[n] for n, _ in columns]
                             for r in rows])
        con.commit()
    finally:
        con.close()


def _seed_postgres(dsn: str) -> None:
    import psycopg2

    people = customers()
    con = psycopg2.connect(dsn)
    con.autocommit = True
    try:
        with con.cursor() as cur:
            for table, columns, rows in (("raw_customers", CUSTOMER_COLUMNS, people),
                                         ("raw_tickets", TICKET_COLUMNS, tickets(people))):
                cur.execute(f"DROP TABLE IF EXISTS {table}")
                cur.execute(f"CREATE TABLE {table} ({', '.join(f'{n} {PG_TYPES[t]}' for n, t in columns)})")
                cur.executemany(f"INSERT INTO {table} VALUES ({', '.join('%s' for _ in columns)})",
                                [[r[n] for n, _ in columns] for r in rows])
    finally:
        con.close()


def _seed_trino(url: str, schema: str) -> None:
    """The raw tables in a memory schema of the Trino server (types as DuckDB spells them, which Trino reads)."""
    from sqlglot import exp

    from maskline.adapters.trino import connect

    people = customers()
    con = connect(url, catalog="memory")
    cur = con.cursor()
    try:
        cur.execute(f"CREATE SCHEMA memory.{schema}")
        cur.fetchall()
        for table, columns, rows in (("raw_customers", CUSTOMER_COLUMNS, people),
                                     ("raw_tickets", TICKET_COLUMNS, tickets(people))):
            cur.execute(f"CREATE TABLE memory.{schema}.{table} ({', '.join(f'{n} {t}' for n, t in columns)})")
            cur.fetchall()
            values = exp.values([exp.tuple_(*[exp.convert(r[n]) for n, _ in columns]) for r in rows])
            cur.execute(exp.insert(values, f"memory.{schema}.{table}").sql("trino"))
            cur.fetchall()
    finally:
        con.close()


def _drop_trino_schema(url: str, schema: str) -> None:
    from maskline.adapters.trino import connect

    con = connect(url, catalog="memory")
    cur = con.cursor()
    try:
        cur.execute(f"SELECT table_name FROM memory.information_schema.tables WHERE table_schema = '{schema}'")
        for (table,) in cur.fetchall():
            cur.execute(f'DROP TABLE IF EXISTS memory.{schema}."{table}"')
            cur.fetchall()
        cur.execute(f"DROP SCHEMA IF EXISTS memory.{schema}")
        cur.fetchall()
    finally:
        con.close()


def _pg_connection(dsn: str) -> dict[str, Any]:
    from urllib.parse import urlsplit

    u = urlsplit(dsn)
    return {"conn_type": "postgres", "host": u.hostname, "port": u.port or 5432, "login": u.username,
            "password": u.password, "schema": u.path.lstrip("/")}


@pytest.fixture(scope="session")
def airflow_runs(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> AirflowRuns:
    """Seed the engines, then run every DAG once with dag.test() in one child process."""
    from airflow_plugin.demo import airflow_env, run_dags

    workdir = tmp_path_factory.mktemp("airflow")
    data = workdir / "data"
    (data / "out").mkdir(parents=True)
    dags = workdir / "dags"
    dags.mkdir()
    for source in (*EXAMPLE_DAGS.glob("*.py"), *EXAMPLE_DAGS.glob("*.yml"), *TEST_DAGS.glob("*.py")):
        shutil.copy(source, dags / source.name)

    duckdb_path, sqlite_path, demo_path = data / "test.duckdb", data / "test.sqlite", data / "demo.duckdb"
    _seed_duckdb(duckdb_path, data / "raw_customers.csv")
    _seed_sqlite(sqlite_path)
    try:
        pg_dsn: str | None = request.getfixturevalue("pg_dsn")
    except pytest.skip.Exception:
        pg_dsn = None

    connections: dict[str, Any] = {
        "test_duckdb": {"conn_type": "duckdb", "host": str(duckdb_path)},
        "test_sqlite": {"conn_type": "sqlite", "host": str(sqlite_path)},
        "maskline_demo_duckdb": {"conn_type": "duckdb", "host": str(demo_path)},
        # Nothing listens on port 1: the unreachable-database failure path.
        "test_pg_down": {"conn_type": "postgres", "host": "127.0.0.1", "port": 1, "login": "nobody",
                         "password": "nothing", "schema": "nowhere"},
        # The key comes from the maskline connection, not the environment (MASKLINE_KEY is removed below).
        "maskline_default": {"conn_type": "maskline", "password": TEST_KEY},
    }
    if pg_dsn:
        _seed_postgres(pg_dsn)
        connections["test_pg"] = _pg_connection(pg_dsn)
    try:
        trino_url: str | None = request.getfixturevalue("trino_url")
    except pytest.skip.Exception:
        trino_url = None
    trino_schema = None
    if trino_url:
        from urllib.parse import urlsplit

        trino_schema = f"mt_{uuid.uuid4().hex[:8]}"
        _seed_trino(trino_url, trino_schema)
        request.addfinalizer(lambda: _drop_trino_schema(trino_url, trino_schema))
        u = urlsplit(trino_url)
        connections["test_trino"] = {"conn_type": "trino", "host": u.hostname, "port": u.port, "login": "maskline",
                                     "schema": trino_schema, "extra": {"catalog": "memory"}}
    extra = {f"AIRFLOW_CONN_{name.upper()}": json.dumps(c) for name, c in connections.items()}
    extra["AIRFLOW_VAR_MASKLINE_POLICY"] = (EXAMPLE_DAGS / "maskline_policy.yml").read_text()
    extra["AIRFLOW_VAR_PROBE_EMAIL"] = PROBE_EMAIL  # typed into a refused query by the mt_failures DAG
    extra["MASKLINE_TEST_SHORT_KEY"] = "short-k3y"  # set but too short: the mt_failures short_key task
    extra["MASKLINE_TEST_LOGGED_KEY"] = "Lq7-logged-key-Vr3318-never-in-a-log"  # logged by mt_registered_secrets
    extra["MASKLINE_DEMO_DIR"] = str(data / "demo")
    extra["MASKLINE_TEST_DATA_DIR"] = str(data)
    # Lineage goes to a file so the tests can read every event the operators produced.
    extra["AIRFLOW__OPENLINEAGE__TRANSPORT"] = json.dumps(
        {"type": "file", "log_file_path": str(workdir / "openlineage.jsonl"), "append": True})
    env = airflow_env(workdir / "airflow_home", dags, extra)
    env.pop("MASKLINE_KEY", None)

    dag_ids = ["maskline_example", "mt_duckdb", "mt_sqlite", "mt_files", "mt_decorator", "mt_failures", "mt_pii",
               "mt_task_logs", "mt_failure_leaks", "mt_entry_schemas", "mt_xcom_keys", "mt_xcom_records", "mt_empty_day",
               "mt_registered_secrets", "mt_retried_file", "mt_mapped_upstream"]
    if pg_dsn:
        dag_ids.insert(3, "mt_postgres")
        dag_ids.append("mt_key_owner")
    if trino_url:
        dag_ids.insert(3, "mt_trino")
    # mt_registered_secrets' logging task once more as a worker runs it (supervisor, task process of its own).
    results = run_dags(dag_ids, env, workdir, supervised=["mt_registered_secrets.logs_the_key"])
    return AirflowRuns(workdir, results, duckdb_path, sqlite_path, demo_path, data, pg_dsn,
                       (workdir / "dag_test.log").read_text(errors="replace"), trino_url, trino_schema)


@pytest.fixture(scope="session")
def plain_backend_run(tmp_path_factory: pytest.TempPathFactory) -> OneDagRun:
    """The negative control, in one process of its own: ``mt_task_logs`` (and ``mt_xcom_records`` beside it) with
    the log filter off and Airflow's own XCom backend; the plugin is installed, so its listeners run."""
    return run_one_dag(tmp_path_factory.mktemp("unfiltered"), TEST_DAGS / "maskline_log_dags.py", "mt_task_logs", {
        "AIRFLOW__MASKLINE__LOG_FILTER": "False",
        "AIRFLOW__CORE__XCOM_BACKEND": "airflow.sdk.bases.xcom.BaseXCom",
    }, also=[(TEST_DAGS / "maskline_xcom_record_dags.py", "mt_xcom_records")])
