"""Which literals' values reach an expression: written in it, or carried by the relations it reads from.

A literal beside a sensitive column is a value (:mod:`maskline.rewrite.filters`). A literal's value reaches an
expression when it is written there (``'ada' || substr(city, 1, 0)``), and equally when the expression reads a
column of a CTE, subquery, derived table, VALUES list, UNNEST or LATERAL that is computed from one, at any depth
and mixed with any other column: in ``WITH g AS (SELECT 'ada' || city AS v FROM customers) ... WHERE username =
g.v``, ``g.v`` carries the literal as surely as ``'ada' || city`` does. So a column reference is followed to the
projection that defines it (every arm of a set operation), and the same rule is applied there: no list of
relation shapes that carry literals, one definition of "reaches" applied through every relation.

What does not pass a literal on, wherever it is: parameters (:mod:`maskline.rewrite.parameters`), predicates and
CASE conditions (their result is a truth value), a ``FILTER (WHERE ...)`` clause, a window's ordering.

>>> import sqlglot
>>> from sqlglot.optimizer.qualify import qualify
>>> from sqlglot.optimizer.scope import build_scope
>>> q = qualify(sqlglot.parse_one("WITH g AS (SELECT 'ada' || city AS v, date_trunc('month', dob) AS m, id "
...                               "FROM t) SELECT g.v, g.m, g.id FROM g", read="duckdb"),
...             schema={"t": {"city": "text", "dob": "date", "id": "int"}}, identify=False)
>>> root = build_scope(q)
>>> provenance = LiteralProvenance({id(s.expression): s for s in root.traverse()})
>>> [sorted(provenance.kinds(p, root)) for p in q.selects]
[['string'], [], []]
>>> written_literals(q.selects[0])  # what is written in the expression itself: a column carries nothing
set()
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.optimizer.scope import Scope

from maskline.rewrite.parameters import is_parameter
from maskline.rewrite.trace import MASKED_META, leaf_selects, named_outputs

# Nodes whose result is a truth value: a literal inside them does not reach their parent as a value.
TRUTH_VALUED: tuple[type[exp.Expr], ...] = (exp.Predicate, exp.Connector, exp.Not, exp.Exists)
# Quantifiers of a comparison (``x = ANY (ARRAY['a'])``, ``x LIKE ANY (...)``, ``x <> ALL (...)``): sqlglot models
# them as predicates, but they are an operand: every element of theirs is compared with the other side.
QUANTIFIED: tuple[type[exp.Expr], ...] = (exp.Any, exp.All)
# Constants other than plain literals: escaped, national, hex, bit and dollar-quoted strings. Each is a string
# the user wrote, however it is spelled; none can be tokenized (their text is not the value's text).
OTHER_CONSTANTS: tuple[type[exp.Expr], ...] = tuple(
    c for c in (getattr(exp, n, None) for n in ("UnicodeString", "HexString", "ByteString", "National",
                                                   "BitString", "RawString")) if c is not None)
# What a column that cannot be followed is taken to carry: a literal, so that it fails closed beside a sensitive one.
UNTRACED = frozenset({"string"})


def written_literals(node: exp.Expr) -> set[str]:
    """The kinds (``string``, ``number``) of the literals whose value reaches ``node``'s value as written.

    Parameters, predicates (their result is a truth value) and CASE conditions do not pass a literal on;
    a lambda passes on every literal of its body (it is compared with the elements of another argument);
    a subquery passes on its outputs'. Columns are not followed (:class:`LiteralProvenance` follows them).

    >>> import sqlglot
    >>> written_literals(sqlglot.parse_one("'ada' || substr(city, 1, 0)")), written_literals(sqlglot.parse_one("substr(city, 1)"))
    ({'string'}, set())
    >>> written_literals(sqlglot.parse_one("CASE WHEN tier = 'gold' THEN city END"))
    set()
    >>> written_literals(sqlglot.parse_one("ANY(ARRAY['ada'])", read="postgres"))  # a quantifier's elements
    {'string'}
    """
    return LiteralProvenance({}).kinds(node, None)


class LiteralProvenance:
    """The kinds of the literals whose value reaches an expression, through every relation it reads from.

    ``scopes`` maps ``id(query expression)`` to its scope (:attr:`maskline.rewrite.trace.Tracer.scopes`); with no
    scope given, columns carry nothing (:func:`written_literals`).

    >>> import sqlglot
    >>> from sqlglot.optimizer.qualify import qualify
    >>> from sqlglot.optimizer.scope import build_scope
    >>> q = qualify(sqlglot.parse_one("SELECT u.x, u.y FROM (SELECT city AS x, id AS y FROM t UNION ALL "
    ...                               "SELECT 'ada', 7) AS u"), schema={"t": {"city": "text", "id": "int"}})
    >>> root = build_scope(q)
    >>> provenance = LiteralProvenance({id(s.expression): s for s in root.traverse()})
    >>> [sorted(provenance.kinds(p, root)) for p in q.selects]  # a UNION arm carries its literals
    [['string'], ['number']]
    """

    def __init__(self, scopes: dict[int, Scope]) -> None:
        self.scopes = scopes
        self._memo: dict[tuple[int, str], frozenset[str]] = {}
        self._in_progress: set[tuple[int, str]] = set()
        self._cycles = 0  # a recursive CTE read while its own projection is being computed: results are partial

    def kinds(self, node: exp.Expr, scope: Scope | None) -> set[str]:
        """The kinds (``string``, ``number``) of the literals whose value reaches ``node``, read in ``scope``."""
        if isinstance(node, QUANTIFIED):  # = ANY (ARRAY[...]), LIKE ANY (...): each element meets the other operand
            return self.kinds(node.this, scope)
        if is_parameter(node) or isinstance(node, (exp.DataType, *TRUTH_VALUED)):
            return set()
        if isinstance(node, exp.Literal):
            return set() if node.meta.get(MASKED_META) else {"string" if node.is_string else "number"}
        if isinstance(node, OTHER_CONSTANTS):
            return {"string"}
        if isinstance(node, exp.Column):
            return set(self._column(node, scope)) if scope is not None else set()
        if isinstance(node, exp.Lambda):  # its body is compared with every element: all of its literals reach it
            body = {"string" if lit.is_string else "number" for lit in node.this.find_all(exp.Literal)
                    if not is_parameter(lit) and not lit.meta.get(MASKED_META)}
            body |= {"string"} if node.this.find(*OTHER_CONSTANTS) else set()
            return body | {k for c in node.this.find_all(exp.Column) for k in self.kinds(c, scope)}
        if isinstance(node, (exp.Subquery, exp.Select, exp.SetOperation)):
            return self._query(node, scope)
        if isinstance(node, exp.Case):  # its results; its conditions and WHEN values are compared, not returned
            kids = [i.args["true"] for i in node.args.get("ifs") or [] if i.args.get("true") is not None]
            kids += [node.args["default"]] if node.args.get("default") is not None else []
        elif isinstance(node, exp.If):
            kids = [c for c in (node.args.get("true"), node.args.get("false")) if c is not None]
        elif isinstance(node, (exp.Filter, exp.Window)):
            kids = [node.this]
        else:
            kids = list(node.iter_expressions())
        return {k for c in kids for k in self.kinds(c, scope)}

    def _query(self, node: exp.Expr, scope: Scope | None) -> set[str]:
        """A nested query passes on its outputs' literals (each arm read in its own scope)."""
        inner = node.unnest() if isinstance(node, exp.Subquery) else node
        owner = self.scopes.get(id(inner), scope) if scope is not None else None
        return {k for s in leaf_selects(inner) for p in s.selects
                for k in self.kinds(p, self.scopes.get(id(s), owner) if owner is not None else None)}

    def _column(self, col: exp.Column, scope: Scope) -> frozenset[str]:
        """What a column reference carries: nothing from a base table; from a relation, what its definition does."""
        if col.is_star:
            return frozenset()
        if not col.table:
            return self._unqualified(col, scope)
        owner: Scope | None = scope
        source = None
        while owner is not None and source is None:
            source = owner.sources.get(col.table)
            owner = owner.parent if source is None else owner
        if source is None:
            return UNTRACED
        if isinstance(source, exp.Table):
            return frozenset()
        return self._output(source, col.name)

    def _unqualified(self, col: exp.Column, scope: Scope) -> frozenset[str]:
        lam = col.find_ancestor(exp.Lambda)
        while lam is not None:
            if any(p.name == col.name for p in lam.expressions):
                return frozenset()  # a lambda's parameter: its array argument is read on its own
            lam = lam.find_ancestor(exp.Lambda)
        for select in leaf_selects(scope.expression)[:1]:  # a select-list alias referred to by name
            for proj in select.selects:
                if proj.alias_or_name.lower() == col.name.lower() and proj is not col.parent:
                    return frozenset(self.kinds(proj, self.scopes.get(id(select), scope)))
        return UNTRACED

    def _output(self, source: Scope, name: str) -> frozenset[str]:
        """What output column ``name`` of a CTE, subquery, derived table, VALUES, UNNEST or LATERAL carries."""
        expr = source.expression
        if isinstance(expr, exp.Unnest):
            return frozenset(k for arg in expr.expressions for k in self.kinds(arg, source))
        if isinstance(expr, exp.Lateral):
            inner = expr.this
            if isinstance(inner, (exp.Subquery, exp.Select)):
                inner_scope = self.scopes.get(id(inner.unnest() if isinstance(inner, exp.Subquery) else inner))
                return self._projection(inner_scope, name) if inner_scope is not None else UNTRACED
            return frozenset(self.kinds(inner, source))
        if isinstance(expr, exp.Values):
            return self._values(expr, name, source)
        if isinstance(expr, (exp.Select, exp.SetOperation, exp.Subquery)):
            return self._projection(source, name)
        return UNTRACED

    def _values(self, values: exp.Values, name: str, scope: Scope) -> frozenset[str]:
        """A VALUES list's column: what its entries in that position carry (every entry, when unnamed)."""
        alias = values.args.get("alias")
        names = [c.name.lower() for c in alias.columns] if isinstance(alias, exp.TableAlias) else []
        rows = [r.expressions if isinstance(r, exp.Tuple) else [r] for r in values.expressions]
        if name.lower() in names:
            i = names.index(name.lower())
            entries = [r[i] for r in rows if i < len(r)]
        else:
            entries = [e for r in rows for e in r]
        return frozenset(k for e in entries for k in self.kinds(e, scope))

    def _projection(self, scope: Scope, name: str) -> frozenset[str]:
        """What output column ``name`` of a query scope carries: the union over every arm of a set operation."""
        key = (id(scope.expression), name.lower())
        if key in self._memo:
            return self._memo[key]
        if key in self._in_progress:  # a recursive CTE reads itself: its other arms give what it carries
            self._cycles += 1
            return frozenset()
        self._in_progress.add(key)
        cycles = self._cycles
        try:
            result = self._compute_projection(scope, name)
        finally:
            self._in_progress.discard(key)
        if self._cycles == cycles or not self._in_progress:  # complete: no cycle left open below it
            self._memo[key] = result
        return result

    def _compute_projection(self, scope: Scope, name: str) -> frozenset[str]:
        outputs = named_outputs(scope, name, self.scopes)
        if not outputs:
            return UNTRACED
        out: set[str] = set()
        for projection, branch in outputs:
            out |= self.kinds(projection, branch)
        return frozenset(out)
