"""In dbt, a keyed method whose session holds no key raises; it never evaluates to NULL or an unkeyed hash.

A tiny project of its own (no maskline dbt-duckdb plugin, so the key reaches a session only through the
``maskline.set_key()`` pre-hook): a view built with the pre-hook and read later from a fresh session, and a table
model built without the pre-hook, on DuckDB and PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.dbt.dbt_harness import TEST_KEY, DbtProject, copy_project, install_packages

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

MESSAGE = "maskline: no masking key in this session"
RAW = "ann@example.com"


def _project_source(root: Path) -> Path:
    src = root / "src"
    (src / "models").mkdir(parents=True)
    (src / "seeds").mkdir()
    (src / "seeds" / "people.csv").write_text(f"id,email\n1,{RAW}\n2,bo@example.org\n")
    (src / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "maskline_key_guard", "version": "0.1.0", "config-version": 2, "profile": "maskline_key_guard",
        "model-paths": ["models"], "seed-paths": ["seeds"],
    }))
    keyed = "select id, {{ maskline.mask('email', 'hmac') }} as email from {{ ref('people') }}"
    hook = "{{ maskline.set_key() }}"
    (src / "models" / "keyed_view.sql").write_text(
        "{{ config(materialized='view', pre_hook=[\"" + hook + "\"]) }}\n" + keyed + "\n")
    # Trino's SQL (the key a literal in it) compiled in a view: rendered on this DuckDB project, as
    # test_macro_rendering renders the engines that cannot run here.
    (src / "models" / "literal_key_view.sql").write_text(
        "{{ config(materialized='view') }}\nselect id, {{ maskline.trino__mask('email', 'hmac', {}, 'EMAIL') }} as email "
        "from {{ ref('people') }}\n")
    # No pre-hook (dbt adds model hooks to project hooks, so the project sets none): no key in its session.
    (src / "models" / "no_prehook.sql").write_text("{{ config(materialized='table') }}\n" + keyed + "\n")
    return src


def _build(project: DbtProject) -> None:
    install_packages(project)
    project.run("seed")
    # The pre-hook loads the key in this session; the build passes, and says the view's readers will need it too.
    project.keyed_view_run = project.run("run", "--select", "keyed_view")  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def duckdb_guard_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[DbtProject, Path]:
    base = tmp_path_factory.mktemp("dbt_key_guard_duckdb")
    db = base / "guard.duckdb"
    outputs = {"duckdb": {"type": "duckdb", "path": str(db), "threads": 1}}
    project = copy_project(_project_source(base), base / "project", "maskline_key_guard", outputs, "duckdb")
    _build(project)
    return project, db


def test_a_duckdb_view_read_later_without_the_key_raises(duckdb_guard_project) -> None:
    import duckdb

    _, db = duckdb_guard_project
    con = duckdb.connect(str(db), read_only=True)
    try:
        # Not trivially true: this session really holds no key (GETVARIABLE is NULL, so an unguarded
        # expression would hash with an empty key or return NULL).
        assert con.execute("SELECT GETVARIABLE('maskline_ipad') IS NULL").fetchall() == [(True,)]
        with pytest.raises(duckdb.Error) as e:
            con.sql("SELECT email FROM main.keyed_view").fetchall()
        assert MESSAGE in str(e.value) and RAW not in str(e.value)
        # With the key loaded, the same view gives tokens.
        from maskline.keys import KeyMaterial
        from maskline.sql.session import apply_key_setup
        from tests.dbt.dbt_harness import TEST_KEY

        apply_key_setup(con, "duckdb", KeyMaterial(TEST_KEY.encode()))
        tokens = [r[0] for r in con.sql("SELECT email FROM main.keyed_view ORDER BY id").fetchall()]
        assert all(t and len(t) == 64 for t in tokens)
    finally:
        con.close()


def test_building_a_duckdb_keyed_view_warns_that_its_readers_need_the_key(duckdb_guard_project) -> None:
    # The build of a view passes (set_key() ran in dbt's session), and every later reader fails: said at compile
    # time, naming the model, the column and the fix, where a new user's role-aware view would otherwise surprise.
    out = duckdb_guard_project[0].keyed_view_run.stdout
    assert ("maskline: a keyed method in a view is computed when the view is read, so it fails for every reader "
            "whose session holds no key") in out
    assert "(at model.maskline_key_guard.keyed_view, column email). Fix: mask the column with an unkeyed method" in out
    assert out.count("a keyed method in a view") == 1 and RAW not in out


def test_a_view_whose_definition_would_hold_the_key_does_not_compile(duckdb_guard_project) -> None:
    # Where the key is a literal in the SQL (Trino, BigQuery), a view's stored definition would hold it: refused at
    # compile time, naming model, column and fix, with neither the key nor a value in dbt's output.
    project, _ = duckdb_guard_project
    proc = project.run("compile", "--select", "literal_key_view", check=False)
    assert proc.returncode != 0, proc.stdout[-2000:]
    out = proc.stdout
    assert "maskline: a keyed method in a view would write the masking key into the view's definition" in out
    assert "(at model.maskline_key_guard.literal_key_view, column email). Fix: mask the column with an unkeyed" in out
    assert TEST_KEY not in out and RAW not in out
    # The control: the same column in a table compiles, its key a literal in the compiled SQL (what the view's
    # definition would have kept).
    (project.root / "models" / "literal_key_view.sql").write_text(
        (project.root / "models" / "literal_key_view.sql").read_text().replace("'view'", "'table'"))
    try:
        table = project.run("compile", "--select", "literal_key_view")
        assert table.returncode == 0
    finally:
        (project.root / "models" / "literal_key_view.sql").write_text(
            (project.root / "models" / "literal_key_view.sql").read_text().replace("'table'", "'view'"))


def test_a_duckdb_model_without_the_pre_hook_fails_the_build(duckdb_guard_project) -> None:
    project, _ = duckdb_guard_project
    proc = project.run("run", "--select", "no_prehook", check=False)
    assert proc.returncode != 0, proc.stdout[-2000:]
    assert MESSAGE in proc.stdout
    assert RAW not in proc.stdout


def test_a_postgres_view_read_later_without_the_key_raises(tmp_path_factory, pg_dsn) -> None:
    from urllib.parse import urlparse

    import psycopg2

    u = urlparse(pg_dsn)
    base = tmp_path_factory.mktemp("dbt_key_guard_postgres")
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": "key_guard",
                            "threads": 1}}
    project = copy_project(_project_source(base), base / "project", "maskline_key_guard", outputs, "postgres")
    _build(project)
    conn = psycopg2.connect(pg_dsn)
    try:
        with conn.cursor() as cur:
            # A session that set the key once and then lost it reads '' (not an error) from current_setting:
            # the case that used to hash with an empty key.
            cur.execute("SELECT set_config('maskline.ipad', '', false), set_config('maskline.opad', '', false)")
            with pytest.raises(psycopg2.Error) as e:
                cur.execute("SELECT email FROM key_guard.keyed_view")
            assert MESSAGE in str(e.value) and RAW not in str(e.value)
        conn.rollback()
        with conn.cursor() as cur:  # a fresh session that never set it
            cur.execute("RESET ALL")
            with pytest.raises(psycopg2.Error) as e:
                cur.execute("SELECT email FROM key_guard.keyed_view")
            assert MESSAGE in str(e.value)
    finally:
        conn.close()
    proc = project.run("run", "--select", "no_prehook", check=False)
    assert proc.returncode != 0 and MESSAGE in proc.stdout
