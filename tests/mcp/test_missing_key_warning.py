"""``maskline mcp`` started without the policy's key: the operator is told at start-up, on the server's stderr
(what a desktop client keeps as the server's log); before, only the agent heard of it, query by query."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.mcp.agent import server_env


def _serve(tmp_path: Path, policy_file: Path, duckdb_file: Path, *, key: bool) -> subprocess.CompletedProcess[str]:
    environ = server_env(tmp_path / "lineage.jsonl")
    if not key:
        environ.pop("MASKLINE_KEY", None)
    return subprocess.run([sys.executable, "-m", "maskline", "mcp", "--policy", str(policy_file), "--database",
                           f"duckdb:///{duckdb_file}"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, env=environ)


def test_a_server_without_its_key_warns_at_start(tmp_path: Path, policy_file: Path, duckdb_file: Path) -> None:
    out = _serve(tmp_path, policy_file, duckdb_file, key=False)
    assert out.returncode == 0, out.stderr  # still serves what needs no key
    assert "warning: no masking key: environment variable MASKLINE_KEY is not set" in out.stderr
    assert "Fix: export MASKLINE_KEY" in out.stderr and "hmac, hash or fake" in out.stderr


def test_a_server_with_its_key_does_not_warn(tmp_path: Path, policy_file: Path, duckdb_file: Path) -> None:
    """Control."""
    out = _serve(tmp_path, policy_file, duckdb_file, key=True)
    assert out.returncode == 0, out.stderr
    assert "no masking key" not in out.stderr
