"""The macros read column meta exactly as the core's one reader (maskline/dbt/meta.py) does.

Each case is rendered through real dbt (``maskline._column_spec``, what ``masked_columns`` calls) and read by
:func:`maskline.dbt.meta.read_column_meta`; both must give the same method, parameters and info type, with
and without a synced policy (whose ``methods:`` and custom ``info_types:`` change what an info type maps to).
Meta that one of them refuses, the other refuses too.
"""

from __future__ import annotations

import json
import warnings

import pytest
import yaml

from tests.dbt.dbt_harness import INTEGRATION, DbtProject

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

POLICY = {
    "version": 1,
    "methods": {"EMAIL": {"method": "hmac", "length": 16}, "PHONE": {"method": "partial", "keep_last": 2}},
    "info_types": {"EMPLOYEE_ID": {"category": "identifier", "pattern": "^EMP-[0-9]{5}$",
                                   "method": {"method": "hash", "length": 20}}},
}
CASES = [
    {"info_type": "EMAIL"},
    {"info_type": "PHONE"},
    {"info_type": "EMPLOYEE_ID"},  # a custom info type: only with the policy
    {"info_type": "US_SSN", "method": {"method": "partial", "keep_last": 4, "mask_char": "#"}},
    {"method": "redact"},
    {"method": {"method": "generalize", "to": "year"}},
    {"info_type": "IBAN", "method": {"method": "hmac", "length": 16}},
    # deprecated spellings, still read the same way for one release
    {"info_type": "IBAN", "method": "hmac", "length": 16},
    {"method": "partial", "params": {"keep_first": 2}},
    {"info_type": "CREDIT_CARD", "keep_last": 2},
    "char_mask",
]


def _render(project: DbtProject, calls: list[str], out_dir) -> list[dict]:
    text = "[" + ", ".join("{{ tojson(" + c + ") }}" for c in calls) + "]"
    proc = project.run("--quiet", "compile", "--output", "json", "--inline", text,
                       "--target-path", str(out_dir / "target"), "--log-path", str(out_dir / "logs"))
    return json.loads(json.loads(proc.stdout[proc.stdout.index("{"):])["compiled"])


@pytest.fixture(scope="module")
def rendered(duckdb_project: DbtProject, tmp_path_factory) -> dict[str, list[dict]]:
    from maskline.dbt.sync import resolve
    from maskline.policy import load_policy

    synced = json.dumps(resolve(load_policy(POLICY), None))
    without = [f"maskline._column_spec(fromjson({json.dumps(json.dumps(c))}), 'm.c', none)"
               for c in CASES if not (isinstance(c, dict) and c.get("info_type") == "EMPLOYEE_ID")]
    with_policy = [f"maskline._column_spec(fromjson({json.dumps(json.dumps(c))}), 'm.c', fromjson({json.dumps(synced)}))"
                   for c in CASES]
    out = _render(duckdb_project, without + with_policy, tmp_path_factory.mktemp("meta"))
    return {"without": out[:len(without)], "with": out[len(without):]}


def _agree(jinja: dict, meta, policy) -> None:
    from maskline.dbt.meta import read_column_meta
    from maskline.methods.registry import method_spec

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        python = read_column_meta(meta, "m.c", policy)
    assert (jinja["info_type"], method_spec(jinja["method"], jinja["params"])) == (python.info_type, python.method), meta


def test_macros_read_meta_as_the_core_without_a_policy(rendered) -> None:
    cases = [c for c in CASES if not (isinstance(c, dict) and c.get("info_type") == "EMPLOYEE_ID")]
    for jinja, meta in zip(rendered["without"], cases, strict=True):
        _agree(jinja, meta, None)


def test_macros_read_meta_as_the_core_under_the_synced_policy(rendered) -> None:
    from maskline.policy import load_policy

    policy = load_policy(POLICY)
    for jinja, meta in zip(rendered["with"], CASES, strict=True):
        _agree(jinja, meta, policy)
    # The policy changed the answer (not trivially equal to the catalogue defaults):
    assert rendered["with"][0]["method"] == "hmac" and rendered["without"][0]["method"] == "email"


def test_deprecated_spellings_warn_in_python() -> None:
    from maskline.dbt.meta import read_column_meta

    for meta in CASES[7:]:
        with pytest.warns(DeprecationWarning, match="the policy's spelling"):
            read_column_meta(meta, "m.c")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        for meta in CASES[:7]:
            if meta != {"info_type": "EMPLOYEE_ID"}:
                read_column_meta(meta, "m.c")


def test_meta_the_macros_refuse_the_core_refuses_with_the_same_error() -> None:
    """The must_not_compile models' meta (tests/dbt/test_fail_closed.py proves dbt refuses each)."""
    from maskline.dbt.meta import read_column_meta
    from maskline.errors import PolicyError

    doc = yaml.safe_load((INTEGRATION / "models" / "must_not_compile" / "schema.yml").read_text())
    expected = {"broken_unknown_method": "unknown masking method 'hmca'",
                "broken_unknown_info_type": "unknown info type 'US_SSNN'",
                "broken_bad_param": "unknown parameter 'keep_lats' for method 'partial'"}
    for model in doc["models"]:
        if model["name"] not in expected:
            continue  # broken_missing_column: valid meta on a column the relation lacks
        meta = model["columns"][0]["meta"]["maskline"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            with pytest.raises(PolicyError) as e:
                read_column_meta(meta, f"model.{model['name']}")
        assert e.value.what == expected[model["name"]]
