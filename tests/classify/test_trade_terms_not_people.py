"""Procedures, tests and services named in words and a few trade terms are no people (the ``extcsv7`` probe,
issue 15).

A health insurer's claims name ten procedures (``Emergency Visit``, ``Chest X-Ray``, ``Malaria RDT``,
``Laparoscopic Cholecystectomy``) under ``procedure_name``; the name hint and the capitalised values agreed on
PERSON_NAME. :func:`maskline.infotypes.word_values.ordinary_words` refutes such a column only when every word is a
dictionary word, and one acronym or technical word (``RDT``, ``laparoscopic``, the ``X`` of ``X-Ray``) kept it
from reading any. :func:`maskline.infotypes.term_values.worded_terms` reads the share: two thirds of the distinct
words are dictionary words and no name, every value holds one, and no value is a known name. The reading is
refuted, and the decision still masks.

Controls: people whose family names are words (known names stop the reading) and one person among the terms
keep the type; people whose given names the lists lack beside family names that are words (half the words, short
of the share) are the module's doctest, as such names are refuted on main already by another reading.
Values are drawn by seeded generators from pools written for this test; none comes from the probe's files or the
benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

# Words of a clinic's, a lab's or a garage's catalogue that a dictionary holds.
WORDS = ("Blood", "Urine", "Culture", "Screening", "Review", "Follow-up", "Dressing", "Injection", "Extraction",
         "Filling", "Cleaning", "Therapy", "Repair", "Suture", "Biopsy", "Vaccination", "Removal", "Assessment",
         "Physiotherapy", "Counselling")
SITES = ("Knee", "Hip", "Wrist", "Ankle", "Shoulder", "Dental", "Eye", "Skin", "Liver", "Kidney", "Thyroid", "Spine")
# Trade terms a dictionary lacks: acronyms and technical words.
TERMS = ("HbA1c", "LFT", "PCR", "TSH", "Arthroscopic", "Endoscopic", "Colposcopy", "Spirometry", "INR", "FBC")
WORD_SURNAMES = ("Baker", "Cook", "Hope", "Mason", "Carter", "Fisher", "Young", "Wood")
GIVEN = ("Anna", "Mark", "Luis", "Deborah", "Kenji", "Fatou", "Priya", "Omar")


def _catalogue(seed: int, rows: int = 0) -> list[str]:
    """Eight to fourteen services, one of them a single word (``Physiotherapy``), about one in five holding a trade
    term beside a word (``Liver PCR``): listed once each (a catalogue), or repeated over ``rows`` claims."""
    rng = random.Random(seed)
    names: set[str] = {rng.choice(WORDS), f"{rng.choice(SITES)} {rng.choice(TERMS)}"}
    while len(names) < rng.randint(8, 14):
        site, word = rng.choice(SITES), rng.choice(WORDS)
        names.add(f"{site} {rng.choice(TERMS)}" if rng.random() < 0.2 else f"{site} {word}")
    pool = sorted(names)
    return [rng.choice(pool) for _ in range(rows)] if rows else pool


@pytest.mark.parametrize("rows", [0, 300])
@pytest.mark.parametrize("seed", [3, 41, 512, 7777])
@pytest.mark.parametrize("name", ["procedure_name", "service_name", "testName", "treatment_name"])
def test_catalogues_of_words_and_trade_terms_are_not_people(seed: int, name: str, rows: int) -> None:
    values = _catalogue(seed, rows)
    verdict = classify_column(name, values)
    assert verdict.info_type != "PERSON_NAME", verdict.evidence
    # Refuted, not settled: the fail-closed decision still masks the column.
    assert decide_unnamed(load_policy({}), name, verdict).method is not None


@pytest.mark.parametrize("seed", [5, 77, 13])
def test_people_whose_family_names_are_words_stay_people(seed: int) -> None:
    # Control (passes on main too): known given names stop the reading at the first value.
    rng = random.Random(seed)
    values = [f"{rng.choice(GIVEN)} {rng.choice(WORD_SURNAMES)}" for _ in range(40)]
    assert classify_column("patient_name", values).info_type == "PERSON_NAME"


def test_one_person_among_the_terms_keeps_the_column_people() -> None:
    # Control: one known name among the services (a clinician listed by mistake) keeps the reading.
    values = _catalogue(8) + ["Deborah Fisher"]
    assert classify_column("procedure_name", values).info_type == "PERSON_NAME"
