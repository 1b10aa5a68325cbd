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

from collections.abc import Sequence
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
