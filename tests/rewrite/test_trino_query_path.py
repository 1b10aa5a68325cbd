"""The safe query path on a real Trino server: rewritten queries run, keep the contract, and bind the key.

The raw tables live in one memory schema, masked copies (built by maskline's own masking SELECT, the key bound
as parameters) in another. Generated queries (the property test's grammar) must return over the raw tables
exactly what they return over the masked copies; filters on hmac columns are tokenized and still find their row.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlglot import exp

from maskline.plan import build_plan
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from maskline.sql.compile import compile_select
from tests.rewrite.contract import Engine
from tests.rewrite.pii_data import COLUMNS, ROWS, find_leaks

pytestmark = [pytest.mark.trino]
EXAMPLES = 40  # each query costs Trino a planning round trip; the DuckDB and PostgreSQL runs take 300


class TrinoEngine(Engine):
    """Raw tables in one schema, masked copies in another; Trino has no session key, so it is passed each time."""

    def __init__(self, raw: Any, masked: Any, key: Any) -> None:
        super().__init__("trino", raw, masked)
        self.key = key

    def run_raw(self, rewritten: Any) -> list[tuple[Any, ...]]:
        return run_masked(self.raw, rewritten, self.key).rows

    def run_masked_copies(self, sql: str) -> list[tuple[Any, ...]]:
        cur = self.masked.cursor()
        cur.execute(sql)
        return [tuple(r) for r in cur.fetchall()]


def _execute(conn: Any, statement: exp.Expression | str, key: Any = None) -> None:
    from maskline.adapters.trino import bind_key

    cur = conn.cursor()
    if isinstance(statement, str):
        cur.execute(statement)
    else:
        sql, params = bind_key(statement, key)
        cur.execute(sql, params) if params else cur.execute(sql)
    cur.fetchall()


@pytest.fixture(scope="module")
def trino_engine(trino_url: str, pii_policy) -> Iterator[TrinoEngine]:
    from maskline.adapters.trino import connect
    from tests.rewrite.conftest import key_material

    key = key_material()
    raw_schema = f"qp_{uuid.uuid4().hex[:8]}"
    masked_schema = raw_schema + "_m"
    admin = connect(trino_url, catalog="memory")
    for schema in (raw_schema, masked_schema):
        _execute(admin, f"CREATE SCHEMA memory.{schema}")
    raw = connect(trino_url, catalog="memory", schema=raw_schema)
    for table, cols in COLUMNS.items():
        _execute(raw, f"CREATE TABLE {table} ({', '.join(f'{n} {duck}' for n, duck, _ in cols)})")
        rows = [exp.tuple_(*[exp.convert(v) for v in row]) for row in ROWS[table]]
        _execute(raw, exp.insert(exp.values(rows), table).sql("trino"))
        plan = build_plan(pii_policy, table, [(n, duck.lower()) for n, duck, _ in cols])
        masked_select = compile_select(plan, exp.table_(table, db=raw_schema), "trino")
        _execute(raw, exp.Create(this=exp.table_(table, db=masked_schema), kind="TABLE", expression=masked_select),
                 key)
    masked = connect(trino_url, catalog="memory", schema=masked_schema)
    yield TrinoEngine(raw, masked, key)
    for schema in (raw_schema, masked_schema):
        for table in COLUMNS:
            _execute(admin, f"DROP TABLE IF EXISTS memory.{schema}.{table}")
        _execute(admin, f"DROP SCHEMA IF EXISTS memory.{schema}")
    for conn in (raw, masked, admin):
        conn.close()


def test_rewritten_queries_over_raw_tables_equal_the_queries_over_masked_copies(trino_engine, pii_policy) -> None:
    from tests.rewrite.test_equivalence_property import _check_many

    stats: Counter[str] = _check_many(trino_engine, pii_policy, EXAMPLES)
    total = sum(stats.values())
    assert stats["equal"] >= 0.6 * total, stats  # the grammar is DuckDB/PostgreSQL SQL: some of it is not Trino's
    assert stats["refused"] <= 0.15 * total, stats


def test_a_tokenized_filter_finds_its_row_and_the_key_travels_as_parameters(trino_engine, pii_policy,
                                                                             needles) -> None:
    from maskline.adapters.trino import bind_key_in_sql

    username = next(r for r in ROWS["customers"] if r[5])[5]
    r = rewrite(f"SELECT c.id, c.username, c.email FROM customers c WHERE c.username = '{username}'", pii_policy,
                "trino", connection=trino_engine.raw)
    assert r.keyed and r.tokenized_filters == 1 and username not in r.sql
    sql, params = bind_key_in_sql(r.sql, trino_engine.key)
    assert params and trino_engine.key.secret.hex() not in sql and "?" in sql
    result = run_masked(trino_engine.raw, r, trino_engine.key)
    assert len(result.rows) == 1 and find_leaks(result.rows, needles) == []
    # Without the rewrite, the same query over the raw tables returns the raw values (the test can fail).
    cur = trino_engine.raw.cursor()
    cur.execute(f"SELECT c.id, c.username, c.email FROM customers c WHERE c.username = '{username}'")
    assert find_leaks(cur.fetchall(), needles) != []


def test_a_keyed_query_without_a_key_is_refused_before_it_runs(trino_engine, pii_policy) -> None:
    from maskline.errors import KeyMissingError

    r = rewrite("SELECT c.email FROM customers c", pii_policy, "trino", connection=trino_engine.raw)
    if not r.keyed:
        pytest.skip("the policy masks email without a key")
    with pytest.raises(KeyMissingError):
        run_masked(trino_engine.raw, r)
