"""Passports under names the hints do not know, with few companions, in the forms exports write them (issue 15, round
``extcsv40``).

Found on the round's dev tables (:mod:`benchmarks.classification.dev_passport_shapes`): a register's number column
named in its own language (Estonian ``dokumendi_nr``, Hungarian ``okmányszám``, Icelandic ``skilriki_nr``) or in
camelCase (``docNo``) was not taken as a name that says only "number", so the document's record (an expiry, a
nationality) did not speak for it; a number written behind its issuing state's code (``SVK EA1234567``) fitted no
reader; nine-digit passports padded to a ``CHAR(12)`` (``000123456789``) were not read as drawn digits.

Controls: one state before every number (a constant prefix), codes behind three letters that are no state, padded
counters, phones with their trunk zero, a camelCase ``memberNo`` of a letter and eight digits beside a member-since
date and a billing country, and a prefixed number with no holder and no record beside it stay untyped. Values are
drawn here by seeded generators; dates around today, the clock the record rules read them by.
"""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

import pandas as pd
import pytest

from maskline.classify import classify
from maskline.classify.document_companions import says_nothing_but_number
from maskline.classify.document_records import _unpadded, document_digits, issuer_prefixed
from maskline.classify.result import ColumnClassification

UP, DG = string.ascii_uppercase, string.digits
N = 120
GIVEN = ["Kadri", "Marek", "Jana", "Sigrún", "Péter", "Eleni", "Aigerim", "Reza", "Tomáš", "Liis", "Gunnar", "Zsófia"]
FAMILY = ["Tamm", "Kováč", "Nagy", "Jónsdóttir", "Papadopoulou", "Novák", "Saar", "Horváth", "Rezaei", "Kask"]


def _d(r: random.Random, k: int) -> str:
    return "".join(r.choice(DG) for _ in range(k))


def _l(r: random.Random, k: int) -> str:
    return "".join(r.choice(UP) for _ in range(k))


def _names(r: random.Random, n: int = N) -> list[str]:
    return [f"{r.choice(GIVEN)} {r.choice(FAMILY)}" for _ in range(n)]


def _issued_expiry(r: random.Random) -> tuple[str, str]:
    issue = date.today() - timedelta(days=r.randint(20, 10 * 365 - 30))
    return issue.isoformat(), (issue + timedelta(days=r.choice([5, 10, 10]) * 365 - 1)).isoformat()


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


# ---------------------------------------------------------------- names that say only "number", in more languages


@pytest.mark.parametrize("name", ["dokumendi_nr", "okmányszám", "skilriki_nr", "docNo", "okmanyszam",
                                  "broj_isprave"])
def test_local_and_camel_case_names_of_a_document_number_say_only_number(name: str) -> None:
    assert says_nothing_but_number(name)


@pytest.mark.parametrize("name", ["memberNo", "ticketNr", "loyaltyNumber", "clenske_cislo_karty"])
def test_names_of_what_a_code_numbers_say_more(name: str) -> None:
    assert not says_nothing_but_number(name)


@pytest.mark.parametrize("seed", [1, 8])
def test_estonian_register_mixing_passports_and_identity_cards_beside_a_nationality(seed: int) -> None:
    r = random.Random(seed)
    docs = [r.choice("KS") + _d(r, 7) if r.random() < 0.7 else r.choice(["AA", "AB"]) + _d(r, 7) for _ in range(N)]
    frame = pd.DataFrame({"nimi": _names(r), "kodakondsus": [r.choice(["EST"] * 5 + ["LVA", "FIN"]) for _ in range(N)],
                          "dokumendi_nr": docs, "osakond": [r.choice(["IT", "ladu", "müük"]) for _ in range(N)]})
    column = _column(frame, "dokumendi_nr")
    assert column.info_type == "PASSPORT", column.evidence
    assert "table:beside kodakondsus, nimi" in column.evidence


def test_icelandic_register_of_one_series_beside_an_expiry() -> None:
    r = random.Random(3)
    frame = pd.DataFrame({"nafn": _names(r), "skilriki_nr": ["A" + _d(r, 7) if r.random() < 0.3 else None
                                                               for _ in range(N)],
                          "gildir_til": [_issued_expiry(r)[1] for _ in range(N)]})
    assert _column(frame, "skilriki_nr").info_type == "PASSPORT"


