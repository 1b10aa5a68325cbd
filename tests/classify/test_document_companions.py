"""Passports and bank accounts under opaque names, read from the columns their records keep beside them (issue 15).

Under ``c4`` a passport's number behind a fixed series letter (``N12345678``) or the shortest template
(``X123456``) is only a near miss (loyalty numbers and badges have the same shape), and ten to fourteen drawn
digits are any id. A passport's record carries its holder's nationality (ICAO 9303: a three-letter code) beside the
holder's name and birth date; an account's record carries the codes that route payments to it (a BIC, an IFSC).
Beside those the column reads PASSPORT or BANK_ACCOUNT at a confidence below the values' own verdicts
(:mod:`maskline.classify.document_companions`).

Controls: the same columns without the companion (no nationality or an address's two-letter country instead: only
the weaker holder reading of ``test_passport_holder_tables.py``; a nationality but no person; no routing code), a counter beside BICs, and a named column beside BICs stay as they
were. Values are drawn here by seeded generators from pools written for this file.
"""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

import pandas as pd
import pytest
from stdnum import iban

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.classify.document_companions import STRENGTH
from maskline.classify.result import ColumnClassification
from maskline.policy import load_policy

FIRST = ["Anna", "Jonas", "Marta", "Pieter", "Sofia", "Luca", "Ewa", "Tomas", "Ines", "Karl", "Lena", "Mateo"]
LAST = ["Kowalska", "de Vries", "Rossi", "Novak", "Berg", "Silva", "Horvat", "Meyer", "Laine", "Dubois"]
NATIONS3 = ["DEU", "FRA", "ITA", "ESP", "POL", "NLD", "SWE", "PRT", "AUT", "BEL", "D", "GRC"]
NATIONS2 = ["DE", "FR", "IT", "ES", "PL", "NL", "SE", "PT", "AT", "BE", "GR", "CZ"]
BICS = ["DEUTDEFF", "COBADEFFXXX", "BNPAFRPP", "UNCRITMM", "ABNANL2A", "RABONL2U", "BSCHESMM", "NWBKGB2L",
        "SWEDSESS", "BKAUATWW"]
IFSCS = ["HDFC0001234", "SBIN0004321", "ICIC0000456", "UTIB0000789", "KKBK0000123", "PUNB0123400"]
N = 60


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(k))


def _series(rng: random.Random) -> str:
    return "N" + _digits(rng, 8)  # one fixed series letter and eight drawn digits


def _short(rng: random.Random) -> str:
    return rng.choice(string.ascii_uppercase) + _digits(rng, 6)  # the shortest template


def _travellers(seed: int, make, nationality: list[str] | None, people: bool = True) -> pd.DataFrame:
    rng = random.Random(seed)
    cols: dict[str, list] = {}
    if people:
        cols["full_name"] = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(N)]
        cols["date_of_birth"] = [date(1950, 1, 1) + timedelta(days=rng.randrange(18000)) for _ in range(N)]
    cols["c4"] = [make(rng) for _ in range(N)]
    if nationality is not None:
        cols["c5"] = [rng.choice(nationality) for _ in range(N)]
    cols["c6"] = [rng.choice(["A", "B", "C"]) for _ in range(N)]
    return pd.DataFrame(cols)


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


@pytest.mark.parametrize("make", [_series, _short])
@pytest.mark.parametrize("seed", [3, 17])
def test_document_numbers_beside_a_nationality_and_a_holder_are_passports(make, seed: int) -> None:
    column = _column(_travellers(seed, make, NATIONS3), "c4")
    assert column.info_type == "PASSPORT" and column.confidence < 0.7, column.evidence
    assert decide_unnamed(load_policy({}), "c4", column).method is not None


def test_a_nationality_column_named_so_vouches_too() -> None:
    frame = _travellers(5, _series, NATIONS2).rename(columns={"c5": "nationality"})
    assert _column(frame, "c4").info_type == "PASSPORT"


