"""The Hyperscan prefilter only saves time: it names every rule that can match (the parity test checks the
findings over a corpus), and its guards do cut the candidates."""

from __future__ import annotations

import re

import pytest

from benchmarks.log_lines import lines
from maskline.text import prefilter
from maskline.text.spans import SPAN_RULES

pytest.importorskip("hyperscan")


def test_every_rule_compiles_into_the_prefilter() -> None:
    engine = prefilter.engine()
    assert engine is not None and engine.always == frozenset()
    assert set().union(*engine.rules_of.values()) == set(range(len(SPAN_RULES)))


def test_text_the_database_cannot_read_alike_skips_the_prefilter() -> None:
    assert prefilter.candidate_rules("pa\u017f\u017fword=hunter22") is None  # long s: re.IGNORECASE folds it
    assert prefilter.candidate_rules("call \u0664\u0661\u0665") is None  # another script's digits
    assert prefilter.candidate_rules("bad \ud800 surrogate") is None  # not UTF-8
    assert prefilter.candidate_rules("mail josé@correo.es") not in (None, frozenset())  # other non-ASCII: scanned


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?<![\d-])\d{9}(?![\d-])", r"(?:^|[^\d\-])\d{9}(?:[^\d\-]|$)"),
    (r"(?<![\w.%+-])x|(?<!\d)y(?![\w-]|[.,]\d)", r"(?:^|[^\w.%+\-])x|(?:^|[^\d])y(?:[^\w\-]|$)"),
    (r"a(?<!\d)b(?!\d)c", "abc"),  # not at an alternative's edge: a consumed character would be wrong there
    (r"(?<![^\W\d_])tel", "tel"),  # a negated class: its ASCII complement would be narrower than Python's
    (r"(?<!ab)x(?=y)", "x"),  # longer alternatives and positive look-arounds are dropped
    (r"(?<!a)(?<!b)x(?!c)(?!d)", "(?:^|[^a])x(?:[^d]|$)"),  # one guard per edge: both check the same character
])
def test_edge_look_arounds_become_guards_and_others_are_dropped(pattern: str, expected: str) -> None:
    assert prefilter._pattern(re.compile(pattern)).decode() == expected


def test_guards_keep_timestamps_and_digests_from_being_candidates() -> None:
    texts = lines(2000, seed=5)
    guarded = sum(bool(prefilter.candidate_rules(t)) for t in texts)
    original = prefilter._edge_guard
    prefilter._edge_guard = lambda body, behind: ""  # type: ignore[assignment]
    prefilter.engine.cache_clear()
    try:
        unguarded = sum(bool(prefilter.candidate_rules(t)) for t in texts)
    finally:
        prefilter._edge_guard = original  # type: ignore[assignment]
        prefilter.engine.cache_clear()
    assert guarded < unguarded * 0.75


def test_a_token_rule_with_case_insensitive_triggers_is_refused() -> None:
    from maskline.errors import ConfigError
    from maskline.text.spans import SpanRule

    with pytest.raises(ConfigError, match="span rule EMAIL.*Fix: drop within_token"):
        SpanRule("EMAIL", re.compile(r"\w+@\w+"), triggers=("@",), ci_triggers=True, within_token=True)


def _uncovered(regex: re.Pattern[str], cheap: re.Pattern[str], texts: list[str]) -> list[str]:
    """Matches of ``regex`` in ``texts`` inside which ``cheap`` finds nothing (with the text before them in view)."""
    return [m.group() for t in texts for m in regex.finditer(t) if not cheap.search(t, m.start(), m.end())]


def test_a_rules_cheaper_prefilter_pattern_matches_inside_every_match_of_its_regex() -> None:
    from tests.text.test_scrub_parity import corpus

    texts = corpus()
    declared = [r for r in SPAN_RULES if r.prefilter is not None]
    assert {r.info_type for r in declared} >= {"EMAIL", "CREDIT_CARD"}
    for rule in declared:
        assert rule.prefilter is not None
        assert sum(bool(rule.regex.search(t)) for t in texts) > 300  # the corpus does exercise the rule
        assert _uncovered(rule.regex, rule.prefilter, texts) == []
    # Control: a prefilter that misses a form of the rule (spaced cards) is caught.
    card = next(r for r in declared if r.info_type == "CREDIT_CARD")
    assert _uncovered(card.regex, re.compile(r"\d{4}\.\d{4}\.\d{4}"), texts)


def test_the_database_scans_a_rules_prefilter_pattern_in_place_of_its_regex() -> None:
    entries = prefilter._entries()
    for index, rule in enumerate(SPAN_RULES):
        assert entries[index][0] == prefilter._pattern(rule.prefilter or rule.regex)
    assert any(r.prefilter is not None for r in SPAN_RULES)
