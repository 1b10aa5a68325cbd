"""A period's label is no street address: one word and a year (the ``extcsv4`` probe, issue 15).

A school's enrolment table names its terms ``Fall 2024`` and ``Spring 2025``; a conference its editions
``Summit 2023``; a camp its seasons ``Camp 2019``. Faker's street words include ``Falls``, ``Spring``,
``Summit``, ``Camp``, so :func:`maskline.infotypes.validators.street_address` read a house number (the year)
beside a street word and typed the column STREET_ADDRESS. The value names no street, only the street's type
word: :func:`maskline.infotypes.street_lookalikes.street_lookalike` now says so.

Controls: addresses whose street is named beside or glued to its type word keep their type, with house numbers
that look like years too; labels of a year and a word that is no street word were never addresses. Values are
drawn by seeded generators; none comes from the probe's files or the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.validators import street_address

# Words that are street types in Faker's lists and also name periods, seasons and editions.
PERIOD_WORDS = ("Fall", "Spring", "Summit", "Camp", "Harbor", "Crossing", "Point", "Field")
STREET_NAMES = ("Maple", "Jefferson", "Willow", "Harrison", "Birch", "Franklin", "Chestnut", "Monroe")
GLUED = ("Hauptstrasse", "Bahnhofstrasse", "Kerkstraat", "Dorpsstraat", "Lindenweg", "Schillerstrasse")


def _terms(seed: int, n: int = 90, words: int = 2) -> list[str]:
    rng = random.Random(seed)
    pool = rng.sample(PERIOD_WORDS, words)
    return [f"{rng.choice(pool)} {rng.randint(1990, 2030)}" for _ in range(n)]


@pytest.mark.parametrize("seed", [5, 314, 9001])
@pytest.mark.parametrize("name", ["term", "semester", "edition", "season"])
def test_a_street_word_and_a_year_is_a_period_not_an_address(seed: int, name: str) -> None:
    verdict = classify_column(name, _terms(seed))
    assert verdict.info_type != "STREET_ADDRESS", verdict.evidence


@pytest.mark.parametrize("word", PERIOD_WORDS)
def test_one_repeated_term_is_no_address(word: str) -> None:
    # An enrolment table of one term: the same label on every row.
    verdict = classify_column("term", [f"{word} {random.Random(word).randint(1990, 2030)}"] * 40)
    assert verdict.info_type != "STREET_ADDRESS", verdict.evidence


@pytest.mark.parametrize("seed", [6, 27])
def test_named_streets_with_year_like_house_numbers_stay_addresses(seed: int) -> None:
    # Control (passes on main too): the street is named beside its type word, the house number may look like a year.
    rng = random.Random(seed)
    values = [f"{rng.randint(1900, 2099)} {rng.choice(STREET_NAMES)} {rng.choice(PERIOD_WORDS)}" for _ in range(80)]
    assert classify_column("address", values).info_type == "STREET_ADDRESS"


def test_glued_street_names_with_a_year_like_number_stay_addresses() -> None:
    # Control: a name glued to its type word (Hauptstrasse) names a street; the number is its house.
    rng = random.Random(11)
    values = [f"{rng.choice(GLUED)} {rng.randint(1900, 2099)}" for _ in range(60)]
    assert all(street_address(v) for v in values)


def test_a_street_word_with_a_small_house_number_is_still_read() -> None:
    # Control: the look-alike needs a year; "Spring 12" reads as before (a house number beside a street word).
    assert street_address("Spring 12") and street_address("Park 7")
