"""``maskline.masked_columns`` holds a text column the stored scan passed for its values' shape to that shape.

The scan judges a sample: an ``amount`` column stored as text whose sampled values are all numbers is passed as
not sensitive (the fail-closed default passes it for its shape). A name further down (a row the sample never
read) was judged by nobody; the core's SELECTs redact it (:mod:`maskline.sql.shape_guard`), and so must the dbt
build, with the same guard (the generated ``shape.<kind>`` templates). Real dbt on DuckDB: the seed's last row
is left out of the scan, as a row past the sample; the built model must have it redacted and every sampled
amount unchanged (the control that the column is not simply masked whole).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dbt.dbt_harness import (
    DbtProject,
    built_on_a_sample,
    synced_policy,
    unsynced_project,
    unsynced_table,
)

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
BEYOND = "Margaret Thornton"  # the value past the sample: not a number, not a workflow state
STATES = ["shipped", "pending", "cancelled", "N/A"]  # order_status: passed for its proven kind (status words)
SECRET = "quillon.vexmarra@example.com"  # the category past the sample
CATEGORIES = ["Home (EU)", "Toys & Games", "Office 2"]  # category: passed for its few repeated labels


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project on DuckDB with a ``raw_payments`` seed (``amount`` stored as text) and a model
    selecting it through ``maskline.masked_columns``."""
    project = unsynced_project(tmp_path_factory.mktemp("dbt_shape") / "project")
    rows = [f"{i},{i * 3}.25,{STATES[i % len(STATES)]},{CATEGORIES[i % len(CATEGORIES)]}" for i in range(1, 61)]
    rows.append(f"61,{BEYOND},{BEYOND},{SECRET}")
    (project.root / "seeds" / "raw_payments.csv").write_text("id,amount,order_status,category\n" + "\n".join(rows)
                                                             + "\n")
    (project.root / "models" / "payments_masked.sql").write_text(
        "select {{ maskline.masked_columns(ref('raw_payments')) }} from {{ ref('raw_payments') }}\n")
    project.run("seed", "--select", "raw_payments")
    return project


def _built(project: DbtProject) -> tuple[Any, Any]:
    """payments_masked built under the default (fail-closed) policy whose stored scan read every row but the last."""
    return built_on_a_sample(project, "raw_payments", "payments_masked")


def test_a_value_without_the_shape_past_the_sample_is_redacted_and_the_others_pass(project: DbtProject) -> None:
    raw, out = _built(project)
    assert raw["amount"].iloc[-1] == BEYOND  # the seed holds the name, stored as text
    assert BEYOND not in set(out["amount"])  # the build redacted it
    assert out["amount"].iloc[-1] == "[REDACTED]"
    # the control: the scan passed the column (the sampled amounts are written unchanged), so only the guard
    # can have redacted the name
    assert list(out["amount"].iloc[:-1]) == list(raw["amount"].iloc[:-1])
    assert list(out["id"]) == list(raw["id"])


def test_a_value_past_the_sample_of_a_column_passed_for_its_kind_is_redacted(project: DbtProject) -> None:
    raw, out = _built(project)
    assert raw["order_status"].iloc[-1] == BEYOND
    assert out["order_status"].iloc[-1] == "[REDACTED]"
    # the control: the workflow states and the placeholder pass unchanged
    assert list(out["order_status"].iloc[:-1]) == list(raw["order_status"].iloc[:-1])


def test_a_value_past_the_sample_of_a_column_passed_for_its_labels_is_redacted(project: DbtProject) -> None:
    raw, out = _built(project)
    assert raw["category"].iloc[-1] == SECRET
    assert out["category"].iloc[-1] == "[REDACTED]"
    assert list(out["category"].iloc[:-1]) == list(raw["category"].iloc[:-1])  # the control: the labels pass


def test_a_policys_pass_shape_is_held_and_pass_true_stands(project: DbtProject) -> None:
    from maskline.dbt.sync import sync

    policy = ("version: 1\ndatasets:\n  raw_payments:\n    columns:\n      id: {pass: true}\n"
              "      amount: {pass: true}\n      order_status: {pass: status_words}\n      category: {pass: labels}\n")
    raw = unsynced_table(project, "raw_payments").sort_values("id").reset_index(drop=True)
    with synced_policy(project, policy) as root:
        sync(root)
        project.run("build", "--select", "payments_masked")
    out = unsynced_table(project, "payments_masked").sort_values("id").reset_index(drop=True)
    # {pass: <shape>}: the classifier's pass written into the policy, held on every row
    assert list(out["order_status"].iloc[-1:]) == ["[REDACTED]"] and list(out["category"].iloc[-1:]) == ["[REDACTED]"]
    assert list(out["category"].iloc[:-1]) == list(raw["category"].iloc[:-1])
    # {pass: true}: a person's decision, which stands on every row (the name in amount passes raw)
    assert list(out["amount"]) == list(raw["amount"])
