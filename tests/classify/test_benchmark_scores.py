"""The classification benchmark's scores and their bootstrap interval (benchmarks/classification/evaluate.py).

Its examples are run here (pytest collects doctests under maskline/ only). The scores are checked against a
brute-force count on random verdicts; the interval is checked to be honest about support: a dozen columns a type
(the frozen test split's size) give a wide interval, four hundred a narrow one, both around the point score.
"""

from __future__ import annotations

import doctest
import random

from benchmarks.classification import evaluate

TYPES = ("EMAIL", "PHONE", "PASSPORT", None)


def test_examples_run() -> None:
    failures, tried = doctest.testmod(evaluate, verbose=False)
    assert tried >= 2 and failures == 0


def _brute_f1(pairs: list[tuple[str | None, str | None]], t: str) -> float:
    tp = sum(1 for g, p in pairs if g == t and p == t)
    fp = sum(1 for g, p in pairs if g != t and p == t)
    fn = sum(1 for g, p in pairs if g == t and p != t)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_scores_agree_with_a_brute_force_count() -> None:
    rng = random.Random(7)
    pairs = [(rng.choice(TYPES), rng.choice(TYPES)) for _ in range(500)]
    s = evaluate.scores(pairs)
    for t in ("EMAIL", "PHONE", "PASSPORT"):
        assert abs(s["per_type"][t]["f1"] - _brute_f1(pairs, t)) < 1e-12
    negatives = [p for g, p in pairs if g is None]
    assert s["fp_rate"] == sum(p is not None for p in negatives) / len(negatives)


def _corpus(per_type: int, seed: int) -> list[tuple[str | None, str | None]]:
    rng = random.Random(seed)
    pairs: list[tuple[str | None, str | None]] = []
    for t in ("EMAIL", "PHONE", "PASSPORT"):
        pairs += [(t, t if rng.random() < 0.85 else None) for _ in range(per_type)]
    pairs += [(None, None if rng.random() < 0.98 else "PHONE") for _ in range(per_type * 6)]
    return pairs


def test_the_interval_is_wide_on_a_dozen_columns_a_type_and_narrow_on_hundreds() -> None:
    small, large = _corpus(12, 1), _corpus(400, 1)
    lo_s, hi_s = evaluate.bootstrap_interval(small, draws=400)["macro_f1"]
    lo_l, hi_l = evaluate.bootstrap_interval(large, draws=400)["macro_f1"]
    assert lo_s <= evaluate.scores(small)["macro_f1"] <= hi_s
    assert lo_l <= evaluate.scores(large)["macro_f1"] <= hi_l
    assert hi_s - lo_s > 3 * (hi_l - lo_l)
    assert hi_s - lo_s > 0.05  # twelve columns cannot pin a type's F1 to within a few hundredths


def test_a_perfect_corpus_has_no_spread() -> None:
    perfect = [(t, t) for t in ("EMAIL", "PHONE") for _ in range(10)] + [(None, None)] * 20
    assert evaluate.bootstrap_interval(perfect, draws=50) == {"macro_f1": (1.0, 1.0), "fp_rate": (0.0, 0.0)}
