"""The policy file's one definition: its JSON Schema, built from the method definitions and the catalogue.

:func:`maskline.policy.load_policy` validates every policy against this schema
(with ``jsonschema``) before it reads meaning into it, and the same schema is
committed as ``maskline/schemas/policy.schema.json`` for editors and CI. The
``x-what`` and ``x-fix`` keywords carry the error message and the fix the
loader reports where a value breaks that part of the schema (JSON Schema
ignores unknown keywords); ``x-method`` marks where a method entry sits, so
its errors come from the method definitions with their own did-you-mean.

Run ``python -m maskline.policy_schema`` after changing a method or the
policy's shape; ``--check`` fails when the committed file is stale.

>>> build_policy_schema()["properties"]["unclassified"]["enum"]
['pass', 'mask']
"""

from __future__ import annotations

import argparse
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("schemas") / "policy.schema.json"
INFO_TYPE_NAME = "^[A-Z][A-Z0-9_]*$"
FILTER_LITERALS = ("refuse", "tokenize", "allow")


def _section(properties: dict[str, Any], description: str) -> dict[str, Any]:
    """A mapping of known keys that may also be left empty (``rewrite:`` with nothing under it)."""
    return {"description": description, "type": ["object", "null"], "additionalProperties": False,
            "properties": properties}


def _strings(what: str, fix: str, item: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", **(item or {})}, "x-what": what, "x-fix": fix}


def build_policy_schema() -> dict[str, Any]:
    """The policy's JSON Schema (draft 2020-12), with the loader's messages in ``x-what``/``x-fix``."""
    from maskline.infotypes import CATEGORIES
    from maskline.methods.schema import methods_schema
    from maskline.sql.kind_shapes import held_shapes

    method_ref = {"$ref": "#/$defs/methodEntry"}
    defs = methods_schema()
    defs["method"].update({"description": "A masking method and its parameters."})
    defs["methodEntry"] = {"oneOf": [{"$ref": "#/$defs/methodName"}, {"$ref": "#/$defs/method"}], "x-method": True,
                           "description": "A method name alone, or a method with its parameters."}
    defs["column"] = {
        "type": ["object", "null"], "additionalProperties": False,
        "anyOf": [{"type": "object", "required": ["info_type"]}, {"type": "object", "required": ["method"]},
                  {"type": "object", "required": ["pass"], "maxProperties": 1}],
        "x-what": "a column needs 'info_type', 'method' or 'pass' (alone)",
        "x-fix": "e.g. {info_type: EMAIL}, or {pass: true} to pass it raw",
        "properties": {
            "pass": {"oneOf": [
                {"const": True, "description": "Pass the column raw: a person reviewed it as not sensitive."},
                {"enum": list(held_shapes()),
                 "description": "The classifier passed the column for a sample's values of this shape (maskline "
                                "policy init writes it): every row is held to the shape, a value without it is masked."},
            ], "x-what": "'pass' is true (a person's decision) or the shape the classifier passed it for",
                "x-fix": "write {pass: true} to pass it raw, or a shape such as {pass: labels}",
                "description": "Pass the column raw (true), or raw where each value has the shape named."},
            "info_type": {"type": "string", "description": "A built-in or custom info type."},
            "method": {**method_ref, "description": "Overrides the info type's method for this column."},
        },
    }
    defs["infoType"] = {
        "type": ["object", "null"], "additionalProperties": False,
        "properties": {
            "category": {"enum": list(CATEGORIES)},
            "pattern": {"type": "string", "description": "A Python regular expression a value must match."},
            "validator": {"type": "string", "description": "A built-in validator, such as luhn."},
            "name_hints": _strings("name_hints must be a list of strings", "e.g. [emp_id, staff_no]"),
            "method": method_ref,
        },
    }
    from maskline.keys import DERIVATIONS

    derivation = {
        "enum": list(DERIVATIONS),
        "description": "How keyed methods use the key. 1 (the default): hmac is HMAC-SHA256 of the value, hash "
                       "and fake read SHA-256 of key || value, one digest for both, so a value's hash token and "
                       "fake are linkable. 2 (what maskline writes for new policies): hash and fake are "
                       "HMAC-SHA256 in domains of their own, unlinkable to each other and to hmac, whose tokens "
                       "stay as they were. Changing it changes hash and fake tokens: joins with earlier outputs "
                       "break.",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://maskline.dev/schemas/policy/1-0-0/policy.schema.json",
        "title": "maskline policy",
        "description": "Which columns are sensitive and how each is masked. GENERATED by "
                       "`python -m maskline.policy_schema` from maskline.methods; maskline.policy.load_policy "
                       "validates every policy against it.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1, "x-what": "unsupported policy version", "x-fix": "use version: 1"},
            "key": {
                "description": "Where the masking key comes from. It is never written in the policy itself.",
                "type": "object",
                "oneOf": [
                    {"required": ["env"], "properties": {"env": {"type": "string", "minLength": 1},
                                                         "derivation": derivation},
                     "additionalProperties": False},
                    {"required": ["airflow_conn"], "properties": {"airflow_conn": {"type": "string", "minLength": 1},
                                                                  "derivation": derivation},
                     "additionalProperties": False},
                ],
                "x-what": "key must name exactly one source",
                "x-fix": "use key: {env: MASKLINE_KEY} or key: {airflow_conn: maskline_default}",
            },
            "unclassified": {"enum": ["pass", "mask"],
                             "description": "Columns the policy does not name: mask (the default) masks them unless "
                                            "a scan is confident they hold nothing sensitive; pass passes them raw.",
                             "x-fix": "use 'mask' to fail closed on columns nobody classified"},
            "methods": {"description": "Info type -> default method.", "type": ["object", "null"],
                        "additionalProperties": method_ref},
            "datasets": {
                "description": "Per-dataset column overrides; names may be qualified (db.schema.table).",
                "type": ["object", "null"],
                "additionalProperties": _section(
                    {"columns": {"type": ["object", "null"], "additionalProperties": {"$ref": "#/$defs/column"}}},
                    "One dataset's columns."),
            },
            "unmask_for": _strings("unmask_for must be a list of 'kind:name' identities",
                                   "e.g. [role:pii_reader, user:alice]", {"pattern": "^[a-z_]+:.+$"}),
            "info_types": {
                "description": "Custom info types.", "type": ["object", "null"],
                "propertyNames": {"pattern": INFO_TYPE_NAME, "x-what": "info type names must be UPPER_SNAKE_CASE",
                                  "x-fix": "e.g. EMPLOYEE_ID"},
                "additionalProperties": {"$ref": "#/$defs/infoType"},
            },
            "allow_list": _strings("allow_list must be a list of strings", "e.g. [noreply@example.com]"),
            "rewrite": _section({
                "safe_functions": {"type": "array", "items": {"type": "string"},
                                   "description": "Deprecated and ignored."},
                "filter_literals": {"enum": list(FILTER_LITERALS)},
            }, "Settings of the query rewrite."),
            "classify": _section({
                "min_confidence": {"type": "number", "minimum": 0, "maximum": 1,
                                   "x-what": "min_confidence must be between 0 and 1", "x-fix": "e.g. 0.6"},
                "sample": {"type": "integer", "minimum": 1, "x-what": "sample must be a positive integer",
                           "x-fix": "e.g. 10000"},
            }, "Settings of the classifier."),
        },
        "$defs": defs,
    }


