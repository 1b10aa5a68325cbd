"""Best-effort lineage for maskline operators: never fails a task.

Operators record what they did (plan, classification, rows, datasets) in a
:class:`LineageRecord`; ``get_openlineage_facets_on_complete`` turns it into
an ``OperatorLineage`` through :func:`openlineage_ext.operator_lineage.lineage_for_plan`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LineageRecord:
    """What a maskline operator read and wrote, without any value.

    >>> LineageRecord(None, None, 3, "file", "/a.csv", "file", "/b.csv").rows
    3
    """

    plan: Any
    classification: Any
    rows: int | None
    input_namespace: str
    input_name: str
    output_namespace: str
    output_name: str
    engine: str | None = None


def operator_lineage(record: LineageRecord | None) -> Any:
    """An ``OperatorLineage`` for ``record``, or an empty one if anything goes wrong.

    >>> operator_lineage(None)  # doctest: +SKIP
    OperatorLineage(inputs=[], outputs=[], run_facets={}, job_facets={})
    """
    try:
        from airflow.providers.openlineage.extractors import OperatorLineage
    except Exception:  # noqa: BLE001 - the OpenLineage provider is optional
        return None
    if record is None or record.plan is None:
        return OperatorLineage()
    try:
        from openlineage_ext.operator_lineage import lineage_for_plan

        return lineage_for_plan(
            record.plan,
            input_namespace=record.input_namespace,
            input_name=record.input_name,
            output_namespace=record.output_namespace,
            output_name=record.output_name,
            classification=record.classification,
            rows=record.rows,
            identity=None,
            engine=record.engine,
        )
    except Exception as e:  # noqa: BLE001 - lineage is best effort and must never fail the task
        log.warning("maskline lineage skipped: %s", type(e).__name__)
        return OperatorLineage()


def dataset_namespace(hook: Any, dialect: str) -> str:
    """The OpenLineage namespace of a hook's database (``postgres://host:port``, ``duckdb://path``).

    >>> class H:
    ...     def get_connection(self, _): return type("C", (), {"host": "db", "port": 5432, "schema": "x"})()
    ...     def get_conn_id(self): return "pg"
    >>> dataset_namespace(H(), "postgres")
    'postgres://db:5432'
    """
    try:
        conn = hook.get_connection(hook.get_conn_id())
    except Exception:  # noqa: BLE001 - a namespace is still needed when the connection is odd
        return f"{dialect}://unknown"
    if dialect == "postgres":
        return f"postgres://{conn.host or 'localhost'}:{conn.port or 5432}"
    if dialect == "duckdb":
        database = getattr(hook, "get_database", lambda: conn.host or ":memory:")()
        return f"duckdb://{database}"
    return f"{dialect}://{conn.host or ''}"


def dataset_name(table: str, dialect: str, hook: Any) -> str:
    """``database.schema.table`` as OpenLineage names SQL tables, filling defaults.

    >>> dataset_name("customers", "duckdb", None)
    'main.customers'
    """
    parts = table.split(".")
    if dialect == "postgres":
        try:
            database = hook.get_connection(hook.get_conn_id()).schema or "postgres"
        except Exception:  # noqa: BLE001
            database = "postgres"
        if len(parts) == 1:
            parts = ["public", *parts]
        if len(parts) == 2:
            parts = [database, *parts]
    elif dialect == "duckdb" and len(parts) == 1:
        parts = ["main", *parts]
    return ".".join(parts)
