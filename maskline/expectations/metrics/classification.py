"""Metrics ``table.maskline_classification`` and ``column.maskline_classification``: the core classifier's verdicts.

The table metric classifies the whole batch once, as ``maskline scan`` classifies a table: a bounded sample of
all its columns under the batch's name (:func:`maskline.expectations.batch_classification.classify_batch`), so the
readings that need the table (its name, its other columns) hold here too. The column metric depends on it and
picks its column's verdict: a suite with one expectation per column classifies the batch once, not once per column.
Both engines hand the classifier the same input (see :mod:`maskline.expectations.sampling`). Metric values hold
verdicts and their evidence, never a sampled value.
"""

from __future__ import annotations

from typing import Any

from great_expectations.execution_engine import PandasExecutionEngine, SqlAlchemyExecutionEngine
from great_expectations.expectations.metrics.column_aggregate_metric_provider import (
    ColumnAggregateMetricProvider,
)
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider
from great_expectations.validator.metric_configuration import MetricConfiguration

from maskline.expectations.metrics.errors import value_free_failures

TABLE_METRIC = "table.maskline_classification"


@value_free_failures("classifying the table")
def classify_table(execution_engine: Any, metric_domain_kwargs: dict) -> dict[str, dict[str, Any]]:
    """Classify every column of a batch; per column, ``ColumnClassification.as_dict()`` plus ``match_share``."""
    from maskline.expectations.batch_classification import classify_batch

    return {c.name: {**c.as_dict(), "match_share": c.match_share}
            for c in classify_batch(execution_engine, metric_domain_kwargs).columns}


class TableMasklineClassification(TableMetricProvider):
    """The classifier's info type, confidence and evidence for every column of the batch."""

    metric_name = TABLE_METRIC
    value_keys = ()

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return classify_table(execution_engine, metric_domain_kwargs)

    @metric_value(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics,
                    runtime_configuration):
        return classify_table(execution_engine, metric_domain_kwargs)


def column_verdict(metric_domain_kwargs: dict, metrics: dict) -> dict[str, Any]:
    """The column's entry in the table metric's verdicts (the classifier names columns as text).

    >>> column_verdict({"column": "a"}, {TABLE_METRIC: {"a": {"info_type": None}}})
    {'info_type': None}
    """
    return metrics[TABLE_METRIC][str(metric_domain_kwargs["column"])]


class ColumnMasklineClassification(ColumnAggregateMetricProvider):
    """The classifier's info type, confidence and evidence for a column, read in its table."""

    metric_name = "column.maskline_classification"
    value_keys = ()

    @classmethod
    def _get_evaluation_dependencies(cls, metric: MetricConfiguration, configuration: Any = None,
                                     execution_engine: Any = None, runtime_configuration: dict | None = None) -> dict:
        dependencies: dict = super()._get_evaluation_dependencies(
            metric=metric, configuration=configuration, execution_engine=execution_engine,
            runtime_configuration=runtime_configuration)
        # The same table domain (batch, row condition) for every column: GX computes it once per batch.
        table_domain = {k: v for k, v in metric.metric_domain_kwargs.items() if k != "column"}
        dependencies[TABLE_METRIC] = MetricConfiguration(metric_name=TABLE_METRIC, metric_domain_kwargs=table_domain,
                                                         metric_value_kwargs=None)
        return dependencies

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return column_verdict(metric_domain_kwargs, metrics)

    @metric_value(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics,
                    runtime_configuration):
        return column_verdict(metric_domain_kwargs, metrics)
