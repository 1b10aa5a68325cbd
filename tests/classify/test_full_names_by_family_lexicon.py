"""Full names whose given names the lexicon lacks, under an opaque name (maskline.classify.full_names): nearly
every value ends with a family name of Faker's countries (or opens with one, ``Family, Given``). Controls: hotels,
wineries and characters made of a word and a family name stay unflagged.

Values are composed here with fixed seeds (Faker in pt_PT, de_DE and fr_FR only); none comes from the benchmark's
splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column

# Given names composed of syllables, as varied as a column's given names are; those a Faker list holds are dropped.
HEADS = ("Jan", "Hel", "Deó", "Cín", "Naz", "Isa", "Tel", "Aus", "Ores", "Bar", "Adau", "Jesu", "Grá", "Neó", "Elpi",
         "Cre")
TAILS = ("dira", "demaro", "tila", "tiano", "ária", "lindo", "eliano", "endo")


def _rare_given() -> list[str]:
    from maskline.infotypes.person_names import first_names, name_key

    return [h + t for h in HEADS for t in TAILS if name_key(h + t) not in first_names()]


def _family(locale: str, seed: int, n: int) -> list[str]:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    return [fake.last_name() for _ in range(n)]


def test_full_names_with_rare_given_names_are_names() -> None:
    rare = _rare_given()
    assert len(rare) >= 100
    rng = random.Random(61)
    family = _family("pt_PT", 61, 300)
    values = [f"{f}, {rng.choice(rare)}" if rng.random() < 0.15 else f"{rng.choice(rare)} {f}" for f in family]
    verdict = classify_column("column1", values)
    assert verdict.info_type == "PERSON_NAME"
    assert any(e.startswith("values:full-names") for e in verdict.evidence)


def test_names_of_things_with_family_names_are_not_people() -> None:  # controls
    rng = random.Random(62)
    family = _family("de_DE", 62, 300) + _family("fr_FR", 63, 300)
    hotels = [f"{rng.choice(['Pension', 'Gasthof', 'Villa', 'Hotel', 'Haus', 'Chalet'])} {rng.choice(family)}"
              for _ in range(300)]
    wines = [f"{rng.choice(['Domaine', 'Château', 'Weingut', 'Cuvée', 'Clos'])} {rng.choice(family)}"
             for _ in range(300)]
    characters = [f"{rng.choice(['Inspector', 'Professor', 'Baron', 'Count', 'Detective'])} {rng.choice(family)}"
                  for _ in range(300)]
    for name, values in (("hotels", hotels), ("wines", wines), ("characters", characters)):
        assert classify_column("c2", values).info_type is None, name
