"""dbt_macros/README.md's install, as a new user copies it: its packages.yml (`local:`, with the path `maskline dbt
path` prints), its dbt_project.yml pre-hooks, its model, its column meta and its generic tests, over a source of
their own on DuckDB. `dbt deps`, `dbt build` (tests included) and `maskline dbt check` then pass, and the meta's
columns are masked: the README's snippets run as written."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from tests.dbt.dbt_harness import PACKAGE, copy_project

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

BLOCK = re.compile(r"```(?P<lang>[a-z]*)\n(?P<code>.*?)```", re.S)
RAW = [(1, "ann.lee@example.com", "219-09-9999", "call me on +1 415 555 2671 after 5"),
       (2, "bo@example.org", "078-05-1120", "no contact details here")]


def _blocks() -> list[str]:
    """The README's code blocks before its "Macros" section: install, policy, meta."""
    text = (PACKAGE / "README.md").read_text().split("\n## Macros")[0]
    return [m["code"] for m in BLOCK.finditer(text)]


def _block(first_words: str) -> str:
    found = [b for b in _blocks() if first_words in b]
    assert len(found) == 1, f"dbt_macros/README.md has {len(found)} blocks with {first_words!r}"
    return found[0]


def test_the_readme_install_builds_masks_and_checks(tmp_path) -> None:
    import duckdb

    src = tmp_path / "src"
    (src / "models").mkdir(parents=True)
    config = {"name": "readme_user", "version": "1.0", "config-version": 2, "profile": "readme_user",
              **yaml.safe_load(_block("# dbt_project.yml: load the key"))}
    (src / "dbt_project.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    model = _block("-- a model: every column of the source").strip().split("\n")[-1]
    (src / "models" / "stg_customers.sql").write_text(model + "\n")
    (src / "models" / "sources.yml").write_text("version: 2\n" + _block("sources:\n  - name: shop"))
    # The tests as the README writes them: a bare `maskline_no_pii` compiled to "'test_maskline_no_pii' is
    # undefined", and parameters beside the name are dbt 1.10's MissingArgumentsPropertyInGenericTestDeprecation.
    (src / "models" / "schema.yml").write_text("version: 2\n" + _block("# models/schema.yml: maskline's generic"))
    db = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE SCHEMA shop; CREATE TABLE shop.customers (id INTEGER, email VARCHAR, ssn VARCHAR, notes VARCHAR)")
    con.executemany("INSERT INTO shop.customers VALUES (?, ?, ?, ?)", RAW)
    con.close()
    project = copy_project(src, tmp_path / "project", "readme_user",
                           {"duckdb": {"type": "duckdb", "path": str(db), "threads": 1}}, "duckdb")
    # packages.yml as the README writes it, with the path `maskline dbt path` prints in the project.
    path = subprocess.run([sys.executable, "-m", "maskline", "dbt", "path"], cwd=project.root, env=project.env,
                          capture_output=True, text=True, check=True).stdout.strip()
    packages = _block("packages:\n  - local:")
    (project.root / "packages.yml").write_text(re.sub(r"local: \S+", f"local: {path}", packages))
    project.run("deps")
    build = project.run("build")
    # No synced policy yet: the column no meta names is redacted, and the build says so and how to fix it.
    assert "id of" in build.stdout and "no synced policy and no meta, so redacted" in build.stdout
    assert build.stdout.count(" PASS maskline_maskline_") == 3, build.stdout  # each test ran, and passed
    assert "MissingArgumentsPropertyInGenericTestDeprecation" not in build.stdout
    check = subprocess.run([sys.executable, "-m", "maskline", "dbt", "check"], cwd=project.root, env=project.env,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.sql("SELECT id, email, ssn, notes FROM main.stg_customers ORDER BY id").fetchall()
    finally:
        con.close()
    assert [r[0] for r in rows] == ["[REDACTED]", "[REDACTED]"]
    text = repr(rows)
    for _, email, ssn, _notes in RAW:
        assert email not in text and ssn not in text
    assert "+1 415 555 2671" not in text and "no contact details here" in text  # scrub keeps clean prose
    assert all(len(r[2]) == 16 for r in rows)  # US_SSN: hmac, length 16, as the meta says
