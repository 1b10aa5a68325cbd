"""The shape guard (:mod:`maskline.sql.shape_guard`) keeps the same values on every engine, line ends included.

A text column the classifier passed for its shape keeps only values of that shape, as Python's ``fullmatch``
counts them (:mod:`maskline.classify.shape`). Java's ``$`` (Trino, Spark) also matches before a final line
terminator, so ``'12\\n'`` held the numeric shape on Trino and passed raw, while DuckDB and PostgreSQL redacted it:
one policy, two outputs. tests/core/test_shape_held.py checks the patterns on DuckDB, SQLite and PostgreSQL without
line ends; here the same guard runs on Trino and Spark too, with them.
"""

from __future__ import annotations

import duckdb
import pytest
from sqlglot import exp

from maskline.classify import shape as classify_shape
from maskline.dialects import get_dialect
from maskline.sql.shape_guard import shape_held

VALUES = {
    "numeric": ["12", "12\n", "12\r\n", "-3.5\n", "12\nAnn", "", "\n"],
    "temporal": ["2024-01-31", "2024-01-31\n", "2024-01-31T09:00Z\n", "2024-01-31\r\n"],
    "identifier": ["0x1F", "0x1F\n", "123e4567-e89b-12d3-a456-426614174000\n", "123e4567-e89b-12d3-a456-426614174000"],
}
PYTHON = {"numeric": classify_shape._NUMBER.fullmatch, "temporal": classify_shape._ISO_TIME.fullmatch,
          "identifier": lambda v: classify_shape._UUID.fullmatch(v) or classify_shape._HEX_ID.fullmatch(v)}


def _select(shape: str, engine: str) -> str:
    rows = ", ".join(f"({i}, {exp.Literal.string(v).sql(engine)})" for i, v in enumerate(VALUES[shape]))
    kept = shape_held(exp.column("v"), shape, "varchar", lambda c: exp.null())
    return (f"SELECT {kept.sql(get_dialect(engine).sqlglot_name)} FROM (VALUES {rows}) AS t(i, v) ORDER BY i")


def _expected(shape: str) -> list:
    return [v if PYTHON[shape](v) else None for v in VALUES[shape]]


def test_the_control_values_are_not_all_kept_or_all_masked() -> None:
    for shape in VALUES:
        assert None in _expected(shape) and any(_expected(shape)), shape


@pytest.mark.parametrize("shape", sorted(VALUES))
def test_duckdb_keeps_what_python_fullmatches(shape: str) -> None:
    assert [r[0] for r in duckdb.sql(_select(shape, "duckdb")).fetchall()] == _expected(shape)


@pytest.mark.postgres
@pytest.mark.parametrize("shape", sorted(VALUES))
def test_postgres_keeps_what_python_fullmatches(shape: str, pg_conn) -> None:
    with pg_conn.cursor() as cur:
        cur.execute(_select(shape, "postgres"))
        assert [r[0] for r in cur.fetchall()] == _expected(shape)


@pytest.mark.trino
@pytest.mark.parametrize("shape", sorted(VALUES))
def test_trino_keeps_what_python_fullmatches(shape: str, trino_conn) -> None:
    cur = trino_conn.cursor()
    cur.execute(_select(shape, "trino"))
    assert [r[0] for r in cur.fetchall()] == _expected(shape)


@pytest.mark.spark
@pytest.mark.xdist_group("spark")
@pytest.mark.parametrize("shape", sorted(VALUES))
def test_spark_keeps_what_python_fullmatches(shape: str, spark) -> None:
    assert [r[0] for r in spark.sql(_select(shape, "spark")).collect()] == _expected(shape)
