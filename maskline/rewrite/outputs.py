"""The lineage of a query's outputs: which base columns each derives from, and whether they were masked.

Masking itself happens below the query (:mod:`maskline.rewrite.substitute`):
every output is computed from masked relations. This module only reports,
for ``--explain`` and lineage, what each output was computed from:

* ``masked``: from a sensitive column's masked values, directly or transformed;
* ``safe aggregate``: only counts of a sensitive column's (masked) values;
* ``raw``: from columns nothing masks;
* ``untraced``: the tracer could not follow it (a whole-row reference, say);
  what it read was masked all the same.

>>> OutputLineage("e", ("t.email",), ("t.email",), "masked", "email").masked
True
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlglot import exp
from sqlglot.optimizer.scope import Scope

from maskline.errors import RewriteRefused
from maskline.rewrite.sensitivity import Sensitivity
from maskline.rewrite.trace import LITERAL, SAFE, Origin, Tracer, leaf_selects


@dataclass(frozen=True)
class OutputLineage:
    """Where one output column comes from and what the rewrite did to it."""

    name: str
    sources: tuple[str, ...]  # every base column, "relation.column", the relation as Rewritten.plans keys it
    sensitive_sources: tuple[str, ...]
    treatment: str  # "raw", "masked", "safe aggregate" (a count of masked values) or "untraced"
    method: str | None = None  # the method applied, as the policy would write it

    @property
    def masked(self) -> bool:
        return self.treatment in ("masked", "untraced")


def output_lineage(tracer: Tracer, root: Scope, sensitivity: Sensitivity) -> list[OutputLineage]:
    """One :class:`OutputLineage` per output column of the root query (all branches of a set operation).

    >>> import sqlglot; from sqlglot.optimizer.scope import build_scope; from maskline import build_plan, load_policy
    >>> pol = load_policy({"unclassified": "pass", "datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}})
    >>> plan = build_plan(pol, "t", [("id", "int"), ("email", "text")])
    >>> s = Sensitivity({"t": plan}, {"t": {c.name: c for c in plan.columns}})
    >>> root = build_scope(sqlglot.parse_one("SELECT t.id, upper(t.email) AS e, count(t.email) AS n FROM t"))
    >>> [(o.name, o.treatment, o.method) for o in output_lineage(Tracer(root, s.is_sensitive), root, s)]
    [('id', 'raw', None), ('e', 'masked', 'email'), ('n', 'safe aggregate', None)]
    """
    selects = leaf_selects(root.expression)
    names = [p.alias_or_name for p in selects[0].selects]
    traced: list[set[Origin] | None] = [set() for _ in names]
    for select in selects:
        scope = tracer.scopes.get(id(select), root)
        for i, proj in enumerate(select.selects[: len(names)]):
            inner = proj.this if isinstance(proj, exp.Alias) else proj
            current = traced[i]
            if current is None:
                continue
            try:
                current |= tracer.origins(inner, scope)
            except RewriteRefused:
                traced[i] = None
    out = []
    for name, origins in zip(names, traced, strict=True):
        if origins is None:
            out.append(OutputLineage(name, (), (), "untraced"))
            continue
        sensitive = [o for o in origins if sensitivity.method_of(o) is not None]
        exposed = [o for o in sensitive if o.path != SAFE]
        methods = sorted({spec.describe() for o in exposed if (spec := sensitivity.method_of(o)) is not None})
        treatment = "masked" if exposed else "safe aggregate" if sensitive else "raw"
        out.append(OutputLineage(
            name=name,
            # Named as the rewrite keys its plans (Sensitivity.names): a source's plan is found by equality.
            sources=tuple(sorted({sensitivity.source_name(o) for o in origins if o.table != LITERAL})),
            sensitive_sources=tuple(sorted({sensitivity.source_name(o) for o in sensitive})),
            treatment=treatment, method=", ".join(methods) or None))
    return out
