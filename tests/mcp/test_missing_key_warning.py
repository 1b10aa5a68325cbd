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
    # the keyed methods this policy applies, named (PERSON_NAME's catalogue default is fake, ssn's entry hmac)
    assert "Fix: export MASKLINE_KEY" in out.stderr and "masked with fake or hmac (or filters" in out.stderr


def test_a_server_with_its_key_does_not_warn(tmp_path: Path, policy_file: Path, duckdb_file: Path) -> None:
    """Control."""
    out = _serve(tmp_path, policy_file, duckdb_file, key=True)
    assert out.returncode == 0, out.stderr
    assert "no masking key" not in out.stderr


def test_a_server_whose_policy_reads_no_key_does_not_warn_without_one(tmp_path: Path, duckdb_file: Path) -> None:
    """A policy of keyless methods needs no key: its operator is not told to set one. Its ``methods:`` may still name
    a keyed method for an info type no column has; a stored scan finding one brings the warning back."""
    policy_file = tmp_path / "keyless.yml"
    policy_file.write_text("version: 1\nmethods: {EMAIL: hmac}\ndatasets:\n  customers:\n    columns:\n"
                           "      email: {info_type: EMAIL, method: redact}\n"
                           "      ssn: {info_type: US_SSN, method: {method: partial, keep_last: 4}}\n")
    out = _serve(tmp_path, policy_file, duckdb_file, key=False)
    assert out.returncode == 0, out.stderr
    assert "no masking key" not in out.stderr, out.stderr
    # The scan saved beside it found e-mails in a file: EMAIL's method (hmac here) now applies, and needs the key.
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("id,contact\n" + "".join(f"{i},user{i}@example.com\n" for i in range(40)))
    saved = subprocess.run([sys.executable, "-m", "maskline", "scan", str(contacts), "--policy", str(policy_file),
                            "--save"], capture_output=True, text=True, timeout=120)
    assert saved.returncode == 0, saved.stderr
    out = _serve(tmp_path, policy_file, duckdb_file, key=False)
    assert "warning: no masking key" in out.stderr and "masked with hmac (or filters" in out.stderr, out.stderr
