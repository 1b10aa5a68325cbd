"""The method definitions written out for other readers: JSON Schema for the policy, a catalogue for dbt.

Both are derived from each method's :class:`~maskline.methods.base.MethodDef`
(its parameter types, :class:`~maskline.methods.base.Rule` limits and
:class:`~maskline.methods.base.ExactlyOne` sets), so the policy schema and the
dbt macros accept exactly what :func:`maskline.methods.registry.method_spec`
accepts. Nothing here is computed at import time.

>>> method_schema(METHODS["hmac"])["properties"]["length"]
{'description': 'truncate the hex token to this many characters', 'anyOf': [{'type': 'integer', 'minimum': 8, 'maximum': 64}, {'type': 'null'}]}
>>> catalogue_entry(METHODS["email"])["rules"]["keep_first"]["maximum"]
2
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any

from maskline.methods.base import MethodDef, ParamField, Rule
from maskline.methods.registry import METHODS


def _kinds(annotation: Any) -> list[Any]:
    """The non-None alternatives of a (possibly optional) annotation."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def _nullable(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in typing.get_args(
        annotation)


def _kind(annotation: Any) -> str:
    """``integer``, ``string``, ``boolean``, ``enum`` or ``list``: how the dbt macros type-check a value."""
    kinds = _kinds(annotation)
    first = kinds[0]
    if typing.get_origin(first) is typing.Literal:
        return "enum"
    if typing.get_origin(first) in (list, tuple):
        return "list"
    return {int: "integer", str: "string", bool: "boolean"}[first]


def _value_schema(annotation: Any, rule: Rule) -> dict[str, Any]:
    kind = _kind(annotation)
    if kind == "enum":
        return {"enum": list(typing.get_args(_kinds(annotation)[0]))}
    if kind == "list":
        items: dict[str, Any] = {"type": "string"}
        if rule.choices is not None:
            items["enum"] = list(rule.allowed())
        return {"type": "array", "items": items}
    if kind == "integer":
        out: dict[str, Any] = {"type": "integer"}
        if rule.minimum is not None:
            out["minimum"] = rule.minimum
        if rule.maximum is not None:
            out["maximum"] = rule.maximum
        return out
    if kind == "string":
        out = {"type": "string"}
        if rule.length is not None:
            out["minLength"] = out["maxLength"] = rule.length
        return out
    return {"type": "boolean"}


def param_schema(f: ParamField) -> dict[str, Any]:
    """The JSON Schema of one parameter (null is allowed where the parameter is optional).

    >>> from maskline.methods.registry import METHODS
    >>> param_schema(METHODS["partial"].param_fields()[0])
    {'description': 'characters kept at the start', 'type': 'integer', 'minimum': 0}
    """
    value = _value_schema(f.annotation, f.rule)
    out: dict[str, Any] = {"description": f.doc} if f.doc else {}
    if _nullable(f.annotation):
        out["anyOf"] = [value, {"type": "null"}]
    else:
        out.update(value)
    return out


def method_schema(m: MethodDef) -> dict[str, Any]:
    """The JSON Schema of one method entry, ``{method: <name>, <param>: <value>...}``.

    >>> from maskline.methods.registry import METHODS
    >>> s = method_schema(METHODS["generalize"]); s["required"], len(s["oneOf"])
    (['method'], 3)
    """
    props: dict[str, Any] = {"method": {"const": m.name}}
    props.update({f.name: param_schema(f) for f in m.param_fields()})
    out: dict[str, Any] = {
        "description": f"{m.summary}. Output: {m.output}." + (" Reads the policy key." if m.keyed else ""),
        "type": "object", "required": ["method"], "properties": props, "additionalProperties": False,
    }
    one = m.exactly_one()
    if one is not None:
        out["oneOf"] = [{"required": [n], "properties": {n: {"not": {"type": "null"}}}} for n in one.names]
    return out


def methods_schema() -> dict[str, Any]:
    """``$defs`` for the policy schema: every method's entry, and the method names.

    >>> sorted(methods_schema())
    ['method', 'methodName']
    """
    # Dispatch on the name (if/then) rather than oneOf: a validator then checks one method's schema, not ten.
    return {
        "methodName": {"enum": sorted(METHODS)},
        "method": {
            "type": "object", "required": ["method"], "properties": {"method": {"$ref": "#/$defs/methodName"}},
            "allOf": [{"if": {"properties": {"method": {"const": n}}}, "then": method_schema(METHODS[n])}
                      for n in sorted(METHODS)],
        },
    }


def catalogue_entry(m: MethodDef) -> dict[str, Any]:
    """What the dbt macros know of a method: key use, output, parameter defaults and rules.

    >>> from maskline.methods.registry import METHODS
    >>> catalogue_entry(METHODS["hmac"])["keyed"]
    True
    """
    rules: dict[str, Any] = {}
    for f in m.param_fields():
        entry: dict[str, Any] = {"kind": _kind(f.annotation), "expected": f.expected()}
        if entry["kind"] == "enum":
            entry["enum"] = list(typing.get_args(_kinds(f.annotation)[0]))
        for attr in ("minimum", "maximum", "length"):
            if getattr(f.rule, attr) is not None:
                entry[attr] = getattr(f.rule, attr)
        if f.rule.choices is not None:
            entry["choices"] = list(f.rule.allowed())
        if f.rule.what:
            entry["what"], entry["fix"] = f.rule.what, f.rule.fix
        rules[f.name] = entry
    one = m.exactly_one()
    return {
        "keyed": m.keyed, "opaque": m.opaque, "output": m.output,
        "params": {f.name: f.default for f in m.param_fields()},
        "rules": rules,
        "exactly_one": {"names": list(one.names), "what": one.what, "fix": one.fix} if one else None,
    }


def canonical_json(value: Any) -> str:
    """JSON as committed: sorted keys, two-space indent, a final newline.

    >>> canonical_json({"b": 1, "a": [1]})
    '{\\n  "a": [\\n    1\\n  ],\\n  "b": 1\\n}\\n'
    """
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
