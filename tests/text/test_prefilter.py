"""The Hyperscan prefilter only saves time: it names every rule that can match (the parity test checks the
findings over a corpus), and its guards do cut the candidates."""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.log_lines import lines
from maskline.infotypes.validators import phone
from maskline.text import find, prefilter, scrub, spans
from maskline.text.scrubber import _digit_windows
from maskline.text.spans import SPAN_RULES, SpanRule

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


def _searched(rule: SpanRule, text: str) -> list[tuple[re.Match[str], int, int]]:
    """The matches of ``rule`` that ``find`` can meet in ``text``, each with the span it searched.

    A rule marked ``in_digit_runs`` is searched only in the windows of digit runs that are not a date alone
    (``_digit_windows``), any other over the whole text.
    """
    if rule.in_digit_runs:
        return [(m, a, b) for a, b, digits in _digit_windows(text) if digits >= rule.min_digits
                for m in rule.regex.finditer(text, a, b)]
    return [(m, 0, len(text)) for m in rule.regex.finditer(text)]


def _uncovered(rule: SpanRule, cheap: re.Pattern[str], texts: list[str]) -> list[str]:
    """Matches of ``rule`` that ``find`` meets in ``texts`` where ``cheap`` finds nothing.

    Inside the match itself (with the text before it in view), or for a digit rule anywhere in the window
    it was found in: the phone rule's pattern skips ISO dates and looks for the digits that join a date to
    a digit run beside it, in the same window.
    """
    return [m.group() for t in texts for m, a, b in _searched(rule, t)
            if not cheap.search(t, m.start(), m.end()) and not (rule.in_digit_runs and cheap.search(t, a, b))]


def test_a_rules_cheaper_prefilter_pattern_matches_wherever_find_can_meet_its_regex() -> None:
    from tests.text.test_scrub_parity import corpus

    texts = corpus()
    declared = [r for r in SPAN_RULES if r.prefilter is not None]
    assert {r.info_type for r in declared} >= {"EMAIL", "CREDIT_CARD", "PHONE"}
    for rule in declared:
        assert rule.prefilter is not None
        assert sum(bool(_searched(rule, t)) for t in texts) > 300  # the corpus does exercise the rule
        uncovered = _uncovered(rule, rule.prefilter, texts)
        if rule.validator == "phone":  # its international form is cut to what the validator can accept
            assert not any(phone(v) for v in uncovered)
        else:
            assert uncovered == []
    # Controls: a prefilter that misses a form of the rule (spaced cards) is caught, and so is a phone
    # prefilter that drops the dates glued to other digits or demands more digits than the validator does.
    card = next(r for r in declared if r.info_type == "CREDIT_CARD")
    assert _uncovered(card, re.compile(r"\d{4}\.\d{4}\.\d{4}"), texts)
    rule = SPAN_RULES[_PHONE_GROUPS_RULE]
    assert _uncovered(rule, re.compile("|".join((spans._PHONE_INTERNATIONAL, spans._PHONE_BRACKETED,
                                                 spans._PHONE_GROUPS_NOT_A_DATE))), _DATES_GLUED)
    ten_digits = spans._PHONE_INTERNATIONAL_SEVEN_DIGITS.replace("{6}", "{9}").replace("{4}", "{7}")
    assert any(phone(v) for v in _uncovered(rule, re.compile(ten_digits), texts + _INTERNATIONAL_GLUED))


# The rule whose third form (digit groups) an ISO date takes the shape of.
_PHONE_GROUPS_RULE = next(i for i, r in enumerate(SPAN_RULES) if r.validator == "phone")
# Dates (ISO, with and without an hour) glued to what may make their digit run go on: digits, separators,
# phone extensions, letters, times. Random, so that no neighbour the pattern's proof relies on is left out.
_PIECES = ("2026-04-11", "1984.07.21", "2026-04-15 19", "2026-04-15 9", "19", "1", "12", "123", "1234567", "0",
           " ", " ", "-", ".", "/", "(", ")", "+", ":", "'", "x", " x", "#", "ext", "ext. ", "extension", "T", "a",
           "\t", "00", "+49 ", "415 555 2671", "20", "2026", "-04", "-11")


def _glued(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 8))) for _ in range(n)]


_DATES_GLUED = _glued(20_000, seed=3)


def _skipped(texts: list[str]) -> list[str]:
    """The texts for which the database itself (not the Python pattern) does not name the phone rule."""
    engine = prefilter.engine()
    assert engine is not None
    return [t for t in texts if _PHONE_GROUPS_RULE not in (engine.scan(t) or set(range(len(SPAN_RULES))))]


