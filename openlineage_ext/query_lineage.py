"""Column lineage of a SELECT after the OpenLineage column-lineage spec: which input columns each output
column comes from, and how.

- ``DIRECT`` inputs feed an output's value: ``IDENTITY`` (the column as is, aliased or not),
  ``TRANSFORMATION`` (a function of it), ``AGGREGATION`` (an aggregate over it, on any step of the path).
- ``INDIRECT`` inputs shape the result without being in any value: ``FILTER`` (WHERE, HAVING),
  ``JOIN`` (ON), ``GROUP_BY``, ``SORT`` (ORDER BY), ``WINDOW`` (PARTITION BY, window ORDER BY).

An output with no input column (``count(*)``, a literal) has no direct input. Tables are named as
the query (and ``schema``) names them. Traced on the user's original SQL with sqlglot: this serves
lineage, never safety (the rewrite decides what is masked).

>>> lin = query_lineage("SELECT email AS e, count(*) AS n FROM c WHERE plan <> 'free' GROUP BY 1",
...                     {"c": {"email": "text", "plan": "text"}}, "duckdb")
>>> lin.direct["e"], lin.direct["n"]
((ColumnSource(table='c', column='email', subtype='IDENTITY'),), ())
>>> [(s.column, s.subtype) for s in lin.indirect]
[('plan', 'FILTER'), ('email', 'GROUP_BY')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlglot import exp

_RANK = {"IDENTITY": 0, "TRANSFORMATION": 1, "AGGREGATION": 2}


@dataclass(frozen=True)
class ColumnSource:
    """One input column of an output (or of the whole result, for INDIRECT ones) and the spec's subtype."""

    table: str
    column: str
    subtype: str


@dataclass(frozen=True)
class QueryLineage:
    """``direct``: per output column, its direct inputs in order; ``indirect``: inputs of the whole result."""

    direct: Mapping[str, tuple[ColumnSource, ...]]
    indirect: tuple[ColumnSource, ...]


def _step_subtype(expression: exp.Expr) -> str:
    """What one projection does to its inputs."""
    inner = expression.this if isinstance(expression, exp.Alias) else expression
    if isinstance(inner, exp.Column):
        return "IDENTITY"
    if isinstance(inner, exp.AggFunc) or inner.find(exp.AggFunc) is not None:
        return "AGGREGATION"
    return "TRANSFORMATION"


def _table_name(table: exp.Table) -> str:
    return ".".join(p.name for p in table.parts)


def _direct(name: str, tree: exp.Expr, schema: Mapping[str, Any],
            dialect: str) -> tuple[ColumnSource, ...]:
    from sqlglot.lineage import lineage

    # trim_selects=False: trimming gives each node, as its `source`, a deep copy of its SELECT cut to one column
    # (a copy of every masking expression of the query, per column); only a leaf's source, its table, is read here.
    root = lineage(name, tree, schema={t: dict(c) for t, c in schema.items()}, dialect=dialect, trim_selects=False)
    out: list[ColumnSource] = []

    def walk(node: object, subtype: str) -> None:
        source = getattr(node, "source", None)
        downstream = getattr(node, "downstream", [])
        if not downstream:
            column = str(getattr(node, "name", "")).split(".")[-1].strip("\"`")
            if isinstance(source, exp.Table) and column and column != "*":
                item = ColumnSource(_table_name(source), column, subtype)
                if item not in out:
                    out.append(item)
            return
        expression = getattr(node, "expression", None)
        step = _step_subtype(expression) if isinstance(expression, exp.Expr) else "IDENTITY"
        here = step if _RANK[step] > _RANK[subtype] else subtype
        for child in downstream:
            walk(child, here)

    walk(root, "IDENTITY")
    return tuple(out)


