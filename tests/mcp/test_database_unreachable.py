"""``maskline mcp`` with a PostgreSQL ``--database`` it cannot enter (no server, a wrong password): the server stops
at start-up saying so, and a call whose connection fails tells the operator's fix, never "check the query" to the
agent, who cannot fix a DSN. The password never shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.mcp.agent import server_env

PASSWORD = "s3cret-pw-never-shown"


def _serve(tmp_path: Path, policy_file: Path, database: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "maskline", "mcp", "--policy", str(policy_file), "--database",
                           database], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
                          env=server_env(tmp_path / "lineage.jsonl"))


def test_a_postgres_dsn_with_no_server_stops_the_server_at_start(tmp_path: Path, policy_file: Path) -> None:
    out = _serve(tmp_path, policy_file, f"postgresql://agent:{PASSWORD}@127.0.0.1:9/shop")  # nothing on port 9
    assert out.returncode == 2, out.stderr
    assert "cannot connect to PostgreSQL (at --database postgresql://agent:***@127.0.0.1:9/shop)" in out.stderr
    assert "Fix: check host, port, database and user" in out.stderr
    assert PASSWORD not in out.stderr + out.stdout
    assert "Traceback" not in out.stderr


def test_a_missing_duckdb_file_still_stops_the_server_at_start(tmp_path: Path, policy_file: Path) -> None:
    """Control: the start-up check that existed before is unchanged."""
    out = _serve(tmp_path, policy_file, f"duckdb:///{tmp_path}/missing.duckdb")
    assert out.returncode == 2 and "does not exist (at --database)" in out.stderr


@pytest.mark.postgres
def test_a_wrong_password_stops_the_server_at_start(tmp_path: Path, policy_file: Path, pg_dsn: str) -> None:
    url = urlsplit(pg_dsn)
    wrong = url._replace(netloc=f"{url.username}:{PASSWORD}@{url.hostname}:{url.port or 5432}").geturl()
    out = _serve(tmp_path, policy_file, wrong)
    assert out.returncode == 2, out.stderr
    assert "cannot connect to PostgreSQL (at --database" in out.stderr and PASSWORD not in out.stderr


@pytest.mark.postgres
def test_a_call_whose_connection_fails_says_cannot_connect(policy_file: Path, pg_dsn: str) -> None:
    from maskline.errors import InputError
    from maskline.mcp.database import Database
    from maskline.mcp.tools import Caller, MaskedTools
    from maskline.policy import load_policy

    url = urlsplit(pg_dsn)
    wrong = url._replace(netloc=f"{url.username}:{PASSWORD}@{url.hostname}:{url.port or 5432}").geturl()
    tools = MaskedTools(load_policy(policy_file), Database.from_uri(wrong), lineage=False)
    with pytest.raises(InputError) as caught:
        tools.list_tables(Caller("agent"))
    assert "cannot connect to PostgreSQL" in str(caught.value) and "check the query" not in str(caught.value)
    assert PASSWORD not in str(caught.value)
    # Control: the right password lists tables.
    assert "tables" in MaskedTools(load_policy(policy_file), Database.from_uri(pg_dsn), lineage=False).list_tables(
        Caller("agent"))


def test_a_missing_relative_duckdb_file_is_named_with_where_it_was_looked_for(tmp_path: Path, policy_file: Path) -> None:
    # duckdb:///x.duckdb is relative to the working directory, which a desktop MCP client chooses; the error said
    # only "DuckDB file x.duckdb does not exist", so a user who meant /x.duckdb could not tell what went wrong.
    out = _serve(tmp_path, policy_file, "duckdb:///warehouse-missing.duckdb")
    assert out.returncode == 2, out.stderr
    looked = Path.cwd().resolve() / "warehouse-missing.duckdb"
    assert f"does not exist in the working directory ({looked})" in out.stderr
    assert f"duckdb:///{looked}" in out.stderr and "Traceback" not in out.stderr