def passes_schema(raw: Any) -> bool:
    """Whether ``raw`` passes the policy schema, by the schema compiled to Python (fastjsonschema).

    The quick answer for the common case, a valid policy: compiled once per process in
    about 30 ms, where importing ``jsonschema`` costs about 300 ms. A policy it refuses
    goes to :func:`validator` (``jsonschema``, the reference), which finds every
    violation and the loader's message; so a refusal here is never the last word, and
    a test holds the two to the same answers.

    >>> passes_schema({"version": 1}), passes_schema({"version": 2}), passes_schema({"unclassified": "maks"})
    (True, False, False)
    """
    from fastjsonschema import JsonSchemaValueException

    try:
        _compiled()(raw)
    except JsonSchemaValueException:
        return False
    return True


@lru_cache(maxsize=1)
def _compiled() -> Any:
    import fastjsonschema

    # No defaults filled into the policy, no format checks (the schema has none).
    return fastjsonschema.compile(build_policy_schema(), use_default=False, use_formats=False)


@lru_cache(maxsize=1)
def validator() -> Any:
    """A cached ``jsonschema`` validator of the policy schema (built on first use, never at import).

    The loader asks it only about a policy :func:`passes_schema` refused: it lists every violation, with
    the schema path the loader's what/where/fix message is built from.

    >>> validator().is_valid({"version": 1}), validator().is_valid({"unclassified": "maybe"})
    (True, False)
    """
    import jsonschema

    # The schema itself is checked against the meta-schema by the tests, not here: that costs a second.
    # Its local $refs are inlined: resolving them is most of jsonschema's time on a policy (about 5x).
    schema = build_policy_schema()
    return jsonschema.Draft202012Validator(inline_refs(schema, schema["$defs"]))


def inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with every ``{"$ref": "#/$defs/x", ...}`` replaced by ``x`` (its sibling keywords kept).

    >>> inline_refs({"a": {"$ref": "#/$defs/n", "description": "d"}}, {"n": {"type": "integer"}})
    {'a': {'type': 'integer', 'description': 'd'}}
    """
    if isinstance(node, list):
        return [inline_refs(v, defs) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
    if "$ref" in node:
        out = {**inline_refs(defs[node["$ref"].rsplit("/", 1)[1]], defs), **out}
    return out


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, verify) ``maskline/schemas/policy.schema.json``.

    >>> main(["--check"])  # the committed schema is the one the code builds
    0
    """
    from maskline.methods.schema import canonical_json

    parser = argparse.ArgumentParser(prog="python -m maskline.policy_schema", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args(argv)
    text = canonical_json(build_policy_schema())
    if args.check:
        if not SCHEMA_PATH.exists() or SCHEMA_PATH.read_text(encoding="utf-8") != text:
            print(f"{SCHEMA_PATH} is stale: run python -m maskline.policy_schema", file=sys.stderr)
            return 1
        return 0
    from maskline.atomic_output import write_text_atomic

    write_text_atomic(SCHEMA_PATH, text)
    print(f"wrote {SCHEMA_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
