"""Pinned built-in calls read as the calls they are: ``system.main.trim(x)`` is ``trim(x)`` to lineage.

maskline prints every DuckDB built-in as ``system.main.<name>(...)`` and every Trino one as
``system.builtin."<name>"(...)``, so that no macro or routine of the connection can stand in for it
(:mod:`maskline.dialects.duckdb_builtins`, :mod:`maskline.dialects.trino_builtins`); dbt models that mask through the
package's macros carry that spelling in their compiled SQL. sqlglot reads it as a dot chain that ends in a call,
``Dot(Dot(system, main), Anonymous(trim, [x]))``. :func:`unpin_calls` turns each such chain back into the call itself,
built from its name as sqlglot builds a call written plainly (``Trim``, ``Count``, ``Substring``, else
``Anonymous``), so whatever reads the tree next (sqlglot's lineage, its qualifier, an aggregate test) sees a
function call whose inputs are its arguments: never ``system`` or ``main`` as a table or column, and a pinned
``count`` still an aggregate.

Only the prefix that pins a built-in on the dialect is read so (:data:`PINNED_PREFIX`); a dot chain of any other
shape is left as the query wrote it.

>>> import sqlglot
>>> tree = sqlglot.parse_one('SELECT system.main."||"(system.main.trim(t.a), t.b) AS x FROM t', read="duckdb")
>>> tree = unpin_calls(tree, "duckdb")
>>> tree.find(exp.Dot) is None, type(tree.find(exp.Trim)).__name__, sorted(c.sql() for c in tree.find_all(exp.Column))
(True, 'Trim', ['t.a', 't.b'])
"""

from __future__ import annotations

from sqlglot import exp

from maskline.dialects import duckdb_builtins, trino_builtins

#: Per sqlglot dialect, the catalog and schema whose name before a call pins it to the engine's built-in.
PINNED_PREFIX: dict[str, tuple[str, str]] = {
    "duckdb": tuple(duckdb_builtins.PREFIX.rstrip(".").split(".")),  # type: ignore[dict-item]
    "trino": tuple(trino_builtins.PREFIX.rstrip(".").split(".")),  # type: ignore[dict-item]
}


def pinned_call(node: exp.Expr, dialect: str) -> exp.Func | None:
    """The call ``node`` pins to a built-in on ``dialect`` (``system.main.f(...)`` on DuckDB,
    ``system.builtin."f"(...)`` on Trino), or None when ``node`` is no such call.

    >>> import sqlglot
    >>> pinned_call(sqlglot.parse_one('system.builtin."lower"(a)', read="trino"), "trino").name
    'lower'
    >>> pinned_call(sqlglot.parse_one("system.main.lower(a)", read="duckdb"), "trino") is None  # not Trino's prefix
    True
    """
    prefix = PINNED_PREFIX.get(dialect)
    if prefix is None or not isinstance(node, exp.Dot) or not isinstance(node.expression, exp.Func):
        return None
    owner = node.this
    if not (isinstance(owner, exp.Dot) and isinstance(owner.this, exp.Identifier)
            and isinstance(owner.expression, exp.Identifier)):
        return None
    # Both engines fold unquoted names to lower case, and a quoted "system"."main" names the same catalog and schema.
    if (owner.this.name.lower(), owner.expression.name.lower()) != prefix:
        return None
    return node.expression


def _as_plain_call(call: exp.Func, dialect: str) -> exp.Expr:
    """``call`` as sqlglot builds it when written without its prefix; its arguments kept, whatever the builder does."""
    if not isinstance(call, exp.Anonymous):  # sqlglot read the name as one of its functions already
        return call.copy()
    name = call.name
    args = [a.copy() for a in call.expressions]
    plain: exp.Expr = exp.Anonymous(this=name, expressions=args)
    try:
        built = exp.func(name, *[a.copy() for a in args], dialect=dialect)
    except (ValueError, TypeError, KeyError, IndexError):  # a builder that wants another shape: the call as written
        return plain
    # A builder may rearrange arguments (a date part read as a unit): kept only when every column still stands in it,
    # so the call's inputs are its arguments, as written.
    columns = sorted(c.sql() for a in args for c in a.find_all(exp.Column))
    if sorted(c.sql() for c in built.find_all(exp.Column)) != columns:
        return plain
    return built


def unpin_calls(tree: exp.Expr, dialect: str) -> exp.Expr:
    """``tree`` with every pinned built-in call (:func:`pinned_call`) replaced by the call itself, in place.

    >>> import sqlglot
    >>> q = sqlglot.parse_one("SELECT system.main.count(*) OVER (), system.main.sum(a) FROM t", read="duckdb")
    >>> sorted(type(s).__name__ for s in unpin_calls(q, "duckdb").find_all(exp.Count, exp.Sum))
    ['Count', 'Sum']
    >>> sqlglot.parse_one("SELECT s.x.f(a) FROM t", read="duckdb").find(exp.Dot) is not None  # other chains stay
    True
    """
    # Innermost first (the walk's reverse), so a pinned call among another one's arguments is read before the outer
    # call copies them.
    for node in reversed(list(tree.walk())):
        call = pinned_call(node, dialect)
        if call is not None:
            replacement = _as_plain_call(call, dialect)
            if node is tree:
                return replacement
            node.replace(replacement)
    return tree
