"""What maskline needs to know about one engine, in one class: the engine adapter.

Every face asks an adapter, never an if-chain on a dialect name:

* which names mean the engine (URI schemes, SQLAlchemy and Airflow ``dialect_name``,
  Airflow connection types, dbt adapter types): :attr:`EngineAdapter.names`;
* its SQL dialect (:meth:`EngineAdapter.dialect`);
* how a session holds the key (:meth:`EngineAdapter.key_setup`, :meth:`EngineAdapter.load_key`);
* how to read a table's columns (:meth:`EngineAdapter.columns`);
* DB-API details: the placeholder, how a transaction starts, which cursor to use;
* the OpenLineage namespace and dataset name of a table;
* how to open a URI (:meth:`EngineAdapter.connect`).

A subclass overrides only what its engine does differently, so adding an engine
is one module in this package plus its tests (see CONTRIBUTING.md).

>>> class Toy(EngineAdapter):
...     name = "toy"
>>> Toy().placeholder, Toy().namespace("h", None, "db")
('%s', 'toy://h')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from maskline.errors import UnsupportedDialectError

if TYPE_CHECKING:
    from sqlglot import exp

    from maskline.adapters.facts import CatalogFacts
    from maskline.adapters.url import EngineURL
    from maskline.dialects.base import Dialect
    from maskline.keys import KeyMaterial


class EngineAdapter:
    """The generic behaviour of a SQL engine reached through DB-API; engines override what differs."""

    #: The registry key, and the name used in messages and lineage facets.
    name: ClassVar[str] = "generic"
    #: Every other name that means this engine (lower case).
    names: ClassVar[tuple[str, ...]] = ()
    #: Leading module names of this engine's DB-API connection classes.
    driver_modules: ClassVar[tuple[str, ...]] = ()
    #: The DB-API paramstyle's marker.
    placeholder: ClassVar[str] = "%s"
    #: The statement that starts a transaction.
    begin: ClassVar[str] = "BEGIN"
    #: Whether unquoted identifiers are folded to lower case when matching catalog names.
    folds_case: ClassVar[bool] = True
    #: The schema a one-part table name lives in, for lineage names (None: the connection's).
    default_schema: ClassVar[str | None] = None
    #: The URI schemes :meth:`connect` opens (empty: maskline opens none of this engine's URIs itself). A name in
    #: :attr:`names` that is not here is a dialect maskline speaks, not a URI it can open (redshift, athena).
    url_schemes: ClassVar[tuple[str, ...]] = ()
    #: The maskline extra that installs the driver :meth:`connect` needs (None: it comes with maskline's core).
    url_extra: ClassVar[str | None] = None
    #: Whether the engine's data lives in a local file (its URI path is a file path).
    file_based: ClassVar[bool] = False
    #: Whether this process can run masking SQL on the engine (False: DDL and golden SQL only).
    executes: ClassVar[bool] = True
    #: Whether writes can be grouped in a transaction (BEGIN ... COMMIT); False: autocommit statements only.
    transactions: ClassVar[bool] = True
    #: Whether the key travels with each statement as bound parameters, because no session can hold it.
    key_in_statement: ClassVar[bool] = False
    #: Great Expectations' datasource type for this engine (``context.data_sources.add_<this>``).
    gx_datasource: ClassVar[str] = "sql"
    #: Whether a masked relation names the catalog and schema its table was checked in, because the engine binds
    #: a name through a search path that puts the session's temporary objects first (DuckDB's ``temp`` catalog,
    #: PostgreSQL's ``pg_temp`` schema), so a temporary view could stand in for the table that was checked.
    pins_catalog: ClassVar[bool] = False
    #: Session settings ``(name, value)`` that make the engine read the SQL maskline prints as sqlglot printed it,
    #: set for the length of one transaction (:mod:`maskline.rewrite.pinned`): unqualified function, operator and
    #: type names resolve to the engine's built-ins only, and string literals are read as standard SQL strings.
    #: Empty: the engine has no such setting a session could hold otherwise, or maskline has not found one.
    pinned_settings: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: The statement that opens maskline's own transaction around a masked query (:mod:`maskline.rewrite.pinned`).
    begin_statement: ClassVar[str] = "BEGIN"

    @property
    def builtin_names_only(self) -> tuple[str, ...]:
        """The statements that pin :attr:`pinned_settings` for one transaction (``SET LOCAL``).

        >>> from maskline.adapters import engine
        >>> engine("postgres").builtin_names_only[1]
        'SET LOCAL standard_conforming_strings = on'
        >>> engine("duckdb").builtin_names_only
        ()
        """
        return tuple(f"SET LOCAL {name} = {value}" for name, value in self.pinned_settings)
    #: Where key material can appear when a session holds it (the README's table).
    key_exposure: ClassVar[str] = "nowhere: this engine has no key session"

    def dialect(self) -> Dialect:
        """This engine's masking dialect.

        >>> from maskline.adapters import engine
        >>> engine("postgresql").dialect().name
        'postgres'
        """
        from maskline.dialects import DIALECTS

        return DIALECTS[self.name]

    # --- keys ---------------------------------------------------------------
    def key_setup(self, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
        """Statements, with bound parameters, that put ``key`` into a session (the key is never in SQL text).

        >>> from maskline.adapters import engine
        >>> from maskline.keys import KeyMaterial
        >>> [sql for sql, _ in engine("duckdb").key_setup(KeyMaterial(b"k" * 16))]
        ['SET VARIABLE maskline_ipad = ?', 'SET VARIABLE maskline_opad = ?', 'SET VARIABLE maskline_salt = ?']
        >>> EngineAdapter().key_setup(KeyMaterial(b"k" * 16))
        Traceback (most recent call last):
        ...
        maskline.errors.UnsupportedDialectError: generic has no session variables; pass the key values as query ...
        """
        raise UnsupportedDialectError(
            f"{self.name} has no session variables; pass the key values as query parameters",
            where=f"engine {self.name}", fix="bind maskline_ipad/opad/salt (hex) as parameters of the query")

    def unkeyed_functions(self, connection: Any) -> None:
        """Make the functions masking SQL calls available on ``connection`` for a query that reads no key; nothing
        on engines whose masks call built-ins only (SQLite registers its missing primitives, see
        :func:`maskline.adapters.sqlite.register_functions`).

        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> engine("duckdb").unkeyed_functions(duckdb.connect())
        """

    def load_key(self, connection: Any, cursor: Any, key: KeyMaterial | None) -> KeyMaterial | None:
        """Put ``key`` into the session of ``connection`` (through ``cursor``); nothing without a key.

        Returns the key each statement must carry itself: ``None`` where the session now holds it, the key
        where the engine has no session state (:attr:`key_in_statement`); pass it to :meth:`bind_sql` or
        :meth:`bind_statement`, so no caller branches on the engine.

        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> from maskline.keys import KeyMaterial
        >>> con = duckdb.connect()
        >>> print(engine("duckdb").load_key(con, con, KeyMaterial(b"k" * 16)))  # the session holds it now
        None
        >>> con.sql("SELECT getvariable('maskline_salt') IS NOT NULL").fetchall()
        [(True,)]
        """
        if key is None:
            return None
        for statement, params in self.key_setup(key):
            cursor.execute(statement, params)
        return None

    def forget_key(self, connection: Any, cursor: Any) -> None:
        """Take the key :meth:`load_key` put into a transaction the caller keeps open back out of it, once a masked
        query's rows are fetched. Nothing here (an engine with no session key, Trino's); PostgreSQL and DuckDB
        override it.

        >>> from maskline.adapters import engine
        >>> engine("trino").forget_key(None, None)
        """
        return None

    def bind_statement(self, statement: exp.Expression, key: KeyMaterial | None) -> tuple[str, tuple[Any, ...]]:
        """``statement`` as SQL text plus its parameters: none where the session holds the key; the key's
        values where it travels with the statement (:attr:`key_in_statement`).

        >>> from sqlglot import exp
        >>> from maskline.adapters import engine
        >>> engine("duckdb").bind_statement(exp.select("a").from_("t"), None)
        ('SELECT a FROM t', ())
        """
        return statement.sql(dialect=self.dialect().sqlglot_name), ()

    def bind_sql(self, sql: str, key: KeyMaterial | None) -> tuple[str, tuple[Any, ...]]:
        """:meth:`bind_statement` for SQL text maskline compiled (it is parsed back only where the key binds).

        >>> from maskline.adapters import engine
        >>> engine("postgres").bind_sql("SELECT a FROM t", None)  # the session holds the key: nothing to bind
        ('SELECT a FROM t', ())
        """
        if not self.key_in_statement:
            return sql, ()
        import sqlglot

        return self.bind_statement(sqlglot.parse_one(sql, read=self.dialect().sqlglot_name), key)  # type: ignore[arg-type]

    # --- DB-API -------------------------------------------------------------
    def cursor(self, connection: Any) -> Any:
        """The object statements are executed on (a DB-API cursor unless the engine says otherwise).

        >>> import sqlite3
        >>> from maskline.adapters import engine
        >>> type(engine("sqlite").cursor(sqlite3.connect(":memory:"))).__name__
        'Cursor'
        """
        return connection.cursor()

    def prepare(self, connection: Any) -> None:
        """Set the connection up for explicit ``BEGIN``/``COMMIT`` (autocommit, isolation level).

        >>> import sqlite3
        >>> from maskline.adapters import engine
        >>> con = sqlite3.connect(":memory:")
        >>> engine("sqlite").prepare(con); print(con.isolation_level)  # sqlite3 no longer opens transactions itself
        None
        """

    def owns(self, connection: Any) -> bool:
        """Whether ``connection`` is a DB-API connection of this engine's drivers.

        >>> import sqlite3
        >>> from maskline.adapters import engine
        >>> engine("sqlite").owns(sqlite3.connect(":memory:")), engine("duckdb").owns(sqlite3.connect(":memory:"))
        (True, False)
        """
        module = type(connection).__module__.lstrip("_")
        return any(module.startswith(m) for m in self.driver_modules)

    def folded(self, ident: exp.Identifier | None) -> str | None:
        """A name part as the catalog stores it (unquoted names fold to lower case where the engine folds).

        >>> from sqlglot import exp
        >>> from maskline.adapters import engine
        >>> pg = engine("postgres")
        >>> pg.folded(exp.to_identifier("Email")), pg.folded(exp.to_identifier("Email", quoted=True))
        ('email', 'Email')
        """
        if ident is None:
            return None
        return ident.name if ident.quoted or not self.folds_case else ident.name.lower()

    def table(self, name: str) -> exp.Table:
        """``name`` parsed as a table in this engine's SQL (so quoting and schemas follow its rules).

        >>> from maskline.adapters import engine
        >>> engine("duckdb").table('main."Customers"').name
        'Customers'
        """
        from sqlglot import exp  # imported on use: a file's scan reaches this package and needs no SQL parser

        return exp.to_table(name, dialect=self.dialect().sqlglot_name)

    def current_catalog(self, cursor: Any) -> str:
        """The catalog (database) the connection reads by default: the only one a masked query may name.

        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> engine("duckdb").current_catalog(duckdb.connect())
        'memory'
        """
        cursor.execute("SELECT current_database()")
        return str(cursor.fetchone()[0])

    def current_schema(self, cursor: Any) -> str | None:
        """The schema an unqualified table name resolves to on this connection (None when it has none).

        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> engine("duckdb").current_schema(duckdb.connect())
        'main'
        """
        cursor.execute("SELECT current_schema()")
        # every row read: DuckDB's cursor is its connection, and a result left pending there fails the next
        # statement that changes the session (ResourceInUseException, as the classifier's sampling did)
        rows = cursor.fetchall()
        return str(rows[0][0]) if rows and rows[0][0] else None

    def columns(self, cursor: Any, table: exp.Table) -> list[tuple[str, str]]:
        """``(column, type)`` of ``table`` in order, from ``information_schema``; empty when it does not exist.

        >>> from sqlglot import exp
        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> con = duckdb.connect(); _ = con.execute("CREATE TABLE t (id INTEGER, email VARCHAR)")
        >>> engine("duckdb").columns(con, engine("duckdb").table("t")), engine("duckdb").columns(con, exp.to_table("u"))
        ([('id', 'integer'), ('email', 'varchar')], [])
        """
        p = self.placeholder
        sql = (f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {p} "
               f"AND table_schema = COALESCE({p}, current_schema()) ORDER BY ordinal_position")
        cursor.execute(sql, (self.folded(table.this), self.folded(table.args.get("db"))))
        return [(str(r[0]), str(r[1]).lower()) for r in cursor.fetchall()]

    def is_stored_table(self, cursor: Any, table: exp.Table) -> bool:
        """Whether ``table`` is a table that stores its rows (not a view, nor anything the catalog cannot say).

        A view reads other tables as they are, so a masked relation over it masks nothing below it: the safe
        query path decides a view's columns without ``unclassified: pass`` (:mod:`maskline.rewrite.api`).

        >>> from sqlglot import exp
        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> con = duckdb.connect(); _ = con.execute("CREATE TABLE t (id INTEGER); CREATE VIEW v AS SELECT * FROM t")
        >>> engine("duckdb").is_stored_table(con, exp.to_table("t")), engine("duckdb").is_stored_table(con, exp.to_table("v"))
        (True, False)
        """
        p = self.placeholder
        cursor.execute(f"SELECT table_type FROM information_schema.tables WHERE table_name = {p} "
                       f"AND table_schema = COALESCE({p}, current_schema())",
                       (self.folded(table.this), self.folded(table.args.get("db"))))
        return all_stored(cursor.fetchall())

    def locked_relations(self, cursor: Any) -> frozenset[int]:
        """The row-holding relations the session's transaction holds a lock on, for
        :mod:`maskline.rewrite.held_catalog` to compare before and after a masked query: a relation the query
        read that the run had not held refuses its rows. Empty where the engine keeps no such locks to list
        (DuckDB and SQLite hold the catalog by their transaction's snapshot; PostgreSQL lists ``pg_locks``).

        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> engine("duckdb").locked_relations(duckdb.connect())
        frozenset()
        """
        return frozenset()

    def key_stores(self, cursor: Any, tables: Sequence[exp.Table]) -> list[bool]:
        """For each of ``tables``, in order, whether it is in a schema maskline keeps key material in (never a
        relation of a masked query), asked in one catalog round trip for all of them where the engine keeps one.

        An engine whose sessions hold the key (DuckDB's variables, SQLite's functions) keeps it in no table.
        PostgreSQL's ``protect`` keeps it in a schema it marks (:mod:`maskline.adapters.postgres`).

        >>> from sqlglot import exp
        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> engine("duckdb").key_stores(duckdb.connect(), [exp.to_table("t"), exp.to_table("s.u")])
        [False, False]
        """
        return [False] * len(tables)

    def catalog_facts(self, cursor: Any, relations: Sequence[exp.Table],
                      described: Sequence[exp.Table]) -> CatalogFacts:
        """What one rewrite needs of the catalog, read once: the current schema and catalog, the columns of each
        of ``described``, and whether each of ``relations`` stores its rows and is a key store.

        This default asks :meth:`current_schema`, :meth:`current_catalog`, :meth:`columns`,
        :meth:`is_stored_table` and :meth:`key_stores` in turn (a statement each, and one per table); engines
        with a catalog that can be asked in one query override it (PostgreSQL, DuckDB, Trino). A table naming a
        catalog other than the connection's is not described (the rewrite refuses it). What the catalog cannot
        say fails closed: not stored, a key store; a failing column read raises.

        >>> from sqlglot import exp
        >>> import duckdb
        >>> from maskline.adapters import engine
        >>> con = duckdb.connect(); _ = con.execute("CREATE TABLE t (id INTEGER); CREATE VIEW v AS SELECT * FROM t")
        >>> t, v = exp.to_table("t"), exp.to_table("v")
        >>> facts = EngineAdapter.catalog_facts(engine("duckdb"), con, [t, v], [t, exp.to_table("system.main.t")])
        >>> facts.current_schema, facts.current_catalog, dict(facts.columns), facts.stored, facts.key_store
        ('main', 'memory', {0: (('id', 'integer'),)}, (True, False), (False, False))
        """
        from maskline.adapters.facts import CatalogFacts, in_catalog

        try:
            schema = self.current_schema(cursor)
        except Exception:  # noqa: BLE001 - an engine that cannot say; the adapter's default stands in
            schema = None
        try:
            catalog: str | None = self.current_catalog(cursor)
        except Exception:  # noqa: BLE001 - unknown: tables naming a catalog are not described, nor pinned
            catalog = None
        columns = {i: tuple(cols) for i, table in enumerate(described)
                   if in_catalog(table.catalog, catalog) and (cols := self.columns(cursor, table))}
        stored = []
        for table in relations:
            try:
                stored.append(self.is_stored_table(cursor, table))
            except Exception:  # noqa: BLE001 - a catalog that cannot say: the relation is not vouched for
                stored.append(False)
        try:
            held = list(self.key_stores(cursor, relations))
        except Exception:  # noqa: BLE001 - a catalog that cannot say is not vouched for
            held = [True] * len(relations)
        return CatalogFacts(schema, catalog, columns, tuple(stored), tuple(held))

    def truncate(self, table: exp.Table) -> exp.Expression:
        """The statement that empties ``table`` and keeps it.

        >>> from sqlglot import exp
        >>> from maskline.adapters import engine
        >>> engine("postgres").truncate(exp.to_table("t")).sql(), engine("sqlite").truncate(exp.to_table("t")).sql()
        ('TRUNCATE TABLE t', 'DELETE FROM t')
        """
        from sqlglot import exp

        return exp.TruncateTable(expressions=[table.copy()])

    def dependent_views(self, cursor: Any, target_sql: str) -> list[str]:
        """Views that would be dropped with ``target_sql`` (a swap must not drop them silently).

        >>> EngineAdapter().dependent_views(None, "t")  # engines whose DROP cascades to views override it
        []
        """
        return []

    def carried_setup(self, cursor: Any, target_sql: str, new_table: exp.Table,
                      new_columns: set[str]) -> list[exp.Expression]:
        """Statements that give ``new_table`` the grants and comments ``target_sql`` has (before a swap).

        >>> from sqlglot import exp
        >>> EngineAdapter().carried_setup(None, "t", exp.to_table("t_new"), {"id"})  # PostgreSQL overrides it
        []
        """
        return []

    # --- lineage ------------------------------------------------------------
    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        """The OpenLineage namespace of a database of this engine (the OpenLineage naming spec)."""
        return f"{self.name}://{host or ''}" + (f":{port}" if port else "")

    def dataset_name(self, table: Sequence[str], database: str | None) -> str:
        """``database.schema.table`` as OpenLineage names a table, defaults filled in.

        >>> from maskline.adapters import engine
        >>> engine("postgres").dataset_name(["customers"], "shop")
        'shop.public.customers'
        """
        parts = list(table)
        if len(parts) == 1 and self.default_schema:
            parts = [self.default_schema, *parts]
        if len(parts) == 2 and database:
            parts = [database, *parts]
        return ".".join(parts)

    # --- URIs ---------------------------------------------------------------
    def connect(self, url: EngineURL, *, read_only: bool = False) -> Any:
        """A DB-API connection to ``url``; the caller closes it.

        >>> from maskline.adapters.url import parse_url
        >>> con = parse_url("duckdb://").engine.connect(parse_url("duckdb://"))
        >>> con.sql("SELECT 42").fetchall()
        [(42,)]
        >>> EngineAdapter().connect(parse_url("duckdb://"))
        Traceback (most recent call last):
        ...
        maskline.errors.UnsupportedDialectError: maskline cannot open generic URIs itself ...
        """
        raise UnsupportedDialectError(f"maskline cannot open {self.name} URIs itself", where=url.shown,
                                      fix="open the connection yourself and pass it in")

    def __repr__(self) -> str:
        return f"<engine {self.name}>"


def key_values(key: KeyMaterial) -> dict[str, bytes]:
    """The three values a session holds: the HMAC pads and the raw key (the salt of ``hash``).

    >>> from maskline.keys import KeyMaterial
    >>> sorted(key_values(KeyMaterial(b"k" * 16)))
    ['ipad', 'opad', 'salt']
    """
    from maskline.dialects.base import KEY_VALUES

    values = {"ipad": key.inner_pad(), "opad": key.outer_pad(), "salt": key.secret}
    return {n: values[n] for n in KEY_VALUES}


# information_schema.tables' kinds of relation that hold their own rows (a view, a foreign or unknown kind: no).
STORED_TABLE_TYPES = frozenset({"BASE TABLE", "LOCAL TEMPORARY"})


def all_stored(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether the catalog rows found for one name all say it stores its rows (no row: not known, so no).

    >>> all_stored([("BASE TABLE",)]), all_stored([("VIEW",)]), all_stored([])
    (True, False, False)
    """
    return bool(rows) and all(str(r[0]).upper() in STORED_TABLE_TYPES for r in rows)
