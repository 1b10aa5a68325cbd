"""Reading printed PostgreSQL back: which functions, operators, types and collations in it PostgreSQL would still
look up along the session's ``search_path`` (:func:`unpinned_calls`).

The check behind :mod:`maskline.dialects.postgres_catalog`'s printer: tests read every dbt template and golden
statement back through it, and the rewrite refuses a query whose printed SQL holds one (``SIMILAR TO``,
``COLLATE``, ``JOIN ... USING``, a row's ``IS DISTINCT FROM``, a type not pg_catalog's), as it does on DuckDB. It
parses as the printer's dialect does (its prefix-operator and ``@`` readings), with array indexes as written.

>>> unpinned_calls("SELECT pg_catalog.lower(a), upper(b), COALESCE(c, 1), a + 1 FROM t")
('upper', '+')
"""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp
from sqlglot.dialects.postgres import Postgres as _SqlglotPostgres

from maskline.dialects.postgres_catalog import (
    GRAMMAR_TYPES,
    PREFIX,
    SCHEMA,
    TYPE_BASE,
    PrefixOperator,
    PrefixOperatorParser,
)

#: sqlglot expressions printed as PostgreSQL syntax that looks up no function or operator by name.
_SYNTAX = (exp.Cast, exp.Case, exp.If, exp.Array, exp.Extract, exp.Coalesce, exp.Greatest, exp.Least, exp.Exists,
           exp.Interval, exp.Struct, exp.Tuple, exp.Connector, exp.Collate, exp.Trim, exp.Substring,
           exp.StrPosition, exp.AtTimeZone, exp.CurrentDate, exp.CurrentTimestamp, exp.CurrentTime,
           exp.CurrentUser, exp.Any, exp.All, exp.Grouping)

#: sqlglot's binary expressions that are no operator lookup: AND, OR, IS NULL, a pinned OPERATOR(...), a.b, and
#: ``OVERLAPS`` (grammar for ``pg_catalog.overlaps``).
_NOT_OPERATORS = (exp.Connector, exp.Is, exp.Operator, exp.Dot, exp.PropertyEQ, exp.Slice, exp.Overlaps)

#: Everything else PostgreSQL resolves through an operator found by name (``x IN (...)`` is ``=``): refused when
#: read back unless printed as ``OPERATOR(pg_catalog.op)``.
_IMPLICIT_OPERATORS = (exp.In, exp.Between, exp.Like, exp.ILike, exp.Nullif, exp.NullSafeEQ, exp.NullSafeNEQ,
                       exp.Escape, exp.BitwiseNot, exp.SimilarTo)


#: PostgreSQL as read back: array indexes as written (sqlglot's PostgreSQL shifts x[i] to 0-based on reading, as
#: an addition no SQL wrote, which would be read as an unpinned ``+``).
_READ_BACK = "catalogpostgresreadback"

class CatalogPostgresReadBack(_SqlglotPostgres):
    """sqlglot's PostgreSQL reading ``x[i]`` as written, for :func:`unpinned_calls`."""

    INDEX_OFFSET = 0

    class Parser(PrefixOperatorParser):
        pass


def _is_pinned(call: exp.Expr) -> bool:
    parent = call.parent
    if isinstance(parent, exp.Table) and parent.this is call:  # FROM pg_catalog.unnest(a): a table function
        return parent.db.lower() == SCHEMA and not parent.catalog
    if isinstance(parent, (exp.Filter, exp.WithinGroup)) and parent.this is call \
            and isinstance(parent.parent, exp.Column):
        # pg_catalog.sum(x) FILTER (WHERE ...), pg_catalog.percentile_disc(f) WITHIN GROUP (...): sqlglot reads the
        # schema as a column's table over the FILTER
        return parent.parent.table.lower() == SCHEMA
    if not (isinstance(parent, exp.Dot) and parent.expression is call):
        return False
    return parent.this.sql(dialect="postgres").lower() == SCHEMA


def _pinned_operator(node: exp.Operator | PrefixOperator) -> bool:
    return str(node.args.get("operator") or "").replace('"', "").lower().startswith(PREFIX)


