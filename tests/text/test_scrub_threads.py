"""The scrubber from several threads at once: an agent's tool call scrubs its lineage event while the background
sender (openlineage_ext.background_emit) scrubs the previous one, and Airflow's OpenLineage listener thread logs
beside the task. Hyperscan's scratch space serves one scan at a time; shared, the second scan failed with
ScratchInUseError, the scrub raised, and the lineage event was dropped (one in a few agent runs)."""

from __future__ import annotations

import threading

import pytest

from maskline.text.scrubber import scrubbed as scrub_text

LINES = [f"call {4111111111111111 + 0} or mail ana{i}@correo.es, SSN 123-45-{6789 - i:04d} at 2024-01-0{i % 9 + 1}"
         * 8 for i in range(40)]
ROUNDS = 150
THREADS = 4


def _scrub_all(out: list[list[str]], errors: list[str]) -> None:
    try:
        out.append([scrub_text(line) for _ in range(ROUNDS) for line in LINES[:5]])
    except Exception as e:  # noqa: BLE001 - the class is the finding
        errors.append(type(e).__name__)


def test_scrubbing_from_several_threads_at_once_gives_each_the_single_thread_answer() -> None:
    expected = [scrub_text(line) for _ in range(ROUNDS) for line in LINES[:5]]
    assert "ana0@correo.es" not in expected[0] and "4111111111111111" not in expected[0]
    out: list[list[str]] = []
    errors: list[str] = []
    workers = [threading.Thread(target=_scrub_all, args=(out, errors)) for _ in range(THREADS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert out == [expected] * THREADS


def test_one_shared_scratch_fails_under_the_same_load() -> None:
    """The control: the database's own scratch, shared by the threads, is what failed."""
    from maskline.text.prefilter import _collect, engine

    e = engine()
    if e is None:
        pytest.skip("Hyperscan is not installed: the scrubber tries every rule, with no scratch to share")
    errors: list[str] = []

    def shared() -> None:
        try:
            for _ in range(20_000):
                e.database.scan(LINES[0].encode(), _collect, 0, [])
        except Exception as x:  # noqa: BLE001 - the class is the finding
            errors.append(type(x).__name__)

    workers = [threading.Thread(target=shared) for _ in range(THREADS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert "ScratchInUseError" in errors
