"""The dbt package checks method parameters from the generated catalogue, with the core's own messages.

``_method_spec`` holds no method-specific rule: each case below is rejected by the Jinja because the
method's definition (maskline.methods) declares the limit, and the message is the core's.
"""

from __future__ import annotations

import json

import pytest

from maskline.errors import PolicyError
from maskline.methods.registry import method_spec
from tests.dbt.dbt_harness import INTEGRATION, DbtProject, copy_project, install_packages

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    root = tmp_path_factory.mktemp("dbt_rules") / "project"
    outputs = {"duckdb": {"type": "duckdb", "path": str(root.parent / "rules.duckdb"), "threads": 1}}
    p = copy_project(INTEGRATION, root, "maskline_integration_tests", outputs, "duckdb")
    install_packages(p)
    return p


def _jinja(project: DbtProject, method: str, params: dict) -> tuple[int, str]:
    call = "{{ tojson(maskline._method_spec(" + json.dumps(method) + ", fromjson('" + json.dumps(params) + "'), 'here')) }}"
    proc = project.run("--quiet", "compile", "--output", "json", "--inline", call, check=False)
    return proc.returncode, proc.stdout + proc.stderr


# One case per kind of declared rule: maximum, exact length, exactly-one, enum, type, list choices.
@pytest.mark.parametrize(("method", "params"), [
    ("hmac", {"length": 3}),
    ("partial", {"mask_char": "**"}),
    ("generalize", {}),
    ("fake", {"kind": "planet"}),
    ("char_mask", {"keep_separators": "no"}),
    ("scrub", {"info_types": ["NOT_A_TYPE"]}),
])
def test_jinja_rejects_what_the_core_rejects_with_the_same_message(project: DbtProject, method, params) -> None:
    with pytest.raises(PolicyError) as core:
        method_spec(method, params, where="here")
    code, out = _jinja(project, method, params)
    assert code != 0
    assert f"maskline: {core.value.what} (at here)" in out
    if method != "scrub":  # the core suggests the closest name; the macros list the valid ones
        assert f"Fix: {core.value.fix}" in out


def test_jinja_accepts_valid_parameters_and_fills_the_defaults(project: DbtProject) -> None:
    code, out = _jinja(project, "partial", {"keep_last": 4})
    assert code == 0, out
    compiled = json.loads(out[out.index("{"):])["compiled"]
    assert json.loads(compiled) == {"keep_first": 0, "keep_last": 4, "mask_char": "*"}
