"""dbt refuses what the core refuses for a column's type, from one rule, on dbt-duckdb and dbt-postgres (one ``dbt
build`` each): a keyed method (hash, hmac, fake) on a JSON or array column, a method keeping part of the text
(``email``) on an array, and any method reading the text of an interval or a time with a time zone (``partial``,
``hmac``), whose text each engine writes its own way.

The core refuses it (:func:`maskline.methods.structure.keyed_without_one_text`): JSON, an array, a struct or a map
has no one text on every engine, so hashing each engine's own text gives one document a different token on DuckDB,
PostgreSQL and Trino. On main dbt applied no such rule: ``masked_columns`` (static or role-aware) hashed each
engine's own JSON text and the model built. Now the rule, its message and its fix are the generated catalogue's
``keyed_structure`` (written from the core), and every model that would hash a structured column fails its compile
with what, where and how to fix it, while a text column's token (the control) still builds (``dynamic_mask(...,
data_type='json')`` takes the same path, ``maskline._mask_sql``, but fails while dbt parses, which would stop every
model of this build). The macro's reading of
a type is checked against the core's for a table of types, rendered in the same build.

The keyed refusal came first (mends3); on main dbt still masked an interval with ``partial`` by each engine's own
text (``1 year 2 mons`` on PostgreSQL, ``1 year 2 months`` on DuckDB) and an array of e-mails with ``email`` by its
rendering, keeping its brackets and domain. Now the catalogue's ``structure_refusal`` carries the core's whole rule
(:func:`maskline.methods.structure.refusal_kind`) and its messages, and the macro's verdict is the core's for every
method of the registry on every type of the table.
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
# an interval of 14 months and a time with a zone: the same SQL on both engines
ENGINE_TEXT = "cast(interval '14 months' as interval) as span, cast('03:04:05+02' as timetz) as at_tz"
ROLE = "ml_keyedstruct_reader"
# model -> (the column it masks, the method); every one but the control is refused
MASKED = {"doc_tokens": ("doc", "hmac"), "tag_tokens": ("tags", "hash"), "doc_fakes": ("doc", "fake"),
          "doc_view": ("doc", "hmac"), "name_tokens": ("name", "hmac"),
          "tag_emails": ("tags", "email"), "span_partial": ("span", "partial"), "at_tz_tokens": ("at_tz", "hmac"),
          "span_redacted": ("span", "redact")}
REFUSED = ["doc_tokens", "tag_tokens", "doc_fakes", "doc_view"]
# model -> what its refusal says (the core's wording, maskline.methods.structure.REFUSALS)
REFUSED_OTHERWISE = {"tag_emails": "whose text form has structure the method email would keep in part",
                     "span_partial": "has type interval, whose text each engine writes its own way, so the method "
                                     "partial would mask one value differently",
                     "at_tz_tokens": "whose text each engine writes its own way, so the method hmac"}
TYPES = ("json", "JSON", "jsonb", "varchar[]", "VARCHAR[]", "ARRAY", "text[]", "integer[3]", "array(varchar)",
         "struct(a int)", "STRUCT(a INTEGER)", "map(varchar, varchar)", "MAP(VARCHAR, VARCHAR)", "uuid", "UUID",
         "uuid[]", "bytea", "BLOB", "bytea[]", "pg_catalog.bytea", "pg_catalog.date", "public.date", "USER-DEFINED",
         "interval", "inet", "text", "character varying(20)", "decimal(18,3)", "timestamp with time zone", "xml",
         "int4range", "row(a integer)", " ", "",
         # scalar types whose text each engine writes its own way, and their neighbours that are refused nothing
         "INTERVAL", "interval year to month", "time with time zone", "TIME WITH TIME ZONE", "time(6) with time zone",
         "timetz", "time", "date", "timestamp(3) with time zone", "enum('a', 'b')")
METHODS = ("hash", "hmac", "fake", "redact", "email", "generalize")


def _all_methods() -> list[str]:
    from maskline.methods.registry import METHODS as REGISTRY

    return sorted(REGISTRY)


def _rule_sql() -> str:
    """A model whose one value is the macro's verdict on every (method, type) pair, as JSON."""
    pairs = ", ".join(f"maskline._keyed_without_one_text({m!r}, {t!r}, maskline._catalogue())"
                      for m in METHODS for t in (*TYPES, None))
    kinds = ", ".join(f"maskline._structure_refusal_kind({m!r}, {t!r}, maskline._catalogue())"
                      for m in _all_methods() for t in (*TYPES, None))
    return ("select '{{ tojson([" + pairs + "]) }}' as verdicts, '{{ tojson([" + kinds + "]) }}' as kinds\n")


def _project(engine: str) -> Any:
    doc, tags = LITERALS[engine]

    def build_with(root: Path, outputs: dict[str, Any], target: str) -> Any:
        models = [{"name": name, "columns": [{"name": column, "meta": {"maskline": {"method": method}}}]}
                  for name, (column, method) in MASKED.items()]
        files = {
            "models/docs.sql": f"select cast(1 as integer) as id, {doc} as doc, {tags} as tags, "
                               f"cast('Ann Smith' as varchar) as name, {ENGINE_TEXT}\n",
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
        cur.execute(f"select verdicts, kinds from {prefix}keyed_rule")
        verdicts, kinds = (json.loads(v) for v in cur.fetchone())
        cur.execute(f"select span from {prefix}span_redacted")
        redacted = cur.fetchone()[0]
        return {"engine": engine, "proc": proc, "results": results, "control": control, "verdicts": verdicts,
                "kinds": kinds, "redacted": redacted}
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


@pytest.mark.parametrize("model", sorted(REFUSED_OTHERWISE))
def test_a_method_the_core_refuses_for_the_type_fails_the_model_with_what_where_and_fix(
        built: dict[str, Any], model: str) -> None:
    result = built["results"][model]
    column, method = MASKED[model]
    assert result["status"] == "error", result
    message = result["message"]
    assert REFUSED_OTHERWISE[model] in message, message
    assert f"(at model.{PROFILE}.{model}, column " in message and column in message, message
    assert "Fix: mask" in message and "in a staging model and mask that column" in message, message
    # never a value, nor an engine's text of one
    assert not any(v in message for v in ("ann@corp.com", "corp.com", "mons", "months", "03:04:05")), message


def test_control_an_interval_redacted_builds(built: dict[str, Any]) -> None:
    assert built["results"]["span_redacted"]["status"] == "success"
    assert "mon" not in str(built["redacted"])


def test_the_macros_refusal_is_the_cores_for_every_method_and_type(built: dict[str, Any]) -> None:
    from maskline.methods.structure import refusal_kind

    pairs = [(m, t) for m in _all_methods() for t in (*TYPES, None)]
    want = {p: refusal_kind(*p) for p in pairs}
    assert dict(zip(pairs, built["kinds"], strict=True)) == want
    # control: every outcome occurs
    assert set(want.values()) == {None, "keyed", "structure", "engine_text"}
