"""Add maskline's lineage to a dbt-ol event: per model output, masking facets, ``pii`` field tags and
``MASKED`` column lineage; per input, ``pii`` field tags; per run, ``maskline_identity``; per dataset,
a typed ``schema``.

dbt-ol's own ``columnLineage`` (parsed from the compiled SQL) is kept and
annotated: each masked field (``masked_columns``, column meta, or an inline
``maskline.mask()`` call) gets ``transformationType: MASKED`` and a
``masking: true`` transformation naming the method. A masked field dbt-ol did
not trace is traced to the same-named field of the model's input. Each passed field of a model maskline
knows (its project synced a policy, or it masks or tags a column) gets the transformation its compiled SQL
shows, ``IDENTITY`` for a plain select (dbt-ol sends none, which Marquez shows as null:
:func:`~openlineage_ext.dbt_sql_lineage.annotate_passed_columns`). An output column dbt-ol's lineage lacks
(its parser refuses SQL with pinned DuckDB built-ins such as ``system.main.substring(...)``) is traced in
the compiled SQL with sqlglot (:func:`~openlineage_ext.dbt_sql_lineage.complete_column_lineage`).

dbt-ol's ``schema`` facets list only declared columns, without types. Marquez
creates fields only from that facet and adds a copy of a NULL-typed field on
every event, so every dataset's ``schema`` is completed with each column the
event's column lineage names (once that lineage is pruned to the columns the manifest
and the built relations prove: :func:`prune_dbt_lineage`; dbt-ol parses it from the SQL), typed from the relations as the adapter reads them
after the build (``dbt docs generate`` into a temporary target path, once per run;
``dbt_catalog: read`` uses ``target/catalog.json`` instead), or
``data_type``, else :data:`~openlineage_ext.facets.UNKNOWN_TYPE`. Masked fields are described
("masked: hmac(length=16) of shop.raw.customers.email").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from openlineage.client.facet_v2 import column_lineage_dataset

from openlineage_ext.dbt_manifest import (
    Manifest,
    column_info_types,
    column_types,
    dbt_target_user,
    find_manifest,
    load_manifest,
    model_plan,
    snapshot_meta_columns,
)
from openlineage_ext.facets import (
    IDENTITY,
    MASKING,
    identity_facet,
    masked_description,
    masked_transformation,
    masking_facet,
    schema_facet,
    tags_facet,
)

log = logging.getLogger(__name__)


def _output_columns(dataset: Any) -> list[str]:
    facets = dataset.facets or {}
    names: list[str] = []
    schema = facets.get("schema")
    for f in getattr(schema, "fields", None) or []:
        names.append(f.name)
    lineage = facets.get("columnLineage")
    names.extend(getattr(lineage, "fields", None) or {})
    return names


def _rows(dataset: Any) -> int | None:
    stats = (getattr(dataset, "outputFacets", None) or {}).get("outputStatistics")
    rows = getattr(stats, "rowCount", None)
    return int(rows) if isinstance(rows, int) and rows > 0 else None


def _annotate_column_lineage(dataset: Any, plan: Any, inputs: list[Any]) -> None:
    facets = dataset.facets
    existing = facets.get("columnLineage")
    fields: dict[str, Any] = dict(getattr(existing, "fields", None) or {})
    by_lower = {k.lower(): k for k in fields}
    for col in plan.masked:
        transformation = masked_transformation(col)
        key = by_lower.get(col.name.lower())
        if key is not None and fields[key].inputFields:
            entry = fields[key]
            for input_field in entry.inputFields:
                input_field.transformations = [transformation]
            entry.transformationType = "MASKED"
            entry.transformationDescription = transformation.description
            continue
        if len(inputs) != 1:
            continue  # cannot tell which input the column came from: record no lineage rather than a wrong one
        source = inputs[0]
        fields[key or col.name] = column_lineage_dataset.Fields(
            inputFields=[column_lineage_dataset.InputField(namespace=source.namespace, name=source.name,
                                                           field=col.name, transformations=[transformation])],
            transformationType="MASKED", transformationDescription=transformation.description,
        )
    if fields:
        dataset_level = getattr(existing, "dataset", None) or []
        facets["columnLineage"] = column_lineage_dataset.ColumnLineageDatasetFacet(
            fields=fields, dataset=dataset_level,
            producer=getattr(existing, "_producer", None) or _producer())


def _lineage_sources(outputs: list[Any]) -> dict[tuple[str, str], list[str]]:
    """Per input dataset, the fields the outputs' column lineage reads (in order)."""
    out: dict[tuple[str, str], list[str]] = {}
    for ds in outputs:
        lineage = (ds.facets or {}).get("columnLineage")
        entries = list((getattr(lineage, "fields", None) or {}).values())
        refs = [f for e in entries for f in (e.inputFields or [])] + list(getattr(lineage, "dataset", None) or [])
        for ref in refs:
            names = out.setdefault((ref.namespace, ref.name), [])
            if ref.field not in names:
                names.append(ref.field)
    return out


