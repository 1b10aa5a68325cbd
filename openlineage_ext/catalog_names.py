"""The names of relations and columns an OpenLineage event's datasets declare: the catalog, as lineage knows it.

A quoted identifier in a SQL facet is kept only when it names one of these
(:func:`openlineage_ext.scrubbing.scrub_sql`). A quoted alias is free text the
user typed (``SELECT ssn AS "123-45-6789"``), and no detector can vouch for
free text; the relations and columns the event's datasets declare are names
the catalog gave, which lineage shows anyway (as dataset and field names).

The names are read from each input and output dataset: its name (and each
dot-separated part) and the fields of the facets read from the catalog
(:data:`CATALOG_FACETS`: ``schema``, ``maskline_masking``, ``maskline_classification``).
Not ``columnLineage``: the provider's SQL parser builds it from the query's text, so a value
typed as a column (``INSERT INTO t SELECT X98234571 AS a FROM users``) is one of its fields.

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
    >>> sorted(event_names({"outputs": [{"name": "t", "facets": {"columnLineage": {"fields": {"a": {"inputFields": [
    ...     {"name": "users", "field": "X98234571"}]}}}}}]}))  # column lineage is parsed from text: no proof
    ['t']
    """
    names: set[str] = set()
    for kind in ("inputs", "outputs"):
        for dataset in member(event, kind) or ():
            names |= relation_names(str(member(dataset, "name") or ""))
            names |= catalog_fields(dataset) or frozenset()
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
    fields = member(facet, "fields")
    if isinstance(fields, Mapping):
        for key, value in fields.items():
            names.add(str(key).lower())
            for item in member(value, "inputFields") or ():
                names.add(str(member(item, "field") or "").lower())
                names |= relation_names(str(member(item, "name") or ""))
    elif isinstance(fields, Iterable) and not isinstance(fields, (str, bytes)):
        for item in fields:
            names.add(str(member(item, "name") or "").lower())
            names |= _field_names(item)  # a struct's nested fields
    return names


def member(obj: Any, key: str) -> Any:
    """A key of a mapping or an attribute of an attrs object (events come as either).

    >>> member({"name": "t"}, "name"), member(None, "name")
    ('t', None)
    """
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
            fields = catalog_fields(dataset)
            if fields is None:
                continue
            with self._lock:
                self._fields[key] = fields
                self._fields.move_to_end(key)
                while len(self._fields) > self._limit:
                    self._fields.popitem(last=False)

    def recall(self, event: Any) -> frozenset[str]:
        """The fields remembered for the datasets of ``event``, lower case."""
        out: set[str] = set()
        for key, _ in _datasets(event):
            out |= self.fields_of(key)
        return frozenset(out)

    def fields_of(self, key: tuple[str, str]) -> frozenset[str]:
        """The fields remembered for one dataset, keyed ``(namespace, lower-case name)``; none if never described.

        >>> DatasetFields().fields_of(("pg://h", "db.public.users"))
        frozenset()
        """
        with self._lock:
            return self._fields.get(key, frozenset())


def catalog_fields(dataset: Any) -> frozenset[str] | None:
    """The lower-case field names a dataset's catalog facets (:data:`CATALOG_FACETS`) list; None without one.

    >>> catalog_fields({"facets": {"schema": {"fields": [{"name": "Id"}]}, "columnLineage": {"fields": {"x": {}}}}})
    frozenset({'id'})
    >>> catalog_fields({"name": "t", "facets": {}}) is None
    True
    """
    facets = member(dataset, "facets") or {}
    found = [member(facets, f) for f in CATALOG_FACETS] if isinstance(facets, Mapping) else []
    if not any(f is not None for f in found):
        return None
    fields: set[str] = set()
    for facet in found:
        if facet is not None:
            fields |= _field_names(facet)
    return frozenset(n for n in fields if n)


def dataset_key(dataset: Any) -> tuple[str, str]:
    """How a dataset is told apart: ``(namespace, lower-case name)``.

    >>> dataset_key({"namespace": "pg://h", "name": "DB.Public.Users"})
    ('pg://h', 'db.public.users')
    """
    return str(member(dataset, "namespace") or ""), str(member(dataset, "name") or "").lower()


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
        for dataset in member(event, kind) or ():
            key = dataset_key(dataset)
            if key[1]:
                out.append((key, dataset))
    return out
