"""PostgreSQL enforcement of masked access: masked views, an owner-only key, and a reader role.

Modelled on PostgreSQL Anonymizer's dynamic masking. :func:`protect` creates,
updates and (with :func:`unprotect`) drops these objects:

* ``maskline_private.key``: one row with the key's salt and HMAC pads. Only the
  admin role that ran :func:`protect` (its owner) can read it.
* ``maskline_private.hmac_sha256_hex(bytea)`` and ``salted_sha256_hex(bytea)``:
  ``SECURITY DEFINER`` functions that compute a keyed token inside the server.
  They return tokens, never key material; without a key row they raise.
* ``maskline_masked.<table>``: one view per table, with every column of the
  table and each sensitive one masked by its policy method (keyed methods call
  the functions above). A view reads a column's value only where its type allows
  (:mod:`maskline.adapters.pg_types`): a type the database defined could carry
  casts of its own, which the view would run on raw values for the reader.
* the reader role (``maskline_reader``, ``NOLOGIN``): ``USAGE`` on the two
  schemas, ``SELECT`` on the views, ``EXECUTE`` on the two functions. Nothing
  else: no raw table, no key table, and nothing in ``current_setting``.
  Grant it to the login roles of people and agents (``GRANT maskline_reader TO alice``).

What stays visible by design: the reader can call the token functions on
values of its choosing, which confirms a guessed value exactly as a tokenized
filter does.

Privileges the admin connection needs: ``CREATE`` on the database (for the two
schemas), ``SELECT`` on the raw tables (views read them with their owner's
rights), and ``CREATEROLE`` the first time (to create the reader role).

``unmask_for: [role:x]``: maskline does not grant raw access itself. A role
that may see raw values is granted ``SELECT`` on the raw tables by the DBA, and
its sessions query the raw schema directly.

Replacing a table (dbt's ``DROP ... CASCADE``, a swap by maskline's operators)
drops the views that read it. Run :func:`protect` again after each build (a dbt
``on-run-end`` hook or an Airflow task downstream of the build): it is
idempotent, and reuses the key row.

>>> [s.split(" AS ")[0] for s in view_statements({"customers": "SELECT 1"}, "raw", "maskline_masked")][:1]
['CREATE OR REPLACE VIEW "maskline_masked"."customers"']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from maskline.adapters.base import EngineAdapter
from maskline.adapters.pg_types import builtin_type_sql, declared_type_sql
from maskline.errors import UnsupportedDialectError
from maskline.keys import KeyMaterial

if TYPE_CHECKING:
    from sqlglot import exp

    from maskline.adapters.facts import CatalogFacts
    from maskline.adapters.url import EngineURL

MASKED_SCHEMA = "maskline_masked"
PRIVATE_SCHEMA = "maskline_private"  # must match maskline.dialects.postgres.Postgres.private_schema
KEY_TABLE = "key"  # the private schema's one-row key table; the dbt package reads it (vars.maskline_key_source)
READER_ROLE = "maskline_reader"
# What protect() writes on its private schema, whatever that schema is called: the safe query path reads the mark
# and refuses every table of a marked schema (the admin's session, on the inline path, could read the key table).
KEY_STORE_MARK = "maskline key store: key material and token functions, never data"

# One statement for a rewrite's catalog facts: a row per table asked (by position; none asked: one row of session
# facts), each with its columns and types in order, its relation kinds, its inheritance parents and whether its
# schema carries the key-store mark. The schema of an unqualified name is the session's current_schema().
# Every function, operator and type in it is named with its schema: the statement runs on the session's search path
# (it reads the session's current schema), where an object of another schema could otherwise win over the built-in
# one and run while the session holds the key (maskline.rewrite.pinned explains the resolution).
_EQ = "OPERATOR(pg_catalog.=)"
_FACTS_SQL = (
    "WITH q AS (SELECT (s.i OPERATOR(pg_catalog.-) 1)::pg_catalog.int4 AS i, "
    "COALESCE(s.nsp, pg_catalog.current_schema()) AS nsp, s.rel "
    "FROM ROWS FROM (pg_catalog.unnest(%s::pg_catalog.text[]), pg_catalog.unnest(%s::pg_catalog.text[])) "
    "WITH ORDINALITY AS s(nsp, rel, i)) "
    "SELECT pg_catalog.current_schema(), pg_catalog.current_database(), q.i, "
    "(SELECT pg_catalog.array_agg(c.column_name::pg_catalog.text ORDER BY c.ordinal_position) "
    f"FROM information_schema.columns c WHERE c.table_schema::pg_catalog.text {_EQ} q.nsp "
    f"AND c.table_name::pg_catalog.text {_EQ} q.rel), "
    f"(SELECT pg_catalog.array_agg(({declared_type_sql('c')}) ORDER BY c.ordinal_position) "
    f"FROM information_schema.columns c WHERE c.table_schema::pg_catalog.text {_EQ} q.nsp "
    f"AND c.table_name::pg_catalog.text {_EQ} q.rel), "
    "(SELECT pg_catalog.array_agg(t.table_type::pg_catalog.text) FROM information_schema.tables t "
    f"WHERE t.table_schema::pg_catalog.text {_EQ} q.nsp AND t.table_name::pg_catalog.text {_EQ} q.rel), "
    "(SELECT pg_catalog.count(*) FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c "
    f"ON c.oid {_EQ} i.inhrelid JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace "
    f"WHERE c.relname::pg_catalog.text {_EQ} q.rel AND n.nspname::pg_catalog.text {_EQ} q.nsp), "
    f"EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname::pg_catalog.text {_EQ} q.nsp "
    f"AND pg_catalog.obj_description(n.oid, 'pg_namespace') {_EQ} %s::pg_catalog.text), "
    # Columns of a type that is not built in (maskline.adapters.pg_types judges it, for protect too).
    "(SELECT pg_catalog.array_agg(a.attname::pg_catalog.text ORDER BY a.attnum) FROM pg_catalog.pg_attribute a "
    f"JOIN pg_catalog.pg_class c ON c.oid {_EQ} a.attrelid JOIN pg_catalog.pg_namespace n "
    f"ON n.oid {_EQ} c.relnamespace JOIN pg_catalog.pg_type t ON t.oid {_EQ} a.atttypid "
    f"WHERE c.relname::pg_catalog.text {_EQ} q.rel AND n.nspname::pg_catalog.text {_EQ} q.nsp "
    f"AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND NOT {builtin_type_sql('t')}), "
    # Generated columns: computed from the row, so nobody's verdict on their values covers them.
    "(SELECT pg_catalog.array_agg(c.column_name::pg_catalog.text ORDER BY c.ordinal_position) "
    f"FROM information_schema.columns c WHERE c.table_schema::pg_catalog.text {_EQ} q.nsp "
    f"AND c.table_name::pg_catalog.text {_EQ} q.rel AND c.is_generated::pg_catalog.text {_EQ} 'ALWAYS'), "
    # Descendants (inheritance children, partitions, at any depth): a read of the relation returns their rows.
    "(WITH RECURSIVE d(oid) AS (SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c "
    f"ON c.oid {_EQ} i.inhparent JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace "
    f"WHERE c.relname::pg_catalog.text {_EQ} q.rel AND n.nspname::pg_catalog.text {_EQ} q.nsp "
    f"UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN d ON i.inhparent {_EQ} d.oid) "
    "SELECT pg_catalog.array_agg(pg_catalog.concat_ws('.', dn.nspname::pg_catalog.text, dc.relname::pg_catalog.text)) "
    f"FROM d JOIN pg_catalog.pg_class dc ON dc.oid {_EQ} d.oid JOIN pg_catalog.pg_namespace dn "
    f"ON dn.oid {_EQ} dc.relnamespace), "
    # A namesake in public while the relation is elsewhere: the search path chose between them. pg_class, not
    # information_schema: a namesake the role may not read still makes the name ambiguous (a view over it can).
    "(q.nsp OPERATOR(pg_catalog.<>) 'public'::pg_catalog.text AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c "
    f"JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace WHERE n.nspname::pg_catalog.text {_EQ} "
    f"'public'::pg_catalog.text AND c.relname::pg_catalog.text {_EQ} q.rel "
    f"AND c.relkind::pg_catalog.text {_EQ} ANY (ARRAY['r', 'p', 'v', 'm', 'f']::pg_catalog.text[]))) "
    "FROM (SELECT 1) AS one LEFT JOIN q ON true"
)


# The schema.table names of a relation's descendants (inheritance children, partitions), at any depth.
_DESCENDANTS_SQL = (
    "WITH RECURSIVE d(oid) AS (SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c "
    f"ON c.oid {_EQ} i.inhparent JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace "
    f"WHERE n.nspname::pg_catalog.text {_EQ} %s AND c.relname::pg_catalog.text {_EQ} %s "
    f"UNION SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN d ON i.inhparent {_EQ} d.oid) "
    "SELECT pg_catalog.concat_ws('.', dn.nspname::pg_catalog.text, dc.relname::pg_catalog.text) "
    f"FROM d JOIN pg_catalog.pg_class dc ON dc.oid {_EQ} d.oid JOIN pg_catalog.pg_namespace dn "
    f"ON dn.oid {_EQ} dc.relnamespace"
)


# The URI designators libpq's connection strings accept (libpq's "Connection URIs"): pg://, redshift:// are refused.
LIBPQ_URI_SCHEMES = ("postgresql", "postgres")


class PostgresAdapter(EngineAdapter):
    """PostgreSQL through psycopg2 (or psycopg 3): custom settings hold the key, set with bound parameters."""

    name = "postgres"
    names = ("postgres", "postgresql", "pg", "psycopg2", "redshift")
    url_schemes = LIBPQ_URI_SCHEMES  # connect() hands the URI to libpq, which reads these two designators only
    url_extra = "postgres"  # psycopg2
    driver_modules = ("psycopg2", "psycopg")
    default_schema = "public"
    pins_catalog = True  # customers binds to pg_temp's customers first, when the session has one
    # A function, operator or type of any schema on the search path (public, the user's own) takes part in name
    # resolution, and wins over pg_catalog's when its argument types match better (a domain's own operator, a
    # lower(varchar)) or when the path lists pg_catalog later: it would run inside the masking expressions, on raw
    # values, with the key in the session. pg_catalog alone, then pg_temp explicitly last (so a temporary type or
    # relation cannot come first; pg_temp is never searched for functions or operators), leaves the built-ins.
    # A session with standard_conforming_strings off (postgresql.conf, ALTER ROLE/DATABASE ... SET, a DSN's
    # options) reads a backslash in a plain '...' string as an escape, where sqlglot printed it as a character:
    # the printed query's strings then end elsewhere, and text sqlglot read as a literal runs as SQL (a subquery
    # of a raw table, current_setting of the key), and the masking expressions' regular expressions lose their
    # escapes. Everything maskline prints for PostgreSQL is standard SQL, so the session reads it as such.
    # A value's text (CAST(dob AS TEXT), which partial, char_mask and the token methods read) is written in the
    # session's output formats: under DateStyle 'SQL, DMY' a date's last four characters are its year, not its
    # month and day, and a float's digits follow extra_float_digits. The formats maskline's masks are defined in
    # (ISO dates, as DuckDB and Python write them; the shortest exact float) are pinned too.
    # A masking job's session (MaskTableOperator's warehouse) is maskline's own: it reads them for its whole life.
    printed_sql_settings = (("standard_conforming_strings", "on"), ("DateStyle", "'ISO, MDY'"),
                            ("IntervalStyle", "postgres"), ("extra_float_digits", "1"), ("bytea_output", "hex"))
    pinned_settings = (("search_path", "pg_catalog, pg_temp"), *printed_sql_settings)
    # Whatever default_transaction_isolation says: each statement then reads the catalog as committed when it starts,
    # so the run's second catalog read (maskline.rewrite.held_catalog) sees DDL committed before its locks, where a
    # REPEATABLE READ snapshot taken by the key's load would not (and the planner would bind the new catalog). One
    # masked query is one statement: its answer is the same under either level.
    begin_statement = "BEGIN ISOLATION LEVEL READ COMMITTED"
    gx_datasource = "postgres"
    key_exposure = ("process memory only, for one transaction (COPY data into a temporary table, then "
                    "transaction-local settings)")

    def key_setup(self, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
        """None: psycopg2 would interpolate any bound key into the statement's text (see :meth:`load_key`).

        >>> PostgresAdapter().key_setup(KeyMaterial(b"k" * 16))
        Traceback (most recent call last):
        ...
        maskline.errors.UnsupportedDialectError: postgres loads the key as COPY data, not with statements ...
        """
        raise UnsupportedDialectError(
            "postgres loads the key as COPY data, not with statements (bound parameters end up in the text)",
            where="engine postgres", fix="use load_key(connection, cursor, key) or "
                                        "maskline.sql.session.apply_key_setup(cursor, 'postgres', key)")

    def load_key(self, connection: Any, cursor: Any, key: KeyMaterial | None) -> KeyMaterial | None:
        """Put ``key`` into the session as ``COPY`` data (:mod:`maskline.adapters.postgres_key`), never into a
        statement's text; transaction-local when a transaction is open (or, not autocommit, about to be).

        >>> print(PostgresAdapter().load_key(None, None, None))  # no key: nothing to load
        None
        """
        if key is None:
            return None
        from maskline.adapters.postgres_key import load_key_by_copy

        load_key_by_copy(connection, cursor, key)
        return None

    def forget_key(self, connection: Any, cursor: Any) -> None:
        """Empty the key's settings for the rest of the caller's open transaction
        (:func:`maskline.adapters.postgres_key.forget_key`); an autocommit connection's transaction was maskline's own
        and ends with the query.

        >>> from types import SimpleNamespace
        >>> PostgresAdapter().forget_key(SimpleNamespace(autocommit=True), None)  # maskline's own transaction
        """
        if getattr(connection, "autocommit", False):
            return
        from maskline.adapters.postgres_key import forget_key

        forget_key(cursor)

    def columns(self, cursor: Any, table: exp.Table) -> list[tuple[str, str]]:
        """``(column, type)`` of ``table`` in order, from ``information_schema`` with the modifiers dbt reads too
        (``numeric(10,2)``, ``character varying(20)``: :func:`maskline.adapters.pg_types.declared_type_sql`);
        empty when it does not exist.

        >>> from sqlglot import exp
        >>> class Cursor:  # stands in for a psycopg2 cursor on a table with a numeric(10,2) salary
        ...     def execute(self, sql, params): self.params = params
        ...     def fetchall(self): return [("salary", "numeric(10,2)")]
        >>> cursor = Cursor(); PostgresAdapter().columns(cursor, exp.to_table("hr.people")), cursor.params
        ([('salary', 'numeric(10,2)')], ('people', 'hr'))
        """
        cursor.execute(f"SELECT c.column_name::pg_catalog.text, {declared_type_sql('c')} "
                       f"FROM information_schema.columns c WHERE c.table_name::pg_catalog.text {_EQ} %s "
                       f"AND c.table_schema::pg_catalog.text {_EQ} COALESCE(%s, pg_catalog.current_schema()) "
                       "ORDER BY c.ordinal_position",
                       (self.folded(table.this), self.folded(table.args.get("db"))))
        return [(str(r[0]), str(r[1]).lower()) for r in cursor.fetchall()]

    def is_stored_table(self, cursor: Any, table: exp.Table) -> bool:
        """A stored table whose rows are no other table's: a partition or an inheritance child (``pg_inherits``)
        holds rows its parent reads as its own, so, like a view, it is not vouched for by its own name (the
        policy's rules for the parent cannot reach it): the safe query path masks its unnamed columns.
        """
        if not super().is_stored_table(cursor, table):
            return False
        cursor.execute("SELECT pg_catalog.count(*) FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c "
                       f"ON c.oid {_EQ} i.inhrelid JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace "
                       f"WHERE c.relname::pg_catalog.text {_EQ} %s::pg_catalog.text AND n.nspname::pg_catalog.text "
                       f"{_EQ} COALESCE(%s::pg_catalog.text, pg_catalog.current_schema())",
                       (self.folded(table.this), self.folded(table.args.get("db"))))
        row = cursor.fetchone()
        return row is not None and int(row[0]) == 0

    def locked_relations(self, cursor: Any) -> frozenset[int]:
        """The relations that hold rows (tables, partitions, views, materialized views, foreign tables; by oid) this
        session's transaction holds a lock on (:mod:`maskline.rewrite.held_catalog` compares the set before and
        after a masked query). A relation a statement reads stays locked until the transaction ends, so what the
        query adds is what it read beyond the relations the run held. A key store's key table is left out: the
        token functions of :func:`protect`'s masked views read it as the query runs (its schema's mark or the
        default private schema's name says so; a query naming a key store is refused by the rewrite); indexes are
        left out because their table is in the set.
        """
        cursor.execute("SELECT l.relation FROM pg_catalog.pg_locks l "
                       f"JOIN pg_catalog.pg_class c ON c.oid {_EQ} l.relation "
                       f"JOIN pg_catalog.pg_namespace n ON n.oid {_EQ} c.relnamespace "
                       f"WHERE l.pid {_EQ} pg_catalog.pg_backend_pid() AND l.locktype {_EQ} 'relation' "
                       f"AND c.relkind::pg_catalog.text {_EQ} ANY ('{{r,p,v,m,f}}'::pg_catalog.text[]) "
                       f"AND NOT (c.relname::pg_catalog.text {_EQ} %s::pg_catalog.text "
                       f"AND (n.nspname::pg_catalog.text {_EQ} %s::pg_catalog.text "
                       f"OR pg_catalog.obj_description(n.oid, 'pg_namespace') {_EQ} %s::pg_catalog.text))",
                       (KEY_TABLE, PRIVATE_SCHEMA, KEY_STORE_MARK))
        return frozenset(int(r[0]) for r in cursor.fetchall())

    def key_stores(self, cursor: Any, tables: Sequence[exp.Table]) -> list[bool]:
        """For each of ``tables``, whether its schema is one :func:`protect` marked as its private schema
        (``KEY_STORE_MARK``): the marks of all their schemas are read in one catalog query.

        The mark is read from the catalog, so a private schema of any name is recognized. The default name counts
        without the mark: a database protected before the mark was written has its key there (fail closed until
        ``maskline protect`` runs again and marks it).
        """
        schemas = [self.folded(t.args.get("db")) for t in tables]
        unnamed = [i for i, schema in enumerate(schemas) if schema != PRIVATE_SCHEMA]
        marked: set[int] = set()
        if unnamed:  # each table's schema by its position (None: the current schema), the marked ones returned
            cursor.execute("SELECT s.i FROM ROWS FROM (pg_catalog.unnest(%s::pg_catalog.int4[]), "
                           f"pg_catalog.unnest(%s::pg_catalog.text[])) AS s(i, nspname) JOIN pg_catalog.pg_namespace n ON n.nspname::pg_catalog.text {_EQ} "
                           "COALESCE(s.nspname, pg_catalog.current_schema()) "
                           f"WHERE pg_catalog.obj_description(n.oid, 'pg_namespace') {_EQ} %s::pg_catalog.text",
                           (unnamed, [schemas[i] for i in unnamed], KEY_STORE_MARK))
            marked = {int(row[0]) for row in cursor.fetchall()}
        return [schema == PRIVATE_SCHEMA or i in marked for i, schema in enumerate(schemas)]

    def catalog_facts(self, cursor: Any, relations: Sequence[exp.Table],
                      described: Sequence[exp.Table]) -> CatalogFacts:
        """All a rewrite needs of the catalog in one statement (:mod:`maskline.adapters.facts`): the same
        answers as :meth:`current_schema`, :meth:`current_catalog`, :meth:`columns`, :meth:`is_stored_table`
        and :meth:`key_stores`, read from the same views (``information_schema``, so a role sees only what it
        may, ``pg_inherits`` and the schema marks) for every table at once.
        """
        from maskline.adapters.base import all_stored
        from maskline.adapters.facts import CatalogFacts, in_catalog

        tables = [*relations, *described]
        cursor.execute(_FACTS_SQL, ([self.folded(t.args.get("db")) for t in tables],
                                    [self.folded(t.this) for t in tables], KEY_STORE_MARK))
        rows = cursor.fetchall()
        schema, catalog = (str(rows[0][0]) if rows[0][0] else None), str(rows[0][1])
        by_position = {int(r[2]): r for r in rows if r[2] is not None}
        n = len(relations)
        stored, held, defined, below, namesake = [], [], [], [], []
        for i, table in enumerate(relations):
            row = by_position.get(i)
            namesake.append(row is not None and bool(row[11]))
            below.append(tuple(str(d) for d in (row[10] or ())) if row else ())
            kinds = [(k,) for k in (row[5] or ())] if row else []
            stored.append(row is not None and all_stored(kinds) and int(row[6]) == 0)
            held.append(row is None or self.folded(table.args.get("db")) == PRIVATE_SCHEMA or bool(row[7]))
            defined.append(tuple(str(c) for c in (row[8] or ())) if row else ())
        columns, generated = {}, {}
        for j, table in enumerate(described):
            row = by_position.get(n + j)
            if row is not None and row[3] and in_catalog(table.catalog, catalog):
                columns[j] = tuple((str(c), str(t).lower()) for c, t in zip(row[3], row[4], strict=True))
                generated[j] = tuple(str(c) for c in (row[9] or ()))
        return CatalogFacts(schema, catalog, columns, tuple(stored), tuple(held), tuple(defined),
                            generated=generated, descendants=tuple(below), default_namesake=tuple(namesake))

    def prepare(self, connection: Any) -> None:
        """Autocommit, so maskline's explicit ``BEGIN``/``COMMIT`` delimit transactions, and the session reads the
        SQL maskline prints as printed (:attr:`printed_sql_settings`: standard strings, ISO dates...).

        >>> from types import SimpleNamespace
        >>> ran = []
        >>> cursor = SimpleNamespace(execute=ran.append, close=lambda: None)
        >>> connection = SimpleNamespace(autocommit=False, cursor=lambda: cursor)  # stands in for psycopg2's
        >>> PostgresAdapter().prepare(connection); connection.autocommit, ran[0]
        (True, 'SET standard_conforming_strings = on')
        """
        connection.autocommit = True  # explicit BEGIN/COMMIT
        # A session with standard_conforming_strings off read the masks' regular expressions without their
        # escapes: the email method's guard took \s for the letter s, and passed 'ann@x.example tel 4155550134'
        # on to keep its tail.
        cursor = connection.cursor()
        try:
            for name, value in self.printed_sql_settings:
                cursor.execute(f"SET {name} = {value}")
        finally:
            cursor.close()

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return f"postgres://{host or 'localhost'}:{port or 5432}"

    def dataset_name(self, table: Sequence[str], database: str | None) -> str:
        return super().dataset_name(table, database or "postgres")

    def dependent_views(self, cursor: Any, target_sql: str) -> list[str]:
        from maskline.adapters.table_setup import postgres_dependent_views

        return postgres_dependent_views(cursor, target_sql)

    def carried_setup(self, cursor: Any, target_sql: str, new_table: exp.Table,
                      new_columns: set[str]) -> list[exp.Expression]:
        from maskline.adapters.table_setup import postgres_setup

        return list(postgres_setup(cursor, target_sql, new_table, new_columns).statements())

    def connect(self, url: EngineURL, *, read_only: bool = False) -> Any:
        import psycopg2

        from maskline.errors import InputError

        try:
            con = psycopg2.connect(url.raw.partition("::")[0])
        except psycopg2.Error:
            raise InputError("cannot connect to PostgreSQL", where=url.shown,
                             fix="check host, port, database and credentials in the URI") from None
        if read_only:
            try:
                con.set_session(readonly=True)
            except BaseException:
                con.close()  # the caller never got it: nobody else could close it
                raise
        return con

_FUNCTIONS = {
    "hmac_sha256_hex": "encode(sha256(k.opad || sha256(k.ipad || data)), 'hex')",
    "salted_sha256_hex": "encode(sha256(k.salt || data), 'hex')",
}


@dataclass(frozen=True)
class Protected:
    """What :func:`protect` set up: the views it created, per raw table."""

    masked_schema: str
    reader_role: str
    views: tuple[str, ...]
    private_schema: str = PRIVATE_SCHEMA


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def key_statements(reader: str, private_schema: str = PRIVATE_SCHEMA) -> list[str]:
    """The private schema, the owner-only key table and the two token functions (no key values: see protect).

    The reader may call the functions, which run as their owner; it can read neither the key table nor the schema.

    >>> stmts = key_statements("analyst")
    >>> stmts[1], stmts[3]
    ('REVOKE ALL ON SCHEMA "maskline_private" FROM PUBLIC', 'REVOKE ALL ON "maskline_private".key FROM PUBLIC')
    >>> sum("SECURITY DEFINER" in s for s in stmts), stmts[-1]
    (2, 'GRANT USAGE ON SCHEMA "maskline_private" TO "analyst"')
    """
    p = _ident(private_schema)
    out = [
        f"CREATE SCHEMA IF NOT EXISTS {p}",
        f"REVOKE ALL ON SCHEMA {p} FROM PUBLIC",
        f"CREATE TABLE IF NOT EXISTS {p}.key (id integer PRIMARY KEY CHECK (id = 1), salt bytea NOT NULL, "
        "ipad bytea NOT NULL, opad bytea NOT NULL)",
        f"REVOKE ALL ON {p}.key FROM PUBLIC",
        f"COMMENT ON SCHEMA {p} IS '{KEY_STORE_MARK}'",  # the safe query path refuses what a marked schema holds
        # Engines that federate this database see table comments only (Trino's postgresql catalogs): the key
        # table carries the mark too.
        f"COMMENT ON TABLE {p}.key IS '{KEY_STORE_MARK}'",
    ]
    for name, body in _FUNCTIONS.items():
        fn = f"{p}.{name}(data bytea)"
        out += [
            f"CREATE OR REPLACE FUNCTION {fn} RETURNS text LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER "
            f"SET search_path = pg_catalog, pg_temp AS $fn$ DECLARE k record; BEGIN "
            f"SELECT salt, ipad, opad INTO k FROM {p}.key WHERE id = 1; "
            f"IF NOT FOUND THEN RAISE EXCEPTION 'maskline: no key loaded' USING ERRCODE = '28000'; END IF; "
            f"RETURN {body}; END $fn$",
            f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {fn} TO {_ident(reader)}",
        ]
    out.append(f"GRANT USAGE ON SCHEMA {p} TO {_ident(reader)}")
    return out


def view_statements(selects: Mapping[str, str], source_schema: str, masked_schema: str,
                    reader: str = READER_ROLE) -> list[str]:
    """``CREATE OR REPLACE VIEW`` and ``GRANT SELECT`` for each table's masking SELECT.

    >>> view_statements({"customers": "SELECT id FROM raw.customers"}, "raw", "masked", "analyst")
    ['CREATE OR REPLACE VIEW "masked"."customers" AS SELECT id FROM raw.customers', 'GRANT SELECT ON "masked"."customers" TO "analyst"']
    """
    out = []
    for table, select in selects.items():
        view = f"{_ident(masked_schema)}.{_ident(table)}"
        out += [f"CREATE OR REPLACE VIEW {view} AS {select}", f"GRANT SELECT ON {view} TO {_ident(reader)}"]
    return out



def _create_role(cur: Any, reader: str) -> None:
    """Create the reader role; a role another session created since the check is taken as it is.

    Roles are cluster-wide and ``CREATE ROLE`` has no ``IF NOT EXISTS``: two protect runs (two tasks, two
    databases of one cluster) can both see no role and both create it; the second would fail on the unique index.
    """
    cur.execute("SAVEPOINT maskline_reader_role")
    try:
        cur.execute(f"CREATE ROLE {_ident(reader)} NOLOGIN")
    except Exception as exc:
        if getattr(exc, "pgcode", None) not in ("23505", "42710"):  # unique_violation, duplicate_object
            raise
        cur.execute("ROLLBACK TO SAVEPOINT maskline_reader_role")
    else:
        cur.execute("RELEASE SAVEPOINT maskline_reader_role")


def _role_exists(cur: Any, role: str) -> bool:
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    return cur.fetchone() is not None


def _columns(cur: Any, schema: str, table: str) -> list[tuple[str, bool, str | None, str | None]]:
    """Each column's name, whether its type is built in, and the built-in type's name (with its declared
    modifiers) and category, judged from ``pg_type`` by :mod:`maskline.adapters.pg_types` (not from
    ``information_schema``'s text, which adds only the modifiers' numbers)."""
    from maskline.adapters.pg_types import COLUMNS_SQL

    cur.execute(COLUMNS_SQL, (schema, table))
    return [(str(c), bool(b), None if t is None else str(t), None if k is None else str(k))
            for c, b, t, k in cur.fetchall()]


def _masking_select(cur: Any, policy: Any, source_schema: str, table: str, dialect: Any,
                    classification: Any) -> str:
    """The view's SELECT for ``table``, refused (:func:`maskline.adapters.pg_types.refuse_unmaskable`) when it
    would run code on a column its type does not allow."""
    from sqlglot import exp

    from maskline.adapters.pg_types import TABLES_ARGUMENT, refuse_unmaskable
    from maskline.dialects import KeyMode
    from maskline.errors import InputError
    from maskline.methods.registry import METHODS
    from maskline.plan import build_plan
    from maskline.rewrite.table_names import stored_dotted, stored_part
    from maskline.sql.compile import compile_select, to_sql

    cols = _columns(cur, source_schema, table)
    if not cols:
        raise InputError(f"table {source_schema}.{table} has no columns or does not exist",
                         where=TABLES_ARGUMENT, fix="check the schema and table names")
    # A type the database defined has no name the masking SQL may use (a typed NULL is a plain NULL for it).
    # A generated column is a function of the row (lower(email)): masked unless the policy names it, as on the
    # query path (maskline.plan.build_plan), whatever unclassified says.
    cur.execute("SELECT column_name::pg_catalog.text FROM information_schema.columns WHERE table_schema "
                "OPERATOR(pg_catalog.=) %s AND table_name OPERATOR(pg_catalog.=) %s "
                "AND is_generated OPERATOR(pg_catalog.=) 'ALWAYS'", (source_schema, table))
    computed = [str(r[0]) for r in cur.fetchall()]
    # A parent (inheritance, partitioned) returns its descendants' rows: when the policy names one of them, or
    # does not name the parent, those rows are not the parent's entry to decide (maskline.rewrite.schema_source.
    # ruled_below, the query path's rule): its unnamed columns are masked.
    # The policy's entries are matched with the schema spelled out, as the query path matches them: an entry
    # for hr.all_orders is not public.all_orders' (taken for it, its parent's rows passed under its rules).
    cur.execute(_DESCENDANTS_SQL, (source_schema, table))
    below = [str(r[0]) for r in cur.fetchall()]
    relation = exp.table_(table, db=source_schema, quoted=True)
    # A view (a materialized view, a foreign table: whatever information_schema does not list as a BASE TABLE)
    # reads other tables under any column names (email AS notes), where the policy's rules for those tables cannot
    # reach. Its columns the policy does not name for it are masked, as the query path decides a view's
    # (schema_source.views_among). A named inheritance child or partition keeps its own entry here.
    # The policy's entries are looked up by the names the catalog stores (table_names.stored_part: "Customers"
    # quoted), so an entry written for customers never hands its allowances to its case-only namesake.
    name, schema_name = stored_part(table), stored_part(source_schema)
    if (below and (policy.dataset(name, schema_name) is None or any(policy.dataset(stored_dotted(d)) is not None
                                                                    for d in below))) \
            or not EngineAdapter.is_stored_table(PostgresAdapter(), cur, relation):
        from dataclasses import replace

        policy = replace(policy, unclassified="mask")
    plan = build_plan(policy, name, [(c, t if builtin else None) for c, builtin, t, _ in cols], classification,
                      computed=computed, default_schema=schema_name)
    select = compile_select(plan, relation, dialect, key_mode=KeyMode.DEFINER)
    opaque = [c.method is not None and METHODS[c.method.name].opaque for c in plan.columns]
    refuse_unmaskable(table, cols, zip(select.expressions, opaque, strict=True))
    return to_sql(select, dialect)


# The relation's kind, to choose how to lock it: LOCK TABLE takes tables, partitioned tables and views (a view's
# tables with it), not materialized views or foreign tables, which a read of no rows locks without running anything.
_RELKIND_SQL = ("SELECT c.relkind::pg_catalog.text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                f"ON n.oid {_EQ} c.relnamespace WHERE n.nspname::pg_catalog.text {_EQ} %s "
                f"AND c.relname::pg_catalog.text {_EQ} %s")


def _lock(cur: Any, schema: str, table: str) -> None:
    """Take ``ACCESS SHARE`` on ``schema.table`` (and what it reads) until protect's transaction ends; nothing when
    there is no such relation (:func:`_masking_select` refuses it with what, where and fix)."""
    cur.execute(_RELKIND_SQL, (schema, table))
    row = cur.fetchone()
    if row is None:
        return
    name = f"{_ident(schema)}.{_ident(table)}"
    if row[0] in ("r", "p", "v"):
        cur.execute(f"LOCK TABLE {name} IN ACCESS SHARE MODE")
    else:
        cur.execute(f"SELECT FROM {name} WHERE false")


def _key_store(cur: Any, reader: str, private_schema: str, key_owner: str | None = None) -> None:
    """Create or update the private schema, key table and token functions, refusing a store another role owns or
    that grants more than maskline's paths use (:mod:`maskline.adapters.postgres_key_store`): the key is written
    into it next. What this run creates keeps no grant of the admin role's default privileges."""
    from maskline.adapters import postgres_key_store as store

    schema_owner, table_owner, me = store.owners(cur, private_schema, KEY_TABLE)
    store.refuse_other_runner(private_schema, me, key_owner)
    store.refuse_foreign_owner(private_schema, KEY_TABLE, schema_owner, table_owner, me)
    for statement in key_statements(reader, private_schema):
        cur.execute(statement)
    if schema_owner is None or table_owner is None:
        store.strip_defaults(cur, private_schema, KEY_TABLE, schema_new=schema_owner is None,
                             table_new=table_owner is None)
        cur.execute(f"GRANT USAGE ON SCHEMA {_ident(private_schema)} TO {_ident(reader)}")
    store.refuse_extra_grants(store.grants(cur, private_schema, KEY_TABLE), private_schema, KEY_TABLE, reader)


