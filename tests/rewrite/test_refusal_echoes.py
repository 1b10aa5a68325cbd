"""A name the query wrote reaches a refusal only when it is proven structure (maskline.rewrite.mentions).

A value typed where a name goes (``FROM pw_...``, ``pw_...(ssn)``) parses as a table or function name, and a
refusal's text reaches logs, the CLI, MCP tool results and lineage. Each query below writes one secret-looking
plain identifier in some position (table, schema, catalog, function, table function, operator schema, system
catalog, join, LATERAL, and beside it: alias, CTE name, column alias, ORDER BY, window name, lambda, FILTER) and
is refused; the identifier must appear in none of those outputs. Everything runs on real parts: a DuckDB file,
``rewrite()`` over its connection, the ``maskline`` CLI in a subprocess and ``maskline mcp`` driven by the MCP
SDK's client. The controls show the refusals still help: a place that points at what was written, the closest
catalog or allow-listed name as the fix, and known structure (sqlglot's functions, the catalog's columns) named.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import maskline

SECRET = "pw_Qv7x98234571"  # shaped like a name, typed like a password: no rule can tell the two apart
POLICY = """\
version: 1
key: {env: MASKLINE_KEY}
unclassified: pass
datasets:
  customers:
    columns:
      email: {info_type: EMAIL}
      ssn: {info_type: US_SSN, method: {method: hmac, length: 16}}
