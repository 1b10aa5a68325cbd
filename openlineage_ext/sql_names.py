"""Which unquoted names in a SQL text are values typed without quotes, decided from the parse tree.

``WHERE username = zquartermaine77`` parses: the value is read as a column
name, and a scrubber that only rewrites literals copies it. The SQL facet
(:func:`openlineage_ext.scrubbing.scrub_sql`) copies an unquoted name only when
the tree proves it is structure:

* a table (any part of its name: catalog, schema, relation), never rewritten,
  so lineage keeps its relations;
* a name the query defines: a CTE, a table or column alias, a lambda's
  parameter;
* a column the catalog names (``names``: the schema the rewrite used, or the
  event's datasets).

Types, keywords and date parts are no column references and are never
touched. Any other column reference is a value typed as a name.

Tables and functions are names the query's text gives too (``FROM pw_Qv7x98234571``,
``SELECT pw_Qv7x98234571(ssn)``), so :func:`unproven_names` holds them to proof as well:
a function stays when sqlglot knows it (it parsed into one of sqlglot's own classes, whose
name comes from sqlglot's catalogue, not the text) or maskline's rewrite allow-list names it;
with a catalog, a table's parts stay only when the catalog names them (a dataset of the event)
or the query defines them (a CTE). With a
catalog it is replaced wherever it stands; without one (a log line) only where
a value can stand: an operand of a comparison, ``IN`` list or function call
beside another column (a column compared with a literal is the column, the
literal is the value and is redacted anyway).

>>> import sqlglot
>>> sorted(value_names(sqlglot.parse("SELECT id FROM users WHERE username = zquartermaine77"), {"users", "id",
...                                                                                              "username"}))
['zquartermaine77']
>>> sorted(value_names(sqlglot.parse("SELECT u.id FROM users u WHERE username = X98234571"), None))
['username', 'x98234571']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache

from sqlglot import exp

# Nodes whose operands a value typed as a name can stand in (without a catalog): comparisons, IN, function calls.
_VALUE_HOLDERS: tuple[type[exp.Expr], ...] = (exp.Predicate, exp.Binary, exp.In, exp.Between, exp.Func)
# A name's shape. A "column" of another shape (digits of another script: ٤١١١...) is copied by no rule of the
# scrubber's token allow-list: it is redacted (or, in "detected" mode, scrubbed) as a literal, so it is left out here.
_NAME_SHAPE = re.compile(r"[^\W\d]\w*")
# Nodes that wrap one operand without changing where it stands.
_WRAPPERS: tuple[type[exp.Expr], ...] = (exp.Paren, exp.Cast, exp.Neg)


def value_names(trees: Iterable[exp.Expr | None], names: Collection[str] | None) -> set[str]:
    """The lower-case unquoted column names in ``trees`` that nothing proves to be structure (see the module).

    ``names`` is the catalog (lower-case relation and column names); None or empty means none is known.

    >>> import sqlglot
    >>> value_names(sqlglot.parse("WITH c AS (SELECT email AS e FROM t) SELECT e FROM c WHERE e = 'x'"), {"email"})
    set()
    """
    parsed = [t for t in trees if t is not None]
    structure = _defined(parsed)
    known = {n.lower() for n in names} if names else set()
    out: set[str] = set()
    for tree in parsed:
        for column in tree.find_all(exp.Column):
            qualifier = column.args.get("table")
            # t.email names a column of a relation the query reads: no value is typed qualified.
            qualified = isinstance(qualifier, exp.Identifier) and qualifier.name.lower() in structure
            for part in (column.this, qualifier):
                if not isinstance(part, exp.Identifier) or part.quoted or not _NAME_SHAPE.fullmatch(part.name):
                    continue  # a star, a quoted name (kept only when the catalog names it), or no name's shape
                name = part.name.lower()
                if name in structure or name in known:
                    continue
                if known or part is qualifier or (not qualified and _in_value_position(column)):
                    out.add(name)
    return out


def unproven_names(trees: Iterable[exp.Expr | None], names: Collection[str] | None) -> set[str]:
    """The lower-case unquoted table and function names in ``trees`` that nothing proves to be structure.

    A function sqlglot does not know (``Anonymous``) has only the name the query wrote; it stays when
    maskline's rewrite allow-list names it (:func:`maskline.rewrite.allowlist.allowed_functions`, any dialect).
    With a catalog (``names`` not None, even empty: an event whose datasets name nothing proves no table), a table
    part stays when ``names`` holds it or the query defines it (a CTE); without one (a log line), tables stay.

    >>> import sqlglot
    >>> sorted(unproven_names(sqlglot.parse("SELECT upper(a), split_part(a, 'x', 1), pw_qv7(ssn) FROM pw_9x"),
    ...                       {"a", "ssn"}))
    ['pw_9x', 'pw_qv7']
    >>> sorted(unproven_names(sqlglot.parse("WITH c AS (SELECT 1 AS a) SELECT a FROM c JOIN db.users u ON 1 = 1"),
    ...                       {"db", "users"}))
    []
    >>> sorted(unproven_names(sqlglot.parse("SELECT a FROM pw_9x"), None))
    []
    """
    parsed = [t for t in trees if t is not None]
    out: set[str] = set()
    listed = _listed_functions()
    for tree in parsed:
        for call in tree.find_all(exp.Anonymous):
            name = call.name.lower()
            # A quoted function name is a quoted identifier, held to the catalog by the scrubber already.
            if _NAME_SHAPE.fullmatch(name) and name not in listed and not _quoted(call.this):
                out.add(name)
    if names is None:
        return out
    known = {n.lower() for n in names}
    defined = _query_defined(parsed)
    for tree in parsed:
        for table in tree.find_all(exp.Table):
            for part in table.parts:
                if isinstance(part, exp.Identifier) and not part.quoted and _NAME_SHAPE.fullmatch(part.name):
                    name = part.name.lower()
                    if name not in known and name not in defined:
                        out.add(name)
    return out


def _quoted(this: object) -> bool:
    return isinstance(this, exp.Identifier) and bool(this.quoted)


@cache
def _listed_functions() -> frozenset[str]:
    """Every function name maskline's rewrite allow-list admits in any dialect (the written, lower-case names)."""
    from maskline.rewrite.allowlist import BY_DIALECT, COMMON

    return frozenset(COMMON).union(*BY_DIALECT.values())


