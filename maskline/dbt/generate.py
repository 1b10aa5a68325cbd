"""Generate the dbt package's SQL templates from the core, so the macros cannot drift from it.

Every masking method is compiled by :func:`maskline.sql.compile.mask_expression`
for every dialect, with a placeholder column and *sentinel* parameter values;
the sentinels are then replaced by placeholder tokens that the Jinja macros
substitute. What the macros emit is therefore the core's own SQL, byte for
byte (a test re-renders both and compares them).

Run ``python -m maskline.dbt.generate`` after changing a method, a dialect, the
info type catalogue or the SQL scrub patterns; ``--check`` fails when the
committed file is stale.

>>> t = templates_for("duckdb")
>>> t["partial.l"].startswith("CASE WHEN __ml_col__ IS NULL THEN NULL ELSE CASE WHEN system.main.length(")
True
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlglot import exp
from sqlglot.errors import ParseError

from maskline.atomic_output import write_text_atomic

COL = "__ml_col__"
INNER = "__ml_in__"
BODY = "__ml_body__"
MASK_CHAR = "\u01c2"  # a character no method emits on its own, so it is safe to replace
LABEL = "\u01c3label\u01c3"
HEX = "\u01c3hex\u01c3"
INT_SENTINELS = {
    70001: "__ml_keep_first__",
    70002: "__ml_keep_last__",
    140003: "__ml_kept__",
    70011: "__ml_length__",
    70021: "__ml_bucket__",
    70031: "__ml_prefix__",
}
FAKE_KINDS = ("name", "first_name", "last_name", "email", "username", "word")
TYPE_SLOT = "__ml_type__"
LEAST = "__ml_least__"
# The templates whose SQL depends on the column's type (maskline.methods.generalize reads it); each has a variant per
# class of types the core compiles alike, `<name>@<class>`, which maskline.masked_columns picks by the column's type.
TYPED = ("generalize.bucket", "generalize.to.year", "generalize.to.month", "generalize.to.day")
GENERATED = Path(__file__).resolve().parents[2] / "dbt_macros" / "macros" / "_generated" / "maskline_templates.sql"


def _render(expression: exp.Expr, dialect: str) -> str:
    from maskline.dialects import get_dialect
    from maskline.dialects.base import KEY_VALUES

    d = get_dialect(dialect)
    sql = expression.sql(dialect=d.sqlglot_name)
    for name in KEY_VALUES:
        sql = sql.replace(d.key_session_ref(name).sql(dialect=d.sqlglot_name), f"__ml_key_{name}__")
    for value, token in INT_SENTINELS.items():
        sql = re.sub(rf"\b{value}\b", token, sql)
    sql = sql.replace(f"'{MASK_CHAR * 5}'", "__ml_mask_run__").replace(f"'{MASK_CHAR}'", "__ml_mask_char__")
    sql = sql.replace(f"'{LABEL}'", "__ml_label__").replace(f"'{HEX}'", "__ml_hex__")
    leftover = re.search(r"\b(70001|70002|140003|70011|70021|70031)\b|" + MASK_CHAR + "|\u01c3", sql)
    if leftover:  # a sentinel the tokens above did not catch would silently bake a value in
        raise RuntimeError(f"unreplaced sentinel in {dialect} template: {leftover.group(0)!r}")
    return sql


def _variants() -> dict[str, tuple[str, dict[str, Any], str | None]]:
    """Template name -> (method, params with sentinels, info type)."""
    from maskline.methods.char_mask import CharMaskParams
    from maskline.methods.email import EmailParams
    from maskline.methods.fake import FakeParams
    from maskline.methods.generalize import GeneralizeParams
    from maskline.methods.hash import DigestParams
    from maskline.methods.partial import PartialParams
    from maskline.methods.redact import RedactParams

    out: dict[str, tuple[str, Any, str | None]] = {
        "redact": ("redact", RedactParams(label=LABEL), None),
        "null": ("null", None, None),
        "char_mask.keep": ("char_mask", CharMaskParams(mask_char=MASK_CHAR, keep_separators=True), None),
        "char_mask.all": ("char_mask", CharMaskParams(mask_char=MASK_CHAR, keep_separators=False), None),
        "hash": ("hash", DigestParams(), None),
        "hash.len": ("hash", DigestParams(length=70011), None),
        "hmac": ("hmac", DigestParams(), None),
        "hmac.len": ("hmac", DigestParams(length=70011), None),
        "generalize.bucket": ("generalize", GeneralizeParams(bucket=70021), None),
        "generalize.prefix": ("generalize", GeneralizeParams(prefix=70031), None),
    }
    for first in (0, 70001):
        for last in (0, 70002):
            name = "partial." + ("f" if first else "") + ("l" if last else "") + ("" if first or last else "none")
            out[name] = ("partial", PartialParams(keep_first=first, keep_last=last, mask_char=MASK_CHAR), None)
    for kf in (0, 1, 2):
        out[f"email.{kf}"] = ("email", EmailParams(keep_first=kf, mask_char=MASK_CHAR), None)
    for unit in ("year", "month", "day"):
        out[f"generalize.to.{unit}"] = ("generalize", GeneralizeParams(to=unit), None)  # type: ignore[arg-type]
    for kind in FAKE_KINDS:
        out[f"fake.{kind}"] = ("fake", FakeParams(kind=kind), None)  # type: ignore[arg-type]
    return out


def _scrub_wrapper(d: Any, col: exp.Column, dialect: str) -> str:
    """How the core wraps the scrub chain (:func:`maskline.methods.scrub.chosen`, under a NULL guard or not), with
    ``__ml_body__`` for the chain (which starts from ``scrub.base``, the value as read)."""
    from maskline.methods.base import MaskContext
    from maskline.methods.registry import method_spec
    from maskline.methods.scrub import ScrubParams, chain, chosen
    from maskline.sql.compile import mask_expression

    ctx = MaskContext(d, None, None, None)  # type: ignore[arg-type]
    text = ctx.as_text(col.copy())
    read = d.scrub_reading(text)
    wrap = chosen(text, read, exp.column(BODY))
    body = chain(read, ScrubParams(), ctx)

    def filled(e: exp.Expression) -> exp.Expression:
        return e.copy().transform(lambda n: body.copy() if n == exp.column(BODY) else n)

    full = mask_expression(col.copy(), method_spec("scrub"), d)
    if full == filled(wrap):
        return _render(wrap, dialect)
    guarded = exp.Case(ifs=[exp.If(this=exp.Is(this=col.copy(), expression=exp.Null()), true=exp.Null())],
                       default=wrap)
    if full != filled(guarded):
        raise RuntimeError(f"the core's scrub SQL for {dialect} is neither the bare chain nor NULL-guarded")
    return _render(guarded, dialect)


def templates_for(dialect: str) -> dict[str, str]:
    """Every template of ``dialect``: name -> SQL with ``__ml_*__`` placeholder tokens."""
    from maskline.dialects import get_dialect
    from maskline.dialects.base import KEY_VALUES
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS
    from maskline.methods.base import MaskContext, MethodSpec, NoParams
    from maskline.sql.compile import mask_expression
    from maskline.sql.scrub_reading import reading_sql
    from maskline.sql.shape_guard import SHAPES, shape_redacted

    d = get_dialect(dialect)
    col = exp.column(COL)
    out: dict[str, str] = {}
    from maskline.keys import DEFAULT_DERIVATION, DERIVATIONS
    from maskline.methods.registry import METHODS

    for name, (method, params, info_type) in _variants().items():
        # A keyed method has one template per key derivation: `<name>` for the default, `<name>.v<n>` for others.
        for derivation in DERIVATIONS if METHODS[method].keyed else (DEFAULT_DERIVATION,):
            spec = MethodSpec(method, params if params is not None else NoParams(), derivation)
            suffix = "" if derivation == DEFAULT_DERIVATION else f".v{derivation}"
            out[name + suffix] = _render(mask_expression(col, spec, d, info_type=info_type), dialect)
    # scrub is a chain of one replacement per info type, wrapped like every method
    ctx = MaskContext(d, None, None, None)  # type: ignore[arg-type]
    out["text"] = _render(ctx.as_text(col), dialect)
    # what the scrub chain and maskline_no_pii match the patterns on: the text as read, without format characters and
    # with every script's digits as ASCII (maskline.sql.scrub_reading); scrub.wrap returns the text as written where
    # the chain replaced nothing (maskline.methods.scrub.chosen)
    out["text.reading"] = _render(reading_sql(ctx.as_text(col), d), dialect)
    out["scrub.base"] = out["text.reading"]
    for it, pattern in SQL_SCRUB_PATTERNS:
        out[f"scrub.step.{it}"] = _render(d.regexp_replace_all(exp.column(INNER), pattern, f"[{it}]"), dialect)
    out["scrub.wrap"] = _scrub_wrapper(d, col, dialect)
    for key_value in KEY_VALUES:
        out[f"key.session.{key_value}"] = d.key_session_ref(key_value).sql(dialect=d.sqlglot_name)
    out["key.literal"] = _render(d.from_hex(exp.Literal.string(HEX)), dialect)
    # The core's guard of a bucket the column's type cannot hold for every value (Dialect.exact_bucket): its bound
    # depends on the width and the type, so the macro computes it (maskline._least_bucketable, from the catalogue's
    # type_bounds) and wraps a typed bucket template in this one, `__ml_body__` the bucket.
    out["generalize.bucket.guard"] = _render(
        d.bucket_guard(col, exp.column(BODY), exp.column(LEAST), exp.DataType.build(TYPE_SLOT, udt=True)), dialect)
    # A text column the stored scan passed for its values' shape keeps only values of that shape (the core's
    # guard, maskline.sql.shape_guard): maskline.masked_columns applies `shape.<kind>` to it.
    for kind in SHAPES:
        out[f"shape.{kind}"] = _render(shape_redacted(col, kind, "text", d), dialect)
    return out


def _type_names() -> list[str]:
    """Every type name (lower case, without parameters) the core gives a form or a date reading to."""
    from maskline.dialects.canonical import TYPE_FORMS
    from maskline.methods.base import TEXT_TYPES
    from maskline.methods.generalize import DATE_TYPES

    # The date types as engines spell them without a time zone too (PostgreSQL, Snowflake).
    return sorted({*TYPE_FORMS, *TEXT_TYPES, *DATE_TYPES, "timestamp without time zone", "timestamp_ntz"})


def _typed_sql(name: str, source_type: str, dialect: str) -> str:
    """Template ``name`` (one of :data:`TYPED`) compiled for a column of ``source_type``; where the core casts the
    result back to the column's own type, that type is the ``__ml_type__`` slot, which the macro fills with the
    column's type as the engine reports it (a ``decimal(10,2)`` keeps its precision and scale)."""
    from maskline.dialects import get_dialect
    from maskline.methods.base import MethodSpec
    from maskline.sql.compile import mask_expression

    d = get_dialect(dialect)
    method, params, info_type = _variants()[name]
    e = mask_expression(exp.column(COL), MethodSpec(method, params), d, info_type=info_type, source_type=source_type)
    if name == "generalize.bucket" and isinstance(e, exp.Case):
        # The core's guard of the bucket (NULL for a value whose bucket the type cannot hold, Dialect.exact_bucket)
        # compares with a bound computed from the width and the column's type, which the macro learns only when it
        # renders: the template keeps the bucket itself, and the macro wraps it in `generalize.bucket.guard`.
        e = e.args["ifs"][0].args["true"]
    own = exp.DataType.build(source_type, dialect=d.sqlglot_name or None)
    if isinstance(e, exp.Cast) and e.to == own:
        e = e.copy()
        e.set("to", exp.DataType.build(TYPE_SLOT, udt=True))
    return _render(e, dialect)


