"""An agent's tool-call arguments, checked against the tool's declared parameters before a framework's model does.

Agent frameworks validate a call's arguments with pydantic, whose error quotes what it was given: the MCP SDK's
``input_value={'x': '219-09-9999'}`` (or, for a missing parameter, every argument sent), pydantic-ai's ``input``
in the retry prompt. That text went back to the agent as the tool's result. ``maskline mcp``
(:class:`maskline.mcp.server.CheckedServer`) and ``MaskedSQLToolset`` check the arguments here first, against the
tool's own input schema (the one the agent is shown, so the two cannot drift), and describe a mismatch from
structure only: the parameter's declared name, the JSON type it takes and the JSON type it got. An argument the
tool does not declare is counted, never named (its name is the agent's text, not the tool's). Nothing the agent
sent is repeated.

>>> schema = {"properties": {"sql": {"type": "string"}}, "required": ["sql"]}
>>> argument_problem(schema, {"sql": "SELECT 1"}) is None
True
>>> argument_problem(schema, {"sql": {"x": "219-09-9999"}})
'argument sql must be a string, not an object'
>>> argument_problem(schema, {"sql": "SELECT 1", "note": "219-09-9999"})
'1 argument the tool does not take (its name is not repeated)'
>>> argument_problem(schema, {})
'argument sql is missing'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# JSON's names for the Python types a decoded JSON value can have. bool before int: True is an int to Python.
_JSON_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"), (dict, "object"),
    (type(None), "null"),
)
# What each JSON Schema type admits (an integer is a number too).
_ADMITS: Mapping[str, frozenset[str]] = {
    "string": frozenset({"string"}), "integer": frozenset({"integer"}), "number": frozenset({"integer", "number"}),
    "boolean": frozenset({"boolean"}), "array": frozenset({"array"}), "object": frozenset({"object"}),
    "null": frozenset({"null"}),
}


def json_type(value: Any) -> str:
    """The JSON type of a decoded JSON value (``"object"``, ``"string"``...), never the value.

    >>> json_type({"a": 1}), json_type(3), json_type(True), json_type(None)
    ('object', 'integer', 'boolean', 'null')
    """
    for python_type, name in _JSON_TYPES:
        if isinstance(value, python_type):
            return name
    return "unknown"


def _article(type_name: str) -> str:
    return f"an {type_name}" if type_name[0] in "aeiou" else f"a {type_name}"


def _declared_types(spec: Mapping[str, Any]) -> frozenset[str] | None:
    """The JSON types a parameter's schema admits; None when it declares none (anything goes)."""
    declared = spec.get("type")
    if isinstance(declared, str):
        return _ADMITS.get(declared, frozenset())
    if isinstance(declared, list):
        return frozenset().union(*(_ADMITS.get(str(t), frozenset()) for t in declared))
    options = spec.get("anyOf")
    if isinstance(options, list):
        admitted = [_declared_types(o) for o in options if isinstance(o, Mapping)]
        return None if any(a is None for a in admitted) else frozenset().union(*admitted)  # type: ignore[arg-type]
    return None


def argument_problem(schema: Mapping[str, Any], arguments: Any) -> str | None:
    """What is wrong with ``arguments`` for a tool whose input schema is ``schema``, or None when nothing is.

    The answer names only what the schema declares (a parameter's name and JSON type) and the JSON type
    received; it never quotes a value, nor the name of an argument the schema does not declare.

    >>> schema = {"properties": {"table": {"type": "string"}}, "required": ["table"]}
    >>> argument_problem(schema, {"table": 42})
    'argument table must be a string, not an integer'
    >>> argument_problem(schema, ["customers"])
    'the arguments must be an object of named parameters, not an array'
    """
    if not isinstance(arguments, Mapping):
        return f"the arguments must be an object of named parameters, not {_article(json_type(arguments))}"
    properties = schema.get("properties") or {}
    unknown = [name for name in arguments if name not in properties]
    if unknown:
        n = len(unknown)
        return f"{n} argument{'s' if n > 1 else ''} the tool does not take ({'their names are' if n > 1 else 'its name is'} not repeated)"
    for name in schema.get("required") or ():
        if name not in arguments:
            return f"argument {name} is missing"
    for name, value in arguments.items():
        admitted = _declared_types(properties[name])
        got = json_type(value)
        if admitted is not None and got not in admitted:
            wanted = " or ".join(_article(t) for t in sorted(admitted - {"integer"} if "number" in admitted
                                                             else admitted)) or "nothing"
            return f"argument {name} must be {wanted}, not {_article(got)}"
    return None


def describe_parameters(schema: Mapping[str, Any]) -> str:
    """The parameters a tool takes, as the fix of a refused call says them.

    >>> describe_parameters({"properties": {"sql": {"type": "string"}}, "required": ["sql"]})
    'sql (string)'
    >>> describe_parameters({"properties": {}})
    'no arguments'
    """
    properties = schema.get("properties") or {}
    parts = [f"{name} ({spec.get('type', 'any')})" for name, spec in properties.items() if isinstance(spec, Mapping)]
    return ", ".join(parts) or "no arguments"