def unpinned_calls(sql: str) -> tuple[str, ...]:
    """The functions, operators and types in ``sql`` that PostgreSQL would look up along the session's ``search_path``
    (not written ``pg_catalog.<name>``, ``OPERATOR(pg_catalog.<op>)`` or a type of the grammar's own, nor a special
    form), in order of appearance: a function by its name, an operator by its symbol (a construct by the operator it
    looks up: ``IN`` is ``=``, ``JOIN ... USING`` too), a type as ``::<name>``; SQL that does not parse gives
    ``("?",)``.

    >>> unpinned_calls("SELECT pg_catalog.count(*) OVER (), CAST(a AS INT), (a OPERATOR(pg_catalog.=) 1) FROM t")
    ()
    >>> unpinned_calls("SELECT CAST(a AS TEXT) FROM t WHERE a IN (1, 2) AND b LIKE 'x%'")
    ('::text', '=', '~~')
    """
    try:
        tree = sqlglot.parse_one(sql, read=_READ_BACK)
    except sqlglot.errors.ParseError:
        return ("?",)
    out = []
    for node in tree.walk():
        if isinstance(node, (exp.Operator, PrefixOperator)):
            if not _pinned_operator(node):
                out.append(str(node.args.get("operator")))
        elif isinstance(node, exp.DataType):
            if not _pinned_type(node):
                out.append("::" + _type_name(node))
        elif isinstance(node, exp.Join) and (node.args.get("using") or node.method.upper() == "NATURAL"):
            out.append("=")  # USING (c) and NATURAL compare the columns with an = found by name
        elif isinstance(node, exp.ObjectIdentifier):
            out.append("::" + node.name.lower())  # 'x'::regclass as read by sqlglot: a type found by name
        elif isinstance(node, exp.Collate):
            collation = node.expression  # COLLATE "C": a collation found by name, unless pg_catalog."C"
            if not (isinstance(collation, exp.Column) and collation.table.lower() == SCHEMA and not collation.db):
                out.append("::collation")
        elif isinstance(node, _IMPLICIT_OPERATORS) or (isinstance(node, exp.Case) and node.this is not None):
            out.append(_CONSTRUCT_OPERATORS.get(node.key, node.key))
        elif isinstance(node, exp.Anonymous) and (node.name.lower() == "row" or node.name.lower() in (
                "any", "all", "some") and isinstance(node.parent, exp.Operator)):
            continue  # ROW(a, b) and x OPERATOR(pg_catalog.=) ALL(arr): grammar, no function
        elif isinstance(node, exp.Neg) and not (isinstance(node.this, exp.Literal) and node.this.is_number):
            out.append("-")
        elif isinstance(node, exp.Binary) and not isinstance(node, _NOT_OPERATORS):
            out.append(_symbol(node))
        elif isinstance(node, exp.Func) and not isinstance(node, _SYNTAX) and not _is_pinned(node):
            out.append(node.name if isinstance(node, exp.Anonymous) else node.sql_name().lower())
    return tuple(out)


#: The operator PostgreSQL looks up by name for a construct printed as written (``CASE x WHEN``: ``=``).
_CONSTRUCT_OPERATORS = {"in": "=", "between": "<=", "like": "~~", "ilike": "~~*", "nullif": "=", "nullsafeeq": "=",
                        "nullsafeneq": "=", "escape": "~~", "bitwisenot": "~", "similarto": "~", "case": "="}


def _pinned_type(node: exp.DataType) -> bool:
    """Whether the type ``node`` names is pg_catalog's whatever the ``search_path``: written ``pg_catalog.<name>``,
    or a name PostgreSQL's grammar itself turns into one (:data:`GRAMMAR_TYPES`); an array type by its element's."""
    if node.is_type(exp.DataType.Type.ARRAY) or node.args.get("nested"):
        return True  # its element types are DataType nodes of their own, checked in turn
    kind = node.args.get("kind")
    if node.this == exp.DataType.Type.USERDEFINED:
        return isinstance(kind, exp.Dot) and kind.this.name.lower() == SCHEMA and not isinstance(kind.this, exp.Dot)
    base = TYPE_BASE.match(node.sql(dialect="postgres"))
    return base is not None and base.group(0).strip().upper() in GRAMMAR_TYPES


def _type_name(node: exp.DataType) -> str:
    """A type's name as read back, for a refusal: the plain name, or ``?`` (a quoted or odd one could be a value)."""
    text = node.sql(dialect="postgres").split("(")[0].strip().lower()
    return text if re.fullmatch(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?", text) else "?"


def _symbol(node: exp.Binary) -> str:
    """How PostgreSQL writes the operator ``node`` stands for (``a + b``: ``+``)."""
    text = type(node)(this=exp.column("a"), expression=exp.column("b")).sql(dialect="postgres")
    return text[2:-2] if text.startswith("a ") and text.endswith(" b") else node.key


__all__ = ["CatalogPostgresReadBack", "unpinned_calls"]
