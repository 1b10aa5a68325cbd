"""The NER model is loaded only for a free-text column where what it tags could count.

A person span the model alone finds counts only when it opens with a capital, mid-sentence, holds two words and
has three words around it (``free_text._counts``); and a column needs enough such values to pass the binomial test.
A sales table whose notes are a few short lower-case phrases ("gift wrap", "deliver after 5pm") can gain nothing
from the model, so a scan of it must not load spaCy (it did: 1.5 s of a 1.7 s scan). The controls: notes naming
people whom only the model knows still load it and are still FREE_TEXT_WITH_PII; and every span that counts lies
in a value :func:`~maskline.classify.free_text.ner_could_count` sends to the model.

The observable is ``spacy`` in ``sys.modules`` of a new process (the model is imported only to be loaded).
Names and notes are written here by hand; none comes from the benchmark's splits.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import maskline
from maskline.text.ner import ner_available

REPO = Path(maskline.__file__).resolve().parents[1]  # the checkout under test, for the new processes too
needs_ner = pytest.mark.skipif(not ner_available("en"), reason="the ner extra is not installed")

SCAN = """
import json, sys
from maskline.cli.main import main
main(["scan", sys.argv[1], "--format", "json"])
print(json.dumps("spacy" in sys.modules))
"""
COLUMN = """
import json, sys
from maskline.classify import classify_column
notes = json.loads(sys.argv[1])
print(json.dumps(classify_column("notes", notes).info_type))
print(json.dumps("spacy" in sys.modules))
"""
PHRASES = ("gift wrap", "deliver after 5pm", "call before delivery")
# Given and family names no name list of the rules holds: only the model finds them (checked in the control).
PEOPLE = ("Oluwaseun Adeyemi", "Tendai Moyo", "Chidi Okafor", "Aigerim Bekova")
TEMPLATES = ("please ask {} to sign for the parcel at the door", "leave it with {} at the front desk today",
             "the buyer said that {} will collect it on friday", "ring the bell twice, {} works nights and sleeps",
             "gift for {} so hide the invoice inside the box")


def _run(code: str, arg: str) -> tuple[object, bool]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code, arg], capture_output=True, text=True, env=env, check=True,
                         cwd=REPO, timeout=300).stdout.strip().splitlines()
    return json.loads(out[0]), json.loads(out[-1])


def _sales_csv(path: Path, notes: list[str]) -> Path:
    """300 orders, a quarter with no note; the rest draw one of ``notes``."""
    rng = random.Random(3)
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_id", "region", "product", "quantity", "unit_price", "status", "notes"])
        for i in range(300):
            w.writerow([1000 + i, rng.choice(["North", "South", "East", "West"]), rng.choice(["Widget", "Gadget"]),
                        rng.randint(1, 20), f"{rng.uniform(2, 90):.2f}", rng.choice(["shipped", "pending"]),
                        "" if rng.random() < 0.24 else rng.choice(notes)])
    return path


def _notes_verdict(tmp_path: Path, notes: list[str]) -> tuple[str | None, bool]:
    result, loaded = _run(SCAN, str(_sales_csv(tmp_path / "sales.csv", notes)))
    assert isinstance(result, dict)
    return {c["name"]: c["info_type"] for c in result["columns"]}["notes"], loaded


@needs_ner
def test_a_sales_table_with_a_few_short_notes_is_scanned_without_loading_the_ner_model(tmp_path) -> None:
    info_type, loaded = _notes_verdict(tmp_path, list(PHRASES))
    assert info_type is None
    assert not loaded, "no note holds a capital the model could open a counted name with"


@needs_ner
def test_title_cased_labels_too_short_to_hold_a_mention_do_not_load_the_ner_model(tmp_path) -> None:
    # Capitals mid-value, but a two-word name in three words leaves one word around it, not three.
    info_type, loaded = _notes_verdict(tmp_path, ["Call Before Delivery", "Leave At Door", "Gift Wrap Please"])
    assert info_type is None
    assert not loaded


@needs_ner
def test_notes_naming_people_only_the_model_knows_still_load_it_and_are_free_text_with_pii(tmp_path) -> None:
    from maskline.text.prose import find_prose_many

    named = [t.format(p) for t in TEMPLATES for p in PEOPLE]
    assert not any(find_prose_many(named, ner=False)), "the rules find none of these names: only the model does"
    info_type, loaded = _notes_verdict(tmp_path, list(PHRASES) + named)
    assert loaded
    assert info_type == "FREE_TEXT_WITH_PII"


@needs_ner
def test_a_few_repeated_notes_that_cannot_all_hold_a_name_do_not_load_the_ner_model() -> None:
    # Three distinct notes pass the binomial test only if all three hold PII; the first cannot gain a name from
    # the model (no capital), so whatever the model finds in the other two, the verdict stays.
    could = ["please wrap it as a gift for the party", "Leave it with Reception Desk staff after noon",
             "deliver to the Side Entrance after five please"]
    notes = (["wrap it as a gift for the party please"] + could[1:]) * 60
    info_type, loaded = _run(COLUMN, json.dumps(notes))
    assert info_type is None
    assert not loaded
    # Not trivially true: when all three could gain a name, the model must read them.
    _, loaded = _run(COLUMN, json.dumps([could[0].replace("the party", "the Grand Party hall")] + could[1:]))
    assert loaded


def _counting_spans(text: str) -> list[tuple[int, int]]:
    """Every span of ``text`` that, tagged by the model alone, would count as a name mentioned in prose."""
    from maskline.classify.free_text import _counts
    from maskline.text.prose import _plausible_name
    from maskline.text.scrubber import Finding

    return [(a, b) for a in range(len(text)) for b in range(a + 2, len(text) + 1)
            if _plausible_name(text[a:b]) and _counts(text, Finding("PERSON_NAME", a, b), [])]


TEXTS = (
    "gift wrap please", "deliver after 5pm", "Call Before Delivery", "call Before delivery now",
    "Please ask Tendai Moyo to sign", "ask Tendai Moyo to sign it", "ok.  Tendai Moyo signs it today",
    "We met Chidi Okafor", "met (Chidi Okafor) at the door", "sent to McKenzie Ward and the others",
    "Deliver after 5pm. Ring twice at the gate", "x Ab Cd e f", "handed to aigerim Bekova at the desk",
    "the parcel for Zoë Ørsted was left there", "колл с Иваном Петровым был вчера вечером",
)


# Drawn with a fixed seed from English words, names, punctuation and digits: sentence ends, brackets, capitals
# mid-word and values of every length around the bound.
TOKENS = ("to", "the", "we", "met", "at", "said", "x", "1990", "Anna", "Meier", "Tendai", "Moyo,", "(Chidi",
          "Okafor)", "done.", "ok!", "McKenzie", "Ward", "DOOR", "it")
_RNG = random.Random(15)
DRAWN = tuple(" ".join(_RNG.choices(TOKENS, k=_RNG.randint(3, 7))) for _ in range(40))


def test_every_span_that_could_count_lies_in_a_value_sent_to_the_model() -> None:
    from maskline.classify.free_text import ner_could_count

    counted = 0
    for text in TEXTS + DRAWN:
        spans = _counting_spans(text)
        counted += bool(spans)
        assert ner_could_count(text) or not spans, (text, spans)
    # Not trivially true: spans do count in several of these values, and some values are spared the model.
    assert counted >= 15
    assert sum(not ner_could_count(t) for t in TEXTS + DRAWN) >= 8


def test_values_in_a_script_without_case_are_always_sent_to_the_model() -> None:
    from maskline.classify.free_text import ner_could_count

    assert ner_could_count("ติดต่อคุณสมชายก่อนส่งของ") and ner_could_count("请在下午五点后送货给王小明先生")
    assert ner_could_count("आज ग्राहक राजेश शर्मा से बात हुई") and ner_could_count("اتصل بأحمد قبل التسليم")
    assert not ner_could_count("deliver after five please")  # the control: lower-case Latin script is not
