"""Red team of the dbt face with canary values and a canary key: nothing raw in any artefact dbt leaves.

One small DuckDB project (a seed of made-up PII, a keyed and an unkeyed model, a raw pass-through that the
package's generic tests must catch) is built once with ``--debug --store-failures`` and the key set by
``maskline.set_key()`` (no plugin, so the key goes through dbt's own query path). Each test then greps
``target/`` (compiled, run, manifest, run_results), ``logs/dbt.log``, stdout and the tables dbt created.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.dbt.dbt_harness import (
    PACKAGE,
    DbtProject,
    copy_project,
    files_under,
    install_packages,
    key_exposures,
)

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

CANARY_KEY = "rt-canary-key-5b7e2c19d4a0"
CANARIES = ("zq.canary7731@mailinator-zz.test", "Zebulon Quixfrobber", "4929 1234 5678 9011", "771-33-9146")
SEED = ("id,full_name,email,card,ssn\n"
        "1,Zebulon Quixfrobber,zq.canary7731@mailinator-zz.test,4929 1234 5678 9011,771-33-9146\n"
        "2,Zebulon Quixfrobber,zq.canary7731@mailinator-zz.test,4929 1234 5678 9011,771-33-9146\n")
MODELS = {
    "tokens": "select id, {{ maskline.mask('email', 'hmac', length=16) }} as email,"
              " {{ maskline.mask('full_name', 'fake', info_type='PERSON_NAME') }} as full_name from {{ ref('people') }}",
    "unkeyed": "select id, {{ maskline.mask('email', 'email') }} as email from {{ ref('people') }}",
    "leaky": "select * from {{ ref('people') }}",
}
SCHEMA = {"version": 2, "models": [{"name": "leaky", "columns": [
    {"name": "email", "data_tests": [
        {"maskline.maskline_no_pii": {"arguments": {"info_types": ["EMAIL"]}}},
        {"maskline.maskline_is_masked": {"arguments": {"method": "email"}}}]},
    {"name": "ssn", "data_tests": [
        {"maskline.maskline_no_pii": {"arguments": {"info_types": ["US_SSN"]}}},
        {"maskline.maskline_is_masked": {"arguments": {"method": "partial", "keep_last": 4}}}]},
    {"name": "card", "data_tests": [
        {"maskline.maskline_is_masked": {"arguments": {"method": "hmac", "length": 16}}}]}]}]}


def _needles(key: str) -> list[bytes]:
    """The key's derived material as the package would write it: hex of the key and of its HMAC pads."""
    from maskline.keys import KeyMaterial

    km = KeyMaterial(key.encode())
    return [key.encode().hex().encode(), km.inner_pad().hex().encode(), km.outer_pad().hex().encode()]


def _holding(root: Path, needles: list[bytes]) -> list[str]:
    return [str(p.relative_to(root)) for p in files_under(root) if any(n in p.read_bytes() for n in needles)]


def _tables(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        names = con.execute("select table_schema, table_name from information_schema.tables").fetchall()
        return {f"{s}.{t}": con.execute(f'select * from "{s}"."{t}"').fetchall() for s, t in names}
    finally:
        con.close()


def _write_project(src: Path, models: dict[str, str], schema: dict | None) -> Path:
    (src / "seeds").mkdir()
    (src / "models").mkdir()
    (src / "seeds" / "people.csv").write_text(SEED)
    (src / "seeds" / "people.yml").write_text(yaml.safe_dump({"version": 2, "seeds": [{"name": "people", "config": {
        "column_types": {"id": "integer", "full_name": "text", "email": "text", "card": "text", "ssn": "text"}}}]}))
    for name, sql in models.items():
        (src / "models" / f"{name}.sql").write_text(sql)
    if schema:
        (src / "models" / "schema.yml").write_text(yaml.safe_dump(schema, sort_keys=False))
    (src / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "canary", "version": "1.0", "config-version": 2, "profile": "canary",
        "models": {"canary": {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}},
        "vars": {"maskline_unclassified": "pass"}}))
    return src


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    src = _write_project(tmp_path_factory.mktemp("canary_src"), MODELS, SCHEMA)
    root = tmp_path_factory.mktemp("canary") / "project"
    outputs = {"duckdb": {"type": "duckdb", "path": str(root.parent / "canary.duckdb"), "threads": 1}}
    project = copy_project(src, root, "canary", outputs, "duckdb", env_extra={"MASKLINE_KEY": CANARY_KEY})
    assert (root / "packages.yml").read_text().count(str(PACKAGE)) == 1
    install_packages(project)
    project.build = project.run("--debug", "build", "--store-failures", check=False)  # type: ignore[attr-defined]
    return project


