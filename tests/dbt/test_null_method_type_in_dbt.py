"""The dbt ``null`` method spells no value in the built column's type, as the core's does (``value_free_type``).

``CAST(NULL AS <the column's type>)`` keeps the type, and DuckDB's ``ENUM('Ann Smith', 'Bob Jones')`` is a type
that lists every value the column may hold: ``typeof()`` of the masked column read them all back. Real dbt on
DuckDB; the control shows the source's type does spell the names, so the test is not trivially true.
"""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject, synced_policy, unsynced_project

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
NAMES = ("Ann Smith", "Bob Jones")
POLICY = ('version: 1\nunclassified: pass\ndatasets:\n  people:\n    columns:\n'
          '      who: {method: "null"}\n      born: {method: "null"}\n      n: {method: "null"}\n')


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    project = unsynced_project(tmp_path_factory.mktemp("dbt_null_type") / "project")
    labels = ", ".join(f"'{n}'" for n in NAMES)
    (project.root / "models" / "people.sql").write_text(
        f"select cast(who as enum({labels})) as who, cast(born as date) as born, cast(n as decimal(9, 2)) as n "
        f"from (values ('Ann Smith', '1980-01-02', 1.5), ('Bob Jones', '1990-03-04', 2.25)) t(who, born, n)\n")
    (project.root / "models" / "people_masked.sql").write_text(
        "select {{ maskline.masked_columns(ref('people')) }} from {{ ref('people') }}\n")
    with synced_policy(project, POLICY) as root:
        from maskline.dbt.sync import sync

        sync(root)
        project.run("build", "--select", "people", "people_masked")
    return project


def _types(project: DbtProject, table: str) -> dict[str, str]:
    import duckdb

    con = duckdb.connect(str(project.root.parent / "u.duckdb"), read_only=True)
    try:
        row = con.execute(f"select typeof(who), typeof(born), typeof(n), who, born, n from {table} limit 1").fetchone()
    finally:
        con.close()
    assert row is not None
    return {"who": row[0], "born": row[1], "n": row[2], "values": row[3:]}


def test_a_null_masked_enum_column_spells_no_label(project: DbtProject) -> None:
    masked = _types(project, "people_masked")
    assert not any(name.lower() in masked["who"].lower() for name in NAMES)
    assert masked["values"] == (None, None, None)


def test_control_the_source_type_spells_every_label_and_value_free_types_are_kept(project: DbtProject) -> None:
    assert all(name in _types(project, "people")["who"] for name in NAMES)
    masked = _types(project, "people_masked")
    assert (masked["born"], masked["n"]) == ("DATE", "DECIMAL(9,2)")  # types that spell no value are kept
