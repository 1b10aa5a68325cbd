"""What the rewrite refuses before anything else: not one read-only SELECT, or a table it cannot mask.

Every refusal is a :class:`~maskline.errors.RewriteRefused` that names the
construct and never quotes the query (its literals may be sensitive); a name the
query wrote is shown only when it is proven structure (:mod:`maskline.rewrite.mentions`).

>>> parse_select("DELETE FROM customers", "duckdb")
Traceback (most recent call last):
...
maskline.errors.RewriteRefused: only SELECT queries can be masked, not DELETE (at query). Fix: run data changes outside maskline's query rewrite
"""

from __future__ import annotations

import re
from collections.abc import Collection

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.tokens import Tokenizer

from maskline.dialects.base import Dialect
from maskline.dialects.duckdb_builtins import DIALECT as PINNED_DUCKDB
from maskline.dialects.duckdb_builtins import RELATION
from maskline.dialects.postgres_catalog import DIALECT as CATALOG_POSTGRES
from maskline.errors import RewriteRefused
from maskline.rewrite.mentions import counted, mention, suggestion
from maskline.rewrite.query_text import check_depth, check_text, too_deep

# Statements nested anywhere in a query that write, define or configure something.
WRITES: tuple[type[exp.Expr], ...] = (
    exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop, exp.Command, exp.Alter, exp.Set,
    exp.Copy, exp.TruncateTable, exp.Use, exp.Transaction, exp.Commit, exp.Rollback, exp.Grant,
)
# Catalogs describe the database, not data; a query for data has no reason to read them.
SYSTEM_SCHEMAS = frozenset({"information_schema", "pg_catalog", "pg_toast", "sys", "system", "temp"})


def parse_select(sql: str, dialect: str) -> exp.Query:
    """Parse exactly one read-only query in ``dialect``, or refuse.

    Every face that runs a person's or an agent's SQL parses it here first, so this is where sqlglot's own log
    records are made to withhold their text: sqlglot warns with the whole statement it falls back on
    (``'PREPARE p AS SELECT ... '219-09-9999'' contains unsupported syntax``), literals included, before any
    refusal could keep it out of a log (:mod:`maskline.text.library_logs`).

    >>> import logging
    >>> from maskline.text.library_logs import SqlglotRecordsWithoutSql
    >>> _ = parse_select("SELECT 1", "duckdb")
    >>> any(isinstance(f, SqlglotRecordsWithoutSql) for f in logging.getLogger("sqlglot").filters)
    True
    """
    from maskline.text.library_logs import withhold_sqlglot_messages

    withhold_sqlglot_messages()  # before the parse: its warnings quote the statement
    check_text(sql)  # Unicode text only: a lone surrogate failed later, in an engine's or a codec's words
    failure: RewriteRefused | None = None
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect or None) if s is not None]
    except RecursionError:
        failure = too_deep()
    except (ParseError, TokenError) as e:
        # Where, from the error's fields; not sqlglot's description, some of which embed the query's own tokens
        # ("Expected table name but got <token>", "Invalid numeric interval literal: '<text>'").
        errors = getattr(e, "errors", None) or [{}]
        first = errors[0] if isinstance(errors[0], dict) else {}
        line, col = first.get("line"), first.get("col")
        place = f"line {line}, column {col}" if isinstance(line, int) and isinstance(col, int) else "query"
        # the engine's name, not its printer's ("cannot parse the query as catalogpostgres" named a class of ours)
        shown = {PINNED_DUCKDB: "duckdb", CATALOG_POSTGRES: "postgres"}.get(dialect, dialect)
        # The dialect is named only where the caller chose none: an agent over MCP or the Airflow toolset cannot pass
        # one (its queries are read as its database's SQL), so a fix that asked it to was one it could not follow.
        failure = RewriteRefused(f"cannot parse the query as {shown or 'generic SQL'}: {type(e).__name__}",
                                 where=place, fix=f"check the syntax: the query is read as {shown} SQL" if shown
                                 else "check the syntax, or name the dialect the query is written in")
    if failure is not None:
        # Raised outside the handler: ``from None`` would hide sqlglot's error, whose text quotes the statement,
        # but still keep it as ``__context__`` for whatever walks the chain (an error reporter, a debugger).
        raise failure
    if len(statements) != 1:
        raise RewriteRefused(f"expected one statement, got {len(statements)}", where="query",
                             fix="send one SELECT at a time")
    statement = statements[0]
    check_depth(statement)  # before any step that recurses: those overflowed after quadratic work
    if not isinstance(statement, exp.Query):
        kind = statement.key.upper()  # sqlglot's name for the construct, never text the query wrote
        if isinstance(statement, exp.Command) and str(statement.this).upper() in Tokenizer.KEYWORDS:
            kind = str(statement.this).upper()  # the statement's keyword, when it is one of SQL's keywords
        raise RewriteRefused(f"only SELECT queries can be masked, not {kind}", where="query",
                             fix=statement_fix(kind))
    refuse_writes(statement)
    # A comment means nothing to the query, and sqlglot prints the ones it keeps into the SQL that runs, where the
    # engine's logs, pg_stat_activity and pg_stat_statements (which replaces literals, not comments) keep them: a
    # value the query tokenizes (``-- rows of passport X98234571``) was carried there whole. The tree keeps none.
    for node in statement.walk():
        node.comments = None
    return statement


