"""The policy is defined once: the loader validates against the JSON Schema built from the method definitions.

The committed schema is that build (a staleness test, as for the dbt templates); the schema and the method
definitions agree on every parameter limit; and errors keep their what/where/fix with did-you-mean.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from maskline.errors import PolicyError
from maskline.methods.registry import METHODS, method_spec
from maskline.policy import load_policy, load_policy_text, policy_schema
from maskline.policy_schema import SCHEMA_PATH, build_policy_schema


def test_committed_schema_is_what_the_definitions_build_now() -> None:
    from maskline.methods.schema import canonical_json

    assert SCHEMA_PATH.read_text(encoding="utf-8") == canonical_json(build_policy_schema()), (
        "run python -m maskline.policy_schema")
    assert policy_schema() == build_policy_schema()
    jsonschema.Draft202012Validator.check_schema(policy_schema())  # a valid draft 2020-12 schema


def test_schema_check_exits_non_zero_when_the_file_is_stale(tmp_path: Path, monkeypatch, capsys) -> None:
    from maskline import policy_schema as module

    stale = tmp_path / "policy.schema.json"
    stale.write_text("{}\n")
    monkeypatch.setattr(module, "SCHEMA_PATH", stale)
    assert module.main(["--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert module.main([]) == 0 and module.main(["--check"]) == 0


def _entries() -> list[dict[str, Any]]:
    """Method entries around every declared limit and type, good and bad, derived from the definitions."""
    out: list[dict[str, Any]] = []
    for name, m in sorted(METHODS.items()):
        out += [{"method": name}, {"method": name, "nope": 1}]
        for f in m.param_fields():
            r = f.rule
            values: list[Any] = ["x", True, 1.5, [1], {"a": 1}]
            if r.minimum is not None:
                values += [r.minimum - 1, r.minimum]
            if r.maximum is not None:
                values += [r.maximum, r.maximum + 1]
            if r.length is not None:
                values += ["", "#", "##"]
            if r.choices is not None:
                values += [list(r.allowed())[:2], ["NOT_A_TYPE"], "EMAIL"]
            values += [4, "year", "word", False, ["EMAIL"]]
            out += [{"method": name, f.name: v} for v in values]
        one = m.exactly_one()
        if one is not None:  # none of the set, one of each, two at once
            sample = {"to": "month", "bucket": 5, "prefix": 2}
            out += [{"method": name, **{k: sample[k] for k in combo}}
                    for n in range(len(one.names) + 1) for combo in itertools.combinations(one.names, n)]
    return out


def test_the_schema_and_the_method_definitions_accept_exactly_the_same_entries() -> None:
    validator = jsonschema.Draft202012Validator(build_policy_schema())
    checked = {True: 0, False: 0}
    for entry in _entries():
        by_schema = validator.is_valid({"methods": {"EMAIL": entry}})
        params = {k: v for k, v in entry.items() if k != "method"}
        try:
            method_spec(entry["method"], params)
            by_definition = True
        except PolicyError:
            by_definition = False
        assert by_schema == by_definition, entry
        checked[by_definition] += 1
    assert checked[True] > 20 and checked[False] > 50  # both verdicts were exercised, many times


@pytest.mark.parametrize(
    ("raw", "where", "fix"),
    [
        ({"datasets": {"c": {"colums": {}}}}, 'datasets["c"].colums', "did you mean 'columns'?"),
        ({"info_types": {"EMP_ID": {"categroy": "identifier"}}}, "info_types.EMP_ID.categroy", "'category'"),
        ({"info_types": {"EMP_ID": {"category": "identifer"}}}, "info_types.EMP_ID.category", "'identifier'"),
        ({"info_types": {"emp_id": {}}}, "info_types.emp_id", "EMPLOYEE_ID"),
        ({"classify": {"min_confidnce": 0.5}}, "classify.min_confidnce", "'min_confidence'"),
        ({"classify": {"sample": 0}}, "classify.sample", "10000"),
        ({"rewrite": {"filter_literal": "refuse"}}, "rewrite.filter_literal", "'filter_literals'"),
        ({"methods": {"EMAIL": {"method": "partial", "mask_char": "**"}}}, "methods.EMAIL.mask_char", "'*'"),
        ({"methods": {"FREE_TEXT_WITH_PII": {"method": "scrub", "info_types": ["EMIAL"]}}},
         "methods.FREE_TEXT_WITH_PII.info_types", "'EMAIL'"),
        ({"methods": {"EMAIL": {"method": "generalize", "to": "decade"}}}, "methods.EMAIL.to", "'year'"),
        ({"methods": {"EMAIL": {"method": "generalize", "to": "year", "bucket": 5}}}, "methods.EMAIL", "to: year"),
        ({"datasets": {"c": {"columns": {"e": {}}}}}, 'datasets["c"].columns.e', "info_type: EMAIL"),
        ({"datasets": {"c": {"columns": {"e": {"method": "emial"}}}}}, 'datasets["c"].columns.e.method',
         "did you mean 'email'?"),
        ({"allow_list": "noreply@example.com"}, "allow_list", "[noreply@example.com]"),
        ({"unmask_for": ["role:x", "alice"]}, "unmask_for[1]", "role:pii_reader"),
        ({"version": 2}, "version", "version: 1"),
        ({"methods": {"EMAIL": 5}}, "methods.EMAIL", "{method: hmac}"),
    ],
)
def test_errors_say_where_and_suggest_the_closest_name(raw, where, fix) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(raw)
    assert f"(at <dict>: {where})" in str(info.value)
    assert fix in info.value.fix


def test_errors_are_built_from_the_schema_not_from_jsonschemas_text() -> None:
    for raw in ({"key": {"env": ""}}, {"datasets": {"c": {"columns": {"e": {"method": {"method": "x"}}}}}},
                {"classify": {"sample": "many"}}, [1, 2]):
        with pytest.raises(PolicyError) as info:
            load_policy(raw)  # type: ignore[arg-type]
        text = str(info.value)
        assert "is not valid under" not in text and "Failed validating" not in text and "{'" not in text, text


def test_a_yaml_error_names_the_file_and_the_key_path(tmp_path: Path) -> None:
    f = tmp_path / "policy.yml"
    f.write_text("version: 1\ndatasets:\n  raw.customers:\n    columns:\n      ssn: {info_type: US_SSN, methdo: hmac}\n")
    with pytest.raises(PolicyError) as info:
        load_policy(f)
    assert f'{f}: datasets["raw.customers"].columns.ssn.methdo' in str(info.value)
    assert info.value.fix == "did you mean 'method'?"


def test_empty_sections_load_as_empty() -> None:
    p = load_policy_text("version: 1\nmethods:\ndatasets:\n  customers:\nrewrite:\nclassify:\n")
    assert dict(p.methods) == {} and p.dataset("customers") is not None and p.classify.sample == 10_000
