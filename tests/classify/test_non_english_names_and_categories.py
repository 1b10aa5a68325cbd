"""Classes of error on tables people wrote in their own language (the ``extcsv5`` probe, issue 15).

1. Romance names put the key word first (``id_paciente``, ``id_du_patient``): the hint "patient id" read nothing,
   and a clinic's integer patient numbers passed raw as "numeric" where ``paciente_id`` was masked
   (:mod:`maskline.infotypes.key_first`).
2. German, Spanish, French and Portuguese schemas keep the openings of a hint's parts (``GEBDAT``, ``fec_nac``,
   ``DATNAISS``): read as nothing, an employee table's birth dates of type DATE passed raw as "temporal"
   (:mod:`maskline.infotypes.part_openings`).
3. Salaries and consumption figures under their French and German names (``Salaire``, ``konsum``) and Romance
   registration numbers (``matricula``) of five or six digits were read as postal codes
   (:data:`maskline.infotypes.name_hints.MEASURE_WORDS`, :data:`~maskline.infotypes.name_hints.KEY_WORDS`).
4. A few course or department names repeated over the rows under a name hint (``curso_nome``) were read as people:
   the category check read English words only (:mod:`maskline.infotypes.unknown_categories`).
5. Spanish-speaking South America's identity numbers under their own names (``cedula``, ``RUT``) were read as
   nothing (name hints).

Values are drawn here by seeded generators from pools written for this file; none comes from the probe's files or
the benchmark's splits.
"""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pandas as pd
import pytest

from maskline.infotypes.name_hints import hint_score
from tests.classify.decided_column import decided


# 1. Integer patient numbers under a name that puts "id" first.
def _clinic(seed: int, key: str, n: int = 40) -> pd.DataFrame:
    rng = random.Random(seed)
    ids = rng.sample(range(1, 5000), n)
    return pd.DataFrame({key: ids, "turno": [rng.choice(["mañana", "tarde"]) for _ in range(n)]})


@pytest.mark.parametrize("seed", [3, 11])
@pytest.mark.parametrize("name", ["id_paciente", "id_del_paciente", "id_patient", "id_du_patient", "id_paziente"])
def test_patient_numbers_named_key_first_are_masked(seed: int, name: str) -> None:
    info_type, masked, evidence = decided(_clinic(seed, name), name)
    assert masked, evidence
    assert any(e.startswith("name:medical_record_number") for e in evidence), evidence


@pytest.mark.parametrize("name", ["id_cita", "id_producto", "id_pedido", "id_ciudad", "id_commande"])
def test_record_keys_named_key_first_still_pass(name: str) -> None:
    # Control: keys of appointments, products, orders and towns pass raw on main and here.
    info_type, masked, evidence = decided(_clinic(3, name), name)
    assert info_type is None and not masked, evidence


def test_english_order_reads_as_before() -> None:
    # Control: the hint written in English order is read as on main.
    assert dict(hint_score("patient_id"))["MEDICAL_RECORD_NUMBER"] == 1.0
    assert dict(hint_score("paciente_id"))["MEDICAL_RECORD_NUMBER"] == pytest.approx(0.6)


# 2. Birth dates of type DATE under names made of the openings of a hint's parts.
def _staff(seed: int, name: str, n: int = 12) -> pd.DataFrame:
    rng = random.Random(seed)
    # Born over 18 years: a small firm's staff, short of the 20-year spread the values alone need.
    start = datetime.date(1962, 1, 1)
    born = [start + datetime.timedelta(days=rng.randrange(18 * 365)) for _ in range(n)]
    return pd.DataFrame({"nr": range(1, n + 1), name: pd.to_datetime(born)})


@pytest.mark.parametrize("seed", [1, 8])
@pytest.mark.parametrize("name", ["GEBDAT", "GEB_DAT", "GebDatum", "fec_nac", "FECNAC", "DATNAISS"])
def test_birth_dates_under_part_openings_are_birth_dates(seed: int, name: str) -> None:
    info_type, masked, evidence = decided(_staff(seed, name), name)
    assert info_type == "DATE_OF_BIRTH" and masked, evidence


