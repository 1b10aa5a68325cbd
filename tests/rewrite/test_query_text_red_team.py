"""Red team (round redteam17): what a query's text carries besides its meaning, and text no engine reads.

Found, and fixed here:

* **Comments carried a tokenized value into the SQL that runs.** ``-- rows of passport X98234571`` above
  ``WHERE passport = 'X98234571'`` (an agent's habit): the literal became its token, but sqlglot kept the comment
  and printed it into ``Rewritten.sql``, which the engine keeps in its logs, ``pg_stat_activity`` and
  ``pg_stat_statements`` (which replaces literals, not comments). The parsed tree now keeps no comment
  (:func:`maskline.rewrite.refusals.parse_select`).
* **A lone surrogate failed open.** ``'\\ud800'`` (JSON's ``"\\ud800"`` in an MCP argument, or a command line's
  undecodable byte read with ``surrogateescape``) reached DuckDB's parser of the printed SQL and the HMAC of a
  tokenized literal: ``rewrite`` raised DuckDB's ``InvalidInputException`` or a ``UnicodeEncodeError`` with their own
  text, and ``maskline sql --query`` printed a traceback. The query text is now Unicode text by an allow-list
  (:func:`maskline.rewrite.query_text.check_text`), refused with a place, never the character.
* **Deep nesting printed a traceback, after minutes.** Three thousand parentheses overflowed sqlglot's recursive
  parser, and a few hundred chained ``+`` a recursive step after sqlglot's scope analysis, whose work grows with the
  square of the depth (4,000 terms: 19 s, then ``RecursionError``): out of ``rewrite`` raw, and a traceback from the
  CLI. The parsed tree's depth is now measured without recursion before any step that recurses, and refused.

Held (regression list, :data:`HELD`): second paths to the raw rows or the catalog (a file the table was exported
to, DuckDB's catalog functions, PostgreSQL's activity, settings, cursors, prepared statements, statistics and
``pg_class``, a temporary view shadowing a table), and inference through ordering, ranks, grouping and aggregates of ``fake``/``hash``/``partial``
columns, which see the masked values only (the rows equal those over masked copies: ``compare``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest
import sqlglot

from maskline.errors import RewriteRefused
from maskline.rewrite import rewrite
from tests.rewrite.contract import compare
from tests.rewrite.engines import run_masked
from tests.rewrite.pii_data import COLUMNS, create_duckdb, find_leaks

PASSPORT = "X98234571"  # customer 1's raw passport: the policy masks it with hash, so a filter on it is tokenized
COMMENTED = [
    f"-- rows of passport {PASSPORT}\nSELECT id FROM customers WHERE passport = '{PASSPORT}'",
    f"SELECT id /* passport {PASSPORT} */ FROM customers WHERE passport = '{PASSPORT}'",
    f"SELECT id FROM customers WHERE passport = '{PASSPORT}' AND id > 0 -- {PASSPORT}",
]
SURROGATES = ["SELECT id FROM customers WHERE city = '\ud800'",  # reached DuckDB's parser of the printed SQL
              "SELECT id FROM customers WHERE passport = '\udcff'",  # reached the HMAC of the tokenized literal
              "SELECT 'a\udfff' AS a, id FROM customers",
              "SELECT id FROM customers WHERE city = 'a\x00b'"]  # PostgreSQL ran the printed SQL up to the NUL
DEEP = "SELECT " + "(" * 3000 + "1" + ")" * 3000 + " AS x FROM customers"
REPO = Path(__file__).resolve().parents[2]


def _schema(dialect: str) -> dict[str, dict[str, str]]:
    return {t: {n: (pg if dialect == "postgres" else duck) for n, duck, pg in cols} for t, cols in COLUMNS.items()}


def test_control_sqlglot_prints_a_comment_it_parsed() -> None:
    assert PASSPORT in sqlglot.parse_one(COMMENTED[1], read="postgres").sql("postgres")


@pytest.mark.parametrize("dialect", ["duckdb", "postgres"])
@pytest.mark.parametrize("sql", COMMENTED)
def test_a_comment_never_reaches_the_sql_that_runs(pii_policy: Any, dialect: str, sql: str) -> None:
    r = rewrite(sql, pii_policy, dialect, schema=_schema(dialect))
    assert r.tokenized_filters and PASSPORT not in r.sql and PASSPORT not in (r.over_masked or "")


def test_control_duckdb_cannot_read_a_lone_surrogate() -> None:
    with pytest.raises(duckdb.InvalidInputException):
        duckdb.connect().execute("SELECT ?::VARCHAR", ["\ud800"])


@pytest.mark.parametrize("sql", SURROGATES + [DEEP])
def test_unreadable_text_is_refused_on_duckdb(duck: Any, pii_policy: Any, sql: str) -> None:
    with pytest.raises(RewriteRefused) as e:
        rewrite(sql, pii_policy, "duckdb", connection=duck)
    assert e.value.__context__ is None and e.value.__cause__ is None
    assert "\\u" not in str(e.value) and not any(0xD800 <= ord(c) <= 0xDFFF for c in str(e.value))


@pytest.mark.postgres
@pytest.mark.parametrize("sql", SURROGATES + [DEEP])
def test_unreadable_text_is_refused_on_postgres(pg: Any, pii_policy: Any, sql: str) -> None:
    with pytest.raises(RewriteRefused):
        rewrite(sql, pii_policy, "postgres", connection=pg)


def test_a_long_chain_is_refused_before_the_quadratic_analysis(pii_policy: Any) -> None:
    chain = "SELECT " + " + ".join(["id"] * 8000) + " AS s FROM customers"
    started = time.monotonic()
    with pytest.raises(RewriteRefused, match="nests deeper"):
        rewrite(chain, pii_policy, "duckdb", schema=_schema("duckdb"))
    assert time.monotonic() - started < 15  # main spent minutes in sqlglot's scope analysis first


def test_an_in_list_is_no_chain(pii_policy: Any) -> None:
    listed = ", ".join(str(i) for i in range(2000))
    rewrite(f"SELECT id FROM customers WHERE id IN ({listed})", pii_policy, "duckdb", schema=_schema("duckdb"))


@pytest.fixture()
def duck_file(tmp_path: Path) -> Path:
    path = tmp_path / "pii.duckdb"
    con = duckdb.connect(str(path))
    create_duckdb(con)
    con.close()
    return path


@pytest.mark.parametrize("query", [b"SELECT id FROM customers WHERE city = '\xff'",
                                   b"SELECT id FROM customers WHERE passport = '\xff'", DEEP.encode()],
                         ids=["undecodable-byte", "undecodable-byte-tokenized", "deep-nesting"])
def test_the_cli_refuses_unreadable_text_without_a_traceback(tmp_path: Path, duck_file: Path, query: bytes) -> None:
    import yaml

    from tests.conftest import TEST_KEY
    from tests.rewrite.pii_data import POLICY

    policy = tmp_path / "policy.yaml"
    policy.write_text(yaml.safe_dump(POLICY))
    env = {**os.environ, "MASKLINE_KEY": TEST_KEY, "PYTHONPATH": str(REPO)}
    done = subprocess.run([os.fsencode(sys.executable), b"-m", b"maskline", b"sql", b"--dialect", b"duckdb",
                           b"--policy", os.fsencode(policy), b"--schema-from", f"duckdb:///{duck_file}".encode(),
                           b"--query", query], capture_output=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode != 0
    assert b"Traceback" not in done.stderr and b"Error:" not in done.stderr.replace(b"RewriteRefused", b"")


def test_unreadable_text_is_refused_through_the_mcp_client(duck_file: Path, pii_policy: Any) -> None:
    import anyio
    from mcp import Client

    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools

    server = build_server(MaskedTools(pii_policy, Database.from_uri(f"duckdb:///{duck_file}"), lineage=False))
    results: list[Any] = []

    async def main() -> None:
        async with Client(server) as client:
            for sql in [*SURROGATES, DEEP]:
                results.append(await client.call_tool("query", {"sql": sql}))

    anyio.run(main)
    texts = [str(r.content) for r in results]
    assert [r.is_error for r in results] == [True] * len(results)
    assert all("maskline refused" in t for t in texts), texts  # a refusal, not an engine failure's class name


HELD = [
    # second paths to the raw rows or the catalog
    ("duckdb", "SELECT * FROM '{export}'"),
    ("duckdb", "SELECT * FROM \"{export}\""),
    ("duckdb", "SELECT * FROM read_csv('{export}')"),
    ("duckdb", "SELECT * FROM read_csv_auto('{export}')"),
    ("duckdb", "SELECT sql FROM duckdb_tables()"),
    ("duckdb", "SELECT * FROM duckdb_columns()"),
    ("duckdb", "SELECT * FROM duckdb_sequences()"),
    ("duckdb", "SELECT * FROM information_schema.check_constraints"),
    ("postgres", "SELECT query FROM pg_stat_activity"),
    ("postgres", "SELECT * FROM pg_prepared_statements"),
    ("postgres", "SELECT * FROM pg_cursors"),
    ("postgres", "SELECT * FROM pg_settings"),
    ("postgres", "SELECT reltuples FROM pg_class"),
    ("postgres", "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"),
    ("postgres", "SELECT * FROM pg_statistic_ext_data"),
    ("postgres", "SELECT pg_column_size(ssn) FROM customers"),
    ("postgres", "SELECT ctid, xmin, id FROM customers"),
    ("postgres", "SELECT * FROM ROWS FROM (generate_series(1, 2))"),
]
INFERENCE = [  # each runs, over the masked relations only: its rows equal the same query over masked copies
    "SELECT id FROM customers ORDER BY name, id",
    "SELECT id, rank() OVER (ORDER BY passport) AS r FROM customers ORDER BY id",
    "SELECT id, dense_rank() OVER (ORDER BY ssn) AS r FROM customers ORDER BY id",
    "SELECT count(DISTINCT name) AS n, count(DISTINCT dob) AS d FROM customers",
    "SELECT min(email) AS lo, max(email) AS hi FROM customers",
    "SELECT name, count(*) AS n FROM customers GROUP BY name ORDER BY name",
    "SELECT id FROM customers ORDER BY dob NULLS FIRST, id",
]


@pytest.mark.parametrize("sql", [s for d, s in HELD if d == "duckdb"])
def test_held_second_paths_on_duckdb(tmp_path: Path, pii_policy: Any, needles: list[str], sql: str) -> None:
    con = duckdb.connect(str(tmp_path / "pii.duckdb"))
    create_duckdb(con)
    export = tmp_path / "customers.csv"
    con.execute(f"COPY customers TO '{export}' (HEADER)")
    assert find_leaks([(export.read_text(),)], needles)  # control: the file holds the raw rows
    outcome = run_masked(sql.format(export=export), pii_policy, "duckdb", con)
    assert outcome.refused is not None and not find_leaks([(outcome.refused,)], needles)


@pytest.mark.postgres
@pytest.mark.parametrize("sql", [s for d, s in HELD if d == "postgres"])
def test_held_second_paths_on_postgres(pg: Any, pii_policy: Any, needles: list[str], sql: str) -> None:
    outcome = run_masked(sql, pii_policy, "postgres", pg)
    assert outcome.refused is not None and not find_leaks([(outcome.refused,)], needles)


@pytest.mark.parametrize("sql", INFERENCE)
def test_held_inference_on_duckdb_sees_masked_values_only(duck_engine: Any, pii_policy: Any, sql: str) -> None:
    assert compare(sql, pii_policy, duck_engine) == "equal"


@pytest.mark.postgres
@pytest.mark.parametrize("sql", INFERENCE)
def test_held_inference_on_postgres_sees_masked_values_only(pg_engine: Any, pii_policy: Any, sql: str) -> None:
    assert compare(sql, pii_policy, pg_engine) == "equal"


@pytest.mark.postgres
def test_held_a_temporary_view_of_the_session_does_not_stand_for_a_table(pg: Any, pii_policy: Any,
                                                                          needles: list[str]) -> None:
    """PostgreSQL binds ``orders`` to the session's temporary view first (``pg_temp`` leads every search path): the
    rewrite names the relation it checked, with its schema, so the view's raw ``status`` is never read."""
    with pg.cursor() as cur:
        cur.execute("CREATE TEMP VIEW orders AS SELECT id, id AS customer_id, 1 AS amount, 'x' AS card, "
                    "ssn AS status FROM customers")
        try:
            cur.execute("SELECT status FROM orders")
            assert find_leaks(cur.fetchall(), needles)  # control: the name binds to the view, raw
            outcome = run_masked("SELECT status FROM orders", pii_policy, "postgres", pg)
            assert outcome.refused is None and outcome.error is None
            assert not find_leaks(outcome.rows, needles)
        finally:
            cur.execute("DROP VIEW pg_temp.orders")


def test_a_nul_character_is_refused_with_its_own_fix(pii_policy: Any) -> None:
    """U+0000 is valid UTF-8, so the lone surrogate's fix ("send the query as UTF-8 text") does not help: the only
    way out is removing it, and the refusal places it and says so."""
    with pytest.raises(RewriteRefused) as e:
        rewrite(SURROGATES[-1], pii_policy, "duckdb", schema=_schema("duckdb"))
    assert "U+0000" in e.value.what and "remove the NUL character" in (e.value.fix or "")
    assert "UTF-8" not in (e.value.fix or "") and "\x00" not in str(e.value)
