"""``rewrite()``: turn any read-only SELECT into one whose outputs are masked where they derive from PII.

The query is parsed in its dialect, refused if it is not one read-only SELECT
(:mod:`~maskline.rewrite.refusals`), qualified against the schema (``*`` and
``t.*`` expanded, ``USING`` and ``NATURAL`` joins resolved), traced column by
column (:mod:`~maskline.rewrite.trace`), its literal filters handled
(:mod:`~maskline.rewrite.filters`) and its outputs masked
(:mod:`~maskline.rewrite.outputs`). Which columns are sensitive, and with
which method, comes from :func:`maskline.plan.build_plan` for each table: the
same decision as masking the table itself.

Keyed methods refer to the key through session variables by default
(``KeyMode.SESSION``): run :func:`maskline.sql.session.apply_key_setup` on the
connection before executing the rewritten SQL.

>>> from maskline.policy import load_policy
>>> pol = load_policy({"datasets": {"customers": {"columns": {"email": {"info_type": "EMAIL"}}}}})
>>> r = rewrite("SELECT id, upper(email) AS contact FROM customers", pol, "duckdb",
...             schema={"customers": {"id": "integer", "email": "varchar"}})
>>> r.masked_columns
('contact',)
>>> [(c.name, c.sources, c.treatment) for c in r.lineage]
[('id', ('customers.id',), 'raw'), ('contact', ('customers.email',), 'masked')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp
from sqlglot.errors import OptimizeError, SqlglotError
from sqlglot.optimizer.qualify import qualify
from sqlglot.optimizer.scope import build_scope

from maskline.classify.result import Classification
from maskline.dialects import Dialect, KeyMode, get_dialect
from maskline.errors import RewriteRefused
from maskline.keys import KeyMaterial, resolve_key
from maskline.methods.base import MethodSpec
from maskline.methods.registry import METHODS
from maskline.plan import ColumnPlan, Plan, build_plan
from maskline.policy import Policy
from maskline.rewrite.filters import LiteralFilter
from maskline.rewrite.outputs import OutputLineage, OutputMasker
from maskline.rewrite.refusals import base_tables, parse_select, refuse_unknown_tables, refuse_unsafe_parts
from maskline.rewrite.schema_source import Schema, columns_for, find_table, read_schema, sqlglot_schema
from maskline.rewrite.trace import Origin, Tracer, table_key
from maskline.sql.compile import mask_expression, to_sql


@dataclass(frozen=True)
class Rewritten:
    """A rewritten query: its SQL, the output columns that were masked, and every output's lineage."""

    sql: str
    masked_columns: tuple[str, ...]
    lineage: tuple[OutputLineage, ...]
    dialect: str = ""
    tables: tuple[str, ...] = ()  # schema names of the base tables read
    keyed: bool = False  # whether executing it needs the key in the session (apply_key_setup)
    tokenized_filters: int = 0
    plans: Mapping[str, Plan] = field(default_factory=dict, repr=False, compare=False)

    def explain(self) -> str:
        """One line per output column: its sources and what the rewrite did.

        >>> Rewritten("SELECT 1", (), (OutputLineage("n", ("t.id",), (), "raw"),)).explain()
        'n <- t.id: raw'
        """
        lines = []
        for c in self.lineage:
            sources = ", ".join(c.sources) or "(no column)"
            how = c.treatment + (f" with {c.method}" if c.method else "")
            if c.sensitive_sources:
                how += f" (sensitive: {', '.join(c.sensitive_sources)})"
            lines.append(f"{c.name} <- {sources}: {how}")
        return "\n".join(lines)


def _schema_for(tree: exp.Expr, tables: list[exp.Table], schema: Schema | None, connection: Any) -> Schema:
    if schema is None and connection is None:
        raise RewriteRefused("no schema to trace the query's columns", where="rewrite(schema=..., connection=...)",
                             fix="pass schema={table: {column: type}} or a connection to read it from")
    merged: dict[str, Mapping[str, str]] = dict(schema or {})
    missing = [t for t in tables if find_table(t, list(merged)) is None]
    if connection is not None and missing:
        try:
            merged.update(read_schema(connection, missing))
        except Exception as e:  # the driver's own error; it names tables, never values
            raise RewriteRefused(f"cannot read the tables' columns from the connection ({type(e).__name__})",
                                 where="rewrite(connection=...)",
                                 fix="pass schema={table: {column: type}} instead") from None
    return merged


