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

An event can name a dataset without listing its fields: the provider's per-query events
(``<task>.query.<n>``) are parsed with ``use_connection=False``, so their datasets carry no ``schema``.
Their columns are then proven by an earlier event of the same process that described the same dataset
(same namespace and name) with a facet read from the catalog, not from a query's text
(:class:`DatasetFields`, fed and read by the event scrubber): the task's own START event, whose
``schema`` the provider read from ``information_schema``, or a maskline operator's event, whose
``schema`` and ``maskline_masking`` come from the columns it read back.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

# Facets whose field names come from the catalog (information_schema, a file's schema, dbt's catalog or
# manifest, maskline's plans), never from a query's text. columnLineage is not one: the provider's SQL parser
# builds it from the query, so a value typed as a column (SELECT X98234571 ...) could appear there.
CATALOG_FACETS = ("schema", "maskline_masking", "maskline_classification")
# Datasets remembered per process: a worker touches a few, a scheduler or dbt-ol run some hundreds.
DATASETS_REMEMBERED = 4096


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


def call_names(tables: Iterable[str], plans: Mapping[str, Any]) -> set[str]:
    """The catalog's names a rewritten query read: its tables (and their parts) and every column of their plans,
    which the rewrite built from the columns it read from the engine's catalog, lower case.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> plan = build_plan(load_policy({}), "raw.users", [("id", "integer"), ("SSN", "text")])
    >>> sorted(call_names(["raw.users"], {"raw.users": plan}))
    ['id', 'raw', 'raw.users', 'ssn', 'users']
    """
    names = {n for t in tables for n in relation_names(t)}
    return names | {c.name.lower() for plan in plans.values() if plan is not None for c in plan.columns}


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


class DatasetFields:
    """The catalog's field names of the datasets earlier events described, by (namespace, name), bounded.

    Only facets that read the catalog count (:data:`CATALOG_FACETS`); a dataset's entry is replaced, not merged,
    by each newer description, so a dropped column is forgotten once the table is described again.

    >>> memory = DatasetFields()
    >>> start = {"inputs": [{"namespace": "pg://h", "name": "db.public.users",
    ...                      "facets": {"schema": {"fields": [{"name": "id"}, {"name": "SSN"}]}}}]}
    >>> memory.remember(start)
    >>> sorted(memory.recall({"inputs": [{"namespace": "pg://h", "name": "db.public.users", "facets": {}}]}))
    ['id', 'ssn']
    >>> memory.recall({"inputs": [{"namespace": "pg://other", "name": "db.public.users"}]})  # another database
    frozenset()
    """

    def __init__(self, limit: int = DATASETS_REMEMBERED) -> None:
        self._limit = limit
        self._fields: OrderedDict[tuple[str, str], frozenset[str]] = OrderedDict()
        self._lock = threading.Lock()  # events are emitted from the provider's threads

    def remember(self, event: Any) -> None:
        """Record the catalog fields each dataset of ``event`` lists (datasets without such a facet: none)."""
        for key, dataset in _datasets(event):
            facets = _get(dataset, "facets") or {}
            if not isinstance(facets, Mapping) or not any(_get(facets, f) is not None for f in CATALOG_FACETS):
                continue
            fields: set[str] = set()
            for facet in CATALOG_FACETS:
                if _get(facets, facet) is not None:
                    fields |= _field_names(_get(facets, facet))
            with self._lock:
                self._fields[key] = frozenset(n for n in fields if n)
                self._fields.move_to_end(key)
                while len(self._fields) > self._limit:
                    self._fields.popitem(last=False)

    def recall(self, event: Any) -> frozenset[str]:
        """The fields remembered for the datasets of ``event``, lower case."""
        out: set[str] = set()
        with self._lock:
            for key, _ in _datasets(event):
                out |= self._fields.get(key, frozenset())
        return frozenset(out)


@cache
def dataset_fields() -> DatasetFields:
    """The process's memory of dataset fields, created on first use (nothing at import time).

    >>> dataset_fields() is dataset_fields()
    True
    """
    return DatasetFields()


def _datasets(event: Any) -> list[tuple[tuple[str, str], Any]]:
    """Each input and output dataset of ``event`` with its key: (namespace, lower-case name)."""
    out = []
    for kind in ("inputs", "outputs"):
        for dataset in _get(event, kind) or ():
            name = str(_get(dataset, "name") or "")
            if name:
                out.append(((str(_get(dataset, "namespace") or ""), name.lower()), dataset))
    return out
