"""`make demo` runs its processes with the bytecode cache `make test` uses: under PYTHONDONTWRITEBYTECODE (set by
some shells and CI images, and on this project's machines) each of them compiled every module it imported from source,
about twice the CPU of a `maskline scan` of the demo's CSV."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_runs_the_demo_with_bytecode_written_to_the_cache(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("PYTHONPYCACHEPREFIX", None)
    # -n prints the recipe without running it; the stamp's prerequisites are made current so `setup` prints nothing
    done = subprocess.run(["make", "-n", "-o", ".venv/.synced", "demo"], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)
    (line,) = [line for line in done.stdout.splitlines() if "scripts/demo.sh" in line]
    assert line.split() == ["env", "-u", "PYTHONDONTWRITEBYTECODE",
                            f"PYTHONPYCACHEPREFIX={tmp_path}/maskline/pycache", "scripts/demo.sh"]
