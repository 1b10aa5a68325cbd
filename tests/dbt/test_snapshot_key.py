"""A snapshot whose select uses a keyed method gets the key from the `snapshots: +pre-hook` the package README
shows: the project-wide `models:` pre-hook does not run for snapshots (DuckDB without maskline's plugin, as a
project that loads the key with set_key() only)."""

from __future__ import annotations

import pytest

from tests.dbt.fresh_project import fresh_project, table

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

FILES = {
    "seeds/raw_people.csv": "id,email\n1,alice@example.com\n2,bob@example.org\n",
    "snapshots/people_snap.sql": "{% snapshot people_snap %}\n"
                                 "{{ config(unique_key='id', strategy='check', check_cols='all') }}\n"
                                 "select id, {{ maskline.mask('email', 'hmac') }} as email from {{ ref('raw_people') }}\n"
                                 "{% endsnapshot %}\n",
}


def test_the_snapshot_pre_hook_loads_the_key_and_the_snapshot_holds_tokens(tmp_path_factory) -> None:
    project = fresh_project(tmp_path_factory.mktemp("dbt_snap_key") / "project", FILES, plugin=False,
                            snapshot_pre_hook=True)
    project.run("build")
    emails = [row[1] for row in table(project, "people_snap")]
    assert len(emails) == 2 and all(len(e) == 64 and "@" not in e for e in emails)


def test_without_it_the_snapshot_stops_naming_the_pre_hook_and_writes_nothing(tmp_path_factory) -> None:
    project = fresh_project(tmp_path_factory.mktemp("dbt_snap_nokey") / "project", FILES, plugin=False)
    proc = project.run("build", check=False)
    assert proc.returncode != 0
    assert "no masking key in this session" in proc.stdout and "set_key() pre-hook" in proc.stdout
    import duckdb

    con = duckdb.connect(str(project.root.parent / "fresh.duckdb"), read_only=True)
    try:
        assert not con.sql("select * from information_schema.tables where table_name = 'people_snap'").fetchall()
    finally:
        con.close()
