"""Street addresses without a street word (a name and a house number), read as a column; each rule with controls.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column

RNG = random.Random(808)
ROWS = 300
# Street names as Greek writes them, a name in the genitive with no street word.
GREEK = ("Ερμού", "Σταδίου", "Πανεπιστημίου", "Αθηνάς", "Μητροπόλεως", "Βουλής", "Ακαδημίας", "Σόλωνος",
         "Ιπποκράτους", "Ζωοδόχου Πηγής", "Καλλιδρομίου", "Θεμιστοκλέους", "Αριστοτέλους", "Πατησίων",
         "Σκουφά", "Μαυρομιχάλη", "Κολοκοτρώνη", "Λέκκα", "Βερανζέρου", "Χαριλάου Τρικούπη", "Νικηταρά",
         "Δεληγιάννη", "Αγίου Κωνσταντίνου", "Μενάνδρου", "Σωκράτους", "Ευριπίδου", "Αιόλου", "Πραξιτέλους",
         "Καραγιώργη Σερβίας", "Φιλελλήνων")


def test_names_with_house_numbers_are_addresses_without_a_street_word() -> None:
    values = [f"{RNG.choice(GREEK)} {RNG.randint(1, 400)}" for _ in range(ROWS)]
    verdict = classify_column("c7", values)
    assert verdict.info_type == "STREET_ADDRESS"
    assert any("house number" in e for e in verdict.evidence)
    numbers_first = [f"{RNG.randint(1, 400)} {RNG.choice(GREEK)}" for _ in range(ROWS)]
    assert classify_column("c8", numbers_first).info_type == "STREET_ADDRESS"


def test_models_and_labels_repeated_with_numbers_are_not_addresses() -> None:  # control: values repeat
    models = [f"{RNG.choice(['Peugeot', 'Airbus', 'Boeing', 'Gate', 'Route', 'Platform'])} {RNG.randint(1, 60)}"
              for _ in range(ROWS)]
    assert classify_column("c7", models).info_type is None


def test_names_with_years_are_not_addresses() -> None:  # control: numbers that are years
    values = [f"{RNG.choice(GREEK)} {RNG.randint(1950, 2025)}" for _ in range(ROWS)]
    assert classify_column("c7", values).info_type is None


def test_dutch_postcodes_are_not_names_with_house_numbers() -> None:  # control: two capitals are not a name
    values = [f"{RNG.randint(1000, 9999)} {RNG.choice('ABCDEFGHJKLMNPRSTVWXZ')}{RNG.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
              for _ in range(ROWS)]
    assert classify_column("c7", values).info_type != "STREET_ADDRESS"


def test_licence_plates_of_capitals_and_digits_are_not_addresses() -> None:  # control: a name is not in capitals
    letters = "ABCDEFGHJKLMNPRSTUWXYZ"
    values = [f"{''.join(RNG.choice(letters) for _ in range(3))} {RNG.randint(100, 999)}" for _ in range(ROWS)]
    assert classify_column("c7", values).info_type is None
