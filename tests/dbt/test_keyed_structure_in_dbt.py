"""dbt refuses a keyed method (hash, hmac, fake) on a JSON or array column, as the core does, on dbt-duckdb and
dbt-postgres (one ``dbt build`` each).

The core refuses it (:func:`maskline.methods.structure.keyed_without_one_text`): JSON, an array, a struct or a map
has no one text on every engine, so hashing each engine's own text gives one document a different token on DuckDB,
PostgreSQL and Trino. On main dbt applied no such rule: ``masked_columns`` (static or role-aware) hashed each
engine's own JSON text and the model built. Now the rule, its message and its fix are the generated catalogue's
``keyed_structure`` (written from the core), and every model that would hash a structured column fails its compile
with what, where and how to fix it, while a text column's token (the control) still builds (``dynamic_mask(...,
data_type='json')`` takes the same path, ``maskline._mask_sql``, but fails while dbt parses, which would stop every
model of this build). The macro's reading of
a type is checked against the core's for a table of types, rendered in the same build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dbt.parity_harness import build, built_on

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
PROFILE = "keyedstruct"
PG_SCHEMA = "maskline_keyedstruct"
# a JSON document and an array, per engine
LITERALS = {"duckdb": ("cast('{\"email\": \"ann@corp.com\"}' as json)", "cast(['ann@corp.com'] as varchar[])"),
            "postgres": ("cast('{\"email\": \"ann@corp.com\"}' as jsonb)", "cast(array['ann@corp.com'] as text[])")}
ROLE = "ml_keyedstruct_reader"
# model -> (the column it masks, the method); every one but the control is refused
MASKED = {"doc_tokens": ("doc", "hmac"), "tag_tokens": ("tags", "hash"), "doc_fakes": ("doc", "fake"),
          "doc_view": ("doc", "hmac"), "name_tokens": ("name", "hmac")}
REFUSED = ["doc_tokens", "tag_tokens", "doc_fakes", "doc_view"]
TYPES = ("json", "JSON", "jsonb", "varchar[]", "VARCHAR[]", "ARRAY", "text[]", "integer[3]", "array(varchar)",
         "struct(a int)", "STRUCT(a INTEGER)", "map(varchar, varchar)", "MAP(VARCHAR, VARCHAR)", "uuid", "UUID",
         "uuid[]", "bytea", "BLOB", "bytea[]", "pg_catalog.bytea", "pg_catalog.date", "public.date", "USER-DEFINED",
         "interval", "inet", "text", "character varying(20)", "decimal(18,3)", "timestamp with time zone", "xml",
         "int4range", "row(a integer)", " ", "")
METHODS = ("hash", "hmac", "fake", "redact", "email", "generalize")


def _rule_sql() -> str:
    """A model whose one value is the macro's verdict on every (method, type) pair, as JSON."""
    pairs = ", ".join(f"maskline._keyed_without_one_text({m!r}, {t!r}, maskline._catalogue())"
                      for m in METHODS for t in (*TYPES, None))
    return "select '{{ tojson([" + pairs + "]) }}' as verdicts\n"


def _project(engine: str) -> Any:
    doc, tags = LITERALS[engine]

    def build_with(root: Path, outputs: dict[str, Any], target: str) -> Any:
        models = [{"name": name, "columns": [{"name": column, "meta": {"maskline": {"method": method}}}]}
                  for name, (column, method) in MASKED.items()]
        files = {
            "models/docs.sql": f"select cast(1 as integer) as id, {doc} as doc, {tags} as tags, "
                               "cast('Ann Smith' as varchar) as name\n",
            "models/schema.yml": yaml.safe_dump({"version": 2, "models": models}, sort_keys=False),
            **{f"models/{name}.sql": "select {{ maskline.masked_columns(ref('docs')) }} from {{ ref('docs') }}\n"
               for name in MASKED if name != "doc_view"},
            "models/doc_view.sql": "{{ config(materialized='view') }}\n"
                                   "select {{ maskline.masked_columns(ref('docs'), dynamic=true, "
                                   f"unmask_for=['role:{ROLE}']) }}}} from {{{{ ref('docs') }}}}\n",
            "models/keyed_rule.sql": _rule_sql(),
        }
        proc = build(root, PROFILE, {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}, files,
                     outputs, target)
        results = json.loads((root / "target" / "run_results.json").read_text())["results"]
        return proc, {r["unique_id"].rsplit(".", 1)[-1]: r for r in results}

    return build_with


@pytest.fixture(scope="module", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """dbt's run of every model, and what the control and the rule models hold."""
    engine = request.param
    root = tmp_path_factory.mktemp(f"dbt_keyedstruct_{engine}") / "project"
    dsn = request.getfixturevalue("pg_module_dsn") if engine == "postgres" else None
    (proc, results), conn, schema = built_on(engine, root, PROFILE, PG_SCHEMA, dsn, _project(engine),
                                             duckdb_plugins=True)
    prefix = f"{schema}." if schema else ""
    try:
        cur = conn.cursor()
        cur.execute(f"select name from {prefix}name_tokens")
        control = cur.fetchone()[0]
        cur.execute(f"select verdicts from {prefix}keyed_rule")
        verdicts = json.loads(cur.fetchone()[0])
        return {"engine": engine, "proc": proc, "results": results, "control": control, "verdicts": verdicts}
    finally:
        conn.close()


@pytest.mark.parametrize("model", REFUSED)
def test_a_keyed_method_on_a_structured_column_fails_the_model_with_what_where_and_fix(
        built: dict[str, Any], model: str) -> None:
    result = built["results"][model]
    column = MASKED[model][0]
    assert result["status"] == "error", result
    message = result["message"]
    assert "which has no one text on every engine" in message, message
    assert f"(at model.{PROFILE}.{model}, column " in message and column in message, message
    assert "Fix: mask" in message and "cast it (or the field you need) to text in a staging model" in message
    assert "ann@corp.com" not in message  # never a value


def test_control_a_text_columns_token_still_builds(built: dict[str, Any]) -> None:
    assert built["results"]["name_tokens"]["status"] == "success"
    assert len(built["control"]) == 64 and built["control"] != "Ann Smith"


def test_the_macros_reading_of_a_type_is_the_cores(built: dict[str, Any]) -> None:
    from maskline.methods.structure import keyed_without_one_text

    pairs = [(m, t) for m in METHODS for t in (*TYPES, None)]
    want = {p: keyed_without_one_text(*p) for p in pairs}
    assert dict(zip(pairs, built["verdicts"], strict=True)) == want
    assert sum(want.values()) > 20 and not all(want.values())  # control: both outcomes occur
