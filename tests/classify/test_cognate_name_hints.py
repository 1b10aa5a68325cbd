"""Column names that spell a hint word as another language does (``pasaport``, ``pacient_id``, ``telepon``): the
hint is read at a lower weight than an exact spelling, false friends (``pasta``, ``password``, ``passage``) get
nothing, and values of another kind still decide.

The names are from languages without a hint list (Romanian, Catalan, Indonesian, Bulgarian transliterated, Maltese);
values are drawn here with a fixed seed; none comes from the benchmark's test split.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.infotypes.cognates import edits, spelling_key, variant_of
from maskline.infotypes.name_hints import COGNATE_SCORE, hint_score

RNG = random.Random(1515)


def _digits(n: int) -> str:
    return "".join(RNG.choice("0123456789") for _ in range(n))


PASSPORTS = [RNG.choice("ABC") + _digits(7) for _ in range(200)]
RECORDS = [_digits(8) for _ in range(200)]
MAILS = [f"{RNG.choice(['ana', 'ion', 'vlad', 'maria'])}.{RNG.choice(['pop', 'ionescu', 'marin'])}"
         f"{RNG.randint(1, 99)}@{RNG.choice(['mail.ro', 'posta.md'])}" for _ in range(200)]


@pytest.mark.parametrize(("name", "expected"), [
    ("pasaport", "PASSPORT"), ("numar_pasaport", "PASSPORT"), ("paszport", "PASSPORT"), ("paspor", "PASSPORT"),
    ("num_passaport", "PASSPORT"), ("pasnummer", "PASSPORT"), ("pacient_id", "MEDICAL_RECORD_NUMBER"),
    ("pacienta_id", "MEDICAL_RECORD_NUMBER"), ("telepon", "PHONE"), ("mobil", "PHONE"),
    ("utilizator", "USERNAME"), ("kontonumer", "BANK_ACCOUNT"), ("indirizz", "STREET_ADDRESS"),
])
def test_a_close_spelling_of_a_hint_word_is_its_hint_at_a_lower_weight(name: str, expected: str) -> None:
    assert dict(hint_score(name)).get(expected) == COGNATE_SCORE


@pytest.mark.parametrize("name", [
    "pasta", "passage", "passenger", "pastry", "patent", "parola", "pasar", "cuento", "cuenca", "kontor",
    "reviewed", "handel", "status", "product", "kortanumer",
])
def test_false_friends_of_hint_words_get_no_hint_from_their_spelling(name: str) -> None:
    assert variant_of(name) is None
    assert not any(score == COGNATE_SCORE for _, score in hint_score(name))


def test_a_word_as_close_to_a_password_word_as_to_a_passport_word_is_neither() -> None:
    assert edits(spelling_key("passwort"), spelling_key("password"), 2) == 1
    assert variant_of("passwort") is None and dict(hint_score("passwort")) == {"PASSWORD": 1.0}


@pytest.mark.parametrize(("name", "expected"), [
    ("passport", "PASSPORT"), ("patient_id", "MEDICAL_RECORD_NUMBER"), ("telefon", "PHONE"),
    ("password", "PASSWORD"), ("cardnumber", "CREDIT_CARD"),
])
def test_exact_hints_keep_their_full_weight_and_gain_nothing(name: str, expected: str) -> None:
    assert hint_score(name) == [(expected, 1.0)]


def test_a_cognate_name_over_drawn_passport_numbers_names_them_less_surely_than_an_exact_one() -> None:
    cognate, exact, opaque = (classify_column(n, PASSPORTS) for n in ("pasaport", "passport", "c7"))
    assert cognate.info_type == exact.info_type == "PASSPORT" and opaque.info_type is None
    assert cognate.confidence < exact.confidence


def test_a_cognate_patient_name_over_record_numbers_is_a_medical_record_number() -> None:
    assert classify_column("pacient_id", RECORDS).info_type == "MEDICAL_RECORD_NUMBER"
    assert classify_column("c3", RECORDS).info_type is None


@pytest.mark.parametrize("name", ["pasaport", "numar_pasaport", "pacient_id"])
def test_a_cognate_name_over_e_mails_stays_email(name: str) -> None:
    assert classify_column(name, MAILS).info_type == "EMAIL"


def test_a_false_friend_over_drawn_codes_gains_nothing_from_its_name() -> None:
    assert classify_column("pasta", PASSPORTS).info_type is None
