"""dbt and GX read a value as the SQL ``scrub`` does: other scripts' digits as ASCII, format characters removed.

On real dbt (DuckDB and PostgreSQL), a column whose meta says scrub, selected through ``maskline.masked_columns``,
comes out with no value left in another form (the cases of ``tests/core/test_scrub_read_forms.py``: other scripts'
digits, a zero-width space or soft hyphen inside, a trunk group), exactly as the core's SQL writes it; and
``maskline_no_pii`` flags a raw value with a format character inside. On real GX (pandas and PostgreSQL) the no-PII
expectation flags it too. Controls: clean text in those forms is written unchanged and passes every check.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.core.test_scrub_read_forms import CONTROLS, HOLES

CLEAN = [text for text, want in CONTROLS if text == want]  # no span: every check passes them
COLUMNS = {"digits": HOLES["script digits"], "format": HOLES["format characters"], "trunk": HOLES["trunk group"],
           "clean": [(t, t) for t in CLEAN]}
ROWS = max(len(cases) for cases in COLUMNS.values())


def _table() -> list[tuple[Any, ...]]:
    """(id, one text per column or NULL) rows."""
    return [(i, *(cases[i][0] if i < len(cases) else None for cases in COLUMNS.values())) for i in range(ROWS)]


def _expected() -> dict[str, list[str | None]]:
    return {name: [cases[i][1] if i < len(cases) else None for i in range(ROWS)] for name, cases in COLUMNS.items()}


# --- GX: the no-PII expectation on pandas and on PostgreSQL --------------------------------------------------------

def _gx_flags(batch: Any, columns: list[str]) -> list[bool]:
    from maskline.expectations import ExpectColumnValuesToNotContainPii

    return [not batch.validate(ExpectColumnValuesToNotContainPii(column=c)).success for c in columns]


FORMAT_TEXTS = [text for text, _ in HOLES["format characters"]]


def _gx_frame() -> Any:
    import pandas as pd

    return pd.DataFrame([[*FORMAT_TEXTS, *CLEAN]], columns=[f"c{i}" for i in range(len(FORMAT_TEXTS) + len(CLEAN))])


def test_gx_on_pandas_flags_values_with_a_format_character_inside(gx_context: Any) -> None:
    from maskline.expectations.batches import pandas_batch

    frame = _gx_frame()
    got = _gx_flags(pandas_batch(gx_context, frame, asset="forms"), list(frame.columns))
    assert got == [True] * len(FORMAT_TEXTS) + [False] * len(CLEAN)


@pytest.mark.postgres
def test_gx_on_postgres_flags_values_with_a_format_character_inside(gx_context: Any, pg_module_dsn: str) -> None:
    import psycopg2

    from maskline.expectations.batches import sql_batch

    pg_dsn = pg_module_dsn  # this module's own database: the tables have fixed names

    frame = _gx_frame()
    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE gx_forms ({', '.join(f'{c} TEXT' for c in frame.columns)})")
        cur.execute(f"INSERT INTO gx_forms VALUES ({', '.join('%s' for _ in frame.columns)})", list(frame.iloc[0]))
    conn.close()
    got = _gx_flags(sql_batch(gx_context, pg_dsn, "gx_forms"), list(frame.columns))
    assert got == [True] * len(FORMAT_TEXTS) + [False] * len(CLEAN)


# --- dbt: masked_columns (scrub from column meta) and maskline_no_pii, on DuckDB and PostgreSQL ---------------------

def _project(tmp_path: Path, profile: dict[str, Any], schema: str) -> Any:
    from tests.conftest import TEST_KEY
    from tests.dbt.dbt_harness import PACKAGE, DbtProject

    root = tmp_path / "project"
    (root / "models").mkdir(parents=True)
    (root / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "maskline_read_forms", "version": "1.0", "config-version": 2, "profile": "forms",
        "vars": {"maskline_unclassified": "pass"}}))  # the id column passes: only the texts are the subject
    (root / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(PACKAGE)}]}))
    source_columns = [{"name": "id"}, *({"name": c, "meta": {"maskline": {"info_type": "FREE_TEXT_WITH_PII"}},
                                         "data_tests": [{"maskline.maskline_no_pii": {"name": f"raw_{c}"}}]}
                                        for c in COLUMNS)]
    (root / "models" / "sources.yml").write_text(yaml.safe_dump({"version": 2, "sources": [
        {"name": "forms", "schema": schema, "tables": [{"name": "read_forms", "columns": source_columns}]}],
        "models": [{"name": "forms_scrubbed", "columns": [
            {"name": c, "data_tests": [{"maskline.maskline_no_pii": {"name": f"scrubbed_{c}"}},
                                       {"maskline.maskline_is_masked": {"name": f"is_masked_{c}",
                                                                        "arguments": {"method": "scrub"}}}]}
            for c in COLUMNS]}]}, sort_keys=False))
    (root / "models" / "forms_scrubbed.sql").write_text(
        "select {{ maskline.masked_columns(source('forms', 'read_forms')) }} from {{ source('forms', 'read_forms') }}\n")
    (root / "_profiles").mkdir()
    (root / "_profiles" / "profiles.yml").write_text(yaml.safe_dump({"forms": {"target": "t", "outputs": {
        "t": profile}}}))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DBT_")}
    env.update({"MASKLINE_KEY": TEST_KEY, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    project = DbtProject(root, root / "_profiles", "t", env)
    project.run("deps")
    project.run("run")  # not build: the raw columns' tests fail on purpose, and build would skip the model then
    project.run("test", check=False)
    return project


def _verdicts(project: Any) -> dict[str, str]:
    status = {r["unique_id"].split(".")[2]: r["status"] for r in project.run_results().values()}
    assert set(status.values()) <= {"pass", "fail"}, status  # an error is no verdict
    return status


def _assert_built(rows: list[tuple[Any, ...]], status: dict[str, str]) -> None:
    got = {name: [row[k + 1] for row in sorted(rows)] for k, name in enumerate(COLUMNS)}
    assert got == _expected()
    # the raw values: each hole's column is flagged (a format character no longer hides one), the clean one is not
    assert {c: status[f"raw_{c}"] for c in COLUMNS} == {"digits": "fail", "format": "fail", "trunk": "fail",
                                                        "clean": "pass"}
    assert all(status[f"scrubbed_{c}"] == status[f"is_masked_{c}"] == "pass" for c in COLUMNS), status


@pytest.mark.dbt
@pytest.mark.xdist_group("dbt_parity")
def test_dbt_on_duckdb_scrubs_every_form_through_masked_columns(tmp_path: Path) -> None:
    import duckdb

    database = tmp_path / "forms.duckdb"
    con = duckdb.connect(str(database))
    con.execute(f"CREATE TABLE read_forms (id INTEGER, {', '.join(f'{c} VARCHAR' for c in COLUMNS)})")
    con.executemany(f"INSERT INTO read_forms VALUES ({', '.join('?' for _ in range(len(COLUMNS) + 1))})", _table())
    con.close()
    project = _project(tmp_path, {"type": "duckdb", "path": str(database), "threads": 1}, "main")
    status = _verdicts(project)
    con = duckdb.connect(str(database), read_only=True)
    rows = con.execute(f"SELECT id, {', '.join(COLUMNS)} FROM forms_scrubbed").fetchall()
    con.close()
    _assert_built(rows, status)


@pytest.mark.dbt
@pytest.mark.postgres
@pytest.mark.xdist_group("dbt_parity")
def test_dbt_on_postgres_scrubs_every_form_through_masked_columns(tmp_path: Path, pg_module_dsn: str) -> None:
    from urllib.parse import urlparse

    import psycopg2

    pg_dsn = pg_module_dsn  # this module's own database: the table and dbt's schema have fixed names

    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE public.read_forms (id INTEGER, {', '.join(f'{c} TEXT' for c in COLUMNS)})")
        cur.executemany(f"INSERT INTO public.read_forms VALUES ({', '.join('%s' for _ in range(len(COLUMNS) + 1))})",
                        _table())
    u = urlparse(pg_dsn)
    profile = {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
               "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": "forms_out", "threads": 1}
    project = _project(tmp_path, profile, "public")
    status = _verdicts(project)
    with conn.cursor() as cur:
        cur.execute(f"SELECT id, {', '.join(COLUMNS)} FROM forms_out.forms_scrubbed")
        rows = cur.fetchall()
    conn.close()
    _assert_built(rows, status)
