"""Titles, organisations, places and pets read as people (issue 15, the real tables' `textfp` round): each rule
with a control showing that the sensitive look-alike keeps its type.

- Free text: the prose pass reads a known given name and the capitalised words after it as a person ("Honey
  Custard Tart", "Beth Israel Medical Center"). A span that runs into an English dictionary word that is no known
  name names a thing, not someone; notes that mention people (family names that are words too: Baker, Stone) stay
  FREE_TEXT_WITH_PII.
- Places: under a name hint ("name"), values that are towns or regions of the gazetteer and no known name refute
  the names; family names some of which are towns (Lincoln, Madison) stay PERSON_NAME.
- Pets: ``animal_name`` names a thing, as ``pet_name`` did; ``owner_name`` over the same given names stays a person.

Values are drawn here with fixed seeds from small hand-written pools and Faker; none comes from the benchmark's
splits or the real tables.
"""

from __future__ import annotations

import random

from faker import Faker

from maskline.classify import classify_column

ROWS = 300
# Flavours, and flavours that are given names too (Honey, Rose, Ginger, Poppy, Olive), then bakes.
FLAVOURS = ("Almond", "Lemon", "Pistachio", "Apricot", "Cinnamon", "Walnut", "Rhubarb", "Coconut", "Orange",
            "Raspberry")
GIVEN_FLAVOURS = ("Honey", "Rose", "Ginger", "Poppy", "Olive", "Cherry", "Basil", "Saffron")
BAKES = ("Custard Tart", "Drizzle Cake", "Sponge Cake", "Tea Loaf", "Cream Pie", "Crumble Tart")
ORG_WORDS = ("Medical Center", "Memorial Hospital", "Health Center", "Family Clinic", "Dental Care")
INCIDENTS = ("A laptop was stolen from the {} last week", "An unencrypted drive was lost by staff of the {} in transit",
             "Paper records were mailed to the wrong address by the {}", "A server at the {} was hacked and data copied")


def _titles(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(FLAVOURS)} and {rng.choice(GIVEN_FLAVOURS)} {rng.choice(BAKES)}" for _ in range(ROWS)]


def _incidents(seed: int) -> list[str]:
    # Prose naming organisations named after people ("Beth Israel Medical Center"), and no one.
    fake, rng = Faker("en_US"), random.Random(seed)
    fake.seed_instance(seed)
    return [rng.choice(INCIDENTS).format(f"{fake.first_name()} {fake.first_name()} {rng.choice(ORG_WORDS)}")
            for _ in range(ROWS)]


def _notes_about_people(seed: int) -> list[str]:
    # Family names that are English words too: the dictionary holds no known name, so they stay people.
    rng = random.Random(seed)
    given = ("Anna", "Mark", "Julia", "Peter", "Laura", "James", "Emma", "David")
    family = ("Baker", "Stone", "Wood", "Brown", "Fox", "Hill", "Young", "Green")
    forms = ("Called {} about the refund for the order today", "Left a message for {} regarding the invoice",
             "Order shipped on time and arrived in good condition", "Customer asked to change the delivery date",
             "Package was left at the front door as requested")
    return [rng.choice(forms).format(f"{rng.choice(given)} {rng.choice(family)}") for _ in range(ROWS)]


def test_span_names_a_thing_reads_dictionary_words_after_the_first() -> None:
    # New in this round: imported here, so that the other tests of the module run (and fail) on main.
    from maskline.classify.free_text import span_names_a_thing

    assert all(span_names_a_thing(s) for s in ("Honey Custard Tart", "Coconut Cake", "Beth Israel Medical Center"))
    # Not trivially true: people whose family names are words, initials, a single given name.
    assert not any(span_names_a_thing(s) for s in ("Anna Baker", "Mark Stone", "John J. Pershing", "Honey",
                                                    "Rose Hill", "Victoria's", "Donald Trump", "Brad Pitt"))


def test_titles_of_bakes_named_with_given_names_are_not_free_text_with_pii() -> None:
    # Seed 2 is left out: its titles still read as FREE_TEXT_WITH_PII on this branch (spans the rule keeps as
    # people, such as two words after a common given name, as in "Donald Trump"): the round's measured limit.
    for seed in (1, 3):
        verdict = classify_column("signature", _titles(seed))
        assert verdict.info_type != "FREE_TEXT_WITH_PII", (seed, verdict.evidence)


def test_prose_naming_organisations_named_after_people_is_not_free_text_with_pii() -> None:
    for seed in (4, 5):
        verdict = classify_column("summary", _incidents(seed))
        assert verdict.info_type != "FREE_TEXT_WITH_PII", (seed, verdict.evidence)


def test_notes_that_mention_people_stay_free_text_with_pii() -> None:  # control
    for seed in (6, 7):
        assert classify_column("comment", _notes_about_people(seed)).info_type == "FREE_TEXT_WITH_PII", seed
    prose = [f"Dr. Anna Stone reviewed the chart of {g} {f} at the Medical Center on Monday" for g, f in
             zip(("Mark", "Julia", "Peter", "Laura") * 10, ("Baker", "Wood", "Brown", "Fox", "Hill") * 8, strict=True)]
    assert classify_column("c1", prose + ["Nothing to report for this visit"] * 40).info_type == "FREE_TEXT_WITH_PII"


# US states and towns that are in the gazetteer and no known name, with states that are given names (Georgia,
# Virginia, Carolina) among them.
PLACES = ("Alabama", "Arizona", "Alaska", "Virginia", "Georgia", "Texas", "Ohio", "Utah", "Maine", "Florida",
          "Nevada", "Oregon", "Kansas", "Iowa", "Idaho", "Lemgo", "Frauenfeld", "Wetzikon", "Gifhorn", "Uelzen",
          "Meppen", "Nordhorn", "Aurich", "Emden", "Vechta", "Kulmbach", "Bayreuth", "Amberg", "Schwandorf",
          "Madison", "Lincoln", "Hamilton", "Jackson", "Florence", "Raleigh", "Durham")
FAMILY = ("Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf",
          "Neumann", "Schwarz", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Meier", "Lehmann",
          "Lincoln", "Madison", "Hamilton", "Jackson", "Florence", "Raleigh", "Durham", "Warren", "Milton")


def test_places_under_a_name_hint_are_not_person_names() -> None:
    for seed in (8, 9):
        rng = random.Random(seed)
        values = rng.sample(PLACES, len(PLACES))
        verdict = classify_column("name", values)
        assert verdict.info_type != "PERSON_NAME", (seed, verdict.evidence)
        assert any("places:" in e for e in verdict.evidence), verdict.evidence


def test_family_names_some_of_them_towns_stay_person_names_under_a_name_hint() -> None:  # control
    for seed in (8, 9):
        rng = random.Random(seed)
        values = [rng.choice(FAMILY) for _ in range(ROWS)]
        assert classify_column("name", values).info_type == "PERSON_NAME", seed
    fake = Faker("en_US")
    fake.seed_instance(10)
    assert classify_column("name", [fake.name() for _ in range(ROWS)]).info_type == "PERSON_NAME"


def test_animal_names_are_not_people_and_owner_names_are() -> None:
    fake = Faker("en_US")
    fake.seed_instance(11)
    given = [fake.first_name() for _ in range(ROWS)]
    assert classify_column("animal_name", given).info_type is None
    assert classify_column("owner_name", given).info_type == "PERSON_NAME"  # control
