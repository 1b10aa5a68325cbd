"""dbt's keyed methods (hash, hmac, fake) write the core's tokens and types on DuckDB and PostgreSQL, and a masked
column keeps its source type, modifiers and all.

The core hashes a value's canonical text for its type (``numeric(10,2) 17.50`` as ``17.5``, a double ``1e20`` in
plain digits, an instant in UTC ISO form); built without types, dbt hashed each engine's own cast to text, so its
tokens joined with nothing the core wrote. ``maskline.masked_columns`` now picks the keyed templates by the column's
type (``maskline.dbt.generate.keyed_templates``). The core's PostgreSQL face read ``numeric`` and ``character
varying`` without their modifiers, so its typed NULL of a ``numeric(12,3)`` was a bare ``numeric``; it now reads
them as dbt does. Real dbt-duckdb and dbt-postgres, one build each (:mod:`tests.dbt.keyed_parity`).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dbt.dbt_harness import TEST_KEY
from tests.dbt.keyed_parity import (
    COLUMNS,
    KEYED,
    TYPE_KEPT,
    UNTYPED_DIFFERS,
    keyed_project,
    policy,
)
from tests.dbt.parity_harness import built_on, core_masked, described

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
PG_SCHEMA = "maskline_keyed"


@pytest.fixture(scope="module", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def tables(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """dbt's masked tables (typed and untyped), the core's masking of the same table, and the source."""
    engine = request.param
    root = tmp_path_factory.mktemp(f"dbt_keyed_{engine}") / "project"
    dsn = request.getfixturevalue("pg_module_dsn") if engine == "postgres" else None
    built, conn, schema = built_on(engine, root, "keyed", PG_SCHEMA, dsn, keyed_project, duckdb_plugins=True)
    try:
        cur = conn.cursor()
        core_masked(cur, engine, schema, "things", policy(), key=TEST_KEY)
        return {"engine": engine, "built": built, "source": described(cur, "things", schema),
                "dbt": described(cur, "things_masked", schema), "core": described(cur, "core_masked", schema),
                "untyped": described(cur, "things_untyped", schema)}
    finally:
        conn.close()


def test_every_model_builds(tables: dict[str, Any]) -> None:
    assert tables["built"] == 0


@pytest.mark.parametrize("column", KEYED)
def test_a_keyed_column_gets_the_cores_token_and_type(tables: dict[str, Any], column: str) -> None:
    dbt, core = tables["dbt"], tables["core"]
    assert dbt is not None, "dbt did not build things_masked"
    assert (dbt[f"{column}_type"], dbt[f"{column}_values"]) == (core[f"{column}_type"], core[f"{column}_values"])
    assert None not in core[f"{column}_values"] and core[f"{column}_values"] != tables["source"][f"{column}_values"]


@pytest.mark.parametrize("column", UNTYPED_DIFFERS)
def test_control_the_untyped_tokens_of_a_value_with_its_own_engine_text_differ(tables: dict[str, Any],
                                                                                 column: str) -> None:
    # what dbt wrote for these columns before: the engine's text hashed, not the canonical text
    untyped, core = tables["untyped"], tables["core"]
    assert untyped is not None, "dbt did not build things_untyped"
    assert untyped[f"{column}_values"] != core[f"{column}_values"]


@pytest.mark.parametrize("column", TYPE_KEPT)
def test_a_passed_or_nulled_column_keeps_its_source_type_in_the_core_and_in_dbt(tables: dict[str, Any],
                                                                               column: str) -> None:
    source, dbt, core = tables["source"], tables["dbt"], tables["core"]
    assert core[f"{column}_type"] == source[f"{column}_type"] == dbt[f"{column}_type"]
    method = COLUMNS[column][2]
    want = [None] * 3 if method is not None else source[f"{column}_values"]
    assert core[f"{column}_values"] == dbt[f"{column}_values"] == want


# Column types as each adapter reports them, across the classes of canonical text (a decimal's by its scale).
SQL_TYPES = ("numeric(10,2)", "DECIMAL(18,0)", "numeric", "double precision", "DOUBLE", "integer", "BIGINT",
             "boolean", "date", "timestamp with time zone", "TIMESTAMPTZ", "character varying(20)", "VARCHAR",
             "text", "bytea", "timestamp without time zone", "interval")
SQL_CASES = (("hash", {}), ("hmac", {"length": 16}), ("fake", {"kind": "name"}))
# The methods that keep part of the value's text read the same canonical text as keyed ones
# (tests/core/test_text_methods_engine_parity.py): dbt's typed templates must follow (maskline._text_sql).
TEXT_CASES = (("partial", {"keep_first": 1, "keep_last": 2}), ("char_mask", {}), ("email", {"keep_first": 1}),
              ("generalize", {"prefix": 3}), ("scrub", {"info_types": ["EMAIL", "PHONE"]}))


@pytest.mark.parametrize("methods", [SQL_CASES, TEXT_CASES], ids=["keyed", "text"])
def test_every_adapter_renders_the_cores_keyed_sql_for_each_column_type(duckdb_project: Any, tmp_path: Any,
                                                                         methods: Any) -> None:
    # masked_columns hands _mask_sql the column's type; the SQL it renders is the core's for that type, byte for byte
    import json

    from sqlglot import exp

    from maskline.dialects import KeyMode
    from maskline.keys import KeyMaterial
    from maskline.methods.registry import method_spec
    from maskline.methods.structure import refusal_kind
    from maskline.sql.compile import mask_expression, to_sql
    from tests.dbt.test_key_derivation_in_dbt import DIALECTS, MARKER, SEP

    # A type the core refuses for a method (an interval: each engine writes its own text) is refused by dbt too, at
    # parse (tests/dbt/test_keyed_structure_in_dbt.py): there is no SQL of the core's to compare.
    cases = [(d, t, m, p) for d in DIALECTS for t in SQL_TYPES for m, p in methods
             if refusal_kind(m, t.lower()) is None]
    calls = [f"{{{{ maskline._mask_sql('v', {m!r}, {json.dumps(p)}, none, {d!r}, 'test', {t!r}) }}}}"
             for d, t, m, p in cases]
    proc = duckdb_project.run("--quiet", "compile", "--output", "json", "--inline", SEP.join(calls),
                              "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs"))
    chunks = [c.strip("\n") for c in json.loads(proc.stdout[proc.stdout.index("{"):])["compiled"].split(SEP.strip("\n"))]
    assert len(chunks) == len(cases)
    for (d, t, m, p), chunk in zip(cases, chunks, strict=True):
        got = MARKER.match(chunk)
        assert got, (d, t, m)
        literal = d in ("bigquery", "trino")  # engines without session variables get the key inline
        want = to_sql(mask_expression(exp.column("v"), method_spec(m, p), d, source_type=t.lower(),
                                      key_mode=KeyMode.LITERAL if literal else KeyMode.SESSION,
                                      key=KeyMaterial(TEST_KEY.encode())), d)
        assert got.group(1) == want, (d, t, m)
