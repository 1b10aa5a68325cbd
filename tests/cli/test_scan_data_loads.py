"""`maskline scan FILE` as a real process reads only the data files its columns need.

The English dictionary (``infotypes/data/english_words.txt.gz``, read by the handle validator and the cognate
check) costs tens of milliseconds to load: a scan of the speed bench's 30-row file, whose header words and values
are no handles, must not load it. The CSV header check used to, by asking every detector about each header cell
(``full_name`` fits the handle pattern); it now asks only the detectors of the types that prove a cell is data
(:func:`maskline.infotypes.detectors.detect_value_among`). An exit hook reports the dictionary's cache; the
control shows the hook sees it once loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN_CLI = """
import atexit, runpy, sys
from maskline.infotypes.english_words import english_words
atexit.register(lambda: sys.stderr.write(f"DICTIONARY {{english_words.cache_info().currsize}}\\n"))
{before}
sys.argv = ["maskline", *sys.argv[1:]]
runpy.run_module("maskline", run_name="__main__", alter_sys=True)
"""


def _scan(path: Path, before: str = "") -> tuple[str, bool]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", RUN_CLI.format(before=before), "scan", str(path), "--format",
                           "json"], capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    line = next(x for x in proc.stderr.splitlines() if x.startswith("DICTIONARY "))
    return proc.stdout, line.split()[1] != "0"


@pytest.fixture(scope="module")
def small_csv(tmp_path_factory) -> Path:
    from benchmarks.classification.speed import small_csv as write

    return write(tmp_path_factory.mktemp("scan_loads") / "small.csv")


def test_scanning_the_speed_benchs_small_csv_does_not_load_the_english_dictionary(small_csv: Path) -> None:
    out, loaded = _scan(small_csv)
    assert '"EMAIL"' in out and '"PHONE"' in out, "the scan ran and classified"
    assert not loaded


def test_the_exit_hook_sees_the_dictionary_once_loaded(small_csv: Path) -> None:
    _, loaded = _scan(small_csv, before="english_words()")
    assert loaded


def test_the_header_check_loads_no_dictionary_for_a_handle_shaped_header(tmp_path: Path) -> None:
    # full_name and nickname fit the handle pattern: the old check ran the handle validator on them.
    path = tmp_path / "people.csv"
    path.write_text("id,full_name,nickname\n" + "".join(f"{i},Ana Lopez,x{i}\n" for i in range(5)))
    code = ("import sys; from pathlib import Path\n"
            "from maskline.engine.csv_header import check_header_holds_names\n"
            "from maskline.infotypes.english_words import english_words\n"
            "check_header_holds_names(Path(sys.argv[1]), ',', sniffed_header=True)\n"
            "print(english_words.cache_info().currsize)\n")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO, timeout=120, check=True)
    assert proc.stdout.strip() == "0"
