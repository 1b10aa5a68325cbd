"""Metric ``column_values.maskline_masked``: the value has the output shape of a masking method."""

from __future__ import annotations

from great_expectations.execution_engine import PandasExecutionEngine, SqlAlchemyExecutionEngine
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)

from maskline.expectations.shape_conditions import pandas_has_shape, sql_has_shape
from maskline.expectations.shapes import masked_shape


class ColumnValuesMasklineMasked(ColumnMapMetricProvider):
    """True for each value shaped like ``method``'s output (see :mod:`maskline.expectations.shapes`)."""

    condition_metric_name = "column_values.maskline_masked"
    condition_value_keys = ("method", "info_type")

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, method=None, info_type=None, **kwargs):
        return pandas_has_shape(column, masked_shape(method, info_type))

    @column_condition_partial(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, column, method=None, info_type=None, **kwargs):
        return sql_has_shape(column, masked_shape(method, info_type))
