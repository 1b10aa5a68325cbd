"""The benchmark's earlier scrubbers come from git history, not from frozen copies in the tree."""

from __future__ import annotations

import pytest

from benchmarks import scrubber_history


def test_the_previous_scrubber_loads_from_history_and_scrubs() -> None:
    try:
        old = scrubber_history.load(scrubber_history.PREVIOUS)
    except scrubber_history.HistoryUnavailable as e:
        pytest.skip(e.explanation)
    assert old.scrub("mail ana@correo.es")[0] == "mail [EMAIL]"
    assert old.__file__.startswith(f"<git {scrubber_history.PREVIOUS}:")
    assert old.SPAN_RULES is not __import__("maskline.text.spans").text.spans.SPAN_RULES  # its own rules


def test_a_commit_missing_from_history_says_how_to_fix_it() -> None:
    with pytest.raises(scrubber_history.HistoryUnavailable) as e:
        scrubber_history.load("0000000")
    assert e.value.missing == "commit"
    assert "not in this checkout's history" in e.value.explanation and "unshallow" in e.value.explanation


def test_an_old_scrubber_runs_on_its_own_prefilter_not_todays() -> None:
    from maskline.text import prefilter

    try:
        old = scrubber_history.load(scrubber_history.BEFORE_LAST_ROUND)
    except scrubber_history.HistoryUnavailable as e:
        pytest.skip(e.explanation)
    assert old.prefilter is not prefilter  # control: today's module is importable under the same name
    assert old.prefilter.__file__.startswith(f"<git {scrubber_history.BEFORE_LAST_ROUND}:")
    assert old.scrub("card 4111 1111 1111 1111")[0] == "card [CREDIT_CARD]"


def test_an_old_log_filter_runs_on_the_scrubber_of_its_own_commit() -> None:
    try:
        old = scrubber_history.load_log_filter(BEFORE_SCRUBFAST3)
    except scrubber_history.HistoryUnavailable as e:
        pytest.skip(e.explanation)
    assert old.__file__ == f"<git {BEFORE_SCRUBFAST3}:airflow_plugin/log_filter.py>"
    event = {"event": "mail ana@correo.es", "timestamp": "2026-01-01"}
    assert old.scrub_event(event) == {"event": "mail [EMAIL]", "timestamp": "2026-01-01"}
    scrub, _ = old._scrubbers()
    assert scrub.__module__ == scrubber_history.load(BEFORE_SCRUBFAST3).__name__  # not today's scrubber


BEFORE_SCRUBFAST3 = "f821fe7"  # before the log filter walked its events once
