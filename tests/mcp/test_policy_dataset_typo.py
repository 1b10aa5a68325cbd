"""``maskline mcp`` with a policy whose ``datasets:`` entry is misspelt (``main.custmers``): under
``unclassified: pass`` the real table then passes every column raw, silently. The server now warns at start-up
with the closest table, and of a misspelt ``--allow``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.mcp.agent import server_env


def _serve(tmp_path: Path, policy: str, duckdb_file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "policy.yml"
    path.write_text(policy)
    return subprocess.run([sys.executable, "-m", "maskline", "mcp", "--policy", str(path), "--database",
                           f"duckdb:///{duckdb_file}", *extra], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, env=server_env(tmp_path / "lineage.jsonl"))


TYPO = """\
version: 1
key: {env: MASKLINE_KEY}
unclassified: pass
datasets:
  main.custmers:
    columns:
      email: {info_type: EMAIL}
"""


def test_a_misspelt_dataset_is_named_with_the_closest_table(tmp_path: Path, duckdb_file: Path) -> None:
    out = _serve(tmp_path, TYPO, duckdb_file)
    assert out.returncode == 0, out.stderr
    assert ("warning: the policy's dataset 'main.custmers' names no table of --database "
            "(at datasets[\"main.custmers\"]). Fix: did you mean 'main.customers'?") in out.stderr


def test_datasets_that_name_tables_get_no_warning(tmp_path: Path, duckdb_file: Path) -> None:
    """Control: qualified and unqualified entries of existing tables."""
    out = _serve(tmp_path, TYPO.replace("main.custmers", "main.customers") + "  orders: {}\n", duckdb_file,
                 "--allow", "customers", "--allow", "main.orders")
    assert out.returncode == 0, out.stderr
    assert "names no table" not in out.stderr


def test_a_misspelt_allow_is_named_with_the_closest_table(tmp_path: Path, duckdb_file: Path) -> None:
    """A misspelt ``--allow`` hid its table from the agent without a word to the operator."""
    out = _serve(tmp_path, TYPO.replace("main.custmers", "main.customers"), duckdb_file, "--allow", "custmers")
    assert out.returncode == 0, out.stderr
    assert "warning: --allow custmers names no table of --database (at --allow). Fix: did you mean " \
           "'main.customers'?" in out.stderr
