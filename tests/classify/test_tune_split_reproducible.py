"""The tune split is the same in every process and on every day: its recorded fingerprint holds.

Faker read the clock (``date_of_birth``, ``date_time_this_decade``: a range's width changes how many random draws it
costs, so every later column of the table moved too), drew Spanish ids from the unseeded ``random`` module and built
``it_IT``'s cities from a set (their order followed string hashing). Two runs of the benchmark compared different
columns. A fresh interpreter under a hash seed other than this one's checks the whole split.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_tune_split_matches_its_recorded_fingerprint_under_another_hash_seed() -> None:
    code = ("from benchmarks.classification import corpus\n"
            "print(corpus.fingerprint(corpus.build()) == corpus.RECORDED_FINGERPRINT)")
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"