def _node_sources(manifest: Manifest, node: Any) -> dict[str, str]:
    """``{lower output column: "db.schema.table.column, ..."}`` of a model, traced in its compiled SQL.

    Read from the manifest alone, so a masked field gets the same description whether the event
    has the model as its output or as an input (Marquez keeps the description of the latest event).
    """
    from openlineage_ext.dbt_sql_lineage import node_lineage

    # A description without its source is still right: none when the select list cannot be traced.
    traced = node_lineage(manifest, node)
    return {name.lower(): ", ".join(f"{r.table}.{r.column}" for r in refs)
            for name, refs in (traced.direct if traced is not None else {}).items() if refs}


def _masked_descriptions(manifest: Manifest, node: Any, names: list[str]) -> dict[str, str]:
    if node is None or node.get("resource_type") not in ("model", "snapshot"):
        return {}
    plan = model_plan(manifest, node, names)
    sources = _node_sources(manifest, node) if plan.masked else {}
    return {c.name.lower(): masked_description(c, sources.get(c.name.lower())) for c in plan.masked}


def _type_schema(ds: Any, manifest: Manifest, extra: list[str], generate: bool) -> None:
    """Replace ``ds``'s schema facet by one listing its fields and ``extra`` ones, each typed, masked ones described."""
    facets = ds.facets or {}
    existing = facets.get("schema")
    node = manifest.node_for_dataset(ds.name)
    types = column_types(manifest, node, generate=generate)
    rows: dict[str, tuple[str, str | None, str | None]] = {}
    for f in getattr(existing, "fields", None) or []:
        rows[f.name.lower()] = (f.name, f.type or types.get(f.name.lower()), f.description or None)
    for name in extra:
        rows.setdefault(name.lower(), (name, types.get(name.lower()), None))
    if not rows:
        return
    for key, text in _masked_descriptions(manifest, node, [r[0] for r in rows.values()]).items():
        if key in rows:
            rows[key] = (rows[key][0], rows[key][1], text)
    ds.facets = {**facets, "schema": schema_facet(rows.values())}


def _type_all(event: Any, manifest: Manifest, generate: bool) -> None:
    outputs = list(getattr(event, "outputs", None) or [])
    read = _lineage_sources(outputs)
    for ds in list(getattr(event, "inputs", None) or []):
        _type_schema(ds, manifest, read.get((ds.namespace, ds.name), []), generate)
    for ds in outputs:
        lineage = (ds.facets or {}).get("columnLineage")
        # A snapshot's table holds dbt's columns beside the selected ones; Marquez makes a version's fields from
        # this facet, so without them the snapshot's schema there lacked dbt_scd_id, dbt_valid_from, ...
        written = snapshot_meta_columns(manifest.node_for_dataset(ds.name))
        _type_schema(ds, manifest, list(getattr(lineage, "fields", None) or {}) + written, generate)


def _producer() -> str:
    from openlineage_ext.facets import producer

    return producer()


def _identity(manifest: Manifest, naming: str | None) -> Any:
    from openlineage_ext.identity import Principal, agent_principals, kind_of, os_user, resolve_identity

    principals: list[Principal] = list(agent_principals())
    user = dbt_target_user(manifest.path)
    if user:
        principals.append(Principal(kind_of(user), user, "dbt.target_user"))
    me = os_user()
    if me:
        principals.append(me)
    return resolve_identity(principals, naming=naming)


def _drop_key_place_tag(run: Any) -> None:
    """Remove the run tags dbt-ol makes of the macros' ``maskline_key_place`` and ``maskline_unclassified`` meta
    (every meta entry becomes one): they are maskline's notes to itself, read for ``keyCheck``
    (:mod:`openlineage_ext.dbt_key_check`) and the unclassified rule (``dbt_manifest.unclassified_redacted``), not
    lineage."""
    from openlineage_ext.dbt_key_check import PLACE
    from openlineage_ext.dbt_manifest import UNCLASSIFIED

    tags = run.facets.get("tags")
    fields = list(getattr(tags, "tags", None) or [])
    kept = [t for t in fields
            if not (getattr(t, "key", None) in (PLACE, UNCLASSIFIED) and getattr(t, "source", None) == "DBT_META")]
    if len(kept) == len(fields):
        return
    if kept:
        tags.tags = kept
    else:
        del run.facets["tags"]


