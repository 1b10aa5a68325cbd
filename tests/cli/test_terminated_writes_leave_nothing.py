"""Every ``maskline`` command that writes a file, ended by SIGTERM (a scheduler's timeout, ``kill``, a container
stopping) the moment its output file is created, exits 143 and leaves the directory as it was: no temporary file,
no destination cut short, an earlier version kept whole. Files are made in one place
(:mod:`maskline.atomic_output`), so this holds for every writer by construction; these run the real command in a
subprocess, with a real signal.

The signal is sent at a deterministic point: an audit hook sees the command open a file for writing in the
watched directory, and a profile hook sends SIGTERM to the process as that open returns, so the handler raises
while the file exists and before anything is written to it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_KEY

# Runs the command with the hooks installed; argv[1] is the watched directory, the rest the command line.
LAUNCHER = r'''
import os, signal, sys
watched = os.path.realpath(sys.argv[1])
state = {"armed": True}

def writes(mode, flags):
    if isinstance(mode, str):
        return any(c in mode for c in "wxa+")
    return isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR) != 0

def profile(frame, event, arg):
    if event == "c_return":
        sys.setprofile(None)
        os.kill(os.getpid(), signal.SIGTERM)

def audit(event, args):
    if event == "open" and state["armed"] and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if os.path.dirname(path) == watched and writes(args[1], args[2]):
            state["armed"] = False
            sys.setprofile(profile)

sys.addaudithook(audit)
sys.argv = ["maskline", *sys.argv[2:]]
from maskline.cli.main import run
run()
'''

ROWS = "id,email,ssn\n" + "".join(f"{i},user{i}@example.com,219-09-{1000 + i}\n" for i in range(40))


def terminated(watched: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """Run ``maskline ARGV`` with SIGTERM sent as it first creates a file in ``watched``."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"MASKLINE_KEY": TEST_KEY}
    return subprocess.run([sys.executable, "-c", LAUNCHER, str(watched), *argv], capture_output=True, text=True,
                          env=env, timeout=180, cwd=Path(__file__).resolve().parents[2])


def listing(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file()}


def assert_terminated_leaving(d: Path, before: dict[str, bytes], proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 143, proc.stderr
    assert "Traceback" not in proc.stderr
    assert listing(d) == before  # nothing new, nothing cut short, an earlier version kept whole


def test_scan_save_ended_by_sigterm_keeps_the_stored_scan_whole(tmp_path: Path) -> None:
    (tmp_path / "customers.csv").write_text(ROWS)
    (tmp_path / "policy.yml").write_text("version: 1\nunclassified: pass\n")
    scan = ["scan", str(tmp_path / "customers.csv"), "--policy", str(tmp_path / "policy.yml"), "--save"]
    from maskline.cli.main import main

    assert main(scan) == 0  # an earlier scan, stored whole
    before = listing(tmp_path)
    assert "policy.scan.json" in before
    assert_terminated_leaving(tmp_path, before, terminated(tmp_path, *scan))


def test_dbt_sync_ended_by_sigterm_keeps_the_synced_macro_whole(tmp_path: Path) -> None:
    (tmp_path / "policy.yml").write_text("version: 1\ndatasets: {customers: {columns: {email: {info_type: EMAIL}}}}\n")
    (tmp_path / "dbt_project.yml").write_text("name: shop\nvars: {maskline_policy: policy.yml}\n")
    from maskline.dbt.sync import sync

    out, _ = sync(tmp_path)  # synced once; then the policy changes, so the next sync rewrites the macro file
    (tmp_path / "policy.yml").write_text("version: 1\ndatasets: {customers: {columns: {ssn: {info_type: US_SSN}}}}\n")
    before = listing(out.parent)
    assert_terminated_leaving(out.parent, before, terminated(out.parent, "dbt", "sync", "--project-dir",
                                                             str(tmp_path)))


@pytest.mark.parametrize("output", ["masked.csv", "masked.parquet"])
def test_mask_ended_by_sigterm_as_its_output_is_created_leaves_nothing(tmp_path: Path, output: str) -> None:
    src = tmp_path / "in" / "customers.csv"
    src.parent.mkdir()
    src.write_text(ROWS)
    out = tmp_path / "out"
    out.mkdir()
    (out / output).write_text("an earlier masked copy\n")
    proc = terminated(out, "mask", str(src), str(out / output), "--overwrite", "--table", "customers")
    assert_terminated_leaving(out, {output: b"an earlier masked copy\n"}, proc)


def test_demo_ended_by_sigterm_as_it_writes_its_sample_leaves_nothing(tmp_path: Path) -> None:
    proc = terminated(tmp_path, "demo", "--rows", "20", "--show", "1", "--out", str(tmp_path))
    assert_terminated_leaving(tmp_path, {}, proc)
