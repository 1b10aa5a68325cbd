"""maskline's dbt tests on DuckDB call the built-ins by their catalog name, so a macro of the database cannot make
them pass.

``COUNT(*)`` is, to DuckDB, a call of ``count_star`` looked up by name: ``CREATE MACRO count_star() AS 0`` in the
project's database turned every count of failing rows into zeros, and ``maskline_no_pii`` / ``maskline_is_masked``
passed on a column of raw e-mail addresses. The package writes ``system.main.count_star()`` and
``system.main.sum(...)`` on DuckDB (``maskline._count_rows``), which no macro of any catalog can stand in for.
Real dbt, real DuckDB; the control runs the same tests without the macro, and the macro on the engine itself.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from tests.dbt.dbt_harness import DbtProject
from tests.dbt.fresh_project import fresh_project

CSV = "id,email\n1,quillon.vexmarra@harbourpost.example\n2,ada.vell@harbourpost.example\n"
TESTS = [{"maskline.maskline_no_pii": {"info_types": ["EMAIL"]}}, {"maskline.maskline_is_masked": {"method": "null"}}]
SCHEMA = {"version": 2, "seeds": [{"name": "raw_people", "columns": [{"name": "email", "data_tests": TESTS}]}]}
MACROS = ["CREATE MACRO count_star() AS 0", "CREATE MACRO count(x) AS 0"]


def _project(root: Path, macros: list[str]) -> DbtProject:
    database = root.parent / "fresh.duckdb"
    con = duckdb.connect(str(database))  # the user's database, holding the macros before dbt ever runs
    try:
        for statement in macros:
            con.execute(statement)
    finally:
        con.close()
    project = fresh_project(root, {"seeds/raw_people.csv": CSV, "seeds/schema.yml": yaml.safe_dump(SCHEMA)},
                            plugin=False)
    project.run("seed")
    return project


def _failures(project: DbtProject) -> dict[str, int]:
    project.run("test", check=False)
    return {uid.split(".")[2]: r.get("failures") or 0 for uid, r in project.run_results().items()
            if r["status"] in ("fail", "pass")}


@pytest.mark.parametrize("macros", [MACROS, []], ids=["count macros in the database", "control: no macro"])
def test_generic_tests_find_raw_emails_whatever_macros_the_database_holds(tmp_path: Path, macros: list[str]) -> None:
    project = _project(tmp_path / "project", macros)
    failures = _failures(project)
    assert sorted(failures) == sorted(["maskline_maskline_is_masked_raw_people_email__null",
                                       "maskline_maskline_no_pii_raw_people_email__EMAIL"]), failures
    assert all(n == 2 for n in failures.values()), failures  # both rows hold a raw address


def test_the_macro_does_count_zero_when_called_by_name(tmp_path: Path) -> None:
    """Control: the attack is real on the engine: COUNT(*) binds the database's macro, the pinned call does not."""
    con = duckdb.connect(str(tmp_path / "db.duckdb"))
    try:
        con.execute("CREATE TABLE t AS SELECT 1 AS x UNION ALL SELECT 2")
        for statement in MACROS:
            con.execute(statement)
        assert con.execute("SELECT sum(n) FROM (SELECT COUNT(*) AS n FROM t WHERE x > 0)").fetchone() == (0,)
        assert con.execute("SELECT system.main.count_star() FROM t WHERE x > 0").fetchone() == (2,)
    finally:
        con.close()
