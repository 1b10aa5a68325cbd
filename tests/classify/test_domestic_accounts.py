"""Domestic bank accounts of countries without IBAN: US accounts after their routing number
(classify/routing_accounts.py), several banks' digit-group templates in one column (classify/account_groups.py),
and the names accounts go by in those countries (infotypes/name_hints.py).

Controls: routing numbers alone, nine drawn digits before a number, templates of which one is refuted, dates
beside year-led invoices, and names that share a word with an account hint (``checking_status``,
``deposit_amount``, a login ``tai_khoan``) or an acronym hint's skeleton (``nbn``, ``nrk``) stay unflagged as
accounts. Undelimited digits under a name saying the column holds keys of records (``operation_id``) are not
read as BBANs unless the name also names an account.

Values are drawn here with fixed seeds, one generator per test; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string

import pytest

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score

DG = string.digits


def _rand(r: random.Random, n: int) -> str:
    return "".join(r.choice(DG) for _ in range(n))


def _type(name: str, values: list) -> str | None:  # type: ignore[type-arg]
    return classify_column(name, values).info_type


def _aba(r: random.Random) -> str:
    body = f"{r.choice([1, 2, 3, 4, 7, 11, 12, 21, 26, 31]):02d}" + _rand(r, 6)
    return body + str(-sum(int(d) * w for d, w in zip(body, (3, 7, 1, 3, 7, 1, 3, 7), strict=True)) % 10)


# ---------------------------------------------------------------- routing number and account in one value


@pytest.mark.parametrize("sep", [" ", "-", " / "])
def test_routing_numbers_before_accounts_under_an_opaque_name_are_accounts(sep: str) -> None:
    r = random.Random(61)
    values = [f"{_aba(r)}{sep}{_rand(r, r.randint(8, 12))}" for _ in range(300)]
    verdict = classify_column("c5", values)
    assert verdict.info_type == "BANK_ACCOUNT"
    assert verdict.confidence < 0.8  # the routing check alone: a verdict at low confidence
    said = " ".join(verdict.evidence)
    assert not any(v[:9] in said or v[-8:] in said for v in values)  # statistics, never values


def test_routing_and_account_pairs_under_an_account_name_are_surer() -> None:
    r = random.Random(60)
    values = [f"{_aba(r)} {_rand(r, r.randint(6, 14))}" for _ in range(300)]
    assert classify_column("c5", values).confidence < classify_column("ach_account", values).confidence


def test_a_sparse_column_of_routing_and_account_pairs_is_read_too() -> None:
    r = random.Random(62)
    values = [None if r.random() < 0.9 else f"{_aba(r)} {_rand(r, r.randint(6, 14))}" for _ in range(300)]
    assert _type("f3", values) == "BANK_ACCOUNT"


def test_routing_numbers_alone_are_not_accounts() -> None:  # control: a routing number names a bank
    r = random.Random(63)
    assert _type("c5", [_aba(r) for _ in range(300)]) != "BANK_ACCOUNT"


def test_nine_drawn_digits_before_a_number_are_not_accounts() -> None:  # control: one in twenty pass the check
    r = random.Random(64)
    assert _type("c5", [f"{_rand(r, 9)} {_rand(r, r.randint(8, 12))}" for _ in range(300)]) != "BANK_ACCOUNT"


# ---------------------------------------------------------------- several banks' templates in one column


def _bri(r: random.Random) -> str:
    return f"{_rand(r, 4)}-{r.choice(['01', '02'])}-{_rand(r, 6)}-{r.choice(['50', '53'])}-{_rand(r, 1)}"


def _mandiri(r: random.Random) -> str:
    return f"{r.randint(100, 199)}-00-{_rand(r, 7)}-{_rand(r, 1)}"


def test_accounts_of_two_banks_templates_in_one_column_are_accounts() -> None:
    r = random.Random(67)
    values = [_bri(r) if i % 2 else _mandiri(r) for i in range(300)]
    verdict = classify_column("q7", values)
    assert verdict.info_type == "BANK_ACCOUNT"
    assert verdict.confidence < 0.8


def test_an_account_template_beside_isbns_is_not_enough() -> None:  # control: the ISBN template is refuted
    from stdnum import ean

    r = random.Random(68)
    values = []
    for i in range(300):
        if i % 2:
            values.append(_bri(r))
        else:
            d = "978" + _rand(r, 9)
            d += ean.calc_check_digit(d)
            values.append(f"{d[:3]}-{d[3]}-{d[4:8]}-{d[8:12]}-{d[12]}")
    assert _type("q7", values) != "BANK_ACCOUNT"


def test_dates_beside_year_led_invoices_are_not_accounts() -> None:  # control: both templates refuted
    r = random.Random(69)
    values = [f"{r.randint(2019, 2026)}-{_rand(r, 6)}-{_rand(r, 2)}" if i % 2 else
              f"{r.randint(1, 28):02d}-{r.randint(1, 12):02d}-{r.randint(2019, 2026)}" for i in range(300)]
    assert _type("q7", values) != "BANK_ACCOUNT"


# ---------------------------------------------------------------- names


@pytest.mark.parametrize("name", [
    "checking_account", "savings_account", "beneficiary_account", "payee_account", "payout_account",
    "direct_deposit", "acc_no", "benAcNo", "AC_NUM", "cbu", "nroCbu", "nuban", "NUBAN", "nro_cta", "ctaBancaria",
    "dados_bancarios", "no_rek", "norek", "so_tai_khoan", "khata_sankhya", "mispar_heshbon", "מספר_חשבון",
    "no_akaun", "nombor_akaun", "namba_ya_akaunti", "खाता_संख्या", "เลขที่บัญชี",
])
def test_names_of_accounts_in_countries_without_iban_hint_an_account(name: str) -> None:
    assert hint_score(name)[0][0] == "BANK_ACCOUNT"


@pytest.mark.parametrize("name", ["nbn", "nrk", "checking_status", "savings_rate", "deposit_amount",
                                  "tai_khoan_dang_nhap", "ac_unit", "cta", "heshbonit", "cbu_count",
                                  "akaun", "akaun_pengguna", "บัญชีผู้ใช้"])
def test_names_sharing_a_word_or_a_skeleton_with_those_hints_are_no_account_hint(name: str) -> None:  # control
    assert "BANK_ACCOUNT" not in dict(hint_score(name))


def test_checking_accounts_stored_as_integers_under_their_name_are_accounts() -> None:
    r = random.Random(70)
    assert _type("checking_account", [r.randint(10**7, 10**12 - 1) for _ in range(300)]) == "BANK_ACCOUNT"


# ---------------------------------------------------------------- undelimited digits under a key's name


@pytest.mark.parametrize("name", ["operation_id", "trace_id", "txnRef"])
def test_long_drawn_digits_under_a_key_name_are_not_read_as_bbans(name: str) -> None:
    r = random.Random(71)
    assert _type(name, [str(r.randint(1, 9)) + _rand(r, 21) for _ in range(300)]) != "BANK_ACCOUNT"


@pytest.mark.parametrize("name", ["c9", "cbu_id"])
def test_the_same_digits_unnamed_or_under_an_account_name_are_still_accounts(name: str) -> None:  # control
    r = random.Random(71)
    assert _type(name, [str(r.randint(1, 9)) + _rand(r, 21) for _ in range(300)]) == "BANK_ACCOUNT"
