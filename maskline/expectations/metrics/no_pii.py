"""Metric ``column_values.maskline_no_pii``: the value contains no span of the given info types.

pandas validates candidates with the core's detectors; SQL engines match the
core's portable patterns (see :mod:`maskline.expectations.pii_conditions`). On both, a value that is a ``hash``
or ``hmac`` token as a whole is no PII (:mod:`maskline.methods.digest_token`): the patterns have no token
boundaries, and found IBANs and cards inside nearly every such token.
"""

from __future__ import annotations

from great_expectations.execution_engine import PandasExecutionEngine, SqlAlchemyExecutionEngine
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)

from maskline.expectations.pii_conditions import pandas_contains_pii, sql_contains_pii


class ColumnValuesMasklineNoPii(ColumnMapMetricProvider):
    """True for each value in which no info type of ``info_types`` is found."""

    condition_metric_name = "column_values.maskline_no_pii"
    condition_value_keys = ("info_types",)

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, info_types=None, **kwargs):
        return ~pandas_contains_pii(column, info_types, digest_tokens_pass=True)

    @column_condition_partial(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, column, info_types=None, **kwargs):
        import sqlalchemy as sa

        return sa.not_(sql_contains_pii(column, info_types, digest_tokens_pass=True))
