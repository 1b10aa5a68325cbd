"""The names of relations and columns an OpenLineage event's datasets declare: the catalog, as lineage knows it.

A quoted identifier in a SQL facet is kept only when it names one of these
(:func:`openlineage_ext.scrubbing.scrub_sql`). A quoted alias is free text the
user typed (``SELECT ssn AS "123-45-6789"``), and no detector can vouch for
free text; the relations and columns the event's datasets declare are names
the catalog gave, which lineage shows anyway (as dataset and field names).

The names are read from each input and output dataset: its name (and each
dot-separated part), the fields of its ``schema`` facet, the fields and
input fields of its ``columnLineage`` facet, and the fields of any other
facet that lists fields by name (``maskline_masking``, ``maskline_classification``).

>>> event = {"inputs": [{"name": "shop.raw.customers", "facets": {"schema": {"fields": [{"name": "ssn"}]}}}],
...          "outputs": [{"name": "main.customers_masked", "facets": {"maskline_masking": {"fields": {"Email": {}}}}}]}
>>> sorted(event_names(event))
['customers', 'customers_masked', 'email', 'main', 'main.customers_masked', 'raw', 'shop', 'shop.raw.customers', 'ssn']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def event_names(event: Any) -> frozenset[str]:
    """The lower-case names of every relation and column the event's input and output datasets declare.

    >>> event_names({"job": {"name": "j"}})
    frozenset()
    """
    names: set[str] = set()
    for kind in ("inputs", "outputs"):
        for dataset in _get(event, kind) or ():
            names |= relation_names(str(_get(dataset, "name") or ""))
            facets = _get(dataset, "facets") or {}
            for facet in (facets.values() if isinstance(facets, Mapping) else ()):
                names |= _field_names(facet)
    return frozenset(n for n in names if n)


def relation_names(name: str) -> set[str]:
    """A relation's name and each of its dot-separated parts, lower case.

    >>> sorted(relation_names("DB.Sales.Orders"))
    ['db', 'db.sales.orders', 'orders', 'sales']
    """
    lowered = name.lower()
    return {lowered, *lowered.split(".")}


def _field_names(facet: Any) -> set[str]:
    """The field names a facet lists: ``fields`` as a list of ``{name}`` or a mapping keyed by name, and the
    ``field`` of each of a column lineage's input fields."""
    names: set[str] = set()
    fields = _get(facet, "fields")
    if isinstance(fields, Mapping):
        for key, value in fields.items():
            names.add(str(key).lower())
            for item in _get(value, "inputFields") or ():
                names.add(str(_get(item, "field") or "").lower())
                names |= relation_names(str(_get(item, "name") or ""))
    elif isinstance(fields, Iterable) and not isinstance(fields, (str, bytes)):
        for item in fields:
            names.add(str(_get(item, "name") or "").lower())
            names |= _field_names(item)  # a struct's nested fields
    return names


def _get(obj: Any, key: str) -> Any:
    """A key of a mapping or an attribute of an attrs object (events come as either)."""
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)
