"""The columns of the tables a query reads: given as a mapping, or read from a connection.

A schema is ``{"table": {"column": "type", ...}, ...}``; table names may be
dotted (``"raw.customers"``). A query's table matches a schema entry when they
name the same table (:func:`maskline.rewrite.table_names.same_table`): an entry
without a schema is the default schema's table, never another schema's table of
the same name. Each part is read as the engine resolves it (an unquoted part in any
case, a quoted one exactly: PostgreSQL's ``"Customers"`` is not ``customers``).

>>> find_table(exp.to_table("Customers"), ["raw.customers", "orders"], "raw")
'raw.customers'
>>> find_table(exp.to_table("hr.customers"), ["customers"], "main") is None
True
>>> columns_for(exp.to_table("orders"), {"orders": {"id": "INTEGER"}})
('orders', [('id', 'integer')])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlglot import exp

from maskline.errors import InputError
from maskline.rewrite.table_names import name_parts, same_table, stored_dotted, written_parts

if TYPE_CHECKING:
    from maskline.adapters.facts import CatalogFacts

Schema = Mapping[str, Mapping[str, str]]


def find_table(table: exp.Table, known: Sequence[str], default_schema: str | None = None) -> str | None:
    """The schema key a query table refers to, or None (ambiguous names are None too).

    Unqualified names, the table's and the keys', are in ``default_schema`` (the connection's; when it is not
    known, an unqualified name matches only unqualified keys). A table written with its catalog matches only
    a key that names that catalog too: another catalog's table of the same name is another table
    (``system.runtime.queries`` is not the ``queries`` of the schema).

    >>> find_table(exp.to_table("system.main.customers"), ["customers"], "main") is None
    True
    >>> find_table(exp.to_table("customers"), ["hr.customers", "main.customers"], "main")
    'main.customers'
    """
    matches = same_named(table, known, default_schema)
    if not matches:
        return None
    top = max(len(name_parts(name)) for name in matches)  # "customers" and "main.customers": one table, one key
    winners = [name for name in matches if len(name_parts(name)) == top]
    return winners[0] if len(winners) == 1 else None


def same_named(table: exp.Table, known: Sequence[str], default_schema: str | None = None) -> list[str]:
    """Every schema key that names ``table`` (:func:`find_table` picks one of them, or none when they tie).

    >>> same_named(exp.to_table("orders"), ["Orders", "orders", "main.orders", "hr.orders"], "main")
    ['Orders', 'orders', 'main.orders']
    """
    wanted = written_parts(table)
    return [name for name in known
            if (not table.catalog or len(name_parts(name)) >= 3) and same_table(wanted, name, default_schema)]


def columns_for(table: exp.Table, schema: Schema,
                default_schema: str | None = None) -> tuple[str, list[tuple[str, str | None]]]:
    """The schema key of ``table`` and its ``(column, lower-case type)`` pairs."""
    key = find_table(table, list(schema), default_schema)
    if key is None:
        raise InputError(f"table {table.name} is not in the schema", where="schema",
                         fix="add the table, or pass a connection to read it from")
    return key, [(str(c), str(t).lower() if t else None) for c, t in schema[key].items()]


def read_schema(connection: Any, tables: Sequence[exp.Table]) -> dict[str, dict[str, str]]:
    """Read the columns of ``tables`` through the connection's engine adapter (:mod:`maskline.adapters`).

    Only the connection's own catalog is read. A table that names another catalog (Trino's ``system``
    catalog, whose ``runtime.queries`` holds every query's text and the key bound to it; DuckDB's
    ``system`` and ``temp`` catalogs or an attached database) is not looked up, so it is not in the schema
    and the rewrite refuses it: what a masked query may read is the connection's catalog, not every catalog
    the engine can reach.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE t (id INTEGER, email VARCHAR)")
    >>> read_schema(con, [exp.to_table("t")])
    {'t': {'id': 'integer', 'email': 'varchar'}}
    >>> read_schema(con, [exp.to_table("memory.main.t"), exp.to_table("system.main.t")])
    {'memory.main.t': {'id': 'integer', 'email': 'varchar'}}
    """
    from maskline.adapters import engine_of

    adapter = engine_of(connection)
    cursor = adapter.cursor(connection)
    out: dict[str, dict[str, str]] = {}
    own_catalog: str | None = None  # read once, when a table names a catalog
    try:
        for table in tables:
            name = ".".join(written_parts(table))
            if table.catalog:
                if own_catalog is None:
                    own_catalog = adapter.current_catalog(cursor).lower()
                if table.catalog.lower() != own_catalog:
                    continue
            if name not in out:
                columns = adapter.columns(cursor, table)
                if columns:
                    out[name] = dict(columns)
    finally:
        if cursor is not connection:
            cursor.close()
    return out


def table_facts(connection: Any, table: exp.Table) -> CatalogFacts | None:
    """The catalog facts of one table, read as the rewrite reads them
    (:meth:`maskline.adapters.base.EngineAdapter.catalog_facts`); None when the catalog cannot say.

    ``describe_table`` decides as the query path does from them: generated columns and parents of named tables
    are masked unless the policy decides them (:func:`maskline.plan.build_plan`, :func:`ruled_below`).

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE t (email VARCHAR, h VARCHAR AS (md5(email)))")
    >>> table_facts(con, exp.to_table("t")).generated_of(0)
    ('h',)
    """
    from maskline.adapters import engine_of

    try:
        adapter = engine_of(connection)
        cursor = adapter.cursor(connection)
        try:
            return adapter.catalog_facts(cursor, [table], [table])
        finally:
            if cursor is not connection:
                cursor.close()
    except Exception:  # noqa: BLE001 - the driver's own error: the caller fails closed
        return None


def ruled_below(tables: Sequence[exp.Table], descendants: Sequence[Sequence[str]], schema: Schema,
                default_schema: str | None, policy: Any) -> frozenset[str]:
    """The schema keys of ``tables`` that return rows the policy decides elsewhere: decided as views are.

    A PostgreSQL inheritance parent or partitioned table returns its descendants' rows. When the policy names a
    descendant (``orders``) but not the parent (``all_orders``), or names both, the parent's own entry (or
    ``unclassified: pass``) is not the decision the policy made for those rows: its columns the policy does not
    name for it are masked (fail closed), as a view's are. A parent the policy names alone keeps its rules: its
    partitions are its own rows. ``descendants`` is parallel to ``tables`` (the catalog facts' read).

    >>> from maskline.policy import load_policy
    >>> pol = load_policy({"datasets": {"orders": {"columns": {}}, "events": {"columns": {}}}})
    >>> t = [exp.to_table("all_orders"), exp.to_table("events"), exp.to_table("plain")]
    >>> schema = {"all_orders": {}, "events": {}, "plain": {}}
    >>> sorted(ruled_below(t, [("s.orders",), ("s.events_2024",), ()], schema, "s", pol))
    ['all_orders']
    """
    out: set[str] = set()
    for table, below in zip(tables, descendants, strict=False):
        key = find_table(table, list(schema), default_schema)
        if key is None or not below:
            continue
        if policy.dataset(key, default_schema) is None or any(policy.dataset(stored_dotted(d)) is not None for d in below):
            out.add(key)
    return frozenset(out)


def views_among(connection: Any, tables: Sequence[exp.Table], schema: Schema,
                default_schema: str | None = None, *, stored: Sequence[bool] | None = None) -> frozenset[str]:
    """The schema keys of ``tables`` that do not store their rows (views), asked of the connection's engine.

    A relation the catalog cannot vouch for as a stored table counts as a view (fail closed), and so does
    one the lookup fails on. ``stored``, parallel to ``tables``, is what the catalog facts of the rewrite
    already read (:meth:`maskline.adapters.base.EngineAdapter.catalog_facts`): then nothing is asked again.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE t (id INTEGER); CREATE VIEW v AS SELECT id FROM t")
    >>> sorted(views_among(con, [exp.to_table("t"), exp.to_table("v")], {"t": {"id": "int"}, "v": {"id": "int"}}))
    ['v']
    """
    if stored is not None:
        keys = [find_table(table, list(schema), default_schema) for table in tables]
        return frozenset(key for key, vouched in zip(keys, stored, strict=True) if key is not None and not vouched)
    from maskline.adapters import engine_of

    adapter = engine_of(connection)
    cursor = adapter.cursor(connection)
    out: set[str] = set()
    try:
        for table in tables:
            key = find_table(table, list(schema), default_schema)
            if key is None or key in out:
                continue
            try:
                vouched = adapter.is_stored_table(cursor, table)
            except Exception:  # noqa: BLE001 - a catalog that cannot say: the relation is not vouched for
                vouched = False
            if not vouched:
                out.add(key)
    finally:
        if cursor is not connection:
            cursor.close()
    return frozenset(out)


def refuse_key_stores(tables: Sequence[exp.Table], held: Sequence[bool]) -> None:
    """Refuse a table kept in a schema where maskline keeps key material; ``held``, parallel to ``tables``, is what
    the rewrite's catalog facts read (:meth:`maskline.adapters.base.EngineAdapter.catalog_facts`, which counts a
    table the catalog cannot say of as held: fail closed).

    Whoever runs the inline path can read its own key store (PostgreSQL's ``protect`` makes the admin its
    owner), and the policy may pass unnamed columns raw (``unclassified: pass``): the key store is therefore
    never a relation of a masked query, however the policy decides its columns.

    >>> refuse_key_stores([exp.to_table("customers")], [False])
    >>> refuse_key_stores([exp.to_table("maskline_private.key")], [True])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: table maskline_private.key is in maskline's key store (key material, not data) (at FROM clause). Fix: query data tables; the schema maskline protect keeps its key in is never read by a masked query
    """
    from maskline.errors import RewriteRefused
    from maskline.rewrite.mentions import mention

    for table, in_key_store in zip(tables, held, strict=True):
        if in_key_store:
            # The catalog read says this table is the key store's: its name is structure, proven, and may be shown.
            name = ".".join(p.name for p in table.parts)
            raise RewriteRefused(f"{mention('table', table, name, known=(name,))} is in maskline's key store "
                                 "(key material, not data)",
                                 where="FROM clause",
                                 fix="query data tables; the schema maskline protect keeps its key in is "
                                     "never read by a masked query")


def default_db(tables: Sequence[exp.Table]) -> str | None:
    """The schema to assume for unqualified tables when others are qualified (the one most of them name).

    >>> default_db([exp.to_table("public.a"), exp.to_table("b")]), default_db([exp.to_table("b")])
    ('public', None)
    """
    depths = {len(t.parts) for t in tables}
    dbs = [t.db for t in tables if t.db]
    if len(depths) < 2 or not dbs:
        return None
    return Counter(dbs).most_common(1)[0][0]


def sqlglot_schema(tables: Sequence[exp.Table], schema: Schema, db: str | None = None,
                   default_schema: str | None = None, dialect: str | None = None,
                   exact: Sequence[str] = ()) -> dict[str, Any]:
    """A nested mapping in the shape sqlglot expects, keyed as the query names its tables.

    Unqualified tables are put in ``db`` when other tables of the query name a schema. The columns of the schema
    keys in ``exact`` (read from the catalog, so spelled as stored) are written quoted in ``dialect``: sqlglot
    reads a bare key as a name written unquoted and folds its case, so a PostgreSQL column ``"Phone"`` would be
    ``phone``, which the engine does not have, and the query's ``"Phone"`` would resolve to nothing.

    >>> sqlglot_schema([exp.to_table("public.a"), exp.to_table("b")], {"a": {"x": "int"}, "b": {"y": "text"}},
    ...                db="public", default_schema="public")
    {'public': {'a': {'x': 'int'}, 'b': {'y': 'text'}}}
    >>> sqlglot_schema([exp.to_table("t")], {"t": {"Phone": "text"}}, dialect="postgres", exact=["t"])
    {'t': {'"Phone"': 'text'}}
    """
    nested: dict[str, Any] = {}
    depth = max((len(t.parts) for t in tables), default=1)
    for table in tables:
        key, cols = columns_for(table, schema, default_schema)
        if key in exact:
            cols = [(exp.to_identifier(c, quoted=True).sql(dialect=dialect), t) for c, t in cols]
        # a quoted name keyed quoted: sqlglot reads a bare key as written unquoted and folds it ("Customers" is
        # PostgreSQL's own table, not customers)
        parts = [exp.to_identifier(p.name, quoted=True).sql(dialect=dialect) if p.args.get("quoted") else p.name
                 for p in table.parts]
        if len(parts) < depth:
            if depth - len(parts) != 1 or not db:
                raise InputError("the query names tables at different depths (catalog.schema.table and table)",
                                 where="FROM clause", fix="qualify every table the same way (schema.table)")
            parts = [db, *parts]
        level = nested
        for p in parts[:-1]:
            level = level.setdefault(p, {})
        level[parts[-1]] = {c: (t or "text") for c, t in cols}
    return nested


def refuse_defined_types(tables: Sequence[exp.Table], defined: Sequence[Sequence[str]]) -> None:
    """Refuse a table with a column of a type the database defined (``defined``, parallel to ``tables``, from
    the rewrite's catalog facts: :attr:`maskline.adapters.facts.CatalogFacts.defined_types`).

    A pinned search path (:mod:`maskline.rewrite.pinned`) keeps every function and operator of the masked
    query built in, but a cast is found by its two types, not by a path: whoever owns a type can back its casts
    with any function (``CREATE CAST (mytype AS text) WITH FUNCTION ...``), and the masking expressions would
    call it on raw values, with the key in the session. Built-in types, and domains over them, have only
    built-in casts.

    >>> refuse_defined_types([exp.to_table("customers")], [()])
    >>> refuse_defined_types([exp.to_table("customers")], [("status",)])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: column customers.status has a type defined in the database, not a built-in one: its casts can run code maskline cannot vouch for (at FROM clause). Fix: store the column as a built-in type (text, integer, date...; a domain over one is fine), or leave the table out of the masked query
    """
    from maskline.errors import RewriteRefused, shown_name

    for table, columns in zip(tables, defined, strict=False):
        if columns:
            name = shown_name(*(p.name for p in table.parts), columns[0])
            raise RewriteRefused(f"column {name} has a type defined in the database, not a built-in one: its casts "
                                 "can run code maskline cannot vouch for", where="FROM clause",
                                 fix="store the column as a built-in type (text, integer, date...; a domain over "
                                     "one is fine), or leave the table out of the masked query")


def refuse_function_path(entries: Sequence[str]) -> None:
    """Refuse a session whose function path lists anything but the built-ins (``entries``, from the rewrite's
    catalog facts: :attr:`maskline.adapters.facts.CatalogFacts.function_path`).

    Trino looks an unqualified function up in ``system.builtin`` first, then in each schema of the session's path;
    where no built-in accepts the arguments (``regexp_replace`` of a ``char(16)`` column), a SQL routine of that name
    on the path would run, on raw values, inside maskline's masking expressions. Only the built-in path is allowed.

    >>> refuse_function_path(())
    >>> refuse_function_path(("memory.tools",))
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the session's function path lists memory.tools, not only system.builtin: a routine there would run where no built-in accepts a column's type (at connection). Fix: connect with the path system.builtin (maskline's own Trino connections do; a client sends it as the X-Trino-Path header), or leave the server's sql.path unset
    """
    from maskline.errors import RewriteRefused, shown_name

    if entries:
        shown = shown_name(*entries[0].split("."))
        raise RewriteRefused(f"the session's function path lists {shown}, not only system.builtin: a routine there "
                             "would run where no built-in accepts a column's type", where="connection",
                             fix="connect with the path system.builtin (maskline's own Trino connections do; a client "
                                 "sends it as the X-Trino-Path header), or leave the server's sql.path unset")
