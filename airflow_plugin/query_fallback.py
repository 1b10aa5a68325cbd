"""Masking a user's query until the full rewrite (``maskline.rewrite``) is installed: the safe subset.

Accepted: one ``SELECT`` of plain columns (or ``*``) from ONE table that the
policy declares under ``datasets:``, with optional ``WHERE`` on unmasked
columns, ``ORDER BY`` and ``LIMIT``. Everything else (joins, CTEs, subqueries,
set operations, functions, aggregates, filters on masked columns, tables the
policy does not describe) is refused with :class:`~maskline.errors.RewriteRefused`,
because without lineage analysis its output cannot be proven masked.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from maskline.dialects import Dialect, KeyMode
from maskline.errors import RewriteRefused
from maskline.plan import ColumnPlan, Plan, build_plan
from maskline.policy import Policy
from maskline.sql.compile import compile_select

REFUSED_NODES: tuple[tuple[type[exp.Expression], str], ...] = (
    (exp.With, "WITH (CTEs)"),
    (exp.Join, "JOIN"),
    (exp.Subquery, "subqueries"),
    (exp.SetOperation, "UNION/INTERSECT/EXCEPT"),
    (exp.Lateral, "LATERAL"),
    (exp.Unnest, "UNNEST"),
    (exp.Group, "GROUP BY"),
    (exp.Having, "HAVING"),
    (exp.Window, "window functions"),
    (exp.Into, "SELECT ... INTO"),
)


def _refuse(what: str, sql_where: str = "sql") -> RewriteRefused:
    return RewriteRefused(f"{what} cannot be masked without the query rewrite", where=sql_where,
                          fix="select plain columns from one table declared in the policy, "
                              "or install maskline's query rewrite (maskline.rewrite)")


def fallback_select(sql: str, policy: Policy, dialect: Dialect,
                    columns_of: Callable[[str], list[tuple[str, str]]]) -> tuple[exp.Select, Plan, str]:
    """The masked ``SELECT`` for a simple query, its output plan, and its source table.

    >>> from maskline.policy import load_policy
    >>> from maskline.dialects import get_dialect
    >>> pol = load_policy({"datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> sel, plan, table = fallback_select("SELECT id, email AS e FROM c", pol, get_dialect("duckdb"),
    ...                                    lambda t: [("id", "integer"), ("email", "varchar")])
    >>> [c.name for c in plan.masked], table
    (['e'], 'c')
    >>> fallback_select("SELECT upper(email) FROM c", pol, get_dialect("duckdb"), lambda t: [("email", "text")])
    Traceback (most recent call last):
    ...
    maskline.errors.RewriteRefused: the function or expression UPPER(email) cannot be masked without the query rewrite (at sql). Fix: select plain columns from one table declared in the policy, or install maskline's query rewrite (maskline.rewrite)
    """
    import sqlglot
    from sqlglot.errors import ParseError

    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect.sqlglot_name) if s is not None]
    except ParseError:
        raise RewriteRefused("the query does not parse", where=f"sql ({dialect.name})",
                             fix="check the SQL syntax for this connection's dialect") from None
    if len(statements) != 1:
        raise _refuse(f"{len(statements)} statements")
    tree = statements[0]
    if not isinstance(tree, exp.Select):
        raise _refuse(f"a {tree.key.upper()} statement (only SELECT is allowed)")
    if tree.args.get("into"):
        raise _refuse("SELECT ... INTO")
    for node_type, label in REFUSED_NODES:
        if tree.find(node_type):
            raise _refuse(label)
    tables = list(tree.find_all(exp.Table))
    if len(tables) != 1:
        raise _refuse("a query over no table or several tables")
    source = tables[0]
    table_name = ".".join(p.name for p in source.parts)
    if policy.dataset(table_name) is None:
        raise RewriteRefused(f"table {table_name!r} is not declared in the policy", where="sql",
                             fix=f"add it under datasets: in {policy.source}, or install maskline's query rewrite")
    columns = columns_of(table_name)
    if not columns:
        raise RewriteRefused(f"table {table_name!r} not found", where="sql", fix="check the table name")
    plan = build_plan(policy, table_name, columns)
    full = compile_select(plan, source.copy(), dialect, key_mode=KeyMode.SESSION)
    by_name = {c.name.lower(): (c, p) for c, p in zip(plan.columns, full.expressions, strict=True)}

    masked_names = {c.name.lower() for c in plan.masked}
    for clause in ("where",):
        node = tree.args.get(clause)
        if node is not None and any(col.name.lower() in masked_names for col in node.find_all(exp.Column)):
            raise _refuse("a filter on a masked column (its literal would reach query history)")

    projections: list[exp.Expr] = []
    out_columns: list[ColumnPlan] = []
    for projection in tree.expressions:
        if isinstance(projection, exp.Star):
            for c, p in zip(plan.columns, full.expressions, strict=True):
                projections.append(p.copy())
                out_columns.append(c)
            continue
        inner = projection.this if isinstance(projection, exp.Alias) else projection
        if isinstance(inner, exp.Column) and isinstance(inner.this, exp.Star):
            for c, p in zip(plan.columns, full.expressions, strict=True):
                projections.append(p.copy())
                out_columns.append(c)
            continue
        if not isinstance(inner, exp.Column):
            raise _refuse(f"the function or expression {inner.sql(dialect.sqlglot_name)}")
        if inner.name.lower() not in by_name:
            raise RewriteRefused(f"column {inner.name!r} is not in table {table_name!r}", where="sql",
                                 fix="check the column name")
        c, p = by_name[inner.name.lower()]
        out_name = projection.alias_or_name
        expression: exp.Expression = p.this if isinstance(p, exp.Alias) else p
        projections.append(exp.alias_(expression.copy(), exp.to_identifier(out_name, quoted=True)))
        out_columns.append(ColumnPlan(out_name, c.info_type, c.category, c.method, c.rule, c.source_type,
                                      c.confidence))
    select = exp.select(*projections).from_(source.copy())
    for clause in ("where", "order", "limit", "offset", "distinct"):
        if tree.args.get(clause) is not None:
            select.set(clause, tree.args[clause].copy())
    return select, Plan(table_name, tuple(out_columns), plan.policy_hash, plan.policy_source), table_name
