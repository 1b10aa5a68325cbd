"""dbt-ol's ``keyCheck`` names the key the dbt macros masked with, because the macros record their choice.

Which environment variable holds the key is decided once, by the macros (``dbt_macros/macros/internal/keys.sql``):
the synced policy's ``key.env``, else ``vars.maskline_key_env`` (checked against the MD5 a policy may give in its
place), else ``MASKLINE_KEY``. While dbt parses a model that masks, they record it in the model's meta
(``maskline_key_place``: the MD5 of the name and the derivation), and dbt-ol's enrichment reads that record
(:mod:`openlineage_ext.dbt_key_check`). Before, the enrichment chose the variable again in Python, from its own
reading of ``--vars`` and ``dbt_project.yml``; where the two readings differ (a var dbt renders, here
``{{ env_var(...) }}``), lineage named no key, or another one.

Each case is a real ``dbt-ol build`` on DuckDB through the maskline transformer, with ``MASKLINE_KEY`` holding
another key than the one the case's rule picks (or the other way round): the test reads which key the macros
used from the built table's tokens, and asserts the event's ``keyCheck`` is that key's, under the same derivation.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from maskline.keys import KeyMaterial, key_check_value, method_digest_hex
from tests.dbt.dbt_harness import TEST_KEY, DbtProject
from tests.dbt.fresh_project import fresh_project, table

BIN = Path(sys.executable).parent
HR_KEY = "hr-key-for-this-test-0123456789abcdef"
EMAILS = ["alice@example.com", "bob@example.org"]
# id is declared (no meta) so dbt-ol knows the seed has it without a catalog: the unclassified rule decides it.
SEED_SCHEMA = {"version": 2, "seeds": [{"name": "raw_people", "columns": [
    {"name": "id"}, {"name": "email", "meta": {"maskline": {"info_type": "EMAIL", "method": "hmac"}}}]}]}
FILES = {
    "seeds/raw_people.csv": "id,email\n" + "".join(f"{i},{e}\n" for i, e in enumerate(EMAILS)),
    "seeds/schema.yml": yaml.safe_dump(SEED_SCHEMA, sort_keys=False),
    # hash shows the derivation in its tokens (hmac's are the same under both); masked_columns records the key's
    # place while dbt parses, when it does not know yet which columns it will mask.
    "models/people_hashed.sql": "select id, {{ maskline.mask('email', 'hash') }} as email from {{ ref('raw_people') }}\n",
    "models/people_masked.sql": "select {{ maskline.masked_columns(ref('raw_people')) }} from {{ ref('raw_people') }}\n",
}


@dataclass(frozen=True)
class Case:
    """A way of telling dbt which variable holds the key, the key the macros must then read, and its derivation."""

    vars: dict[str, Any]
    policy: str | None
    args: tuple[str, ...]
    key: str
    derivation: int


CASES = {
    # dbt renders a var's Jinja when a macro reads it: the macros read HR_MASKING_KEY. The old Python reading took
    # the unrendered text for the variable's name, found no such variable and recorded no keyCheck.
    # maskline_unclassified too: the macros read it rendered (mask); the old Python reading took its text for a rule
    # other than mask and said its columns passed raw.
    "rendered_var": Case({"maskline_key_env": "{{ env_var('WHICH_MASKING_KEY') }}",
                          "maskline_unclassified": "{{ env_var('WHICH_UNCLASSIFIED_RULE', 'pass') }}"}, None, (), HR_KEY, 1),
    # maskline_unclassified too: the macros record its rule, which dbt-ol reads (test_dbt_ol_reads_the_unclassified_rule...)
    "command_line_var": Case({}, None, ("--vars", "{maskline_key_env: HR_MASKING_KEY, maskline_unclassified: pass}"),
                             HR_KEY, 1),
    # The policy names its variable only as an MD5; the command line names it, and the macros check it.
    "synced_md5_only": Case({"maskline_policy": "policy.yml"}, "version: 1\nkey: {env: HR_MASKING_KEY, derivation: 2}\n",
                            ("--vars", "{maskline_key_env: HR_MASKING_KEY}"), HR_KEY, 2),
    # The policy names maskline's default variable, by name.
    "synced_env": Case({"maskline_policy": "policy.yml"}, "version: 1\nkey: {env: MASKLINE_KEY, derivation: 2}\n",
                       (), TEST_KEY, 2),
}
PLACE = "maskline_key_place"  # the meta key the macros write and dbt-ol reads
UNCLASSIFIED = "maskline_unclassified"  # the same for the rule of the columns nobody classified
KEYS_ENV = {"HR_MASKING_KEY": HR_KEY, "WHICH_MASKING_KEY": "HR_MASKING_KEY", "MASKLINE_KEY": TEST_KEY,
            "WHICH_UNCLASSIFIED_RULE": "mask"}


@dataclass
class Built:
    project: DbtProject
    events: list[dict[str, Any]]
    text: str


def _dbt_ol_build(project: DbtProject, args: tuple[str, ...]) -> tuple[list[dict[str, Any]], str]:
    """``dbt-ol build`` of ``project`` through the maskline transformer into a JSONL file; its events and text."""
    from openlineage_ext.transformer import transport_config

    jsonl = project.root.parent / "events.jsonl"
    config = project.root.parent / "openlineage.yml"
    # dbt_catalog: read spares the enrichment a `dbt docs generate` (types do not matter here).
    config.write_text(yaml.safe_dump({"transport": transport_config(
        {"type": "file", "log_file_path": str(jsonl), "append": True}, dbt_catalog="read")}))
    env = {k: v for k, v in project.env.items() if not k.startswith("OPENLINEAGE")}
    env.update(KEYS_ENV, OPENLINEAGE_CONFIG=str(config), OPENLINEAGE_NAMESPACE="maskline-key-place-test",
               PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    proc = subprocess.run([str(BIN / "dbt-ol"), "build", *args, "--profiles-dir", str(project.profiles_dir),
                           "--target", project.target], cwd=project.root, env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
    text = jsonl.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()], text


@pytest.fixture(scope="module", params=sorted(CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Case, Built]:
    case = CASES[request.param]
    files = {**FILES, **({"policy.yml": case.policy} if case.policy else {})}
    project = fresh_project(tmp_path_factory.mktemp(f"key_place_{request.param}") / "project", files,
                            vars=case.vars, plugin=False)
    if case.policy:
        subprocess.run([sys.executable, "-m", "maskline", "dbt", "sync"], cwd=project.root, env=project.env,
                       check=True, capture_output=True)
    events, text = _dbt_ol_build(project, case.args)
    return case, Built(project, events, text)


def _masking(built: Built, model: str) -> dict[str, Any]:
    for event in built.events:
        if event["eventType"] == "COMPLETE" and f".{model}." in event["job"]["name"] + ".":
            return event["outputs"][0]["facets"]["maskline_masking"]
    raise AssertionError(f"no COMPLETE event of {model}: {[e['job']['name'] for e in built.events]}")


@pytest.mark.dbt
@pytest.mark.xdist_group("dbt")
def test_the_key_check_names_the_key_the_macros_masked_with(built: tuple[Case, Built]) -> None:
    case, run = built
    used = KeyMaterial(case.key.encode())
    # Which key the macros read, seen in what they wrote: the tokens of that key and derivation, no other's.
    rows = table(run.project, "people_hashed")
    assert [r[1] for r in rows] == [method_digest_hex(used, "hash", e, case.derivation) for e in EMAILS]
    other = KeyMaterial((TEST_KEY if case.key == HR_KEY else HR_KEY).encode())
    assert [r[1] for r in rows] != [method_digest_hex(other, "hash", e, case.derivation) for e in EMAILS]
    masked = sorted(r[1] for r in table(run.project, "people_masked"))  # its ids are redacted: no order
    assert masked == sorted(method_digest_hex(used, "hmac", e, 1) for e in EMAILS)
    for model in ("people_hashed", "people_masked"):
        check = _masking(run, model).get("keyCheck")
        assert check is not None, model  # the old Python rule recorded none for a var dbt renders
        assert (check["value"], check["derivation"]) == (key_check_value(used), case.derivation), model


@pytest.mark.dbt
@pytest.mark.xdist_group("dbt")
def test_the_record_holds_the_variables_md5_and_never_reaches_lineage(built: tuple[Case, Built]) -> None:
    case, run = built
    name = "MASKLINE_KEY" if case.key == TEST_KEY else "HR_MASKING_KEY"
    manifest = run.project.manifest()
    for model in ("people_hashed", "people_masked"):
        place = manifest["nodes"][f"model.fresh.{model}"]["meta"][PLACE]
        assert place == {"source": "env", "derivation": case.derivation,
                         "env_md5": hashlib.md5(name.encode()).hexdigest()}
    assert "HR_MASKING_KEY" not in json.dumps({u: n["meta"] for u, n in manifest["nodes"].items()})
    assert PLACE not in run.text  # dbt-ol makes a run tag of every meta entry; the enrichment drops this one
    assert HR_KEY not in run.text and TEST_KEY not in run.text


@pytest.mark.dbt
@pytest.mark.xdist_group("dbt")
def test_dbt_ol_reads_the_unclassified_rule_the_macros_applied(built: tuple[Case, Built]) -> None:
    """people_masked's ``id`` has no meta: vars.maskline_unclassified (given only on the command line in one case)
    decides it without a synced policy, the policy's ``unclassified:`` with one (none here: masked). The macros
    record the var's rule in the model's meta; dbt-ol's facet must say what the table holds. Before, dbt-ol read
    the var again in Python from its own parse of ``--vars`` and ``dbt_project.yml``."""
    case, run = built
    synced = case.policy is not None
    passes = "maskline_unclassified: pass" in " ".join(case.args)
    ids = sorted(str(r[0]) for r in table(run.project, "people_masked"))
    assert ids == (["0", "1"] if passes else ["[REDACTED]"] * 2), ids
    field = _masking(run, "people_masked")["fields"]["id"]
    assert (field["masked"], field.get("method")) == ((False, None) if passes else (True, "redact")), field
    meta = run.project.manifest()["nodes"]["model.fresh.people_masked"]["meta"]
    assert meta.get(UNCLASSIFIED) == (None if synced else "pass" if passes else "mask"), meta
    tags = [t.get("key") for e in run.events for t in ((e.get("run") or {}).get("facets", {}).get("tags") or {}).get("tags", [])]
    assert UNCLASSIFIED not in tags and PLACE not in tags  # no run tag of maskline's notes to itself


# -- without dbt ---------------------------------------------------------------------------------------------------

def _node(place: dict[str, Any] | None) -> dict[str, Any]:
    return {"unique_id": "model.p.m", "meta": {PLACE: place} if place else {}, "config": {"meta": {}}}


def test_a_manifest_without_the_record_names_no_key() -> None:
    """A manifest written by the package before it recorded the key's place: no keyCheck rather than a guess, even
    though MASKLINE_KEY (the old default) holds a key."""
    from openlineage_ext.dbt_key_check import dbt_key_check

    assert dbt_key_check(_node(None), environ={"MASKLINE_KEY": TEST_KEY}) is None


def test_a_key_the_server_reads_is_named_by_no_variable() -> None:
    from openlineage_ext.dbt_key_check import dbt_key_check

    place = {"source": "database", "derivation": 2}
    assert dbt_key_check(_node(place), environ={"MASKLINE_KEY": TEST_KEY}) is None


def test_the_variable_is_found_by_the_md5_of_its_name() -> None:
    from openlineage_ext.dbt_key_check import dbt_key_check

    place = {"source": "env", "derivation": 2, "env_md5": hashlib.md5(b"HR_MASKING_KEY").hexdigest()}
    check = dbt_key_check(_node(place), environ={"MASKLINE_KEY": TEST_KEY, "HR_MASKING_KEY": HR_KEY})
    assert check is not None and (check["value"], check["derivation"]) == (key_check_value(KeyMaterial(HR_KEY.encode())), 2)
    assert dbt_key_check(_node(place), environ={"MASKLINE_KEY": TEST_KEY}) is None  # not set: no key to name
