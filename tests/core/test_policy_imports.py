"""Loading and checking a policy imports no sqlglot, pandas, pyarrow or duckdb; compiling it does import sqlglot.

An Airflow DAG file, a CLI call and ``maskline policy validate`` load a policy while they start, so loading
must pay only for reading and validating it. The method definitions the loader reads (names, parameters,
rules, the JSON Schema built from them) live beside their SQL builders, which import sqlglot where they
build. Each probe runs in a fresh interpreter: it loads the example policy file and a dict policy that uses
every method, custom info types and every section, builds the schema, and has two broken policies refused
with their what/where/fix; the control then compiles the policy to SQL and must see sqlglot loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Only compiling (and running) a policy needs these; jsonschema loads only to explain a refusal.
NOT_FOR_LOADING = ("sqlglot", "pandas", "pyarrow", "numpy", "duckdb")
PROBE = """
import json, sys
from maskline.errors import PolicyError
from maskline.methods.registry import METHODS, method_spec
from maskline.methods.schema import catalogue_entry
from maskline.policy import load_policy, policy_schema
from maskline.policy_schema import build_policy_schema

every_method = {"EMAIL": "email", "US_SSN": {"method": "partial", "keep_last": 4}, "PHONE": "char_mask",
                "PERSON_NAME": {"method": "fake", "kind": "name"}, "IBAN": {"method": "hash", "length": 16},
                "CREDIT_CARD": {"method": "hmac", "length": 16}, "PASSWORD": "null",
                "DATE_OF_BIRTH": {"method": "generalize", "to": "year"},
                "API_KEY": {"method": "redact", "label": "[KEY]"},
                "FREE_TEXT_WITH_PII": {"method": "scrub", "info_types": ["EMAIL", "US_SSN"]}}
raw = {
    "version": 1, "key": {"env": "MASKLINE_KEY"}, "unclassified": "mask", "methods": every_method,
    "datasets": {"warehouse.crm.customers": {"columns": {
        "email": {"info_type": "EMAIL"}, "emp_id": {"info_type": "EMPLOYEE_ID"}, "tier": {"pass": True},
        "zip": {"info_type": "POSTAL_CODE", "method": {"method": "generalize", "prefix": 3}}}}},
    "info_types": {"EMPLOYEE_ID": {"category": "identifier", "pattern": "^E[0-9]{6}$", "name_hints": ["emp_id"],
                                   "method": "hmac"},
                   "LOYALTY_CARD": {"validator": "luhn", "method": {"method": "partial", "keep_last": 4}}},
    "unmask_for": ["role:pii_reader"], "allow_list": ["noreply@example.com"],
    "rewrite": {"filter_literals": "tokenize"}, "classify": {"min_confidence": 0.7, "sample": 5000},
}
policies = [load_policy("examples/policy.yml"), load_policy(raw)]
p = policies[1]
assert p.method_for("EMPLOYEE_ID").name == "hmac" and p.dataset("customers").columns["zip"].method is not None
assert [m.describe() for m in p.methods.values()] and p.fingerprint() and policy_schema()["title"]
assert build_policy_schema() and [catalogue_entry(m) for m in METHODS.values()] and method_spec("email")
errors = []
refused = ("version: 1\\nunclassified: maks\\n", {"methods": {"EMAIL": {"method": "partial", "keep_lats": 4}}})
for broken in refused:
    try:
        load_policy(broken)
    except PolicyError as e:
        errors.append([e.what, e.where, e.fix])
"""
REPORT = 'print(json.dumps({"loaded": [m for m in sys.argv[1:] if m in sys.modules], "errors": errors}))'
# The control: what the compiler does with a loaded policy (maskline.compile_select over a plan).
COMPILE = """
import maskline
columns = [("email", "text"), ("emp_id", "text"), ("zip", "text"), ("tier", "integer")]
plan = maskline.build_plan(p, "customers", columns)
assert "CASE" in maskline.compile_select(plan, "customers", "duckdb").sql("duckdb")
"""


def _probe(then: str = "") -> dict[str, list]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", PROBE + then + REPORT, *NOT_FOR_LOADING], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_loading_and_refusing_policies_imports_no_sqlglot_pandas_or_pyarrow() -> None:
    out = _probe()
    assert out["loaded"] == []
    # The refusals keep their structured errors: what, where (the file and key path) and how to fix.
    assert out["errors"] == [
        ["unclassified must be one of 'pass', 'mask', not 'maks'", "<string>: unclassified",
         "use 'mask' to fail closed on columns nobody classified"],
        ["unknown parameter 'keep_lats' for method 'partial'", "<dict>: methods.EMAIL.keep_lats",
         "did you mean 'keep_last'?"],
    ]


def test_control_compiling_the_loaded_policy_does_import_sqlglot() -> None:
    # Not trivially true: the same probe sees sqlglot once the policy is compiled to SQL.
    out = _probe(then=COMPILE)
    assert "sqlglot" in out["loaded"]
    assert len(out["errors"]) == 2
