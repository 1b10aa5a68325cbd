"""A scan of a URI the CLI cannot read (an engine maskline speaks but does not open, or one it does not know) names
what it reads and the extra each needs. Before, ``athena://`` said "open the connection yourself and pass it in",
which a shell user cannot do, and ``mysql://`` listed bare scheme names with no word of the extras."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def scan(uri: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "maskline", "scan", uri], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)


@pytest.mark.parametrize(("uri", "what"), [
    ("athena://ann:s3cret@athena.eu-west-1.amazonaws.com/db::sales.orders",
     "maskline cannot open athena URIs itself (at athena://ann:***@athena.eu-west-1.amazonaws.com/db)"),
    ("mysql://ann:s3cret@db.example.com/shop::orders",
     "unsupported engine 'mysql' (at mysql://ann:***@db.example.com/shop::orders)"),
])
def test_an_unreadable_uri_names_the_engines_maskline_reads_and_their_extras(uri: str, what: str) -> None:
    r = scan(uri)
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith(f"error: {what}. Fix: maskline reads duckdb:// (installed with maskline), "
                               "postgresql:// or postgres:// (pip install 'maskline[postgres]'), sqlite:// or "
                               "sqlite3:// (installed with maskline), trino:// (pip install 'maskline[trino]'); for "
                               "another engine, export the table to CSV or Parquet and use the file"), r.stderr
    assert "s3cret" not in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_a_typod_scheme_still_gets_its_one_fix() -> None:
    r = scan("postgress://ann@db.example.com/shop::orders")
    assert r.returncode == 2
    assert r.stderr.strip().endswith("Fix: did you mean 'postgres'?"), r.stderr
