"""Trino's ``UNNEST ... WITH ORDINALITY`` and ``COLLATE``: each runs over masked columns or is refused before it runs.

Before redteam20 they failed on the engine, after the masked relations were built, with only "check the query":
``UNNEST(...) WITH ORDINALITY`` without column names was read as a column ``offset`` Trino does not have,
``COLLATE "C"`` is no Trino SQL, and ``UNNEST(col)`` of a sensitive array column met the mask's label, not an
array. Now the forms that work run (names for every column; an array of masked values), and the others are
refused with what, where and the form that works. Real Trino (memory connector).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from maskline.errors import MasklineError
from maskline.keys import KeyMaterial
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

pytestmark = pytest.mark.trino
POLICY = load_policy({"unclassified": "pass", "datasets": {"customers": {"columns": {
    "email": {"info_type": "EMAIL"}, "tags": {"method": "redact"}}}}})
KEY = KeyMaterial(b"k" * 32, source="test")
RAW = ("ann@example.com", "vip-ann", "bob@x.org")


@pytest.fixture(scope="module")
def trino(trino_url: str) -> Iterator[Any]:
    from maskline.adapters.trino import connect

    schema = f"ml_unnest_{uuid.uuid4().hex[:8]}"
    con = connect(trino_url, catalog="memory")
    cur = con.cursor()
    for statement in (f"CREATE SCHEMA memory.{schema}",
                      f"CREATE TABLE memory.{schema}.customers AS SELECT * FROM (VALUES (1, 'ann@example.com', "
                      f"ARRAY['vip-ann']), (2, 'bob@x.org', ARRAY['b'])) AS v(id, email, tags)"):
        cur.execute(statement)
        cur.fetchall()
    reader = connect(trino_url, catalog="memory", schema=schema)
    try:
        yield reader
    finally:
        reader.close()
        for statement in (f"DROP TABLE memory.{schema}.customers", f"DROP SCHEMA memory.{schema}"):
            cur.execute(statement)
            cur.fetchall()
        con.close()


def _run(con: Any, sql: str) -> list[tuple[Any, ...]]:
    rows = run_masked(con, rewrite(sql, POLICY, "trino", connection=con), KEY).rows
    assert not any(raw in str(rows) for raw in RAW), rows
    return rows


def _refusal(con: Any, sql: str) -> str:
    with pytest.raises(MasklineError) as e:
        rewrite(sql, POLICY, "trino", connection=con)
    assert not any(raw in str(e.value) for raw in RAW)
    return str(e.value)


def test_unnest_with_ordinality_and_named_columns_runs_over_masked_values(trino: Any) -> None:
    rows = _run(trino, "SELECT id, x, n FROM customers CROSS JOIN UNNEST(ARRAY[email, email]) WITH ORDINALITY "
                       "AS t(x, n) ORDER BY id, n")
    assert rows == [(1, "*****@example.com", 1), (1, "*****@example.com", 2), (2, "*****@x.org", 1),
                    (2, "*****@x.org", 2)]
    assert _run(trino, "SELECT x, n FROM UNNEST(ARRAY['a', 'b']) WITH ORDINALITY AS t(x, n)") == [("a", 1), ("b", 2)]


def test_unnest_with_ordinality_without_column_names_is_refused_with_the_form_that_works(trino: Any) -> None:
    out = _refusal(trino, "SELECT * FROM UNNEST(ARRAY['a', 'b']) WITH ORDINALITY")
    assert out.startswith("UNNEST ... WITH ORDINALITY at line 1, column ") and "names no column for the ordinality" in out
    assert out.endswith("Fix: name every column, the ordinality last: UNNEST(...) WITH ORDINALITY AS t(value, n)")


def test_unnest_of_a_masked_array_column_is_refused_before_it_runs(trino: Any) -> None:
    for sql in ("SELECT id, x, n FROM customers CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t(x, n)",
                "SELECT x FROM (SELECT tags AS tg FROM customers) AS c CROSS JOIN UNNEST(c.tg) AS t(x)"):
        out = _refusal(trino, sql)
        assert out.startswith("UNNEST of sensitive column ") and ".customers.tags at line 1, column " in out, out
        assert "Fix: unnest an array of masked values (UNNEST(ARRAY[col, ...]))" in out


def test_collate_is_refused_naming_trinos_own_order(trino: Any) -> None:
    for sql in ('SELECT id FROM customers ORDER BY email COLLATE "C"', 'SELECT email COLLATE "C" FROM customers'):
        out = _refusal(trino, sql)
        assert out.startswith("COLLATE after the expression at line 1, column ") and "is not Trino SQL" in out
        assert 'Trino compares and orders varchar by code point, as COLLATE "C" does' in out
    assert _run(trino, "SELECT id FROM customers ORDER BY email") == [(1,), (2,)]  # '*****@e' < '*****@x'
