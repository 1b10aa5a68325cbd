"""Compile a plan, or one method, to a sqlglot expression in any supported dialect.

>>> from maskline.methods.registry import method_spec
>>> from sqlglot import exp
>>> e = mask_expression(exp.column("ssn"), method_spec("partial", {"keep_last": 4}), "postgres")
>>> e.sql("postgres")[:60]
'CASE WHEN ssn IS NULL THEN NULL ELSE CASE WHEN LENGTH(CAST(s'
"""

from __future__ import annotations

from sqlglot import exp

from maskline.dialects import Dialect, KeyMode, KeyRefs
from maskline.keys import KeyMaterial
from maskline.methods.base import MaskContext, MethodSpec
from maskline.methods.registry import METHODS
from maskline.plan import ColumnPlan, Plan


def _dialect(d: str | Dialect) -> Dialect:
    if isinstance(d, Dialect):
        return d
    from maskline.adapters import engine  # every other name of an engine is its adapter's

    return engine(d, where="dialect").dialect()


def mask_expression(
    column: exp.Expression,
    spec: MethodSpec,
    dialect: str | Dialect,
    *,
    info_type: str | None = None,
    source_type: str | None = None,
    key_mode: KeyMode = KeyMode.SESSION,
    key: KeyMaterial | None = None,
) -> exp.Expression:
    """The expression that masks ``column`` with ``spec`` in ``dialect``.

    One method, one definition: the same expression is written in each engine's SQL.

    >>> from sqlglot import exp
    >>> from maskline.policy import load_policy
    >>> spec = load_policy({}).method_for("PHONE")
    >>> spec.name, spec.params.keep_last
    ('partial', 2)
    >>> mask_expression(exp.column("phone"), spec, "postgres").sql("postgres")[:60]
    'CASE WHEN phone IS NULL THEN NULL ELSE CASE WHEN LENGTH(CAST'
    >>> "CAST(phone AS VARCHAR)" in mask_expression(exp.column("phone"), spec, "snowflake").sql("snowflake")
    True
    """
    d = _dialect(dialect)
    ctx = MaskContext(d, KeyRefs(d, key_mode, key), info_type, source_type, spec.derivation)
    method = METHODS[spec.name]
    masked = method.build(column, spec.params, ctx)
    if method.keeps_null(spec.params):
        return masked
    # One guarantee for every method and engine: NULL stays NULL. (GREATEST and
    # CONCAT treat NULL differently across engines, so builders do not rely on it.)
    return exp.Case(ifs=[exp.If(this=exp.Is(this=column.copy(), expression=exp.Null()), true=exp.Null())],
                    default=masked)


def compile_select(
    plan: Plan,
    source: str | exp.Expression,
    dialect: str | Dialect,
    *,
    key_mode: KeyMode = KeyMode.SESSION,
    key: KeyMaterial | None = None,
) -> exp.Select:
    """``SELECT <masked columns> FROM source``, keeping every column's name and order.

    >>> from maskline.policy import load_policy
    >>> from maskline.plan import build_plan
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"e": {"info_type": "EMAIL"}}}}})
    >>> compile_select(build_plan(pol, "t", [("id", None), ("e", "text")]), "t", "duckdb").sql("duckdb")[:20]
    'SELECT id, CASE WHEN'
    """
    d = _dialect(dialect)
    src = exp.to_table(source, dialect=d.sqlglot_name) if isinstance(source, str) else source
    projections: list[exp.Expr] = []
    for c in plan.columns:
        col = exp.column(exp.to_identifier(c.name, quoted=not c.name.isidentifier() or c.name.lower() != c.name))
        if c.method is None:
            projections.append(col if c.shape is None else _shape_held(col, c, d))
        else:
            masked = mask_expression(col, c.method, d, info_type=c.info_type, source_type=c.source_type,
                                     key_mode=key_mode, key=key)
            # copy=False: the masked expression was just built for this projection; a fake's (three draws of
            # word lists) is thousands of nodes, and copying it again was a fifth of a rewrite's time.
            projections.append(exp.alias_(masked, exp.to_identifier(c.name, quoted=True), copy=False))
    return exp.select(*projections).from_(src, copy=False)  # the select is ours: no copy of it either

def _shape_held(col: exp.Column, c: ColumnPlan, d: Dialect) -> exp.Expr:
    """A column the classifier passed for its values' shape, as :func:`maskline.sql.shape_guard.shape_held` keeps
    it: its values of that shape, the others redacted (its name kept)."""
    from maskline.sql.shape_guard import shape_redacted

    held = shape_redacted(col, c.shape, c.source_type, d)
    return col if held is col else exp.alias_(held, exp.to_identifier(c.name, quoted=True), copy=False)


def to_sql(expression: exp.Expression, dialect: str | Dialect, pretty: bool = False, *, copy: bool = True) -> str:
    """Render an expression for ``dialect``.

    sqlglot's generator may change the tree it prints (its dialect transforms), so it prints a copy by default.
    ``copy=False`` spares that copy for a tree nobody reads afterwards: a rewritten query's masked relations are
    tens of thousands of nodes, and the copy cost as much as the printing.

    >>> to_sql(exp.column("x"), "bigquery")
    'x'
    >>> to_sql(exp.column("x"), "bigquery", copy=False)
    'x'
    """
    return expression.sql(dialect=_dialect(dialect).sqlglot_name, pretty=pretty, copy=copy)
