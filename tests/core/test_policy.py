"""Policy loading: the documented shape loads, every error names file, key path and fix."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from maskline.errors import PolicyError
from maskline.policy import load_policy, load_policy_text, policy_schema

README_POLICY = """
version: 1
key: {env: MASKLINE_KEY}
unclassified: pass            # or: mask
methods:                      # info type -> default method and params
  EMAIL: {method: email}
  US_SSN: {method: partial, keep_last: 4}
  DATE_OF_BIRTH: {method: generalize, to: year}
datasets:
  customers:                  # table name, optionally qualified: db.schema.table
    columns:
      email: {info_type: EMAIL}
      ssn: {info_type: US_SSN, method: hmac}
      notes: {info_type: FREE_TEXT_WITH_PII}
unmask_for: [role:pii_reader]
"""


def test_documented_policy_shape_loads_and_resolves_methods() -> None:
    p = load_policy_text(README_POLICY)
    ds = p.dataset("analytics.public.customers")
    assert ds is not None
    assert ds.columns["ssn"].method.name == "hmac"
    assert p.method_for("US_SSN").params.keep_last == 4
    assert p.method_for("FREE_TEXT_WITH_PII").name == "scrub"
    assert p.unmask_for == ("role:pii_reader",)
    jsonschema.validate(yaml.safe_load(README_POLICY), policy_schema())


@pytest.mark.parametrize(
    ("raw", "where", "fix"),
    [
        ({"datasets": {"raw.customers": {"columns": {"email": {"method": "hmca"}}}}},
         'datasets["raw.customers"].columns.email.method', "'hmac'"),
        ({"datasets": {"c": {"columns": {"email": {"info_type": "EMIAL"}}}}},
         'datasets["c"].columns.email.info_type', "'EMAIL'"),
        ({"methods": {"US_SSN": {"method": "partial", "keep_lst": 4}}}, "methods.US_SSN.keep_lst", "'keep_last'"),
        ({"methods": {"EMAIL": {"method": "hmac", "length": 3}}}, "methods.EMAIL.length", "16"),
        ({"methods": {"DATE_OF_BIRTH": {"method": "generalize"}}}, "methods.DATE_OF_BIRTH", "to: year"),
        ({"unclassifed": "mask"}, "unclassifed", "'unclassified'"),
        ({"unclassified": "maybe"}, "unclassified", "'mask'"),
        ({"key": {"env": ""}}, "key", "MASKLINE_KEY"),
        ({"key": "MASKLINE_KEY"}, "key", "use key: {env: MASKLINE_KEY}"),  # a name where its mapping belongs
        ({"methods": "EMAIL"}, "methods", "write it as 'key: value' lines"),  # no fix of its own: the general one
        ({"unmask_for": ["pii_reader"]}, "unmask_for", "role:pii_reader"),
        ({"rewrite": {"filter_literals": "tokenise"}}, "rewrite.filter_literals", "'tokenize'"),
        ({"info_types": {"EMPLOYEE_ID": {"pattern": "E[0-9"}}}, "info_types.EMPLOYEE_ID.pattern", "pattern"),
        ({"info_types": {"EMPLOYEE_ID": {"method": {"method": "hmca"}}}}, "info_types.EMPLOYEE_ID.method", "'hmac'"),
        ({"datasets": {"c": {"columns": {"ssn": {"method": {"method": "partial", "keep_frist": 2}}}}}},
         'datasets["c"].columns.ssn.keep_frist', "'keep_first'"),
    ],
)
def test_policy_errors_name_the_key_path_and_a_fix(raw, where, fix) -> None:
    with pytest.raises(PolicyError) as info:
        load_policy(raw)
    message = str(info.value)
    assert where in message
    assert fix in message


def test_schema_rejects_what_the_loader_rejects_structurally() -> None:
    schema = policy_schema()
    for bad in ({"unclassifed": "mask"}, {"unclassified": "maybe"}, {"methods": {"EMAIL": {"method": "emial"}}},
                {"key": {"env": "A", "airflow_conn": "b"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)
        with pytest.raises(PolicyError):
            load_policy(bad)


def test_errors_from_a_file_name_the_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "policy.yml"
    f.write_text("version: 1\nmethods:\n  EMAIL: {method: email\n")
    with pytest.raises(PolicyError) as info:
        load_policy(f)
    assert str(f) in str(info.value) and ":" in str(info.value)
    f.write_text("version: 1\nmethods:\n  EMAIL: {method: emial}\n")
    with pytest.raises(PolicyError, match=r"policy.yml: methods.EMAIL.method"):
        load_policy(f)


def test_missing_and_empty_policy_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="not found"):
        load_policy(tmp_path / "nope.yml")
    (tmp_path / "empty.yml").write_text("")
    with pytest.raises(PolicyError, match="empty"):
        load_policy(tmp_path / "empty.yml")


def test_custom_info_types_can_be_declared_and_used() -> None:
    p = load_policy({
        "info_types": {"EMPLOYEE_ID": {"category": "identifier", "pattern": "E[0-9]{6}", "name_hints": ["emp_id"],
                                       "method": {"method": "hmac", "length": 12}}},
        "datasets": {"staff": {"columns": {"emp_id": {"info_type": "EMPLOYEE_ID"}}}},
    })
    assert p.method_for("EMPLOYEE_ID").params.length == 12
    assert p.category_of("EMPLOYEE_ID") == "identifier"


def test_fingerprint_is_stable_and_changes_with_content() -> None:
    a, b = load_policy_text(README_POLICY), load_policy_text(README_POLICY)
    assert a.fingerprint() == b.fingerprint()
    assert load_policy({"unclassified": "mask"}).fingerprint() != a.fingerprint()


def test_list_parameters_reject_a_bare_string_with_a_clear_fix() -> None:
    with pytest.raises(PolicyError) as info:
        load_policy({"methods": {"FREE_TEXT_WITH_PII": {"method": "scrub", "info_types": "EMAIL"}}})
    assert "methods.FREE_TEXT_WITH_PII.info_types" in str(info.value)
    assert "a list of str" in str(info.value)
    ok = load_policy({"methods": {"FREE_TEXT_WITH_PII": {"method": "scrub", "info_types": ["EMAIL", "IBAN"]}}})
    assert list(ok.methods["FREE_TEXT_WITH_PII"].params.info_types) == ["EMAIL", "IBAN"]


@pytest.mark.parametrize(("key", "hint"), [({"envv": "MASKLINE_KEY"}, "did you mean 'env'?"),
                                           ({"airflow_con": "maskline_default"}, "did you mean 'airflow_conn'?")])
def test_a_misspelt_key_source_gets_the_source_meant(key: dict[str, str], hint: str) -> None:
    """The policy's ``key:`` answers a misspelt source as the dbt package's ``maskline_key_source`` var does (and with
    the same rule, tests/dbt/test_closest_macro.py); a name close to none still gets the shapes it may take."""
    with pytest.raises(PolicyError) as e:
        load_policy({"key": key})
    assert e.value.fix.startswith(hint) and "key: {env: MASKLINE_KEY}" in e.value.fix
    with pytest.raises(PolicyError) as e:
        load_policy({"key": {"vault": "x"}})
    assert "did you mean" not in e.value.fix
