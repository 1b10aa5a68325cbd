"""dbt fixtures: one real `dbt deps` + `dbt build` per engine per test session.

The build includes the tests tagged expected_fail (they only depend on the deliberately leaky model, so
their failure skips nothing); the tests then read run_results.json node by node.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.dbt.dbt_harness import INTEGRATION, DbtProject, copy_project, install_packages

PROFILE = "maskline_integration_tests"


@pytest.fixture(scope="session")
def duckdb_project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project built on DuckDB, the key loaded by the maskline dbt-duckdb plugin."""
    root = tmp_path_factory.mktemp("dbt_duckdb") / "project"
    outputs = {"duckdb": {"type": "duckdb", "path": str(root.parent / "it.duckdb"), "threads": 2,
                          "plugins": [{"module": "maskline.dbt.duckdb_plugin"}]}}
    project = copy_project(INTEGRATION, root, PROFILE, outputs, "duckdb")
    install_packages(project)
    project.build = project.run("build", check=False)  # type: ignore[attr-defined]
    return project


@pytest.fixture(scope="session")
def postgres_project(tmp_path_factory: pytest.TempPathFactory, pg_dsn: str) -> Iterator[DbtProject]:
    """The integration project built on a throwaway PostgreSQL database, the key set by maskline.set_key()."""
    from urllib.parse import urlparse

    u = urlparse(pg_dsn)
    root = tmp_path_factory.mktemp("dbt_postgres") / "project"
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": "maskline_it",
                            "threads": 2}}
    project = copy_project(INTEGRATION, root, PROFILE, outputs, "postgres")
    install_packages(project)
    project.build = project.run("build", check=False)  # type: ignore[attr-defined]
    yield project


@pytest.fixture(scope="session")
def spark_project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project built on a local PySpark session (dbt-spark `session` method)."""
    root = tmp_path_factory.mktemp("dbt_spark") / "project"
    warehouse = root.parent / "warehouse"
    outputs = {"spark": {"type": "spark", "method": "session", "host": "NA", "schema": "maskline_it", "threads": 1,
                         "server_side_parameters": {
                             "spark.sql.warehouse.dir": str(warehouse),
                             "spark.driver.memory": "1g",
                             "spark.sql.shuffle.partitions": "2",
                             "spark.ui.enabled": "false",
                             "spark.driver.extraJavaOptions": f"-Dderby.system.home={root.parent}"}}}
    project = copy_project(INTEGRATION, root, PROFILE, outputs, "spark")
    install_packages(project)
    project.build = project.run("build", check=False)  # type: ignore[attr-defined]
    return project


@pytest.fixture(scope="session")
def trino_project(tmp_path_factory: pytest.TempPathFactory, trino_url: str) -> Iterator[DbtProject]:
    """The integration project built with dbt-trino on the real Trino server, in a throwaway memory schema."""
    import uuid
    from urllib.parse import urlparse

    from maskline.adapters.trino import connect

    u = urlparse(trino_url)
    schema = f"maskline_it_{uuid.uuid4().hex[:8]}"
    root = tmp_path_factory.mktemp("dbt_trino") / "project"
    outputs = {"trino": {"type": "trino", "method": "none", "user": "maskline", "host": u.hostname, "port": u.port,
                         "http_scheme": "http", "database": "memory", "schema": schema, "threads": 1}}
    project = copy_project(INTEGRATION, root, PROFILE, outputs, "trino")
    project.schema = schema  # type: ignore[attr-defined]
    project.run("deps")
    project.build = project.run("build", check=False)  # type: ignore[attr-defined]
    yield project
    conn = connect(trino_url, catalog="memory", schema=schema)
    cur = conn.cursor()
    cur.execute(f"SELECT table_name, table_type FROM memory.information_schema.tables WHERE table_schema = '{schema}'")
    for name, kind in cur.fetchall():
        cur.execute(f'DROP {"VIEW" if kind == "VIEW" else "TABLE"} IF EXISTS memory.{schema}."{name}"')
        cur.fetchall()
    cur.execute(f"DROP SCHEMA IF EXISTS memory.{schema}")
    cur.fetchall()
    conn.close()
