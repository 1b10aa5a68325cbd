"""The fast scrubber finds exactly what the scrubber found before it was made fast, with Hyperscan and without.

The golden file holds the findings of the scrubber at main ddc67b4 (before the speed work) on a corpus of
the benchmark's log lines, every text of the scrubber tests and random texts built from the pieces that
make rules match. Speed work must leave it unchanged. A change to what a rule matches regenerates it on
purpose (``python -m tests.text.test_scrub_parity --write``), and the diff shows what changed (in round
``cjkhints``: four fuzz texts where a value touches CJK letters now yield it; six texts of the SQL parity corpus
added. Last in round ``cuedids``: the texts of ``test_cued_identifiers`` and nineteen of the SQL parity corpus
added, and compared by text, not index, no finding of an older text changed; in round ``cuedplain``: nineteen
texts of ``test_cued_identifiers`` and seven of the SQL parity corpus added, no finding of an older text changed).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

from benchmarks.log_lines import lines
from maskline.text import find, prefilter

GOLDEN = Path(__file__).parent / "golden" / "scrub_findings.json"

# Pieces that make rules match, or almost match, when glued at random (fuzz for the prefilter's edge cases).
PIECES = ("4111", " ", "-", ".", "(", ")", "+", "x", "@", "%40", "é", "用户", "de89", "DE", "89", "0", "030",
          "phone ", "ssn ", "bsn ", "password=", "Bearer ", "Basic ", "::", ":", "a1", "Q~", "eyJ", "ſ", "K", "٣",
          "\u00a0", "\x1c", "415", "555", "2671", "1984-07-21", "born ", "://u:p@h", "SG.", "AKIA", "\n", "ya29.")


def fuzz(n: int = 3000, seed: int = 14) -> list[str]:
    """``n`` random texts glued from :data:`PIECES`."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 14))) for _ in range(n)]


def corpus() -> list[str]:
    """Every text the parity checks run on: test cases, benchmark log lines, fuzz."""
    from tests.core.test_sql_scrub_parity import CORPUS
    from tests.text.test_cued_identifiers import CONTROLS, CUED
    from tests.text.test_phone_nouns import KEPT, NAMED, RAW
    from tests.text.test_scrub import CASES
    from tests.text.test_scrub_coverage import FOUND, LEFT

    return ([t for t, *_ in CASES] + [t for t, _ in FOUND] + LEFT + [t for t, *_ in CORPUS]
            + [t for t, _ in CUED] + CONTROLS + [t for t, _ in NAMED] + RAW + [t for t, _ in KEPT]
            + lines(20_000) + lines(3000, seed=3) + fuzz())



def _digest(texts: list[str]) -> str:
    return hashlib.sha256("\x00".join(texts).encode("utf-8", "surrogatepass")).hexdigest()


def findings(texts: list[str]) -> list[list[object]]:
    """[text index, type, start, end] for every finding, in order."""
    return [[i, f.type, f.start, f.end] for i, t in enumerate(texts) for f in find(t)]


def _golden() -> dict[str, object]:
    golden: dict[str, object] = json.loads(GOLDEN.read_text())
    return golden


def test_findings_are_those_of_the_scrubber_before_the_speed_work() -> None:
    texts = corpus()
    with prefilter.disabled():
        slow = findings(texts)
    hyperscan = importlib.util.find_spec("hyperscan") is not None
    if hyperscan:  # first, with no golden file involved: the prefilter changes no finding
        assert findings(texts) == slow
    golden = _golden()
    assert golden["corpus_sha256"] == _digest(texts), (
        "the parity corpus changed (a test text was added?): check the findings, then rewrite the golden file "
        "with `python -m tests.text.test_scrub_parity --write`")
    expected = golden["findings"]
    assert isinstance(expected, list)
    assert len(expected) > 3000  # the corpus does exercise the rules
    assert slow == expected
    if not hyperscan:
        pytest.skip("hyperscan is not installed: only the fallback was compared")


def test_token_rules_match_the_same_in_their_tokens_as_in_the_whole_text() -> None:
    from maskline.text.scrubber import _trigger_tokens
    from maskline.text.spans import SPAN_RULES

    rules = [r for r in SPAN_RULES if r.within_token]
    assert rules
    texts = corpus()
    for rule in rules:
        whole = [[m.span() for m in rule.regex.finditer(t)] for t in texts]
        tokens = [[m.span() for a, b in _trigger_tokens(t, rule.triggers) for m in rule.regex.finditer(t, a, b)]
                  for t in texts]
        assert tokens == whole
        assert sum(map(bool, whole)) > 500


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    texts = corpus()
    with prefilter.disabled():
        slow = findings(texts)
    assert findings(texts) == slow
    rows = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in slow)  # one per line: diffs stay readable
    GOLDEN.write_text(f'{{"corpus_sha256": "{_digest(texts)}",\n "findings": [\n{rows}\n]}}\n')
    print(f"wrote {len(slow)} findings over {len(texts)} texts to {GOLDEN}")
