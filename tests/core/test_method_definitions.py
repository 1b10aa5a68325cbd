"""Each method's definition is the one place its properties live, and every reader follows it.

The compiler guards NULL exactly where a method says its SQL does not keep NULL; the rewrite tokenizes
literals only for methods that declare a Python token; GX shapes come from the method's module; and the
missing-key error names only the methods that read the key.
"""

from __future__ import annotations

import dataclasses

import duckdb
import pandas as pd
import pytest
from sqlglot import exp

from maskline.dialects import KeyMode
from maskline.errors import KeyMissingError
from maskline.keys import KeyMaterial
from maskline.methods import registry
from maskline.methods.registry import METHODS, method_spec
from maskline.sql.compile import mask_expression

KEY = KeyMaterial(b"method-definitions-test-key-0123456789")
ONE_OF_EACH = {
    "redact": {}, "null": {}, "partial": {"keep_last": 2}, "char_mask": {}, "email": {}, "hash": {"length": 16},
    "hmac": {}, "generalize": {"prefix": 2}, "fake": {"kind": "name"}, "scrub": {},
}


def _run(spec, value: str | None, source_type: str = "text") -> object:
    e = mask_expression(exp.column("v"), spec, "duckdb", source_type=source_type, key_mode=KeyMode.LITERAL, key=KEY)
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT {e.sql('duckdb')} FROM (SELECT CAST(? AS TEXT) AS v)", [value]).fetchone()[0]
    finally:
        con.close()


def test_every_registered_method_is_in_the_table_below() -> None:
    assert sorted(ONE_OF_EACH) == sorted(METHODS)


@pytest.mark.parametrize("name", sorted(ONE_OF_EACH))
def test_null_stays_null_for_every_method_on_duckdb(name: str) -> None:
    spec = method_spec(name, ONE_OF_EACH[name])
    assert _run(spec, None) is None
    assert _run(spec, "alice@example.com") is not None or name == "null"


@pytest.mark.parametrize("name", sorted(ONE_OF_EACH))
def test_the_compiler_adds_a_null_guard_exactly_where_the_method_does_not_keep_null(name: str) -> None:
    spec = method_spec(name, ONE_OF_EACH[name])
    e = mask_expression(exp.column("v"), spec, "duckdb")
    guarded = isinstance(e, exp.Case) and isinstance(e.args["ifs"][0].this, exp.Is)
    assert guarded is not METHODS[name].keeps_null(spec.params)


def test_a_wrong_null_declaration_would_leak_a_value_for_null(monkeypatch) -> None:
    """Negative control: the declaration is what keeps NULL NULL; declaring it wrongly gives a label for NULL."""
    spec = method_spec("redact", {})
    assert _run(spec, None) is None
    monkeypatch.setitem(registry.METHODS, "redact", dataclasses.replace(METHODS["redact"], propagates_null=True))
    assert _run(spec, None) == "[REDACTED]"


@pytest.mark.parametrize("name", ["hash", "hmac"])
def test_a_declared_literal_token_equals_what_the_sql_computes(name: str) -> None:
    spec = method_spec(name, {"length": 16})
    token = METHODS[name].literal_token
    assert token is not None
    assert token(KEY, "123-45-6789", spec.params) == _run(spec, "123-45-6789")


def test_the_rewrite_tokenizes_exactly_the_methods_that_declare_a_token() -> None:
    from maskline.rewrite.filters import tokenizing_methods

    assert tokenizing_methods() == sorted(n for n, m in METHODS.items() if m.literal_token is not None)
    assert set(tokenizing_methods()) <= {n for n, m in METHODS.items() if m.keyed and m.opaque}


@pytest.mark.parametrize("name", sorted(ONE_OF_EACH))
def test_each_methods_shape_accepts_its_own_output_on_duckdb(name: str) -> None:
    from maskline.expectations.shapes import masked_shape

    spec = method_spec(name, ONE_OF_EACH[name])
    shape = masked_shape(spec)
    assert shape.method == name
    out = _run(spec, "alice@example.com")
    assert shape.fullmatch(out), (name, shape.describe())
    if shape.pattern is not None:
        assert not shape.fullmatch("alice@example.com")  # the raw value does not pass as masked


def test_the_missing_key_error_names_only_the_methods_that_read_the_key(monkeypatch) -> None:
    from maskline.engine.frames import mask_frame
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    monkeypatch.delenv("MASKLINE_KEY", raising=False)
    policy = load_policy({"datasets": {"t": {"columns": {"email": {"method": "email"}, "user": {"method": "hmac"},
                                                          "ssn": {"method": "partial"}}}}})
    frame = pd.DataFrame({"email": ["a@b.org"], "user": ["alice"], "ssn": ["123-45-6789"]})
    plan = build_plan(policy, "t", [("email", "text"), ("user", "text"), ("ssn", "text")])
    # Not trivially true: the plan masks email and ssn too, which the old message listed as needing the key.
    assert {c.method.name for c in plan.masked if c.method} == {"email", "hmac", "partial"}
    with pytest.raises(KeyMissingError) as info:
        mask_frame(frame, policy, table="t")
    message = str(info.value)
    assert "methods hmac need it" in message
    assert "email" not in message.split(";", 1)[1] and "partial" not in message


def test_every_method_has_dbt_templates_and_a_catalogue_entry_from_its_definition() -> None:
    from maskline.dbt.generate import catalogue, templates_for
    from maskline.methods.schema import catalogue_entry

    templated = {name.split(".", 1)[0] for name in templates_for("duckdb")}
    assert set(METHODS) <= templated, sorted(set(METHODS) - templated)  # a new method needs its dbt variants
    assert catalogue()["methods"] == {n: catalogue_entry(m) for n, m in sorted(METHODS.items())}


def test_every_catalogue_default_is_a_valid_method_entry() -> None:
    from maskline.infotypes import INFO_TYPES

    for name, t in INFO_TYPES.items():
        entry = dict(t.default_method)
        method_spec(entry.pop("method"), entry, where=f"catalogue default of {name}")
