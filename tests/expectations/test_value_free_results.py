"""Validation results, stored results and Data Docs HTML never contain a raw value from the test data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from maskline.expectations.value_free import redact_result
from maskline.keys import KeyMaterial, hmac_hex
from tests.conftest import TEST_KEY
from tests.expectations import data


def _suite_expectations() -> list[Any]:
    import maskline.expectations as mx

    return [
        mx.ExpectColumnValuesToNotContainPii(column="notes"),
        mx.ExpectColumnValuesToNotContainPii(column="email"),
        mx.ExpectColumnValuesToBeMasked(column="ssn", method={"method": "partial", "keep_last": 4}),
        mx.ExpectColumnValuesToBeMasked(column="card", method="char_mask"),
        mx.ExpectColumnValuesToBeMasked(column="password", method="redact", info_type="PASSWORD"),
        mx.ExpectColumnToBeClassifiedAs(column="email", info_type="EMAIL"),
        mx.ExpectTableToMatchMaskingPolicy(policy=data.POLICY),
    ]


def test_gx_result_lists_become_type_and_keyed_pseudonym_and_counts_stay() -> None:
    key = KeyMaterial(b"k" * 16)
    result = {
        "unexpected_count": 2, "element_count": 3,
        "unexpected_list": ["ana.lopez@correo.es", "ana.lopez@correo.es"],
        "partial_unexpected_counts": [{"value": "ana.lopez@correo.es", "count": 2}],
        "unexpected_index_list": [{"id": 1, "email": "ana.lopez@correo.es", "ssn_id": 536904399}],
        "unexpected_rows": [("ana.lopez@correo.es", "536-90-4399")],
    }
    out = redact_result(result, key, labeller=lambda v: "EMAIL")
    token = "EMAIL:" + hmac_hex(key, "ana.lopez@correo.es", 16)
    assert out["unexpected_count"] == 2 and out["element_count"] == 3
    assert out["unexpected_list"] == [token, token]
    assert out["partial_unexpected_counts"] == [{"value": token, "count": 2}]
    assert out["unexpected_index_list"][0]["email"] == token
    assert out["unexpected_index_list"][0]["id"] == 1  # a row id stays readable
    assert out["unexpected_index_list"][0]["ssn_id"] != 536904399  # a long number could be the PII itself
    assert "536-90-4399" not in json.dumps(out)


def test_a_small_integer_in_the_checked_column_is_replaced_not_kept_as_a_row_id() -> None:
    result = {"unexpected_index_list": [{"id": 7, "age": 42}], "partial_unexpected_index_list": [{"id": 7, "age": 42}]}
    out = redact_result(result, KeyMaterial(b"k" * 16), labeller=lambda v: "AGE", column="age")
    token = "AGE:" + hmac_hex(KeyMaterial(b"k" * 16), "42", 16)
    assert out["unexpected_index_list"] == out["partial_unexpected_index_list"] == [{"id": 7, "age": token}]


def test_without_a_key_values_become_their_type_alone(monkeypatch) -> None:
    from maskline.expectations.value_free import pseudonym_key

    monkeypatch.delenv("MASKLINE_KEY")
    assert pseudonym_key() is None
    out = redact_result({"unexpected_list": ["536-90-4399"]}, None, labeller=lambda v: "US_SSN")
    assert out["unexpected_list"] == ["US_SSN:unkeyed"]


def test_failing_suite_results_and_data_docs_hold_pseudonyms_not_values(tmp_path: Path, gx_context: Any) -> None:
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    context = gx.get_context(mode="file", project_root_dir=str(tmp_path))
    source = context.data_sources.add_pandas("frames")
    definition = source.add_dataframe_asset("customers").add_batch_definition_whole_dataframe("whole")
    suite = context.suites.add(gx.ExpectationSuite(name="customers_pii"))
    for expectation in _suite_expectations():
        suite.add_expectation(expectation)
    validation = context.validation_definitions.add(gx.ValidationDefinition(name="raw", data=definition, suite=suite))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name="pii", validation_definitions=[validation], actions=[UpdateDataDocsAction(name="docs")],
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["id"],
                       "include_unexpected_rows": True}))
    run = checkpoint.run(batch_parameters={"dataframe": data.raw_frame()})

    results = [r for v in run.run_results.values() for r in v.results]
    assert not run.success
    assert all(not r.exception_info.get("raised_exception") for r in results)
    verdicts = {(r.expectation_config.type, r.expectation_config.kwargs.get("column")): r.success for r in results}
    assert verdicts == {
        ("expect_column_values_to_not_contain_pii", "notes"): False,
        ("expect_column_values_to_not_contain_pii", "email"): False,
        ("expect_column_values_to_be_masked", "ssn"): False,
        ("expect_column_values_to_be_masked", "card"): False,
        ("expect_column_values_to_be_masked", "password"): False,
        ("expect_column_to_be_classified_as", "email"): True,
        ("expect_table_to_match_masking_policy", None): False,
    }
    assert data.leaked(json.dumps(run.describe_dict(), default=str)) == []

    key = KeyMaterial(TEST_KEY.encode())
    email_token = "EMAIL:" + hmac_hex(key, "bob.smith@example.org", 16)
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".html", ".json")]
    html = [p for p in files if p.suffix == ".html" and "validations" in p.parts]
    assert html, "Data Docs were not built"
    rendered = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in html)
    assert "values must contain no PII of types" in rendered  # maskline's sentences, not "(**kwargs)"
    assert "values must be masked as" in rendered and "partial: a * run keeping the last 4 characters" in rendered
    assert "the classifier must call" in rendered and "or the classifier calls sensitive" in rendered
    assert "'datasets':" not in rendered  # the policy is named by its fingerprint, not dumped
    assert email_token in rendered  # the offending value is shown, as its pseudonym
    for path in files:
        assert data.leaked(path.read_text(encoding="utf-8", errors="replace")) == [], path


def test_one_unmasked_value_has_one_label_in_every_check(gx_context: Any) -> None:
    """A new user's GX walk: an e-mail with an accented local part was ``EMAIL:<token>`` under
    ExpectColumnValuesToNotContainPii and ``FREE_TEXT_WITH_PII:<token>`` under ExpectColumnValuesToBeMasked(method=
    "email"), in the same Data Docs page, as if the e-mail column held prose."""
    import pandas as pd

    import maskline.expectations as mx
    from maskline.expectations.batches import pandas_batch

    frame = pd.DataFrame({"email": ["zoé.smith83@corp.example", "ana.lopez@correo.es"]})
    batch = pandas_batch(gx_context, frame, asset="accented_emails")
    lists = [batch.validate(e, result_format="COMPLETE").result["unexpected_list"]
             for e in (mx.ExpectColumnValuesToNotContainPii(column="email"),
                       mx.ExpectColumnValuesToBeMasked(column="email", method="email"))]
    assert lists[0] == lists[1] and len(lists[0]) == 2
    assert all(v.startswith("EMAIL:") for v in lists[1]), lists[1]
    assert "zo" not in json.dumps(lists) and "lopez" not in json.dumps(lists)
