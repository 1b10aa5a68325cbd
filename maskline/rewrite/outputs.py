"""Mask the outputs of a query: each output column derived from a sensitive column gets a method.

Which method an output gets (data, not code paths):

* derived from one sensitive column through its *value* (the column itself,
  cast, recased, ``min``, ``coalesce``, ``CASE`` ... ``THEN email``): the
  column's own method, applied to the output expression (``email(upper(email))``);
* transformed (``substr``, ``reverse``, arithmetic, a comparison) or derived
  from several sensitive columns: the shared method when it is *opaque*
  (``hmac(upper(email))``); otherwise ``redact``, because a method that keeps
  part of the value (``partial``, ``email``, ``char_mask``, ``generalize``)
  applied to ``reverse(ssn)`` would keep the part it was meant to hide;
* a container or concatenation (``json_object('e', email)``, ``array_agg``,
  ``a || b``) at the output: the mask is pushed onto each part instead;
* only through a masking-safe aggregate (``count(DISTINCT email)``): raw.

In a set operation every branch is masked by its own lineage, and a column
masked in any branch is cast to text in all of them so the branches still
agree on its type.

>>> sorted(OPAQUE_METHODS)
['fake', 'hash', 'hmac', 'null', 'redact']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.optimizer.scope import Scope

from maskline.dialects import Dialect
from maskline.methods.base import MethodSpec
from maskline.methods.registry import method_spec
from maskline.rewrite.functions import ELEMENTWISE, SET_RETURNING, function_key
from maskline.rewrite.sensitivity import Sensitivity
from maskline.rewrite.trace import (
    LITERAL,
    MASKED_META,
    SAFE,
    TRANSPARENT,
    VALUE,
    Origin,
    Origins,
    Tracer,
    leaf_selects,
)

OPAQUE_METHODS = frozenset({"hmac", "hash", "redact", "null", "fake"})
# Parts of a container that only hold a key or wrap a value: masking recurses into them.
CONTAINER_PARTS = TRANSPARENT + (exp.JSONKeyValue, exp.Slice)


@dataclass(frozen=True)
class OutputLineage:
    """Where one output column comes from and what the rewrite did to it."""

    name: str
    sources: tuple[str, ...]  # every base column, "table.column"
    sensitive_sources: tuple[str, ...]
    treatment: str  # "raw", "masked", "masked parts", "safe aggregate"
    method: str | None = None  # the method applied, as the policy would write it

    @property
    def masked(self) -> bool:
        return self.treatment in ("masked", "masked parts")


@dataclass(frozen=True)
class Choice:
    spec: MethodSpec
    info_type: str | None
    source_type: str | None


class OutputMasker:
    """Masks the projections of the outermost query (every branch of a set operation)."""

    def __init__(self, tracer: Tracer, dialect: Dialect, sensitivity: Sensitivity,
                 mask: Callable[[exp.Expr, MethodSpec, str | None, str | None], exp.Expr]) -> None:
        self.tracer = tracer
        self.dialect = dialect
        self.sensitivity = sensitivity
        self.mask = mask
        self.methods_used: set[str] = set()  # names of the methods applied, e.g. to know if the key is needed

    def choose(self, node: exp.Expr, sensitive: list[Origin]) -> Choice:
        specs = {self.sensitivity.method_of(o) for o in sensitive}
        info_types = {self.sensitivity.info_type_of(o) for o in sensitive}
        info_type = info_types.pop() if len(info_types) == 1 else None
        if any(s is not None and s.name == "null" for s in specs):
            return Choice(method_spec("null", {}, where="rewrite"), info_type, None)
        if len(specs) == 1:
            spec = next(iter(specs))
            assert spec is not None
            by_value = all(o.path == VALUE for o in sensitive)
            if by_value or spec.name in OPAQUE_METHODS:
                single = {(o.table, o.column) for o in sensitive}
                bare = isinstance(node, exp.Column) and len(single) == 1
                return Choice(spec, info_type, self.sensitivity.type_of(sensitive[0]) if bare else None)
        return Choice(method_spec("redact", {}, where="rewrite"), info_type, None)

    def mask_value(self, node: exp.Expr, scope: Scope,
                   origins: Origins | None = None) -> tuple[exp.Expr, str, str | None]:
        """The masked form of an output expression (whose ``origins`` the caller may have traced already),
        its treatment and the method used."""
        if origins is None:
            origins = self.tracer.origins(node, scope)
        sensitive = self.tracer.sensitive(origins)
        if not sensitive:
            safe = any(o.path == SAFE and self.sensitivity.method_of(o) is not None for o in origins)
            return node, "safe aggregate" if safe else "raw", None
        container = node.this if isinstance(node, exp.Window) else node
        if function_key(container) in ELEMENTWISE | SET_RETURNING:
            methods = self._mask_parts(container, scope)
            return node, "masked parts", ", ".join(sorted(methods)) or None
        choice = self.choose(node, sensitive)
        masked = self.mask(node.copy(), choice.spec, choice.info_type, choice.source_type)
        self.methods_used.add(choice.spec.name)
        masked.meta[MASKED_META] = True
        return masked, "masked", choice.spec.describe()

    def _mask_parts(self, node: exp.Expr, scope: Scope) -> set[str]:
        methods: set[str] = set()
        for child in list(node.iter_expressions()):
            if isinstance(child, CONTAINER_PARTS) or function_key(child) in ELEMENTWISE:
                methods |= self._mask_parts(child, scope)
                continue
            new, treatment, method = self.mask_value(child, scope)
            if new is not child:
                child.replace(new)
            if method:
                methods.add(method)
        return methods

    def apply(self, root: Scope) -> list[OutputLineage]:
        """Mask every output of the root query in place; returns one lineage entry per output column."""
        selects = leaf_selects(root.expression)
        names = [p.alias_or_name for p in selects[0].selects]
        per_column: list[list[tuple[set[Origin], str, str | None]]] = [[] for _ in names]
        masked_positions: set[int] = set()
        for select in selects:
            scope = self.tracer.scopes.get(id(select), root)
            for i, proj in enumerate(list(select.selects)):
                inner = proj.this if isinstance(proj, exp.Alias) else proj
                traced = self.tracer.origins(inner, scope)
                new, treatment, method = self.mask_value(inner, scope, traced)
                origins = set(traced)
                if new is not inner:
                    alias = proj.args["alias"].copy() if isinstance(proj, exp.Alias) else exp.to_identifier(
                        proj.alias_or_name)
                    proj.replace(exp.alias_(new, alias))
                if treatment == "masked":
                    masked_positions.add(i)
                if i < len(per_column):
                    per_column[i].append((origins, treatment, method))
        if len(selects) > 1:
            self._align_types(selects, masked_positions)
        out = []
        for name, entries in zip(names, per_column, strict=True):
            origins = set().union(*(e[0] for e in entries))
            treatments = [e[1] for e in entries]
            treatment = next((t for t in ("masked", "masked parts", "safe aggregate") if t in treatments), "raw")
            methods = sorted({e[2] for e in entries if e[2]})
            out.append(OutputLineage(
                name=name,
                sources=tuple(sorted({o.qualified for o in origins if o.table != LITERAL})),
                sensitive_sources=tuple(sorted({o.qualified for o in origins
                                                 if self.sensitivity.method_of(o) is not None})),
                treatment=treatment, method=", ".join(methods) or None))
        return out

    def _align_types(self, selects: list[exp.Select], positions: set[int]) -> None:
        for select in selects:
            for i, proj in enumerate(list(select.selects)):
                if i not in positions:
                    continue
                inner = proj.this if isinstance(proj, exp.Alias) else proj
                cast = self.dialect.text(inner.copy())  # type: ignore[arg-type]
                cast.meta[MASKED_META] = inner.meta.get(MASKED_META, False)
                proj.replace(exp.alias_(cast, proj.alias_or_name))