# Statements that write nothing but answer from what the engine knows of the data, not from masked rows: a plan
# quotes the query's literals and the table's statistics (row estimates of a filter on a raw column), SHOW STATS
# and ANALYZE hold a column's raw minimum and maximum, DESCRIBE and SHOW a type's labels and the settings (the key's
# among them). No masked relation can stand below them, so they are refused by kind, and the fix says what
# maskline answers instead, not "run data changes elsewhere" (they change nothing).
DESCRIBING = frozenset({"EXPLAIN", "SHOW", "DESCRIBE", "SUMMARIZE", "PRAGMA", "ANALYZE"})
# Statements that change the session the query runs in (its search path, settings, catalog) or run a statement
# stored in it: maskline sets up the session itself, for each query, and a change would outlive the refusal.
SESSION = frozenset({"SET", "RESET", "USE", "PREPARE", "EXECUTE", "DEALLOCATE", "CALL", "DO", "LOAD", "ATTACH",
                     "DETACH", "INSTALL"})


def statement_fix(kind: str) -> str:
    """What to do instead of a statement of ``kind`` (sqlglot's name or SQL's keyword, upper case) that is not a
    SELECT: describing statements have maskline's own answer, session statements are maskline's to make, and
    everything else changes data.

    >>> statement_fix("EXPLAIN")[:76]
    'plans, statistics and settings come from raw values; run `maskline sql --exp'
    >>> statement_fix("SET")[:56]
    'send the SELECT alone: maskline sets up the session (sea'
    >>> statement_fix("DELETE")
    "run data changes outside maskline's query rewrite"
    """
    if kind in DESCRIBING:
        return ("plans, statistics and settings come from raw values; run `maskline sql --explain` (the MCP explain "
                "and describe_table tools) to see what a query reads and how each column is masked, and the SELECT "
                "itself for masked rows and counts")
    if kind in SESSION:
        return ("send the SELECT alone: maskline sets up the session (search path, settings, key) for each query "
                "itself")
    if kind in ("COPY", "EXPORT"):  # the raw rows, whole, to a file or the client
        return "select the rows to see them masked, or write a masked copy with a masking job (maskline mask)"
    return "run data changes outside maskline's query rewrite"