def enrich_dbt_event(event: Any, properties: Mapping[str, Any], *, identity_names: str | None = None) -> Any:
    """Add maskline facets to one dbt-ol event in place (no-op for events with no manifest to read).

    >>> enrich_dbt_event(object(), {"manifest_path": "/nonexistent/manifest.json"}) is not None
    True
    """
    path = find_manifest(properties)
    if path is None:
        return event
    manifest = load_manifest(path)
    run = getattr(event, "run", None)
    if run is not None:
        run.facets = dict(run.facets or {})
        run.facets.setdefault(IDENTITY, identity_facet(_identity(manifest, identity_names)))
        _drop_key_place_tag(run)
    job_facets = getattr(getattr(event, "job", None), "facets", None) or {}
    unique_id = getattr(job_facets.get("dbt_node"), "unique_id", None)
    node = manifest.node(unique_id)
    inputs = list(getattr(event, "inputs", None) or [])
    for ds in inputs:
        source = manifest.node_for_dataset(ds.name)
        tagged = column_info_types(source, manifest) if source else []
        if tagged:
            ds.facets = dict(ds.facets or {})
            ds.facets["tags"] = tags_facet(tagged, ds.facets.get("tags"))
    if node is not None and node.get("resource_type") == "seed":  # raw data: tagged, never masked
        for ds in getattr(event, "outputs", None) or []:
            tagged = column_info_types(node, manifest)
            if tagged:
                ds.facets = dict(ds.facets or {})
                ds.facets["tags"] = tags_facet(tagged, ds.facets.get("tags"))
    elif node is not None and node.get("resource_type") in ("model", "snapshot"):
        from openlineage_ext.dbt_key_check import dbt_key_check
        from openlineage_ext.dbt_sql_lineage import annotate_passed_columns, complete_column_lineage

        for ds in getattr(event, "outputs", None) or []:
            # dbt-ol gives no column lineage for SQL its parser cannot read (pinned built-ins named like its
            # keywords): traced here instead, before the plan, the tags and the schema are read from it.
            try:
                complete_column_lineage(ds, manifest, node, inputs, _producer())
            except Exception as e:  # noqa: BLE001 - best effort: the masking facets below must come whatever happens
                # The class only: an exception's text can quote the model's SQL, literals and all.
                log.warning("maskline: could not trace the column lineage of dbt model %s (%s); its masking facets "
                            "are still written", node.get("unique_id") or unique_id, type(e).__name__)
            plan = model_plan(manifest, node, _output_columns(ds))
            sensitive = any(c.info_type or c.masked for c in plan.columns)
            if not sensitive and manifest.synced_policy is None:
                continue  # a model maskline knows nothing of: dbt-ol's lineage as it is
            ds.facets = dict(ds.facets or {})
            _annotate_column_lineage(ds, plan, inputs)
            try:
                annotate_passed_columns(ds, manifest, node, plan, inputs, _producer())
            except Exception as e:  # noqa: BLE001 - best effort, as above: the masking facets still come
                log.warning("maskline: could not trace the passed columns of dbt model %s (%s)",
                            node.get("unique_id") or unique_id, type(e).__name__)
            if not sensitive:
                continue
            ds.facets["tags"] = tags_facet(((c.name, c.info_type) for c in plan.columns), ds.facets.get("tags"))
            adapter = str(manifest.data.get("metadata", {}).get("adapter_type") or "")
            ds.facets[MASKING] = masking_facet(plan, rows=_rows(ds), engine=f"dbt-{adapter}" if adapter else "dbt",
                                               key_check=dbt_key_check(node))
    mode = str(properties.get("dbt_catalog") or os.environ.get("MASKLINE_DBT_CATALOG") or "generate").lower()
    # Before the schemas are completed from the column lineage, so a name parsed from the SQL is never typed in.
    _prune(event, manifest, generate=mode == "generate")
    _type_all(event, manifest, generate=mode == "generate")
    return event


def prune_dbt_lineage(event: Any, properties: Mapping[str, Any]) -> int:
    """Prune a dbt-ol event's column lineage, in place, to the fields the manifest proves; how many went.

    Once enriched, a dbt event's ``schema`` facets list every field its column lineage names (so Marquez creates
    them), which makes them no proof: dbt-ol parses that lineage from the compiled SQL, where a value typed
    unquoted reads as a column. The proof is the manifest instead: each dataset's node's declared columns and its
    relation's columns as the adapter reads them (:func:`~openlineage_ext.dbt_manifest.column_types`).
    Without a manifest, the event's own catalog facets are the proof, as for any event.

    >>> prune_dbt_lineage(object(), {"manifest_path": "/nonexistent/manifest.json"})
    0
    """
    from openlineage_ext.catalog_names import dataset_fields
    from openlineage_ext.proven_lineage import prune_unproven_fields

    path = find_manifest(properties)
    if path is None:
        return prune_unproven_fields(event, dataset_fields())
    mode = str(properties.get("dbt_catalog") or os.environ.get("MASKLINE_DBT_CATALOG") or "generate").lower()
    return _prune(event, load_manifest(path), generate=mode == "generate")


def _prune(event: Any, manifest: Manifest, *, generate: bool) -> int:
    """Prune ``event``'s column lineage to the columns ``manifest`` and the built relations prove."""
    from openlineage_ext.catalog_names import dataset_fields, dataset_key, member
    from openlineage_ext.proven_lineage import prune_unproven_fields

    proof: dict[tuple[str, str], set[str]] = {}
    for kind in ("inputs", "outputs"):
        for ds in member(event, kind) or ():
            node = manifest.node_for_dataset(str(member(ds, "name") or ""))
            names = {str(c).lower() for c in (node or {}).get("columns") or {}}
            names |= set(column_types(manifest, node, generate=generate))
            proof.setdefault(dataset_key(ds), set()).update(names)
    return prune_unproven_fields(event, dataset_fields(), proof)
