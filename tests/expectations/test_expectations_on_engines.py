"""Every expectation on pandas, DuckDB and PostgreSQL: the same verdicts and counts, including failures.

The expected outcomes are written down once per case and must hold on every
engine: a difference between engines fails the case on the odd one out.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.expectations import data
from tests.expectations.conftest import ENGINES


def _cases() -> list[tuple[str, str, dict[str, Any], bool, int | None]]:
    """(expectation, frame, kwargs, expected success, expected unexpected_count or None)."""
    policy = {"policy": data.POLICY, "dataset": "customers"}
    return [
        # free text: three notes carry an e-mail, a card and a phone number; scrubbed notes carry none
        ("ExpectColumnValuesToNotContainPii", "raw", {"column": "notes"}, False, 3),
        ("ExpectColumnValuesToNotContainPii", "masked", {"column": "notes"}, True, 0),
        ("ExpectColumnValuesToNotContainPii", "raw", {"column": "notes", "info_types": ["EMAIL"]}, False, 1),
        ("ExpectColumnValuesToNotContainPii", "raw", {"column": "notes", "mostly": 0.3}, True, 3),
        ("ExpectColumnValuesToNotContainPii", "masked", {"column": "email"}, True, 0),
        ("ExpectColumnValuesToNotContainPii", "broken", {"column": "email"}, False, 5),
        ("ExpectColumnValuesToNotContainPii", "raw", {"column": "ssn", "info_types": ["US_SSN"]}, False, 6),
        # shapes of every method the policy uses
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "email", "method": "email"}, True, 0),
        ("ExpectColumnValuesToBeMasked", "broken", {"column": "email", "method": "email"}, False, 5),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "ssn", "method": {"method": "partial", "keep_last": 4}},
         True, 0),
        ("ExpectColumnValuesToBeMasked", "raw", {"column": "ssn", "method": {"method": "partial", "keep_last": 4}},
         False, 6),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "phone", "method": {"method": "hmac", "length": 16}},
         True, 0),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "phone", "method": "hmac"}, False, 5),
        ("ExpectColumnValuesToBeMasked", "raw", {"column": "phone", "method": {"method": "hmac", "length": 16}},
         False, 5),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "card", "method": "char_mask"}, True, 0),
        ("ExpectColumnValuesToBeMasked", "raw", {"column": "card", "method": "char_mask"}, False, 5),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "dob", "method": {"method": "generalize", "to": "year"}},
         True, 0),
        ("ExpectColumnValuesToBeMasked", "raw", {"column": "dob", "method": {"method": "generalize", "to": "year"}},
         False, 5),
        ("ExpectColumnValuesToBeMasked", "masked",
         {"column": "amount", "method": {"method": "generalize", "bucket": 10}}, True, 0),
        ("ExpectColumnValuesToBeMasked", "raw",
         {"column": "amount", "method": {"method": "generalize", "bucket": 10}}, False, 4),
        ("ExpectColumnValuesToBeMasked", "masked",
         {"column": "full_name", "method": "fake", "info_type": "PERSON_NAME"}, True, 0),
        ("ExpectColumnValuesToBeMasked", "raw",
         {"column": "full_name", "method": "fake", "info_type": "PERSON_NAME"}, False, 6),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "password", "method": "redact", "info_type": "PASSWORD"},
         True, 0),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "password", "method": "redact", "info_type": "EMAIL"},
         False, 5),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "notes", "method": "scrub"}, True, 0),
        ("ExpectColumnValuesToBeMasked", "raw", {"column": "notes", "method": "scrub"}, False, 3),
        ("ExpectColumnValuesToBeMasked", "masked", {"column": "email", "method": "null"}, False, 5),
        # the classifier's verdicts on raw columns
        ("ExpectColumnToBeClassifiedAs", "raw", {"column": "email", "info_type": "EMAIL", "min_confidence": 0.8},
         True, None),
        ("ExpectColumnToBeClassifiedAs", "raw", {"column": "ssn", "info_type": "US_SSN", "min_confidence": 0.6},
         True, None),
        ("ExpectColumnToBeClassifiedAs", "raw", {"column": "email", "info_type": "US_SSN"}, False, None),
        # the whole table against the policy
        ("ExpectTableToMatchMaskingPolicy", "masked", policy, True, None),
        ("ExpectTableToMatchMaskingPolicy", "raw", policy, False, None),
        ("ExpectTableToMatchMaskingPolicy", "broken", policy, False, None),
    ]


CASES = _cases()


def _id(case: tuple[Any, ...]) -> str:
    name, frame, kwargs, *_ = case
    return f"{name}-{frame}-{kwargs.get('column', 'table')}-{json.dumps(kwargs.get('method', kwargs.get('info_types', '')))}"


@pytest.fixture(scope="module")
def results() -> dict[tuple[str, int], Any]:
    return {}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_expectation_gives_the_same_verdict_on_every_engine(engine: str, case: tuple[Any, ...], batch_for: Any) -> None:
    import maskline.expectations as mx

    name, frame, kwargs, success, unexpected = case
    expectation = getattr(mx, name)(**kwargs)
    result = batch_for(engine, frame).validate(expectation, result_format="COMPLETE")
    assert not result.exception_info.get("raised_exception"), result.exception_info.get("exception_message")
    assert result.success is success, result.result
    if unexpected is not None:
        assert result.result["unexpected_count"] == unexpected
    assert data.leaked(json.dumps(result.to_json_dict())) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_policy_check_names_the_unmasked_column_and_nothing_else(engine: str, batch_for: Any) -> None:
    from maskline.expectations import ExpectTableToMatchMaskingPolicy

    result = batch_for(engine, "broken").validate(
        ExpectTableToMatchMaskingPolicy(policy=data.POLICY, dataset="customers"))
    details = result.result["details"]
    assert [c["column"] for c in details["columns"] if c["unmasked_count"]] == ["email"]
    assert details["problems"] == [
        'email: 5 of 5 values are not email: *****@domain (EMAIL, datasets["customers"].columns.email)']


@pytest.mark.parametrize("engine", ENGINES)
def test_policy_column_missing_from_the_table_fails_the_check(engine: str, batch_for: Any) -> None:
    from maskline.expectations import ExpectTableToMatchMaskingPolicy

    policy = {**data.POLICY, "datasets": {"customers": {"columns": {
        **data.POLICY["datasets"]["customers"]["columns"], "e_mail": {"info_type": "EMAIL"}}}}}
    result = batch_for(engine, "masked").validate(ExpectTableToMatchMaskingPolicy(policy=policy, dataset="customers"))
    assert result.success is False
    assert "column 'e_mail' is in the policy but not in table" in result.result["details"]["problems"][0]


@pytest.mark.parametrize("engine", ENGINES)
def test_policy_check_aimed_at_a_dataset_the_policy_lacks_fails_closed(engine: str, batch_for: Any) -> None:
    from maskline.expectations import ExpectTableToMatchMaskingPolicy

    result = batch_for(engine, "masked").validate(ExpectTableToMatchMaskingPolicy(policy=data.POLICY,
                                                                                  dataset="custmers"))
    assert result.success is False
    assert result.result["details"]["problems"] == [
        "no dataset of the policy matches 'custmers' (<dict>); pass dataset=...: did you mean 'customers'?"]
