"""Logins run together from name parts (an initial and a family name, a family and a given name), with names that
few countries give, under an opaque name. Controls: dictionary words, words with digits, and bare family names.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.name_part_handles import built_of_names

RNG = random.Random(4077)
GIVEN = ["liviu", "teodosia", "stanca", "visarion", "ortansa", "mihnea", "tincuta", "cerasela", "gratiela", "sorin"]
FAMILY = ["georgescu", "diaconu", "suciu", "stancu", "tomescu", "nistor", "manole", "dobre", "gheorghiu", "florea"]
WORDS = ["harbor", "lantern", "meadow", "quarry", "saddle", "thicket", "velvet", "orchard", "granite", "willow",
         "canyon", "pebble", "summit", "ember", "glacier", "hollow", "juniper", "marble", "prairie", "timber"]


def _login() -> str:
    g, f = RNG.choice(GIVEN), RNG.choice(FAMILY)
    return RNG.choice([f"{g[0]}{f}", f"{f}{g}", f"{g}{f}", f"{g[0]}{f}{RNG.randint(1, 9)}"])


def test_name_parts_run_together_are_handles() -> None:
    assert built_of_names("cgeorgescu") and built_of_names("diaconuliviu")
    assert not built_of_names("georgescu")  # a bare family name


def test_logins_of_name_parts_under_an_opaque_name_are_usernames() -> None:
    logins = list(dict.fromkeys(_login() for _ in range(400)))
    assert classify_column("f5", logins).info_type == "USERNAME"


def test_dictionary_words_and_words_with_digits_are_not_usernames() -> None:  # controls
    words = [f"{a}{b}" for a in WORDS for b in WORDS if a != b]
    assert classify_column("f5", RNG.sample(words, 300)).info_type is None
    assert classify_column("f5", [f"{RNG.choice(WORDS)}{RNG.randint(10, 99)}" for _ in range(300)]).info_type is None


def test_bare_family_names_are_not_usernames() -> None:  # control
    assert classify_column("f5", [RNG.choice(FAMILY) for _ in range(300)]).info_type != "USERNAME"
