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
    from sqlglot import exp

    from maskline.adapters.url import EngineURL
    from maskline.keys import KeyMaterial


class DuckDBAdapter(EngineAdapter):
    """DuckDB through its Python API (the connection is its own cursor)."""

    name = "duckdb"
    names = ("duckdb",)
    driver_modules = ("duckdb",)
    placeholder = "?"
    begin = "BEGIN TRANSACTION"
    default_schema = "main"
    file_based = True
    pins_catalog = True  # main.customers binds to temp.main.customers first, when one exists
    key_exposure = "process memory only (session variables set with bound parameters)"

    def key_setup(self, key: KeyMaterial) -> list[tuple[str, tuple[Any, ...]]]:
        return [(f"SET VARIABLE maskline_{n} = ?", (v,)) for n, v in key_values(key).items()]

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

    def namespace(self, host: str | None, port: int | None, database: str | None) -> str:
        return f"duckdb://{database or host or ':memory:'}"

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
        DuckDBAdapter().load_key(con, con, key)
    except BaseException:
        con.close()  # not left to the traceback, which may outlive this call by far (see maskline.engine.files)
        raise
    return con


def columns_of(con: Any, relation: str) -> list[tuple[str, str]]:
    """``(name, type)`` of every column of a relation (a table, view or file scan), in order."""
    return [(r[0], str(r[1]).lower()) for r in con.execute(f"DESCRIBE {relation}").fetchall()]
