"""Passport, bank-account and medical-record columns as other systems name and store them (issue 15, idprobe):
names in Hungarian, Romanian, Indonesian and Greek and the German and English abbreviations of account and
record numbers (``útlevélszám``, ``bankszámlaszám``, ``cont_bancar``, ``kto_nr``, ``acctnum``,
``nomor_rekam_medis``, ``mr_no``, ``fallnr``, ``αριθμός_μητρώου_ασθενή``), and passport and account numbers
stored in lower case. Controls: passwords in lower case under ``pass``, a ``norm`` column, SKUs, routing numbers
and letter-heavy codes under passport and account names stay what they were.

Values are drawn here with fixed seeds, one generator per case; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable

import pytest

from maskline.classify import classify_column

UP, DG = string.ascii_uppercase, string.digits
N = 300


def _rand(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _column(seed: int, make: Callable[[random.Random], str], empties: float = 0.05) -> list[str | None]:
    r = random.Random(seed)
    return [None if r.random() < empties else make(r) for _ in range(N)]


def _passport(r: random.Random) -> str:  # Italy, Greece, Hungary: two letters and seven digits
    return _rand(r, UP, 2) + _rand(r, DG, 7)


def _nine_digits(r: random.Random) -> str:  # the United Kingdom's and the United States' passports
    return _rand(r, DG, 9)


def _gb_account(r: random.Random) -> str:  # a UK account number: eight digits
    return _rand(r, DG, 8)


def _konto(r: random.Random) -> str:  # a German Kontonummer before IBAN: up to ten digits, no padding
    return str(r.randint(10**6, 10**10 - 1))


def _bban(r: random.Random) -> str:  # a BBAN behind a four-letter bank code
    return _rand(r, UP, 4) + _rand(r, DG, 14)


def _mrn_padded(r: random.Random) -> str:  # a hospital's record numbers, zero-padded to eight digits
    return f"{r.randint(1, 2_000_000):08d}"


POSITIVES = [
    ("útlevélszám", _nine_digits, "PASSPORT"),
    ("utlevel_szam", _nine_digits, "PASSPORT"),
    ("bankszámlaszám", _gb_account, "BANK_ACCOUNT"),
    ("cont_bancar", _gb_account, "BANK_ACCOUNT"),
    ("kto_nr", _konto, "BANK_ACCOUNT"),
    ("acctnum", _bban, "BANK_ACCOUNT"),
    ("nomor_rekam_medis", _mrn_padded, "MEDICAL_RECORD_NUMBER"),
    ("mr_number", _mrn_padded, "MEDICAL_RECORD_NUMBER"),
    ("fallnr", _mrn_padded, "MEDICAL_RECORD_NUMBER"),
    ("αριθμός_μητρώου_ασθενή", lambda r: f"{_rand(r, DG, 3)}-{_rand(r, DG, 3)}-{_rand(r, DG, 3)}",
     "MEDICAL_RECORD_NUMBER"),
]


@pytest.mark.parametrize(("name", "make", "expected"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_document_account_and_record_names_in_more_languages(name, make, expected):
    assert classify_column(name, _column(len(name), make)).info_type == expected


LOWER = [
    ("passport_number", lambda r: r.choice("ACE") + _rand(r, DG, 8), "PASSPORT"),
    ("numero_passaporto", _passport, "PASSPORT"),
    ("numar_pasaport", _passport, "PASSPORT"),
    ("nomor_paspor", _passport, "PASSPORT"),
    ("bank_account_number", _bban, "BANK_ACCOUNT"),
]


@pytest.mark.parametrize(("name", "make", "expected"), LOWER, ids=[p[0] for p in LOWER])
def test_numbers_stored_in_lower_case_keep_their_type(name, make, expected):
    values = [v.lower() if v else v for v in _column(7, make)]
    assert classify_column(name, values).info_type == expected


_WORDS = ("monkey", "sunshine", "dragon", "master", "shadow", "qwerty", "letmein", "football", "welcome")


def test_lower_case_passwords_under_pass_stay_passwords():
    values = _column(11, lambda r: r.choice(_WORDS) + str(r.randint(10, 9999)))
    assert classify_column("pass", values).info_type == "PASSWORD"


def test_letter_heavy_lower_case_codes_are_not_passports():
    values = _column(12, lambda r: _rand(r, "abcdefghjkmnpqrstuvwxyz", 7) + _rand(r, DG, 2))
    assert classify_column("pass_no", values).info_type != "PASSPORT"


CONTROLS = [
    ("norm", lambda r: str(r.randint(1, 10**6))),
    ("sku", lambda r: "P" + _rand(r, DG, 8)),
    ("routing_number", lambda r: "0" + _rand(r, DG, 8)),
    ("pp_num", lambda r: str(r.randint(1, 900))),
    ("kto_saldo", lambda r: f"{r.randint(0, 99999)}.{r.randint(0, 99):02d}"),
]


@pytest.mark.parametrize(("name", "make"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_look_alikes_are_not_documents_accounts_or_records(name, make):
    got = classify_column(name, _column(13, make)).info_type
    assert got not in {"PASSPORT", "BANK_ACCOUNT", "MEDICAL_RECORD_NUMBER"}
