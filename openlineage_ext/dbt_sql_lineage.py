"""A dbt model's column lineage traced in its compiled SQL: the output columns dbt-ol's own parse left out, and
the transformation of the passed ones.

dbt-ol parses each model's compiled SQL with openlineage-sql, and a statement that parser cannot read gets no
``columnLineage`` at all. maskline's dbt macros print DuckDB's built-ins pinned (``system.main.trim(x)``:
:mod:`maskline.dialects.duckdb_builtins`), and that parser refuses a pinned call whose name is one of its keywords
(``substring``, ``trim``, ``extract``...): a model masking a column that way lost the lineage of every column,
and with it the ``schema`` fields Marquez creates from that lineage.

The same SQL is traced here with sqlglot (:func:`~openlineage_ext.query_lineage.query_lineage`, which reads a
pinned call as the call it names). Each traced table is matched to one of the event's inputs by its name; a
column is given lineage only when every one of its sources is an input of the event (none rather than part of
it), and never over an entry dbt-ol wrote. Like dbt-ol's, the fields are then pruned to those the manifest and
the built relations prove (:func:`openlineage_ext.dbt_events.prune_dbt_lineage`).

The same trace gives each passed column its transformation (:func:`annotate_passed_columns`): dbt-ol's entries
carry none, which Marquez shows as a null transformation type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from openlineage.client.facet_v2 import column_lineage_dataset

from openlineage_ext.facets import strongest_subtype

# dbt adapter type -> sqlglot dialect its compiled SQL is written in
ADAPTER_DIALECTS = {"postgres": "postgres", "duckdb": "duckdb", "snowflake": "snowflake", "bigquery": "bigquery",
                    "spark": "spark", "databricks": "databricks", "trino": "trino"}
_TRACED: dict[tuple[str, str, str], Any] = {}


def _parts(name: str) -> list[str]:
    return [p.strip('"`').lower() for p in name.split(".")]


def own_relation_schema(node: Mapping[str, Any] | None, sql: str, dialect: str) -> dict[str, Any]:
    """The model's own relation (``{{ this }}``, the node's ``relation_name``) as a sqlglot schema, its columns the
    names the compiled SQL's select list gives; empty when either is unknown (no relation, ``select *``).

    An incremental model's run reads its own table (``where id > (select max(id) from {{ this }})``). Without that
    table's columns sqlglot cannot tell whether the subquery's unqualified ``id`` is the table's or a correlated
    column of the outer query, and refuses the whole statement. The relation is what this very select list built,
    so its columns are known by construction, and the subquery is then scoped to it as SQL scopes it (a column of
    the innermost table first).

    >>> own_relation_schema({"relation_name": '"db"."main"."m"'}, "select t.a, upper(b) as u from t", "duckdb")
    {'db': {'main': {'m': {'a': 'UNKNOWN', 'u': 'UNKNOWN'}}}}
    >>> own_relation_schema({"relation_name": '"db"."main"."m"'}, "select * from t", "duckdb")
    {}
    """
    import sqlglot
    from sqlglot import exp

    from openlineage_ext.query_lineage import output_names

    relation = str((node or {}).get("relation_name") or "")
    if not relation.strip():
        return {}
    names = output_names(sqlglot.parse_one(sql, read=dialect or None))
    if not names or any(not n or n == "*" for n in names):
        return {}
    schema: dict[str, Any] = {n: "UNKNOWN" for n in names}
    for part in reversed(exp.to_table(relation, dialect=dialect or None).parts):
        schema = {part.name: schema}
    return schema


def node_lineage(manifest: Any, node: Mapping[str, Any] | None) -> Any:
    """The :class:`~openlineage_ext.query_lineage.QueryLineage` of a model's compiled SQL, traced once per
    manifest, node and SQL; None when there is none or sqlglot cannot trace it. The model's own relation is known
    to the trace (:func:`own_relation_schema`), so an incremental run's filter on it is traced too.

    >>> from openlineage_ext.dbt_manifest import Manifest
    >>> m = Manifest({"metadata": {"adapter_type": "duckdb"}}, "/x/target/manifest.json")
    >>> lin = node_lineage(m, {"unique_id": "model.p.q",
    ...                        "compiled_code": 'select system.main.trim(t.a) as a from "db"."raw"."t" as t'})
    >>> lin.direct["a"][0].table, lin.direct["a"][0].column
    ('db.raw.t', 'a')
    >>> node_lineage(m, {"unique_id": "model.p.r", "compiled_code": "select from where"}) is None
    True
    >>> sql = 'select t.a, b from "db"."raw"."t" as t where b > (select max(b) from "db"."main"."m")'
    >>> lin = node_lineage(m, {"unique_id": "model.p.m", "relation_name": '"db"."main"."m"', "compiled_code": sql})
    >>> [(r.table, r.column) for r in lin.direct["a"]], [(r.table, r.column) for r in lin.direct["b"]]
    ([('db.raw.t', 'a')], [('db.raw.t', 'b')])
    """
    sql = str((node or {}).get("compiled_code") or "")
    if not sql.strip():
        return None
    key = (manifest.path, str((node or {}).get("unique_id")), sql)
    if key not in _TRACED:
        from openlineage_ext.query_lineage import query_lineage

        dialect = ADAPTER_DIALECTS.get(str(manifest.data.get("metadata", {}).get("adapter_type") or ""), "")
        try:
            _TRACED[key] = query_lineage(sql, own_relation_schema(node, sql, dialect), dialect)
        except Exception:  # noqa: BLE001 - SQL sqlglot cannot trace gives no lineage, never a guessed one
            _TRACED[key] = None
    return _TRACED[key]


def _input_for(table: str, inputs: Sequence[Any]) -> Any:
    """The one input whose name ends like ``table`` (at least schema and relation, case-insensitive), or None."""
    wanted = _parts(table)
    found = []
    for ds in inputs:
        parts = _parts(str(getattr(ds, "name", "") or ""))
        n = min(len(parts), len(wanted))
        if n >= 2 and parts[-n:] == wanted[-n:]:
            found.append(ds)
    return found[0] if len(found) == 1 else None


def _traced_fields(dataset: Any, manifest: Any, node: Mapping[str, Any] | None,
                   ) -> tuple[Any, dict[str, Any], Any, dict[str, Any]] | None:
    """What both passes over a model's lineage start from: the compiled SQL's trace, a copy of ``dataset``'s
    facets, its ``columnLineage`` facet (or None) and a copy of that facet's fields; None when nothing is traced.
    The copies leave ``dataset`` as it was until :func:`_set_fields` writes the result back."""
    traced = node_lineage(manifest, node)
    if traced is None:
        return None
    facets = dict(getattr(dataset, "facets", None) or {})
    existing = facets.get("columnLineage")
    return traced, facets, existing, dict(getattr(existing, "fields", None) or {})


def _matched_inputs(sources: Sequence[Any], inputs: Sequence[Any]) -> list[tuple[Any, Any]] | None:
    """Each traced source with the event input it reads, or None when any source is no input of the event: a
    column then gets nothing rather than part of its lineage."""
    matched = [(_input_for(s.table, inputs), s) for s in sources]
    return None if any(ds is None for ds, _ in matched) else matched


def complete_column_lineage(dataset: Any, manifest: Any, node: Mapping[str, Any] | None, inputs: Sequence[Any],
                            producer: str) -> list[str]:
    """Add to ``dataset``'s ``columnLineage`` (in place) each output column the compiled SQL traces to the event's
    ``inputs`` and the facet lacks; the names added.

    >>> from types import SimpleNamespace as NS
    >>> from openlineage_ext.dbt_manifest import Manifest
    >>> m = Manifest({"metadata": {"adapter_type": "duckdb"}}, "/x/target/manifest.json")
    >>> node = {"unique_id": "model.p.q", "compiled_code": 'select t.id, system.main.substring(t.note, 1, 2) as n, '
    ...         'system.main."||"(t.a, o.b) as ab from "db"."raw"."t" as t join "db"."raw"."o" as o on o.id = t.id'}
    >>> out, raw = NS(facets={}), NS(namespace="duckdb://x", name="db.raw.t")
    >>> complete_column_lineage(out, m, node, [raw], "doctest")  # ab reads o too, which is no input here
    ['id', 'n']
    >>> [(f.name, f.field) for f in out.facets["columnLineage"].fields["n"].inputFields]
    [('db.raw.t', 'note')]
    """
    found = _traced_fields(dataset, manifest, node)
    if found is None:
        return []
    traced, facets, existing, fields = found
    present = {k.lower() for k in fields}
    added: list[str] = []
    for name, sources in traced.direct.items():
        if not name or name == "*" or name.lower() in present or not sources:
            continue
        matched = _matched_inputs(sources, inputs)
        if matched is None:
            continue
        fields[name] = column_lineage_dataset.Fields(inputFields=[
            column_lineage_dataset.InputField(namespace=ds.namespace, name=ds.name, field=s.column, transformations=[])
            for ds, s in matched])
        present.add(name.lower())
        added.append(name)
    if added:
        _set_fields(dataset, facets, existing, fields, producer)
    return added


def _set_fields(dataset: Any, facets: dict[str, Any], existing: Any, fields: dict[str, Any], producer: str) -> None:
    """Give ``dataset`` a ``columnLineage`` facet of ``fields``, keeping the existing facet's dataset-level
    entries and producer."""
    facets["columnLineage"] = column_lineage_dataset.ColumnLineageDatasetFacet(
        fields=fields, dataset=getattr(existing, "dataset", None) or [],
        producer=getattr(existing, "_producer", None) or producer)
    dataset.facets = facets


def annotate_passed_columns(dataset: Any, manifest: Any, node: Mapping[str, Any] | None, plan: Any,
                            inputs: Sequence[Any], producer: str) -> list[str]:
    """Give each passed (unmasked) column of ``plan`` on ``dataset`` (in place) its transformation as the model's
    compiled SQL shows it: ``IDENTITY`` for a plain select of an input column, else ``TRANSFORMATION`` or
    ``AGGREGATION``; the names annotated.

    dbt-ol's parser gives input fields but no transformation, which Marquez shows as a null transformation type.
    The subtype comes from the SQL's structure (sqlglot), never from values. A column gets nothing when its
    sources are not all inputs of the event, when it reads no column (a literal, ``count(*)``), or when dbt-ol
    traced it to other input fields than sqlglot does: no transformation rather than a guessed one.

    >>> from types import SimpleNamespace as NS
    >>> from openlineage_ext.dbt_manifest import Manifest
    >>> from maskline.plan import ColumnPlan, Plan
    >>> m = Manifest({"metadata": {"adapter_type": "duckdb"}}, "/x/target/manifest.json")
    >>> node = {"unique_id": "model.p.q", "compiled_code": 'select "id", upper("name") as name, 1 as one, '
    ...         '"email" from "db"."raw"."t"'}
    >>> plan = Plan("q", tuple(ColumnPlan(n, None, None, None, "pass") for n in ("id", "name", "one")), "h", "dbt")
    >>> out, raw = NS(facets={}), NS(namespace="duckdb://x", name="db.raw.t")
    >>> annotate_passed_columns(out, m, node, plan, [raw], "doctest")
    ['id', 'name']
    >>> [(k, f.transformationType) for k, f in out.facets["columnLineage"].fields.items()]
    [('id', 'IDENTITY'), ('name', 'TRANSFORMATION')]
    """
    found = _traced_fields(dataset, manifest, node)
    if found is None:
        return []
    traced, facets, existing, fields = found
    by_lower = {k.lower(): k for k in fields}
    direct = {k.lower(): v for k, v in traced.direct.items() if k}
    done: list[str] = []
    for col in plan.columns:
        sources = direct.get(col.name.lower())
        if col.masked or not sources:
            continue
        matched = _matched_inputs(sources, inputs)
        if matched is None:
            continue
        ours = {(ds.namespace, ds.name, s.column.lower()): s.subtype for ds, s in matched}
        key = by_lower.get(col.name.lower(), col.name)
        theirs = list(getattr(fields.get(key), "inputFields", None) or [])
        if theirs and {(f.namespace, f.name, str(f.field).lower()) for f in theirs} != set(ours):
            continue  # dbt-ol and sqlglot read the SQL apart: say nothing rather than pick one
        kept = theirs or [column_lineage_dataset.InputField(namespace=ds.namespace, name=ds.name, field=s.column)
                          for ds, s in matched]
        entries = []
        for f in kept:
            subtype = ours[(f.namespace, f.name, str(f.field).lower())]
            entries.append(column_lineage_dataset.InputField(
                namespace=f.namespace, name=f.name, field=f.field,
                transformations=[column_lineage_dataset.Transformation(type="DIRECT", subtype=subtype,
                                                                       masking=False)]))
        fields[key] = column_lineage_dataset.Fields(
            inputFields=entries, transformationType=strongest_subtype(s.subtype for _, s in matched),
            transformationDescription=f"passed unmasked: {col.rule}")
        done.append(key)
    if done:
        _set_fields(dataset, facets, existing, fields, producer)
    return done
