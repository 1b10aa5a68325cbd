"""A Ctrl-C or SIGTERM that lands before the engine's worker began its statement still stops it: DuckDB drops an
interrupt sent while no statement runs, and ``execute_with_progress`` waited for the whole statement then (a
``maskline mask`` stopped the moment its output was created ran on for minutes). Run in a subprocess, so a hang
is a timeout, not a stuck test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = r'''
import _thread, time, duckdb
from maskline.engine.progress import execute_with_progress

class SlowToStart:
    """A connection whose statement begins half a second after it is sent, as a busy machine's worker thread does."""
    def __init__(self):
        self.con = duckdb.connect()
    def execute(self, sql):
        if sql.startswith("SELECT"):  # on the worker: Ctrl-C (SIGTERM is raised the same way) before it began,
            time.sleep(0.3)           # once the caller waits for it
            _thread.interrupt_main()
            time.sleep(0.5)
        return self.con.execute(sql)
    def interrupt(self):
        self.con.interrupt()
    def query_progress(self):
        return self.con.query_progress()

try:
    execute_with_progress(SlowToStart(), "SELECT sum(i) FROM range(0, 100000000000) t(i)", lambda pct: None)
except KeyboardInterrupt:
    print("stopped")
'''


def test_an_interrupt_before_the_statement_began_still_stops_it() -> None:
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.stdout.strip() == "stopped", proc.stderr
