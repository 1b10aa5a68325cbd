"""PostgreSQL SQL in which every function and operator names ``pg_catalog``: ``pg_catalog.lower(x)``,
``(a OPERATOR(pg_catalog.||) b)``, never ``lower(x)`` or ``a || b``.

PostgreSQL resolves a function or operator name over every schema of the session's ``search_path`` and prefers a
candidate whose argument types match exactly over one that needs a coercion, whatever the path's order: a user's
``pg_typeof(character varying)`` or ``OPERATOR(||)`` on ``(character varying, text)`` in any schema on the path is
chosen over ``pg_catalog``'s (``"any"``, ``text``) and is handed the raw value and the key's pad. Pinning the path
(``SET search_path = pg_catalog, pg_temp``) covers only sessions maskline opens itself; a dbt-postgres model, the SQL
``maskline sql`` prints and a protect view read in a reader's session bind under someone else's path. A name written
``pg_catalog.<name>`` (an operator ``OPERATOR(pg_catalog.<op>)``) is the built-in whatever the path holds.

The same shape as DuckDB's :mod:`maskline.dialects.duckdb_builtins`: the PostgreSQL dialect prints through
:class:`CatalogPostgres`, whose generator qualifies every call it prints by name except PostgreSQL's special forms
(:data:`SPECIAL_FORMS`, grammar that names no function), and writes every operator as ``OPERATOR(pg_catalog.op)``,
parenthesized (that syntax has one precedence for every operator); ``IN``, ``BETWEEN``, ``LIKE`` and ``NULLIF``, which
PostgreSQL turns into a lookup of ``=``, ``<=``, ``~~`` by name, are printed as the operators they stand for.
:func:`unpinned_calls` reads printed SQL back, so a call or operator printed some other way is found, not assumed
away: tests/core/test_postgres_catalog_names.py reads every dbt template and golden statement back through it. It is
not (yet) the rewrite's refusal on PostgreSQL, as DuckDB's is: a user's query may still hold constructs printed as
written (``UNNEST`` in FROM, ``IS DISTINCT FROM``, ``->>``), which the query path's pinned ``search_path`` covers.

>>> import sqlglot
>>> sqlglot.transpile("SELECT lower(a) || 'x', COALESCE(b, 'y') FROM t WHERE c IN (1, 2)", read="postgres",
...                   write=DIALECT)[0]
"SELECT (pg_catalog.lower(a) OPERATOR(pg_catalog.||) 'x'), COALESCE(b, 'y') FROM t WHERE (c OPERATOR(pg_catalog.=) ANY(ARRAY[1, 2]))"
>>> unpinned_calls("SELECT pg_catalog.lower(a), upper(b), COALESCE(c, 1), a + 1 FROM t")
('upper', '+')
"""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.dialects.postgres import Postgres as _SqlglotPostgres

from maskline.dialects.qualified_calls import QualifiedCalls

#: sqlglot's name for this dialect (its metaclass registers each Dialect subclass under its lower-case name).
DIALECT = "catalogpostgres"
SCHEMA = "pg_catalog"
PREFIX = SCHEMA + "."

#: Names PostgreSQL's grammar turns into syntax, not a lookup by name, when written unqualified (``TRIM(x)`` is
#: grammar for ``pg_catalog.btrim``; there is no ``pg_catalog.coalesce``). NULLIF is grammar too, but looks up ``=``
#: by name: it is printed as the CASE it stands for.
SPECIAL_FORMS = frozenset({"coalesce", "greatest", "least", "trim", "nullif", "position", "overlay", "extract", "row",
                           "grouping", "any", "all", "some"})

