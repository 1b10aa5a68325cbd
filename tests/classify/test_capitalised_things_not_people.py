"""Capitalised words and short phrases that are not people (drugs, genres, gods, eponymous firms) read as
PERSON_NAME: each tightening with a test that fails without it, and a control showing that people keep their type.

Values are composed here, or drawn from Faker (en_US, de_DE) with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest
from faker import Faker

from maskline.classify import classify_column
from maskline.infotypes.known_names import few_known_names
from maskline.infotypes.name_hints import names_a_thing
from maskline.infotypes.validators import person_name_shape

ROWS = 300
# Medicines and music styles: capitalised words, none of them a given or family name.
MEDICINES = ("Abacavir", "Acyclovir", "Albuterol", "Alendronate", "Allopurinol", "Amiodarone", "Anastrozole",
             "Apixaban", "Aripiprazole", "Azathioprine", "Baclofen", "Benazepril", "Bisoprolol", "Budesonide",
             "Bumetanide", "Buspirone", "Candesartan", "Carbamazepine", "Carvedilol", "Cefuroxime", "Celecoxib",
             "Clonazepam", "Clonidine", "Cyclobenzaprine", "Dapagliflozin", "Desloratadine", "Dexamethasone",
             "Donepezil", "Duloxetine", "Empagliflozin", "Enalapril", "Escitalopram", "Esomeprazole",
             "Ezetimibe", "Famotidine", "Fenofibrate", "Finasteride", "Fluconazole", "Glimepiride", "Glipizide",
             "Hydroxyzine", "Irbesartan", "Lamotrigine", "Levetiracetam", "Linagliptin", "Meloxicam",
             "Methotrexate", "Metoprolol", "Mirtazapine", "Nitrofurantoin", "Ondansetron", "Oxcarbazepine",
             "Pantoprazole", "Paroxetine", "Pioglitazone", "Pravastatin", "Propranolol", "Rivaroxaban",
             "Rosuvastatin", "Sitagliptin", "Spironolactone", "Sumatriptan", "Tamsulosin", "Telmisartan",
             "Topiramate", "Trazodone", "Valsartan", "Verapamil", "Zolpidem")
# Gods and heroes of several pantheons: about a third of them are given names too (Diana, Flora, Iris...).
GODS = ("Zeus", "Hera", "Athena", "Apollo", "Artemis", "Ares", "Aphrodite", "Hermes", "Hephaestus", "Demeter",
        "Dionysus", "Poseidon", "Hades", "Persephone", "Hestia", "Jupiter", "Juno", "Minerva", "Diana", "Vulcan",
        "Vesta", "Bacchus", "Mercury", "Flora", "Aurora", "Odin", "Thor", "Loki", "Freya", "Frigg", "Baldur",
        "Heimdall", "Njord", "Osiris", "Isis", "Horus", "Anubis", "Thoth", "Bastet", "Sekhmet", "Hathor",
        "Perun", "Veles", "Svarog", "Mokosh", "Dazhbog", "Brigid", "Lugh", "Dagda", "Morrigan", "Achilles",
        "Hector", "Odysseus", "Penelope", "Helen", "Cassandra", "Ajax", "Jason", "Medea", "Theseus", "Ariadne",
        "Perseus", "Medusa", "Orpheus", "Eurydice", "Prometheus", "Pandora", "Narcissus", "Echo", "Hercules",
        "Atlas", "Cronus", "Gaia", "Hyperion", "Selene", "Helios", "Nike", "Iris", "Nemesis", "Hebe")
# Invented given names no lexicon holds, for columns of people the lexicon mostly lacks.
SYLLABLES = ("bra", "dor", "vel", "mir", "zan", "tor", "lik", "sva", "gor", "nel", "rad", "vos", "kel", "tam")


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3]))).capitalize()


def _people_mostly_unknown(known_share: float, seed: int) -> list[str]:
    """Given names, ``known_share`` of them from Faker's lists (rarely repeated, as the rest), the rest invented."""
    fake, rng = Faker("en_US"), random.Random(seed)
    fake.seed_instance(seed)
    return [fake.first_name() if rng.random() < known_share else _invented(rng) for _ in range(ROWS)]


