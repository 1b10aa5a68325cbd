"""The classifier's verdicts on a GX batch: the whole batch's sample and its name, as ``maskline scan`` reads a table.

A column's verdict reads more than the column: the table's name (a ``name`` column in ``storms`` names storms,
:mod:`maskline.infotypes.table_names`) and the table's other columns (four-digit codes beside people's contact data
are their postal codes, a number computed from two others is a measurement, :mod:`maskline.classify.table_context`).
Every GX metric that classifies therefore calls :func:`classify_batch`, which hands :func:`maskline.classify.classify`
a bounded sample of *all* the batch's columns (the first ``limit`` rows, read by
:func:`~maskline.expectations.sampling.sample_frame`) and the batch's name (:func:`batch_name`). A metric that
sampled one column, or dropped the name, would call a column what ``maskline scan`` does not.
"""

from __future__ import annotations

from typing import Any

from maskline.expectations.sampling import DEFAULT_SAMPLE, sample_frame, table_name_of


def batch_name(execution_engine: Any, domain_kwargs: dict) -> str | None:
    """The name ``maskline scan`` would give the batch's table, or None.

    A SQL table batch is named by its relation (``schema.table``, as a ``::schema.table`` URI names it). Any
    other batch (a DataFrame, a DuckDB table read through pandas by
    :func:`~maskline.expectations.batches.duckdb_batch`) by its data asset's name: in GX the data asset *is* the
    named table, the name the user chose for these rows (a query asset's too). A batch without an asset has none;
    no name is read then, which only keeps a ``name`` column a person's (a table's name can refute PERSON_NAME,
    nothing else).

    >>> batch_name(None, {}) is None
    True
    """
    if execution_engine is None:
        return None
    relation = table_name_of(execution_engine, domain_kwargs)
    if relation:
        return relation
    batch = execution_engine.batch_manager.batch_cache.get(str(domain_kwargs.get("batch_id")))
    asset = getattr(getattr(batch, "batch_request", None), "data_asset_name", None)
    return asset if isinstance(asset, str) and asset else None


def classify_batch(execution_engine: Any, domain_kwargs: dict, policy: Any = None, *, table: str | None = None,
                   limit: int = DEFAULT_SAMPLE) -> Any:
    """Classify every column of the batch from its first ``limit`` rows, under the batch's name.

    ``table`` overrides the name (a dataset the caller names explicitly); else :func:`batch_name`. ``policy``
    adds its custom info types, allow-list and ``min_confidence``, as for ``maskline scan --policy``.
    Returns a :class:`~maskline.classify.result.Classification`; it holds no sampled value.

    >>> import pandas as pd
    >>> from great_expectations.execution_engine import PandasExecutionEngine
    >>> engine = PandasExecutionEngine()
    >>> engine.load_batch_data("b1", pd.DataFrame({"name": ["Katrina", "Andrew", "Sandy", "Maria", "Ida"] * 6}))
    >>> [classify_batch(engine, {"batch_id": "b1"}, table=t).by_name()["name"].info_type for t in (None, "storms")]
    ['PERSON_NAME', None]
    """
    from maskline.classify import classify

    domain = {k: v for k, v in domain_kwargs.items() if k != "column"}
    frame = sample_frame(execution_engine, domain, None, limit)
    return classify(frame, policy, table=table or batch_name(execution_engine, domain), sample=limit)
