"""The compiled prefilter kept on disk: a later process loads it instead of compiling, a torn or foreign file is
compiled anew (never scanned with), and a cache that cannot be written only costs time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.log_lines import lines
from maskline.text import database_cache, find, prefilter

pytest.importorskip("hyperscan")

# Run in a new process: the engine is built once per process. `_build` is the compile step; replacing it with a
# failure proves the engine came from the cache.
_LOAD_ONLY = """
import sys
import time
from maskline.text import find, prefilter
def _no_compile(*_a, **_k):
    sys.exit(3)
prefilter._build = _no_compile
assert [s.type for s in find("write to jo.smith@correo.es")] == ["EMAIL"]
"""


def _run(script: str, cache: Path | str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MASKLINE_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def fresh_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """This process's engine rebuilt against an empty cache directory, and rebuilt again afterwards."""
    monkeypatch.setenv("MASKLINE_CACHE_DIR", str(tmp_path))
    prefilter.engine.cache_clear()
    yield tmp_path
    prefilter.engine.cache_clear()


def test_a_later_process_loads_the_database_instead_of_compiling(tmp_path: Path) -> None:
    first = _run("from maskline.text import find; find('jo@x.org')", tmp_path)
    assert first.returncode == 0, first.stderr
    assert len(list(tmp_path.glob("hyperscan-*.db"))) == 1
    later = _run(_LOAD_ONLY, tmp_path)
    assert later.returncode == 0, later.stderr


def test_control_without_a_cached_database_the_process_compiles(tmp_path: Path) -> None:
    assert _run(_LOAD_ONLY, tmp_path).returncode == 3


def test_an_empty_cache_dir_setting_turns_the_cache_off(tmp_path: Path) -> None:
    assert _run("from maskline.text import find; find('jo@x.org')", "").returncode == 0
    assert _run(_LOAD_ONLY, "").returncode == 3


def test_a_loaded_database_names_the_same_rules_as_a_compiled_one(fresh_engine: Path) -> None:
    compiled = prefilter.engine()
    assert compiled is not None and list(fresh_engine.glob("hyperscan-*.db"))
    prefilter.engine.cache_clear()
    loaded = prefilter.engine()
    assert loaded is not None and loaded is not compiled
    texts = lines(2000, seed=7) + ["mail josé@correo.es", "IBAN DE89 3704 0044 0532 0130 00", "ok"]
    assert [loaded.scan(t) for t in texts] == [compiled.scan(t) for t in texts]


def test_a_corrupted_cache_file_is_compiled_anew_and_still_finds_pii(fresh_engine: Path) -> None:
    assert prefilter.engine() is not None
    (path,) = fresh_engine.glob("hyperscan-*.db")
    raw = bytearray(path.read_bytes())
    raw[-200:] = b"\x00" * 200  # a torn write or a disk error in the payload
    path.write_bytes(bytes(raw))
    prefilter.engine.cache_clear()
    assert [s.type for s in find("write to jo.smith@correo.es")] == ["EMAIL"]
    assert path.read_bytes() != bytes(raw)  # written anew by the compile


def test_a_database_built_from_other_patterns_is_never_loaded(fresh_engine: Path) -> None:
    import hyperscan as hs

    other = database_cache.cache_key(hs, [(b"nothing-like-the-rules", 0)])
    assert prefilter.engine() is not None
    (path,) = fresh_engine.glob("hyperscan-*.db")
    assert other not in path.name  # a changed rule set names another file: the old one is not found


def test_a_cache_that_cannot_be_written_only_costs_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("MASKLINE_CACHE_DIR", str(blocker / "cache"))
    prefilter.engine.cache_clear()
    try:
        assert [s.type for s in find("write to jo.smith@correo.es")] == ["EMAIL"]
        assert prefilter.engine() is not None
    finally:
        prefilter.engine.cache_clear()


def _age(path: Path, days: float) -> None:
    stamp = time.time() - days * 86400
    os.utime(path, (stamp, stamp))


def test_writing_a_database_removes_the_ones_no_process_used_for_a_month(fresh_engine: Path) -> None:
    stale = fresh_engine / f"hyperscan-{'a' * 64}.db"   # an earlier release's rules, last loaded 40 days ago
    recent = fresh_engine / f"hyperscan-{'b' * 64}.db"  # another install's rules, loaded last week
    torn = fresh_engine / ".hyperscan-crashed.tmp"      # a write that died before its rename
    foreign = fresh_engine / "notes.txt"                # not ours: never touched
    for path in (stale, recent, torn, foreign):
        path.write_bytes(b"x")
    _age(stale, 40)
    _age(torn, 40)
    _age(foreign, 400)
    _age(recent, 7)
    assert prefilter.engine() is not None  # compiles and writes this release's database
    names = {p.name for p in fresh_engine.iterdir()}
    assert stale.name not in names and torn.name not in names
    assert {recent.name, foreign.name} <= names
    assert len(list(fresh_engine.glob("hyperscan-*.db"))) == 2  # this release's and the recent one


def test_loading_a_database_marks_it_used_so_pruning_keeps_it(fresh_engine: Path) -> None:
    assert prefilter.engine() is not None
    (path,) = fresh_engine.glob("hyperscan-*.db")
    _age(path, 40)
    prefilter.engine.cache_clear()
    assert prefilter.engine() is not None  # loaded, not compiled: the load marks it used
    assert time.time() - path.stat().st_mtime < 86400
    assert database_cache.prune(fresh_engine, keep=fresh_engine / "other.db") == []


def test_control_an_unused_database_is_pruned_even_if_it_is_the_only_one(fresh_engine: Path) -> None:
    assert prefilter.engine() is not None
    (path,) = fresh_engine.glob("hyperscan-*.db")
    _age(path, 40)
    assert database_cache.prune(fresh_engine, keep=fresh_engine / "other.db") == [path]
