"""Metric ``table.maskline_masking_audit``: is every column the policy or the classifier calls sensitive masked?

The plan comes from the core (:func:`maskline.plan.build_plan`): the policy's
columns first, then the classifier's verdicts on a sample of the batch, read as ``maskline scan --policy`` reads
the table (all its columns, under the dataset's name or else the batch's own:
:func:`~maskline.expectations.batch_classification.classify_batch`). Each
column the plan masks must have its method's output shape in every non-null
value; the engine counts the values that do not (one aggregate query in SQL).
The metric value names columns, types, methods and counts, never a value.
"""

from __future__ import annotations

from typing import Any

from great_expectations.execution_engine import PandasExecutionEngine, SqlAlchemyExecutionEngine
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider

from maskline.expectations.metrics.errors import value_free_failures
from maskline.expectations.sampling import table_name_of
from maskline.expectations.shapes import MaskedShape, masked_shape


def _pandas_counts(execution_engine: Any, domain_kwargs: dict,
                   checks: list[tuple[str, MaskedShape]]) -> dict[str, tuple[int, int]]:
    from great_expectations.core.metric_domain_types import MetricDomainTypes

    from maskline.expectations.shape_conditions import pandas_has_shape

    df, _, _ = execution_engine.get_compute_domain(domain_kwargs=domain_kwargs, domain_type=MetricDomainTypes.TABLE)
    out: dict[str, tuple[int, int]] = {}
    for column, shape in checks:
        values = df[column].dropna()
        out[column] = (len(values), int((~pandas_has_shape(values, shape)).sum()))
    return out


def _sql_counts(execution_engine: Any, domain_kwargs: dict,
                checks: list[tuple[str, MaskedShape]]) -> dict[str, tuple[int, int]]:
    import sqlalchemy as sa
    from great_expectations.core.metric_domain_types import MetricDomainTypes

    from maskline.expectations.shape_conditions import sql_has_shape

    if not checks:
        return {}
    selectable, _, _ = execution_engine.get_compute_domain(domain_kwargs=domain_kwargs,
                                                           domain_type=MetricDomainTypes.TABLE)
    if not isinstance(selectable, (sa.Table, sa.TableClause)) and hasattr(selectable, "subquery"):
        selectable = selectable.subquery()
    items: list[Any] = []
    for column, shape in checks:
        col: Any = sa.column(column)
        bad = sa.and_(col.isnot(None), sa.not_(sql_has_shape(col, shape)))
        items += [sa.func.count(col), sa.func.sum(sa.case((bad, 1), else_=0))]
    row = execution_engine.execute_query(sa.select(*items).select_from(selectable)).fetchone()
    return {c: (int(row[2 * i] or 0), int(row[2 * i + 1] or 0)) for i, (c, _) in enumerate(checks)}


def _table_for(policy: Any, table: str | None, execution_engine: Any, domain_kwargs: dict) -> str:
    from maskline.errors import InputError

    name = table or table_name_of(execution_engine, domain_kwargs)
    if name:
        return name
    if len(policy.datasets) == 1:
        return next(iter(policy.datasets))
    raise InputError("cannot tell which policy dataset this batch is", where="expect_table_to_match_masking_policy",
                     fix="pass dataset='<dataset name in the policy>'")


@value_free_failures("auditing the table against the policy")
def masking_audit(execution_engine: Any, domain_kwargs: dict, policy_source: Any, table: str | None) -> dict:
    """Audit one batch against a policy; see the module docstring. Raises on unusable policies."""
    from maskline.errors import PolicyError
    from maskline.expectations.batch_classification import classify_batch
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    policy = load_policy(policy_source)
    name = _table_for(policy, table, execution_engine, domain_kwargs)
    # Named by the dataset the caller gave, else by the batch itself: never by the one-dataset guess of _table_for,
    # since a wrong table name could read a column of people's names as things' names.
    classification = classify_batch(execution_engine, domain_kwargs, policy, table=table,
                                    limit=policy.classify.sample)
    report: dict[str, Any] = {"table": name, "policy_hash": policy.fingerprint(), "columns": [], "problems": []}
    if policy.datasets and policy.dataset(name) is None:
        # a check aimed at the wrong dataset name would quietly fall back to the classifier alone
        from maskline.errors import did_you_mean

        report["problems"].append(f"no dataset of the policy matches {name!r} ({policy.source}); "
                                  f"pass dataset=...: {did_you_mean(name, policy.datasets)}")
        return report
    try:
        plan = build_plan(policy, name, [(c.name, None) for c in classification.columns], classification)
    except PolicyError as e:  # e.g. a policy column the table lacks: a rename would pass unmasked
        report["problems"].append(e.render())
        return report
    checks = [(c.name, masked_shape(c.method, c.info_type)) for c in plan.masked if c.method is not None]
    counter = _pandas_counts if isinstance(execution_engine, PandasExecutionEngine) else _sql_counts
    counts = counter(execution_engine, domain_kwargs, checks)
    by_name = {c.name: c for c in plan.columns}
    for column, shape in checks:
        cp = by_name[column]
        nonnull, unmasked = counts[column]
        report["columns"].append({
            "column": column, "info_type": cp.info_type, "category": cp.category, "confidence": cp.confidence,
            "method": cp.method.describe() if cp.method else None, "rule": cp.rule, "expected_shape": shape.describe(), "nonnull_count": nonnull,
            "unmasked_count": unmasked,
        })
    return report


class TableMasklineMaskingAudit(TableMetricProvider):
    """Per sensitive column: its method, expected shape and how many values lack it."""

    metric_name = "table.maskline_masking_audit"
    value_keys = ("policy", "dataset")

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        return masking_audit(execution_engine, metric_domain_kwargs, metric_value_kwargs["policy"],
                             metric_value_kwargs.get("dataset"))

    @metric_value(engine=SqlAlchemyExecutionEngine)
    def _sqlalchemy(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics,
                    runtime_configuration):
        return masking_audit(execution_engine, metric_domain_kwargs, metric_value_kwargs["policy"],
                             metric_value_kwargs.get("dataset"))