def _store_key(cur: Any, private_schema: str, key: KeyMaterial) -> None:
    """Insert or replace the key row with values sent as ``COPY`` data (:func:`maskline.adapters.postgres_key.
    key_temp_table`): bound parameters would be written into the INSERT's text by psycopg2, which the server logs
    (``log_statement``) and shows in ``pg_stat_activity``. The temporary table ends with protect's transaction."""
    from maskline.adapters.postgres_key import key_temp_table

    table = key_temp_table(cur, key)
    cur.execute(f"INSERT INTO {_ident(private_schema)}.{KEY_TABLE} (id, salt, ipad, opad) "
                "SELECT 1, pg_catalog.decode(k.salt, 'hex'), pg_catalog.decode(k.ipad, 'hex'), "
                f"pg_catalog.decode(k.opad, 'hex') FROM {table} AS k "
                "ON CONFLICT (id) DO UPDATE SET salt = EXCLUDED.salt, ipad = EXCLUDED.ipad, opad = EXCLUDED.opad")
    cur.execute(f"DROP TABLE {table}")


def protect(connection: Any, policy: Any, source_schema: str, tables: Sequence[str], key: KeyMaterial, *,
            masked_schema: str = MASKED_SCHEMA, reader: str = READER_ROLE,
            classification: Mapping[str, Any] | None = None, private_schema: str = PRIVATE_SCHEMA,
            key_owner: str | None = None) -> Protected:
    """Create or update the key, token functions, masked views and reader role for ``tables``, atomically.

    ``connection`` is a psycopg2 connection of an admin role (see the module
    docstring for its privileges). Columns the policy does not list are decided
    by :func:`maskline.classify.decision.decide_unnamed`, as on the query path:
    masked unless ``classification`` vouches for them or the policy says
    ``unclassified: pass``. ``key_owner`` (the role dbt's ``vars.maskline_key_owner`` names) refuses to run as
    any other role.
    """
    from maskline.dialects.postgres import Postgres

    dialect = Postgres()
    dialect.private_schema = private_schema  # the views call the token functions of this schema
    previous = connection.autocommit
    connection.autocommit = False
    try:
        with connection.cursor() as cur:
            # A view binds its functions and operators when it is created, and runs them with its owner's rights
            # on raw rows: they must be pg_catalog's, whatever objects the schemas on the admin's path hold. It
            # keeps its string constants as they were read then: read as the standard SQL strings printed.
            for statement in PostgresAdapter().builtin_names_only:
                cur.execute(statement)
            # Each table locked before its catalog is read: a concurrent ALTER TABLE (a rename, a column added or
            # dropped) then waits for protect's commit, or protect waits for it and reads its result, so the names the
            # masks are decided by are the ones the views bind to.
            for table in tables:
                _lock(cur, source_schema, table)
            # Every view's SELECT first: a refused column leaves nothing created (the whole run is one transaction
            # too, so a failure later rolls back what came before).
            selects = {table: _masking_select(cur, policy, source_schema, table, dialect,
                                              (classification or {}).get(table)) for table in tables}
            if not _role_exists(cur, reader):
                _create_role(cur, reader)
            _key_store(cur, reader, private_schema, key_owner)
            _store_key(cur, private_schema, key)
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {_ident(masked_schema)}")
            cur.execute(f"REVOKE ALL ON SCHEMA {_ident(masked_schema)} FROM PUBLIC")
            cur.execute(f"GRANT USAGE ON SCHEMA {_ident(masked_schema)} TO {_ident(reader)}")
            for statement in view_statements(selects, source_schema, masked_schema, reader):
                cur.execute(statement)
        connection.commit()
    except Exception:
        connection.rollback()
        raise
    finally:
        connection.autocommit = previous
    return Protected(masked_schema, reader, tuple(tables), private_schema)


def unprotect(connection: Any, *, masked_schema: str = MASKED_SCHEMA, private_schema: str = PRIVATE_SCHEMA) -> None:
    """Drop the masked views' schema and the private schema (key and functions). The reader role is kept."""
    previous = connection.autocommit
    connection.autocommit = True
    try:
        with connection.cursor() as cur:
            cur.execute(f"DROP SCHEMA IF EXISTS {_ident(masked_schema)} CASCADE")
            cur.execute(f"DROP SCHEMA IF EXISTS {_ident(private_schema)} CASCADE")
    finally:
        connection.autocommit = previous