# ---------------------------------------------------------------- a name hint over a vocabulary of things

def test_medicines_under_a_name_column_are_not_people() -> None:
    rng = random.Random(1)
    verdict = classify_column("name", [rng.choice(MEDICINES) for _ in range(ROWS)])
    assert verdict.info_type != "PERSON_NAME"
    assert any("known names" in e for e in verdict.evidence)


def test_a_vocabulary_without_known_names_is_refuted_by_its_share() -> None:
    assert few_known_names(list(MEDICINES)) is not None
    assert few_known_names(list(MEDICINES[:10])) is None  # too few distinct values to tell


def test_people_the_lexicon_mostly_lacks_keep_their_name_hint() -> None:  # control: 20% known names suffice
    verdict = classify_column("name", _people_mostly_unknown(0.2, seed=2))
    assert verdict.info_type == "PERSON_NAME"


def test_names_in_a_script_without_capitals_are_not_judged_by_the_lexicon() -> None:  # control
    rng = random.Random(3)
    letters = "ابپتجچحخدرزسشصطعفقکگلمنوهی"
    values = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(ROWS)]
    assert few_known_names(values) is None


# ---------------------------------------------------------------- single words: a third of given names is not enough

def test_gods_and_heroes_under_an_opaque_name_are_not_people() -> None:
    rng = random.Random(4)
    verdict = classify_column("c7", [rng.choice(GODS) for _ in range(ROWS)])
    assert verdict.info_type is None
    assert not any("single-word-names" in e for e in verdict.evidence)


def test_first_names_with_most_known_are_still_names() -> None:  # control: first names reach 45% or more
    verdict = classify_column("c7", _people_mostly_unknown(0.5, seed=5))
    assert verdict.info_type == "PERSON_NAME"
    assert any("single-word-names" in e for e in verdict.evidence)


def test_family_names_with_a_quarter_known_are_still_names() -> None:  # control: the family share keeps 25%
    fake, rng = Faker("de_DE"), random.Random(6)
    fake.seed_instance(6)
    values = [fake.last_name() if rng.random() < 0.3 else _invented(rng) for _ in range(ROWS)]
    verdict = classify_column("c7", values)
    assert verdict.info_type == "PERSON_NAME"


# ---------------------------------------------------------------- column names and company words

def test_a_column_of_gods_named_so_is_not_people() -> None:
    rng = random.Random(7)
    values = [rng.choice(GODS) for _ in range(ROWS)]
    assert names_a_thing("deity_name") and names_a_thing("genre") and names_a_thing("dog_breed")
    assert classify_column("deity_name", values).info_type != "PERSON_NAME"


def test_a_name_hint_with_a_person_word_still_reads_people() -> None:  # control: the thing words stay narrow
    assert not names_a_thing("club_member_name") and not names_a_thing("college_advisor")
    fake = Faker("en_US")
    fake.seed_instance(8)
    assert classify_column("contact_name", [fake.name() for _ in range(ROWS)]).info_type == "PERSON_NAME"


def test_firms_named_after_their_founders_are_not_name_shaped() -> None:
    assert not person_name_shape("Petrov Brothers")
    assert not person_name_shape("Huber Bau")
    assert not person_name_shape("Schulze Logistics")


def test_family_names_that_hold_a_company_word_inside_are_names() -> None:  # control: whole words only
    assert person_name_shape("Anna Bauer") and person_name_shape("Jonas Transportes")


# ---------------------------------------------------------------- closing words after a family name

CYRILLIC_SYLLABLES = ("ка", "ло", "ми", "ре", "до", "ва", "ну", "по", "се", "ти", "бо", "ги", "зе", "лу", "ры")