def refuse_writes(query: exp.Expr) -> None:
    """Refuse ``SELECT ... INTO``, row locks and statements nested in a query (``WITH d AS (DELETE ...)``).

    >>> refuse_writes(sqlglot.parse_one("SELECT a FROM t"))  # a plain read passes
    >>> refuse_writes(sqlglot.parse_one("SELECT a INTO copy FROM t"))
    Traceback (most recent call last):
    maskline.errors.RewriteRefused: SELECT ... INTO creates a table (at SELECT ... INTO)...
    """
    for node in query.walk():
        if isinstance(node, exp.Into):
            raise RewriteRefused("SELECT ... INTO creates a table", where="SELECT ... INTO",
                                 fix="select the rows, then write them with a masking job (maskline mask)")
        if isinstance(node, exp.Pivot):
            raise RewriteRefused("PIVOT/UNPIVOT turns values into column names", where="PIVOT",
                                 fix="aggregate with GROUP BY instead")
        if isinstance(node, exp.Lock):
            raise RewriteRefused("SELECT ... FOR UPDATE/SHARE locks rows", where="locking clause",
                                 fix="remove the locking clause")
        if isinstance(node, WRITES):
            raise RewriteRefused(f"a {node.key.upper()} statement inside a query", where="query",
                                 fix="only read-only SELECTs can be masked")


def base_tables(query: exp.Expr) -> list[exp.Table]:
    """Tables read by the query that are not CTEs or table functions.

    >>> sorted(t.name for t in base_tables(sqlglot.parse_one("WITH c AS (SELECT * FROM a) SELECT * FROM c JOIN b ON 1=1")))
    ['a', 'b']
    """
    ctes = {c.alias_or_name.lower() for c in query.find_all(exp.CTE)}
    out: list[exp.Table] = []
    for table in query.find_all(exp.Table):
        if isinstance(table.this, exp.Func) or not table.name:
            continue
        if not table.args.get("db") and table.name.lower() in ctes:
            continue
        out.append(table)
    return out


def refuse_unknown_tables(tables: list[exp.Table], known: list[str], default_schema: str | None = None,
                          nearby: Collection[str] = (), *, from_connection: bool = False) -> None:
    """Refuse a table the schema does not list (its columns could not be traced).

    The tables refused are not named: an unknown name is no proven structure, and may be a value typed where a
    name goes. They are counted and placed, and the fix names the closest of the schema's tables and ``nearby``
    (names the query path read elsewhere, such as the policy's datasets, when the connection was asked only
    for the tables the query names). ``from_connection``: the tables were looked up through a connection, whose
    catalog lists only what its role may read, so the fix says so (a ``maskline protect`` reader sees no raw table).

    >>> refuse_unknown_tables([exp.to_table("custmers")], [], nearby=["customers"])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the table at line 1, column 1 is not in the schema (at FROM clause). Fix: did you mean 'customers'? (or check the table's schema)

    >>> refuse_unknown_tables([exp.to_table("custmers")], ["customers"])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the table at line 1, column 1 is not in the schema (at FROM clause). Fix: did you mean 'customers'? (or add it to the schema)
    >>> refuse_unknown_tables([exp.to_table("raw.customers")], [], nearby=["customers"], from_connection=True)
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the table at line 1, column 1 is not in the schema (at FROM clause). Fix: did you mean 'customers'? (or check the table's schema, and that the connection's role may read the table: a reader role of `maskline protect` reads only its masked views)
    >>> import sqlglot
    >>> refuse_unknown_tables(list(sqlglot.parse_one("SELECT * FROM pg_x98234571").find_all(exp.Table)), ["t"])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the system catalog table at line 1, column 15 is not data (at FROM clause). Fix: query data tables only
    >>> refuse_unknown_tables([exp.to_table("orders")], ["Orders", "orders"])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the table at line 1, column 1 matches more than one table of the schema (at FROM clause). Fix: keep one schema entry per table: ...
    """
    from maskline.rewrite.schema_source import find_table, same_named

    for table in tables:
        if table.db.lower() in SYSTEM_SCHEMAS or table.name.lower().startswith(("pg_", "duckdb_", "sqlite_")):
            raise RewriteRefused(f"{mention('system catalog table', table)} is not data", where="FROM clause",
                                 fix="query data tables only")
    unknown = [t for t in tables if find_table(t, known, default_schema) is None]
    twins = [t for t in unknown if len(same_named(t, known, default_schema)) > 1]
    if twins:  # "not in the schema, did you mean 'orders'?" for orders, when the schema has Orders and orders too
        raise RewriteRefused(counted("table", twins, "matches more than one table of the schema"),
                             where="FROM clause",
                             fix="keep one schema entry per table: an unquoted name is folded as the engine folds it "
                                 "(Orders is orders), a name quoted inside its string keeps its case ('\"Orders\"')")
    if unknown:
        close = suggestion([t.name for t in unknown], [*known, *nearby])
        if from_connection:  # the catalog lists only what the role may read: a missing grant looks like a typo
            fix = (f"{close + ' (or check' if close else 'check'} the table's schema, and that the connection's role "
                   "may read the table: a reader role of `maskline protect` reads only its masked views"
                   f"{')' if close else ''}")
        elif known:
            fix = f"{close or 'valid values: ' + ', '.join(sorted(known))} (or add it to the schema)"
        else:
            fix = (f"{close} (or check the table's schema)" if close
                   else "check the table's name and schema (the connection has no table of it)")
        raise RewriteRefused(counted("table", unknown, "is not in the schema"), where="FROM clause", fix=fix)


