"""DuckDB, embedded: the default engine, and the one in-process data (files, DataFrames) is masked on.

The key is held in session variables set with bound parameters, so it is only in
process memory. :func:`connect` opens a connection with the key loaded.

>>> con = connect(); _ = con.execute("CREATE TABLE t (a INTEGER, b VARCHAR)")
>>> columns_of(con, "t")
[('a', 'integer'), ('b', 'varchar')]
>>> con.close()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from maskline.adapters.base import EngineAdapter, all_stored, key_values

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlglot import exp

    from maskline.adapters.facts import CatalogFacts
    from maskline.adapters.url import EngineURL
    from maskline.keys import KeyMaterial

# One statement for a rewrite's catalog facts: a row per table asked (by position; none asked: one row of session
# facts), each with its columns and types in order and its relation kinds, matched as columns() matches them.
_FACTS_SQL = (
    "WITH q AS (SELECT (generate_subscripts($1::VARCHAR[], 1) - 1)::INTEGER AS i, unnest($1::VARCHAR[]) AS rel, "
    "COALESCE(unnest($2::VARCHAR[]), current_schema()) AS nsp, "
    "lower(COALESCE(unnest($3::VARCHAR[]), current_database())) AS cat) "
    "SELECT current_schema(), current_database(), q.i, "
    "(SELECT list(c.column_name ORDER BY c.ordinal_position) FROM information_schema.columns c "
    "WHERE lower(c.table_name) = lower(q.rel) AND c.table_schema = q.nsp AND lower(c.table_catalog) = q.cat), "
    "(SELECT list(c.data_type ORDER BY c.ordinal_position) FROM information_schema.columns c "
    "WHERE lower(c.table_name) = lower(q.rel) AND c.table_schema = q.nsp AND lower(c.table_catalog) = q.cat), "
    "(SELECT list(t.table_type) FROM information_schema.tables t "
    "WHERE lower(t.table_name) = lower(q.rel) AND t.table_schema = q.nsp AND lower(t.table_catalog) = q.cat), "
    # Generated columns: computed from the row, so nobody's verdict on their values covers them.
    "(SELECT list(c.column_name ORDER BY c.ordinal_position) FROM information_schema.columns c "
    "WHERE lower(c.table_name) = lower(q.rel) AND c.table_schema = q.nsp AND lower(c.table_catalog) = q.cat "
    "AND c.is_generated = 'ALWAYS'), "
    # A namesake in main while the relation is elsewhere: the session's schema (SET schema) chose between them.
    "(q.nsp <> 'main' AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE lower(t.table_name) = "
    "lower(q.rel) AND t.table_schema = 'main' AND lower(t.table_catalog) = q.cat)) "
    "FROM (SELECT 1) AS one LEFT JOIN q ON true"
)


def profiling_off(connection: Any) -> None:
    """Turn DuckDB's profiler off for ``connection`` before the key enters its session; refuse when it cannot be.

    DuckDB folds the key's session variables into constants of each plan, and a profiled session prints every
    plan (or keeps it for ``get_profiling_information()``): the ``SET VARIABLE`` statements show the key itself
    and the masked query's filters its HMAC pads. A session that holds the key therefore records no plan;
    :func:`maskline.rewrite.run.harden_duckdb` then locks the configuration, so no later statement can turn the profiler back on.

    >>> import duckdb; con = duckdb.connect(); _ = con.execute("PRAGMA enable_profiling='no_output'")
    >>> profiling_off(con); con.execute("SELECT current_setting('enable_profiling')").fetchone()
    (None,)
    """
    row = connection.execute("SELECT current_setting('enable_profiling')").fetchone()
    if row is None or row[0] is None:
        return
    from maskline.errors import QueryFailed

    failed = False
    try:
        connection.execute("RESET enable_profiling")
    except Exception:  # noqa: BLE001 - a locked configuration: the engine's text is not kept (it names settings)
        failed = True
    if failed:
        raise QueryFailed("the DuckDB connection profiles its queries and its configuration is locked, so the "
                          "profiler would print the key maskline loads into the session",
                          where="the DuckDB connection",
                          fix="turn profiling off (PRAGMA disable_profiling) before locking the connection's "
                              "configuration, or pass a connection without it")


class DuckDBAdapter(EngineAdapter):
    """DuckDB through its Python API (the connection is its own cursor)."""

    name = "duckdb"
    names = ("duckdb",)
    url_schemes = ("duckdb",)  # connect() opens url.path, whatever else the URI holds
    driver_modules = ("duckdb",)
    placeholder = "?"
    begin = "BEGIN TRANSACTION"
    default_schema = "main"
    file_based = True
    pins_catalog = True  # main.customers binds to temp.main.customers first, when one exists
    key_exposure = "process memory only (session variables set with bound parameters)"

    def key_setup(self, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
        return [(f"SET VARIABLE maskline_{n} = ?", (v,)) for n, v in key_values(key).items()]

    def load_key(self, connection: Any, cursor: Any, key: KeyMaterial | None) -> KeyMaterial | None:
        # The profiler prints each plan, and DuckDB makes the key's values constants of it: off first.
        if key is not None:
            profiling_off(cursor)
        return super().load_key(connection, cursor, key)

    def forget_key(self, connection: Any, cursor: Any) -> None:
        """Drop the key's session variables :meth:`load_key` set: the caller's connection goes on after the masked
        query, and its own SQL would read them (``getvariable('maskline_ipad')``).

        >>> import duckdb
        >>> from maskline.keys import KeyMaterial
        >>> con = duckdb.connect(); DuckDBAdapter().load_key(con, con, KeyMaterial(b"k" * 16))
        >>> DuckDBAdapter().forget_key(con, con); con.sql("SELECT getvariable('maskline_ipad')").fetchall()
        [(None,)]
        """
        for name in ("ipad", "opad", "salt"):
            cursor.execute(f"RESET VARIABLE maskline_{name}")

    def cursor(self, connection: Any) -> Any:
        # DuckDB's cursor() opens a second connection that would not see the session's key variables.
        return connection

    def columns(self, cursor: Any, table: exp.Table) -> list[tuple[str, str]]:
        # DuckDB matches names case-insensitively, so the catalog lookup does too. Its information_schema lists
        # every attached database: without the catalog, a same-named table elsewhere would add its columns.
        sql = ("SELECT column_name, data_type FROM information_schema.columns WHERE lower(table_name) = lower(?) "
               "AND table_schema = COALESCE(?, current_schema()) "
               "AND lower(table_catalog) = lower(COALESCE(?, current_database())) ORDER BY ordinal_position")
        cursor.execute(sql, (table.name, self.folded(table.args.get("db")), self.folded(table.args.get("catalog"))))
        return [(str(r[0]), str(r[1]).lower()) for r in cursor.fetchall()]

    def is_stored_table(self, cursor: Any, table: exp.Table) -> bool:
        # Matched as columns() matches it: case-insensitively, in the connection's own catalog.
        cursor.execute("SELECT table_type FROM information_schema.tables WHERE lower(table_name) = lower(?) "
                       "AND table_schema = COALESCE(?, current_schema()) "
                       "AND lower(table_catalog) = lower(COALESCE(?, current_database()))",
                       (table.name, self.folded(table.args.get("db")), self.folded(table.args.get("catalog"))))
        return all_stored(cursor.fetchall())

    def catalog_facts(self, cursor: Any, relations: Sequence[exp.Table],
                      described: Sequence[exp.Table]) -> CatalogFacts:
        """All a rewrite needs of the catalog in one statement (:mod:`maskline.adapters.facts`), matched as
        :meth:`columns` and :meth:`is_stored_table` match names: case-insensitively, in the named catalog (the
        connection's when none is named). DuckDB keeps no key in a table, so nothing is a key store.

        >>> import duckdb
        >>> from sqlglot import exp
        >>> con = duckdb.connect(); _ = con.execute("CREATE TABLE t (id INTEGER); CREATE VIEW v AS SELECT * FROM t")
        >>> t, v = exp.to_table("T"), exp.to_table("v")
        >>> facts = DuckDBAdapter().catalog_facts(con, [t, v], [t, v, exp.to_table("system.main.t")])
        >>> facts.current_schema, facts.current_catalog, dict(facts.columns), facts.stored, facts.key_store
        ('main', 'memory', {0: (('id', 'integer'),), 1: (('id', 'integer'),)}, (True, False), (False, False))
        """
        from maskline.adapters.base import all_stored
        from maskline.adapters.facts import CatalogFacts, in_catalog

        tables = [*relations, *described]
        cursor.execute(_FACTS_SQL, ([t.name for t in tables], [self.folded(t.args.get("db")) for t in tables],
                                    [self.folded(t.args.get("catalog")) for t in tables]))
        rows = cursor.fetchall()
        schema, catalog = (str(rows[0][0]) if rows[0][0] else None), str(rows[0][1])
        by_position = {int(r[2]): r for r in rows if r[2] is not None}
        n = len(relations)
        stored = tuple(i in by_position and all_stored([(k,) for k in (by_position[i][5] or ())])
                       for i in range(n))
        columns, generated = {}, {}
        for j, table in enumerate(described):
            row = by_position.get(n + j)
            if row is not None and row[3] and in_catalog(table.catalog, catalog):
                columns[j] = tuple((str(c), str(t).lower()) for c, t in zip(row[3], row[4], strict=True))
                generated[j] = tuple(str(c) for c in (row[6] or ()))
        namesake = tuple(i in by_position and bool(by_position[i][7]) for i in range(n))
        # No function or macro of the connection is read: the SQL maskline prints calls every function as
        # system.main.<name> (maskline.dialects.duckdb_builtins), which no macro can stand in for.
        return CatalogFacts(schema, catalog, columns, stored, (False,) * n, generated=generated,
                            default_namesake=namesake)

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        """``duckdb://`` and the file's absolute path: a relative one depends on the working directory of the
        process that opened it (``maskline mcp``, an Airflow worker), and the same file must be one dataset node.
        ``~`` is the home directory, as DuckDB reads it, and ``..`` is resolved, so every spelling of one file
        gives one name. In-memory and remote (MotherDuck ``md:``) databases keep their name.

        >>> import os
        >>> DuckDBAdapter().namespace(None, None, "w.duckdb") == "duckdb://" + os.path.join(os.getcwd(), "w.duckdb")
        True
        >>> DuckDBAdapter().namespace(None, None, "/data/./w.duckdb"), DuckDBAdapter().namespace(None, None, None)
        ('duckdb:///data/w.duckdb', 'duckdb://:memory:')
        >>> DuckDBAdapter().namespace(None, None, "~/w.duckdb") == "duckdb://" + os.path.expanduser("~/w.duckdb")
        True
        """
        import os

        where = database or host or ":memory:"
        local = not (where.startswith((":memory:", "md:", "motherduck:")) or "://" in where)
        return f"duckdb://{os.path.abspath(os.path.expanduser(where)) if local else where}"

    def connect(self, url: EngineURL, *, read_only: bool = False) -> Any:
        from pathlib import Path

        from maskline.errors import InputError

        path = url.path
        if path != ":memory:" and read_only and not Path(path).is_file():
            raise InputError(f"DuckDB database not found: {path}", where=url.shown,
                             fix="check the path: duckdb:///relative.db or duckdb:////absolute.db")
        import duckdb

        return duckdb.connect(path, read_only=read_only and path != ":memory:")


def connect(key: KeyMaterial | None = None, database: str = ":memory:") -> Any:
    """An embedded DuckDB connection (all cores) whose session holds ``key``; the caller closes it.

    An in-memory one spills to this process's private directory (:mod:`maskline.adapters.duckdb_spill`), not
    to ``./.tmp``.

    >>> con = connect()
    >>> con.sql("SELECT 1").fetchall()
    [(1,)]
    >>> con.close()
    """
    import duckdb

    con = duckdb.connect(database)
    try:
        # The engine sets the masked columns beside the passed ones, carried from the input, by position
        # (maskline.engine.carried): that needs rows in input order, DuckDB's default, which is stated here
        # rather than assumed.
        con.execute("SET preserve_insertion_order = true")
        if database == ":memory:":  # a database file spills beside itself, where its raw rows already are
            from maskline.adapters.duckdb_spill import spill_privately

            spill_privately(con)
        DuckDBAdapter().load_key(con, con, key)
    except BaseException:
        con.close()  # not left to the traceback, which may outlive this call by far (see maskline.engine.files)
        raise
    return con


def columns_of(con: Any, relation: str) -> list[tuple[str, str]]:
    """``(name, type)`` of every column of a relation (a table, view or file scan), in order."""
    return [(r[0], str(r[1]).lower()) for r in con.execute(f"DESCRIBE {relation}").fetchall()]
