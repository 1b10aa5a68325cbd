"""What a masking method is: its typed parameters, their declared limits, and everything else about it.

A method never loops over rows: it turns a column expression into an
expression, so one definition serves DuckDB, PostgreSQL and every warehouse.

Each method's module declares one :class:`MethodDef`. It is the only place
that says whether the method reads the key, how it treats NULL, whether its
output is opaque, what its output looks like and which parameters it takes,
with their limits. The compiler, the query rewrite, the GX expectations, the
policy loader and its JSON Schema, and the generated dbt catalogue all read it.

Only the builders need sqlglot, so they import it where they build: loading
and checking a policy reads the definitions (names, parameters, rules) and
never pays for importing sqlglot (``tests/core/test_policy_imports.py``).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from maskline.errors import PolicyError, did_you_mean
from maskline.methods.shape import MaskedShape

if TYPE_CHECKING:
    from sqlglot import exp

    from maskline.dialects.base import Dialect, KeyRefs

# Exact names, not maskline.type_names' openings: here a type wrongly read as text loses the cast a method needs,
# while a text type missed costs only a redundant cast, so only the names every engine's methods were tested on.
# "character": PostgreSQL's catalogue name of char(n), whose blank-padded values a bucket cast as numbers and failed on.
TEXT_TYPES = frozenset({"text", "varchar", "char", "string", "nvarchar", "nchar", "bpchar", "character varying",
                        "character"})


@dataclass(frozen=True)
class MaskContext:
    """What a builder may know besides the column: the engine, the keys, and the column's type."""

    dialect: Dialect
    keys: KeyRefs
    info_type: str | None = None
    source_type: str | None = None  # lower-case SQL type name, if known
    derivation: int = 1  # the policy's key derivation (maskline.keys): how keyed methods read the key

    @property
    def is_text(self) -> bool:
        """Whether the column's type is known to be text.

        >>> MaskContext(None, None, source_type="varchar(20)").is_text, MaskContext(None, None).is_text  # type: ignore[arg-type]
        (True, False)
        """
        return bool(self.source_type) and self.source_type.split("(")[0].strip().lower() in TEXT_TYPES  # type: ignore[union-attr]

    def as_text(self, column: exp.Expression) -> exp.Expression:
        """The column as the text a method that keeps part of it reads (``partial``, ``char_mask``, ``email``,
        ``scrub``, ``generalize``): a text column as it is, a number, date, time or boolean as its canonical text
        (:meth:`canonical_text`, what keyed methods hash), so one value is masked alike on every engine; the
        engine's own cast for a type of unknown form (dbt's untyped templates).

        >>> import duckdb
        >>> from sqlglot import exp
        >>> from maskline.dialects import get_dialect
        >>> duck = get_dialect("duckdb")
        >>> MaskContext(duck, None, source_type="integer").as_text(exp.column("n")).sql("duckdb")  # type: ignore[arg-type]
        'CAST(n AS TEXT)'
        >>> MaskContext(duck, None, source_type="varchar").as_text(exp.column("s")).sql("duckdb")  # type: ignore[arg-type]
        's'
        >>> sql = MaskContext(duck, None, source_type="double").as_text(exp.Literal.number("1e20")).sql("duckdb")  # type: ignore[arg-type]
        >>> duckdb.sql("SELECT " + sql).fetchall()
        [('100000000000000000000',)]
        """
        from maskline.dialects.canonical import text_form

        # Each engine casts a non-text value to its own text (Trino's timestamp(6) writes .000000, a double 1e20 is
        # 1e+20 or 1.0E20, an instant is written in the session's zone): the canonical text is the same everywhere.
        if text_form(self.source_type, self.dialect.text_form_overrides) is not None:
            return self.canonical_text(column)
        # The one place a method's text input is built: a text type the engine's functions do not accept as it is
        # (Trino's char(n)) is cast like any other type, never left for the engine to resolve a call on.
        if self.is_text and self.dialect.accepts_as_text(self.source_type):
            return column
        return self.dialect.text_cast(column, self.source_type)

    def canonical_text(self, column: exp.Expression) -> exp.Expression:
        """The column as the text keyed methods hash: one form per value on every engine
        (:mod:`maskline.dialects.canonical`); the engine's own cast for types that form does not cover.

        >>> import duckdb
        >>> from sqlglot import exp
        >>> from maskline.dialects import get_dialect
        >>> context = MaskContext(get_dialect("duckdb"), None, source_type="double")  # type: ignore[arg-type]
        >>> duckdb.sql("SELECT " + context.canonical_text(exp.Literal.number("1e21")).sql("duckdb")).fetchall()
        [('1000000000000000000000',)]
        """
        from maskline.dialects.canonical import TextForm, canonical_sql, text_form

        form = text_form(self.source_type, self.dialect.text_form_overrides)
        if form is TextForm.TEXT and not self.dialect.accepts_as_text(self.source_type):
            return self.dialect.text_cast(column, self.source_type)  # Trino's char(n): its text, unpadded
        return (self.dialect.text_cast(column, self.source_type) if form is None
                else canonical_sql(self.dialect, column, form, self.source_type))


