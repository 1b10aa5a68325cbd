"""``Dialect.once`` writes its operand once on every engine that has a binding form, and ``fake`` reads one value.

``fake`` reads a value's keyed digest some forty times (four hex digits per word pick, several picks and redraws).
On an engine whose ``once`` copies the operand, each copy is evaluated on its own: for a pure column that is the
same value, but a volatile operand (``random()``) is drawn per copy and the copies disagree. Trino copied until
this round (its lambda form failed inside Trino 476 on a NULLIF, see :meth:`maskline.dialects.trino.Trino.once`);
Spark, Snowflake and BigQuery copied too. Each engine that runs here is asked with a volatile operand: the bound
halves of ``x || '|' || x`` agree, and a fake of a value that is ``'Q1'`` or ``'Z9'`` at random is the fake of one
of them (a fake of letters never shows a digit, so no re-draw can intervene). The base dialect's copies are the
control, run on the same engine: they disagree. Trino's bound fakes keep the outputs recorded from DuckDB and
PostgreSQL (``golden/fake_outputs.json``) and DuckDB's for long and non-ASCII text. Snowflake and BigQuery have no
server here: their SQL is parsed back by sqlglot and names its operand once.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import duckdb
import pytest
import sqlglot
from sqlglot import exp

from maskline.dialects import get_dialect
from maskline.dialects.base import Dialect, KeyMode
from maskline.methods.fake import fake_of
from maskline.methods.registry import method_spec
from maskline.sql.compile import mask_expression
from tests.core.fake_outputs import DERIVATIONS, KEY, KINDS, load

ROWS = 200
# A value drawn per evaluation, on each engine: two copies of it differ in (almost) every row.
RANDOM_TEXT = {"duckdb": "CAST(random() AS VARCHAR)", "trino": "CAST(random() AS VARCHAR)",
               "spark": "CAST(rand() AS STRING)"}
RANDOM_CHOICE = {"duckdb": "CASE WHEN random() < 0.5 THEN 'Q1' ELSE 'Z9' END",
                 "trino": "CASE WHEN random() < 0.5 THEN 'Q1' ELSE 'Z9' END",
                 "spark": "CASE WHEN rand() < 0.5 THEN 'Q1' ELSE 'Z9' END"}
TEXT_TYPE = {"duckdb": "varchar", "trino": "varchar", "spark": "string"}
ROWS_FROM = {"duckdb": f"FROM range({ROWS})", "trino": f"FROM UNNEST(sequence(1, {ROWS})) AS r(i)",
             "spark": f"FROM range({ROWS})"}


def _halves(engine: str, d: Dialect, run: Callable[[str], list[Any]]) -> list[bool]:
    """Whether the two halves of ``x || '|' || x`` agree, per row, with ``x`` a random text bound by ``d``."""
    operand = sqlglot.parse_one(RANDOM_TEXT[engine], read=get_dialect(engine).sqlglot_name)
    both = d.once(operand, lambda x: exp.DPipe(this=exp.DPipe(this=x, expression=exp.Literal.string("|")),
                                               expression=x.copy()))
    texts = run(f"SELECT {both.sql(get_dialect(engine).sqlglot_name)} {ROWS_FROM[engine]}")
    return [left == right for left, right in (t.split("|") for t in texts)]


def _fakes(engine: str, run: Callable[[str], list[Any]]) -> set[str]:
    """The fakes (kind name, literal key) of a value that is 'Q1' or 'Z9' at random, one per row."""
    d = get_dialect(engine)
    operand = sqlglot.parse_one(RANDOM_CHOICE[engine], read=d.sqlglot_name)
    sql = mask_expression(operand, method_spec("fake", {"kind": "name"}), d, source_type=TEXT_TYPE[engine],
                          key_mode=KeyMode.LITERAL, key=KEY).sql(d.sqlglot_name)
    return set(run(f"SELECT {sql} {ROWS_FROM[engine]}"))


def _check(engine: str, run: Callable[[str], list[Any]]) -> None:
    assert all(_halves(engine, get_dialect(engine), run))
    assert _fakes(engine, run) <= {fake_of(KEY, "Q1"), fake_of(KEY, "Z9")}
    # the control: the same operand copied per use (the base dialect's once) is drawn per copy
    assert not all(_halves(engine, Dialect(), run))


def test_a_volatile_operand_is_bound_once_on_duckdb() -> None:
    con = duckdb.connect()
    try:
        _check("duckdb", lambda sql: [r[0] for r in con.sql(sql).fetchall()])
    finally:
        con.close()


@pytest.mark.trino
def test_a_volatile_operand_is_bound_once_on_trino(trino_conn) -> None:
    cur = trino_conn.cursor()

    def run(sql: str) -> list[Any]:
        cur.execute(sql)
        return [r[0] for r in cur.fetchall()]

    _check("trino", run)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
def test_a_volatile_operand_is_bound_once_on_spark(spark) -> None:
    _check("spark", lambda sql: [r[0] for r in spark.sql(sql).collect()])


TRINO_TYPES = {"text": "varchar", "integer": "bigint", "double": "double", "date": "date"}


def _trino_literal(t: str, v: Any) -> str:
    if v is None:
        return f"CAST(NULL AS {TRINO_TYPES[t]})"
    if t == "text":
        return "'" + v.replace("'", "''") + "'"
    if t == "integer":
        return f"CAST({v} AS bigint)"
    if t == "double":
        if math.isnan(v):
            return "nan()"
        return ("infinity()" if v > 0 else "-infinity()") if math.isinf(v) else f"CAST('{v!r}' AS double)"
    return f"DATE '{v.isoformat()}'"


def _trino_fakes(cur: Any, t: str, values: list[Any], kind: str, derivation: int) -> list[Any]:
    spec = dataclasses.replace(method_spec("fake", {"kind": kind}), derivation=derivation)
    d = get_dialect("trino")
    sql = mask_expression(exp.column("v"), spec, d, source_type=TRINO_TYPES[t], key_mode=KeyMode.LITERAL,
                          key=KEY).sql(d.sqlglot_name)
    rows = ", ".join(f"({i}, {_trino_literal(t, v)})" for i, v in enumerate(values))
    cur.execute(f"SELECT {sql} FROM (VALUES {rows}) AS s(i, v) ORDER BY i")
    return [r[0] for r in cur.fetchall()]


@pytest.mark.trino
@pytest.mark.parametrize("t", sorted(TRINO_TYPES))
def test_trinos_bound_fakes_are_the_recorded_ones(trino_conn, t: str) -> None:
    # text is re-drawn while the fake shows the value (the larger lambda, with NULLIFs): every kind and derivation;
    # the other types draw once, the same SQL but for the word lists: one kind
    recorded = load()[t]
    cur = trino_conn.cursor()
    for kind in KINDS if t == "text" else ("name",):
        for derivation in DERIVATIONS if t == "text" else (1,):
            got = _trino_fakes(cur, t, recorded["inputs"], kind, derivation)
            assert got == recorded["outputs"][f"{kind}/{derivation}"], (t, kind, derivation)


@pytest.mark.trino
def test_trinos_bound_fakes_of_long_and_non_ascii_text_are_duckdbs(trino_conn) -> None:
    values = ["x" * 5000, "Ada " * 1000 + "Lovelace", "\u00e9" * 300, "\U0001f642 Lora \u6771\u4eac", "", None,
              "lora", "Lora Lora", "  Ada  "]
    cur = trino_conn.cursor()
    duck = duckdb.connect()
    try:
        for kind in ("name", "email"):
            spec = method_spec("fake", {"kind": kind})
            d = get_dialect("duckdb")
            sql = mask_expression(exp.column("v"), spec, d, source_type="varchar", key_mode=KeyMode.LITERAL,
                                  key=KEY).sql(d.sqlglot_name)
            want = [r[0] for r in duck.execute(f"SELECT {sql} FROM (SELECT unnest(?) AS v, "
                                               "generate_subscripts(?, 1) AS i) ORDER BY i",
                                               [values, values]).fetchall()]
            assert _trino_fakes(cur, "text", values, kind, 1) == want, kind
    finally:
        duck.close()


@pytest.mark.parametrize("engine", ["snowflake", "bigquery", "spark", "trino"])
@pytest.mark.parametrize("source_type", ["text", "bigint", "date"])
def test_a_fake_names_its_operand_once_and_parses_back(engine: str, source_type: str) -> None:
    # The operand is written in the NULL guard, the digest and (text) the raw value the re-draws compare with:
    # three times at most, where a copying once wrote it into each of some forty word picks.
    d = get_dialect(engine)
    sql = mask_expression(exp.column("probe_col"), method_spec("fake", {"kind": "name"}), d,
                          source_type=source_type).sql(d.sqlglot_name)
    assert sql.count("probe_col") <= 3
    assert "maskline_x" in sql
    reparsed = sqlglot.parse_one(sql, read=d.sqlglot_name)
    assert list(reparsed.find_all(exp.Column))  # parsed, not an opaque command
    # printed again, it parses to the same SQL (Snowflake's ARRAY_CONSTRUCT comes back as [...] once)
    again = reparsed.sql(d.sqlglot_name)
    assert sqlglot.parse_one(again, read=d.sqlglot_name).sql(d.sqlglot_name) == again
