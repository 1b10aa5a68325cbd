"""Execute a rewritten query: load the key, harden the session, fetch the rows, and fail without values.

Every entry point that runs a user's query (``maskline sql --run``,
``MaskQueryOperator``, ``MaskedSQLToolset``, ``maskline mcp``) goes through
:func:`run_masked`, so they all get the same guarantees:

* the key is loaded into the session with bound parameters, never into SQL text;
* a DuckDB connection is hardened first: no external access (files, HTTP,
  other databases) and its configuration locked;
* on PostgreSQL the query runs with a pinned search path (``pg_catalog, pg_temp``,
  :mod:`maskline.rewrite.pinned`), so a function, operator or type someone created
  in a schema on the session's path never runs on raw values or near the key;
* an engine error is re-raised as :class:`~maskline.errors.QueryFailed`, built
  from the error's class, SQLSTATE and the identifiers the driver reports
  separately (:func:`maskline.engine.failures.engine_error_fields`). The
  engine's message text, which can quote values, is neither kept nor chained.

>>> import duckdb
>>> from maskline.policy import load_policy
>>> from maskline.rewrite import rewrite
>>> con = duckdb.connect()
>>> _ = con.execute("CREATE TABLE t AS SELECT 1 AS id, 'ana@correo.es' AS email")
>>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> run_masked(con, rewrite("SELECT id, email FROM t", pol, "duckdb", connection=con)).rows
[(1, '*****@correo.es')]
>>> run_masked(con, rewrite("SELECT CAST(email AS INTEGER) FROM t", pol, "duckdb", connection=con))
Traceback (most recent call last):
...
maskline.errors.QueryFailed: the query failed on the engine: ConversionException (at query). Fix: masked values are text (tokens, stars, labels): a cast or function that needs another type fails on them; compare or convert them as text
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maskline.errors import QueryFailed
from maskline.keys import KeyMaterial

# Whole SQLSTATEs whose fix is not their class's: a division by zero (22012) is in class 22 with the failed
# casts, but no cast of a masked value causes it, and "compare them as text" sent the user the wrong way.
FIXES_BY_SQLSTATE = {
    "22012": "the query divides by zero: guard the divisor, e.g. x / NULLIF(y, 0)",
}
# SQLSTATE classes (the first two characters) and what the user can do about them.
FIXES_BY_SQLSTATE_CLASS = {
    "22": "masked values are text (tokens, stars, labels): a cast or function that needs another type fails on "
          "them; compare or convert them as text",
    "42": "check the query's names and syntax against the tables (maskline sql --explain shows the columns)",
    "53": "the engine ran out of resources: limit the rows or simplify the query",
    "57": "the query was cancelled or timed out: limit the rows or simplify the query",
}
# Trino has no SQLSTATE either: its error names (engine_error_fields' "error") say which one would fit. A
# division by zero in ``CASE WHEN ssn = 'guess' THEN 1/0 END`` said only "TrinoUserError ... check the query".
SQLSTATE_OF_TRINO_ERROR = {
    "DIVISION_BY_ZERO": "22012",
    "INVALID_CAST_ARGUMENT": "22000", "INVALID_FUNCTION_ARGUMENT": "22000", "NUMERIC_VALUE_OUT_OF_RANGE": "22000",
    "SYNTAX_ERROR": "42000", "TYPE_MISMATCH": "42000", "FUNCTION_NOT_FOUND": "42000", "COLUMN_NOT_FOUND": "42000",
    "TABLE_NOT_FOUND": "42000", "AMBIGUOUS_NAME": "42000", "MISSING_COLUMN_NAME": "42000",
    "EXCEEDED_TIME_LIMIT": "57000", "USER_CANCELED": "57000", "ADMINISTRATIVELY_KILLED": "57000",
    "EXCEEDED_GLOBAL_MEMORY_LIMIT": "53000", "EXCEEDED_LOCAL_MEMORY_LIMIT": "53000", "EXCEEDED_CPU_LIMIT": "53000",
}
# DuckDB has no SQLSTATE on its exceptions; its exception classes say the same.
FIXES_BY_CLASS = {
    "ConversionException": FIXES_BY_SQLSTATE_CLASS["22"],
    "InvalidInputException": FIXES_BY_SQLSTATE_CLASS["22"],
    "OutOfRangeException": FIXES_BY_SQLSTATE_CLASS["22"],
    "BinderException": FIXES_BY_SQLSTATE_CLASS["42"],
    "CatalogException": FIXES_BY_SQLSTATE_CLASS["42"],
    "ParserException": FIXES_BY_SQLSTATE_CLASS["42"],
    "InterruptException": FIXES_BY_SQLSTATE_CLASS["57"],
}


@dataclass(frozen=True)
class QueryResult:
    """The rows of a masked query, its column names, and whether more rows were left unread."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    truncated: bool = False


def query_failed(exc: BaseException, where: str = "query") -> QueryFailed:
    """A value-free :class:`QueryFailed` for an engine error, from its structure only.

    >>> str(query_failed(ValueError("bad value 'x@y.z'")))
    'the query failed on the engine: ValueError (at query). Fix: check the query, then retry'
    """
    from maskline.engine.failures import engine_error_fields, safe_engine_message

    fields = engine_error_fields(exc)
    sqlstate = fields.get("sqlstate") or SQLSTATE_OF_TRINO_ERROR.get(fields.get("error", ""), "")
    fix = (FIXES_BY_SQLSTATE.get(sqlstate) or FIXES_BY_SQLSTATE_CLASS.get(sqlstate[:2])
           or FIXES_BY_CLASS.get(fields["class"]) or "check the query, then retry")
    return QueryFailed(f"the query failed on the engine: {safe_engine_message(exc)}", where=where, fix=fix,
                       fields=fields)