# ---------------------------------------------------------------- the issuing state before the number


def _prefixed(r: random.Random, states: list[str]) -> str:
    state = r.choice(states)
    number = {"FRA": lambda: _d(r, 2) + _l(r, 2) + _d(r, 5), "CZE": lambda: _d(r, 8)}.get(
        state, lambda: _l(r, 2) + _d(r, 7))()
    return f"{state} {number}"


STATES = ["SVK", "SVK", "FRA", "DEU", "HUN", "POL", "CZE", "GRC"]


@pytest.mark.parametrize("name", ["dokumendi_nr", "c4", "guest_doc"])
def test_numbers_behind_their_issuing_state_beside_a_holder_are_passports(name: str) -> None:
    r = random.Random(5)
    frame = pd.DataFrame({"meno": _names(r), name: [_prefixed(r, STATES) for _ in range(N)],
                          "prichod": [(date.today() - timedelta(days=r.randint(0, 40))).isoformat()
                                      for _ in range(N)]})
    column = _column(frame, name)
    assert column.info_type == "PASSPORT", column.evidence
    assert "values:a document number behind its issuing state's code" in column.evidence


def test_issuer_prefixed_reads_states_not_any_three_letters() -> None:
    r = random.Random(6)
    assert issuer_prefixed([_prefixed(r, STATES).lower() for _ in range(30)])
    assert not issuer_prefixed([_prefixed(r, ["SVK"]) for _ in range(30)])  # one state: a constant
    assert not issuer_prefixed([r.choice(["LHR ", "JFK ", "ORD "]) + _d(r, 8) for _ in range(30)])  # airports
    assert not issuer_prefixed([r.choice(["FRA ", "DEU "]) + "AB0000001" for _ in range(30)])  # one number, repeated


def test_prefixed_numbers_with_no_holder_and_no_record_stay_untyped() -> None:
    r = random.Random(7)
    frame = pd.DataFrame({"c1": [_prefixed(r, STATES) for _ in range(N)],
                          "c2": [r.choice(["open", "closed"]) for _ in range(N)]})
    assert _column(frame, "c1").info_type != "PASSPORT"


# ---------------------------------------------------------------- zero-padded digits


def test_nine_digit_passports_padded_to_twelve_beside_their_dates() -> None:
    r = random.Random(9)
    dates = [_issued_expiry(r) for _ in range(N)]
    frame = pd.DataFrame({"fullName": _names(r), "docNo": ["000" + str(r.randint(10**8, 10**9 - 1)) for _ in range(N)],
                          "issuedOn": [i for i, _ in dates], "expiresOn": [e for _, e in dates]})
    column = _column(frame, "docNo")
    assert column.info_type == "PASSPORT", column.evidence


def test_padded_counters_and_trunk_zeros_are_not_drawn_document_digits() -> None:
    assert not document_digits([f"{4000 + i:012d}" for i in range(40)])  # a padded counter
    r = random.Random(10)
    phones = ["07" + _d(r, 9) for _ in range(40)]
    assert _unpadded(phones) == phones  # one trunk zero is no padding


def test_padded_counter_beside_document_dates_stays_untyped() -> None:
    r = random.Random(11)
    dates = [_issued_expiry(r) for _ in range(N)]
    frame = pd.DataFrame({"docNo": [f"{700000 + i:012d}" for i in range(N)],
                          "issuedOn": [i for i, _ in dates], "expiresOn": [e for _, e in dates]})
    assert _column(frame, "docNo").info_type != "PASSPORT"


# ---------------------------------------------------------------- look-alikes under camelCase


@pytest.mark.parametrize("name", ["memberNo", "member_no", "badge_nr"])
def test_member_numbers_beside_member_since_stay_untyped(name: str) -> None:
    r = random.Random(12)
    frame = pd.DataFrame({name: [r.choice(UP) + _d(r, 8) for _ in range(N)], "memberName": _names(r),
                          "memberSince": [(date.today() - timedelta(days=r.randint(1, 3650))).isoformat()
                                          for _ in range(N)],
                          "country": [r.choice(["SK", "CZ", "HU", "AT"]) for _ in range(N)]})
    assert _column(frame, name).info_type != "PASSPORT"
