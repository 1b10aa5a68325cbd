"""A table's name columns read together: family names no list holds, beside the given names of the same people.

People's records keep a name's parts side by side (first/last, prenom/nom, opaque ``c1``/``c2``). A column of
family names the name lists lack (Romansh ones here: Caduff, Derungs, Tomaschett) shows only its shape alone, and
was left untyped; beside a column of known given names it is the family name. The reverse holds as well (given
names no list holds beside known family names), and a column whose words are the parts of a full-name column's
names is one of the parts wherever it stands. Controls: brands beside a seller's first name, towns beside a
person's name, labels of a few words, and family names with no name column beside them stay untyped.

Every table is classified by the real classifier (:func:`maskline.classify.classify`), from a DataFrame or from a
CSV file DuckDB samples, as ``maskline scan`` does. Names are drawn with fixed seeds; none comes from the
benchmark's splits.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.infotypes.person_names import first_names, name_key, surnames

ROWS = 200
# Given names every list knows.
GIVEN = ("Anna", "Jonas", "Maria", "Lukas", "Sofia", "Elias", "Lea", "Noah", "Mia", "Paul", "Laura", "Ben", "Nina",
         "David", "Sara", "Simon", "Julia", "Luca", "Elena", "Marco", "Petra", "Stefan", "Claudia", "Thomas",
         "Andrea", "Martin", "Monika", "Daniel", "Sandra", "Peter", "Barbara", "Michael", "Ursula", "Christian",
         "Sabine", "Markus", "Nicole", "Andreas", "Karin", "Patrick", "Silvia", "Reto", "Daniela", "Beat", "Esther",
         "Urs", "Regula", "Bruno", "Verena", "Hans", "Ruth", "Walter", "Heidi", "Roger", "Franziska", "Adrian",
         "Katharina", "Matthias", "Corinne", "Fabian")
# Romansh family names: none is in a name list, carries a family-name ending, is a town or a dictionary word
# (checked by test_the_romansh_names_are_unknown_to_every_list).
ROMANSH_FAMILY = ("Caduff", "Casutt", "Derungs", "Cathomen", "Tuor", "Cavegn", "Camenisch", "Arpagaus", "Durschei",
                  "Jörger", "Venzin", "Vincenz", "Tomaschett", "Sgier", "Spescha", "Berther", "Cajochen", "Cabalzar",
                  "Montalta", "Candinas", "Capaul", "Defuns", "Deplazes", "Bearth", "Collenberg", "Schmed",
                  "Cadruvi", "Caviezel", "Muoth", "Riedi", "Tgetgel", "Vieli", "Alig", "Beeli", "Blumenthal",
                  "Cantieni", "Carigiet", "Cloetta")
# Romansh given names no list holds.
ROMANSH_GIVEN = ("Mengia", "Giusep", "Linard", "Mattiu", "Nicolin", "Peidar", "Tumasch", "Chasper", "Gieri", "Glieci",
                 "Neta", "Madlaina", "Chatrina", "Uorschla", "Fadri", "Jachen", "Mierta", "Nesa", "Ursin",
                 "Zaccaria", "Armon", "Benedetg", "Clau", "Guglielm", "Placi")
# Family names every list knows.
KNOWN_FAMILY = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                "Hoffmann", "Jansen", "Bakker", "Visser", "Smit", "Mulder", "Koch", "Richter", "Klein", "Wolf",
                "Neumann", "Schwarz", "Zimmermann", "Braun", "Hofmann", "Hartmann", "Lange", "Werner", "Krause")
BRANDS = ("Lenovo", "Toshiba", "Dell", "Asus", "Acer", "Samsung", "Xiaomi", "Huawei", "Sony", "Philips", "Bosch",
          "Siemens", "Miele", "Nokia", "Garmin", "Canon", "Nikon", "Olympus", "Logitech", "Sennheiser")
TOWNS = ("Frauenfeld", "Lemgo", "Aarau", "Bülach", "Uster", "Wetzikon", "Thun", "Köniz", "Olten", "Baden", "Zug",
         "Wil", "Sion", "Chur", "Davos", "Ilanz", "Disentis", "Thusis", "Landquart", "Maienfeld", "Schiers", "Visp",
         "Brig", "Sierre", "Martigny", "Monthey", "Bulle", "Morges", "Nyon", "Gland", "Rolle", "Vevey")


def _people(rng: random.Random, given: tuple[str, ...], family: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(rng.choice(given), rng.choice(family)) for _ in range(ROWS)]


def _typed(frame: pd.DataFrame, table: str | None = None) -> dict[str, str | None]:
    return {c.name: c.info_type for c in classify(frame, table=table).columns}


def test_the_romansh_names_are_unknown_to_every_list() -> None:
    for name in ROMANSH_FAMILY:
        assert name_key(name) not in surnames() and name_key(name) not in first_names(), name
    for name in ROMANSH_GIVEN:
        assert name_key(name) not in first_names(), name


@pytest.mark.parametrize("seed", range(3))
def test_unknown_family_names_beside_given_names_are_names_under_opaque_names(seed: int) -> None:
    rng = random.Random(seed)
    people = _people(rng, GIVEN, ROMANSH_FAMILY)
    frame = pd.DataFrame({"c0": range(ROWS), "c1": [g for g, _ in people], "c2": [f for _, f in people],
                          "c3": [round(rng.uniform(1, 500), 2) for _ in range(ROWS)]})
    typed = _typed(frame)
    assert typed == {"c0": None, "c1": "PERSON_NAME", "c2": "PERSON_NAME", "c3": None}


def test_unknown_family_names_before_the_given_names_in_a_csv_file(tmp_path: Path) -> None:
    # nom before prenom, in a file DuckDB samples, a fifth of the rows without a family name
    rng = random.Random(11)
    people = _people(rng, GIVEN, ROMANSH_FAMILY)
    path = tmp_path / "membres.csv"
    frame = pd.DataFrame({"nom": [f if rng.random() > 0.2 else None for _, f in people],
                          "prenom": [g for g, _ in people], "cotisation": [rng.randint(20, 90) for _ in range(ROWS)]})
    frame.to_csv(path, index=False)
    by = classify(path).by_name()
    assert by["nom"].info_type == "PERSON_NAME", by["nom"].evidence
    assert by["nom"].evidence[0].startswith("table:family names beside the given names of prenom")
    assert by["prenom"].info_type == "PERSON_NAME"


def test_unknown_given_names_beside_known_family_names_are_names() -> None:
    rng = random.Random(5)
    people = _people(rng, ROMANSH_GIVEN, KNOWN_FAMILY)
    frame = pd.DataFrame({"f1": [f for _, f in people], "f2": [g for g, _ in people],
                          "f3": [rng.choice(("A", "B", "C")) for _ in range(ROWS)]})
    assert _typed(frame) == {"f1": "PERSON_NAME", "f2": "PERSON_NAME", "f3": None}


def test_the_parts_of_a_full_name_column_are_names_wherever_they_stand() -> None:
    rng = random.Random(8)
    people = _people(rng, GIVEN, ROMANSH_FAMILY)
    frame = pd.DataFrame({"x1": [f"{g} {f}" for g, f in people], "x2": [rng.randint(1, 9) for _ in range(ROWS)],
                          "x3": [rng.choice(("open", "closed")) for _ in range(ROWS)],
                          "x4": [f for _, f in people]})
    typed = _typed(frame)
    assert typed["x1"] == "PERSON_NAME" and typed["x4"] == "PERSON_NAME", typed
    assert typed["x2"] is None and typed["x3"] is None


def test_the_reading_is_below_what_a_lexicon_or_a_name_gives() -> None:
    rng = random.Random(3)
    people = _people(rng, GIVEN, ROMANSH_FAMILY)
    by = classify(pd.DataFrame({"c1": [g for g, _ in people], "c2": [f for _, f in people]})).by_name()
    assert by["c2"].confidence < 0.7 < by["c1"].confidence


# Controls: what is beside a name column and is no name stays as it was.


def test_brands_beside_a_sellers_first_name_stay_untyped() -> None:
    rng = random.Random(21)
    frame = pd.DataFrame({"seller": [rng.choice(GIVEN) for _ in range(ROWS)],
                          "c2": [rng.choice(BRANDS) for _ in range(ROWS)],
                          "price": [round(rng.uniform(10, 900), 2) for _ in range(ROWS)]})
    typed = _typed(frame, table="products")
    assert typed["seller"] == "PERSON_NAME" and typed["c2"] is None


def test_towns_beside_given_names_stay_untyped() -> None:
    rng = random.Random(22)
    frame = pd.DataFrame({"c1": [rng.choice(GIVEN) for _ in range(ROWS)],
                          "c2": [rng.choice(TOWNS) for _ in range(ROWS)]})
    frame_sparse = frame.assign(c2=[t if rng.random() < 0.1 else None for t in frame["c2"]])
    for f in (frame, frame_sparse):
        typed = _typed(f)
        assert typed["c1"] == "PERSON_NAME" and typed["c2"] is None, typed


def test_labels_of_a_few_words_beside_given_names_stay_untyped() -> None:
    rng = random.Random(23)
    frame = pd.DataFrame({"c1": [rng.choice(GIVEN) for _ in range(ROWS)],
                          "c2": [rng.choice(ROMANSH_FAMILY[:8]) for _ in range(ROWS)]})
    assert _typed(frame)["c2"] is None


def test_family_names_with_no_name_column_beside_them_stay_untyped() -> None:
    # The pair is the evidence: the same values alone, or two columns away from the given names, are not typed.
    rng = random.Random(24)
    people = _people(rng, GIVEN, ROMANSH_FAMILY)
    alone = pd.DataFrame({"c1": [f for _, f in people], "c2": [rng.randint(1, 9) for _ in range(ROWS)]})
    apart = pd.DataFrame({"c1": [g for g, _ in people], "c2": [rng.randint(1, 9) for _ in range(ROWS)],
                          "c3": [f for _, f in people]})
    assert _typed(alone)["c1"] is None
    assert _typed(apart)["c3"] is None
