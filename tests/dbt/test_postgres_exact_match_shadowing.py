"""Red team (round redteam12), closed in round pgcatalog: a dbt-postgres model's masking SQL called what dbt's path found.

The package's PostgreSQL SQL is the core's (``tests/dbt/test_macro_rendering.py``) and named no schema: it is bound
when dbt creates the model, under dbt's session path. PostgreSQL picks a function whose argument types match
exactly over ``pg_catalog``'s whatever the path's order, and ``generalize: {to: month}`` calls ``PG_TYPEOF(column)``
(``pg_catalog.pg_typeof`` takes ``"any"``): a ``pg_typeof(character varying)`` in a schema on the path (here the
model's own schema, dbt's default path; ``public`` where every role may create) is handed every raw value, at build
time and, in a view, at every read. The safe query path, ``maskline protect`` and masking jobs pin the path
(``tests/rewrite/test_pg_exact_match_shadowing_red_team.py``); dbt's session is dbt's. The lasting fix is SQL that
names each PostgreSQL function and operator with its schema (as DuckDB's names ``system.main``):
:mod:`maskline.dialects.postgres_catalog` prints ``pg_catalog.pg_typeof(...)``, which no schema on the path can shadow.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from tests.dbt.dbt_harness import copy_project, install_packages

pytestmark = [pytest.mark.dbt, pytest.mark.postgres, pytest.mark.xdist_group("dbt")]

RAW = "1981-04-17"


def _source(root: Path) -> Path:
    src = root / "src"
    (src / "models").mkdir(parents=True)
    (src / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "maskline_shadow", "version": "0.1.0", "config-version": 2, "profile": "maskline_shadow",
        "model-paths": ["models"]}))
    (src / "models" / "born_month.sql").write_text(
        "{{ config(materialized='view') }}\n"
        "select id, {{ maskline.mask('born', 'generalize', to='month') }} as born "
        "from {{ target.schema }}.people\n")
    return src


def _run_model(base: Path, pg_dsn: str, schema: str, *, search_path: str) -> None:
    """``dbt run`` of :func:`_source`'s project on dbt-postgres, its models in ``schema``, dbt's session on
    ``search_path``."""
    u = urlparse(pg_dsn)
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": schema,
                            "threads": 1, "search_path": search_path}}
    project = copy_project(_source(base), base / "project", "maskline_shadow", outputs, "postgres")
    install_packages(project)
    project.run("run")


def test_a_dbt_postgres_model_calls_pg_catalogs(tmp_path_factory: pytest.TempPathFactory, pg_dsn: str) -> None:

    from tests.conftest import scratch

    schema = f"dbt_shadow_{uuid.uuid4().hex[:8]}"
    create = "; ".join([
        f"CREATE SCHEMA {schema}",
        f"CREATE TABLE {schema}.people (id integer, born varchar(20))",
        f"INSERT INTO {schema}.people VALUES (1, '{RAW}')",
        f"CREATE TABLE {schema}.calls (v text)",
        f"CREATE FUNCTION {schema}.pg_typeof(x character varying) RETURNS regtype LANGUAGE plpgsql AS "
        f"$$ BEGIN INSERT INTO {schema}.calls VALUES (x); RETURN 'character varying'::regtype; END $$",
    ])
    with scratch(pg_dsn, create, f"DROP SCHEMA {schema} CASCADE") as admin:
        _run_model(tmp_path_factory.mktemp("dbt_shadow"), pg_dsn, schema, search_path=schema)
        with admin.cursor() as cur:
            cur.execute(f"SELECT born FROM {schema}.born_month")  # a read of the view runs its functions again
            assert len(cur.fetchall()) == 1
            cur.execute(f"SELECT v FROM {schema}.calls")
            calls = cur.fetchall()
    assert calls == []


def test_a_dbt_postgres_models_cast_to_the_columns_type_names_pg_catalogs(
        tmp_path_factory: pytest.TempPathFactory, pg_dsn: str) -> None:
    # generalize on a typed column casts back to the column's type as the engine reports it (`date`): a name looked
    # up along dbt's path, where a domain `date` in a schema listed before pg_catalog is the type made and its CHECK
    # sees each value. The macro writes pg_catalog.date (maskline._pinned_type).
    from tests.conftest import scratch

    schema = f"dbt_domain_{uuid.uuid4().hex[:8]}"
    create = "; ".join([
        f"CREATE SCHEMA {schema}",
        f"CREATE TABLE {schema}.people (id integer, born date)",
        f"INSERT INTO {schema}.people VALUES (1, '{RAW}')",
        f"CREATE TABLE {schema}.seen (v pg_catalog.text)",
        f"CREATE FUNCTION {schema}.seen(x pg_catalog.text) RETURNS boolean LANGUAGE plpgsql AS "
        f"$$ BEGIN INSERT INTO {schema}.seen VALUES (x); RETURN true; END $$",
        f"CREATE DOMAIN {schema}.date AS pg_catalog.date CHECK ({schema}.seen(VALUE::pg_catalog.text))",
    ])
    with scratch(pg_dsn, create, f"DROP SCHEMA {schema} CASCADE") as admin:
        _run_model(tmp_path_factory.mktemp("dbt_domain"), pg_dsn, schema, search_path=f"{schema}, pg_catalog")
        with admin.cursor() as cur:
            cur.execute(f"SET search_path = {schema}, pg_catalog")  # a reader's path: the view's types are bound
            cur.execute(f"SELECT born FROM {schema}.born_month")
            born = cur.fetchall()
            cur.execute("RESET search_path")
            cur.execute(f"SELECT v FROM {schema}.seen")
            seen = cur.fetchall()
    assert [str(b[0])[:7] for b in born] == ["1981-04"]
    assert seen == []
