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
parenthesized (that syntax has one precedence for every operator); ``IN``, ``BETWEEN [SYMMETRIC]``, ``LIKE [ANY |
ESCAPE]``, ``NULLIF``, ``IS [NOT] DISTINCT FROM``, ``CASE x WHEN`` and ``->``, which PostgreSQL turns into a lookup of
``=``, ``<=``, ``~~``, ``->`` by name, are printed as the operators they stand for (checked against PostgreSQL's own
reading on edge rows in tests/core/test_postgres_catalog_names.py). Each of these rewrites writes an operand more
than once, where a volatile operand (``random()``, ``nextval('s')``) would be evaluated once per copy though
PostgreSQL evaluates it once: only an operand whose copies provably compute one value (:data:`_COPYABLE`: columns,
constants, casts, pg_catalog's immutable operators and functions) is copied; any other is written once, bound by a
scalar subquery over a one-row derived table (:func:`_bindable` says when that keeps the meaning), or else the
construct is printed as written, which the read-back refuses. ``BETWEEN`` is the exception: PostgreSQL's own reading
copies its operands, and so does this.
:func:`maskline.dialects.postgres_readback.unpinned_calls` reads printed SQL back, so a call or operator printed some other way is found, not assumed
away: tests/core/test_postgres_catalog_names.py reads every dbt template and golden statement back through it, and
the rewrite refuses a query whose printed SQL holds one (``SIMILAR TO``, ``COLLATE``, ``JOIN ... USING``, a row's
``IS DISTINCT FROM``, a type not pg_catalog's), as it does on DuckDB.

Casts name ``pg_catalog.<type>`` too: a type name is looked up along the path like a function (a domain named
``text`` in a schema listed before pg_catalog is the type ``CAST(x AS text)`` makes, and its CHECK runs on the value),
except the names PostgreSQL's grammar itself maps to pg_catalog's types (:data:`GRAMMAR_TYPES`: ``INT``,
``NUMERIC(p, s)``, ``VARCHAR(n)``, ``TIMESTAMP``...).

Special forms, not lookups: ``COALESCE`` (its own node), ``GREATEST``/``LEAST`` and ``ORDER BY``/``GROUP BY``/
``DISTINCT`` (the type's default btree operator class, found by type, never by name), ``x[i]`` (the type's subscript
handler), ``ANY(array)`` (the quantifier of a pinned operator), ``IS [NOT] TRUE``/``NULL`` (tests of their own),
``CASE WHEN``, ``ROW(...)``, ``ARRAY[...]``, and the grammar that calls a function named ``pg_catalog`` for you
(``EXTRACT``, ``SUBSTRING ... FROM``, ``POSITION``, ``TRIM``, ``OVERLAY``, ``AT TIME ZONE``, ``OVERLAPS``).

>>> import sqlglot
>>> sqlglot.transpile("SELECT lower(a) || 'x', COALESCE(b, 'y') FROM t WHERE c IN (1, 2)", read="postgres",
...                   write=DIALECT)[0]
"SELECT (pg_catalog.lower(a) OPERATOR(pg_catalog.||) 'x'), COALESCE(b, 'y') FROM t WHERE (c OPERATOR(pg_catalog.=) ANY(ARRAY[1, 2]))"
"""

from __future__ import annotations

import re
from typing import Any

from sqlglot import exp
from sqlglot.dialects.postgres import Postgres as _SqlglotPostgres
from sqlglot.tokens import TokenType

from maskline.dialects.qualified_calls import PLAIN_NAME as _PLAIN_NAME
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

#: Type names PostgreSQL's grammar turns into a pg_catalog type itself (``INT`` is ``pg_catalog.int4``, ``NUMERIC(p,
#: s)`` ``pg_catalog.numeric``), as sqlglot prints them; any other type name (``text``, ``date``, ``jsonb``) is looked
#: up along the ``search_path``, where a domain of that name in a schema listed before pg_catalog is used.
GRAMMAR_TYPES = frozenset({"INT", "INTEGER", "SMALLINT", "BIGINT", "REAL", "FLOAT", "DOUBLE PRECISION", "DECIMAL",
                           "DEC", "NUMERIC", "BOOLEAN", "CHAR", "CHARACTER", "VARCHAR", "CHARACTER VARYING", "NCHAR",
                           "BIT", "BIT VARYING", "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP WITH TIME ZONE",
                           "TIME", "TIME WITHOUT TIME ZONE", "TIME WITH TIME ZONE", "INTERVAL"})
#: A type's base name as sqlglot prints it (``NUMERIC(10, 2)``: ``NUMERIC``), matched against :data:`GRAMMAR_TYPES`.
TYPE_BASE = re.compile(r"[A-Za-z_][A-Za-z0-9_ ]*")


class PrefixOperator(exp.Expression):
    """``OPERATOR(pg_catalog.-) x``: a prefix operator in PostgreSQL's pinned spelling (sqlglot reads the infix form
    only)."""

    arg_types = {"this": True, "operator": True}


def _prefix_operator(parser: Any) -> exp.Expr | None:
    if not parser._match(TokenType.L_PAREN):  # a column named operator
        parser._retreat(parser._index - 1)
        return parser._parse_type()
    op = ""
    while parser._curr and not parser._match(TokenType.R_PAREN):
        op += parser._curr.text
        parser._advance()
    # its operand binds as any prefix operator's but - does in PostgreSQL: looser than + and *
    return parser.expression(PrefixOperator(this=parser._parse_term(), operator=op))


def _absolute_value(parser: Any) -> exp.Expr | None:
    """``@ x``, PostgreSQL's absolute value, as ``ABS(x)``; ``$1`` (the same token to sqlglot) stays a parameter,
    which the rewrite refuses."""
    if parser._prev.text != "@":
        parser._retreat(parser._index - 1)
        return parser._parse_type()
    return parser.expression(exp.Abs(this=parser._parse_term()))


class PrefixOperatorParser(_SqlglotPostgres.Parser):  # type: ignore[name-defined,misc,valid-type]
    """sqlglot's PostgreSQL parser reading prefix operators as PostgreSQL does: the printer's and the read-back's.

    >>> import sqlglot
    >>> sqlglot.parse_one("SELECT @ a + 1", read=DIALECT).sql(DIALECT)
    'SELECT pg_catalog.abs((a OPERATOR(pg_catalog.+) 1))'
    """

    # @ x is PostgreSQL's absolute value (sqlglot read it as a parameter, printed $x, which the engine refused); its
    # operand binds as PostgreSQL's "any other operator" does, looser than + and *: @ a + b is @(a + b).
    # ~ x (bitwise not) binds the same way: ~ a + 1 is ~(a + 1) to PostgreSQL, not (~a) + 1.
    UNARY_PARSERS = {**_SqlglotPostgres.Parser.UNARY_PARSERS, TokenType.OPERATOR: _prefix_operator,
                     TokenType.PARAMETER: lambda self: _absolute_value(self),
                     TokenType.RLIKE: lambda self: self.expression(exp.BitwiseNot(this=self._parse_term()))}


#: The expressions an operand may be made of to be copied: each copy computes the same value within the statement
#: (the operators are pg_catalog's immutable ones, the casts pg_catalog's types, the calls pg_catalog's immutable or
#: stable functions, printed pinned, and grammar). An allow-list: anything else, ``random()``, ``nextval('s')`` or a
#: user's function, is written once (:func:`_bindable`) or refused.
_COPYABLE = (exp.Column, exp.Identifier, exp.Literal, exp.Null, exp.Boolean, exp.Paren, exp.Neg, exp.Not, exp.Cast,
             exp.DataType, exp.DataTypeParam, exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Mod, exp.DPipe, exp.Tuple,
             exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.And, exp.Or, exp.Is, exp.RegexpLike,
             exp.Case, exp.If, exp.Coalesce, exp.Substring, exp.Trim, exp.Lower, exp.Upper, exp.Length,
             exp.StrPosition, exp.Abs, exp.Floor, exp.Ceil, exp.Bracket, exp.Array, exp.Extract, exp.Var, exp.Pad,
             exp.AtTimeZone, exp.Concat, exp.ConcatWs,
             # an aggregate of such arguments: one value per group, however often written (count(*) in CASE x WHEN)
             exp.Count, exp.Sum, exp.Min, exp.Max, exp.Avg, exp.Star, exp.Distinct)

#: pg_catalog's immutable or stable functions (one value for the same arguments within a statement) sqlglot reads by
#: name only, copied as :data:`_COPYABLE`'s (printed pinned, so the built-in whatever the search_path holds).
_COPYABLE_CALLS = frozenset({"regexp_replace", "regexp_match", "btrim", "ltrim", "rtrim", "split_part", "strpos",
                             "substr", "lower", "upper", "length", "replace", "translate", "lpad", "rpad", "left",
                             "right", "reverse", "md5", "sha256", "encode", "decode", "convert_to", "abs", "sign",
                             "floor", "ceil", "round", "trunc", "mod", "to_char", "pg_typeof", "isfinite"})

#: The names a bound operand takes (``maskline_pg_once.maskline_pg_x0``), apart from those of
#: :meth:`maskline.dialects.postgres.Postgres.once` (whose bound column may be the operand here); a construct naming a
#: column or table ``maskline_pg_*`` itself is refused, as the bound names would capture it.
_ONCE_PREFIX = "maskline_pg_"
_ONCE_TABLE, _ONCE_COLUMN = _ONCE_PREFIX + "once", _ONCE_PREFIX + "x"

#: Functions sqlglot reads by name only that are known to be no aggregate, so a call with no column in its
#: arguments may be bound (:func:`_bindable`): an allow-list, any other such call could be a user's aggregate.
_SCALAR_CALLS = frozenset({"nextval", "currval", "setval", "clock_timestamp", "statement_timestamp", "timeofday",
                           "gen_random_uuid", "random_normal", "txid_current", "pg_backend_pid"})


def _copyable(operand: exp.Expression) -> bool:
    """Whether every copy of ``operand`` computes the same value, from what it is made of (:data:`_COPYABLE`).

    >>> import sqlglot
    >>> [_copyable(sqlglot.parse_one(s)) for s in ("CAST(b AS INT) + 1", "btrim(a)", "random() + 1", "f(a)")]
    [True, True, False, False]
    """
    return all(isinstance(node, _COPYABLE) or isinstance(node, exp.Anonymous) and node.name.lower() in _COPYABLE_CALLS
               for node in operand.walk())


def _own_nodes(construct: exp.Expr) -> list[exp.Expr]:
    """The nodes of ``construct`` outside any subquery in it (a subquery's columns and aggregates are its own)."""
    return list(construct.walk(prune=lambda n: n is not construct and isinstance(n, exp.Query)))


def _bindable(construct: exp.Expression) -> bool:
    """Whether ``construct`` keeps its meaning inside ``(SELECT construct FROM (SELECT operand AS x) AS once)``: it
    references a column of the query (so the subquery is correlated and run per row, not once per query as an
    uncorrelated one would be), holds no window function nor an aggregate whose arguments name no column of the
    query (``count(*)`` would count the subquery's one row; ``max(a)`` is the query's) nor a call of an unknown
    function without a column (it could be an aggregate, unless :data:`_SCALAR_CALLS`), and names no column
    ``maskline_pg_*`` (the bound names).

    >>> import sqlglot
    >>> [_bindable(sqlglot.parse_one(s)) for s in ("random() + b", "random()", "count(*) + b", "f(b)", "f() + b",
    ...                                             "nextval('s') + b", "max(initcap(b))")]
    [True, False, False, True, False, True, True]
    """
    own = _own_nodes(construct)
    if any(isinstance(n, exp.Column) and (n.name.lower().startswith(_ONCE_PREFIX)
                                          or n.table.lower().startswith(_ONCE_PREFIX)) for n in construct.walk()):
        return False
    if any(isinstance(n, exp.Window) or isinstance(n, exp.AggFunc)
           and not any(isinstance(c, exp.Column) for c in _own_nodes(n)) for n in own):
        return False  # an aggregate of the query's columns is the query's (PostgreSQL places it by its columns)
    if any(isinstance(n, exp.Anonymous) and n.name.lower() not in _SCALAR_CALLS
           and not any(isinstance(c, exp.Column) for c in _own_nodes(n)) for n in own):
        return False
    return any(isinstance(n, exp.Column) for n in own)


class CatalogPostgres(_SqlglotPostgres):
    """sqlglot's PostgreSQL, parsing alike, printing every function and operator as ``pg_catalog``'s."""

    class Parser(PrefixOperatorParser):
        pass

    class Generator(QualifiedCalls, _SqlglotPostgres.Generator):  # type: ignore[name-defined,misc,valid-type]
        QUALIFIER = PREFIX  # lower case, as the catalog spells it (unquoted names fold to lower case)
        SPECIAL_FORMS = SPECIAL_FORMS
        TRANSFORMS = {**_SqlglotPostgres.Generator.TRANSFORMS,
                      exp.JSONExtract: lambda self, e: self.json_arrow(e, "->"),
                      exp.JSONExtractScalar: lambda self, e: self.json_arrow(e, "->>"),
                      PrefixOperator: lambda self, e: self.prefixoperator_sql(e)}

        def _once(self, expression: exp.Expression, keys: tuple[str, ...], written: Any) -> str | None:
            """None when the operands under ``keys`` (those the pinned form writes more than once) may be copied;
            else the construct with each of them written once, bound by a scalar subquery over a one-row derived
            table, or ``written(expression)`` (as written, refused when read back) when binding would change it."""
            operands = {k: expression.args.get(k) for k in keys}
            bound = {k: o for k, o in operands.items() if o is not None and not _copyable(o)}
            if not bound:
                return None
            if not _bindable(expression):
                return str(written(expression))
            construct = expression.copy()
            names = []
            for i, key in enumerate(bound):
                name = f"{_ONCE_COLUMN}{i}"
                names.append(exp.alias_(construct.args[key], name))
                construct.set(key, exp.column(name, table=_ONCE_TABLE))
            derived = exp.select(*names).subquery(_ONCE_TABLE, copy=False)
            return self.sql(exp.Subquery(this=exp.select(construct).from_(derived, copy=False)))

        def _operator(self, left: str, op: str, right: str) -> str:
            # OPERATOR(...) has one precedence for every operator: each one in its own parentheses
            return f"({left} OPERATOR({PREFIX}{op}) {right})"

        def prefixoperator_sql(self, expression: PrefixOperator) -> str:
            text = f"OPERATOR({expression.args.get('operator')}) {self.sql(expression, 'this')}"
            return text if isinstance(expression.parent, exp.Paren) else f"({text})"  # one pair, read back or not

        def objectidentifier_sql(self, expression: exp.ObjectIdentifier) -> str:
            name = expression.name  # regclass, regtype: pg_catalog's types, found by name like any other
            return f"{PREFIX}{name.lower()}" if _PLAIN_NAME.fullmatch(name) else str(super().objectidentifier_sql(expression))

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

        def collate_sql(self, expression: exp.Collate) -> str:
            collation = expression.expression
            if isinstance(collation, exp.Identifier):  # COLLATE "C": pg_catalog's collation, not one of the path's
                return f"{self.sql(expression, 'this')} COLLATE {PREFIX}{self.sql(collation)}"
            return str(super().collate_sql(expression))

        def table_sql(self, expression: exp.Table, sep: str = " AS ") -> str:
            function, schema = expression.this, expression.args.get("db")
            if not (isinstance(function, exp.Func) and schema is not None) or expression.args.get("catalog"):
                return str(super().table_sql(expression, sep))
            # FROM schema.fn(...): the query's own qualification, kept once (not schema.pg_catalog.fn); a schema
            # other than pg_catalog is refused when read back
            bare = expression.copy()
            bare.set("db", None)
            text = str(super().table_sql(bare, sep))
            if text.startswith(PREFIX):
                text = text[len(PREFIX):]
            return f"{self.sql(schema)}.{text}"

        def unnest_sql(self, expression: exp.Unnest) -> str:
            text = str(super().unnest_sql(expression))
            # UNNEST(a) in FROM is a call of pg_catalog.unnest found by name; UNNEST(a, b) is grammar PostgreSQL
            # expands only unqualified (ROWS FROM (unnest(a), unnest(b))): printed as written, refused when read back
            if len(expression.expressions) == 1 and text.startswith("UNNEST("):
                return PREFIX + "unnest(" + text[len("UNNEST("):]
            return text

        def bitwisenot_sql(self, expression: exp.BitwiseNot) -> str:
            return f"(OPERATOR({PREFIX}~) {self.sql(expression, 'this')})"

        def json_arrow(self, expression: exp.JSONExtract | exp.JSONExtractScalar, op: str) -> str:
            # j -> 'k' -> 0 (one JSONPath to sqlglot): each step its own pinned ->, the last one ->> for ->>
            path = expression.expression
            written = _SqlglotPostgres.Generator.TRANSFORMS[type(expression)]
            if not expression.args.get("only_json_types") or expression.args.get("expressions"):
                return str(written(self, expression))  # JSON_EXTRACT_PATH(...): a call, pinned as one
            if not isinstance(path, exp.JSONPath):  # j -> k, a column or expression as the key
                return self._operator(self.sql(expression, "this"), op, self.sql(path))
            steps = path.expressions[1:] if path.expressions and isinstance(path.expressions[0], exp.JSONPathRoot) \
                else path.expressions
            keys = [exp.Literal.string(step.this) if isinstance(step, exp.JSONPathKey) and isinstance(step.this, str)
                    else exp.Literal.number(step.this) if isinstance(step, exp.JSONPathSubscript)
                    and isinstance(step.this, int) else None for step in steps]
            if not keys or any(k is None for k in keys):  # a wildcard or slice: no -> of PostgreSQL's
                return str(written(self, expression))
            text = self.sql(expression, "this")
            for i, key in enumerate(keys):
                text = self._operator(text, op if i == len(keys) - 1 else "->", self.sql(key))
            return text

        def nullsafeeq_sql(self, expression: exp.NullSafeEQ) -> str:
            once = self._once(expression, ("this", "expression"), super().nullsafeeq_sql)
            if once is not None:
                return once
            return self._not_distinct(expression) or super().nullsafeeq_sql(expression)

        def nullsafeneq_sql(self, expression: exp.NullSafeNEQ) -> str:
            once = self._once(expression, ("this", "expression"), super().nullsafeneq_sql)
            if once is not None:
                return once
            same = self._not_distinct(expression)
            return f"(NOT {same})" if same else super().nullsafeneq_sql(expression)

        def _not_distinct(self, expression: exp.Binary) -> str | None:
            # a IS NOT DISTINCT FROM b looks up = by name: equal, or both NULL. num_nulls counts NULL values, where
            # IS NULL would call a composite of NULL fields NULL too. A row (a, b) compares field by field: as written.
            if isinstance(expression.this, exp.Tuple) or isinstance(expression.expression, exp.Tuple):
                return None
            a, b = self.sql(expression, "this"), self.sql(expression, "expression")
            both_null = self._operator(f"{PREFIX}num_nulls({a}, {b})", "=", "2")
            return f"COALESCE({self._operator(a, '=', b)}, {both_null})"

        def case_sql(self, expression: exp.Case) -> str:
            subject = expression.this
            if subject is None:
                return str(super().case_sql(expression))
            if len(expression.args.get("ifs") or []) > 1:  # one WHEN writes the subject once
                once = self._once(expression, ("this",), super().case_sql)
                if once is not None:
                    return once
            # CASE x WHEN v compares x = v, an = found by name: the searched CASE it stands for (x written per WHEN)
            ifs = [exp.If(this=exp.EQ(this=subject.copy(), expression=i.this.copy()), true=i.args["true"].copy())
                   for i in expression.args.get("ifs") or []]
            default = expression.args.get("default")
            return str(super().case_sql(exp.Case(ifs=ifs, default=default.copy() if default else None)))

        def escape_sql(self, expression: exp.Escape) -> str:
            like = expression.this
            if isinstance(like, (exp.Like, exp.ILike)) and not isinstance(like.expression, (exp.Any, exp.All)):
                # a LIKE b ESCAPE c is a ~~ like_escape(b, c) to PostgreSQL, its ~~ found by name
                op = "~~" if isinstance(like, exp.Like) else "~~*"
                pattern = f"{PREFIX}like_escape({self.sql(like, 'expression')}, {self.sql(expression, 'expression')})"
                return _negated(like, self._operator(self.sql(like, "this"), op, pattern))
            return str(super().escape_sql(expression))

        def _like(self, expression: exp.Like | exp.ILike, op: str) -> str | None:
            """``a LIKE b`` as the pinned operator, or None for a form printed as written (``LIKE ... ESCAPE``
            inside its :class:`exp.Escape`, which :meth:`escape_sql` prints)."""
            if expression.args.get("escape") or isinstance(expression.parent, exp.Escape):
                return None
            right = expression.expression
            if isinstance(right, (exp.Any, exp.All)):
                # a NOT LIKE ALL(arr) is a !~~ ALL(arr): the negated operator under the quantifier, not NOT (...)
                negated = ("!" + op) if expression.args.get("negate") else op
                return f"({self.sql(expression, 'this')} OPERATOR({PREFIX}{negated}) {self.sql(right)})"
            return _negated(expression, self._operator(self.sql(expression, "this"), op, self.sql(right)))

        def datatype_sql(self, expression: exp.DataType) -> str:
            text = str(super().datatype_sql(expression))
            base = TYPE_BASE.match(text)
            if expression.this == exp.DataType.Type.USERDEFINED or base is None or "." in text.split("(")[0]:
                return text  # a name the SQL wrote, pinned or refused when read back
            name = base.group(0).strip()
            if name.upper() in GRAMMAR_TYPES or not _PLAIN_NAME.fullmatch(name):
                return text
            # text, date, jsonb: found along the search_path, where a domain named text could come first
            return f"{PREFIX}{name.lower()}{text[len(name):]}"

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
            # no binding here: PostgreSQL's own reading copies the operands (a >= x AND a <= y; SYMMETRIC both
            # orders), a volatile one drawn once per copy, and so does this (test_postgres_catalog_once.py)
            symmetric = bool(expression.args.get("symmetric"))
            this, low, high = (self.sql(expression, k) for k in ("this", "low", "high"))
            within = f"({self._operator(this, '>=', low)} AND {self._operator(this, '<=', high)})"
            if not symmetric:
                return within
            # SYMMETRIC: either order of the bounds, as PostgreSQL's own reading spells it
            return f"({within} OR ({self._operator(this, '>=', high)} AND {self._operator(this, '<=', low)}))"

        def like_sql(self, expression: exp.Like) -> str:
            return self._like(expression, "~~") or str(super().like_sql(expression))

        def ilike_sql(self, expression: exp.ILike) -> str:
            return self._like(expression, "~~*") or str(super().ilike_sql(expression))

        def nullif_sql(self, expression: exp.Nullif) -> str:
            # NULLIF(a, b) looks up = by name: the CASE it stands for, a written twice (PostgreSQL evaluates it
            # once: a copied only when every copy is the same value, else bound once)
            once = self._once(expression, ("this",), self.function_fallback_sql)
            if once is not None:
                return once
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
