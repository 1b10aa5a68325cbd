"""The package computes the key derivation the core does: vars.maskline_key_derivation (or a synced policy's
key.derivation) picks the templates of every keyed method on every adapter, and a derivation the package does
not know stops the compile. The synced-policy path runs end to end in tests/samepolicy (derivation 2)."""

from __future__ import annotations

import json
import re

import pytest

from tests.dbt.dbt_harness import TEST_KEY, DbtProject

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
DIALECTS = ("duckdb", "postgres", "snowflake", "bigquery", "spark", "trino")
CASES = (("hash", {}, None), ("hash", {"length": 16}, None), ("hmac", {"length": 16}, None),
         ("fake", {}, "PERSON_NAME"), ("fake", {"kind": "email"}, None))
SEP = "\n<<<maskline-case>>>\n"
MARKER = re.compile(r"^\((.*)\) /\* maskline:[a-z_]+ \*/$", re.S)


def _core_sql(method: str, params: dict, info_type: str | None, dialect: str, derivation: int) -> str:
    from sqlglot import exp

    from maskline.dialects import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.methods.registry import method_spec
    from maskline.policy import with_derivation
    from maskline.sql.compile import mask_expression, to_sql

    literal = dialect in ("bigquery", "trino")  # engines without session variables get the key inline
    spec = with_derivation(method_spec(method, params), derivation)
    return to_sql(mask_expression(exp.column("v"), spec, dialect, info_type=info_type,
                                  key_mode=KeyMode.LITERAL if literal else KeyMode.SESSION,
                                  key=KeyMaterial(TEST_KEY.encode())), dialect)  # as the core prints it


def _compile(project: DbtProject, tmp_path, text: str, derivation: object | None, check: bool = True):
    args = ["--quiet", "compile", "--output", "json", "--inline", text, "--target-path", str(tmp_path / "target"),
            "--log-path", str(tmp_path / "logs")]
    if derivation is not None:
        args[2:2] = ["--vars", json.dumps({"maskline_key_derivation": derivation})]
    return project.run(*args, check=check)


@pytest.mark.parametrize("derivation", [None, 1, 2])
def test_every_adapter_renders_the_cores_sql_of_the_derivation(duckdb_project: DbtProject, tmp_path,
                                                               derivation: int | None) -> None:
    from maskline.dbt.generate import _jinja_value as jinja

    calls = [f"{{{{ maskline.{d}__mask('v', {m!r}, {jinja(p)}, {jinja(it)}) }}}}"
             for d in DIALECTS for m, p, it in CASES]
    proc = _compile(duckdb_project, tmp_path, SEP.join(calls), derivation)
    chunks = [c.strip("\n") for c in json.loads(proc.stdout[proc.stdout.index("{"):])["compiled"].split(SEP.strip("\n"))]
    want_derivation = 1 if derivation is None else derivation  # no var and no synced policy: the tokens of old
    i = 0
    for d in DIALECTS:
        for m, p, it in CASES:
            got = MARKER.match(chunks[i])
            assert got, (d, m, p)
            assert got.group(1) == _core_sql(m, p, it, d, want_derivation), (d, m, p, derivation)
            if m != "hmac":  # control: the other derivation's SQL differs, so the comparison above can fail
                assert got.group(1) != _core_sql(m, p, it, d, 3 - want_derivation), (d, m, p)
            i += 1


@pytest.mark.parametrize("bad", [3, "2"])
def test_an_unknown_derivation_stops_the_compile_naming_where_and_the_fix(duckdb_project: DbtProject, tmp_path,
                                                                          bad: object) -> None:
    proc = _compile(duckdb_project, tmp_path, "{{ maskline.duckdb__mask('v', 'hash', {}, none) }}", bad, check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "unknown key derivation" in out and "vars.maskline_key_derivation" in out and "derivation: 2" in out


@pytest.fixture(scope="module")
def unsynced(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    from tests.dbt.dbt_harness import unsynced_project

    return unsynced_project(tmp_path_factory.mktemp("dbt_derivation") / "project")


def test_a_synced_policy_decides_and_a_contradicting_var_stops_the_compile(unsynced: DbtProject, tmp_path) -> None:
    from maskline.dbt.sync import sync
    from tests.dbt.dbt_harness import synced_policy

    call = "{{ maskline.duckdb__mask('v', 'hash', {}, none) }}"
    with synced_policy(unsynced, "version: 1\nkey: {env: MASKLINE_KEY, derivation: 2}\nunclassified: mask\n") as root:
        sync(root)
        proc = _compile(unsynced, tmp_path / "a", call, None)
        got = MARKER.match(json.loads(proc.stdout[proc.stdout.index("{"):])["compiled"]).group(1)
        assert got == _core_sql("hash", {}, None, "duckdb", 2)  # the policy's derivation, with no var
        agreeing = _compile(unsynced, tmp_path / "b", call, 2)  # control: a var that agrees is fine
        contradicting = _compile(unsynced, tmp_path / "c", call, 1, check=False)
    assert agreeing.returncode == 0
    assert contradicting.returncode != 0
    message = re.sub(r"\s+", " ", contradicting.stdout + contradicting.stderr)
    assert "vars.maskline_key_derivation is 1, but the synced policy policy.yml says key.derivation: 2" in message