def _query_defined(trees: list[exp.Expr]) -> set[str]:
    """The names the query itself defines (CTEs, aliases, lambda parameters), lower case; tables not included."""
    out: set[str] = set()
    for tree in trees:
        for alias in tree.find_all(exp.TableAlias):
            out.add(alias.name.lower())
            out |= {c.name.lower() for c in alias.columns}
        for node in tree.find_all(exp.Alias):
            out.add(node.alias.lower())
        for lam in tree.find_all(exp.Lambda):
            out |= {e.name.lower() for e in lam.expressions}
    return out - {""}


def _defined(trees: list[exp.Expr]) -> set[str]:
    """Tables and every name the query itself defines (CTEs, aliases, lambda parameters), lower case."""
    tables = {p.name.lower() for tree in trees for table in tree.find_all(exp.Table) for p in table.parts
              if isinstance(p, exp.Identifier)}
    return (tables - {""}) | _query_defined(trees)


def _in_value_position(column: exp.Column) -> bool:
    """Whether ``column`` is an operand of a comparison or call beside another operand that reads a column.

    Beside a literal (``email = 'x'``, ``substr(email, 1, 3)``, ``email IS NULL``) it is the column: the literal
    is the value. Beside another column (``username = zquartermaine77``) either could be a value.
    """
    node: exp.Expr = column
    while isinstance(node.parent, _WRAPPERS):
        node = node.parent
    holder = node.parent
    if not isinstance(holder, _VALUE_HOLDERS) or isinstance(holder, exp.Connector):
        return False
    others = [o for o in holder.iter_expressions() if o is not node]
    return any(_NAME_SHAPE.fullmatch(c.name) for o in others for c in o.find_all(exp.Column))
