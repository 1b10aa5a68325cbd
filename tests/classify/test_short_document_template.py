"""Document numbers of one letter and six digits (classify/document_numbers.py, the shortest template): staff badges,
employee and student numbers drawn behind any letter have the same template, so the values alone are a guess below
min_confidence (the column stays unclassified and the fail-closed default masks it as uncertain). An identity or
travel document word in the name makes them PASSPORT at a moderate confidence; a badge word does not. Controls:
two letters and seven digits (the template most issuers use) stay a verdict from the values alone, and a passport
name still types the short template.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string

from maskline.classify import classify_column

UP, DG = string.ascii_uppercase, string.digits


def _short(seed: int, rows: int = 300) -> list[str]:
    r = random.Random(seed)
    return [r.choice(UP) + "".join(r.choice(DG) for _ in range(6)) for _ in range(rows)]


def test_one_letter_and_six_drawn_digits_alone_are_a_guess_below_min_confidence() -> None:
    verdict = classify_column("c4", _short(71))
    assert verdict.info_type is None
    assert verdict.verdict == "uncertain"  # masked by the fail-closed default, not passed as safe
    assert any("below min_confidence" in e and "PASSPORT" in e for e in verdict.evidence)
    assert verdict.signals.near_misses and verdict.signals.near_misses[0].info_type == "PASSPORT"


def test_a_badge_word_does_not_make_the_short_template_a_passport() -> None:
    assert classify_column("staff_badge", _short(72)).info_type is None


def test_a_document_word_makes_the_short_template_a_moderate_passport() -> None:
    verdict = classify_column("doc_no", _short(73))
    assert verdict.info_type == "PASSPORT"
    assert verdict.confidence < classify_column("passport_no", _short(73)).confidence


def test_control_a_passport_name_still_types_the_short_template() -> None:
    assert classify_column("passport_no", _short(74)).info_type == "PASSPORT"


def test_control_two_letters_and_seven_digits_alone_stay_a_verdict() -> None:
    r = random.Random(75)
    values = ["".join(r.choice(UP) for _ in range(2)) + "".join(r.choice(DG) for _ in range(7)) for _ in range(300)]
    verdict = classify_column("c4", values)
    assert verdict.info_type == "PASSPORT"
    assert verdict.confidence < 0.8  # a value-only reading, below what a name gives


def test_the_evidence_holds_no_value() -> None:
    values = _short(76)
    verdict = classify_column("c4", values)
    text = " ".join(verdict.evidence)
    assert not any(v in text for v in values)
