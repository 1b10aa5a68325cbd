"""The Hyperscan prefilter only saves time: with it and without it the scrubber finds exactly the same spans."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from benchmarks.log_lines import lines
from maskline.text import find, prefilter
from maskline.text.spans import SPAN_RULES
from tests.core.test_sql_scrub_parity import CORPUS
from tests.text.test_scrub import CASES
from tests.text.test_scrub_coverage import FOUND, LEFT

pytest.importorskip("hyperscan")

PIECES = ("4111", " ", "-", ".", "(", ")", "+", "x", "@", "%40", "é", "用户", "de89", "DE", "89", "0", "030",
          "phone ", "ssn ", "bsn ", "password=", "Bearer ", "Basic ", "::", ":", "a1", "Q~", "eyJ", "ſ", "K", "٣",
          "\u00a0", "\x1c", "415", "555", "2671", "1984-07-21", "born ", "://u:p@h", "SG.", "AKIA", "\n", "ya29.")


@contextmanager
def without_prefilter() -> Iterator[None]:
    engine = prefilter.engine
    prefilter.engine = lambda: None  # type: ignore[assignment]
    try:
        yield
    finally:
        prefilter.engine = engine  # type: ignore[assignment]


def _texts() -> list[str]:
    rnd = random.Random(14)
    fuzz = ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 14))) for _ in range(3000)]
    return ([t for t, *_ in CASES] + [t for t, _ in FOUND] + LEFT + [t for t, *_ in CORPUS] + lines(3000, seed=3)
            + fuzz)


def test_every_rule_compiles_into_the_prefilter() -> None:
    engine = prefilter.engine()
    assert engine is not None and engine.always == frozenset()
    assert set().union(*engine.rules_of.values()) == set(range(len(SPAN_RULES)))


def test_findings_are_the_same_with_and_without_the_prefilter() -> None:
    texts = _texts()
    fast = [find(t) for t in texts]
    with without_prefilter():
        slow = [find(t) for t in texts]
    different = [t for t, a, b in zip(texts, fast, slow, strict=True) if a != b]
    assert different == []
    assert sum(map(bool, fast)) > 500  # the corpus does exercise the rules


def test_text_the_database_cannot_read_alike_skips_the_prefilter() -> None:
    assert prefilter.candidate_rules("pa\u017f\u017fword=hunter22") is None  # long s: re.IGNORECASE folds it
    assert prefilter.candidate_rules("call \u0664\u0661\u0665") is None  # another script's digits
    assert prefilter.candidate_rules("bad \ud800 surrogate") is None  # not UTF-8
    assert prefilter.candidate_rules("mail josé@correo.es") not in (None, frozenset())  # other non-ASCII: scanned