@pytest.mark.parametrize("nationality", [None, NATIONS2], ids=["no-nationality", "address-country"])
def test_without_a_nationality_only_the_holder_vouches(nationality) -> None:
    # The table's one document-like column beside its holders: read, but below the nationality's reading
    # (test_passport_holder_tables.py holds that rule's controls).
    column = _column(_travellers(11, _series, nationality), "c4")
    assert column.info_type == "PASSPORT" and column.confidence < STRENGTH, column.evidence


def test_without_a_person_the_near_miss_stays_untyped() -> None:
    column = _column(_travellers(11, _series, NATIONS3, people=False), "c4")
    assert column.info_type is None, column.evidence
    assert decide_unnamed(load_policy({}), "c4", column).method is not None  # still masked by the default


def _payments(seed: int, accounts, codes: list[str] | None, account_name: str = "c1") -> pd.DataFrame:
    rng = random.Random(seed)
    cols: dict[str, list] = {account_name: [accounts(rng, i) for i in range(N)]}
    if codes is not None:
        cols["c2"] = [rng.choice(codes) for _ in range(N)]
    cols["c3"] = [round(rng.uniform(5, 900), 2) for _ in range(N)]
    return pd.DataFrame(cols)


def _drawn(rng: random.Random, i: int) -> str:
    return _digits(rng, rng.choice([10, 12, 14]))


@pytest.mark.parametrize("codes", [BICS, IFSCS], ids=["bic", "ifsc"])
@pytest.mark.parametrize("seed", [2, 29])
def test_drawn_digits_beside_routing_codes_are_bank_accounts(codes: list[str], seed: int) -> None:
    column = _column(_payments(seed, _drawn, codes), "c1")
    assert column.info_type == "BANK_ACCOUNT" and column.confidence < 0.7, column.evidence
    assert decide_unnamed(load_policy({}), "c1", column).method is not None


def test_a_column_named_bic_vouches_too() -> None:
    frame = _payments(7, _drawn, ["x"] * 3).rename(columns={"c2": "swift"})
    assert _column(frame, "c1").info_type == "BANK_ACCOUNT"


def test_without_routing_codes_drawn_digits_stay_untyped() -> None:
    column = _column(_payments(13, _drawn, None), "c1")
    assert column.info_type is None, column.evidence


def test_a_counter_beside_routing_codes_is_no_account() -> None:
    column = _column(_payments(13, lambda rng, i: str(4_000_000_000 + i), BICS), "c1")
    assert column.info_type != "BANK_ACCOUNT", column.evidence


def test_a_named_id_beside_routing_codes_keeps_its_name() -> None:
    column = _column(_payments(13, _drawn, BICS, account_name="transaction_id"), "transaction_id")
    assert column.info_type != "BANK_ACCOUNT", column.evidence


def test_two_digit_columns_beside_routing_codes_are_left_alone() -> None:
    # A holder's account among transaction numbers of the same shape: nothing says which, so neither is read.
    frame = _payments(19, _drawn, IFSCS)
    rng = random.Random(41)
    frame["c7"] = [_digits(rng, 11) for _ in range(N)]
    verdicts = {c.name: c.info_type for c in classify(frame).columns}
    assert verdicts["c1"] is None and verdicts["c7"] is None, verdicts


@pytest.mark.parametrize("make", [lambda rng, i: str(rng.randint(1_500_000_000, 1_800_000_000)),
                                  lambda rng, i: str(rng.randint(1_500_000_000_000, 1_800_000_000_000))],
                         ids=["epoch-seconds", "epoch-millis"])
def test_unix_times_beside_routing_codes_are_no_accounts(make) -> None:
    assert _column(_payments(23, make, BICS), "c1").info_type != "BANK_ACCOUNT"


def test_digits_beside_an_iban_stay_untyped() -> None:
    # An IBAN holds the account itself: digits beside it are the table's other numbers.
    rng = random.Random(31)

    def _iban(_: random.Random) -> str:
        bban = f"{rng.randrange(10**8):08d}{rng.randrange(10**10):010d}"
        return "DE" + iban.calc_check_digits("DE00" + bban) + bban

    frame = _payments(31, _drawn, None)
    frame["c2"] = [_iban(rng) for _ in range(N)]
    assert _column(frame, "c1").info_type is None
