"""``expect_column_to_be_classified_as``: the core classifier calls the column ``info_type``."""

from __future__ import annotations

from typing import Any, ClassVar

from great_expectations.compatibility import pydantic
from great_expectations.expectations.expectation import ColumnAggregateExpectation
from great_expectations.render import LegacyRendererType
from great_expectations.render.renderer.renderer import renderer

import maskline.expectations.metrics.classification  # noqa: F401  (registers the metric)
from maskline.expectations.value_free_mixin import ValueFreeResults

METRIC = "column.maskline_classification"


class ExpectColumnToBeClassifiedAs(ValueFreeResults, ColumnAggregateExpectation):
    """Expect the classifier to give the column ``info_type`` with at least ``min_confidence``.

    Use it to pin what a raw column holds (a contract with the upstream team),
    or, with ``info_type=None``, to assert the classifier finds nothing
    sensitive in a column that should be clean. The observed value is the
    verdict and its evidence, never a sampled value.

    Example (run in ``tests/expectations``)::

        >>> ExpectColumnToBeClassifiedAs(column="email", info_type="EMAIL", min_confidence=0.8)  # doctest: +SKIP
    """

    info_type: str | None
    min_confidence: float = 0.6

    metric_dependencies: ClassVar[tuple[str, ...]] = (METRIC,)
    success_keys: ClassVar[tuple[str, ...]] = ("info_type", "min_confidence")
    args_keys: ClassVar[tuple[str, ...]] = ("column", "info_type", "min_confidence")
    library_metadata: ClassVar[dict] = {"maturity": "beta", "tags": ["pii", "maskline"],
                                        "contributors": ["maskline"]}

    @pydantic.validator("info_type")
    def _info_type_is_known(cls, v: str | None) -> str | None:
        from maskline.errors import InputError, did_you_mean
        from maskline.infotypes import INFO_TYPES

        if v is not None and v not in INFO_TYPES:
            raise InputError(f"unknown info type {v!r}", where="expect_column_to_be_classified_as(info_type=...)",
                             fix=did_you_mean(v, INFO_TYPES))
        return v

    def _validate(self, metrics: dict, runtime_configuration: dict | None = None,
                  execution_engine: Any = None) -> dict:
        verdict = metrics[METRIC]
        found, confidence = verdict.get("info_type"), float(verdict.get("confidence") or 0.0)
        if self.info_type is None:
            success = found is None or confidence < self.min_confidence
        else:
            success = found == self.info_type and confidence >= self.min_confidence
        observed = f"{found or 'nothing sensitive'} (confidence {confidence:.2f})"
        return {"success": success,
                "result": {"observed_value": observed,
                           "details": {"info_type": found, "confidence": round(confidence, 4),
                                       "category": verdict.get("category"),
                                       "evidence": list(verdict.get("evidence") or ())}}}

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration: Any = None, result: Any = None,
                               runtime_configuration: dict | None = None, **kwargs: Any) -> list[Any]:
        from maskline.expectations.rendering import string_template

        args = dict(configuration.kwargs) if configuration else {}
        params = {"column": args.get("column"), "info_type": args.get("info_type") or "nothing sensitive",
                  "min_confidence": args.get("min_confidence", 0.6)}
        return string_template("the classifier must call $column $info_type "
                               "with confidence at least $min_confidence.", params)
