"""Red team (round redteam6): a generated column is the sensitive column again, computed by the engine.

``email_lower VARCHAR AS (lower(email))`` or ``email_hash AS (md5(email))`` reads no relation the rewrite can
substitute: the engine computes it from the raw row before any masked relation sees it. The policy names
``email``; the generated columns are nobody's, so ``unclassified: pass`` (or a scan of hex digits and numbers)
let them through raw. Now a generated column the policy does not name is masked (``redact``) on every door:
the Python API, ``maskline sql --query`` (its SQL run on the engine), and the MCP server through the SDK's
client (``query`` and ``describe_table``). The controls show the engine computes the raw value (so the
attack is real), and that a policy naming the column, and ordinary unnamed columns, still decide as before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from maskline.errors import MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked
from tests.conftest import scratch_schema

EMAIL = "Zebulon.Quartermaine@quillfeather-mail.example"
# Every form of the raw value a generated column can hand out: the address, its lower case, its local part,
# its unkeyed digest (a guess is confirmed offline by hashing it) and its length.
POLICY = {"version": 1, "unclassified": "pass", "datasets": {"contacts": {"columns": {
    "email": {"info_type": "EMAIL"}}}}}
ROOT = Path(__file__).parents[2]


def _needles(con: Any, dialect: str) -> list[str]:
    digest = con.execute(f"SELECT md5(lower('{EMAIL}'))").fetchone()[0] if dialect == "duckdb" else None
    return [EMAIL, EMAIL.lower(), "quartermaine", *([digest] if digest else [])]


def _duckdb(path: Path | None = None) -> Any:
    con = duckdb.connect(str(path) if path else ":memory:")
    con.execute("CREATE TABLE contacts (id INTEGER, email VARCHAR, city VARCHAR, "
                "email_lower VARCHAR AS (lower(email)), local_part VARCHAR AS (split_part(lower(email), '@', 1)), "
                "email_hash VARCHAR AS (md5(lower(email))))")
    con.execute("INSERT INTO contacts (id, email, city) VALUES (1, ?, 'Springfield')", [EMAIL])
    return con


def _postgres_digest(cur: Any) -> str:
    cur.execute("SELECT md5(lower(%s))", (EMAIL,))
    return str(cur.fetchone()[0])


ATTACKS = [
    "SELECT * FROM contacts",
    "SELECT email_lower, local_part, email_hash FROM contacts",
    "SELECT upper(email_lower) AS shouted FROM contacts",
    "SELECT id FROM contacts ORDER BY email_hash LIMIT 1",
    "SELECT count(*) FROM contacts GROUP BY local_part",
]


def _leaks(text: str, needles: list[str]) -> list[str]:
    return [n for n in needles if n.lower() in text.lower()]


@pytest.mark.parametrize("sql", ATTACKS)
def test_a_generated_copy_of_a_sensitive_column_never_comes_back_raw_on_duckdb(sql: str) -> None:
    con = _duckdb()
    needles = _needles(con, "duckdb")
    try:
        text = repr(run_masked(con, rewrite(sql, load_policy(POLICY), "duckdb", connection=con)).rows)
    except MasklineError as e:
        text = str(e)
    assert _leaks(text, needles) == []


def test_control_duckdb_computes_the_raw_values_the_attacks_ask_for() -> None:
    con = _duckdb()
    rows = con.execute("SELECT email_lower, local_part, email_hash FROM contacts").fetchall()
    assert _leaks(repr(rows), _needles(con, "duckdb")) == _needles(con, "duckdb")  # every form, raw


def test_the_generated_columns_are_redacted_and_the_rest_decide_as_before() -> None:
    con = _duckdb()
    named = {**POLICY, "datasets": {"contacts": {"columns": {"email": {"info_type": "EMAIL"},
                                                             "email_hash": {"pass": True}}}}}
    r = rewrite("SELECT id, city, email, email_lower, email_hash FROM contacts", load_policy(named), "duckdb",
                connection=con)
    assert run_masked(con, r).rows == [(1, "Springfield", "*****@quillfeather-mail.example", "[REDACTED]",
                                        con.execute(f"SELECT md5(lower('{EMAIL}'))").fetchone()[0])]
    assert "email_lower <- memory.main.contacts.email_lower: masked with redact" in r.explain()


def test_maskline_sql_query_prints_sql_that_reads_no_generated_value(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _duckdb(db).close()
    policy = tmp_path / "policy.yml"
    policy.write_text(yaml.safe_dump(POLICY))
    out = subprocess.run(
        [sys.executable, "-m", "maskline", "sql", "--dialect", "duckdb", "--policy", str(policy),
         "--schema-from", f"duckdb:///{db}", "--query", "SELECT email_lower, email_hash FROM contacts"],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(out.stdout.split("\n-- ")[0]).fetchall()
    assert rows == [("[REDACTED]", "[REDACTED]")]
    assert _leaks(out.stdout + out.stderr + repr(rows), _needles(con, "duckdb")) == []


def test_the_mcp_client_gets_no_generated_value_from_query_or_describe_table(tmp_path: Path) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from tests.mcp.agent import ScriptedAgent

    db = tmp_path / "w.duckdb"
    needles = _needles(_duckdb(db), "duckdb")
    tools = MaskedTools(load_policy(POLICY), Database.from_uri(f"duckdb:///{db}"), lineage=False)
    script = [("describe_table", {"table": "contacts"}),
              *[("query", {"sql": sql}) for sql in ATTACKS]]
    agent = ScriptedAgent().in_process(build_server(tools), script)
    assert _leaks(agent.transcript(), needles) == []
    described = json.loads(agent.answers[0].text)
    methods = {c["name"]: c.get("method") for c in described["columns"]}
    assert methods["email_lower"] == methods["email_hash"] == "redact"  # what the query path does to them
    assert methods["city"] is None  # an ordinary unnamed column still passes under unclassified: pass


@pytest.fixture()
def pg(pg_dsn: str) -> Any:
    with scratch_schema(pg_dsn, "gen") as (conn, _):
        yield from _generated_columns(conn)


def _generated_columns(conn: Any) -> Iterator[Any]:
    cur = conn.cursor()
    cur.execute("CREATE TABLE contacts (id integer, email text, city text, "
                "email_lower text GENERATED ALWAYS AS (lower(email)) STORED, "
                "local_part text GENERATED ALWAYS AS (split_part(lower(email), '@', 1)) STORED, "
                "email_hash text GENERATED ALWAYS AS (md5(lower(email))) STORED)")
    cur.execute("INSERT INTO contacts (id, email, city) VALUES (1, %s, 'Springfield')", (EMAIL,))
    yield conn, [EMAIL, EMAIL.lower(), "quartermaine", _postgres_digest(cur)]


@pytest.mark.parametrize("sql", ATTACKS)
def test_a_generated_copy_of_a_sensitive_column_never_comes_back_raw_on_postgres(pg: Any, sql: str) -> None:
    conn, needles = pg
    try:
        text = repr(run_masked(conn, rewrite(sql, load_policy(POLICY), "postgres", connection=conn)).rows)
    except MasklineError as e:
        text = str(e)
    assert _leaks(text, needles) == []


def test_control_postgres_computes_the_raw_values_the_attacks_ask_for(pg: Any) -> None:
    conn, needles = pg
    with conn.cursor() as cur:
        cur.execute("SELECT email_lower, local_part, email_hash FROM contacts")
        assert _leaks(repr(cur.fetchall()), needles) == needles


def test_the_reader_roles_view_masks_a_generated_copy_of_a_sensitive_column(pg_dsn: str) -> None:
    from maskline.adapters.postgres import protect
    from tests.protect_database import KEY, scratch_database

    with scratch_database(pg_dsn) as d:
        d.sql(f"CREATE TABLE {d.raw}.contacts (id integer, email text, city text, "
              "email_lower text GENERATED ALWAYS AS (lower(email)) STORED)")
        d.sql(f"INSERT INTO {d.raw}.contacts (id, email, city) VALUES (1, %s, 'Springfield')", (EMAIL,))
        assert d.sql(f"SELECT email_lower FROM {d.raw}.contacts") == [(EMAIL.lower(),)]  # control: raw
        protect(d.admin, load_policy(POLICY), d.raw, ("contacts",), KEY, masked_schema=d.masked, reader=d.reader,
                private_schema=d.private)
        rows = d.read_as_reader("SELECT id, email, city, email_lower FROM {masked}.contacts")
        assert rows == [(1, "*****@quillfeather-mail.example", "Springfield", "[REDACTED]")]


def test_the_airflow_agent_toolset_hands_the_model_no_generated_value(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A person's name: no text detector finds it, so the toolset's result scrubber cannot stand in for the plan.
    from airflow_plugin.agents.masked_sql_toolset import MaskedSQLToolset
    from tests.agents.test_masked_sql_toolset import NAME, run_agent
    from tests.agents.test_masked_sql_toolset import POLICY as TOOLSET_POLICY

    path = tmp_path / "shop.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, full_name VARCHAR, email VARCHAR, ssn VARCHAR, note VARCHAR, "
                "plan VARCHAR, shouted VARCHAR AS (upper(full_name)), initials VARCHAR AS (left(full_name, 7)))")
    con.execute("INSERT INTO customers (id, full_name, email, ssn, note, plan) VALUES (1, ?, 'a@b.example', "
                "'219-09-9999', 'hello', 'gold')", [NAME])
    assert con.execute("SELECT shouted, initials FROM customers").fetchall() == [(NAME.upper(), NAME[:7])]  # control
    con.close()
    monkeypatch.setenv("AIRFLOW_CONN_SHOP", json.dumps({"conn_type": "duckdb", "host": str(path)}))
    toolset = MaskedSQLToolset("shop", policy=TOOLSET_POLICY, allowed_tables=["customers"], acting_for="bob")
    output, seen = run_agent(toolset, ("query", {"sql": "SELECT shouted, initials, plan FROM customers"}))
    assert all(v.lower() not in text.lower() for text in (output, *seen) for v in (NAME, NAME[:7]))
    assert "gold" in output  # an ordinary unnamed column still passes under unclassified: pass
