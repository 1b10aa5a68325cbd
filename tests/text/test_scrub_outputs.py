"""The scrubber's output texts are exactly those it gave before the per-line speed work (round ``scrubfast``).

``golden/scrub_outputs.json`` was written by the scrubber at 5fbda08, before that work, with
``python -m tests.text.test_scrub_outputs --write`` (rewritten on purpose when what a rule matches changes: last
in round ``cjkhints``, which reads letters of unspaced scripts as token boundaries, and in round ``cuedids``, which
added the cued identifier rules: one fuzz text, ``phone 0415030AKIA…``, now has its cued phone masked). It holds, for every text of the corpus the scrubber
changed, the scrubbed text, and a digest of the pseudonymized texts under a fixed test key. An unchanged
text must stay unchanged. Where ``test_scrub_parity`` compares findings (types and spans), this compares
what a log reader sees, through ``scrub`` (placeholders and pseudonyms).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from contextlib import nullcontext
from pathlib import Path

import pytest

from benchmarks.log_lines import lines
from maskline.keys import KeyMaterial
from maskline.text import prefilter, scrub
from maskline.text.scrubber import scrubbed

GOLDEN = Path(__file__).parent / "golden" / "scrub_outputs.json"
KEY = KeyMaterial(b"scrub-outputs-test-key!!")  # a test key: the pseudonyms only need to be stable


def corpus() -> list[str]:
    """Scrubber test texts (every info type the span rules find), benchmark log lines of another seed, fuzz."""
    from tests.core.test_sql_scrub_parity import CORPUS
    from tests.text.test_cued_identifiers import CONTROLS, CUED
    from tests.text.test_phone_nouns import KEPT, NAMED, RAW
    from tests.text.test_scrub import CASES
    from tests.text.test_scrub_coverage import FOUND, LEFT
    from tests.text.test_scrub_parity import fuzz

    return ([t for t, *_ in CASES] + [t for t, _ in FOUND] + LEFT + [t for t, *_ in CORPUS]
            + [t for t, _ in CUED] + CONTROLS + [t for t, _ in NAMED] + RAW + [t for t, _ in KEPT]
            + lines(4000, seed=5) + fuzz(1500, seed=21))


def _digest(texts: list[str]) -> str:
    return hashlib.sha256("\x00".join(texts).encode("utf-8", "surrogatepass")).hexdigest()


def _outputs(texts: list[str]) -> tuple[dict[str, str], str]:
    """(index -> scrubbed text, for the texts scrubbing changed; digest of every pseudonymized text)."""
    changed = {str(i): out for i, t in enumerate(texts) if (out := scrub(t)[0]) != t}
    return changed, _digest([scrub(t, pseudonymize_with=KEY)[0] for t in texts])


def test_scrubbed_texts_are_those_of_the_scrubber_before_the_speed_work() -> None:
    texts = corpus()
    golden = json.loads(GOLDEN.read_text())
    assert golden["corpus_sha256"] == _digest(texts), (
        "the corpus changed (a test text was added?): check the outputs, then rewrite the golden file with "
        "`python -m tests.text.test_scrub_outputs --write`")
    changed, pseudonyms = _outputs(texts)
    assert len(golden["changed"]) > 500  # control: the corpus does make the scrubber replace spans
    assert changed == golden["changed"]
    assert pseudonyms == golden["pseudonymized_sha256"]
    with prefilter.disabled():  # the fallback without Hyperscan gives the same texts
        assert _outputs(texts) == (changed, pseudonyms)
    if importlib.util.find_spec("hyperscan") is None:
        pytest.skip("hyperscan is not installed: only the fallback was compared")


def test_the_log_filters_str_path_gives_the_golden_texts_and_returns_clean_texts_as_they_are() -> None:
    """``scrubbed`` (the log filter's path) returns after the prefilter's scan alone on a clean text: if that
    ever let a text with a finding through, its golden scrubbed text would be missing here."""
    texts = corpus()
    golden = json.loads(GOLDEN.read_text())["changed"]
    for fallback in (False, True):
        with prefilter.disabled() if fallback else nullcontext():
            outputs = [scrubbed(t) for t in texts]
        assert {str(i): out for i, out in enumerate(outputs) if out != texts[i]} == golden, fallback
        assert all(out is texts[i] for i, out in enumerate(outputs) if str(i) not in golden)  # no copy made
    with pytest.raises(TypeError):
        scrubbed(b"bytes")  # type: ignore[arg-type]



def test_control_a_str_path_that_trusted_a_blind_prefilter_would_miss_golden_texts(monkeypatch) -> None:
    class Blind:  # a prefilter that names no candidate rule, whatever the text
        def scan(self, text: str) -> frozenset[int]:
            return frozenset()

    texts = corpus()
    golden = json.loads(GOLDEN.read_text())["changed"]
    monkeypatch.setattr(prefilter, "engine", Blind)
    assert not any(scrubbed(texts[int(i)]) == out for i, out in golden.items())


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    texts = corpus()
    changed, pseudonyms = _outputs(texts)
    with prefilter.disabled():
        assert _outputs(texts) == (changed, pseudonyms)
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in changed.items())
    GOLDEN.write_text(f'{{"corpus_sha256": "{_digest(texts)}",\n "pseudonymized_sha256": "{pseudonyms}",\n'
                      f' "changed": {{\n{rows}\n}}}}\n')
    print(f"wrote {len(changed)} scrubbed texts of {len(texts)} to {GOLDEN}")