def test_the_canary_build_masks_and_its_tests_catch_the_raw_model(canary: DbtProject) -> None:
    """Control: the canaries were really read, and the tests on the raw model failed on them."""
    results = {uid.rsplit(".", 1)[-1] if uid.startswith("model") else uid: r for uid, r in canary.run_results().items()}
    assert results["tokens"]["status"] == "success" and results["unkeyed"]["status"] == "success"
    failed = [r for uid, r in results.items() if uid.startswith("test.") and r["status"] == "fail"]
    assert len(failed) == 5 and all((r["failures"] or 0) > 0 for r in failed)
    tables = _tables(canary.root.parent / "canary.duckdb")
    assert any(CANARIES[0] in str(rows) for rows in tables.values())  # the raw seed and model hold them


def test_no_artefact_holds_the_key_or_its_pads_after_a_debug_build(canary: DbtProject) -> None:
    assert key_exposures(canary.root, CANARY_KEY) == []
    assert CANARY_KEY not in canary.build.stdout + canary.build.stderr  # type: ignore[attr-defined]
    # Control: the scan finds the pads where they are.
    (canary.root / "logs" / "planted.txt").write_bytes(_needles(CANARY_KEY)[1])
    try:
        assert key_exposures(canary.root, CANARY_KEY) == ["logs/planted.txt"]
    finally:
        (canary.root / "logs" / "planted.txt").unlink()


def test_failing_tests_store_and_print_counts_never_the_canaries(canary: DbtProject) -> None:
    out = canary.build.stdout + canary.build.stderr  # type: ignore[attr-defined]
    artefacts = [p for p in files_under(canary.root / "target") if p.suffix in (".json", ".sql")]
    artefacts.append(canary.root / "logs" / "dbt.log")
    compiled_tests = [p for p in files_under(canary.root / "target" / "compiled") if "maskline_" in p.name]
    assert compiled_tests  # the tests were compiled where this looks
    for raw in CANARIES:
        assert raw not in out
        assert [str(p) for p in artefacts if raw in p.read_text(errors="replace")] == []
    audit = {name: rows for name, rows in _tables(canary.root.parent / "canary.duckdb").items()
             if "dbt_test__audit" in name}
    assert len(audit) == 5  # --store-failures stored every failing test
    for name, rows in audit.items():
        # structure only: counts, and for maskline_no_pii the info type's name
        assert rows and all(isinstance(v, int) or (isinstance(v, str) and v.isupper()) for row in rows for v in row), name
        assert not any(raw in str(rows) for raw in CANARIES), name


def test_a_key_given_as_a_var_is_refused_before_any_key_material_is_derived(canary: DbtProject, tmp_path) -> None:
    var_key = "rt-var-canary-key-81c3f0"
    proc = canary.run("--debug", "run", "--vars", json.dumps({"maskline_key": var_key}),
                      "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs"),
                      check=False, env={"MASKLINE_KEY": ""})
    assert proc.returncode != 0
    results = canary.run_results(str(tmp_path / "target"))
    for name in ("tokens", "unkeyed"):  # a project-wide pre-hook refuses it even where no keyed method is used
        r = results[f"model.canary.{name}"]
        assert r["status"] == "error"
        assert "var maskline_key" in r["message"] and "export MASKLINE_KEY=" in r["message"]
        assert var_key not in r["message"]
    assert _holding(tmp_path, _needles(var_key)) == []
    assert _needles(var_key)[0].decode() not in proc.stdout
    # Control: dbt itself copies the var into run_results.json's args, which is why the package refuses it.
    args = json.loads((tmp_path / "target" / "run_results.json").read_text())["args"]
    assert var_key in json.dumps(args)


