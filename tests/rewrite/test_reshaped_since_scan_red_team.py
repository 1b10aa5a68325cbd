"""Red team (round redteam6): a table reshaped after its scan; the scan's verdicts then describe other columns.

``maskline scan --save`` judged ``orders``: ``status`` holds a few repeated words (it passes under the fail-closed
default) and ``email`` holds e-mail addresses (masked). Then a migration drops ``status`` and renames ``email``
into its place. The stored verdict for ``status`` still says "a few repeated words", and the column of that name
now holds the addresses: they came back raw, through the Python API and to an MCP session that was already
running when the table changed (each query reads the catalog afresh, but the stored scan outlived the change).
Now a scan one of whose judged columns is gone lets no column pass until the table is scanned again (those it
masks stay masked). The controls: the engine holds the addresses under the reused name, and before the change
(or after a new scan) ``status`` passes as it did.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from maskline.errors import MasklineError
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.rewrite.run import run_masked

ROOT = Path(__file__).parents[2]
ADDRESSES = ["quillon.vexmarra@inkwell-post.example", "orla.pemberwick@harbourpost.example"]
WORDS = ["open", "shipped", "cancelled", "returned"]


def _scan(directory: Path) -> None:
    subprocess.run([sys.executable, "-m", "maskline", "scan", "duckdb:///w.duckdb", "--table", "orders", "--policy",
                    "policy.yml", "--save"], cwd=directory, env={**os.environ, "PYTHONPATH": str(ROOT)},
                   check=True, capture_output=True)


@pytest.fixture()
def scanned(tmp_path: Path) -> Path:
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"CREATE TABLE orders AS SELECT i AS id, {WORDS!r}[i % 4 + 1] AS status, "
                f"{ADDRESSES!r}[i % 2 + 1] AS email FROM range(200) r(i)")
    con.close()
    (tmp_path / "policy.yml").write_text("version: 1\n")  # fail closed: only what the scan vouches for passes
    _scan(tmp_path)
    return tmp_path


def _ask(directory: Path, sql: str) -> str:
    con = duckdb.connect(str(directory / "w.duckdb"), read_only=True)
    try:
        return repr(run_masked(con, rewrite(sql, load_policy(directory / "policy.yml"), "duckdb",
                                            connection=con)).rows)
    except MasklineError as e:
        return str(e)
    finally:
        con.close()


def _reshape(directory: Path) -> None:
    con = duckdb.connect(str(directory / "w.duckdb"))
    con.execute("ALTER TABLE orders DROP COLUMN status")
    con.execute("ALTER TABLE orders RENAME COLUMN email TO status")
    assert {r[0] for r in con.execute("SELECT status FROM orders").fetchall()} == set(ADDRESSES)  # control
    con.close()


def _leaks(text: str) -> list[str]:
    return [a for a in ADDRESSES if a in text]


@pytest.mark.parametrize("sql", ["SELECT status FROM orders ORDER BY id LIMIT 2", "SELECT * FROM orders",
                                 "SELECT DISTINCT status FROM orders"])
def test_a_column_renamed_into_a_passed_columns_place_is_masked(scanned: Path, sql: str) -> None:
    assert "shipped" in _ask(scanned, "SELECT status FROM orders ORDER BY id LIMIT 2")  # control: it passed
    _reshape(scanned)
    answer = _ask(scanned, sql)
    assert _leaks(answer) == [] and "[REDACTED]" in answer


def test_an_mcp_session_running_across_the_change_gets_no_address(scanned: Path) -> None:
    from maskline.mcp.database import Database
    from maskline.mcp.server import build_server
    from maskline.mcp.tools import MaskedTools
    from tests.mcp.agent import ScriptedAgent

    tools = MaskedTools(load_policy(scanned / "policy.yml"), Database.from_uri(f"duckdb:///{scanned / 'w.duckdb'}"),
                        lineage=False)
    server = build_server(tools)
    before = ScriptedAgent().in_process(server, [("query", {"sql": "SELECT status FROM orders LIMIT 4"})])
    assert "open" in before.transcript()  # control: the session ran, and status passed
    _reshape(scanned)
    after = ScriptedAgent().in_process(server, [("query", {"sql": "SELECT status FROM orders LIMIT 4"}),
                                                ("describe_table", {"table": "orders"})])
    assert _leaks(after.transcript()) == []
    assert "[REDACTED]" in after.answers[0].text and "scan again" in after.answers[1].text


def test_control_a_new_scan_lets_the_reshaped_table_decide_again(scanned: Path) -> None:
    _reshape(scanned)
    con = duckdb.connect(str(scanned / "w.duckdb"))
    con.execute("ALTER TABLE orders ADD COLUMN kind VARCHAR")
    con.execute(f"UPDATE orders SET kind = {WORDS!r}[id % 4 + 1]")
    con.close()
    _scan(scanned)
    answer = _ask(scanned, "SELECT kind, status FROM orders ORDER BY id LIMIT 1")
    assert answer.startswith("[('open', '") and _leaks(answer) == []  # kind passes; the addresses stay masked


def test_two_columns_swapping_names_keep_no_verdict(scanned: Path) -> None:
    con = duckdb.connect(str(scanned / "w.duckdb"))
    con.execute("ALTER TABLE orders RENAME COLUMN email TO swap")
    con.execute("ALTER TABLE orders RENAME COLUMN status TO email")
    con.execute("ALTER TABLE orders RENAME COLUMN swap TO status")
    assert {r[0] for r in con.execute("SELECT status FROM orders").fetchall()} == set(ADDRESSES)  # control
    con.close()
    answer = _ask(scanned, "SELECT status, email FROM orders ORDER BY id LIMIT 2")
    assert _leaks(answer) == [] and "[REDACTED]" in answer
