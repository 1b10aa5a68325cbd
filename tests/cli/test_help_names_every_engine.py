"""`maskline scan --help` and `maskline policy init --help` name every engine a URI can read: the help listed DuckDB,
PostgreSQL and SQLite while `maskline scan 'mysql://…'` (and the README) name trino:// too, and it said every engine
samples the same rows on every run, which Trino's TABLESAMPLE (no seed) does not."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest


@pytest.mark.parametrize("command", [["scan"], ["policy", "init"]])
def test_the_help_names_every_engine_the_refusal_lists(command: list[str]) -> None:
    refused = subprocess.run([sys.executable, "-m", "maskline", "scan", "mysql://u@h/db::t"], capture_output=True,
                             text=True, check=False)
    assert refused.returncode == 2
    schemes = set(re.findall(r"\b([a-z]+)://", refused.stderr.split("Fix:", 1)[1]))
    assert {"duckdb", "postgresql", "sqlite", "trino"} <= schemes
    shown = subprocess.run([sys.executable, "-m", "maskline", *command, "--help"], capture_output=True, text=True,
                           check=True, env={"COLUMNS": "300", "PATH": ""}).stdout
    for scheme in schemes - {"postgres", "sqlite3"}:  # aliases of postgresql:// and sqlite://
        assert f"{scheme}://" in shown, f"{' '.join(command)} --help does not name {scheme}://"
    assert "but on Trino" in shown