def typed_templates(dialect: str, untyped: dict[str, str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """The typed variants of :data:`TYPED` for ``dialect``, and which class each type name belongs to.

    Type names whose templates are all the untyped ones (built without a type) get no class; the others are
    grouped by the SQL the core compiles for them, so a class holds exactly the types the core treats alike.

    >>> t, classes = typed_templates("duckdb")
    >>> classes["bigint"] == classes["integer"], t["generalize.bucket@" + classes["bigint"]].endswith("AS __ml_type__)")
    (True, True)
    >>> classes["double"] != classes["varchar"] != classes["timestamp"] != classes["timestamp with time zone"]
    True
    >>> "double" in classes, classes["timestamp with time zone"] == classes["timestamptz"]
    (True, True)
    """
    untyped = untyped if untyped is not None else templates_for(dialect)
    groups: dict[tuple[str, ...], list[str]] = {}
    for type_name in _type_names():
        try:
            sqls = tuple(_typed_sql(name, type_name, dialect) for name in TYPED)
        except ParseError:  # a name this engine does not spell (bigserial on DuckDB): no column reports it
            continue
        if sqls != tuple(untyped[name] for name in TYPED):
            groups.setdefault(sqls, []).append(type_name)
    out: dict[str, str] = {}
    classes: dict[str, str] = {}
    for sqls, names in groups.items():
        label = names[0].replace(" ", "_")  # its first type name: the groups are disjoint, so labels are too
        for name, sql in zip(TYPED, sqls, strict=True):
            out[f"{name}@{label}"] = sql
        classes.update(dict.fromkeys(names, label))
    return out, classes


def _keyed_specs() -> dict[str, Any]:
    """Template name -> method spec of every keyed template, named as :func:`templates_for` names them."""
    from maskline.keys import DEFAULT_DERIVATION, DERIVATIONS
    from maskline.methods.base import MethodSpec
    from maskline.methods.registry import METHODS

    out = {}
    for name, (method, params, _) in _variants().items():
        if METHODS[method].keyed:
            for derivation in DERIVATIONS:
                out[name + ("" if derivation == DEFAULT_DERIVATION else f".v{derivation}")] = MethodSpec(
                    method, params, derivation)
    return out


def _keyed_type_keys() -> dict[str, str]:
    """Class key -> a type name of it: every type name the core knows, and a decimal also with a scale of 0 and
    a positive one (``numeric(0)``, ``numeric(s)``: the core's canonical text of a DECIMAL reads its scale)."""
    from maskline.dialects.canonical import TextForm, text_form

    out = {}
    for name in _type_names():
        out[name] = name
        if text_form(name) is TextForm.DECIMAL:
            out[f"{name}(0)"], out[f"{name}(s)"] = f"{name}(18,0)", f"{name}(18,2)"
    return out


def _label(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", key).strip("_")


def keyed_templates(dialect: str, untyped: dict[str, str] | None = None) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The typed keyed templates of ``dialect``, and which class each type key belongs to.

    A keyed method (hash, hmac, fake) reads its column's type in two places only: the value's canonical text
    (:meth:`maskline.methods.base.MaskContext.canonical_text`) and, for a fake, whether it is drawn once
    (:func:`maskline.methods.fake.draws_once`). So a typed keyed template is the untyped one with the value's text
    (the ``text`` template) replaced by the type's canonical text, ``text@<class>``; a fake drawn once starts from
    ``<name>@once``. Each class is checked here against the core's SQL for the type, byte for byte (every hash and
    hmac template; a fake of each structure), so a wrong class cannot be written.

    A class is ``[text class, drawn once]``; its key is the type's name (lower case, without parameters), and a
    decimal's with ``(0)`` or ``(s)`` for its scale.

    >>> t, classes = keyed_templates("duckdb")
    >>> classes["decimal(s)"][0] != classes["decimal(0)"][0], classes["integer"][1], classes["varchar"][1]
    (True, True, False)
    >>> t["text@" + classes["varchar"][0]]
    '__ml_col__'
    """
    from maskline.dialects import get_dialect
    from maskline.methods.base import MaskContext, MethodSpec
    from maskline.methods.fake import draws_once
    from maskline.methods.scrub import ScrubParams
    from maskline.sql.compile import mask_expression

    d = get_dialect(dialect)
    untyped = untyped if untyped is not None else templates_for(dialect)
    text = untyped["text"]
    specs = _keyed_specs()
    keys = _keyed_type_keys()
    groups: dict[tuple[str, bool], list[str]] = {}
    for key, source_type in keys.items():
        try:
            context = MaskContext(d, None, source_type=source_type)  # type: ignore[arg-type]
            canon = _render(context.canonical_text(exp.column(COL)), dialect)
        except ParseError:  # a name this engine does not spell: no column reports it
            continue
        groups.setdefault((canon, draws_once(context)), []).append(key)

    def core(name: str, source_type: str) -> str:
        return _render(mask_expression(exp.column(COL), specs[name], d, source_type=source_type), dialect)

    out: dict[str, str] = {}
    classes: dict[str, list[Any]] = {}
    checked_fakes: set[bool] = set()
    # SQLite, which no dbt adapter speaks, reads text for the scrub by a registered function the templates do not
    # call: its templates' scrub is not the core's, typed or not.
    scrub_is_core = _scrub_of(untyped) == _render(mask_expression(exp.column(COL), MethodSpec("scrub", ScrubParams()),
                                                                  d), dialect)
    for (canon, once), members in groups.items():
        label = _label(members[0])
        out[f"text@{label}"] = canon
        for name in specs:
            is_fake = name.startswith("fake.")
            if is_fake and once in checked_fakes:
                continue  # a fake's SQL of this structure is checked once (each costs a tenth of a second)
            want = core(name, keys[members[0]])
            if is_fake and once:
                base = want.replace(canon, text) if canon != text else want
                out.setdefault(f"{name}@once", base)
                got = out[f"{name}@once"]
            else:
                got = untyped[name]
            if (canon != text and text in want.replace(canon, "")) or got.replace(text, canon) != want:
                raise RuntimeError(f"{dialect} {name} for {members[0]} is not its untyped template with the "
                                   "value's text typed")
        checked_fakes.add(once)
        # The methods that keep part of the value's text read the same text (MaskContext.as_text is the canonical
        # text), so their typed SQL is their untyped template with the text typed too (maskline._text_sql).
        for name in _text_reading(untyped):
            method, params, info_type = _variants()[name]
            want = _render(mask_expression(exp.column(COL), MethodSpec(method, params), d, info_type=info_type,
                                           source_type=keys[members[0]]), dialect)
            if untyped[name].replace(text, canon) != want:
                raise RuntimeError(f"{dialect} {name} for {members[0]} is not its untyped template with the "
                                   "value's text typed")
        scrub = _render(mask_expression(exp.column(COL), MethodSpec("scrub", ScrubParams()), d,
                                        source_type=keys[members[0]]), dialect)
        if scrub_is_core and _scrub_of(untyped).replace(text, canon) != scrub:
            raise RuntimeError(f"{dialect} scrub for {members[0]} is not its untyped template with the value's "
                               "text typed")
        classes.update({key: [label, once] for key in members})
    return out, classes


# Templates of the methods that keep part of the value's text (they read MaskContext.as_text).
TEXT_READING = ("partial.", "char_mask.", "email.", "generalize.prefix")


def _text_reading(untyped: dict[str, str]) -> list[str]:
    """The names of the templates of methods that keep part of the value's text.

    >>> _text_reading({"partial.f": "", "hmac": "", "generalize.prefix": "", "generalize.bucket": ""})
    ['partial.f', 'generalize.prefix']
    """
    return [name for name in untyped if name.startswith(TEXT_READING)]


def _scrub_of(t: dict[str, str]) -> str:
    """The scrub of every info type, assembled from the templates as ``maskline._mask_sql`` assembles it."""
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS

    out = t["scrub.base"]
    for it, _ in SQL_SCRUB_PATTERNS:
        out = t[f"scrub.step.{it}"].replace(INNER, out)
    return t["scrub.wrap"].replace(BODY, out)


def catalogue() -> dict[str, Any]:
    """The data the Jinja side validates against: methods and parameters, info types, patterns, words.

    Each method's entry (key use, output, parameter defaults, types and limits) is written from its
    definition by :func:`maskline.methods.schema.catalogue_entry`; ``_method_spec`` only interprets it.

    >>> c = catalogue(); c["methods"]["hmac"]["keyed"], c["info_types"]["EMAIL"]["default"]
    (True, {'method': 'email'})
    """
    from maskline.adapters.postgres import KEY_STORE_MARK, KEY_TABLE, PRIVATE_SCHEMA
    from maskline.dialects import DIALECTS, get_dialect
    from maskline.dialects import type_bounds as tb
    from maskline.dialects.base import KEY_VALUES
    from maskline.dialects.canonical import DECIMAL_PARAMS, TYPE_PARAMS
    from maskline.infotypes import INFO_TYPES
    from maskline.infotypes.sql_patterns import SQL_SCRUB_PATTERNS
    from maskline.keys import DEFAULT_DERIVATION, DERIVATION_FIX, DERIVATIONS
    from maskline.methods.digest_token import digest_token_patterns
    from maskline.methods.fake import DEFAULT_KIND, kind_patterns
    from maskline.methods.registry import METHODS
    from maskline.methods.schema import catalogue_entry
    from maskline.methods.structure import refusal_rule
    from maskline.methods.wordlists import FIRST_NAMES, LAST_NAMES, WORDS

    return {
        "methods": {name: catalogue_entry(m) for name, m in sorted(METHODS.items())},
        "fake_patterns": kind_patterns(),
        "info_types": {n: {"category": t.category, "default": dict(t.default_method)} for n, t in INFO_TYPES.items()},
        "sql_patterns": [[n, p] for n, p in SQL_SCRUB_PATTERNS],
        # A type's parameters, which maskline._type_class strips before it looks the name up (as text_form does).
        "type_params": TYPE_PARAMS.pattern,
        # Which (method, type) pairs the core refuses (a keyed method on JSON or an array, a method keeping part of
        # a structured value, a method reading an interval's engine-own text), and what each refusal says: the core's
        # rule as data (maskline.methods.structure.refusal_kind), which maskline._structure_refusal applies to the
        # type the adapter reports.
        "structure_refusal": refusal_rule(),
        # A DECIMAL's parameters, whose scale picks its keyed class (maskline._keyed_class, as decimal_scale reads it).
        "decimal_params": DECIMAL_PARAMS.pattern,
        # maskline_no_pii reads a value that is a hash or hmac token as a whole as no PII (maskline.methods.digest_token).
        "digest_token_patterns": list(digest_token_patterns()),
        "fake_default_kind": dict(DEFAULT_KIND),
        "fake_kinds": list(FAKE_KINDS),
        "key_derivations": {"known": list(DERIVATIONS), "default": DEFAULT_DERIVATION, "fix": DERIVATION_FIX},
        # Where `maskline protect` keeps the key on PostgreSQL, for set_key() with vars.maskline_key_source: database.
        "key_store": {"schema": PRIVATE_SCHEMA, "table": KEY_TABLE, "mark": KEY_STORE_MARK, "values": list(KEY_VALUES)},
        # Each exact numeric type's least value, as data (maskline.dialects.type_bounds), from which
        # maskline._least_bucketable computes the bound of generalize.bucket.guard as the core does.
        "type_bounds": {"signed_bits": dict(sorted(tb.SIGNED_BITS.items())), "unsigned": sorted(tb.UNSIGNED),
                        "decimals": sorted(tb.DECIMALS), "precision": tb._PRECISION.pattern,
                        "integer_bits": {n: get_dialect(n).integer_bits for n in sorted(DIALECTS)}},
        "words": {"first_names": list(FIRST_NAMES), "last_names": list(LAST_NAMES), "words": list(WORDS)},
    }


def _jinja_value(value: Any) -> str:
    """A Jinja literal: JSON's syntax, except that Jinja spells null ``none``.

    >>> _jinja_value({"a": [None, True, "x"]})
    '{"a": [none, true, "x"]}'
    """
    if value is None:
        return "none"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_jinja_value(v)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_jinja_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def engine_names() -> dict[str, str]:
    """Every name of every engine (dbt adapter types among them) -> the engine's dialect.

    >>> engine_names()["redshift"], engine_names()["databricks"]
    ('postgres', 'spark')
    """
    from maskline.adapters import adapters

    return {name: a.name for a in adapters().values() for name in (a.name, *a.names)}


def render_file() -> str:
    """The whole generated macro file, as committed in ``dbt_macros/macros/_generated/``.

    >>> text = render_file(); text.startswith("{#- GENERATED"), "kind == 'templates' and dialect == 'duckdb'" in text
    (True, True)
    """
    return _render_file()


# The text depends on nothing but the core's code, and compiling it takes seconds (thousands of SQL templates):
# `--check`, the doctests and tests/dbt/test_generated_templates.py ask for it up to five times in one process.
@functools.cache
def _render_file() -> str:
    from maskline.dialects import DIALECTS

    emit: Callable[[str], None]
    lines: list[str] = []
    emit = lines.append
    emit("{#- GENERATED by `python -m maskline.dbt.generate` from the maskline core. Do not edit: a test")
    emit("    fails when this file differs from what the core compiles. -#}")
    emit("")
    emit("{% macro _catalogue() -%}")
    emit("{{ return(" + _jinja_value(catalogue()) + ") }}")
    emit("{%- endmacro %}")
    emit("")
    emit("{#- dbt adapter type -> maskline engine: every name of every engine adapter (maskline.adapters). -#}")
    emit("{% macro _engine_names() -%}")
    emit("{{ return(" + _jinja_value(engine_names()) + ") }}")
    emit("{%- endmacro %}")
    emit("")
    emit("{#- Each dialect's tables, read through maskline._generated(kind, dialect) (macros/internal/render.sql):")
    emit("    `templates`, the SQL of every method; `type_classes`, a column's type (lower case, without parameters)")
    emit("    -> its class of typed templates; `keyed_classes`, a column's type key (maskline._keyed_class) -> [its")
    emit("    canonical text's class, drawn once]. One macro, so that dbt sees the call from every node that masks;")
    emit("    only the branch asked for is evaluated. -#}")
    emit("{% macro _generated_table(kind, dialect) -%}")
    branch = "if"
    for dialect in sorted(DIALECTS):
        untyped = templates_for(dialect)
        typed, classes = typed_templates(dialect, untyped)
        keyed, keyed_classes = keyed_templates(dialect, untyped)
        for kind, table in (("templates", {**untyped, **typed, **keyed}), ("type_classes", classes),
                            ("keyed_classes", keyed_classes)):
            emit(f"{{%- {branch} kind == '{kind}' and dialect == '{dialect}' -%}}")
            emit("{{ return(" + _jinja_value(table) + ") }}")
            branch = "elif"
    emit("{%- endif -%}")
    emit("{{ return(none) }}")
    emit("{%- endmacro %}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, verify) the generated macro file.

    >>> main(["--check"])  # the committed file is what the core compiles now
    0
    """
    parser = argparse.ArgumentParser(prog="python -m maskline.dbt.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args(argv)
    text = render_file()
    if args.check:
        current = GENERATED.read_text(encoding="utf-8") if GENERATED.exists() else ""
        if current != text:
            print(f"{GENERATED} is stale: run python -m maskline.dbt.generate", file=sys.stderr)
            return 1
        return 0
    GENERATED.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(GENERATED, text)
    print(f"wrote {GENERATED}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