@pytest.mark.parametrize("name", ["EINTRITT", "hire_date", "fec_alta", "dat_inizio"])
def test_other_dates_under_such_names_read_nothing_more(name: str) -> None:
    # Control: hiring and start dates spread the same way read no birth hint, on main and here.
    assert "DATE_OF_BIRTH" not in dict(hint_score(name))


# 3. Salaries, consumption and registration numbers of five or six digits.
def _measures(seed: int, name: str, low: int, high: int, n: int = 60) -> pd.DataFrame:
    rng = random.Random(seed)
    # A table's row key and a status beside the figures, as staff and statistics tables have them.
    return pd.DataFrame({"nr": range(1, n + 1), name: [rng.randrange(low, high) for _ in range(n)],
                         "statut": [rng.choice(["actif", "sorti"]) for _ in range(n)]})


@pytest.mark.parametrize(("name", "low", "high"), [
    ("Salaire", 24000, 58000), ("salario", 21000, 49000), ("Gehalt", 30000, 72000), ("stipendio", 20000, 45000),
    ("consumo_kwh", 100000, 900000),
    ("aluno_matricula", 100000, 999999), ("matricola", 100000, 999999),
])
def test_pay_consumption_and_registration_numbers_are_no_postal_codes(name: str, low: int, high: int,
                                                                       tmp_path: Path) -> None:
    info_type, _, evidence = decided(_measures(4, name, low, high), name, tmp_path)
    assert info_type != "POSTAL_CODE", evidence


@pytest.mark.parametrize("name", ["code_postal", "cep", "plz"])
def test_postal_codes_under_postal_names_stay_postal(name: str, tmp_path: Path) -> None:
    # Control: five digits under postal names are postal codes, on main and here.
    info_type, masked, evidence = decided(_measures(4, name, 10000, 99999), name, tmp_path)
    assert info_type == "POSTAL_CODE" and masked, evidence


# 4. A few courses or departments repeated over the rows, under a name hint.
COURSES = ("Engenharia Elétrica", "Arquitetura e Urbanismo", "Ciências Contábeis", "Medicina Veterinária",
           "Educação Física", "Relações Internacionais", "Gestão Ambiental", "Design Gráfico")
DEPARTAMENTOS = ("Recursos Humanos", "Atención al Cliente", "Control de Calidad", "Compras Nacionales",
                 "Logística Inversa", "Desarrollo de Negocio")
PEOPLE = ("Ana Souza", "Bruno Lima", "Carla Dias", "Diego Rocha", "Elisa Melo", "Fábio Nunes", "Hugo Pires")


def _repeated(seed: int, name: str, pool: tuple[str, ...], n: int = 200) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({name: [rng.choice(pool) for _ in range(n)], "nota": [rng.randrange(100) for _ in range(n)]})


@pytest.mark.parametrize("seed", [2, 9])
@pytest.mark.parametrize(("name", "pool"), [("curso_nome", COURSES), ("nome_curso", COURSES),
                                            ("nombre_departamento", DEPARTAMENTOS)])
def test_few_repeated_things_under_a_name_hint_are_no_people(seed: int, name: str, pool: tuple[str, ...]) -> None:
    info_type, masked, evidence = decided(_repeated(seed, name, pool), name)
    assert info_type is None, evidence
    assert masked, evidence  # the refuted hint still masks: fail closed


@pytest.mark.parametrize("name", ["nome_aluno", "professor_nome"])
def test_few_repeated_people_under_a_name_hint_stay_people(name: str) -> None:
    # Control: a handful of people repeated over the rows keep their type, on main and here.
    info_type, masked, evidence = decided(_repeated(2, name, PEOPLE), name)
    assert info_type == "PERSON_NAME" and masked, evidence


# 5. Identity numbers of Spanish-speaking South America under their own names.
@pytest.mark.parametrize("name", ["cedula", "Cedula_Ciudadania", "RUT", "rut_socio", "CUIL", "cuit"])
def test_south_american_identity_numbers_are_named(name: str) -> None:
    assert dict(hint_score(name)).get("NATIONAL_ID", 0.0) >= 0.9
