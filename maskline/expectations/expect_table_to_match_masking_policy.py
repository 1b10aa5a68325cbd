"""``expect_table_to_match_masking_policy``: every column the policy or the classifier calls sensitive is masked."""

from __future__ import annotations

from typing import Any, ClassVar

from great_expectations.compatibility import pydantic
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.render import LegacyRendererType
from great_expectations.render.renderer.renderer import renderer

import maskline.expectations.metrics.policy_audit  # noqa: F401  (registers the metric)
from maskline.expectations.value_free_mixin import ValueFreeResults

METRIC = "table.maskline_masking_audit"


class ExpectTableToMatchMaskingPolicy(ValueFreeResults, BatchExpectation):
    """Expect the batch to be masked as ``policy`` says.

    The masking plan is the core's: columns the policy names, then the
    classifier's verdicts on a sample. Each column the plan masks must have its
    method's output shape in every non-null value. A policy column the table
    lacks fails too (a rename would otherwise let a column through unmasked).

    Args:
        policy: a policy file path or a dict (as ``maskline.policy.load_policy`` reads); a string is always a path.
        dataset: the policy dataset the batch is (not "table": GX reserves that name); default the SQL table's name, or the policy's only dataset.

    Example (run in ``tests/expectations``)::

        >>> ExpectTableToMatchMaskingPolicy(policy="policy.yml", dataset="customers")  # doctest: +SKIP
    """

    policy: str | dict[str, Any]
    dataset: str | None = None

    metric_dependencies: ClassVar[tuple[str, ...]] = (METRIC,)
    success_keys: ClassVar[tuple[str, ...]] = ("policy", "dataset")
    args_keys: ClassVar[tuple[str, ...]] = ("policy",)
    library_metadata: ClassVar[dict] = {"maturity": "beta", "tags": ["pii", "maskline"],
                                        "contributors": ["maskline"]}

    @pydantic.validator("policy")
    def _policy_loads(cls, v: Any) -> Any:
        from maskline.policy import load_policy

        load_policy(v)  # fail at construction, with the file and key path, not mid-validation
        return v

    def _validate(self, metrics: dict, runtime_configuration: dict | None = None,
                  execution_engine: Any = None) -> dict:
        audit = metrics[METRIC]
        unmasked = [c for c in audit["columns"] if c["unmasked_count"]]
        problems = list(audit["problems"]) + [
            f"{c['column']}: {c['unmasked_count']} of {c['nonnull_count']} values are not {c['expected_shape']}"
            f" ({c['info_type'] or 'unclassified'}, {c['rule']})"
            for c in unmasked
        ]
        checked = len(audit["columns"])
        observed = ("all " + str(checked) + " sensitive columns masked") if not problems else "; ".join(problems)
        return {"success": not problems,
                "result": {"observed_value": observed,
                           "details": {"table": audit["table"], "policy_hash": audit["policy_hash"],
                                       "columns": audit["columns"], "problems": problems}}}

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration: Any = None, result: Any = None,
                               runtime_configuration: dict | None = None, **kwargs: Any) -> list[Any]:
        from maskline.expectations.rendering import policy_label, string_template

        args = dict(configuration.kwargs) if configuration else {}
        params = {"policy": policy_label(args.get("policy")), "dataset": args.get("dataset") or "this table"}
        return string_template("every column of $dataset that $policy or the classifier calls sensitive "
                               "must be masked.", params)
