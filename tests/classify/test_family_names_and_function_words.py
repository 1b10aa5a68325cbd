"""Columns of single names under an opaque name (maskline.classify.single_names), two rules:

- family names Faker lists for any country count as known names (``surnames.txt``), beside given names and
  family-name endings, and a particle before the name ("van der Berg") keeps it one name;
- a column mixing given names with a language's dictionary words (pets, horses, bands) is refuted by the
  function words among them (``function_words.txt``); a share of given names and a share of family names are
  each held to the bar, not their sum.

Controls: columns of words with few names, first names with many the lexicon lacks, and pets' names of words
without function words stay where they belong. Values are composed here with fixed seeds (Faker in nl_NL and
pt_PT only); none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.person_names import first_names, name_key, surnames

GIVEN = ("Anna", "Jonas", "Maria", "Lukas", "Sofia", "Elena", "David", "Laura", "Paul", "Clara", "Marco", "Julia",
         "Peter", "Ines", "Tobias", "Greta", "Felix", "Hanna", "Oskar", "Nina")
# German nouns and adjectives made pets' names, and function words among them (as a word list draws them).
NOUNS = ("Wolke", "Blume", "Sonne", "Regen", "Tisch", "Apfel", "Birne", "Wiese", "Stern", "Nebel", "Kiesel", "Flocke",
         "Wirbel", "Funke", "Donner", "Keks", "Pfeffer", "Zimt", "Hummel", "Socke", "Nudel", "Brezel", "Kobold",
         "Wichtel", "Strudel", "Krümel", "Plätzchen", "Schnuppe", "Trubel", "Zwiebel", "Murmel", "Rabe", "Igel",
         "Dachs", "Knopf", "Wusel", "Quirl", "Bommel", "Tapsi", "Purzel")
FUNCTION = ("Zusammen", "Sondern", "Niemand", "Außerdem", "Unserer", "Seinem", "Zwischen", "Deshalb", "Trotzdem",
            "Jemand")


def _family_column(locale: str, seed: int) -> list[str]:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    return [fake.last_name() for _ in range(300)]


def test_family_names_of_fakers_countries_are_names() -> None:
    values = _family_column("pt_PT", 41)
    # The rule is what decides: few of these are given names or carry a family-name ending.
    from maskline.infotypes.validators import person_name_or_family_ending

    assert sum(map(person_name_or_family_ending, values)) < 0.25 * len(values)
    verdict = classify_column("q8", values)
    assert verdict.info_type == "PERSON_NAME"
    assert any("single-word-names" in e for e in verdict.evidence)


def test_family_names_after_particles_are_one_name() -> None:
    values = _family_column("nl_NL", 42)
    assert sum(" " in v for v in values) >= 0.1 * len(values)  # van, de, ter ...
    assert classify_column("k_c", values).info_type == "PERSON_NAME"


def test_pets_names_with_function_words_are_not_people() -> None:
    rng = random.Random(43)
    words = NOUNS + FUNCTION
    values = [rng.choice(GIVEN) if rng.random() < 0.35 else rng.choice(words) for _ in range(300)]
    verdict = classify_column("q1", values)
    assert verdict.info_type is None
    assert not any("single-word-names" in e for e in verdict.evidence)


def test_first_names_the_lexicon_lacks_stay_names() -> None:  # control: no function words among them
    rng = random.Random(44)
    rare = [rng.choice("BDFKLMNRTV") + rng.choice(["ael", "ira", "ondo", "elia", "umir", "ajan"]) + rng.choice(
        ["", "a", "o"]) for _ in range(60)]
    values = [rng.choice(GIVEN) if rng.random() < 0.45 else rng.choice(rare) for _ in range(300)]
    assert classify_column("f10", values).info_type == "PERSON_NAME"


def test_given_and_family_shares_are_not_summed() -> None:  # control: pets' names of words and some names
    rng = random.Random(45)
    surname_words = [w for w in ("Baker", "Stone", "Hill", "Wood", "Brook", "Fox", "Hunter", "Bishop", "Knight",
                                 "Marsh") if name_key(w) in surnames() and name_key(w) not in first_names()]
    assert len(surname_words) >= 6
    plain = ("Pepper", "Biscuit", "Muffin", "Noodle", "Pickle", "Waffle", "Pretzel", "Cookie", "Sprout", "Bubbles",
             "Gizmo", "Widget", "Nugget", "Peanut", "Tofu", "Mochi", "Rocket", "Comet", "Pebble", "Button",
             "Whisker", "Paddle", "Sprocket", "Doodle", "Jelly", "Tinsel", "Crumpet", "Dumpling", "Fudge", "Toffee",
             "Marble", "Puddle", "Snickers", "Turnip", "Walnut", "Zigzag", "Yodel", "Quokka", "Kettle", "Fizz",
             "Sherbet", "Pistachio", "Noodles", "Mango", "Kiwi", "Cupcake", "Gumdrop", "Jellybean", "Popcorn", "Sushi",
             "Tater", "Wasabi", "Nacho", "Pudding", "Truffle", "Sorbet", "Meringue", "Cobbler", "Brownie", "Scone")
    given = [g for g in GIVEN if name_key(g) not in surnames()]  # names only given, so the two shares stay apart
    values = []
    for _ in range(300):
        r = rng.random()
        values.append(rng.choice(given) if r < 0.21 else rng.choice(surname_words) if r < 0.35 else rng.choice(plain))
    assert len(set(values)) >= 0.2 * len(values)  # many distinct: not a category
    assert classify_column("c3", values).info_type is None
