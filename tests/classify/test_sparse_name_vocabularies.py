"""Sparse columns of single words named like people: how often the words repeat says how many there are
(maskline.infotypes.shape_checks.few_single_words, vocabulary_size).

A storm column 90% empty holds 30 values: too few to repeat each storm twice, so "a handful of words, each
repeated" cannot see it, but 30 draws from 22 storms repeat far more than 30 draws from hundreds of given names.
Controls: sparse columns of people's given names (Faker's lists, hundreds of names) stay PERSON_NAME, and so does
a sparse column drawn from a small list of 75 family names.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column

# Retired Atlantic hurricane names: a public list of a few dozen words, each also a given name.
_STORMS = ["Audrey", "Harvey", "Maria", "Gloria", "Ida", "Opal", "Allen", "Hazel", "Bob", "Laura", "Agnes", "Carol",
           "Floyd", "Hugo", "Irma", "Andrew", "Katrina", "Sandy", "Michael", "Isabel", "Betsy", "Hilda"]


def _sparse(words: list[str], rng: random.Random, filled: float = 0.1, rows: int = 300) -> list[str | None]:
    return [rng.choice(words) if rng.random() < filled else None for _ in range(rows)]


def _given_names(seed: int, count: int) -> list[str]:
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    names: set[str] = set()
    while len(names) < count:
        names.add(fake.first_name())
    return sorted(names)


def test_sparse_storm_names_are_not_people() -> None:
    values = _sparse(_STORMS, random.Random(5))
    assert 25 <= sum(v is not None for v in values) < 44  # too few for "each word twice"
    verdict = classify_column("var10", values, table_rows=300)
    assert verdict.info_type is None
    assert any("from about" in e for e in verdict.evidence)


def test_sparse_given_names_of_people_stay_people() -> None:  # control: hundreds of names behind the values
    rng = random.Random(6)
    verdict = classify_column("var11", _sparse(_given_names(6, 300), rng), table_rows=300)
    assert verdict.info_type == "PERSON_NAME"


def test_sparse_names_from_a_small_list_stay_people() -> None:  # control: 75 names, the smallest lists seen
    names = _given_names(7, 75)
    for seed in range(8, 14):
        verdict = classify_column("var12", _sparse(names, random.Random(seed), filled=0.12), table_rows=300)
        assert verdict.info_type == "PERSON_NAME", seed
