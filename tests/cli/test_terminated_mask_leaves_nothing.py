"""A ``maskline mask`` ended by SIGTERM (a scheduler's timeout, ``kill``, a container stopping) unwinds as Ctrl-C
does: the engine's query is interrupted and the temporary output removed, so the output directory holds nothing
of the run, and the exit code says it was terminated (143)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import TEST_KEY

NAMES = ("Maria Gonzalez", "Pierre Dubois", "Hannah Becker", "Aiko Tanaka", "John Carter", "Lena Novak")


def test_a_mask_ended_by_sigterm_exits_143_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    src = tmp_path / "tickets.csv"
    with src.open("w") as f:  # free text: the prose pass keeps the write going long enough to be stopped in it
        f.write("ticket_id,notes\n")
        f.writelines(f"{i},Ticket {i}: {NAMES[i % len(NAMES)]} from Paris asked to be called back on day {i}\n"
                     for i in range(300_000))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"} | {"MASKLINE_KEY": TEST_KEY}
    proc = subprocess.Popen([sys.executable, "-m", "maskline", "mask", str(src), str(tmp_path / "out.csv")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 120
        while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):  # the write has begun
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the masked write never began"
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == [src.name]
