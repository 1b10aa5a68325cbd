"""``maskline_masking.rowsMasked`` of a plan that masks nothing is 0, whatever rows passed through it.

The facet is shared by the Airflow operators, the Airflow agent toolset, dbt and ``maskline mcp``: a read by a
person in ``unmask_for`` (the plan gives every column raw) was reported with every row it returned as masked
(``rowsMasked: 3``, ``cellsMasked`` too for the operators and the toolset). Real policies and plans. The control:
the same read by anyone else counts every row and masked cell.
"""

from __future__ import annotations

from maskline.plan import build_plan
from maskline.policy import load_policy
from openlineage_ext.facets import masking_facet

POLICY = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"},
                                                             "ssn": {"info_type": "US_SSN"}}}},
                      "unmask_for": ["user:auditor"]})
COLUMNS = [("id", "integer"), ("email", "varchar"), ("ssn", "varchar")]


def test_an_unmask_for_plan_masked_no_row_and_no_cell() -> None:
    plan = build_plan(POLICY, "customers", COLUMNS, identities=("user:auditor",))
    assert plan.masked == ()  # the plan of a person in unmask_for: every column raw
    facet = masking_facet(plan, rows=3)
    assert (facet.rowsMasked, facet.cellsMasked) == (0, 0)


def test_control_a_masked_plan_counts_its_rows_and_cells() -> None:
    plan = build_plan(POLICY, "customers", COLUMNS, identities=("user:bob",))
    facet = masking_facet(plan, rows=3)
    assert (facet.rowsMasked, facet.cellsMasked) == (3, 3 * len(plan.masked)) and len(plan.masked) == 3
