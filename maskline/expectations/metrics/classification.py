"""Metric ``column.maskline_classification``: the core classifier's verdict on one column.

Both engines hand the classifier the same input: the column's name and a
bounded sample of its values (see :mod:`maskline.expectations.sampling`). The
metric value holds the verdict and its evidence, never a sampled value.
"""

from __future__ import annotations

from typing import Any

from great_expectations.execution_engine import PandasExecutionEngine, SqlAlchemyExecutionEngine
from great_expectations.expectations.metrics.column_aggregate_metric_provider import (
    ColumnAggregateMetricProvider,
)
from great_expectations.expectations.metrics.metric_provider import metric_value

from maskline.expectations.metrics.errors import value_free_failures
from maskline.expectations.sampling import DEFAULT_SAMPLE, sample_frame


@value_free_failures("classifying the column")
def classify_column(execution_engine: Any, metric_domain_kwargs: dict) -> dict[str, Any]:
    """Classify one column of a batch; returns ``ColumnClassification.as_dict()`` plus ``match_share``."""
    from maskline.classify import classify

    column = metric_domain_kwargs["column"]
    frame = sample_frame(execution_engine, metric_domain_kwargs, [column], DEFAULT_SAMPLE)
    verdict = classify(frame, sample=DEFAULT_SAMPLE).by_name()[column]
    return {**verdict.as_dict(), "match_share": verdict.match_share}


class ColumnMasklineClassification(ColumnAggregateMetricProvider):
    """The classifier's info type, confidence and evidence for a column."""

    metric_name = "column.maskline_classification"
    value_keys = ()

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return classify_column(execution_engine, metric_domain_kwargs)

    @metric_value(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics,
                    runtime_configuration):
        return classify_column(execution_engine, metric_domain_kwargs)
