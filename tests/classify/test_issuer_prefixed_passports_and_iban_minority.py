"""Passports keyed behind their issuer's country code, and payroll accounts of which a few are IBANs (issue 15).

Found on public seed data the project never generated (round `extcsv18`): a tour operator's customers keep their
``passport_no`` as the issuer's ISO 3166 code and the number (``GB123456789``: a British or US passport's nine digits
behind ``GB``/``US`` are eleven characters, beyond ICAO's nine), and the passport name was refuted ("the values did
not confirm"); a payroll's ``account_no`` holds domestic account digits for most staff and IBANs for a few paid
abroad, and under an opaque name the validating minority read the whole column as IBAN.

Controls: the same country-prefixed codes under an opaque name (no passport name: two capitals and digits are also
orders and shipments), two capitals that are no country, IBANs alone (the IBAN reading stays), domestic digits
beside a minority of IBAN-shaped values that fail their check (no valid IBAN: nothing new). Values are drawn here by
seeded generators; none comes from the probe or the benchmark's splits.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest
from stdnum import iban

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.classify.result import ColumnClassification
from maskline.policy import load_policy

ISSUERS = ["GB", "US", "FR", "IT", "DE", "IN", "BR", "ZA", "NG", "KE", "AE", "MA"]
GIVEN = ["Amara", "Bilal", "Chen", "Dagny", "Emeka", "Farah", "Goran", "Hiroshi", "Ines", "Jomo", "Kavya", "Luca"]
FAMILY = ["Okafor", "Haddad", "Lindqvist", "Moreau", "Rossi", "Tanaka", "Van Wyk", "Kariuki", "Singh", "Novak"]


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


def _customers(seed: int, passports: list[str], name: str) -> pd.DataFrame:
    rng = random.Random(seed)
    n = len(passports)
    return pd.DataFrame({
        "full_name": [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(n)],
        "nationality_note": [rng.choice(["resident", "visitor", "transit"]) for _ in range(n)],
        name: passports,
    })


def _prefixed(rng: random.Random, issuers: list[str] = ISSUERS) -> str:
    return rng.choice(issuers) + str(rng.randint(10**8, 10**9 - 1))


@pytest.mark.parametrize("seed", [3, 17])
@pytest.mark.parametrize("rows", [4, 40])
@pytest.mark.parametrize("name", ["passport_no", "passportNumber", "passport"])
def test_passports_behind_their_issuers_code_are_passports(seed: int, rows: int, name: str) -> None:
    rng = random.Random(seed)
    column = _column(_customers(seed, [_prefixed(rng) for _ in range(rows)], name), name)
    assert column.info_type == "PASSPORT", column.evidence
    assert decide_unnamed(load_policy({}), name, column).method is not None


def test_one_issuers_passports_behind_its_code_are_passports() -> None:
    rng = random.Random(5)
    column = _column(_customers(5, [_prefixed(rng, ["US"]) for _ in range(30)], "passport_no"), "passport_no")
    assert column.info_type == "PASSPORT", column.evidence


def test_the_prefixed_codes_under_an_opaque_name_are_not_read_as_passports() -> None:  # control
    rng = random.Random(9)
    column = _column(_customers(9, [_prefixed(rng) for _ in range(40)], "c3"), "c3")
    assert column.info_type != "PASSPORT", column.evidence
    assert decide_unnamed(load_policy({}), "c3", column).method is not None  # still masked: uncertain


def test_two_capitals_that_are_no_country_do_not_confirm_a_passport_name() -> None:  # control
    rng = random.Random(11)
    codes = [rng.choice(["XQ", "QZ", "XX"]) + str(rng.randint(10**8, 10**9 - 1)) for _ in range(30)]
    column = _column(_customers(11, codes, "passport_no"), "passport_no")
    assert column.info_type is None, column.evidence
    assert decide_unnamed(load_policy({}), "passport_no", column).method is not None


def _gb_iban(rng: random.Random) -> str:
    bban = f"NWBK{rng.randint(0, 10**14 - 1):014d}"
    return "GB" + iban.calc_check_digits("GB00" + bban) + bban


def _qa_iban(rng: random.Random) -> str:
    bban = f"CBQA{rng.randint(0, 10**21 - 1):021d}"
    return "QA" + iban.calc_check_digits("QA00" + bban) + bban


def _payroll(seed: int, domestic: int, abroad: int, valid: bool = True) -> pd.DataFrame:
    rng = random.Random(seed)
    accounts = [str(rng.randint(10**14, 10**15 - 1)) for _ in range(domestic)]
    for _ in range(abroad):
        code = rng.choice([_gb_iban, _qa_iban])(rng)
        accounts.append(code if valid else code[:2] + f"{(int(code[2:4]) + 1) % 100:02d}" + code[4:])
    rng.shuffle(accounts)
    n = len(accounts)
    return pd.DataFrame({
        "c1": [rng.randint(1, 90) for _ in range(n)],
        "c2": [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(n)],
        "c3": accounts,
        "c4": [rng.choice(["monthly", "weekly"]) for _ in range(n)],
    })


@pytest.mark.parametrize("seed", [2, 8])
@pytest.mark.parametrize(("domestic", "abroad"), [(33, 9), (60, 6)])
def test_domestic_accounts_beside_a_few_ibans_are_bank_accounts(seed: int, domestic: int, abroad: int) -> None:
    column = _column(_payroll(seed, domestic, abroad), "c3")
    assert column.info_type == "BANK_ACCOUNT", column.evidence
    assert decide_unnamed(load_policy({}), "c3", column).method is not None


def test_ibans_alone_stay_ibans() -> None:  # control
    rng = random.Random(4)
    frame = pd.DataFrame({"c3": [rng.choice([_gb_iban, _qa_iban])(rng) for _ in range(40)]})
    assert _column(frame, "c3").info_type == "IBAN"


def test_domestic_digits_beside_failing_iban_shapes_gain_nothing() -> None:  # control
    column = _column(_payroll(6, 33, 9, valid=False), "c3")
    assert column.info_type != "BANK_ACCOUNT" or all("iban-minority" not in e for e in column.evidence)
