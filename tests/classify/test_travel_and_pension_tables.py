"""PANs, flights' codes, airlines and loans in travel, bank and pension tables (the ``extcsv11`` probe, issue 15).

On public seed tables of airlines, hotels, credit unions, payrolls and Indian pensioners the project never saw:

1. India's PANs under a ``pan`` name (``PAN``, ``pan_no``) whose fourth letter, the holder type, is drawn at random
   (``ZGKLA5287H``) were untyped: the name reads ``pan`` as a card's account number, and the values count by
   themselves only when a person or a family holds them. Name and template agree, only the holder letter "fails":
   now NATIONAL_ID below a validated number (:func:`maskline.classify.named_templates.named_pan_evidence`).
2. Flights' codes kept as five-digit numbers (``74488``) were typed POSTAL_CODE by their shape, under Portuguese,
   Spanish, French names for the flight (``codigo_voo``) and under ``codigo`` in a table of flights (``voo_tb``).
   The flight words of the hint languages are public-code words now, and a column only called "code" or "number"
   reads its table's (:func:`maskline.infotypes.table_names.codes_by_table`).
3. Airlines (``aerolinea.nombre``: Iberia, Vueling) and a bank's loans (``loan_name``: Home Loan) were typed as
   people's names; both are thing words now.

Controls: cards under ``pan``, the same PANs under another name, a single PAN repeated, five-digit codes under
``codigo`` in a table of customers, a postal-code name in a table of flights, people under ``nombre`` in a table of
passengers and under ``loan_officer`` keep their types. Values are drawn here by seeded generators from pools
written for this file; none comes from the probe's files or the benchmark's splits.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy
from tests.classify.decided_column import decided

UPPER = string.ascii_uppercase


def _pans(rng: random.Random, n: int, holders: str) -> list[str]:
    # Five letters (the fourth the holder type), four digits, a letter: India's PAN as fixtures write it.
    return ["".join(rng.choice(UPPER) for _ in range(3)) + rng.choice(holders) + rng.choice(UPPER)
            + "".join(rng.choice(string.digits) for _ in range(4)) + rng.choice(UPPER) for _ in range(n)]


def _pensioners(seed: int, name: str, values: list[str] | None = None, n: int = 20) -> pd.DataFrame:
    rng = random.Random(seed)
    # Holder letters other than a person's (P) or a family's (H): companies, firms, trusts, bodies, or none at all.
    pans = values if values is not None else _pans(rng, n, "ABCFGJLTKEXQ")
    return pd.DataFrame({"id": range(1, len(pans) + 1), name: pans,
                         "salary": [rng.randrange(10, 90) * 1000 for _ in pans],
                         "bank": [rng.choice(["SBI", "HDFC", "ICICI", "Axis"]) for _ in pans]})


@pytest.mark.parametrize("seed", [5, 23])
@pytest.mark.parametrize("name", ["PAN", "pan_no", "pan_number", "panNumber", "PAN #"])
def test_pans_under_a_pan_name_are_national_ids(seed: int, name: str) -> None:
    column = next(c for c in classify(_pensioners(seed, name)).columns if c.name == name)
    assert column.info_type == "NATIONAL_ID" and column.confidence < 0.85, column.evidence
    assert decide_unnamed(load_policy({}), name, column).method is not None


# Controls, on main and here.
@pytest.mark.parametrize("name", ["code", "c3", "ref"])
def test_pan_shaped_codes_under_other_names_are_not_typed_so(name: str) -> None:
    info_type, masked, evidence = decided(_pensioners(5, name), name)
    assert info_type != "NATIONAL_ID" and masked, evidence


def test_one_pan_repeated_says_nothing() -> None:
    info_type, masked, evidence = decided(_pensioners(5, "PAN", ["ABCDE1234F"] * 20), "PAN")
    assert info_type is None and masked, evidence


def test_persons_pans_stay_national_ids() -> None:
    info_type, masked, evidence = decided(_pensioners(5, "pan", _pans(random.Random(5), 20, "P")), "pan")
    assert info_type == "NATIONAL_ID" and masked, evidence


def _luhn(body: str) -> str:
    from stdnum import luhn

    return body + luhn.calc_check_digit(body)


def test_cards_under_pan_stay_cards() -> None:
    rng = random.Random(8)
    cards = [_luhn("4" + "".join(rng.choice(string.digits) for _ in range(14))) for _ in range(20)]
    info_type, masked, evidence = decided(_pensioners(8, "pan", cards), "pan")
    assert info_type == "CREDIT_CARD" and masked, evidence


# Flights' codes kept as numbers of one width.
def _flights(seed: int, name: str, n: int = 24) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({name: rng.sample(range(10000, 99999), n),
                         "gate": [rng.randrange(1, 40) for _ in range(n)],
                         "origin": [rng.choice(["Recife", "Manaus", "Belém", "Natal", "Maceió"]) for _ in range(n)]})


@pytest.mark.parametrize("seed", [3, 31])
@pytest.mark.parametrize("name", ["codigo_voo", "codice_volo", "vlucht_code"])
def test_flight_codes_in_the_hint_languages_are_not_postal_codes(tmp_path: Path, seed: int, name: str) -> None:
    info_type, _, evidence = decided(_flights(seed, name), name, tmp_path, "escala")
    assert info_type != "POSTAL_CODE", evidence


@pytest.mark.parametrize(("table", "name"), [("voo_tb", "codigo"), ("flights", "number"), ("vuelos", "codigo"),
                                             ("dim_flight", "code")])
def test_a_code_column_reads_its_table_of_flights(tmp_path: Path, table: str, name: str) -> None:
    info_type, _, evidence = decided(_flights(3, name), name, tmp_path, table)
    assert info_type != "POSTAL_CODE", evidence


# Controls: the same numbers under "codigo" in a table of customers, and a postal-code name in a table of flights.
@pytest.mark.parametrize(("table", "name"), [("clientes_tb", "codigo"), ("voo_tb", "codigo_postal")])
def test_postal_readings_outside_flights_stay(tmp_path: Path, table: str, name: str) -> None:
    info_type, masked, evidence = decided(_flights(3, name), name, tmp_path, table)
    assert info_type == "POSTAL_CODE" and masked, evidence


AIRLINES = ["Binter", "Volotea", "Condor", "Avianca", "Vueling", "Iberia", "Evelop", "Wamos", "Norwegian",
            "Lufthansa", "Transavia", "Aegean", "Finnair", "Icelandair"]
LOANS = ["Home Loan", "Auto Loan", "Personal Loan", "Gold Loan", "Education Loan", "Business Loan", "Bridge Loan",
         "Farm Loan"]
PEOPLE = ["Lucía Navarro", "Javier Ortega", "Marta Ruiz", "Pablo Serrano", "Elena Vidal", "Diego Molina",
          "Nuria Castro", "Sergio Rubio", "Alba Romero", "Iván Gil", "Carmen Ortiz", "Raúl Delgado", "Irene Marín",
          "Hugo Sanz"]


def _listing(name: str, pool: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"id": range(1, len(pool) + 1), name: pool, "code": [p[:3].upper() for p in pool]})


@pytest.mark.parametrize("table", ["aerolinea", "aerolineas", "aerolinha"])
def test_airlines_named_in_a_table_of_airlines_are_not_people(tmp_path: Path, table: str) -> None:
    info_type, _, evidence = decided(_listing("nombre", AIRLINES), "nombre", tmp_path, table)
    assert info_type != "PERSON_NAME", evidence


def test_loan_names_are_not_people() -> None:
    info_type, _, evidence = decided(_listing("loan_name", LOANS), "loan_name")
    assert info_type != "PERSON_NAME", evidence


# Controls: people of the same tables stay people.
def test_people_in_a_table_of_passengers_stay_people(tmp_path: Path) -> None:
    info_type, masked, evidence = decided(_listing("nombre", PEOPLE), "nombre", tmp_path, "pasajeros")
    assert info_type == "PERSON_NAME" and masked, evidence


def test_loan_officers_stay_people() -> None:
    info_type, masked, evidence = decided(_listing("loan_officer", PEOPLE), "loan_officer")
    assert info_type == "PERSON_NAME" and masked, evidence
