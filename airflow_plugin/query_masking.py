"""Turn a user's query into a masked query for one warehouse: the rewrite when installed, else the safe subset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlglot import exp

from maskline.plan import ColumnPlan, Plan, build_plan
from maskline.policy import Policy


@dataclass(frozen=True)
class MaskedQuery:
    """The masked ``SELECT``, the plan of its output columns, the source tables and whether it needs the key."""

    select: exp.Expression
    plan: Plan
    sources: tuple[str, ...]
    keyed: bool
    rewriter: str  # "rewrite" or "fallback", for the task log


def _rewrite_function() -> Any:
    try:
        from maskline.rewrite import rewrite
    except ImportError:
        return None
    return rewrite


def _source_tables(sql: str, dialect: str) -> list[str]:
    import sqlglot

    tree = sqlglot.parse_one(sql, read=dialect)
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    names: list[str] = []
    for t in tree.find_all(exp.Table):
        name = ".".join(p.name for p in t.parts)
        if name.lower() not in ctes and name not in names:
            names.append(name)
    return names


def _method_of(value: Any) -> Any:
    from maskline.methods.base import MethodSpec
    from maskline.methods.registry import method_spec

    if isinstance(value, MethodSpec):
        return value
    inner = getattr(value, "method", None)
    if isinstance(inner, MethodSpec):
        return inner
    name = inner if isinstance(inner, str) else value if isinstance(value, str) else None
    return method_spec(name) if name else method_spec("redact")


def _plan_from_rewrite(result: Any, table: str, policy: Policy) -> Plan:
    masked = getattr(result, "masked_columns", {}) or {}
    items = masked.items() if isinstance(masked, dict) else ((getattr(m, "name", m), m) for m in masked)
    columns = tuple(
        ColumnPlan(str(name), getattr(v, "info_type", None), getattr(v, "category", None), _method_of(v), "rewrite")
        for name, v in items
    )
    return Plan(table, columns, policy.fingerprint(), policy.source)


def mask_query(sql: str, policy: Policy, warehouse: Any) -> MaskedQuery:
    """The masked form of ``sql`` for ``warehouse``; refuses (``RewriteRefused``) what cannot be proven masked.

    >>> import duckdb
    >>> from maskline.policy import load_policy
    >>> from airflow_plugin.warehouse import Warehouse, dialect_named
    >>> w = Warehouse(duckdb.connect(), dialect_named("duckdb"))
    >>> _ = w.execute("CREATE TABLE c (id INT, email TEXT)")
    >>> q = mask_query("SELECT email FROM c", load_policy({"datasets": {"c": {"columns": {"email": {"info_type": "EMAIL"}}}}}), w)
    >>> q.sources, [c.name for c in q.plan.masked]
    (('c',), ['email'])
    """
    import sqlglot

    rewrite = _rewrite_function()
    dialect = warehouse.dialect
    if rewrite is None:
        from airflow_plugin.query_fallback import fallback_select

        select, plan, table = fallback_select(sql, policy, dialect, warehouse.columns)
        return MaskedQuery(select, plan, (table,), plan.keyed, "fallback")
    sources = _source_tables(sql, dialect.sqlglot_name)
    schema = {t: dict(warehouse.columns(t)) for t in sources}
    keyed = any(build_plan(policy, t, list(cols.items())).keyed for t, cols in schema.items() if cols)
    result = rewrite(sql, policy, dialect.name, schema=schema)
    select = sqlglot.parse_one(result.sql, read=dialect.sqlglot_name)
    plan = _plan_from_rewrite(result, sources[0] if sources else "query", policy)
    return MaskedQuery(select, plan, tuple(sources), keyed, "rewrite")