#: sqlglot expressions printed as PostgreSQL syntax that looks up no function or operator by name.
_SYNTAX = (exp.Cast, exp.Case, exp.If, exp.Array, exp.Extract, exp.Coalesce, exp.Greatest, exp.Least, exp.Exists,
           exp.Interval, exp.Struct, exp.Tuple, exp.Connector, exp.Collate, exp.Trim, exp.Substring,
           exp.StrPosition, exp.AtTimeZone, exp.CurrentDate, exp.CurrentTimestamp, exp.CurrentTime,
           exp.CurrentUser, exp.Any, exp.All)

#: sqlglot's binary expressions that are no operator lookup: AND, OR, IS NULL, a pinned OPERATOR(...), a.b.
_NOT_OPERATORS = (exp.Connector, exp.Is, exp.Operator, exp.Dot, exp.PropertyEQ, exp.Slice)

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


def _is_pinned(call: exp.Expr) -> bool:
    parent = call.parent
    if not (isinstance(parent, exp.Dot) and parent.expression is call):
        return False
    return parent.this.sql(dialect="postgres").lower() == SCHEMA


def _pinned_operator(node: exp.Operator) -> bool:
    return str(node.args.get("operator") or "").replace('"', "").lower().startswith(PREFIX)


def unpinned_calls(sql: str) -> tuple[str, ...]:
    """The functions and operators in ``sql`` that PostgreSQL would look up along the session's ``search_path`` (not
    written ``pg_catalog.<name>`` or ``OPERATOR(pg_catalog.<op>)``, nor a special form), in order of appearance; SQL
    that does not parse gives ``("?",)``.

    >>> unpinned_calls("SELECT pg_catalog.count(*) OVER (), CAST(a AS TEXT), (a OPERATOR(pg_catalog.=) 1) FROM t")
    ()
    >>> unpinned_calls("SELECT a FROM t WHERE a IN (1, 2) AND b LIKE 'x%'")
    ('in', 'like')
    """
    try:
        tree = sqlglot.parse_one(sql, read=_READ_BACK)
    except sqlglot.errors.ParseError:
        return ("?",)
    out = []
    for node in tree.walk():
        if isinstance(node, exp.Operator):
            if not _pinned_operator(node):
                out.append(str(node.args.get("operator")))
        elif isinstance(node, _IMPLICIT_OPERATORS) or (isinstance(node, exp.Case) and node.this is not None):
            out.append(node.key)
        elif isinstance(node, exp.Neg) and not (isinstance(node.this, exp.Literal) and node.this.is_number):
            out.append("-")
        elif isinstance(node, exp.Binary) and not isinstance(node, _NOT_OPERATORS):
            out.append(_symbol(node))
        elif isinstance(node, exp.Func) and not isinstance(node, _SYNTAX) and not _is_pinned(node):
            out.append(node.name if isinstance(node, exp.Anonymous) else node.sql_name().lower())
    return tuple(out)


def _symbol(node: exp.Binary) -> str:
    """How PostgreSQL writes the operator ``node`` stands for (``a + b``: ``+``)."""
    text = type(node)(this=exp.column("a"), expression=exp.column("b")).sql(dialect="postgres")
    return text[2:-2] if text.startswith("a ") and text.endswith(" b") else node.key