@dataclass(frozen=True)
class Rule:
    """A declared limit on one parameter, beyond its type.

    The policy loader enforces it, the policy JSON Schema states it, and the dbt
    macros check it from the generated catalogue: one declaration, three readers.
    ``what`` may hold ``{value}`` for the offending list item.
    """

    what: str = ""
    fix: str = ""
    minimum: int | None = None
    maximum: int | None = None
    length: int | None = None  # exact length of a string parameter
    choices: Callable[[], Iterable[str]] | None = None  # allowed items of a list parameter, read when checked

    def allowed(self) -> tuple[str, ...]:
        """The allowed items of a list parameter (empty when any item goes).

        >>> Rule(choices=lambda: ["EMAIL", "PHONE"]).allowed(), Rule(minimum=1).allowed()
        (('EMAIL', 'PHONE'), ())
        """
        return tuple(self.choices()) if self.choices else ()


def param(default: Any, doc: str, **rule: Any) -> Any:
    """A parameter field: its default, a one-line doc for the JSON Schema, and its :class:`Rule`.

    >>> from dataclasses import dataclass, fields
    >>> @dataclass(frozen=True)
    ... class P:
    ...     n: int = param(0, "how many", minimum=0, what="n must be >= 0", fix="use 0 or more")
    >>> fields(P)[0].metadata["rule"].minimum
    0
    """
    return field(default=default, metadata={"doc": doc, "rule": Rule(**rule)})


@dataclass(frozen=True)
class ExactlyOne:
    """A parameter set of which exactly one must be given (``generalize``: to, bucket or prefix)."""

    names: tuple[str, ...]
    what: str
    fix: str


@dataclass(frozen=True)
class NoParams:
    """Parameters of a method that takes none."""

    EXACTLY_ONE: ClassVar[ExactlyOne | None] = None


@dataclass(frozen=True)
class MethodDef:
    """Everything about one masking method, declared once, in the method's own module.

    ``propagates_null``: whether the built expression is already NULL for a NULL
    input on every engine (hash functions, regexes, date_trunc); when it is not,
    the compiler wraps it so NULL stays NULL. A callable decides per parameters.
    ``opaque``: whether the output keeps no part of the input's text (at most
    equality of inputs), so nothing a query does with it can recover a character.
    ``literal_token``: a Python twin of the method for one value, ``(key, text,
    params, derivation) -> token``; with it, the query rewrite turns a literal compared with
    the column into its token (``filter_literals: tokenize``).
    ``shape``: the output shape the GX expectations and dbt tests check,
    ``(params, info_type) -> MaskedShape``.
    ``summary_for``: the summary of one form, ``params -> str``, where ``summary`` names several.
    """

    name: str
    params: type
    build: Callable[[exp.Expression, Any, MaskContext], exp.Expression]
    keyed: bool
    output: str
    summary: str
    shape: Callable[[Any, str | None], MaskedShape]
    opaque: bool = False
    propagates_null: bool | Callable[[Any], bool] = False
    literal_token: Callable[[Any, str, Any, int], str] | None = None
    summary_for: Callable[[Any], str] | None = None

    def summary_of(self, params: Any) -> str:
        """What the method does with these parameters: the form's own summary where the method has several.

        >>> from maskline.methods.registry import METHODS
        >>> METHODS["generalize"].summary_of(METHODS["generalize"].params(prefix=2))
        'text cut to its first 2 characters, the rest *'
        >>> METHODS["null"].summary_of(METHODS["null"].params())
        'replace every value with NULL'
        """
        return self.summary_for(params) if self.summary_for else self.summary

    def keeps_null(self, params: Any) -> bool:
        """Whether the built expression is NULL for NULL on its own (no guard needed).

        >>> from maskline.methods.registry import METHODS
        >>> METHODS["hmac"].keeps_null(METHODS["hmac"].params()), METHODS["redact"].keeps_null(METHODS["redact"].params())
        (True, False)
        """
        return self.propagates_null(params) if callable(self.propagates_null) else self.propagates_null

    def param_fields(self) -> tuple[ParamField, ...]:
        """The declared parameters, in order.

        >>> from maskline.methods.registry import METHODS
        >>> [f.name for f in METHODS["partial"].param_fields()]
        ['keep_first', 'keep_last', 'mask_char']
        """
        return _param_fields(self.params)

    def exactly_one(self) -> ExactlyOne | None:
        """The parameters of which exactly one must be given, if the method has such a set.

        >>> from maskline.methods.registry import METHODS
        >>> METHODS["generalize"].exactly_one().names, METHODS["hmac"].exactly_one()  # type: ignore[union-attr]
        (('to', 'bucket', 'prefix'), None)
        """
        return getattr(self.params, "EXACTLY_ONE", None)


