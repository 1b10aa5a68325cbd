"""Reading a bounded sample of a GX batch into pandas, for the classifier (never into results).

The classifier fuses a column's name, type and a sample of its values; GX
metrics reach it through this one function per engine, so pandas, DuckDB and
PostgreSQL batches give the classifier the same input.
"""

from __future__ import annotations

from typing import Any

DEFAULT_SAMPLE = 10_000


def sample_frame(execution_engine: Any, domain_kwargs: dict, columns: list[str] | None, limit: int) -> Any:
    """The first ``limit`` rows of the batch (all columns, or ``columns``) as a pandas DataFrame.

    >>> sample_frame  # doctest: +ELLIPSIS
    <function sample_frame at ...>
    """
    import pandas as pd
    from great_expectations.core.metric_domain_types import MetricDomainTypes
    from great_expectations.execution_engine import PandasExecutionEngine

    domain = {k: v for k, v in domain_kwargs.items() if k != "column"}
    if isinstance(execution_engine, PandasExecutionEngine):
        df, _, _ = execution_engine.get_compute_domain(domain_kwargs=domain, domain_type=MetricDomainTypes.TABLE)
        return (df[columns] if columns else df).head(limit)
    import sqlalchemy as sa

    selectable, _, _ = execution_engine.get_compute_domain(domain_kwargs=domain,
                                                           domain_type=MetricDomainTypes.TABLE)
    source = selectable.subquery() if hasattr(selectable, "subquery") and not isinstance(
        selectable, (sa.Table, sa.TableClause)) else selectable
    picked: list[Any] = [sa.column(c) for c in columns] if columns else [sa.text("*")]
    result = execution_engine.execute_query(sa.select(*picked).select_from(source).limit(limit))
    rows = result.fetchall()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(result.keys()))


def table_name_of(execution_engine: Any, domain_kwargs: dict) -> str | None:
    """The qualified name of the table behind a SQL batch, or None (pandas, queries).

    GX 1.x hands a table asset's metrics an anonymous subquery over the table, whose name is a label such as
    ``%(4201 anon)s``, never the table's; the batch's spec still names the table and its schema.

    >>> table_name_of(None, {}) is None
    True
    """
    if execution_engine is None:
        return None
    from great_expectations.execution_engine import SqlAlchemyExecutionEngine

    if not isinstance(execution_engine, SqlAlchemyExecutionEngine):
        return None
    import sqlalchemy as sa
    from great_expectations.core.metric_domain_types import MetricDomainTypes

    domain = {k: v for k, v in domain_kwargs.items() if k != "column"}
    selectable, _, _ = execution_engine.get_compute_domain(domain_kwargs=domain, domain_type=MetricDomainTypes.TABLE)
    name = getattr(selectable, "name", None)
    schema = getattr(selectable, "schema", None)
    if not isinstance(selectable, (sa.Table, sa.TableClause)) or not isinstance(name, str):
        batch = execution_engine.batch_manager.batch_cache.get(str(domain_kwargs.get("batch_id")))
        spec = getattr(batch, "batch_spec", None) or {}
        if spec.get("type") != "table":  # a query asset: no table's name
            return None
        name, schema = spec.get("table_name"), spec.get("schema_name")
        if not isinstance(name, str):
            return None
    return f"{schema}.{name}" if schema else name
