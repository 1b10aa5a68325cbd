"""Names of departments, services, specialities, courses and categories typed as people's names (the ``extcsv10``
probe of reference tables no split was made from, issue 15).

Hospital, school and shop reference tables name their units and lists after what they do or hold (``Cardiology``,
``Pediatria``, ``Farmacia``, ``MATEMATICA``, ``Electronics``), one or two capitalised words each, under a generic
name word with the unit's noun (``dept_name``, ``nomService``, ``nomeDaDisciplina``) or as ``name`` in a table named
for them (``departments``, ``category_names``). Value by value they read as names, and the generic name word hinted
a person: PERSON_NAME. The unit nouns are now thing words (:data:`maskline.infotypes.name_hints.THING_WORDS`), read in
the column's name and in its table's (:mod:`maskline.infotypes.table_names`).

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits.
"""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from maskline.infotypes.name_hints import hint_score
from tests.classify.decided_column import decided

UNITS_LATIN = ["Cardiologia", "Pediatria", "Farmacia", "Chirurgia", "Oncologia", "Neurologia", "Urologia",
               "Dermatologia", "Ginecologia", "Psichiatria", "Ortopedia", "Radiologia", "Oculistica", "Geriatria",
               "Ematologia", "Nefrologia", "Pneumologia", "Reumatologia", "Anestesia", "Endocrinologia"]
SUBJECTS = ["Matemática", "Física", "Química", "Biologia", "História", "Geografia", "Filosofia", "Sociologia",
            "Literatura", "Artes", "Música", "Economia", "Estatística", "Astronomia", "Geologia", "Ecologia"]
CATEGORIES = ["Electronics", "Furniture", "Clothing", "Groceries", "Toys", "Stationery", "Cosmetics", "Footwear",
              "Jewellery", "Gardening", "Automotive", "Beverages", "Hardware", "Luggage", "Bedding", "Lighting"]
CATEGORIES_LATIN = ["Elettronica", "Abbigliamento", "Giocattoli", "Arredamento", "Cosmetici", "Calzature",
                    "Gioielli", "Giardinaggio", "Bevande", "Ferramenta", "Valigeria", "Illuminazione", "Cartoleria",
                    "Alimentari", "Biancheria", "Profumeria"]
PEOPLE = ["Claire Moreau", "Julien Girard", "Sophie Lambert", "Nicolas Fontaine", "Camille Rousseau",
          "Antoine Mercier", "Manon Chevalier", "Hugo Blanchard", "Léa Garnier", "Thomas Perrin", "Giulia Ferri",
          "Marco Bellini", "Ana Ribeiro", "Pedro Azevedo", "Lucía Navarro", "Javier Ortega"]


def _units(seed: int, name: str, pool: list[str], n: int = 12) -> pd.DataFrame:
    # A reference table: one row per unit, each named once, a code and a head count beside it.
    rng = random.Random(seed)
    names = rng.sample(pool, n)
    return pd.DataFrame({"id": range(1, n + 1), name: names, "code": [w[:3].upper() for w in names],
                         "staff": [rng.randrange(4, 90) for _ in range(n)]})


@pytest.mark.parametrize("seed", [4, 19])
@pytest.mark.parametrize(("name", "pool"), [
    ("dept_name", UNITS_LATIN), ("speciality_name", UNITS_LATIN),
    ("ward_name", UNITS_LATIN),
    ("nomService", UNITS_LATIN), ("nome_reparto", UNITS_LATIN),
    ("nomeDaDisciplina", SUBJECTS), ("nome_curso", SUBJECTS), ("course_name", SUBJECTS),
    ("nombre_categoria", CATEGORIES), ("categoria_nome", CATEGORIES_LATIN),
])
def test_units_and_lists_are_not_people(seed: int, name: str, pool: list[str]) -> None:
    info_type, masked, evidence = decided(_units(seed, name, pool), name)
    assert info_type != "PERSON_NAME", evidence


@pytest.mark.parametrize(("table", "pool"), [
    ("departments", UNITS_LATIN), ("hospital_department", UNITS_LATIN), ("reparto", UNITS_LATIN),
    ("servicos", UNITS_LATIN),
    ("product_categories", CATEGORIES), ("category_names", CATEGORIES), ("cursos", SUBJECTS),
])
def test_name_in_a_table_of_units_is_not_people(tmp_path: Path, table: str, pool: list[str]) -> None:
    info_type, _, evidence = decided(_units(7, "name", pool), "name", tmp_path, table)
    assert info_type != "PERSON_NAME", evidence


# Controls, on main and here: people stay people.
@pytest.mark.parametrize("name", ["department_head", "service_responsable", "course_teacher", "name"])
def test_people_of_a_unit_stay_people(name: str) -> None:
    info_type, masked, evidence = decided(_units(4, name, PEOPLE), name)
    assert info_type == "PERSON_NAME" and masked, evidence


@pytest.mark.parametrize("table", ["employees", "department_staff", "course_students", "pacientes"])
def test_name_in_a_table_of_people_stays_people(tmp_path: Path, table: str) -> None:
    info_type, masked, evidence = decided(_units(11, "name", PEOPLE), "name", tmp_path, table)
    assert info_type == "PERSON_NAME" and masked, evidence


# French social security numbers (NIR) under the names of the carte Vitale that carries them, or cut to "num SS":
# typed CREDIT_CARD by the card word (15 digits, the length of an Amex), or untyped.
def _nir(rng: random.Random, valid: bool) -> str:
    body = f"{rng.choice('12')}{rng.randrange(40, 99):02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 96):02d}" \
           f"{rng.randrange(1, 990):03d}{rng.randrange(1, 999):03d}"
    key = 97 - int(body) % 97
    return body + f"{key if valid else (key + rng.randrange(1, 96)) % 97:02d}"


def _insured(seed: int, name: str, valid: bool, n: int = 30) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({"id": range(1, n + 1), name: [_nir(rng, valid) for _ in range(n)],
                         "ville": [rng.choice(["Nice", "Lyon", "Rennes", "Metz"]) for _ in range(n)]})


@pytest.mark.parametrize("seed", [2, 17])
@pytest.mark.parametrize("name", ["NumCarteVitale", "num_carte_vitale", "carteVitale"])
def test_made_up_carte_vitale_numbers_are_national_ids(seed: int, name: str) -> None:
    # Fixtures' NIRs whose key fails: only the name speaks, and it said "card".
    info_type, masked, evidence = decided(_insured(seed, name, valid=False), name)
    assert info_type == "NATIONAL_ID" and masked, evidence


@pytest.mark.parametrize("name", ["NumCarteVitale", "carteVitale"])
def test_valid_nirs_under_carte_vitale_stay_national_ids(name: str) -> None:
    # Control, on main and here: NIRs whose key holds are validated as such whatever the name says.
    info_type, masked, evidence = decided(_insured(5, name, valid=True), name)
    assert info_type == "NATIONAL_ID" and masked, evidence


@pytest.mark.parametrize("name", ["numSS", "num_ss", "no_ss"])
def test_num_ss_reads_a_national_id(name: str) -> None:
    assert hint_score(name)[:1] == [("NATIONAL_ID", 1.0)], hint_score(name)


@pytest.mark.parametrize("name", ["num_carte", "carte_bancaire"])
def test_payment_card_names_stay_cards(name: str) -> None:
    # Control, on main and here: the card words without "vitale" still read a payment card.
    assert hint_score(name)[:1] == [("CREDIT_CARD", 1.0)], hint_score(name)
