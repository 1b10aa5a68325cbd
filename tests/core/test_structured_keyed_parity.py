"""A keyed method (``hash``, ``hmac``, ``fake``) on a JSON, array, struct or map column is refused, on every engine,
because no engine here writes such a value's text as another does, so one policy would give one value three tokens.

Measured on DuckDB 2.0, PostgreSQL and Trino 476 with the document ``{"b": 1.50, "a": [1e2, "x"]}``: DuckDB's JSON is
the text as written, PostgreSQL's ``jsonb`` orders keys by length and keeps ``1.50`` (``json`` keeps the text),
Trino's JSON sorts keys and writes ``1.5`` and ``100.0``: three tokens of one document. An array is ``[a, b]`` on
DuckDB, ``{a,b}`` on PostgreSQL, and Trino could not cast it to text at all (the masking query failed). No engine can
sort a document's keys at every depth in an expression (:mod:`maskline.dialects.canonical`), so there is no one
text to hash: the core refuses the policy (what, where, fix) and redacts a column it masks by classification.
``redact`` and ``null`` mean the same on every engine; a ``uuid``'s text is the same everywhere, so it keeps its
keyed tokens (a control), as does a binary value (its hex; tests/core/test_keyed_tokens_engine_parity.py).
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from maskline.keys import KeyMaterial, hmac_hex
from tests.core.engine_parity import KEY, masked

DOC = '{"b": 1.50, "a": [1e2, "x"], "aa": {"z": 1, "y": null}}'
# value class -> engine -> (SQL type, literals of the same values)
STRUCTURED: dict[str, dict[str, tuple[str, list[str]]]] = {
    "json": {"duckdb": ("JSON", [f"'{DOC}'", "'[1, 2]'"]), "postgres": ("jsonb", [f"'{DOC}'", "'[1, 2]'"]),
             "trino": ("json", [f"json_parse('{DOC}')", "json_parse('[1, 2]')"])},
    "json text": {"duckdb": ("JSON", [f"'{DOC}'"]), "postgres": ("json", [f"'{DOC}'"]),
                  "trino": ("json", [f"json_parse('{DOC}')"])},
    "array": {"duckdb": ("VARCHAR[]", ["['a', 'b c']"]), "postgres": ("text[]", ["ARRAY['a', 'b c']"]),
              "trino": ("array(varchar)", ["ARRAY['a', 'b c']"])},
    "struct": {"duckdb": ("STRUCT(a INTEGER, b VARCHAR)", ["{'a': 1, 'b': 'x'}"]),
               "trino": ("row(a integer, b varchar)", ["ROW(1, 'x')"])},
    "map": {"duckdb": ("MAP(VARCHAR, INTEGER)", ["MAP {'k': 1}"]),
            "trino": ("map(varchar, integer)", ["MAP(ARRAY['k'], ARRAY[1])"])},
}
KEYED = [{"method": "hmac"}, {"method": "hash", "length": 16}, {"method": "fake", "kind": "name"}]


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> dict[str, tuple[Any, str | None]]:
    """DuckDB always; PostgreSQL and Trino when the test is marked for them."""
    import duckdb

    out: dict[str, tuple[Any, str | None]] = {"duckdb": (duckdb.connect(), None)}
    if request.node.get_closest_marker("postgres"):
        pg = request.getfixturevalue("pg_conn")
        schema = "sk_" + uuid.uuid4().hex[:8]
        pg.cursor().execute(f"CREATE SCHEMA {schema}")
        out["postgres"] = (pg, schema)
        request.addfinalizer(lambda: pg.cursor().execute(f"DROP SCHEMA {schema} CASCADE"))
    if request.node.get_closest_marker("trino"):
        out["trino"] = (request.getfixturevalue("trino_conn"), None)
    return out


def _refused(engines: dict[str, tuple[Any, str | None]], method: dict[str, Any]) -> dict[str, list[str]]:
    """Per engine, the value classes whose column the core refused to mask with ``method``."""
    out: dict[str, list[str]] = {}
    for n, (label, per_engine) in enumerate(STRUCTURED.items()):
        for engine, (sql_type, literals) in per_engine.items():
            if engine in engines:
                con, schema = engines[engine]
                if masked(engine, con, schema, f"sk{n}", sql_type, literals, method) is None:
                    out.setdefault(engine, []).append(label)
    return out


@pytest.mark.parametrize("method", KEYED, ids=lambda m: m["method"])
def test_a_keyed_method_on_a_structured_column_is_refused_on_duckdb(engines, method) -> None:
    assert _refused(engines, method) == {"duckdb": list(STRUCTURED)}


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("method", KEYED, ids=lambda m: m["method"])
def test_a_keyed_method_on_a_structured_column_is_refused_on_every_engine(engines, method) -> None:
    every = {e: [c for c in STRUCTURED if e in STRUCTURED[c]] for e in ("duckdb", "postgres", "trino")}
    assert _refused(engines, method) == every


def test_the_refusal_says_what_where_and_how_to_fix() -> None:
    from maskline.errors import PolicyError
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    policy = load_policy({"datasets": {"t": {"columns": {"doc": {"method": {"method": "hmac", "length": 16}}}}}})
    with pytest.raises(PolicyError) as caught:
        build_plan(policy, "t", [("doc", "jsonb")])
    text = str(caught.value)
    assert "column t.doc has type jsonb" in text and "different token on DuckDB, PostgreSQL and Trino" in text
    assert 'datasets["t"].columns.doc' in text or "columns.doc" in text
    assert "Fix: mask t.doc with redact or null, or cast it" in text


def test_a_structured_column_masked_by_classification_is_redacted() -> None:
    """Nobody chose hmac for it: a PERSON_NAME verdict brought the policy's hmac, so the plan redacts the column
    (the same on every engine) instead of stopping the run; the text column beside it keeps its hmac."""
    from maskline.classify.result import Classification, ColumnClassification
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    policy = load_policy({"unclassified": "mask", "methods": {"PERSON_NAME": {"method": "hmac"}}})
    verdicts = Classification((ColumnClassification("doc", "PERSON_NAME", 0.99, "identity"),
                               ColumnClassification("name", "PERSON_NAME", 0.99, "identity")), table="t")
    plan = build_plan(policy, "t", [("doc", "json"), ("name", "text")], verdicts)
    assert {c.name: c.method.name for c in plan.columns if c.method} == {"doc": "redact", "name": "hmac"}


@pytest.mark.postgres
@pytest.mark.trino
@pytest.mark.parametrize("method", [{"method": "redact"}, {"method": "null"}], ids=lambda m: m["method"])
def test_redact_and_null_of_a_structured_column_are_the_same_on_every_engine(engines, method) -> None:
    for n, (label, per_engine) in enumerate(STRUCTURED.items()):
        outs = {engine: masked(engine, *engines[engine], f"sr{n}", sql_type, literals, method)
                for engine, (sql_type, literals) in per_engine.items()}
        assert len({repr(o) for o in outs.values()}) == 1, (label, outs)
        assert next(iter(outs.values())) == [None if method["method"] == "null" else "[REDACTED]"] * len(
            next(iter(per_engine.values()))[1])


@pytest.mark.postgres
@pytest.mark.trino
def test_a_uuid_keeps_one_keyed_token_on_every_engine(engines) -> None:
    """Control: a uuid is structured (its text has dashes a partial mask would keep) but written alike everywhere."""
    values = ["00000000-0000-0000-0000-000000000000", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"]
    expected = [hmac_hex(KeyMaterial(KEY), v.lower()) for v in values]
    for engine, sql_type in (("duckdb", "UUID"), ("postgres", "uuid"), ("trino", "uuid")):
        assert masked(engine, *engines[engine], "su", sql_type, [f"'{v}'" for v in values],
                      {"method": "hmac"}) == expected, engine
