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
from sqlglot.optimizer.scope import Scope, build_scope

from maskline.classify.result import Classification
from maskline.dialects import Dialect, KeyMode, get_dialect
from maskline.errors import RewriteRefused
from maskline.keys import KeyMaterial, resolve_key
from maskline.methods.base import MethodSpec
from maskline.methods.registry import METHODS
from maskline.plan import Plan
from maskline.policy import Policy
from maskline.rewrite.filters import LiteralFilter
from maskline.rewrite.outputs import OutputLineage, OutputMasker
from maskline.rewrite.refusals import base_tables, parse_select, refuse_unknown_tables, refuse_unsafe_parts
from maskline.rewrite.schema_source import Schema, default_db, find_table, read_schema, sqlglot_schema
from maskline.rewrite.sensitivity import Sensitivity
from maskline.rewrite.trace import Origin, Tracer
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


def _schema_for(tables: list[exp.Table], schema: Schema | None, connection: Any) -> Schema:
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
    full_schema = _schema_for(tables, schema, connection)
    refuse_unknown_tables(tables, list(full_schema))
    db = default_db(tables)
    try:
        qualified = qualify(tree, dialect=read, db=db, schema=sqlglot_schema(tables, full_schema, db),
                            identify=False, validate_qualify_columns=True)
    except OptimizeError as e:
        raise RewriteRefused(f"cannot resolve the query's columns: {_safe_message(e)}", where="query",
                             fix="check column names against the schema") from None
    except SqlglotError as e:
        raise RewriteRefused(f"cannot analyse the query: {type(e).__name__}", where="query",
                             fix="simplify the query") from None
    root = build_scope(qualified)
    if root is None:
        raise RewriteRefused("cannot build the query's scopes", where="query", fix="use a plain SELECT")

    sensitivity = Sensitivity.for_query(qualified, full_schema, policy, classification, identities)
    tracer = Tracer(root, sensitivity.is_sensitive, policy.rewrite.safe_functions, sensitivity.column_type)
    _check_every_clause(tracer, root)
    masks = _Masks(d, policy, sensitivity, key, key_mode)
    tokenized = LiteralFilter(tracer, policy.rewrite.filter_literals, sensitivity, masks.side, masks.key).apply(root)
    if tokenized:
        tracer.reset()  # the filters edited the tree; otherwise what they traced still holds for the outputs
    masker = OutputMasker(tracer, d, sensitivity, masks.output)
    lineage = masker.apply(root)
    keyed = tokenized > 0 or any(METHODS[name].keyed for name in masker.methods_used)
    sql_text = to_sql(qualified, d)  # type: ignore[arg-type]
    return Rewritten(
        sql=sql_text, masked_columns=tuple(c.name for c in lineage if c.masked),
        lineage=tuple(lineage), dialect=d.name, tables=tuple(sorted(sensitivity.plans)), keyed=keyed,
        tokenized_filters=tokenized, plans=sensitivity.plans)


class _Masks:
    """Builds masking expressions for one rewrite, and resolves the key only if a filter literal needs it."""

    def __init__(self, dialect: Dialect, policy: Policy, sensitivity: Sensitivity, key: KeyMaterial | None,
                 key_mode: KeyMode) -> None:
        self.dialect = dialect
        self.policy = policy
        self.sensitivity = sensitivity
        self._key = key
        self.key_mode = key_mode

    def output(self, e: exp.Expr, spec: MethodSpec, info_type: str | None, source_type: str | None) -> exp.Expr:
        # sqlglot 30 types a Func as an Expr, not an Expression; mask_expression accepts both at run time
        return mask_expression(e, spec, self.dialect, info_type=info_type,  # type: ignore[arg-type]
                               source_type=source_type, key_mode=self.key_mode, key=self._key)

    def side(self, e: exp.Expr, spec: MethodSpec, o: Origin, bare: bool) -> exp.Expr:
        """The masked side of a tokenized comparison (its source type only for a bare column)."""
        return self.output(e, spec, self.sensitivity.info_type_of(o), self.sensitivity.type_of(o) if bare else None)

    def key(self) -> KeyMaterial:
        if self._key is None:
            self._key = resolve_key(self.policy.key)
        return self._key


def _check_every_clause(tracer: Tracer, root: Scope) -> None:
    """Trace every clause of every scope, not only the outputs: refusals apply anywhere (WHERE, JOIN, ORDER BY)."""
    for scope in root.traverse():
        for node in scope.expression.iter_expressions():
            if isinstance(node, (exp.Table, exp.From, exp.With)) or not node.find(exp.Column, exp.Func):
                continue
            inner = node.unnest() if isinstance(node, exp.Subquery) else node
            if isinstance(inner, (exp.Select, exp.SetOperation)) and id(inner) in tracer.scopes:
                continue  # a child scope is checked on its own
            tracer.origins(node, scope)


def _safe_message(e: Exception) -> str:
    # sqlglot's messages name columns and tables, never literal values; keep the first line only.
    return str(e).splitlines()[0][:200]
