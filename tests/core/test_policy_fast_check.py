"""A valid policy is checked by the schema compiled with fastjsonschema; jsonschema loads only to explain a refusal.

The two validators must give the same answer on every policy: the compiled check decides alone when it
accepts, so a policy it lets through that jsonschema refuses would be a hole. The agreement is checked on the
example policies with every value replaced in turn by values of every JSON kind, and on the method entries
around every declared limit.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import pytest
import yaml

from maskline.policy_schema import build_policy_schema, passes_schema
from tests.core.test_policy_schema import _entries

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = ("examples/policy.yml", "examples/dbt_project/policy.yml", "examples/mcp/policy.yml",
            "examples/dags/maskline_policy.yml")
# One value of every JSON kind, and the strings and entries the schema gives meaning to.
PROBES: tuple[Any, ...] = (True, False, 0, 1, 2, 1.0, 0.5, -1, "", "x", "pass", "mask", "hmac", "EMAIL", "role:x",
                           "bad name", None, [], {}, ["x"], [1], {"x": 1}, {"method": "hmac"},
                           {"method": "partial", "keep_last": 4}, {"info_type": "EMAIL"}, {"pass": True})


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*path, i))


def _replaced(raw: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(raw)
    node = out
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return out


def _mutants() -> Iterator[Any]:
    for name in EXAMPLES:
        raw = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
        yield raw
        for path in _paths(raw):
            node = raw
            for step in path:
                node = node[step]
            if isinstance(node, dict):
                yield _replaced(raw, (*path, "unknown_key"), 1)
            if path:
                for probe in PROBES:
                    yield _replaced(raw, path, copy.deepcopy(probe))
    for entry in _entries():
        yield {"version": 1, "methods": {"EMAIL": entry}}
        yield {"datasets": {"raw.t": {"columns": {"c": {"info_type": "EMAIL", "method": entry}}}}}


def test_the_compiled_check_and_jsonschema_agree_on_every_policy() -> None:
    reference = jsonschema.Draft202012Validator(build_policy_schema())
    seen = {True: 0, False: 0}
    for raw in _mutants():
        expected = reference.is_valid(raw)
        assert passes_schema(raw) == expected, json.dumps(raw, default=str)[:300]
        seen[expected] += 1
    assert seen[True] > 100 and seen[False] > 1000, seen  # both answers were exercised, many times


def test_the_agreement_check_catches_a_compiled_check_that_is_looser() -> None:
    # Not trivially true: a compiled check that forgot one rule (unknown top-level keys) disagrees with
    # jsonschema on some of the same policies, so the comparison above would fail.
    schema = build_policy_schema()
    del schema["additionalProperties"]
    loose = fastjsonschema.compile(schema, use_default=False, use_formats=False)
    reference = jsonschema.Draft202012Validator(build_policy_schema())

    def loose_passes(raw: Any) -> bool:
        try:
            loose(raw)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True

    disagreements = [raw for raw in _mutants() if loose_passes(raw) != reference.is_valid(raw)]
    assert disagreements and all("unknown_key" in raw for raw in disagreements)


PROBE = """
import json, sys
from maskline.policy import load_policy
from maskline.errors import PolicyError
try:
    load_policy(sys.argv[1])
except PolicyError:
    pass
print(json.dumps("jsonschema" in sys.modules))
"""


@pytest.mark.parametrize(("text", "loads_jsonschema"), [
    ("version: 1\nunclassified: mask\nmethods: {EMAIL: {method: partial, keep_last: 4}}\n", False),
    ("version: 1\nunclassified: maks\n", True),  # the control: explaining a refusal does load it
])
def test_a_valid_policy_loads_without_importing_jsonschema(text: str, loads_jsonschema: bool) -> None:
    out = subprocess.run([sys.executable, "-c", PROBE, text], capture_output=True, text=True, check=True, cwd=REPO,
                         env={"PYTHONPATH": str(REPO), "PATH": ""})
    assert json.loads(out.stdout) is loads_jsonschema
