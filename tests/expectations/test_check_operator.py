"""CheckMaskingOperator without a scheduler: construction checks, the value-free report, lineage that never fails."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from maskline.errors import InputError
from tests.expectations import data

pytestmark = pytest.mark.airflow


def _operator(**kwargs: Any) -> Any:
    from airflow_plugin.operators.check import CheckMaskingOperator

    return CheckMaskingOperator(**{"task_id": "check", "conn_id": "warehouse", "table": "customers", **kwargs})


def test_operator_module_imports_nothing_heavy() -> None:
    # (airflow.sdk itself imports SQLAlchemy, so that one is not ours to avoid)
    code = ("import sys, airflow_plugin.operators.check;"
            "print(sorted(m for m in ('great_expectations', 'pandas', 'duckdb', 'pyarrow') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_malformed_expectation_is_refused_at_construction_naming_its_index() -> None:
    with pytest.raises(InputError, match=r"expectations\[1\]"):
        _operator(expectations=[{"type": "expect_column_values_to_not_contain_pii", "kwargs": {"column": "a"}},
                                {"kind": "no_pii"}])


def test_operator_without_expectations_or_policy_is_refused() -> None:
    with pytest.raises(InputError, match="nothing to check"):
        _operator()


def test_report_of_a_core_gx_expectation_pseudonymizes_its_values(gx_context: Any, key: Any) -> None:
    import great_expectations as gx

    from maskline.expectations.batches import pandas_batch
    from maskline.expectations.report import check_report

    batch = pandas_batch(gx_context, data.raw_frame())
    core = batch.validate(gx.expectations.ExpectColumnValuesToBeInSet(column="ssn", value_set=["none"]),
                          result_format="COMPLETE")
    assert "536-90-4399" in json.dumps(core.to_json_dict())  # GX itself copies the values
    report = check_report("customers", [core.to_json_dict()], key)
    text = json.dumps(report.as_dict()) + report.message()
    assert data.leaked(text) == []
    assert report.failed[0].examples[0].startswith("US_SSN:")
    assert "expect_column_values_to_be_in_set(ssn): 6 of 6 values failed" in report.message()


def test_lineage_input_carries_standard_assertions_and_the_classification(key: Any) -> None:
    from airflow_plugin.operators.check import check_input_dataset
    from maskline.expectations.report import Outcome, check_report

    report = check_report("customers", [], key)
    report = type(report)("customers", (
        Outcome("expect_column_values_to_be_masked", "email", False, 5, 6, examples=("EMAIL:1e46",)),
        Outcome("expect_column_to_be_classified_as", "ssn", True,
                details={"info_type": "US_SSN", "confidence": 0.93, "category": "identifier", "evidence": ["name"]}),
    ))
    dataset = check_input_dataset(report, "duckdb:///tmp/x.duckdb", "main.customers")
    assertions = dataset.inputFacets["dataQualityAssertions"].assertions
    assert [(a.assertion, a.column, a.success) for a in assertions] == [
        ("expect_column_values_to_be_masked", "email", False), ("expect_column_to_be_classified_as", "ssn", True)]
    assert dataset.facets["maskline_classification"].fields["ssn"]["infoType"] == "US_SSN"


def test_lineage_failure_never_fails_the_task() -> None:
    from airflow.providers.openlineage.extractors import OperatorLineage

    op = _operator(expectations=[{"type": "expect_column_values_to_not_contain_pii", "kwargs": {"column": "a"}}])
    assert op.get_openlineage_facets_on_complete(None) == OperatorLineage()  # before execute: nothing to say
    op._report, op._namespace = object(), "duckdb://x"  # a report lineage cannot read
    assert op.get_openlineage_facets_on_failure(None) == OperatorLineage()