def _street_adjective(rng: random.Random) -> str:
    """A street named by an adjective (Садовая, Тучковская), from syllables: rarely repeated, as streets are."""
    stem = "".join(rng.choice(CYRILLIC_SYLLABLES) for _ in range(rng.choice([2, 3])))
    return (stem + rng.choice(["ская", "ная", "вая", "ская"])).capitalize()


def test_product_lines_named_after_streets_with_family_names_are_things() -> None:
    # Streets named after people (Артамонова, a family name's form) or by adjectives, alone or with a closing word.
    fake, rng = Faker("ru_RU"), random.Random(9)
    fake.seed_instance(9)
    values = [(fake.last_name_female() if rng.random() < 0.85 else _street_adjective(rng))
              + rng.choice(["", "", " Collection", " Line", " Serie", " Kollektion"]) for _ in range(ROWS)]
    assert classify_column("k_d", values).info_type is None


def test_family_first_names_with_given_names_after_stay_people() -> None:  # control: a given name closes them
    fake = Faker("ru_RU")
    fake.seed_instance(10)
    values = [f"{fake.last_name()} {fake.first_name()}" for _ in range(ROWS)]
    assert classify_column("k_d", values).info_type == "PERSON_NAME"


# ---------------------------------------------------------------- countries: a category, many of them given names

_COUNTRIES = ["France", "Germany", "Spain", "Chile", "Jordan", "Georgia", "Chad", "Israel", "Kenya", "Victoria"]


def test_a_country_column_is_safe_not_uncertain() -> None:
    """Half of these countries are given names too; under `country` they are places, so the column passes."""
    rng = random.Random(11)
    values = [rng.choice(_COUNTRIES) for _ in range(ROWS)]
    for name in ("country", "billing_country", "nationality"):
        verdict = classify_column(name, values)
        assert verdict.info_type is None and verdict.confidence >= 0.9, (name, verdict.evidence)


def test_the_same_values_under_an_opaque_name_stay_uncertain() -> None:  # control: the name is what decides
    rng = random.Random(11)
    values = [rng.choice(_COUNTRIES) for _ in range(ROWS)]
    verdict = classify_column("c4", values)
    assert verdict.info_type is None and verdict.confidence < 0.9
    assert any(e.startswith("weak:first-name") for e in verdict.evidence)


def test_template_ids_under_a_public_code_name_are_safe() -> None:
    rng = random.Random(12)
    values = [f"SKU-{rng.randint(10000, 99999)}" for _ in range(ROWS)]
    verdict = classify_column("sku", values)
    assert verdict.info_type is None and verdict.confidence >= 0.9, verdict.evidence


def test_template_ids_under_an_opaque_name_stay_uncertain() -> None:  # control: only the public-code name lifts it
    rng = random.Random(12)
    values = [f"SKU-{rng.randint(10000, 99999)}" for _ in range(ROWS)]
    verdict = classify_column("ref_b", values)
    assert verdict.info_type is None and verdict.confidence < 0.9
    assert any(e.startswith("shape:") for e in verdict.evidence)


@pytest.mark.parametrize("column", ["store_manager", "ship_to_name", "hotel_guest", "country_manager",
                                    "team_member_name"])
def test_people_of_a_thing_are_people(column: str) -> None:
    """A thing word before another head noun names a person of the thing: their names are not refuted as things.
    Inverted names ("SMITH, John") have no name-like shape to fall back on, so a refutation passed them as safe."""
    fake = Faker("en_US")
    fake.seed_instance(13)
    values = [f"{fake.last_name().upper()}, {fake.first_name()}" for _ in range(ROWS)]
    assert not names_a_thing(column)
    assert classify_column(column, values).info_type == "PERSON_NAME"


def test_things_named_so_are_still_things() -> None:  # control: the thing word as the head noun still refutes
    for column in ("storm_name", "billing_country", "brand_name", "nom_du_restaurant"):
        assert names_a_thing(column), column
    rng = random.Random(14)
    assert classify_column("storm_name", [rng.choice(GODS) for _ in range(ROWS)]).info_type != "PERSON_NAME"
