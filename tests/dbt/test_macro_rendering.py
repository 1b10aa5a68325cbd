"""The package's SQL for every adapter equals the core's, including the three engines that cannot run here.

Snowflake, BigQuery and Trino are checked by rendering the macros through dbt (on the DuckDB project) and
comparing with `mask_expression` for the same method: exact text, and equal sqlglot trees when parsed in
that dialect. This proves the package emits the core's SQL and that it parses there; it does not prove the
engines evaluate it as DuckDB, PostgreSQL and Spark do (see dbt_macros/README.md).
"""

from __future__ import annotations

import json
import re

import pytest
import sqlglot

from tests.dbt.dbt_harness import TEST_KEY, DbtProject
from tests.dbt.parity import cases

DIALECTS = ("duckdb", "postgres", "snowflake", "bigquery", "spark", "trino")
SEP = "\n<<<maskline-case>>>\n"
MARKER = re.compile(r"^\((.*)\) /\* maskline:[a-z_]+ \*/$", re.S)


def _inline(project: DbtProject, text: str, out_dir) -> str:
    proc = project.run("--quiet", "compile", "--output", "json", "--inline", text,
                       "--target-path", str(out_dir / "target"), "--log-path", str(out_dir / "logs"))
    return json.loads(proc.stdout[proc.stdout.index("{"):])["compiled"]


def _core_sql(case: dict, dialect: str) -> str:
    from sqlglot import exp

    from maskline.dialects import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression, to_sql

    literal = dialect in ("bigquery", "trino")  # engines without session variables get the key inline
    e = mask_expression(exp.column(case["column"]), method_spec(case["method"], case.get("params", {})), dialect,
                        info_type=case.get("info_type"), key_mode=KeyMode.LITERAL if literal else KeyMode.SESSION,
                        key=KeyMaterial(TEST_KEY.encode()))
    return to_sql(e, dialect)  # as the core prints it (DuckDB: built-ins as system.main.<name>)


@pytest.fixture(scope="module")
def rendered(duckdb_project: DbtProject, tmp_path_factory) -> dict:
    """Every case in every dialect, plus the package's pattern table, from one `dbt compile --inline`."""
    from maskline.dbt.generate import _jinja_value as jinja

    parts = ["{{ tojson(maskline._catalogue()['sql_patterns']) }}"]
    for dialect in DIALECTS:
        for case in cases():
            call = (f"maskline.{dialect}__mask({case['column']!r}, {case['method']!r}, "
                    f"{jinja(case.get('params', {}))}, {jinja(case.get('info_type'))})")
            parts.append("{{ " + call + " }}")
    out = _inline(duckdb_project, SEP.join(parts), tmp_path_factory.mktemp("render"))
    chunks = out.split(SEP.strip("\n"))
    chunks = [c.strip("\n") for c in chunks]
    result = {"patterns": json.loads(chunks[0])}
    i = 1
    for dialect in DIALECTS:
        for case in cases():
            result[(dialect, case["name"])] = chunks[i]
            i += 1
    return result


pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]


def test_sql_patterns_in_the_package_are_the_cores(rendered: dict) -> None:
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    assert [tuple(p) for p in rendered["patterns"]] == list(SQL_SCRUB_PATTERNS)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_method_renders_exactly_the_core_sql(rendered: dict, dialect: str) -> None:
    for case in cases():
        got = rendered[(dialect, case["name"])]
        m = MARKER.match(got)
        assert m, f"{case['name']}: no maskline marker"
        assert m.group(1) == _core_sql(case, dialect), case["name"]


@pytest.mark.parametrize("dialect", ("snowflake", "bigquery", "trino", "spark"))
def test_rendered_sql_parses_in_its_dialect_to_the_cores_tree(rendered: dict, dialect: str) -> None:
    for case in cases():
        got = sqlglot.parse_one(rendered[(dialect, case["name"])], read=dialect)
        want = sqlglot.parse_one(_core_sql(case, dialect), read=dialect)
        assert got.unnest() == want, case["name"]  # unnest drops the marker's parentheses


def test_unknown_adapters_use_the_dialect_var_and_the_key_env_var_is_honoured(duckdb_project: DbtProject, tmp_path) -> None:
    from sqlglot import exp

    from maskline.dialects import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.methods.registry import method_spec
    from maskline.sql.compile import mask_expression, to_sql

    proc = duckdb_project.run("--quiet", "compile", "--output", "json", "--vars",
                              "{maskline_dialect: trino, maskline_key_env: ANOTHER_KEY}",
                              "--inline", "{{ maskline.default__mask('email', 'hmac', {'length': 16}, none) }}",
                              "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs"),
                              env={"ANOTHER_KEY": "another-key-0123456789"})
    got = MARKER.match(json.loads(proc.stdout[proc.stdout.index("{"):])["compiled"]).group(1)
    want = to_sql(mask_expression(exp.column("email"), method_spec("hmac", {"length": 16}), "trino",
                                  key_mode=KeyMode.LITERAL, key=KeyMaterial(b"another-key-0123456789")),
                  "trino")  # as the core prints it (Trino: built-ins as system.builtin."<name>")
    assert got == want


def test_a_key_longer_than_a_hash_block_fails_closed(duckdb_project: DbtProject, tmp_path) -> None:
    long_key = "k" * 65
    # BigQuery's HMAC is built from the RFC 2104 pads, which Jinja cannot derive for keys over 64 bytes
    proc = duckdb_project.run("compile", "--inline", "{{ maskline.bigquery__mask('email', 'hmac', {}, none) }}",
                              "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs"),
                              check=False, env={"MASKLINE_KEY": long_key})
    assert proc.returncode != 0
    assert "too long: 65 bytes" in proc.stdout or "longer than 64 bytes" in proc.stdout
    assert long_key not in proc.stdout + proc.stderr


@pytest.mark.parametrize(("inline", "what", "fix"), [
    # sqlite has generated templates (the core compiles it) but no dbt adapter: it is not on the allow-list
    ("{{ maskline.default__mask('email', 'null', {}, none) }}", "no maskline SQL for dialect 'sqlite'",
     "set var maskline_dialect to one of bigquery, duckdb, postgres"),
    ("{{ maskline._generated('catalogue', 'duckdb') }}", "no generated maskline table 'catalogue'",
     "ask for one of templates, type_classes, keyed_classes"),
])
def test_an_unknown_dialect_or_generated_table_fails_closed_with_what_where_and_fix(
        duckdb_project: DbtProject, tmp_path, inline: str, what: str, fix: str) -> None:
    proc = duckdb_project.run("compile", "--vars", "{maskline_dialect: sqlite}", "--inline", inline,
                              "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs"),
                              check=False)
    assert proc.returncode != 0
    message = next(line for line in proc.stdout.splitlines() if "maskline: " in line)
    assert what in message and "(at " in message and fix in message.split("Fix: ", 1)[1]
