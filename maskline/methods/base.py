"""What a masking method is: typed parameters plus a builder of a sqlglot expression.

A method never loops over rows: it turns a column expression into an
expression, so one definition serves DuckDB, PostgreSQL and every warehouse.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlglot import exp

from maskline.dialects.base import Dialect, KeyRefs
from maskline.dialects.canonical import canonical_sql, text_form
from maskline.errors import PolicyError, did_you_mean

TEXT_TYPES = frozenset({"text", "varchar", "char", "string", "nvarchar", "nchar", "bpchar", "character varying"})


@dataclass(frozen=True)
class MaskContext:
    """What a builder may know besides the column: the engine, the keys, and the column's type."""

    dialect: Dialect
    keys: KeyRefs
    info_type: str | None = None
    source_type: str | None = None  # lower-case SQL type name, if known

    def as_text(self, column: exp.Expression) -> exp.Expression:
        """The column as text, casting only when its type is not known to be text."""
        if self.source_type and self.source_type.split("(")[0].strip().lower() in TEXT_TYPES:
            return column
        return self.dialect.text(column)

    def canonical_text(self, column: exp.Expression) -> exp.Expression:
        """The column as the text keyed methods hash: one form per value on every engine
        (:mod:`maskline.dialects.canonical`); the engine's own cast for types that form does not cover."""
        form = text_form(self.source_type, self.dialect.text_form_overrides)
        return (self.dialect.text(column) if form is None
                else canonical_sql(self.dialect, column, form, self.source_type))


@dataclass(frozen=True)
class NoParams:
    """Parameters of a method that takes none."""

    def check(self, where: str) -> None:
        return None


@dataclass(frozen=True)
class MethodDef:
    """A masking method: its name, parameter type, builder and documented output."""

    name: str
    params: type
    build: Callable[[exp.Expression, Any, MaskContext], exp.Expression]
    keyed: bool
    output: str
    summary: str


@dataclass(frozen=True)
class MethodSpec:
    """A method chosen by a policy, with validated parameters.

    >>> MethodSpec("hmac").describe()
    'hmac'
    """

    name: str
    params: Any = field(default_factory=NoParams)

    def describe(self) -> str:
        defaults = self.params.__class__()
        values = {k: v for k, v in dataclasses.asdict(self.params).items() if v != getattr(defaults, k)}
        if not values:
            return self.name
        return self.name + "(" + ", ".join(f"{k}={v}" for k, v in sorted(values.items())) + ")"

    def as_dict(self) -> dict[str, Any]:
        """The spec as a policy would write it: ``{"method": name, **params}``."""
        values = {k: v for k, v in dataclasses.asdict(self.params).items() if v is not None}
        return {"method": self.name, **values}


def _accepts(annotation: Any, value: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_accepts(a, value) for a in typing.get_args(annotation))
    if origin is typing.Literal:
        return value in typing.get_args(annotation)
    if origin in (list, tuple):
        # Containers are checked element by element: "EMAIL" is not a list of info types.
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        return isinstance(value, (list, tuple)) and all(any(_accepts(a, v) for a in args) for v in value)
    if annotation is type(None):
        return value is None
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(annotation, type):
        return isinstance(value, annotation)
    return True


def _expected(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return " or ".join(dict.fromkeys(_expected(a) for a in typing.get_args(annotation) if a is not type(None)))
    if origin in (list, tuple):
        return "a list of " + " or ".join(_expected(a) for a in typing.get_args(annotation) if a is not Ellipsis)
    return getattr(annotation, "__name__", str(annotation))


def parse_params(method: MethodDef, raw: Mapping[str, Any], where: str) -> Any:
    """Build and validate a method's parameter dataclass from policy values.

    >>> from maskline.methods.registry import METHODS
    >>> parse_params(METHODS["partial"], {"keep_last": 4}, "m").keep_last
    4
    >>> parse_params(METHODS["partial"], {"keep_lats": 4}, "methods.US_SSN")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: unknown parameter 'keep_lats' for method 'partial' (at methods.US_SSN.keep_lats). Fix: did you mean 'keep_last'?
    """
    hints = typing.get_type_hints(method.params)
    names = [f.name for f in dataclasses.fields(method.params)]
    for key, value in raw.items():
        if key not in names:
            raise PolicyError(
                f"unknown parameter {key!r} for method {method.name!r}",
                where=f"{where}.{key}",
                fix=did_you_mean(key, names) if names else f"method {method.name!r} takes no parameters",
            )
        if not _accepts(hints[key], value):
            raise PolicyError(
                f"parameter {key!r} of method {method.name!r} must be {_expected(hints[key])}",
                where=f"{where}.{key}",
                fix=f"set {key} to {_expected(hints[key])}",
            )
    params = method.params(**raw)
    params.check(where)
    return params