#: How to write a construct the printer cannot pin, for a dialect that names none of its own (DuckDB, Trino): one
#: text, the base dialect's, so the refusal and the dialects cannot drift apart.
UNPINNED_FIX = Dialect.unpinned_fix
_OPERATOR = re.compile(r"[-+*/<>=~!@#%^&|`?]{1,4}")


def refuse_unpinned_calls(names: Collection[str], fix: str = UNPINNED_FIX) -> None:
    """Refuse a query whose printed SQL still calls a function by a name the connection's catalog could redefine
    (``names``, from :meth:`maskline.dialects.Dialect.unpinned_calls`): a macro of that name would run in the
    query, and its body could read a raw table. The names are the engine parser's (``list_value``, ``unnest``), an
    operator's symbol (``=``) or ``::`` and a type's name (PostgreSQL looks types up along its path too), the calls
    the query's syntax stands for, never text the query wrote; ``fix`` is the dialect's way to spell them pinned.

    >>> refuse_unpinned_calls(())
    >>> refuse_unpinned_calls(("unnest",))
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query uses syntax that calls function unnest by a name the connection could redefine, and maskline cannot print it as the built-in (at query). Fix: write the call out as a function (list_contains(list, x), struct_pack(k := v)), or leave the construct out
    >>> refuse_unpinned_calls(("relation:SHOW_REF",))
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query uses syntax that reads a FROM item of kind SHOW_REF, whose query the engine writes itself and which calls functions by a name the connection could redefine, and maskline cannot print it as the built-in (at query). Fix: ...
    >>> refuse_unpinned_calls(("::public.text",), fix="name pg_catalog's type")
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the query uses syntax that names type public.text by a name the connection could redefine, and maskline cannot print it as the built-in (at query). Fix: name pg_catalog's type
    """
    from maskline.errors import shown_name

    if names:
        name = next(iter(names))
        if name.startswith("::"):
            what = f"names type {shown_name(*name[2:].split('.'))}"
        elif name.startswith(RELATION):  # a FROM item the engine fills by a query of its own (SUMMARIZE)
            kind = name[len(RELATION):]
            what = (f"reads a FROM item of kind {kind if kind.replace('_', '').isalnum() else '?'}, whose query the "
                    "engine writes itself and which calls functions")
        elif _OPERATOR.fullmatch(name):  # a symbol of PostgreSQL's operator characters: no value fits in one
            what = f"looks up operator {name}"
        else:
            what = f"calls function {shown_name(name)}"
        raise RewriteRefused(f"the query uses syntax that {what} by a name the connection could redefine, and "
                             "maskline cannot print it as the built-in", where="query", fix=fix)
