"""Red team (round redteam6): a stored scan of one schema's table vouched for another schema's table of that name.

``maskline scan --table t --save`` judges ``main.t`` (counts in ``qty``, furniture in ``product``) and stores
its verdicts under ``t``. The policy is fail-closed (no ``unclassified: pass``). The stored scan was matched by
last name, so ``hr.t``, which nobody scanned, got ``main.t``'s verdicts: its SSN-like numbers and people's
names passed raw through the Python API and the MCP ``query`` tool (and ``describe_table`` said so). Policy
entries had been compared qualified since round 4, an entry naming another schema's table refused; now the stored
scan is matched the same way, and its entry for ``t`` is refused for ``hr.t`` (ignoring it would let
``unclassified: pass`` pass what the scan masks). The controls: the engine holds the raw values in ``hr.t``, and
``main.t``, the table scanned, still passes by its verdicts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import duckdb
import pytest

from maskline.errors import ClassificationError, MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

ROOT = Path(__file__).parents[2]
PEOPLE = ["Quillon Vexmarra", "Orla Pemberwick", "Tamsin Quorrel", "Zebulon Quartermaine"]
SSN_NUMBERS = [str(219099999 + i) for i in range(4)]
NEEDLES = [*PEOPLE, *SSN_NUMBERS]
TABLE_SQL = ("SELECT i AS id, (i * 7) AS qty, ['chair', 'table', 'lamp', 'desk'][i % 4 + 1] AS product "
             "FROM range(200) r(i)")
OTHER_SQL = (f"SELECT i AS id, (219099999 + i) AS qty, {PEOPLE!r}[i % 4 + 1] AS product FROM range(200) r(i)")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A DuckDB file with ``main.t`` and ``hr.t``, and a fail-closed policy with ``main.t``'s scan beside it."""
    d = tmp_path_factory.mktemp("scan")
    db = d / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE t AS {TABLE_SQL}")
    con.execute("CREATE SCHEMA hr")
    con.execute(f"CREATE TABLE hr.t AS {OTHER_SQL}")
    con.close()
    policy = d / "policy.yml"
    policy.write_text("version: 1\n")
    subprocess.run([sys.executable, "-m", "maskline", "scan", "duckdb:///w.duckdb", "--table", "t", "--policy",
                    "policy.yml", "--save"], cwd=d, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True,
                   capture_output=True)
    assert (d / "policy.scan.json").exists()
    return db, policy


def _ask(db: Path, policy: Path, sql: str) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return repr(run_masked(con, rewrite(sql, load_policy(policy), "duckdb", connection=con)).rows)
    except MasklineError as e:
        return str(e)
    finally:
        con.close()


def _leaks(text: str) -> list[str]:
    return [n for n in NEEDLES if n in text]


@pytest.mark.parametrize("sql", ["SELECT * FROM hr.t", "SELECT qty, product FROM hr.t ORDER BY id LIMIT 4",
                                 "SELECT product, count(*) FROM hr.t GROUP BY product"])
def test_another_schemas_table_gets_no_verdict_of_the_scanned_one(scanned: tuple[Path, Path], sql: str) -> None:
    db, policy = scanned
    answer = _ask(db, policy, sql)
    assert _leaks(answer) == []
    assert "the stored scan's entry 't' judged the table of the default schema main" in answer


def test_control_the_other_table_holds_the_values_and_the_scanned_one_still_passes(scanned: tuple[Path, Path]) -> None:
    db, policy = scanned
    con = duckdb.connect(str(db), read_only=True)
    assert _leaks(repr(con.execute("SELECT qty, product FROM hr.t").fetchall())) == NEEDLES
    con.close()
    assert _ask(db, policy, "SELECT qty, product FROM t ORDER BY id LIMIT 2") == "[(0, 'chair'), (7, 'table')]"
    assert _ask(db, policy, "SELECT qty FROM main.t ORDER BY id LIMIT 2") == "[(0,), (7,)]"


def test_the_mcp_client_gets_no_verdict_borrowed_from_another_schema(scanned: tuple[Path, Path]) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from tests.mcp.agent import ScriptedAgent

    db, policy = scanned
    tools = MaskedTools(load_policy(policy), Database.from_uri(f"duckdb:///{db}"), allow=["hr.t", "t"],
                        lineage=False)
    script = [("describe_table", {"table": "hr.t"}), ("query", {"sql": "SELECT * FROM hr.t"}),
              ("describe_table", {"table": "t"})]
    agent = ScriptedAgent().in_process(build_server(tools), script)
    assert _leaks(agent.transcript()) == []
    assert agent.answers[0].is_error and agent.answers[1].is_error
    assert "judged the table of the default schema main" in agent.answers[1].text
    scanned_table = {c["name"]: c.get("method") for c in json.loads(agent.answers[2].text)["columns"]}
    assert scanned_table["qty"] is None and scanned_table["product"] is None  # the control: its own verdicts


@pytest.mark.postgres
def test_another_schemas_table_gets_no_verdict_on_postgres(pg_dsn: str, tmp_path: Path) -> None:
    import psycopg2


    schema = f"scan_{uuid.uuid4().hex[:8]}"
    conn: Any = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute(f"CREATE SCHEMA {schema}")
    cur.execute(f"CREATE SCHEMA {schema}_hr")
    cur.execute(f"SET search_path TO {schema}")
    cur.execute("CREATE TABLE t AS SELECT i AS id, i * 7 AS qty FROM generate_series(0, 199) i")
    cur.execute(f"CREATE TABLE {schema}_hr.t AS SELECT i AS id, 219099999 + i AS qty FROM generate_series(0, 199) i")
    try:
        policy = tmp_path / "policy.yml"
        policy.write_text("version: 1\n")
        dsn = pg_dsn + ("&" if "?" in pg_dsn else "?") + f"options=-csearch_path%3D{schema}"
        subprocess.run([sys.executable, "-m", "maskline", "scan", dsn, "--table", "t", "--policy", "policy.yml",
                        "--save"], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True,
                       capture_output=True)
        pol = load_policy(policy)
        with pytest.raises(ClassificationError, match="judged the table of the default schema"):
            rewrite(f"SELECT qty FROM {schema}_hr.t ORDER BY id LIMIT 2", pol, "postgres", connection=conn)
        own = run_masked(conn, rewrite("SELECT qty FROM t ORDER BY id LIMIT 2", pol, "postgres",
                                       connection=conn)).rows
        assert own == [(0,), (7,)]  # the control: the table scanned passes by its verdict
    finally:
        cur.execute(f"DROP SCHEMA {schema} CASCADE")
        cur.execute(f"DROP SCHEMA {schema}_hr CASCADE")
        conn.close()
