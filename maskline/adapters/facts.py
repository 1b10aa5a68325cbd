"""What one rewrite needs to know of its connection's catalog, read once per rewrite: the catalog facts.

The safe query path asks the catalog, for the relations a query names: the connection's current schema and
catalog, each relation's columns, whether it stores its own rows (:meth:`EngineAdapter.is_stored_table`) and
whether it is a key store (:meth:`EngineAdapter.key_stores`). An engine adapter answers all of it in one
:meth:`~maskline.adapters.base.EngineAdapter.catalog_facts` call, batched into as few statements as the engine
allows (PostgreSQL, DuckDB and Trino: one; on Trino one more per relation of another catalog whose connector
vouches for stored tables, which only that catalog's ``information_schema`` can describe), and the rewrite consults that snapshot only.

The snapshot is never kept past its rewrite: a table can be dropped, replaced by a view or moved into a key
store between two queries, and each rewrite must decide on the catalog as it is.

>>> facts = CatalogFacts("main", "memory", {0: (("id", "integer"),)}, (True,), (False,))
>>> facts.columns_of(0), facts.columns_of(1)
((('id', 'integer'),), ())
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CatalogFacts:
    """One read of a connection's catalog for one rewrite.

    ``columns`` maps the position of a described table (the ``described`` argument of ``catalog_facts``) to its
    ``(column, lower-case type)`` pairs in order; a table that does not exist, or names a catalog other than the
    connection's, has none. ``stored`` and ``key_store`` are parallel to the ``relations`` argument: whether each
    stores its own rows (False when the catalog cannot vouch for it) and whether it is in a key store (True when
    the catalog cannot say); ``defined_types`` names, for each, its columns of a type the database defined.
    """

    current_schema: str | None
    current_catalog: str | None  # None: the connection could not say
    columns: Mapping[int, tuple[tuple[str, str], ...]]
    stored: tuple[bool, ...]
    key_store: tuple[bool, ...]
    #: Parallel to ``relations``: the columns whose type the database defined (not a built-in type, nor a domain
    #: over one). Its casts can run a function anyone who owns the type wrote (:mod:`maskline.rewrite.pinned`).
    #: Empty for engines where no user code can back a type's casts.
    defined_types: tuple[tuple[str, ...], ...] = ()
    #: The session's function path beyond the built-ins (Trino's ``current_path``, entries other than
    #: ``system.builtin``): a routine there runs where no built-in accepts the arguments. Empty where none exists.
    function_path: tuple[str, ...] = ()
    #: Parallel to ``columns`` (by described position): the columns the engine computes from other columns
    #: (``GENERATED ALWAYS AS``). Their values are a function of the row, sensitive columns included, so neither
    #: ``unclassified: pass`` nor a scan of their values can vouch for them (:func:`maskline.plan.build_plan`).
    generated: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    #: Parallel to ``relations``: the ``schema.table`` names of each one's descendants (PostgreSQL inheritance
    #: children and partitions, at any depth), whose rows a read of it returns. Empty where none can exist.
    descendants: tuple[tuple[str, ...], ...] = ()
    #: Parallel to ``relations``: whether the relation is in a schema other than the engine's default one
    #: (PostgreSQL ``public``, DuckDB ``main``) while that schema holds a relation of the same name (any kind, as
    #: the catalog lists it to every role). A session's ``search_path`` that resolves an unqualified name to such a
    #: relation may have moved an unqualified policy entry off its table
    #: (``maskline.rewrite.api._refuse_moved_entries``). Empty for engines without a search path (Trino).
    default_namesake: tuple[bool, ...] = ()

    def columns_of(self, position: int) -> tuple[tuple[str, str], ...]:
        """The columns of the described table at ``position`` (empty: not found)."""
        return self.columns.get(position, ())

    def generated_of(self, position: int) -> tuple[str, ...]:
        """The generated columns of the described table at ``position`` (empty: none, or not found).

        >>> CatalogFacts("main", "memory", {}, (), (), generated={0: ("email_lower",)}).generated_of(0)
        ('email_lower',)
        """
        return self.generated.get(position, ())


def in_catalog(table_catalog: str | None, current_catalog: str | None) -> bool:
    """Whether a table written with catalog ``table_catalog`` is in the connection's own catalog (the only one a
    masked query may read: another catalog's table is not looked up, so the rewrite refuses it).

    >>> in_catalog(None, "memory"), in_catalog("MEMORY", "memory"), in_catalog("system", "memory")
    (True, True, False)
    >>> in_catalog("memory", None)  # the connection could not say which catalog is its own
    False
    """
    if not table_catalog:
        return True
    return current_catalog is not None and table_catalog.lower() == current_catalog.lower()