def nested_schema(schema: Mapping[str, Any], dialect: str) -> Mapping[str, Any]:
    """``schema`` keyed as sqlglot's ``MappingSchema`` reads it: a flat key naming a table by its parts
    (``main.customers``, as the query path reads the catalog) nested by them, every table at one depth (a
    shorter name under the prefix most of the deeper ones have). An already nested schema is returned as is.

    sqlglot looks a dotted key up as one table name, so it placed no unqualified column of ``main.customers``,
    and the filter's columns of ``SELECT ... FROM main.customers WHERE plan <> 'free'`` had no lineage.

    >>> nested_schema({"main.c": {"id": "int"}, "o": {"cid": "int"}}, "duckdb")
    {'main': {'c': {'id': 'int'}, 'o': {'cid': 'int'}}}
    >>> nested_schema({"main": {"c": {"id": "int"}}}, "duckdb")
    {'main': {'c': {'id': 'int'}}}
    """
    from collections import Counter

    if not all(isinstance(cols, Mapping) and all(isinstance(t, str) for t in cols.values())
               for cols in schema.values()):
        return schema
    # a quoted part stays quoted: sqlglot folds a bare key as a name written unquoted ("Customers" is not customers)
    parts = {key: [exp.to_identifier(p.name, quoted=True).sql(dialect=dialect) if p.args.get("quoted") else p.name
                   for p in exp.to_table(key, dialect=dialect).parts] for key in schema}
    depth = max((len(p) for p in parts.values()), default=1)
    if depth == 1:
        return schema
    nested: dict[str, Any] = {}
    for key, names in parts.items():
        if len(names) < depth:
            prefixes = Counter(tuple(p[: depth - len(names)]) for p in parts.values() if len(p) == depth)
            names = [*prefixes.most_common(1)[0][0], *names]
        level = nested
        for name in names[:-1]:
            level = level.setdefault(name, {})
        level[names[-1]] = dict(schema[key])
    return nested


def _base_columns(scope: Any, column: exp.Column, depth: int = 0) -> list[tuple[str, str]]:
    """The table columns ``column`` of ``scope`` reads: itself for a table's column; through a CTE or a derived
    table, the columns its projection of that name reads. An unqualified column is placed only where SQL leaves
    no doubt: a scope reading one relation that is no subquery (a subquery's could be an outer query's column)."""
    from sqlglot.optimizer.scope import Scope

    alias = column.table
    if not alias:
        selected = list(scope.selected_sources)
        if len(selected) != 1 or scope.is_subquery or scope.is_udtf:
            return []
        alias = selected[0]
    source = scope.sources.get(alias)
    if isinstance(source, exp.Table):
        return [(_table_name(source), column.name)]
    if not isinstance(source, Scope) or not isinstance(source.expression, exp.Select) or depth > 32:
        return []
    projection = next((p for p in source.expression.selects if p.alias_or_name == column.name), None)
    if projection is None:
        return []
    return [base for inner in projection.find_all(exp.Column)
            if inner.find_ancestor(exp.Select) is source.expression  # a nested subquery's are its own scope's
            for base in _base_columns(source, inner, depth + 1)]


def _indirect(parsed: exp.Expr, schema: Mapping[str, Any], dialect: str) -> tuple[ColumnSource, ...]:
    from sqlglot.optimizer.qualify import qualify
    from sqlglot.optimizer.scope import traverse_scope

    tree = qualify(parsed.copy(), schema={t: dict(c) for t, c in schema.items()}, dialect=dialect,
                   validate_qualify_columns=False)
    out: list[ColumnSource] = []
    for scope in traverse_scope(tree):
        select = scope.expression
        if not isinstance(select, exp.Select):
            continue
        parts: list[tuple[str, exp.Expr | None]] = [
            ("FILTER", select.args.get("where")), ("FILTER", select.args.get("having")),
            ("GROUP_BY", select.args.get("group")), ("SORT", select.args.get("order")),
        ]
        parts += [("JOIN", j.args.get("on")) for j in select.args.get("joins") or []]
        for window in select.find_all(exp.Window):
            parts += [("WINDOW", p) for p in window.args.get("partition_by") or []]
            parts.append(("WINDOW", window.args.get("order")))
        projections = {p.alias_or_name: p for p in select.selects}
        for subtype, part in parts:
            if part is None:
                continue
            columns: list[exp.Column] = []
            for column in part.find_all(exp.Column):
                if column.find_ancestor(exp.Select) is not select:  # a subquery's: traced in its own scope
                    continue
                if not column.table and column.name in projections:  # ORDER BY an output alias
                    columns.extend(c for c in projections[column.name].find_all(exp.Column)
                                   if c.find_ancestor(exp.Select) is select)
                else:
                    columns.append(column)
            for column in columns:
                for table, name in _base_columns(scope, column):
                    item = ColumnSource(table, name, subtype)
                    if item not in out:
                        out.append(item)
    return tuple(out)


def output_names(tree: exp.Expr) -> list[str]:
    """The output columns of a parsed query, in order: its (first) select list's names; none for another statement.

    >>> import sqlglot
    >>> output_names(sqlglot.parse_one("SELECT a, upper(b) AS u FROM t UNION ALL SELECT c, d FROM s"))
    ['a', 'u']
    """
    first = tree
    while isinstance(first, exp.SetOperation):
        first = first.this
    return [p.alias_or_name for p in first.selects] if isinstance(first, exp.Select) else []


