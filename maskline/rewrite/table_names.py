"""Whether two table names name the same table of a connection: compared qualified, never by last name.

A name is ``table``, ``schema.table`` or ``catalog.schema.table``. A name without a schema is in the
connection's default schema (DuckDB ``main``, PostgreSQL ``public``, or what ``current_schema()`` says),
so ``customers`` is ``main.customers`` and never ``hr.customers``. When the default schema is not known,
a qualified and an unqualified name are not the same table: which schema the unqualified one meant
cannot be told, and guessing would hand one schema's table the rules (or the allowance) of another.
Catalogs are compared when both names have one.

>>> same_table("customers", "main.customers", "main"), same_table("customers", "hr.customers", "main")
(True, False)
>>> same_table("customers", "hr.customers", None), same_table("Customers", '"customers"', None)
(False, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


def name_parts(name: str | Sequence[str]) -> tuple[str, ...]:
    """A dotted name (or its parts) as lower-case parts without quotes.

    >>> name_parts('Memory."Main".customers')
    ('memory', 'main', 'customers')
    """
    parts = name.split(".") if isinstance(name, str) else list(name)
    return tuple(p.strip('"`[]').lower() for p in parts)


def same_table(a: str | Sequence[str], b: str | Sequence[str], default_schema: str | None) -> bool:
    """Whether names ``a`` and ``b`` name one table, unqualified names being in ``default_schema``."""
    pa, pb = name_parts(a), name_parts(b)
    if pa[-1] != pb[-1]:
        return False
    default = default_schema.lower() if default_schema else None
    schema_a = pa[-2] if len(pa) > 1 else default
    schema_b = pb[-2] if len(pb) > 1 else default
    if schema_a != schema_b:
        return False
    return len(pa) < 3 or len(pb) < 3 or pa[0] == pb[0]


def resolved_name(parts: str | Sequence[str], catalog: str | None, schema: str | None) -> str:
    """``catalog.schema.table`` of a table written as ``parts``: the parts it leaves out are the connection's catalog
    and the schema the engine resolves an unqualified name to (``current_schema()``), as far as they are known;
    lower case, without quotes. A rewrite keys its plans and its lineage by this one name, so whoever reads them
    looks a relation up by equality, whichever spelling the query used.

    >>> resolved_name("customers", "shop", "b"), resolved_name("a.Customers", "shop", "b")
    ('shop.b.customers', 'shop.a.customers')
    >>> resolved_name("memory.main.t", "memory", "main"), resolved_name("t", None, "main")
    ('memory.main.t', 'main.t')
    """
    written = name_parts(parts)
    if len(written) == 1 and schema:  # without the schema, the catalog's would be a guess
        written = (schema.lower(), *written)
    if len(written) == 2 and catalog:
        return ".".join((catalog.lower(), *written))
    return ".".join(written)


def best_entry(names: Iterable[str], table: str | Sequence[str], default_schema: str | None = None, *,
               where: str = "datasets") -> str | None:
    """The entry among ``names`` (a policy's datasets, a stored scan's tables) that describes ``table``: the one
    rule every face looks an entry up by.

    ``db.schema.table`` is matched against shorter names and back, case-insensitive, without quotes; the entry
    naming the most parts wins, and between equals the one naming as many parts as ``table``. With
    ``default_schema`` (the connection's, or the engine's search path) an unqualified ``table`` is that schema's,
    so ``hr.t``'s entry is never ``t``'s. Without it (a file, or an engine with no default schema) an
    unqualified ``table`` is matched by its name, and two entries of different schemas that fit it equally well
    are refused, not picked in file order: which one the user meant cannot be told.

    >>> best_entry(["customers", "raw.customers", "raw.orders"], "shop.raw.customers")
    'raw.customers'
    >>> best_entry(["hr.t"], "t", "main") is None, best_entry(["hr.t"], "t", "hr"), best_entry(["t", "hr.t"], "t")
    (True, 'hr.t', 't')
    >>> best_entry(["hr.t", "sales.t"], "t")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: table 't' is written without a schema and entries 'hr.t' and 'sales.t' of different schemas describe it (at datasets). Fix: write the table with its schema (SCHEMA.t), or give the connection's default schema
    """
    from maskline.errors import PolicyError

    wanted = name_parts(table)
    if default_schema and len(wanted) == 1:
        wanted = (default_schema.lower(), *wanted)
    best: tuple[tuple[int, bool], str] | None = None
    tied: list[str] = []
    for name in names:
        parts = name_parts(name)
        n = min(len(parts), len(wanted))
        if parts[-n:] != wanted[-n:]:
            continue
        rank = (n, len(parts) == len(wanted))
        if best is None or rank > best[0]:
            best, tied = (rank, name), [name]
        elif rank == best[0] and parts != name_parts(best[1]):
            tied.append(name)
    if len(tied) > 1:
        shown = name_parts(table)[-1]
        raise PolicyError(f"table {shown!r} is written without a schema and entries "
                          f"{' and '.join(repr(t) for t in tied)} of different schemas describe it", where=where,
                          fix=f"write the table with its schema (SCHEMA.{shown}), or give the connection's default "
                              "schema")
    return best[1] if best else None


def allowed_by(entries: Iterable[str], table: str | Sequence[str], default_schema: str | None, *,
               where: str = "allowed tables") -> bool:
    """Whether ``table`` is one of the tables an allow-list names (``maskline mcp --allow``, the agent toolset's
    ``allowed_tables``): the entry :func:`best_entry` picks for it, and only when that entry names the table itself
    (:func:`same_table`, unqualified names in ``default_schema``), so an allowed ``customers`` never lets
    ``hr.customers`` through. Two entries of different schemas that fit an unqualified table equally are refused
    (:class:`~maskline.errors.PolicyError` at ``where``), as :func:`best_entry` refuses them.

    >>> allowed_by(["customers"], "hr.customers", "main"), allowed_by(["customers"], "main.customers", "main")
    (False, True)
    >>> allowed_by(["hr.customers"], "customers", None), allowed_by(["hr.customers"], "customers", "hr")
    (False, True)
    """
    entry = best_entry(entries, table, default_schema, where=where)
    return entry is not None and same_table(entry, table, default_schema)


def connection_schema(connection: Any) -> str | None:
    """The default schema of a connection (DuckDB or DB-API), asked through its engine adapter.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE SCHEMA hr; SET schema = 'hr'")
    >>> connection_schema(con)
    'hr'
    """
    from maskline.adapters import engine_of

    adapter = engine_of(connection)
    cursor = adapter.cursor(connection)
    try:
        return adapter.current_schema(cursor)
    finally:
        if cursor is not connection:
            cursor.close()
