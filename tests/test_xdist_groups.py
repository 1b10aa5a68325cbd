"""`make test`'s ``--dist loadgroup`` runs each ``xdist_group`` on one worker (tests/xdist_groups.py).

A real two-worker pytest-xdist run of a throwaway test tree whose conftest takes this suite's hook: every test
of the group writes its worker's name, and they must all name one worker. Without the hook, pytest 9 and
xdist 3.8 deal the group's tests to both workers, and a group's session fixture is built twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

GROUPED = '''
import os
import pytest

pytestmark = pytest.mark.xdist_group("shared_setup")


@pytest.mark.parametrize("n", range(8))
def test_grouped(n):
    with open(os.environ["WORKERS_SEEN"], "a") as out:
        out.write(f"grouped {os.environ['PYTEST_XDIST_WORKER']}\\n")
'''

LOOSE = '''
import os
import time
import pytest


@pytest.mark.parametrize("n", range(8))
def test_loose(n):
    time.sleep(0.2)  # long enough that both workers take some of these
    with open(os.environ["WORKERS_SEEN"], "a") as out:
        out.write(f"loose {os.environ['PYTEST_XDIST_WORKER']}\\n")
'''


def _workers_seen(tmp_path: Path) -> dict[str, set[str]]:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "conftest.py").write_text("from tests.conftest import pytest_collection_modifyitems  # noqa: F401\n")
    (tree / "test_grouped.py").write_text(GROUPED)
    (tree / "test_loose.py").write_text(LOOSE)
    seen = tmp_path / "seen.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    # Only xdist among the installed plugins: the others (Airflow's, hypothesis...) would slow each worker's start.
    env.update({"PYTHONPATH": str(REPO), "WORKERS_SEEN": str(seen), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"})
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "xdist", "-p", "no:cacheprovider", "-n", "2",
                           "--dist", "loadgroup", str(tree)], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    workers: dict[str, set[str]] = {}
    for line in seen.read_text().splitlines():
        kind, worker = line.split()
        workers.setdefault(kind, set()).add(worker)
    return workers


def test_a_group_runs_on_one_worker_while_the_loose_tests_use_both(tmp_path: Path) -> None:
    workers = _workers_seen(tmp_path)
    assert len(workers["grouped"]) == 1, workers
    # The control: the run had two workers to split the group over, and dealt the ungrouped tests to both.
    assert workers["loose"] == {"gw0", "gw1"}, workers
