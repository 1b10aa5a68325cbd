"""How lineage names a table: one rule for every face that reads or writes it.

A table lands on one Marquez dataset node only if every event names it alike: the namespace of its database
(the engine adapter's, :meth:`maskline.adapters.base.EngineAdapter.namespace`: ``postgres://host:port``, a
DuckDB file's path) and its name, ``database.schema.table`` with the defaults filled in
(:meth:`~maskline.adapters.base.EngineAdapter.dataset_name`). maskline's Airflow operators name the tables they
read and write with it (``airflow_plugin.lineage``), and so do the tools an agent calls (the MCP server,
``maskline.mcp.lineage``, and the Airflow agent toolset): a query's ``raw_customers`` becomes the node the
task that wrote the table made, not a node of its own.

An unqualified name is in the schema the connection resolves it to (the catalog's ``current_schema()``) when
that is known, else in the engine's default schema; the database is the connection's (the catalog's
``current_database()`` or the connection's configured database). File databases (DuckDB) carry the file in
the namespace (its absolute path: a relative one would name another node from another working directory), so
their names start at the schema.

>>> table_namespace("postgres", "db", 5432, "shop"), table_dataset_name("postgres", "raw_customers", database="shop")
('postgres://db:5432', 'shop.public.raw_customers')
>>> table_namespace("duckdb", None, None, "/data/w.duckdb"), table_dataset_name("duckdb", "raw_customers", database="w")
('duckdb:///data/w.duckdb', 'main.raw_customers')
"""

from __future__ import annotations

from typing import Any


def table_namespace(dialect: str, host: str | None, port: int | None, database: str | None) -> str:
    """The OpenLineage namespace of a database of ``dialect`` (a file database's ``database`` is its path).

    >>> table_namespace("postgres", None, None, None)
    'postgres://localhost:5432'
    """
    from maskline.adapters import engine

    return engine(dialect).namespace(host, port, database)


def table_dataset_name(dialect: str, table: str, *, database: str | None = None, schema: str | None = None) -> str:
    """``table`` (``[[database.]schema.]name``, as a query or a task spelled it) as lineage names it.

    ``schema`` is the one an unqualified ``table`` resolves to on the connection (default: the engine's
    default schema); ``database`` the connection's, ignored for file databases, whose file is the namespace.

    >>> table_dataset_name("postgres", "raw_customers", database="shop", schema="sales")
    'shop.sales.raw_customers'
    >>> table_dataset_name("postgres", "hr.people", database="shop"), table_dataset_name("duckdb", "t", schema="hr")
    ('shop.hr.people', 'hr.t')
    """
    from maskline.adapters import engine

    adapter = engine(dialect)
    parts = table.split(".")
    if len(parts) == 1 and schema:
        parts = [schema, *parts]
    return adapter.dataset_name(parts, None if adapter.file_based else database)


def connection_catalog(connection: Any) -> tuple[str | None, str | None]:
    """``(current database, current schema)`` of a live connection, as its catalog reports them.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE SCHEMA hr; SET schema = 'hr'")
    >>> connection_catalog(con)
    ('memory', 'hr')
    """
    from maskline.adapters import engine_of

    adapter = engine_of(connection)
    cursor = adapter.cursor(connection)
    try:
        return adapter.current_catalog(cursor), adapter.current_schema(cursor)
    finally:
        if cursor is not connection:
            cursor.close()


def catalog_table(connection: Any, table: str, schema: str | None) -> str | None:
    """``schema.name`` of ``table`` (``[[catalog.]schema.]name`` as a query spelled it) as the catalog stores it,
    or None when the catalog lists no such table. ``schema`` is the one an unqualified name resolves to.

    A query may spell a table in any case (``Customers``: the engine folds or matches it), while lineage must name
    the one table alike whoever spelled it: the catalog's spelling is the one every face can agree on. ``table`` is
    read as :func:`maskline.rewrite.table_names.name_parts` reads it (a rewrite's relation names are written so): an
    unquoted part is the name the engine folds it to, a quoted one exact. Where the engine keeps a quoted name's
    case (PostgreSQL), ``customers`` is never its namesake ``"Customers"``: only the table of that exact name is
    named; where it ignores case (DuckDB), the one table of that name in any case.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE customers (id INTEGER)")
    >>> catalog_table(con, "Customers", "main"), catalog_table(con, "memory.MAIN.customers", None)
    ('main.customers', 'main.customers')
    >>> catalog_table(con, "nothing", "main") is None
    True
    """
    from sqlglot.dialects.dialect import Dialect, NormalizationStrategy

    from maskline.adapters import engine_of
    from maskline.rewrite.table_names import name_parts

    parts = name_parts(table)
    name, owner = parts[-1], parts[-2] if len(parts) > 1 else schema
    if owner is None:
        return None
    adapter = engine_of(connection)
    cursor = adapter.cursor(connection)
    p = adapter.placeholder
    try:
        cursor.execute("SELECT table_schema, table_name FROM information_schema.tables "
                       f"WHERE lower(table_schema) = lower({p}) AND lower(table_name) = lower({p})", (owner, name))
        rows = [(str(s), str(n)) for s, n in cursor.fetchall()]
    finally:
        if cursor is not connection:
            cursor.close()
    exact = [r for r in rows if r == (owner, name)]
    ignores_case = Dialect.get_or_raise(adapter.dialect().sqlglot_name).normalization_strategy \
        is NormalizationStrategy.CASE_INSENSITIVE
    found = exact or (rows if ignores_case and len(rows) == 1 else [])
    return f"{found[0][0]}.{found[0][1]}" if found else None
