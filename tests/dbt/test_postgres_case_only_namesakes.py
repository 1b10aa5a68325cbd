"""Red team (round redteam15): on dbt-postgres a policy entry for ``customers`` masked the source ``"Customers"``.

dbt-postgres quotes every name by default, so a source table ``Customers`` is PostgreSQL's ``"Customers"``, another
relation than ``customers``. The package matched the synced policy's entries case-insensitively
(``_best_match`` in dbt_macros/macros/internal/column_policy.sql), so the entry written for ``customers``, whose
``note`` passes, passed ``"Customers"``'s e-mails raw into the model. Now an entry names the relation its name
resolves to, as the core's (``maskline.rewrite.table_names.best_entry``): ``'"Customers"'`` names the quoted one,
and an entry that fits only were case ignored stops the compile with that fix. Real dbt, real PostgreSQL.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from tests.dbt.dbt_harness import copy_project, install_packages, synced_policy

pytestmark = [pytest.mark.dbt, pytest.mark.postgres, pytest.mark.xdist_group("dbt")]

EMAIL = "zebulon.quartermaine@quillfeather-mail.example"
NOTE = "likes green tea"


def _project(base: Path, pg_dsn: str, schema: str) -> object:
    src = base / "src"
    (src / "models").mkdir(parents=True)
    (src / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "maskline_case", "version": "0.1.0", "config-version": 2, "profile": "maskline_case",
        "model-paths": ["models"], "macro-paths": ["macros"], "vars": {}}))
    (src / "macros").mkdir()
    (src / "models" / "sources.yml").write_text(yaml.safe_dump({"version": 2, "sources": [
        {"name": "raw", "schema": schema, "tables": [{"name": "customers"}, {"name": "Customers"}]}]}))
    for model, table in (("lower_masked", "customers"), ("upper_masked", "Customers")):
        (src / "models" / f"{model}.sql").write_text(
            "{{ config(materialized='table') }}\n"
            f"select {{{{ maskline.masked_columns(source('raw', '{table}')) }}}} from {{{{ source('raw', '{table}') }}}}\n")
    u = urlparse(pg_dsn)
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": schema,
                            "threads": 1}}
    project = copy_project(src, base / "project", "maskline_case", outputs, "postgres")
    install_packages(project)
    return project


@pytest.fixture()
def namesakes(tmp_path_factory: pytest.TempPathFactory, pg_dsn: str) -> object:
    from tests.conftest import scratch

    schema = f"dbt_case_{uuid.uuid4().hex[:8]}"
    create = "; ".join([
        f"CREATE SCHEMA {schema}",
        f"CREATE TABLE {schema}.customers (id integer, note text)",
        f"INSERT INTO {schema}.customers VALUES (1, '{NOTE}')",
        f'CREATE TABLE {schema}."Customers" (id integer, note text)',
        f"INSERT INTO {schema}.\"Customers\" VALUES (1, '{EMAIL}')",
    ])
    with scratch(pg_dsn, create, f"DROP SCHEMA {schema} CASCADE") as admin:
        yield _project(tmp_path_factory.mktemp("dbt_case"), pg_dsn, schema), admin, schema


def _notes(admin: object, schema: str, model: str) -> list[tuple[object, ...]]:
    with admin.cursor() as cur:  # type: ignore[attr-defined]
        cur.execute(f"SELECT note FROM {schema}.{model}")
        return cur.fetchall()


def test_customers_entry_is_not_taken_for_its_quoted_namesake(namesakes: tuple[object, object, str]) -> None:
    from maskline.dbt.sync import sync

    project, admin, schema = namesakes
    policy = "version: 1\nunclassified: pass\ndatasets:\n  customers:\n    columns:\n      note: {pass: true}\n"
    with synced_policy(project, policy) as root:  # type: ignore[arg-type]
        sync(root)
        project.run("run", "--select", "lower_masked")  # type: ignore[attr-defined]
        assert _notes(admin, schema, "lower_masked") == [(NOTE,)]  # control: its own entry passes it
        proc = project.run("run", "--select", "upper_masked", check=False)  # type: ignore[attr-defined]
    assert proc.returncode != 0
    assert "differs only in case" in proc.stdout and "'\"Customers\"'" in proc.stdout
    assert EMAIL not in proc.stdout


def test_a_quoted_entry_describes_the_quoted_namesake(namesakes: tuple[object, object, str]) -> None:
    from maskline.dbt.sync import sync

    project, admin, schema = namesakes
    policy = ("version: 1\nunclassified: pass\ndatasets:\n  customers:\n    columns:\n      note: {pass: true}\n"
              "  '\"Customers\"':\n    columns:\n      note: {info_type: EMAIL}\n")
    with synced_policy(project, policy) as root:  # type: ignore[arg-type]
        sync(root)
        project.run("run")  # type: ignore[attr-defined]
    assert _notes(admin, schema, "lower_masked") == [(NOTE,)]
    assert _notes(admin, schema, "upper_masked") != [(EMAIL,)]
    assert "quillfeather-mail.example" in str(_notes(admin, schema, "upper_masked")[0][0])
