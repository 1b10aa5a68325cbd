"""Column provenance: which source columns each expression of a query derives from, and how.

The tracer walks sqlglot's scopes (built on a *qualified* query, so every
column names its source) and follows a column through CTEs, derived tables,
set operations, LATERAL and UNNEST down to base-table columns. Each result is
an :class:`Origin`: a base column plus the *path* by which its value reaches
the expression:

* ``value``: the value itself, possibly recased, trimmed, cast or picked by
  ``min``/``coalesce``/``CASE`` (the column's own method still fits);
* ``derived``: a transformation of it (``substr``, ``reverse``, a comparison...),
  which a shape-keeping method such as ``partial`` could leak through;
* ``measure``: only through a function that measures it without being it (its
  length, a date field, a count: :data:`maskline.rewrite.functions.MEASURES`);
  whatever is computed from a measure stays one. A number compared with a
  measure is no value of the column (:mod:`maskline.rewrite.filters`);
* ``safe``: only through a masking-safe aggregate (``count(DISTINCT email)``)
  or a function the policy declares safe; nothing of the value is exposed.

Tracing serves ``--explain``, lineage and the query-text hygiene of filter
literals; it does not make a result safe (substitution does). It raises
:class:`~maskline.errors.RewriteRefused` only for what it cannot resolve, and
callers that only report lineage treat that as "untraced".

>>> import sqlglot
>>> from sqlglot.optimizer.qualify import qualify
>>> from sqlglot.optimizer.scope import build_scope
>>> q = qualify(sqlglot.parse_one("SELECT upper(e) AS u FROM (SELECT email AS e FROM t) s"),
...             schema={"t": {"email": "text"}}, identify=False)
>>> root = build_scope(q)
>>> sorted(Tracer(root, lambda t, c: c == "email").origins(q.selects[0], root))
[Origin(table='t', column='email', path='value')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.optimizer.scope import Scope

from maskline.errors import RewriteRefused
from maskline.rewrite.functions import (
    SAFE_AGGREGATES,
    VALUE_PRESERVING,
    function_key,
    is_measure,
)
from maskline.rewrite.mentions import mention
from maskline.rewrite.parameters import is_parameter

VALUE, DERIVED, MEASURE, SAFE = "value", "derived", "measure", "safe"
# How much of a value each path keeps, least first: a path is never replaced by one that keeps more of it.
_KEEPS = {SAFE: 0, MEASURE: 1, DERIVED: 2, VALUE: 2}
# Pseudo-table of literals written in the query (also through VALUES and CTEs), so that a literal compared with a
# sensitive column is found however it is routed; it is never sensitive and never listed as a source.
LITERAL = "<literal>"
MASKED_META = "maskline_masked"  # set on expressions the rewrite generated; they expose nothing

# Nodes that only wrap a value: the path of their operand is unchanged.
TRANSPARENT = (exp.Paren, exp.Alias, exp.Distinct, exp.Ordered, exp.Order, exp.PropertyEQ, exp.Kwarg,
               exp.IgnoreNulls, exp.RespectNulls, exp.Tuple)


@dataclass(frozen=True, order=True)
class Origin:
    """A base-table column an expression derives from, and the path by which it does."""

    table: str
    column: str
    path: str

    @property
    def qualified(self) -> str:
        """``table.column``.

        >>> Origin("sales.customers", "email", "value").qualified
        'sales.customers.email'
        """
        return f"{self.table}.{self.column}"


Origins = frozenset[Origin]
EMPTY: Origins = frozenset()


def with_path(origins: Iterable[Origin], path: str) -> Origins:
    """The same origins reached through ``path``; a ``safe`` or ``measure`` path is never replaced by one that
    keeps more of the value (a function of a length is no more than the length).

    >>> with_path({Origin("t", "e", "value")}, "derived")
    frozenset({Origin(table='t', column='e', path='derived')})
    >>> with_path({Origin("t", "e", "measure")}, "derived")
    frozenset({Origin(table='t', column='e', path='measure')})
    """
    return frozenset(o if _KEEPS[o.path] < _KEEPS[path] else Origin(o.table, o.column, path) for o in origins)


def table_key(table: exp.Table) -> str:
    """The dotted name of a base table as written (``db.table``), each part as
    :func:`~maskline.rewrite.table_names.written_parts` writes it: unquoted in lower case, a quoted mixed-case
    part quoted, so PostgreSQL's ``"Customers"`` and ``customers`` are two tables of one query.

    >>> table_key(exp.to_table("Raw.Customers")), table_key(exp.to_table('raw."Customers"', dialect="postgres"))
    ('raw.customers', 'raw."Customers"')
    """
    from maskline.rewrite.table_names import written_parts

    return ".".join(written_parts(table))


def _reshapes(node: exp.Expr) -> bool:
    """A value-keeping function used in a way that cuts the value: ``CAST(x AS VARCHAR(8))``, ``trim(x, '9')``.

    A shape-keeping method (``partial``) on a cut value would show other characters than the ones it keeps.

    >>> import sqlglot
    >>> _reshapes(sqlglot.parse_one("CAST(x AS VARCHAR(8))", read="postgres")), _reshapes(sqlglot.parse_one("trim(x)"))
    (True, False)
    """
    if isinstance(node, exp.Cast):
        return bool(node.to is not None and node.to.expressions)
    if isinstance(node, exp.Trim):
        return node.args.get("expression") is not None
    if isinstance(node, exp.Anonymous) and str(node.name).lower() in ("ltrim", "rtrim", "btrim"):
        return len(node.expressions) > 1
    return False


def leaf_selects(query: exp.Expr) -> list[exp.Select]:
    """The SELECTs that make up a (possibly nested, parenthesized) set operation.

    >>> import sqlglot
    >>> len(leaf_selects(sqlglot.parse_one("SELECT 1 UNION (SELECT 2 EXCEPT SELECT 3)")))
    3
    """
    if isinstance(query, exp.Subquery):
        return leaf_selects(query.this)
    if isinstance(query, exp.SetOperation):
        return leaf_selects(query.left) + leaf_selects(query.right)
    if isinstance(query, exp.Select):
        return [query]
    return []


def named_outputs(scope: Scope, name: str, scopes: Mapping[int, Scope]) -> list[tuple[exp.Expr, Scope]]:
    """The output ``name`` of ``scope``'s query in each of its SELECTs (a set operation's arms are matched by
    position, as its first SELECT names them), each with the scope it is read in; empty when none is named so.

    >>> import sqlglot
    >>> from sqlglot.optimizer.scope import build_scope
    >>> root = build_scope(sqlglot.parse_one("SELECT a AS x FROM t UNION SELECT b FROM u"))
    >>> [p.sql() for p, _ in named_outputs(root, "X", {})], named_outputs(root, "y", {})
    (['a AS x', 'b'], [])
    """
    selects = leaf_selects(scope.expression)
    if not selects:
        return []
    index = [i for i, p in enumerate(selects[0].selects) if p.alias_or_name.lower() == name.lower()]
    return [(select.selects[i], scopes.get(id(select), scope)) for select in selects for i in index
            if i < len(select.selects)]


class Tracer:
    """Traces expressions of one qualified query to their base columns.

    ``is_sensitive(table_key, column)`` says whether a base column has a
    masking method.

    >>> import sqlglot
    >>> from sqlglot.optimizer.qualify import qualify
    >>> from sqlglot.optimizer.scope import build_scope
    >>> q = qualify(sqlglot.parse_one("WITH c AS (SELECT email, id FROM t) SELECT lower(email) AS e, "
    ...                               "substr(email, 1, 2) AS p FROM c WHERE id IN (SELECT id FROM u)"),
    ...             schema={"t": {"email": "text", "id": "int"}, "u": {"id": "int"}}, identify=False)
    >>> tracer = Tracer(build_scope(q), lambda table, column: column == "email")
    >>> root = tracer.scope_of(q)  # the scope of the outer SELECT
    >>> sorted(tracer.column(root, q.selects[0].find(exp.Column)))  # c.email, through the CTE
    [Origin(table='t', column='email', path='value')]
    >>> sorted(tracer.output_of(root.sources["c"], "email", root)) == sorted(tracer.projection(root, "e"))
    True
    >>> [o.qualified for o in sorted(tracer.children(q.selects[1], root))]  # substr(c.email, 1, 2): positions are no source
    ['t.email']
    >>> sorted(tracer.query_outputs(q.find(exp.In).args["query"]))
    [Origin(table='u', column='id', path='value')]
    >>> tracer.reset()  # after editing the tree, so no cached origin is reused
    """

    def __init__(self, root: Scope, is_sensitive: Callable[[str, str], bool]) -> None:
        self.root = root
        self.is_sensitive = is_sensitive
        self.scopes: dict[int, Scope] = {}
        for scope in root.traverse():
            self.scopes.setdefault(id(scope.expression), scope)
        self._memo: dict[tuple[int, str], Origins] = {}
        self._partial: dict[tuple[int, str], Origins] = {}
        self._in_progress: set[tuple[int, str]] = set()
        self._open_cycles: set[tuple[int, str]] = set()

    def reset(self) -> None:
        """Forget cached results (call after the query tree was edited)."""
        self._memo.clear()
        self._partial.clear()

    def sensitive(self, origins: Iterable[Origin]) -> list[Origin]:
        """The origins that expose a sensitive column (not through a safe path).

        >>> t = Tracer.__new__(Tracer); t.is_sensitive = lambda tb, c: c == "ssn"
        >>> t.sensitive([Origin("t", "ssn", "value"), Origin("t", "id", "value"), Origin("t", "ssn", "safe")])
        [Origin(table='t', column='ssn', path='value')]
        """
        return sorted(o for o in origins if o.path != SAFE and self.is_sensitive(o.table, o.column))

    # --- columns and scopes -------------------------------------------------
    def scope_of(self, query: exp.Expr) -> Scope:
        inner = query.unnest() if isinstance(query, exp.Subquery) else query
        scope = self.scopes.get(id(inner))
        if scope is None:
            raise RewriteRefused(f"cannot trace the columns of a nested {inner.key.upper()}",
                                 where="query", fix="rewrite the subquery as a CTE")
        return scope

    def column(self, scope: Scope, col: exp.Column) -> Origins:
        name = col.name
        if not col.table:
            return self._unqualified(scope, col)
        source = None
        owner: Scope | None = scope
        while owner is not None:
            source = owner.sources.get(col.table)
            if source is not None:
                break
            owner = owner.parent
        if source is None:
            raise RewriteRefused(f"cannot resolve {mention('column', col)}", where="query",
                                 fix="qualify the column with a table or alias that is in FROM")
        if isinstance(source, exp.Table):
            return frozenset({Origin(table_key(source), name.lower(), VALUE)})
        assert owner is not None
        return self.output_of(source, name, owner)

    def _unqualified(self, scope: Scope, col: exp.Column) -> Origins:
        lam = col.find_ancestor(exp.Lambda)
        while lam is not None:
            if any(p.name == col.name for p in lam.expressions):
                return EMPTY  # a lambda parameter; the array argument carries the origins
            lam = lam.find_ancestor(exp.Lambda)
        selects = leaf_selects(scope.expression)
        select = selects[0] if selects else None
        if select is not None:
            for proj in select.selects:
                if proj.alias_or_name.lower() == col.name.lower() and proj is not col.parent:
                    return self.origins(proj, self.scopes.get(id(select), scope))
        raise RewriteRefused(f"cannot resolve {mention('column', col)}", where="query",
                             fix="name a column of a table in FROM (check the schema)")

    def output_of(self, source: Scope, name: str, owner: Scope) -> Origins:
        """Origins of output column ``name`` of a derived table, CTE, UNNEST or LATERAL source."""
        expr = source.expression
        if isinstance(expr, (exp.Select, exp.SetOperation, exp.Subquery)):
            return self.projection(source, name)
        if isinstance(expr, exp.Unnest):
            out: set[Origin] = set()
            for arg in expr.expressions:
                out |= self.origins(arg, source)
            return frozenset(out)
        if isinstance(expr, exp.Lateral):
            inner = expr.this
            if isinstance(inner, (exp.Subquery, exp.Select)):
                return self.projection(self.scope_of(inner), name)
            return self.origins(inner, source)
        if isinstance(expr, exp.Values):
            return frozenset({Origin(LITERAL, "string", VALUE)})
        raise RewriteRefused(f"cannot trace columns of a {expr.key.upper()} source", where="FROM clause",
                             fix="select from tables, CTEs, subqueries, UNNEST or LATERAL")

    def projection(self, scope: Scope, name: str) -> Origins:
        """Origins of output column ``name`` of a query scope (all branches of a set operation)."""
        key = (id(scope.expression), name.lower())
        if key in self._memo:
            return self._memo[key]
        if key in self._in_progress:  # a recursive CTE refers to itself
            self._open_cycles.add(key)
            return self._partial.get(key, EMPTY)
        self._in_progress.add(key)
        try:
            for _ in range(10):
                result = self._compute_projection(scope, name)
                stable = result == self._partial.get(key, EMPTY)
                self._partial[key] = result
                if stable or key not in self._open_cycles:
                    break
            else:
                raise RewriteRefused("cannot trace a recursive CTE to a fixed point", where="WITH RECURSIVE",
                                     fix="simplify the recursion")
        finally:
            self._in_progress.discard(key)
            self._open_cycles.discard(key)
        if not self._open_cycles:
            self._memo[key] = result
        return result

    def _compute_projection(self, scope: Scope, name: str) -> Origins:
        outputs = named_outputs(scope, name, self.scopes)
        if not outputs:
            selects = leaf_selects(scope.expression)
            if not selects:
                raise RewriteRefused("cannot trace an output of a source that has no SELECT list", where="query",
                                     fix="use a plain SELECT")
            first = selects[0].selects
            if any(isinstance(p, exp.Star) or (isinstance(p, exp.Column) and p.is_star) for p in first):
                raise RewriteRefused("cannot expand * over a source without a schema", where="SELECT *",
                                     fix="pass the schema of every table the query reads")
            raise RewriteRefused("cannot resolve a column a source is read for", where="query", fix="check the column names")
        out: set[Origin] = set()
        for projection, branch in outputs:
            out |= self.origins(projection, branch)
        return frozenset(out)

    def query_outputs(self, query: exp.Expr) -> Origins:
        """Origins of every output of a nested query (a scalar or IN subquery)."""
        scope = self.scope_of(query)
        out: set[Origin] = set()
        for select in leaf_selects(scope.expression):
            branch = self.scopes.get(id(select), scope)
            for proj in select.selects:
                out |= self.origins(proj, branch)
        return frozenset(out)

    # --- expressions ------------------------------------------------------------
    def children(self, node: exp.Expr, scope: Scope) -> Origins:
        out: set[Origin] = set()
        for child in node.iter_expressions():
            if not is_parameter(child):  # a date part's name or a format is no source of the value
                out |= self.origins(child, scope)
        return frozenset(out)

    def origins(self, node: exp.Expr, scope: Scope) -> Origins:
        """Every base column ``node`` derives from, with its path; refuses what it cannot reason about."""
        if node.meta.get(MASKED_META):
            return EMPTY
        if isinstance(node, exp.Column):
            if node.is_star:
                return self._star(node)
            return self.column(scope, node)
        if isinstance(node, exp.Star):
            return self._star(node)
        if isinstance(node, (exp.TableColumn, exp.Columns)):
            what = "COLUMNS(...)" if isinstance(node, exp.Columns) else mention("whole-row reference", node)
            raise RewriteRefused(f"cannot trace the columns of {what}", where="SELECT list",
                                 fix="name the columns (the values read are masked either way)")
        if isinstance(node, exp.Literal):
            return frozenset({Origin(LITERAL, "string" if node.is_string else "number", VALUE)})
        if isinstance(node, (exp.Null, exp.Boolean, exp.DataType, exp.Var,
                             exp.Identifier, exp.Placeholder)):
            return EMPTY
        if isinstance(node, (exp.Subquery, exp.Select, exp.SetOperation)):
            return self.query_outputs(node)
        if isinstance(node, exp.Exists):
            return with_path(self.query_outputs(node.this), DERIVED)
        if isinstance(node, exp.Window):
            for part in ("partition_by", "order"):  # checked for refusals; ordering exposes no value
                value = node.args.get(part)
                for child in value if isinstance(value, list) else [value] if value is not None else []:
                    self.origins(child, scope)
            return self.origins(node.this, scope)
        if isinstance(node, exp.Case):
            out = set(with_path(self.origins(node.this, scope), DERIVED)) if node.this else set()
            for branch in node.args.get("ifs") or []:
                out |= with_path(self.origins(branch.this, scope), DERIVED)
                out |= self.origins(branch.args["true"], scope)
            if node.args.get("default"):
                out |= self.origins(node.args["default"], scope)
            return frozenset(out)
        if isinstance(node, exp.If):
            out = set(with_path(self.origins(node.this, scope), DERIVED))
            for part in ("true", "false"):
                if node.args.get(part):
                    out |= self.origins(node.args[part], scope)
            return frozenset(out)
        if isinstance(node, exp.Filter):
            return self.origins(node.this, scope) | with_path(self.origins(node.expression, scope), DERIVED)
        if isinstance(node, exp.Func):
            return self._function(node, scope)
        if isinstance(node, TRANSPARENT):
            return self.children(node, scope)
        inner = self.children(node, scope)
        return with_path(inner, DERIVED)

    def _star(self, node: exp.Expr) -> Origins:
        if isinstance(node.parent, (exp.Count, exp.Func)) and not isinstance(node.parent, exp.Columns):
            return EMPTY  # count(*)
        raise RewriteRefused("cannot expand * here: the source's columns are unknown", where="SELECT *",
                             fix="name the columns, or select from tables in the schema")

    def _function(self, node: exp.Func, scope: Scope) -> Origins:
        key = function_key(node)
        inner = self.children(node, scope)
        exposed = self.sensitive(inner)
        if key in SAFE_AGGREGATES:  # a count of transformed values is a count still: a measure
            return with_path(inner, SAFE) if all(o.path == VALUE for o in exposed) else with_path(inner, MEASURE)
        if is_measure(node):
            return with_path(inner, MEASURE)
        if key in VALUE_PRESERVING:
            if _reshapes(node):
                return with_path(inner, DERIVED)
            return inner
        return with_path(inner, DERIVED)