def rewrite(
    sql: str,
    policy: Policy,
    dialect: str | Dialect,
    *,
    schema: Schema | None = None,
    connection: Any = None,
    classification: Mapping[str, Classification] | None = None,
    identities: Sequence[str] = (),
    key: KeyMaterial | None = None,
    key_mode: KeyMode = KeyMode.SESSION,
) -> Rewritten:
    """Rewrite ``sql`` so that no output reveals a sensitive source column, or raise ``RewriteRefused``.

    ``schema`` maps table names to ``{column: type}``; tables it lacks are read
    from ``connection`` (DuckDB or DB-API) when one is given. ``classification``
    maps table names to a :class:`~maskline.classify.result.Classification`.
    ``key`` is needed only to tokenize filter literals (resolved from the
    policy's key reference when omitted); it never appears in the SQL in
    ``KeyMode.SESSION``.
    """
    d = dialect if isinstance(dialect, Dialect) else get_dialect(dialect)
    read = d.sqlglot_name or None
    tree = parse_select(sql, d.sqlglot_name)
    refuse_unsafe_parts(tree)
    tables = base_tables(tree)
    full_schema = _schema_for(tree, tables, schema, connection)
    refuse_unknown_tables(tables, list(full_schema))
    try:
        qualified = qualify(tree, dialect=read, schema=sqlglot_schema(tables, full_schema), identify=False,
                            validate_qualify_columns=True)
    except OptimizeError as e:
        raise RewriteRefused(f"cannot resolve the query's columns: {_safe_message(e)}", where="query",
                             fix="check column names against the schema") from None
    except SqlglotError as e:
        raise RewriteRefused(f"cannot analyse the query: {type(e).__name__}", where="query",
                             fix="simplify the query") from None
    root = build_scope(qualified)
    if root is None:
        raise RewriteRefused("cannot build the query's scopes", where="query", fix="use a plain SELECT")

    plans: dict[str, Plan] = {}
    by_written: dict[str, dict[str, ColumnPlan]] = {}
    for table in qualified.find_all(exp.Table):
        if isinstance(table.this, exp.Func) or not table.name:
            continue
        written = table_key(table)
        if written in by_written:
            continue
        try:
            name, cols = columns_for(table, full_schema)
        except Exception:
            continue  # a CTE reference
        if name not in plans:
            cls = (classification or {}).get(name)
            plans[name] = build_plan(policy, name, cols, cls, identities)
        by_written[written] = {c.name.lower(): c for c in plans[name].columns}

    def plan_of(o: Origin) -> ColumnPlan | None:
        return by_written.get(o.table, {}).get(o.column.lower())

    def method_of(o: Origin) -> MethodSpec | None:
        p = plan_of(o)
        return p.method if p else None

    tracer = Tracer(root, lambda t, c: method_of(Origin(t, c, "value")) is not None, policy.rewrite.safe_functions,
                    lambda t, c: (p.source_type if (p := plan_of(Origin(t, c, "value"))) else None))
    for scope in root.traverse():  # every clause, not only the outputs: refusals apply anywhere
        for node in scope.expression.iter_expressions():
            if not isinstance(node, (exp.Table, exp.From, exp.With)) and node.find(exp.Column, exp.Func):
                _check(tracer, node, scope)

    def masked(e: exp.Expr, spec: MethodSpec, info_type: str | None, source_type: str | None) -> exp.Expr:
        # sqlglot 30 types a Func as an Expr, not an Expression; mask_expression accepts both at run time
        return mask_expression(e, spec, d, info_type=info_type,  # type: ignore[arg-type]
                               source_type=source_type, key_mode=key_mode, key=key)

    resolved: list[KeyMaterial] = []

    def the_key() -> KeyMaterial:
        if key is not None:
            return key
        if not resolved:
            resolved.append(resolve_key(policy.key))
        return resolved[0]

    def masked_side(e: exp.Expr, spec: MethodSpec, o: Origin, bare: bool) -> exp.Expr:
        p = plan_of(o)
        return masked(e, spec, p.info_type if p else None, p.source_type if (p and bare) else None)

    filters = LiteralFilter(tracer, policy.rewrite.filter_literals, method_of, masked_side, the_key, d)
    tokenized = filters.apply(root)
    tracer.reset()
    masker = OutputMasker(tracer, d, method_of, lambda o: (p.info_type if (p := plan_of(o)) else None),
                          lambda o: (p.source_type if (p := plan_of(o)) else None), masked)
    lineage = masker.apply(root)
    used = {m.strip().split("(")[0] for c in lineage if c.method for m in c.method.split(",")}
    keyed = tokenized > 0 or any(METHODS[m].keyed for m in used if m in METHODS)
    sql_text = to_sql(qualified, d)  # type: ignore[arg-type]
    return Rewritten(
        sql=sql_text, masked_columns=tuple(c.name for c in lineage if c.masked),
        lineage=tuple(lineage), dialect=d.name, tables=tuple(sorted(plans)), keyed=keyed,
        tokenized_filters=tokenized, plans=plans)


def _check(tracer: Tracer, node: exp.Expr, scope: Any) -> None:
    if isinstance(node, (exp.Subquery, exp.Select, exp.SetOperation)) and id(
            node.unnest() if isinstance(node, exp.Subquery) else node) in tracer.scopes:
        return  # a child scope is checked on its own
    tracer.origins(node, scope)


def _safe_message(e: Exception) -> str:
    # sqlglot's messages name columns and tables, never literal values; keep the first line only.
    return str(e).splitlines()[0][:200]
