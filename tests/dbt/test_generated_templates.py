"""The package's generated SQL templates are the core's (no dbt needed: this runs in the fast tier)."""

from __future__ import annotations

import pytest

# Both compile the whole generated macro file (cached per process): one worker, one compile (tests/xdist_groups.py
# adds the doctests of maskline.dbt.generate that compile it too).
pytestmark = pytest.mark.xdist_group("dbt_generate")


def test_generated_macro_file_matches_what_the_core_compiles_now() -> None:
    from maskline.dbt.generate import GENERATED, render_file

    assert GENERATED.read_text(encoding="utf-8") == render_file(), "run python -m maskline.dbt.generate"


def test_generate_check_exits_non_zero_when_the_file_is_stale(tmp_path, monkeypatch, capsys) -> None:
    from maskline.dbt import generate

    stale = tmp_path / "maskline_templates.sql"
    stale.write_text("{# old #}\n")
    monkeypatch.setattr(generate, "GENERATED", stale)
    assert generate.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert generate.main([]) == 0 and generate.main(["--check"]) == 0


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "snowflake", "bigquery", "spark", "trino"])
def test_templates_hold_no_key_and_no_baked_in_parameter(dialect: str) -> None:
    from maskline.dbt.generate import INT_SENTINELS, templates_for

    for name, sql in templates_for(dialect).items():
        assert "\u01c2" not in sql and "\u01c3" not in sql, name
        assert not any(str(v) in sql for v in INT_SENTINELS), name
        if name.startswith(("hash", "hmac", "fake")):
            assert "__ml_key_" in sql, name  # keys are references the macros fill, never values


def test_the_scrub_pattern_table_in_the_package_is_the_cores() -> None:
    from maskline.dbt.generate import catalogue
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    assert [tuple(p) for p in catalogue()["sql_patterns"]] == list(SQL_SCRUB_PATTERNS)