class CatalogPostgres(_SqlglotPostgres):
    """sqlglot's PostgreSQL, parsing alike, printing every function and operator as ``pg_catalog``'s."""

    class Generator(QualifiedCalls, _SqlglotPostgres.Generator):  # type: ignore[name-defined,misc,valid-type]
        QUALIFIER = PREFIX  # lower case, as the catalog spells it (unquoted names fold to lower case)
        SPECIAL_FORMS = SPECIAL_FORMS

        def _operator(self, left: str, op: str, right: str) -> str:
            # OPERATOR(...) has one precedence for every operator: each one in its own parentheses
            return f"({left} OPERATOR({PREFIX}{op}) {right})"

        def binary(self, expression: exp.Binary, op: str) -> str:
            if expression.args.get("operator") or not _is_symbol(op):
                return super().binary(expression, op)
            # a left-deep chain (a || b || c) printed without recursing once per link, as sqlglot's binary does
            rights, node = [], expression
            while type(node) is type(expression) and not node.args.get("operator"):
                rights.append(node.expression)
                node = node.this
            text = self.sql(node)
            for right in reversed(rights):
                if isinstance(right, (exp.Any, exp.All)):  # x = ANY(...): the quantified form takes no parentheses
                    text = f"({text} OPERATOR({PREFIX}{op}) {self.sql(right)})"
                else:
                    text = self._operator(text, op, self.sql(right))
            return text

        def mod_sql(self, expression: exp.Mod) -> str:
            return self._operator(self.sql(expression, "this"), "%", self.sql(expression, "expression"))

        def neg_sql(self, expression: exp.Neg) -> str:
            inner = expression.this
            if isinstance(inner, exp.Literal) and inner.is_number:
                return super().neg_sql(expression)  # -1 is a constant to PostgreSQL's parser, no operator
            return f"(OPERATOR({PREFIX}-) {self.sql(inner)})"

        def in_sql(self, expression: exp.In) -> str:
            # x IN (a, b) is x = ANY(ARRAY[a, b]) to PostgreSQL, its = found by name
            items, query = expression.expressions, expression.args.get("query")
            if expression.args.get("unnest") or expression.args.get("field") or not (items or query):
                return super().in_sql(expression)
            over = self.sql(query) if query is not None else f"ARRAY[{self.format_args(*items)}]"
            return f"({self.sql(expression, 'this')} OPERATOR({PREFIX}=) ANY({over}))"

        def between_sql(self, expression: exp.Between) -> str:
            if expression.args.get("symmetric"):  # SYMMETRIC orders its bounds: not the two comparisons below
                return super().between_sql(expression)
            this = self.sql(expression, "this")
            low = self._operator(this, ">=", self.sql(expression, "low"))
            high = self._operator(this, "<=", self.sql(expression, "high"))
            return f"({low} AND {high})"

        def like_sql(self, expression: exp.Like) -> str:
            if expression.args.get("escape") or isinstance(expression.expression, (exp.Any, exp.All)) \
                    or isinstance(expression.parent, exp.Escape):  # LIKE ... ESCAPE is one construct
                return super().like_sql(expression)
            return _negated(expression, self._operator(self.sql(expression, "this"), "~~", self.sql(expression, "expression")))

        def ilike_sql(self, expression: exp.ILike) -> str:
            if expression.args.get("escape") or isinstance(expression.expression, (exp.Any, exp.All)) \
                    or isinstance(expression.parent, exp.Escape):
                return super().ilike_sql(expression)
            return _negated(expression, self._operator(self.sql(expression, "this"), "~~*",
                                                       self.sql(expression, "expression")))

        def nullif_sql(self, expression: exp.Nullif) -> str:
            # NULLIF(a, b) looks up = by name: the CASE it stands for (a is written twice, as PostgreSQL reads it)
            this = self.sql(expression, "this")
            return f"CASE WHEN {self._operator(this, '=', self.sql(expression, 'expression'))} THEN NULL ELSE {this} END"


def _negated(expression: exp.Expression, text: str) -> str:
    """``text`` (a pinned operator's form of ``expression``) under ``NOT`` when the parser folded a ``NOT`` into
    the node (``a NOT LIKE b`` is one ``Like`` with ``negate``): the flag is the node's, not the operator's.

    >>> import sqlglot
    >>> _negated(sqlglot.parse_one("a NOT LIKE 'x'", read="postgres"), "(a ~~ 'x')")
    "(NOT (a ~~ 'x'))"
    """
    return f"(NOT {text})" if expression.args.get("negate") else text


def _is_symbol(op: str) -> bool:
    """Whether ``op`` is an operator PostgreSQL looks up by name (``||``, ``=``), not a keyword (``IS``, ``AND``)."""
    return bool(op) and not any(c.isalpha() for c in op) and op not in (".", "::")