def test_the_phone_rule_is_a_candidate_wherever_find_can_meet_it_near_a_date() -> None:
    """Every glued text where ``find`` meets a phone-rule match makes the rule a candidate, unless the
    validator refuses every such match (an international number of fewer than seven digits: see the next
    test); and the dates alone no longer do."""
    engine = prefilter.engine()
    assert engine is not None
    rule = SPAN_RULES[_PHONE_GROUPS_RULE]
    met = [t for t in _DATES_GLUED if _searched(rule, t)]
    assert len(met) > 2000  # the texts do reach the rule
    assert not any(phone(m.group()) for t in _skipped(met) for m, _, _ in _searched(rule, t))
    dates = ["'2026-04-11'", "at 2026-04-15 19:32:22", "(2026-07-12 00:00)", "on 1984.07.21."]
    assert [_PHONE_GROUPS_RULE in (engine.scan(t) or ()) for t in dates] == [False] * 4
    # Control: the rule's own regex, which the database scanned before, makes every one of them a candidate.
    assert all(SPAN_RULES[_PHONE_GROUPS_RULE].regex.search(t) for t in dates)


# International numbers of four to nine digits (the validator wants seven), with the separators and
# brackets of the form, glued to file names, dates and extensions.
_INTERNATIONAL_PIECES = ("+", "00", "+1", "+49", "0049", "1", "4", "30", "415", "901820", "5550100", " ", "-", ".",
                         "(0)", "(", ")", " (0) ", "x12", " ext. 7", "part-", ".parquet", "/", "2026-04-11", "a", ":")


def _international_glued(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_INTERNATIONAL_PIECES) for _ in range(rnd.randint(1, 9))) for _ in range(n)]


_INTERNATIONAL_GLUED = _international_glued(20_000, seed=5)


def test_international_numbers_too_short_for_the_validator_are_skipped_and_no_finding_changes() -> None:
    rule = SPAN_RULES[_PHONE_GROUPS_RULE]
    met = [t for t in _INTERNATIONAL_GLUED if _searched(rule, t)]
    skipped = _skipped(met)
    assert len(met) > 2000 and skipped  # the texts reach the rule, and the cut does skip some where it is met
    assert not any(phone(m.group()) for t in skipped for m, _, _ in _searched(rule, t))
    with prefilter.disabled():
        expected = [find(t) for t in met]
    assert [find(t) for t in met] == expected
    assert sum(bool(f) for f in expected) > 500  # control: these texts do hold phone numbers the scrubber finds
    file_name = "Uploaded s3://lake/raw/2026-03-15/part-00900.parquet"
    assert prefilter.candidate_rules(file_name) == frozenset() and scrub(file_name) == (file_name, [])
    assert rule.regex.search(file_name)  # control: the rule's own regex, which the database scanned, matches it
    assert scrub("call 0049 30 901820")[0] == "call [PHONE]"


def test_a_date_line_is_skipped_and_a_phone_beside_a_date_is_still_scrubbed() -> None:
    date_only = "Running statement: SELECT * FROM orders WHERE created_at >= '2026-04-11' AND region = 'EU'"
    assert prefilter.candidate_rules(date_only) == frozenset()  # the scrubber returns it without Python work
    assert scrub(date_only) == (date_only, [])
    beside = "Customer called from 415-555-2671 on 2026-04-11"
    assert scrub(beside)[0] == "Customer called from [PHONE] on 2026-04-11"
    glued = "call 2026-04-11 415-555-2671"  # one digit run that begins with a date: still searched
    assert scrub(glued)[0] == "call 2026-04-11 [PHONE]"
    with prefilter.disabled():  # control: the same without the prefilter
        assert scrub(glued)[0] == "call 2026-04-11 [PHONE]"


def test_the_database_scans_a_rules_prefilter_pattern_in_place_of_its_regex() -> None:
    entries = prefilter._entries()
    for index, rule in enumerate(SPAN_RULES):
        assert entries[index][0] == prefilter._pattern(rule.prefilter or rule.regex)
    assert any(r.prefilter is not None for r in SPAN_RULES)


def test_pattern_ids_map_to_rules_when_a_rule_is_left_out_of_the_database() -> None:
    """The engine returns its hits as they are only when each pattern id is its rule's index; with a rule
    left out (as when Hyperscan refuses one), ids shift and are mapped, and the left-out rule is always tried."""
    import hyperscan as hs

    entries = prefilter._entries()
    email = next(i for i, r in enumerate(SPAN_RULES) if r.info_type == "EMAIL")
    kept = [e for i, e in enumerate(entries) if i != 0]  # rule 0 left out: every later id is one less
    shifted = prefilter._Engine(prefilter._compile(hs, kept), {i: e[2] for i, e in enumerate(kept)},
                                frozenset({0}))
    full = prefilter.engine()
    assert full is not None and full._ids_are_rules and not shifted._ids_are_rules
    text = "mail ana@correo.es"
    assert email in (full.scan(text) or ())
    assert shifted.scan(text) == (full.scan(text) or frozenset()) | {0}
    assert shifted.scan("nothing here") == frozenset({0})
