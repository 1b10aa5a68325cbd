"""Brands and products named after people under a ``name`` column, and the Japanese and Korean name lists (round
``extcsv33``, issue 15).

- A few brands or car models repeated over the rows under a name hint ("Dr. Oetker", "Dior", "Siemens"; "Ford
  Fiesta", "Kia Sorento") read as names by their shape; as a column, too few of them are known names for people's
  names, which are known at half or more: :func:`maskline.infotypes.known_names.few_known_among_repeated`, a
  binomial test over the distinct values.
- Controls: a handful of staff repeated over the rows (assignees, sales reps), some of whose names the lists lack,
  is still a person column; a column of many brands is left to the checks that read a share.
- Japanese and Korean given and family names come from mimesis' locale data beside Faker's; the characters an
  unseen given name is made of stay Faker's, so a family name and a word's last character (千葉市, 奈良市) is no
  person.

Values are written here by hand or drawn with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.known_names import few_known_among_repeated
from maskline.infotypes.person_names import first_names, opens_with_known_name

BRANDS = ["Dr. Oetker", "Dior", "Siemens", "Levi's", "Kellogg's", "Marriott", "Peugeot", "Dell", "Bosch",
          "Ralph Lauren", "Michelin", "Disney", "Goodyear", "McDonald's", "Porsche", "Cadbury"]
CARS = ["Chevrolet Camaro", "Ford Fiesta", "Honda Civic", "Kia Sorento", "Lamborghini Urus", "Maserati Ghibli",
        "Toyota Corolla", "Hyundai Elantra", "Renault Clio", "Opel Corsa", "Dodge Durango", "Porsche Cayenne"]
STAFF = ["Anna Rossi", "Marco Bianchi", "Pancrazio Baldi", "Giacobbe Azzaro", "Lucia Ferri", "Sara Conti",
         "Tazio Corelli", "Vanna Iaccarino"]


def _repeated(pool: list[str], rows: int = 300, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    weights = [rng.paretovariate(1.2) for _ in pool]
    return rng.choices(pool, weights, k=rows)


@pytest.mark.parametrize("pool", [BRANDS, CARS], ids=["brands", "car-models"])
def test_a_few_brands_repeated_under_a_name_column_are_not_people(pool: list[str]) -> None:
    result = classify_column("name", _repeated(pool))
    assert result.info_type != "PERSON_NAME"
    assert any("known names" in e for e in result.evidence)


def test_a_handful_of_staff_repeated_over_the_rows_is_still_a_person_column() -> None:
    assert classify_column("assigned_to", _repeated(STAFF)).info_type == "PERSON_NAME"
    assert classify_column("name", _repeated(STAFF)).info_type == "PERSON_NAME"


def test_the_brands_test_needs_repetition_and_reads_the_known_share() -> None:
    assert few_known_among_repeated(BRANDS, 300) is not None
    assert few_known_among_repeated(BRANDS, len(BRANDS)) is None  # each once: not a category's shape
    assert few_known_among_repeated(STAFF, 300) is None
    assert few_known_among_repeated(BRANDS[:4], 300) is None  # four values prove nothing


def test_japanese_and_korean_given_names_of_mimesis_are_known() -> None:
    assert {"愛子", "杏奈", "가영", "규린"} <= first_names()
    assert opens_with_known_name(["宇佐見愛子"]) and opens_with_known_name(["逢坂杏奈"])


@pytest.mark.parametrize("word", ["千葉市", "奈良市", "宮崎市"])
def test_a_family_name_before_a_words_last_character_is_no_person(word: str) -> None:
    assert not opens_with_known_name([word])