def harden_duckdb(connection: Any) -> None:
    """Turn off DuckDB's external access (files, HTTP, attaching) and lock its configuration.

    Both are one-way for the connection's life: no query can turn them back on.

    >>> import duckdb; con = duckdb.connect(); harden_duckdb(con)
    >>> con.execute("SELECT current_setting('enable_external_access'), current_setting('lock_configuration')").fetchall()
    [(False, True)]
    """
    locked = connection.execute("SELECT current_setting('lock_configuration')").fetchone()
    if locked and str(locked[0]).lower() == "true":
        return  # hardened already (or locked by its owner): nothing can be changed, nor needs to be
    connection.execute("SET enable_external_access = false")
    connection.execute("SET lock_configuration = true")


def run_masked(connection: Any, rewritten: Any, key: KeyMaterial | None = None, *, max_rows: int | None = None,
               harden: bool = True, key_loaded: bool = False) -> QueryResult:
    """Run a :class:`~maskline.rewrite.api.Rewritten` query on ``connection`` (DuckDB or DB-API).

    ``key`` is loaded into the session when the query needs it (resolved from
    nowhere else: pass ``resolve_key(policy.key)``). ``max_rows`` caps what is
    fetched. ``key_loaded`` says the caller put the key into the session
    itself (SQLite registers it as functions). Raises
    :class:`~maskline.errors.QueryFailed` on an engine error.

    >>> import duckdb
    >>> from maskline.keys import KeyMaterial
    >>> from maskline.policy import load_policy
    >>> from maskline.rewrite import rewrite
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE customers AS SELECT 1 AS id, 'ann@example.com' AS email")
    >>> pol = load_policy({"unclassified": "pass",
    ...                    "datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> run_masked(con, rewrite("SELECT id, email FROM customers", pol, "duckdb", connection=con),
    ...            KeyMaterial(b"k" * 32)).rows
    [(1, '*****@example.com')]
    """
    from maskline.adapters import engine
    from maskline.rewrite.held_catalog import held
    from maskline.rewrite.pinned import builtin_names

    dialect = rewritten.dialect
    is_duckdb = dialect == "duckdb"
    cursor = connection if is_duckdb else connection.cursor()
    failure: QueryFailed | None = None
    sql, params = rewritten.sql, ()
    try:
        adapter = engine(dialect)
        needs_key = rewritten.keyed and not key_loaded
        if needs_key and key is None:
            from maskline.errors import KeyMissingError

            raise KeyMissingError("the query reads keyed masked columns but no key was given",
                                  where="run_masked(key=...)", fix="pass key=resolve_key(policy.key)")
        # Names in the masking expressions resolve to the engine's built-ins only (maskline.rewrite.pinned):
        # nothing a user created can run on the raw values or read the key the session holds.
        with builtin_names(connection, cursor, adapter):
            if is_duckdb and rewritten.keyed:  # the key's values would be constants of every profiled plan
                from maskline.adapters.duckdb import profiling_off

                profiling_off(connection)
            if needs_key:
                # Inside the query's transaction: where the session holds the key (PostgreSQL), it holds it for
                # this transaction only. Trino, with no session state, gets it back to carry as parameters.
                sql, params = adapter.bind_sql(rewritten.sql, adapter.load_key(connection, cursor, key))
            elif not key_loaded:  # a query that reads no key still calls SQLite's registered primitives (REPEAT)
                adapter.unkeyed_functions(connection)
            if is_duckdb and harden:
                harden_duckdb(connection)
            # The relations held as the rewrite read them, in the query's transaction (maskline.rewrite.
            # held_catalog): DDL committed since is refused, DDL tried later waits for the query's end or is not
            # seen by its snapshot (Trino, with no transaction: the catalog is read before and after, and a change
            # refuses the rows fetched inside).
            # After the key's load, which must be a read-only transaction's first statement.
            with held(connection, cursor, adapter, dialect, getattr(rewritten, "catalog", None)):
                if params:
                    cursor.execute(sql, params)
                else:
                    cursor.execute(sql)
                columns = tuple(str(d[0]) for d in (cursor.description or ()))
                rows = cursor.fetchall() if max_rows is None else cursor.fetchmany(max_rows + 1)
            if needs_key:  # the caller's transaction goes on: it keeps no key of maskline's (a failure rolls it back)
                adapter.forget_key(connection, cursor)
    except QueryFailed:
        raise
    except Exception as e:  # every engine error is rebuilt from its structure below
        if type(e).__module__.startswith("maskline"):
            raise
        failure = query_failed(e)
    finally:
        if not is_duckdb:
            cursor.close()
    if failure is not None:
        if not is_duckdb:
            _rollback(connection)
        raise failure  # outside the except block: the engine's exception is not chained as context
    truncated = max_rows is not None and len(rows) > max_rows
    kept = rows[:max_rows] if max_rows is not None else rows
    return QueryResult(columns, [tuple(r) for r in kept], truncated)


def _rollback(connection: Any) -> None:
    """End a failed DB-API transaction so the connection stays usable (autocommit connections have none)."""
    if getattr(connection, "autocommit", True):
        return
    try:
        connection.rollback()
    except Exception:  # noqa: BLE001 - a broken connection cannot be rolled back; the failure is reported anyway
        return
