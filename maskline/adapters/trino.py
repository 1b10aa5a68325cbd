"""Trino: native ``hmac_sha256``; no session variables, so the key travels with each statement as bound parameters.

Masking SQL for Trino reads the key as ``FROM_HEX(:maskline_salt)`` (its native ``hmac_sha256`` takes the key
itself, and ``hash``/``fake`` salt with it, so the pads are never needed). :func:`bind_key` turns every such
reference into a positional ``?`` and returns the matching parameters, which the client sends with the query
(``EXECUTE ... USING``): the key is never in the SQL text. Where the key can appear: Trino's query history,
which records the parameters of ``EXECUTE ... USING``.

Most Trino connectors (the memory connector among them) write only in autocommit mode, so a table swap is
three statements: build the staging table, drop the target, rename the staging table. A failure between them
leaves the target absent, never unmasked.

>>> from maskline.adapters import engine
>>> engine("presto").name, engine("trino").namespace("localhost", None, "memory")
('trino', 'trino://localhost:8080')
>>> from sqlglot import exp
>>> from maskline.keys import KeyMaterial
>>> e = exp.select(exp.Anonymous(this="FROM_HEX", expressions=[exp.Placeholder(this="maskline_salt")]))
>>> sql, params = bind_key(e, KeyMaterial(b"k" * 16))
>>> sql, len(params), params[0] == (b"k" * 16).hex()
('SELECT FROM_HEX(?)', 1, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from sqlglot import exp

from maskline.adapters.base import EngineAdapter, all_stored
from maskline.errors import InputError, KeyMissingError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from maskline.adapters.facts import CatalogFacts
    from maskline.adapters.url import EngineURL
    from maskline.keys import KeyMaterial

KEY_PARAMETER = "maskline_salt"  # the one key value Trino's masking SQL reads (see maskline.dialects.trino)
DEFAULT_PORT = 8080
# Connectors whose information_schema says VIEW for every relation that reads other tables (checked on Trino 476).
# Federating connectors (postgresql, mysql...) report the source's views and partitions as BASE TABLE, and iceberg
# its metadata tables ("customers$files": each column's raw minimum and maximum; "$partitions": an identity
# partition's raw values), and hive its "$partitions" (the raw value of every partition column) and "$properties"
# (a partition projection's enumerated values), so none of them may join this set
# (tests/rewrite/test_trino_iceberg_red_team.py, tests/rewrite/test_trino_hive_red_team.py).
VOUCHING_CONNECTORS = frozenset({"memory", "tpch", "tpcds"})


BUILTIN_PATH = "system.builtin"  # the schema of Trino's built-in functions, searched first
BUILTIN_PATH_HEADER = "X-Trino-Path"  # the client protocol's header for the session's function path


def function_path(current_path: str) -> tuple[str, ...]:
    """The entries of a session's path (Trino's ``current_path``) other than the built-ins, as written.

    Only the exact text ``system.builtin`` is the built-ins (a quoted ``"system.builtin"`` names a schema of
    that name in the session's catalog).

    >>> function_path(""), function_path("system.builtin"), function_path('memory.tools, system.builtin')
    ((), (), ('memory.tools',))
    >>> function_path('"system.builtin"')
    ('"system.builtin"',)
    """
    entries = (e.strip() for e in current_path.split(","))
    return tuple(e for e in entries if e and e.lower() != BUILTIN_PATH)


# The URL schemes connect() opens.
TRINO_URL_SCHEMES = ("http", "https", "trino")


class TrinoAdapter(EngineAdapter):
    """Trino through the ``trino`` DB-API client (qmark parameters, autocommit writes)."""

    name = "trino"
    names = ("trino", "presto", "starburst", "athena")  # dbt adapter types that speak Trino SQL
    # what connect() opens that also names this engine (http:// names no engine): trino://, not athena://
    url_schemes = tuple(sorted(set(TRINO_URL_SCHEMES) & set(names)))
    url_extra = "trino"  # the trino client
    driver_modules = ("trino",)
    placeholder = "?"
    transactions = False
    key_in_statement = True
    key_exposure = "query history (the parameters of EXECUTE ... USING)"

    def cursor(self, connection: Any) -> Any:
        """A :class:`CompletingCursor` over the client's cursor.

        >>> import sqlite3  # any DB-API connection shows the wrapping
        >>> type(TrinoAdapter().cursor(sqlite3.connect(":memory:"))).__name__
        'CompletingCursor'
        """
        return CompletingCursor(connection.cursor())

    def load_key(self, connection: Any, cursor: Any, key: KeyMaterial | None) -> KeyMaterial | None:
        """The key itself: no session holds it, so each statement that reads it carries it.

        >>> from maskline.keys import KeyMaterial
        >>> key = KeyMaterial(b"k" * 16)
        >>> TrinoAdapter().load_key(None, None, key) is key
        True
        """
        return key  # nothing to load: bind_statement sends the key with each statement that reads it

    def bind_statement(self, statement: exp.Expression, key: KeyMaterial | None) -> tuple[str, tuple[Any, ...]]:
        """Trino SQL with the key references as ``?``, and the key's salt (hex) once per reference.

        >>> from maskline.keys import KeyMaterial
        >>> statement = exp.select(exp.Anonymous(this="FROM_HEX", expressions=[exp.Placeholder(this=KEY_PARAMETER)]))
        >>> sql, params = TrinoAdapter().bind_statement(statement, KeyMaterial(b"k" * 16))
        >>> sql, len(params)
        ('SELECT FROM_HEX(?)', 1)
        """
        sql, params = bind_key(statement, key)
        return sql, tuple(params)

    def current_catalog(self, cursor: Any) -> str:
        cursor.execute("SELECT current_catalog")  # a keyword in Trino, not a function
        return str(cursor.fetchone()[0])

    def current_schema(self, cursor: Any) -> str | None:
        cursor.execute("SELECT current_schema")  # a keyword in Trino, not a function
        row = cursor.fetchone()
        return str(row[0]) if row and row[0] else None

    def folded(self, ident: exp.Identifier | None) -> str | None:
        """A name part as Trino stores it: lower case, quoted or not (Trino folds every identifier, so
        ``"CUSTOMERS"`` reads the table ``customers``; looking the quoted name up as written refused it).

        >>> TrinoAdapter().folded(exp.to_identifier("Customers", quoted=True))
        'customers'
        """
        return ident.name.lower() if ident is not None else None

    def columns(self, cursor: Any, table: exp.Table) -> list[tuple[str, str]]:
        # information_schema is per catalog, and Trino's current_schema takes no parentheses.
        catalog = self.folded(table.args.get("catalog"))
        source = (f"{exp.to_identifier(catalog, quoted=True).sql('trino')}.information_schema.columns"
                  if catalog else "information_schema.columns")
        cursor.execute(f"SELECT column_name, data_type FROM {source} WHERE table_name = ? "
                       "AND table_schema = COALESCE(?, current_schema) ORDER BY ordinal_position",
                       (self.folded(table.this), self.folded(table.args.get("db"))))
        return [(str(r[0]), str(r[1]).lower()) for r in cursor.fetchall()]

    def _connectors(self, cursor: Any, table: exp.Table) -> set[str]:
        """The connector serving ``table``'s catalog (the session's catalog when it names none), lower case; an
        empty set when no catalog of that name exists."""
        cursor.execute("SELECT connector_name FROM system.metadata.catalogs "
                       "WHERE catalog_name = COALESCE(?, current_catalog)", (self.folded(table.args.get("catalog")),))
        return {str(r[0]).lower() for r in cursor.fetchall()}

    def is_stored_table(self, cursor: Any, table: exp.Table) -> bool:
        """Whether ``table`` stores its rows, vouched for only in a catalog whose connector reports that truly.

        A ``postgresql`` (any JDBC) catalog lists PostgreSQL's views, materialized views, partitions and
        inheritance children as ``BASE TABLE``: each reads another table's raw rows under a name the policy does
        not list. Only the connectors of :data:`VOUCHING_CONNECTORS` are asked; every other catalog's relations
        are decided like views (columns the policy does not name are masked, whatever ``unclassified`` says).

        >>> sorted(VOUCHING_CONNECTORS)
        ['memory', 'tpcds', 'tpch']
        """
        connectors = self._connectors(cursor, table)
        if not connectors or not connectors <= VOUCHING_CONNECTORS:
            return False
        catalog = self.folded(table.args.get("catalog"))
        source = (f"{exp.to_identifier(catalog, quoted=True).sql('trino')}.information_schema.tables"
                  if catalog else "information_schema.tables")
        cursor.execute(f"SELECT table_type FROM {source} WHERE table_name = ? "
                       "AND table_schema = COALESCE(?, current_schema)",
                       (self.folded(table.this), self.folded(table.args.get("db"))))
        return all_stored(cursor.fetchall())

    def catalog_facts(self, cursor: Any, relations: Sequence[exp.Table],
                      described: Sequence[exp.Table]) -> CatalogFacts:
        """All a rewrite needs of the catalogs in one statement where the query reads the session's catalog
        (:mod:`maskline.adapters.facts`): the session's catalog and schema, every catalog's connector (read once,
        not once per question), the key-store comments of the schemas named, and the columns and kinds of the
        tables in the session's catalog. The rules are :meth:`is_stored_table`'s and :meth:`is_key_store`'s: a
        relation of another catalog whose connector vouches is asked of that catalog on its own.
        """
        from maskline.adapters.base import all_stored
        from maskline.adapters.facts import CatalogFacts, in_catalog
        from maskline.adapters.postgres import KEY_STORE_MARK, PRIVATE_SCHEMA

        tables = [*relations, *described]
        named = " OR ".join("(table_schema = COALESCE(?, current_schema) AND table_name = ?)" for _ in tables) or "false"
        named_params = [p for t in tables for p in (self.folded(t.args.get("db")), self.folded(t.this))]
        marks = " OR ".join("(catalog_name = COALESCE(?, current_catalog) AND schema_name = COALESCE(?, current_schema))"
                            for _ in relations) or "false"
        mark_params = [p for t in relations for p in (self.folded(t.args.get("catalog")), self.folded(t.args.get("db")))]
        # One row kind per question, told apart by the first column: s(ession), n (connectors), m(arks), c(olumns)
        # and k(inds); the columns and kinds are the session catalog's (its information_schema).
        cursor.execute(
            "SELECT 's', current_catalog, current_schema, current_path, NULL, CAST(NULL AS bigint) "
            "UNION ALL SELECT 'n', catalog_name, connector_name, NULL, NULL, NULL FROM system.metadata.catalogs "
            "UNION ALL SELECT 'm', catalog_name, schema_name, NULL, NULL, NULL FROM system.metadata.table_comments "
            f"WHERE comment = ? AND ({marks}) "
            "UNION ALL SELECT 'c', table_schema, table_name, column_name, data_type, ordinal_position "
            f"FROM information_schema.columns WHERE {named} "
            "UNION ALL SELECT 'k', table_schema, table_name, table_type, NULL, NULL FROM information_schema.tables "
            f"WHERE {named}",
            (KEY_STORE_MARK, *mark_params, *named_params, *named_params))
        rows = cursor.fetchall()
        session = next(r for r in rows if r[0] == "s")
        catalog = str(session[1]) if session[1] else None
        schema = str(session[2]) if session[2] else None
        path = function_path(str(session[3] or ""))
        connectors = {str(r[1]).lower(): str(r[2]).lower() for r in rows if r[0] == "n"}
        marked = {(str(r[1]), str(r[2])) for r in rows if r[0] == "m"}
        found: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        kinds: dict[tuple[str, str], list[tuple[str]]] = {}
        for r in rows:
            if r[0] == "c":
                found.setdefault((str(r[1]), str(r[2])), []).append((int(r[5]), str(r[3]), str(r[4]).lower()))
            elif r[0] == "k":
                kinds.setdefault((str(r[1]), str(r[2])), []).append((str(r[3]),))

        def where(t: exp.Table) -> tuple[str | None, str | None, str]:
            return (self.folded(t.args.get("catalog")) or catalog, self.folded(t.args.get("db")) or schema,
                    str(self.folded(t.this)))

        stored, held = [], []
        for table in relations:
            cat, sch, name = where(table)
            connector = connectors.get(cat) if cat else None
            if connector is None or connector not in VOUCHING_CONNECTORS:
                stored.append(False)
            elif cat == catalog:
                stored.append(sch is not None and all_stored(kinds.get((sch, name), [])))
            else:  # another catalog's information_schema: asked of it, as is_stored_table asks
                try:
                    stored.append(self.is_stored_table(cursor, table))
                except Exception:  # noqa: BLE001 - a catalog that cannot say: the relation is not vouched for
                    stored.append(False)
            held.append(sch == PRIVATE_SCHEMA or connector == "system" or (cat, sch) in marked)
        columns = {}
        for j, table in enumerate(described):
            _, sch, name = where(table)
            if in_catalog(table.catalog, catalog) and sch is not None and (sch, name) in found:
                columns[j] = tuple((c, k) for _, c, k in sorted(found[(sch, name)]))
        return CatalogFacts(schema, catalog, columns, tuple(stored), tuple(held), function_path=path)

    def key_stores(self, cursor: Any, tables: Sequence[exp.Table]) -> list[bool]:
        """For each of ``tables``, whether it is a key store (:meth:`is_key_store`), asked table by table: Trino's
        catalogs each answer for their own connector, so there is no one catalog query for a federated join.

        >>> TrinoAdapter().key_stores(None, [exp.to_table("postgres.maskline_private.key")])
        [True]
        """
        return [self.is_key_store(cursor, table) for table in tables]

    def is_key_store(self, cursor: Any, table: exp.Table) -> bool:
        """Whether ``table`` is in a PostgreSQL key store that a catalog of this Trino reaches.

        A ``postgresql`` catalog federates a database ``maskline protect`` may have protected, with credentials
        that can read its private schema (the key in ``key.salt``). Trino sees no schema comments, so the key
        store is recognised by the comment ``protect`` writes on its key table (``system.metadata.table_comments``
        lists it) or by the default name ``maskline_private``. Trino folds every identifier, quoted or not, to
        lower case, so the names are compared in lower case.

        Trino keeps key material itself too: ``system.runtime.queries`` records the parameters maskline binds the
        key to. Every table of a catalog served by the ``system`` connector is therefore a key store.

        >>> TrinoAdapter().is_key_store(None, exp.to_table('postgres."MASKLINE_PRIVATE".key'))  # no lookup needed
        True
        """
        from maskline.adapters.postgres import KEY_STORE_MARK, PRIVATE_SCHEMA

        schema = table.args.get("db")
        if schema is not None and schema.name.lower() == PRIVATE_SCHEMA:
            return True
        if "system" in self._connectors(cursor, table):
            return True
        cursor.execute("SELECT count(*) FROM system.metadata.table_comments "
                       "WHERE catalog_name = COALESCE(?, current_catalog) "
                       "AND schema_name = COALESCE(?, current_schema) AND comment = ?",
                       (self.folded(table.args.get("catalog")), self.folded(schema), KEY_STORE_MARK))
        row = cursor.fetchone()
        return bool(row and row[0])

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return f"trino://{host or 'localhost'}:{port or DEFAULT_PORT}"

    def connect(self, url: EngineURL, *, read_only: bool = False) -> Any:
        """A connection through the ``trino`` client (nothing is sent until the first statement).

        >>> from maskline.adapters.url import parse_url
        >>> TrinoAdapter().connect(parse_url("trino://ann@localhost:8080/memory/default")).catalog
        'memory'
        """
        return connect(url.raw)


class CompletingCursor:
    """A Trino cursor whose ``execute`` returns only when the statement has finished.

    The Trino client runs a statement as its results are read; a DROP or RENAME nobody reads could still be
    running when the next statement starts. Every result is read (and kept) before ``execute`` returns.

    >>> import sqlite3  # any DB-API cursor shows it
    >>> cursor = CompletingCursor(sqlite3.connect(":memory:").cursor())
    >>> cursor.execute("SELECT ? UNION ALL SELECT 2 UNION ALL SELECT 3", (1,)).fetchone()
    (1,)
    >>> cursor.fetchmany(1), cursor.fetchall(), cursor.fetchall()
    ([(2,)], [(3,)], [])
    >>> cursor.close()
    """

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor
        self._rows: list[Any] = []
        self.description: Any = None

    def execute(self, sql: str, params: Any = None) -> CompletingCursor:
        if params:
            self._cursor.execute(sql, list(params))
        else:
            self._cursor.execute(sql)
        self._rows = list(self._cursor.fetchall())
        self.description = self._cursor.description
        return self

    def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    def fetchmany(self, size: int = 1) -> list[Any]:
        out, self._rows = self._rows[:size], self._rows[size:]
        return out

    def fetchall(self) -> list[Any]:
        out, self._rows = self._rows, []
        return out

    def close(self) -> None:
        self._cursor.close()


def bind_key(expression: exp.Expression, key: KeyMaterial | None) -> tuple[str, list[str]]:
    """Trino SQL for ``expression`` with each key reference as ``?``, and the parameters to send with it.

    Any other placeholder is refused: parameters are positional, so a placeholder nobody binds would
    receive the key.
    """
    tree = expression.copy()
    params: list[str] = []
    for node in list(tree.find_all(exp.Placeholder)):
        if node.name != KEY_PARAMETER:
            raise InputError("the query holds a parameter maskline does not bind", where=f"placeholder {node.sql()}",
                             fix="write values into the query, or bind them yourself on a query without keyed methods")
        if key is None:
            raise KeyMissingError("the query reads keyed masked columns but no key was given",
                                  where="Trino parameters", fix="pass key=resolve_key(policy.key)")
        node.replace(exp.Placeholder())
        params.append(key.secret.hex())
    return tree.sql(dialect="trino"), params


def bind_key_in_sql(sql: str, key: KeyMaterial | None) -> tuple[str, list[str]]:
    """:func:`bind_key` for Trino SQL text that maskline compiled (``rewrite()``'s ``Rewritten.sql``).

    >>> bind_key_in_sql("SELECT 1", None)
    ('SELECT 1', [])
    """
    import sqlglot

    return bind_key(sqlglot.parse_one(sql, read="trino"), key)  # type: ignore[arg-type]


def connect(url: str, *, catalog: str | None = None, schema: str | None = None, user: str | None = None,
            **options: Any) -> Any:
    """A DB-API connection to the Trino server at ``url`` (``http://host:port`` or ``trino://user@host:port/cat/sch``).

    ``options`` go to ``trino.dbapi.connect`` (``timezone=``, ``auth=``...).

    >>> connect("ftp://x")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: not a Trino URL: scheme 'ftp' (at Trino URL). Fix: use http://host:port or trino://user@host:port/catalog/schema
    """
    u = urlparse(url)
    if u.scheme not in TRINO_URL_SCHEMES:
        raise InputError(f"not a Trino URL: scheme {u.scheme!r}", where="Trino URL",
                         fix="use http://host:port or trino://user@host:port/catalog/schema")
    parts = [unquote(p) for p in u.path.split("/") if p]
    import trino  # local: the client is the `trino` extra

    # Functions resolve in system.builtin, then in the session's path (a server's sql.path applies unless the
    # client sends one): a path of system.builtin alone leaves no routine for a masking expression to reach.
    headers = {BUILTIN_PATH_HEADER: BUILTIN_PATH, **(options.pop("http_headers", None) or {})}
    return trino.dbapi.connect(
        http_headers=headers,
        host=u.hostname or "localhost", port=u.port or (443 if u.scheme == "https" else DEFAULT_PORT),
        http_scheme="https" if u.scheme == "https" else "http", user=user or unquote(u.username or "") or "maskline",
        catalog=catalog or (parts[0] if parts else None), schema=schema or (parts[1] if len(parts) > 1 else None),
        **options,
    )
