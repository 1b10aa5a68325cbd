"""Column names in the hint languages written the way people write them: a number word before the thing numbered
(``num_compte``, ``no_cuenta``, ``nr_dossier``), the actors of a record (``erstellt_von``, ``eigenaar``,
``remitente``), hospital numbers as compounds (``patientennr``, ``ziekenhuisnummer``). Each hint stays below the
values: values of another kind (e-mails, names, dates, counts, row ids) keep their own reading.

Values are written here by hand or drawn with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score

RNG = random.Random(1503)


def _digits(n: int) -> str:
    return "".join(RNG.choice("0123456789") for _ in range(n))


ACCOUNTS = [_digits(10) for _ in range(200)]
RECORDS = [_digits(8) for _ in range(200)]
DATES = [f"2024-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}" for _ in range(200)]
# Handles no first name is inside, sparse: their values alone decide nothing.
HANDLES = [f"{RNG.choice(['quartz', 'falcon', 'nimbus', 'tundra', 'pixel', 'cobalt', 'ember', 'lynx'])}"
           f"{RNG.choice(['_', '.', ''])}{RNG.randint(1, 999)}" if RNG.random() < 0.15 else None for _ in range(300)]


@pytest.mark.parametrize("name", ["num_compte", "no_cuenta", "n_conto", "num_conta"])
def test_a_number_word_before_an_account_word_names_an_account(name: str) -> None:
    assert classify_column(name, ACCOUNTS).info_type == "BANK_ACCOUNT"


@pytest.mark.parametrize("name", ["nr_dossier", "num_historia", "no_prontuario"])
def test_a_number_word_before_a_record_word_names_a_medical_record(name: str) -> None:
    assert classify_column(name, RECORDS).info_type == "MEDICAL_RECORD_NUMBER"


@pytest.mark.parametrize("name", ["num_emails", "num_orders", "nr_items", "num_card", "numero_pedido"])
def test_a_number_word_before_anything_no_numero_hint_spells_adds_no_hint(name: str) -> None:
    assert hint_score(name) == []


def test_a_count_under_num_emails_stays_a_count() -> None:
    assert classify_column("num_emails", [str(RNG.randint(0, 40)) for _ in range(200)]).info_type is None


def test_e_mail_values_under_num_compte_are_e_mails() -> None:
    emails = [f"client{i}@example.org" for i in range(200)]
    assert classify_column("num_compte", emails).info_type == "EMAIL"


@pytest.mark.parametrize("name", ["erstellt_von", "bearbeiter", "eigenaar", "afzender", "remitente", "mittente",
                                  "criado_por", "expediteur"])
def test_actor_names_in_the_hint_languages_read_handles_as_usernames(name: str) -> None:
    assert classify_column(name, HANDLES).info_type == "USERNAME"


def test_handles_decide_nothing_without_an_actor_name() -> None:
    assert classify_column("c7", HANDLES).info_type is None


def test_full_names_under_an_actor_name_are_names() -> None:
    people = [f"{RNG.choice(['Anna', 'Marc', 'Lena', 'Joost', 'Pieter', 'Sanne'])} "
              f"{RNG.choice(['Smit', 'Jansen', 'Bakker', 'Visser', 'Mulder'])}" for _ in range(200)]
    assert classify_column("eigenaar", people).info_type == "PERSON_NAME"


def test_dates_under_erstellt_am_are_no_usernames() -> None:
    assert classify_column("erstellt_am", DATES).info_type is None


@pytest.mark.parametrize("name", ["patientennr", "ziekenhuisnummer", "fallnummer", "pat_nr"])
def test_hospital_number_compounds_name_medical_records(name: str) -> None:
    assert classify_column(name, RECORDS).info_type == "MEDICAL_RECORD_NUMBER"


def test_row_ids_under_patnr_are_row_ids() -> None:
    assert classify_column("patnr", [str(i) for i in range(1, 201)]).info_type is None


@pytest.mark.parametrize(("name", "info_type"), [("mrn", "MEDICAL_RECORD_NUMBER"), ("nr_dossier", "MEDICAL_RECORD_NUMBER"),
                                                 ("account_no", "BANK_ACCOUNT")])
def test_calendar_dates_under_a_record_or_account_name_are_not_that_type(name: str, info_type: str) -> None:
    assert classify_column(name, DATES).info_type != info_type


def test_grouped_record_numbers_and_sort_code_accounts_keep_their_types() -> None:
    grouped = [f"{_digits(2)}-{_digits(3)}-{_digits(3)}" for _ in range(200)]
    sort_coded = [f"{_digits(2)}-{_digits(2)}-{_digits(2)} {_digits(8)}" for _ in range(200)]
    assert classify_column("mrn", grouped).info_type == "MEDICAL_RECORD_NUMBER"
    assert classify_column("account_no", sort_coded).info_type == "BANK_ACCOUNT"