"""
KEY = "test-key-for-maskline-do-not-use-in-prod"
S = SECRET
# (position, query): the query is refused, and SECRET is written in that position
QUERIES = [
    ("table", f"SELECT * FROM {S}"),
    ("schema", f"SELECT * FROM {S}.customers"),
    ("catalog", f"SELECT * FROM {S}.main.customers"),
    ("joined table", f"SELECT * FROM customers JOIN {S} USING (id)"),
    ("comma join", f"SELECT * FROM customers, {S}"),
    ("system catalog table", f"SELECT * FROM pg_{S}"),
    ("system catalog schema", f"SELECT * FROM information_schema.{S}"),
    ("function", f"SELECT {S}(ssn) FROM customers"),
    ("function in WHERE", f"SELECT id FROM customers WHERE {S}(ssn) = 1"),
    ("function in ORDER BY", f"SELECT id FROM customers ORDER BY {S}(id)"),
    ("function in FILTER", f"SELECT count(*) FILTER (WHERE {S}(ssn)) FROM customers"),
    ("function in a lambda", f"SELECT list_transform([1], v -> {S}(v)) FROM customers"),
    ("table function", f"SELECT * FROM {S}(1)"),
    ("LATERAL function", f"SELECT * FROM customers c, LATERAL {S}(c.id)"),
    ("operator schema", f"SELECT id OPERATOR({S}.===) 1 FROM customers"),
    ("table alias", f"SELECT {S}.id FROM customers AS {S} WHERE {S}({S}.id)"),
    ("CTE name", f"WITH {S} AS (SELECT id FROM customers) SELECT {S}(id) FROM {S}"),
    ("column alias", f"SELECT id AS {S} FROM customers ORDER BY {S}({S})"),
    ("window name", f"SELECT sum(id) OVER {S} FROM customers WINDOW {S} AS (ORDER BY {S}(id))"),
]
# Where SECRET is the thing refused, the refusal's place is where it was written.
PLACED = {"table", "joined table", "comma join", "function", "function in WHERE", "function in ORDER BY",
          "function in FILTER", "table function", "LATERAL function"}
IDS = [p for p, _ in QUERIES]


def _column(sql: str) -> str:
    return f"line 1, column {sql.index(SECRET) + 1}"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import duckdb

    root = tmp_path_factory.mktemp("echo")
    db, policy = root / "warehouse.duckdb", root / "policy.yml"
    policy.write_text(POLICY)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE customers (id INTEGER, email VARCHAR, ssn VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'ada@example.com', '219-09-9999')")
    con.close()
    return db, policy


def _refusal(warehouse: tuple[Path, Path], sql: str) -> BaseException:
    import duckdb

    from maskline.errors import RewriteRefused
    from maskline.policy import load_policy
    from maskline.rewrite import rewrite

    db, policy = warehouse
    con = duckdb.connect(str(db), read_only=True)
    try:
        with pytest.raises(RewriteRefused) as refused:
            rewrite(sql, load_policy(policy), "duckdb", connection=con)
    finally:
        con.close()
    return refused.value


@pytest.mark.parametrize(("position", "sql"), QUERIES, ids=IDS)
def test_a_refusal_never_echoes_a_name_written_in_any_position(warehouse, position: str, sql: str,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):  # every logger, every level: sqlglot's warnings quote the statement
        refusal = _refusal(warehouse, sql)
        logging.getLogger("maskline").error("refused: %s", refusal)  # what a face logs of it
    chain = [refusal, refusal.__cause__, refusal.__context__]
    assert not any(SECRET.lower() in str(e).lower() for e in chain if e is not None), str(refusal)
    assert not any(SECRET.lower() in repr(a).lower() for a in refusal.args)
    records = " ".join(r.getMessage() + repr(r.args) for r in caplog.records)
    assert SECRET.lower() not in records.lower()
    assert "refused: " in records  # control: the refusal itself was logged, so the log was searched
    if position in PLACED:  # control: the refusal says where, and it is where the name was written
        assert _column(sql) in str(refusal), str(refusal)


def test_the_cli_prints_no_name_written_in_any_position(warehouse) -> None:
    db, policy = warehouse
    root = Path(maskline.__file__).parents[1]  # the checkout under test, whichever tree is imported
    env = {**os.environ, "PYTHONPATH": str(root), "MASKLINE_KEY": KEY}
    for position, sql in QUERIES:
        r = subprocess.run([sys.executable, "-m", "maskline", "sql", "--query", sql, "--dialect", "duckdb",
                            "--policy", str(policy), "--schema-from", f"duckdb:///{db}"],
                           capture_output=True, text=True, env=env, cwd=root, timeout=120)
        assert r.returncode == 3, (position, r.stdout, r.stderr)  # refused (RewriteRefused's exit code)
        assert "error:" in r.stderr  # control: the refusal was printed
        assert SECRET.lower() not in (r.stdout + r.stderr).lower(), (position, r.stderr)


def test_mcp_results_and_lineage_carry_no_name_written_in_any_position(warehouse, tmp_path: Path) -> None:
    from tests.mcp.agent import ScriptedAgent, lineage_events, server_env

    db, policy = warehouse
    lineage = tmp_path / "events.jsonl"
    script = [("query", {"sql": sql}) for _, sql in QUERIES] + [("explain", {"sql": sql}) for _, sql in QUERIES]
    agent = ScriptedAgent().over_stdio(["--policy", str(policy), "--database", f"duckdb:///{db}"],
                                       server_env(lineage), script)
    assert len(agent.answers) == len(script)
    for answer in agent.answers:
        assert answer.is_error and "refused" in answer.text, answer.text  # control: each was refused, with text
        assert SECRET.lower() not in answer.text.lower(), answer.text
    events = lineage_events(lineage)
    messages = [json.dumps(e["run"]["facets"].get("errorMessage", {})) for e in events]
    assert sum("refused" in m for m in messages) == len(script)  # control: every refusal reached lineage
    assert not any(SECRET.lower() in m.lower() for m in messages)


@pytest.mark.parametrize(("sql", "shown"), [
    ("SELECT * FROM custmers", "did you mean 'customers'?"),  # a typo: the catalog's table is the fix
    (f"SELECT * FROM {S}.customers", "did you mean 'customers'?"),
    ("SELECT uppr(email) FROM customers", "did you mean 'upper'?"),  # the allow-list's function is the fix
    ("SELECT emial FROM customers", "did you mean 'email'?"),
    ("SELECT random() FROM customers", "function random at line 1, column 8 is not on the duckdb allow-list"),  # sqlglot knows it
    ("SELECT id FROM customers WHERE email LIKE 'ada%'", "sensitive column customers.email"),  # catalog's names
])
def test_a_refusal_still_names_known_structure_and_the_closest_known_name(warehouse, sql: str, shown: str) -> None:
    assert shown in str(_refusal(warehouse, sql))


def test_a_refusal_counts_every_unknown_name_and_places_the_first(warehouse) -> None:
    text = str(_refusal(warehouse, f"SELECT * FROM {S} JOIN pw_other ON true"))
    assert "2 tables are not in the schema (the first at line 1, column 15)" in text
    text = str(_refusal(warehouse, f"SELECT uppr(email), {S}(ssn) FROM customers"))
    assert "2 functions are not on the duckdb allow-list" in text and "did you mean 'upper'?" in text
