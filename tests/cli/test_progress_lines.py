"""Off a terminal (a pipe, CI, a scheduler's log) ``maskline mask`` logs progress lines on stderr, at most every
MASKLINE_PROGRESS_SECONDS, with no value of the data in them; on a terminal the bar shows instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_KEY


def _mask(source: Path, out: Path, seconds: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "MASKLINE_PROGRESS_SECONDS")}
    env["MASKLINE_KEY"] = TEST_KEY
    if seconds is not None:
        env["MASKLINE_PROGRESS_SECONDS"] = seconds
    return subprocess.run([sys.executable, "-m", "maskline", "mask", str(source), str(out)], capture_output=True,
                          text=True, env=env)


def test_a_mask_off_a_terminal_logs_value_free_progress_lines(tmp_path: Path) -> None:
    source = tmp_path / "notes.csv"
    rows = [f"ann{i}@example.org,Call Jennifer Burns on 415-555-{i:04d} about order {i}" for i in range(3000)]
    source.write_text("email,note\n" + "\n".join(rows) + "\n")
    r = _mask(source, tmp_path / "out.csv", "0")
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert lines and all(line.startswith(f"masking {source}: ") and "% of the rows done, " in line
                         for line in lines), r.stderr
    assert lines[-1].startswith(f"masking {source}: 100% of the rows done"), r.stderr
    assert "example.org" not in r.stderr and "Jennifer" not in r.stderr and "555" not in r.stderr


def test_a_mask_shorter_than_the_interval_logs_nothing(tmp_path: Path) -> None:
    # A script reads an empty stderr as success (tests/cli/test_first_use.py): 30 s have not passed.
    source = tmp_path / "people.csv"
    source.write_text("email\nann@example.org\n")
    r = _mask(source, tmp_path / "out.csv", None)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_an_interval_that_is_no_number_of_seconds_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("email\nann@example.org\n")
    r = _mask(source, tmp_path / "out.csv", "soon")
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith("error: MASKLINE_PROGRESS_SECONDS must be a number of seconds"), r.stderr
    assert not (tmp_path / "out.csv").exists()