def _resolved(tree: exp.Expr, schema: Mapping[str, Any], relations: Mapping[str, str]) -> Mapping[str, Any]:
    """Rename each table of ``tree`` the rewrite resolved (``relations``: its lower-case spelling -> its one name,
    ``catalog.schema.table``) to that name, in place, keeping the spelling as its alias so the query's column
    references still hold; and ``schema``'s keys likewise. A table read through the search path is then its schema's
    table, never a namesake of another schema the query also reads (``a.customers`` and ``customers``).

    >>> import sqlglot
    >>> tree = sqlglot.parse_one("SELECT customers.email FROM customers JOIN a.customers AS x ON true")
    >>> _resolved(tree, {"customers": {"email": "text"}}, {"customers": "m.b.customers", "a.customers": "m.a.customers"})
    {'m.b.customers': {'email': 'text'}}
    >>> tree.sql()
    'SELECT customers.email FROM m.b.customers AS customers JOIN m.a.customers AS x ON TRUE'
    """
    from maskline.rewrite.table_names import dotted, name_parts
    from maskline.rewrite.trace import table_key

    for table in list(tree.find_all(exp.Table)):
        name = relations.get(table_key(table))  # "Customers" is not customers (PostgreSQL keeps a quoted name's case)
        if name is None or not table.name:
            continue
        if not table.alias:
            table.set("alias", exp.TableAlias(this=table.this.copy()))  # quoted as written: its case kept
        renamed = exp.to_table(name)
        for part in ("catalog", "db", "this"):
            table.set(part, renamed.args.get(part))
    # a schema key as the rewrite keys its relations, so "Customers" keeps its case and Customers is customers
    return {relations.get(dotted(name_parts(key)), key): columns for key, columns in schema.items()}


def query_lineage(sql: str, schema: Mapping[str, Any], dialect: str,
                  relations: Mapping[str, str] | None = None) -> QueryLineage:
    """Direct inputs of every output column of ``sql``, and the indirect inputs of its result.

    ``schema`` maps a table's name to ``{column: type}``, or nests its parts (``{db: {schema: {table: {...}}}}``)
    for a table the query names with them, as sqlglot's ``MappingSchema`` reads it. ``relations`` (a rewrite's
    :attr:`~maskline.rewrite.api.Rewritten.relations`) names each table by the one name the rewrite resolved it to.

    >>> lin = query_lineage("SELECT c.id, upper(c.email) AS e, min(o.amount) AS m FROM c JOIN o ON o.cid = c.id "
    ...                     "GROUP BY 1, 2", {"c": {"id": "int", "email": "text"}, "o": {"cid": "int", "amount": "int"}},
    ...                     "postgres")
    >>> [(s.column, s.subtype) for name in ("id", "e", "m") for s in lin.direct[name]]
    [('id', 'IDENTITY'), ('email', 'TRANSFORMATION'), ('amount', 'AGGREGATION')]
    >>> sorted({(s.table, s.column, s.subtype) for s in lin.indirect})
    [('c', 'email', 'GROUP_BY'), ('c', 'id', 'GROUP_BY'), ('c', 'id', 'JOIN'), ('o', 'cid', 'JOIN')]

    A built-in called through its pinned name (``system.main.trim(x)``, as maskline prints DuckDB's built-ins) is
    the call it names, its inputs its arguments (:func:`~openlineage_ext.pinned_calls.unpin_calls`):

    >>> lin = query_lineage('SELECT system.main.trim(c.email) AS e, system.main.count(c.id) AS n FROM c '
    ...                     "WHERE system.main.length(c.plan) > 3", {}, "duckdb")
    >>> [(s.column, s.subtype) for name in ("e", "n") for s in lin.direct[name]], lin.indirect[0].column
    ([('email', 'TRANSFORMATION'), ('id', 'AGGREGATION')], 'plan')
    """
    import sqlglot

    from openlineage_ext.pinned_calls import unpin_calls

    tree = unpin_calls(sqlglot.parse_one(sql, read=dialect), dialect)
    if relations:  # each table as the rewrite resolved it: its sources are then named by that one name
        schema = _resolved(tree, schema, relations)
    schema = nested_schema(schema, dialect)
    names = output_names(tree)
    direct = {name: _direct(name, tree, schema, dialect) for name in names}
    return QueryLineage(direct, _indirect(tree, schema, dialect))
