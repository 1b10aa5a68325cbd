"""Best-effort lineage for maskline operators: never fails a task.

Operators record what they did (plan, classification, rows, datasets) in a
:class:`LineageRecord`; ``get_openlineage_facets_on_complete`` turns it into
an ``OperatorLineage`` through :func:`openlineage_ext.operator_lineage.lineage_for_plan`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# The type names lineage uses live beside the facets, so the MCP server's events name types as these do.
from openlineage_ext.lineage_types import LINEAGE_TYPE_NAMES, lineage_type, renamed_types  # noqa: F401

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
    # (column, type) as written to the output, read back from it: the output's typed schema facet.
    output_fields: tuple[tuple[str, str | None], ...] | None = None
    # A query's column lineage: per output column, (namespace, dataset, field, subtype) of its direct
    # inputs; the indirect inputs; and each input dataset as (namespace, dataset, plan of that table).
    sources: Mapping[str, tuple[tuple[str, str, str, str], ...]] | None = None
    indirect: tuple[tuple[str, str, str, str], ...] = ()
    inputs: tuple[tuple[str, str, Any], ...] | None = field(default=None)
    # Which key masked the output (openlineage_ext.facets.key_check): its check value, never the key.
    key_check: Mapping[str, Any] | None = None


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

        dialect = record.engine
        output_fields = (tuple((n, lineage_type(dialect, t)) for n, t in record.output_fields)
                         if record.output_fields else None)
        inputs = (tuple((ns, name, renamed_types(p, dialect)) for ns, name, p in record.inputs)
                  if record.inputs else None)
        return lineage_for_plan(
            renamed_types(record.plan, dialect),
            input_namespace=record.input_namespace,
            input_name=record.input_name,
            output_namespace=record.output_namespace,
            output_name=record.output_name,
            classification=record.classification,
            rows=record.rows,
            identity=None,
            engine=record.engine,
            output_fields=output_fields,
            sources=record.sources,
            indirect=record.indirect,
            inputs=inputs,
            key_check=record.key_check,
        )
    except Exception as e:  # noqa: BLE001 - lineage is best effort and must never fail the task
        log.warning("maskline lineage skipped: %s", type(e).__name__)
        return OperatorLineage()


def written_fields(warehouse: Any, table: str) -> tuple[tuple[str, str | None], ...] | None:
    """The ``(column, type)`` pairs of a table just written, for the output's schema facet; None if unreadable.

    >>> class W:
    ...     def columns(self, name): return [("id", "integer"), ("email", "text")]
    >>> written_fields(W(), "customers_masked")
    (('id', 'integer'), ('email', 'text'))
    """
    try:
        return tuple((name, type_ or None) for name, type_ in warehouse.columns(table)) or None
    except Exception:  # noqa: BLE001 - lineage is best effort; the plan's types stand in
        return None


def file_fields(path: str) -> tuple[tuple[str, str | None], ...] | None:
    """The ``(column, type)`` pairs of a CSV or Parquet file just written, read by the core as maskline reads its
    input (:func:`maskline.engine.file_schema.file_schema`: a CSV through the one CSV reader); None if unreadable.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.csv"; _ = f.write_text("id,email\\n1,x\\n")
    >>> file_fields(str(f))
    (('id', 'BIGINT'), ('email', 'VARCHAR'))
    """
    try:
        from maskline.engine.file_schema import file_schema

        return tuple((name, type_ or None) for name, type_ in file_schema(path)) or None
    except Exception:  # noqa: BLE001 - lineage is best effort; the plan's types stand in
        return None


def key_check_of(key: Any, policy: Any) -> Mapping[str, Any] | None:
    """The ``keyCheck`` of a run that masked under ``key`` (None: no key read), for the record; never raises.

    >>> from maskline.keys import KeyMaterial
    >>> from maskline.policy import load_policy
    >>> key_check_of(KeyMaterial(b"k" * 16), load_policy({}))["derivation"], key_check_of(None, load_policy({}))
    (1, None)
    """
    if key is None:
        return None
    try:
        from maskline.keys import DEFAULT_DERIVATION, key_check

        return key_check(key, policy.key.derivation if policy.key is not None else DEFAULT_DERIVATION)
    except Exception as e:  # noqa: BLE001 - lineage is best effort and must never fail the task
        log.warning("maskline: no key check value for lineage (%s)", type(e).__name__)
        return None


def query_record(masked: Any, rows: int | None, hook: Any, dialect: str, target: str,
                 output_fields: tuple[tuple[str, str | None], ...] | None,
                 key_check: Mapping[str, Any] | None = None) -> LineageRecord | None:
    """The lineage of a masked query: every table it read, and each output column's inputs after the
    OpenLineage column-lineage spec (:mod:`openlineage_ext.query_lineage`). If the SQL cannot be traced,
    outputs get no column lineage rather than invented one. Never raises (None: no lineage), since it
    runs inside ``execute()``.

    >>> query_record(None, None, None, "duckdb", "t", None) is None  # nothing to trace: None, no exception
    True
    """
    try:
        return _query_record(masked, rows, hook, dialect, target, output_fields, key_check)
    except Exception as e:  # noqa: BLE001 - lineage must never fail the task
        log.warning("maskline: no lineage for the query (%s)", type(e).__name__)
        return None


def _query_record(masked: Any, rows: int | None, hook: Any, dialect: str, target: str,
                  output_fields: tuple[tuple[str, str | None], ...] | None,
                  key_check: Mapping[str, Any] | None = None) -> LineageRecord:
    namespace = dataset_namespace(hook, dialect)
    tables = list(masked.sources)
    names = {t: relation_dataset_name(t, dialect, hook) for t in tables}
    relations = getattr(masked, "relations", None) or {}
    sources: dict[str, tuple[tuple[str, str, str, str], ...]] = {c.name: () for c in masked.plan.columns}
    indirect: tuple[tuple[str, str, str, str], ...] = ()
    try:
        from openlineage_ext.query_lineage import query_lineage

        traced = query_lineage(masked.original_sql, masked.schema, masked.sqlglot_dialect, relations or None)

        def resolve(table: str) -> str:
            # Traced with the rewrite's relations, a table is named as the rewrite resolved it (the same table,
            # never a namesake of another schema); a name the rewrite did not record is named as written.
            relation = relations.get(table.lower(), table.lower())
            if relation in names:
                return names[relation]
            return dataset_name(table, dialect, hook)

        for name, refs in traced.direct.items():
            sources[name] = tuple((namespace, resolve(r.table), r.column, r.subtype) for r in refs)
        indirect = tuple((namespace, resolve(r.table), r.column, r.subtype) for r in traced.indirect)
    except Exception as e:  # noqa: BLE001 - lineage is best effort
        log.warning("maskline: no column lineage for the query (%s)", type(e).__name__)
    inputs = tuple((namespace, names[t], masked.input_plans[t]) for t in tables if t in masked.input_plans)
    return LineageRecord(masked.plan, None, rows, namespace, names[tables[0]] if tables else "query",
                         namespace, dataset_name(target, dialect, hook), engine=dialect, output_fields=output_fields,
                         sources=sources, indirect=indirect, inputs=inputs or None, key_check=key_check)


def _connection(hook: Any) -> Any:
    try:
        return hook.get_connection(hook.get_conn_id())
    except Exception:  # noqa: BLE001 - a namespace is still needed when the connection is odd
        return None


def dataset_namespace(hook: Any, dialect: str) -> str:
    """The OpenLineage namespace of a hook's database, as its engine's adapter names it.

    >>> class H:
    ...     def get_connection(self, _): return type("C", (), {"host": "db", "port": 5432, "schema": "x"})()
    ...     def get_conn_id(self): return "pg"
    >>> dataset_namespace(H(), "postgres")
    'postgres://db:5432'
    """
    from maskline.adapters import engine
    from maskline.lineage_names import table_namespace

    conn = _connection(hook)
    if conn is None:
        return f"{engine(dialect).name}://unknown"
    database = getattr(hook, "get_database", lambda: None)() if engine(dialect).file_based else conn.schema
    return table_namespace(dialect, conn.host, conn.port, database)


def relation_dataset_name(relation: str, dialect: str, hook: Any) -> str:
    """The dataset name of a relation a rewrite resolved (``catalog.schema.table``, :attr:`MaskedQuery.sources
    <airflow_plugin.query_masking.MaskedQuery>`): its catalog is the connection's own (a masked query reads no
    other), so it is named as :func:`dataset_name` names ``schema.table`` on the connection, the node the task
    that wrote the table made.

    >>> relation_dataset_name("memory.main.customers", "duckdb", None), relation_dataset_name("b.t", "duckdb", None)
    ('main.customers', 'b.t')
    """
    return dataset_name(".".join(relation.split(".")[-2:]), dialect, hook)


def dataset_name(table: str, dialect: str, hook: Any) -> str:
    """``database.schema.table`` as OpenLineage names SQL tables, filling defaults: the core's rule
    (:func:`maskline.lineage_names.table_dataset_name`), which the MCP server's lineage uses too.

    >>> dataset_name("customers", "duckdb", None)
    'main.customers'
    """
    from maskline.adapters import engine
    from maskline.lineage_names import table_dataset_name

    conn = None if engine(dialect).file_based or hook is None else _connection(hook)
    return table_dataset_name(dialect, table, database=getattr(conn, "schema", None) if conn is not None else None)