@functools.cache
def _param_fields(params: type) -> tuple[ParamField, ...]:
    # Cached: type hints are resolved once per parameter class, not on every policy entry.
    hints = typing.get_type_hints(params)
    return tuple(ParamField(f.name, hints[f.name], None if f.default is dataclasses.MISSING else f.default,
                            f.metadata.get("doc", ""), f.metadata.get("rule", Rule()))
                 for f in dataclasses.fields(params))


@dataclass(frozen=True)
class ParamField:
    """One declared parameter: name, type annotation, default, doc and rule."""

    name: str
    annotation: Any
    default: Any
    doc: str
    rule: Rule

    def expected(self) -> str:
        """What a value must be, in words, for error messages.

        >>> from maskline.methods.registry import METHODS
        >>> [f.expected() for f in METHODS["generalize"].param_fields()]
        ["one of 'year', 'month', 'day'", 'int', 'int']
        """
        return _expected(self.annotation)

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` has the parameter's declared type (a bool is not an int).

        >>> from maskline.methods.registry import METHODS
        >>> keep_last = METHODS["partial"].param_fields()[1]
        >>> keep_last.accepts(4), keep_last.accepts("4"), keep_last.accepts(True)
        (True, False, False)
        """
        return _accepts(self.annotation, value)


@dataclass(frozen=True)
class MethodSpec:
    """A method chosen by a policy, with validated parameters.

    >>> MethodSpec("hmac").describe()
    'hmac'
    """

    name: str
    params: Any = field(default_factory=NoParams)
    # The policy's key derivation (maskline.keys.DERIVATIONS), stamped on keyed methods by the policy loader so
    # that every face compiling or tokenizing this spec computes the same tokens. Not a parameter: the policy's
    # key says it once (key.derivation), for every keyed method.
    derivation: int = 1

    def describe(self) -> str:
        defaults = self.params.__class__()
        values = {k: v for k, v in dataclasses.asdict(self.params).items() if v != getattr(defaults, k)}
        if not values:
            return self.name
        return self.name + "(" + ", ".join(f"{k}={v}" for k, v in sorted(values.items())) + ")"

    def as_dict(self) -> dict[str, Any]:
        """The spec as a policy would write it: ``{"method": name, **params}``.

        >>> from maskline.methods.registry import METHODS
        >>> MethodSpec("partial", parse_params(METHODS["partial"], {"keep_last": 4}, "m")).as_dict()
        {'method': 'partial', 'keep_first': 0, 'keep_last': 4, 'mask_char': '*'}
        """
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


def check_rules(method: MethodDef, params: Mapping[str, Any], where: str) -> None:
    """Apply the declared :class:`Rule` and :class:`ExactlyOne` limits to typed parameter values.

    >>> from maskline.methods.registry import METHODS
    >>> check_rules(METHODS["hmac"], {"length": 4}, "methods.EMAIL")
    Traceback (most recent call last):
    ...
    maskline.errors.PolicyError: length must be between 8 and 64 (at methods.EMAIL.length). Fix: shorter tokens collide; use 16 or more
    """
    for f in method.param_fields():
        value, rule = params.get(f.name), f.rule
        if value is None or isinstance(value, bool):
            continue
        path = f"{where}.{f.name}"
        if isinstance(value, int) and ((rule.minimum is not None and value < rule.minimum)
                                       or (rule.maximum is not None and value > rule.maximum)):
            raise PolicyError(rule.what, where=path, fix=rule.fix)
        if isinstance(value, str) and rule.length is not None and len(value) != rule.length:
            raise PolicyError(rule.what, where=path, fix=rule.fix)
        if isinstance(value, (list, tuple)) and rule.choices is not None:
            allowed = rule.allowed()
            for item in value:
                if item not in allowed:
                    raise PolicyError(rule.what.replace("{value}", str(item)), where=path,
                                      fix=did_you_mean(str(item), allowed))
    one = method.exactly_one()
    if one is not None and sum(params.get(n) is not None for n in one.names) != 1:
        raise PolicyError(one.what, where=where, fix=one.fix)


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
    fields = {f.name: f for f in method.param_fields()}
    for key, value in raw.items():
        if key not in fields:
            raise PolicyError(
                f"unknown parameter {key!r} for method {method.name!r}",
                where=f"{where}.{key}",
                fix=did_you_mean(key, fields) if fields else f"method {method.name!r} takes no parameters",
            )
        if not fields[key].accepts(value):
            expected = fields[key].expected()
            raise PolicyError(
                f"parameter {key!r} of method {method.name!r} must be {expected}",
                where=f"{where}.{key}",
                fix=f"set {key} to {expected}",
            )
    params = method.params(**raw)
    check_rules(method, dataclasses.asdict(params), where)
    return params
