"""Column lineage keeps only the fields the catalog proves: a query's text proves no column.

The provider's SQL extractor (openlineage-sql) builds the ``columnLineage`` facet from the query text. A value
typed without quotes in a projection (``INSERT INTO t SELECT X98234571 AS a FROM users``) parses as a column, so it
became an input field (``{"name": "...users", "field": "X98234571"}``), and lineage copies field names as they are.
So the event scrubber first drops, from every ``columnLineage`` facet, each output field and each input field
(direct or in the facet's ``dataset`` list) that the catalog does not name for its dataset: the event's own
``schema`` and maskline facets for that namespace and name, or what an earlier event described for it
(:class:`openlineage_ext.catalog_names.DatasetFields`). A dataset nothing described proves no field: its column
lineage goes, which loses readability, never a value. The SQL facet does not trust column lineage either
(:func:`openlineage_ext.catalog_names.event_names`). dbt-ol events are pruned after the manifest is read, whose
columns prove a dbt model's (:func:`openlineage_ext.dbt_events.prune_dbt_lineage`).

>>> from openlineage_ext.catalog_names import DatasetFields
>>> users = {"namespace": "pg", "name": "db.users", "facets": {"schema": {"fields": [{"name": "ssn"}]}}}
>>> out = {"namespace": "pg", "name": "db.t", "facets": {"schema": {"fields": [{"name": "a"}]}, "columnLineage": {
...     "fields": {"a": {"inputFields": [{"namespace": "pg", "name": "db.users", "field": "X98234571"},
...                                      {"namespace": "pg", "name": "db.users", "field": "ssn"}]}}}}}
>>> prune_unproven_fields({"inputs": [users], "outputs": [out]}, DatasetFields())
1
>>> [f["field"] for f in out["facets"]["columnLineage"]["fields"]["a"]["inputFields"]]
['ssn']
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, MutableMapping
from typing import Any

from openlineage_ext.catalog_names import DatasetFields, catalog_fields, dataset_key, member


def prune_unproven_fields(event: Any, memory: DatasetFields,
                          proof: Mapping[tuple[str, str], Collection[str]] | None = None) -> int:
    """Drop, in place, the column lineage fields of ``event`` that the catalog does not prove; how many went.

    ``proof`` (lower-case field names by :func:`~openlineage_ext.catalog_names.dataset_key`) replaces the event's
    own catalog facets, for events whose facets were completed from their column lineage (dbt-ol's, once
    enriched: :func:`openlineage_ext.dbt_events.prune_dbt_lineage`).

    >>> prune_unproven_fields({"outputs": [{"namespace": "n", "name": "t", "facets": {}}]}, DatasetFields())
    0
    >>> lineage = {"fields": {"a": {"inputFields": [{"namespace": "n", "name": "u", "field": "X98234571"}]}}}
    >>> out = {"namespace": "n", "name": "t", "facets": {"schema": {"fields": [{"name": "a"}]},
    ...                                                   "columnLineage": lineage}}
    >>> prune_unproven_fields({"outputs": [out]}, DatasetFields(), proof={("n", "t"): {"a"}, ("n", "u"): set()})
    1
    >>> lineage["fields"]["a"]["inputFields"]
    []
    """
    catalog: dict[tuple[str, str], set[str]] = {}
    if proof is not None:
        catalog = {key: {str(n).lower() for n in names} for key, names in proof.items()}
    else:
        for kind in ("inputs", "outputs"):
            for dataset in member(event, kind) or ():
                catalog.setdefault(dataset_key(dataset), set()).update(catalog_fields(dataset) or ())

    def proven(key: tuple[str, str], field: Any) -> bool:
        name = str(field or "").lower()
        return bool(name) and (name in catalog.get(key, ()) or name in memory.fields_of(key))

    def proven_input(item: Any) -> bool:
        return proven(dataset_key(item), member(item, "field"))

    dropped = 0
    for dataset in member(event, "outputs") or ():
        facets = member(dataset, "facets")
        lineage = member(facets, "columnLineage") if isinstance(facets, Mapping) else None
        if lineage is None:
            continue
        fields = member(lineage, "fields")
        if isinstance(fields, MutableMapping):
            for name in list(fields):
                if not proven(dataset_key(dataset), name):
                    del fields[name]
                    dropped += 1
                    continue
                dropped += _keep(member(fields[name], "inputFields"), proven_input)
        dropped += _keep(member(lineage, "dataset"), proven_input)
    return dropped


def _keep(items: Any, keep: Any) -> int:
    """Filter a list in place; how many items went (not a list: none)."""
    if not isinstance(items, list):
        return 0
    before = len(items)
    items[:] = [i for i in items if keep(i)]
    return before - len(items)
