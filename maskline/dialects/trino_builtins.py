"""Trino SQL in which every function call names the built-in: ``system.builtin."lower"(x)``, never ``lower(x)``.

Trino resolves an unqualified function name along the session's SQL path (``sql.path``, ``SET PATH``, the
``X-Trino-Path`` header) and, when no built-in accepts the arguments, a SQL routine on that path is chosen: a
``regexp_replace(char(16), varchar, varchar)`` stored in a catalog returned raw e-mails from inside maskline's
masking expression. A name written ``system.builtin.<name>`` is the built-in whatever the path holds, on every
connection, including those maskline does not open itself (Airflow's Trino hooks, dbt-trino).

The same mechanism as DuckDB's (:mod:`maskline.dialects.duckdb_builtins`): the Trino dialect prints through
:class:`BuiltinsTrino`, whose generator writes every call as a call of ``system.builtin`` except Trino's special
forms (:data:`SPECIAL_FORMS`: grammar, never resolved by name, and not registered as ``system.builtin.<name>``); and
:func:`unpinned_calls` reads printed SQL back, so a call the generator prints some other way is found and refused,
not assumed away. Operators are not looked up by name on Trino (no routine can define one), so they stay as written.

>>> import sqlglot
>>> sqlglot.transpile("SELECT lower(a) || 'x', COALESCE(b, 'y') FROM t", read="trino", write=DIALECT)[0]
'SELECT system.builtin."lower"(a) || \\'x\\', COALESCE(b, \\'y\\') FROM t'
>>> unpinned_calls("SELECT system.builtin.lower(a), upper(b), COALESCE(c, 1), a + 1 FROM t")
('upper',)
"""

from __future__ import annotations

from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.dialects.trino import Trino as _SqlglotTrino

from maskline.dialects.qualified_calls import QualifiedCalls

#: sqlglot's name for this dialect (its metaclass registers each Dialect subclass under its lower-case name).
DIALECT = "builtinstrino"
PREFIX = "system.builtin."

#: Names Trino's parser turns into syntax, not a function lookup, when written unqualified: no routine on the path
#: can stand in for them, and ``system.builtin.<name>`` does not exist (tests/rewrite/test_trino_builtins.py asks
#: the real server both).
SPECIAL_FORMS = frozenset({"coalesce", "format", "grouping", "if", "nullif", "try"})

#: sqlglot expressions printed as Trino syntax that calls nothing by name (CAST, CASE, ARRAY[...], EXTRACT...).
_SYNTAX = (exp.Cast, exp.Case, exp.Array, exp.Extract, exp.Coalesce, exp.If, exp.Nullif, exp.Try, exp.Exists,
           exp.Interval, exp.Unnest, exp.Struct, exp.Tuple,
           # sqlglot's Func classes that Trino prints as operators: a AND b, x = ANY (...), a COLLATE c
           exp.Connector, exp.SubqueryPredicate, exp.Collate)


def _is_pinned(call: Any) -> bool:
    parent = call.parent
    if isinstance(parent, exp.Filter) and parent.this is call:
        # An aggregate with FILTER: sqlglot reads ``system.builtin."count"(*) FILTER (WHERE ...)`` back as a column
        # ``system.builtin.<count(*) FILTER (...)>``, the qualifier on the filter around the call, where Trino reads
        # a call of system.builtin.count (the refusal named count as unpinned, and FILTER could not be written).
        column = parent.parent
        return (isinstance(column, exp.Column) and column.this is parent and not column.args.get("catalog")
                and f"{column.db}.{column.table}".lower() == PREFIX[:-1])
    if not (isinstance(parent, exp.Dot) and parent.expression is call):
        return False
    owner = parent.this
    return isinstance(owner, exp.Dot) and owner.sql(dialect="trino").lower() == PREFIX[:-1]


def unpinned_calls(sql: str) -> tuple[str, ...]:
    """The function names in ``sql`` that Trino would resolve along the session's path (not written
    ``system.builtin.<name>``, nor a special form), in order of appearance; SQL that does not parse gives ``("?",)``.

    >>> unpinned_calls("SELECT system.builtin.count(*) OVER (), CAST(a AS VARCHAR), TRY(b) FROM t")
    ()
    >>> unpinned_calls('SELECT system.builtin."count"(*) FILTER (WHERE a = 1), count(*) FILTER (WHERE a = 2) FROM t')
    ('count',)
    """
    try:
        tree = sqlglot.parse_one(sql, read="trino")
    except sqlglot.errors.ParseError:
        return ("?",)
    out = []
    for node in tree.walk():
        if isinstance(node, exp.Func) and not isinstance(node, _SYNTAX) and not _is_pinned(node):
            out.append(node.name if isinstance(node, exp.Anonymous) else node.sql_name().lower())
    return tuple(out)


class BuiltinsTrino(_SqlglotTrino):
    """sqlglot's Trino, parsing alike, printing every by-name call as a call of ``system.builtin``."""

    class Generator(QualifiedCalls, _SqlglotTrino.Generator):  # type: ignore[name-defined,misc,valid-type]
        QUALIFIER = PREFIX
        # quoted: names such as trim are keywords of Trino's grammar, which reads system.builtin.trim(x) as a
        # syntax error and system.builtin."trim"(x) as the call
        QUOTE_NAME = True
        SPECIAL_FORMS = SPECIAL_FORMS