def test_suggest_and_check_on_the_canary_project_print_no_value(canary: DbtProject, capsys) -> None:
    from maskline.cli.main import main

    db = canary.root.parent / "canary.duckdb"
    main(["dbt", "suggest", "--project-dir", str(canary.root), "--connect", f"duckdb:///{db}"])
    suggested = capsys.readouterr()
    main(["dbt", "check", "--project-dir", str(canary.root), "--classify", "--connect", f"duckdb:///{db}"])
    checked = capsys.readouterr()
    assert "EMAIL" in suggested.out  # suggest classified the canary seed
    assert "leaky" in checked.out + checked.err  # check named the raw pass-through
    for raw in CANARIES:
        assert raw not in suggested.out + suggested.err + checked.out + checked.err


# generalize on text that holds no date or number: PostgreSQL quotes the value of a failed cast in its error.
GENERALIZE_MODELS = {
    "bucketed": "select id, {{ maskline.mask('full_name', 'generalize', bucket=10) }} as full_name from {{ ref('people') }}",
    "by_month": "select id, {{ maskline.mask('email', 'generalize', to='month') }} as email from {{ ref('people') }}",
    "by_day": "select id, {{ maskline.mask('ssn', 'generalize', to='day') }} as ssn from {{ ref('people') }}",
    # a keyed model, so set_key() sends the key through dbt-postgres's own query path under --debug
    "tokens": MODELS["tokens"],
    # the control: a plain cast of the same text, as the generalize SQL was before it guarded its casts
    "plain_cast": "select cast(email as date) as email from {{ ref('people') }}",
}


def test_postgres_generalize_of_text_never_fails_on_a_value_and_set_key_logs_no_key(
        tmp_path_factory: pytest.TempPathFactory, pg_dsn: str) -> None:
    from urllib.parse import urlparse

    import psycopg2

    u = urlparse(pg_dsn)
    src = _write_project(tmp_path_factory.mktemp("canary_pg_src"), GENERALIZE_MODELS, None)
    outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                            "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": "canary",
                            "threads": 1}}
    project = copy_project(src, tmp_path_factory.mktemp("canary_pg") / "project", "canary", outputs, "postgres",
                           env_extra={"MASKLINE_KEY": CANARY_KEY})
    install_packages(project)
    build = project.run("--debug", "build", "--exclude", "plain_cast", check=False)
    results = project.run_results()
    for name in ("bucketed", "by_month", "by_day", "tokens"):
        assert results[f"model.canary.{name}"]["status"] == "success", results[f"model.canary.{name}"]["message"]
    assert key_exposures(project.root, CANARY_KEY) == []  # set_config's bindings are not in the debug log
    artefacts = [*files_under(project.root / "target"), project.root / "logs" / "dbt.log"]
    for raw in CANARIES:
        assert raw not in build.stdout + build.stderr
        assert [str(p) for p in artefacts if raw in p.read_text(errors="replace")] == []
    with psycopg2.connect(pg_dsn) as con, con.cursor() as cur:
        for name, column in (("bucketed", "full_name"), ("by_month", "email"), ("by_day", "ssn")):
            cur.execute(f"select count(*), count({column}) from canary.{name}")
            assert cur.fetchone() == (2, 0), name  # not a number or a date: NULL, never the value
    # Control: the plain cast of the same text fails with the raw value in dbt's artefacts.
    control = project.run("run", "-s", "plain_cast", check=False)
    assert control.returncode != 0
    assert CANARIES[0] in project.run_results()["model.canary.plain_cast"]["message"]
