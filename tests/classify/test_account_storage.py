"""Bank accounts of Sweden, Brazil, Australia and Mexico's CLABE stored as integers, read from their values alone, and
accounts as exports store them (integers, floats, under the words of the locales) read from their names (issue 15).

Accounts are drawn by the dev split's generators (benchmarks/classification/dev_account_storage.py, which restate
each published rule apart from the validators), with seeds of this file's own. Look-alikes that must not pass: SSCCs
and EANs stored as integers, phone numbers as integers, amounts, member ids of nine digits, random digits in the
accounts' own written forms (which pass the checks only by chance).
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from benchmarks.classification import dev_account_storage as dev
from maskline.classify import classify, classify_column
from maskline.infotypes.binomial import tail_at_least
from maskline.infotypes.national_accounts import BSB_CHANCE, bsb_account, national_account_country


def _draw(make: dev.Make, seed: int, n: int = 60) -> list:  # type: ignore[type-arg]
    r = random.Random(seed)
    return [make(None, r, "en") for _ in range(n)]


@pytest.mark.parametrize("make, country", [
    (dev._bankgiro, "SE"), (dev._plusgiro, "SE"), (dev._se_clearing_account, "SE"), (dev._br_account, "BR"),
    (dev._clabe_int, "MX"),
])
def test_each_new_format_passes_its_rule_and_one_digit_off_fails(make: dev.Make, country: str) -> None:
    # Plusgiro numbers count only in their pairs (bare, 718-7 is a LOINC code): the bare ones are left out here.
    values = [str(v) for v in _draw(make, 301 + len(country)) if make is not dev._plusgiro or " " in str(v)]
    assert all(national_account_country(v) == country for v in values)
    # One digit changed (the second, so the bank's code and the check character stay) fails in most values.
    changed = [v[0] + str((int(v[1]) + 1) % 10) + v[2:] for v in values if v[1].isdigit()]
    assert sum(national_account_country(v) == country for v in changed) <= 0.2 * len(changed)


def test_published_examples() -> None:
    # Banco do Brasil's head office agência 0001-9; a CLABE of the banks' pages with its leading zero lost.
    assert national_account_country("0001-9 00012345-5") == "BR"  # 5*2 + 4*3 + 3*4 + 2*5 + 1*6 = 50: 11 - 6 = 5
    assert national_account_country("0001-8 00012345-5") is None
    assert national_account_country("32180000118359719") == "MX"
    assert national_account_country("32180000118359718") is None
    assert bsb_account("062-000 12345678") and not bsb_account("992-000 12345678")


@pytest.mark.parametrize("make", [dev._bankgiro, dev._se_clearing_account, dev._br_account, dev._clabe_int,
                                  dev._au_account])
def test_new_accounts_are_accounts_by_their_values_under_an_opaque_name(make: dev.Make) -> None:
    values = _draw(make, 17)
    verdict = classify_column("c7", values)
    assert verdict.info_type == "BANK_ACCOUNT"
    said = " ".join(verdict.evidence)
    assert not any(str(v) in said for v in values)  # statistics, never values


def _shaped(template: str, seed: int, n: int = 60) -> list[str]:
    r = random.Random(seed)
    return ["".join(str(r.randint(0, 9)) if c == "#" else c for c in template) for _ in range(n)]


def _confirmed(values: list) -> set[str]:  # type: ignore[type-arg]
    """The detectors whose validated share decided the column (``values:<detector> ...`` evidence)."""
    return {e.split()[0].removeprefix("values:") for e in classify_column("c7", values).evidence
            if e.startswith("values:")}


@pytest.mark.parametrize("values", [
    _shaped("####-####", 1), _shaped("## ## ##-#", 2), [int(v) for v in _shaped("1################", 6)],
    [int(v) for v in _shaped("2###############", 7)],
    # LOINC codes (a mod-10 check digit after a dash, as bare Plusgiro numbers are written).
    ["718-7", "2345-7", "2160-0", "6690-2", "1742-6", "2823-3", "2951-2", "17861-6", "4548-4", "2093-3", "2571-8",
     "1920-8", "6768-6", "1975-2", "2885-2", "3094-0", "2028-9", "777-3", "789-8", "785-6"] * 3,
], ids=["bankgiro-shaped", "plusgiro-shaped", "17-digit-ints", "16-digit-ints", "loinc-codes"])
def test_random_digits_in_the_giro_forms_or_as_integers_are_no_accounts(values: list) -> None:  # type: ignore[type-arg]
    assert classify_column("c7", values).info_type != "BANK_ACCOUNT"


@pytest.mark.parametrize("values", [
    _shaped("####-#######", 3), _shaped("#### ## ### ##", 4), _shaped("####-# #####-#", 5),
    _shaped("###-### ########", 6),
], ids=["clearing-shaped", "clearing-grouped", "agencia-shaped", "bsb-shaped"])
def test_random_digits_in_grouped_account_forms_are_not_proved_by_the_new_checks(values: list) -> None:  # type: ignore[type-arg]
    # Grouped digits of one template are read as accounts by the structure rule (account_groups, by design: test
    # data's accounts are drawn); the check digits and the BSB structure must not be what confirms them.
    assert not _confirmed(values) & {"national-check-digits", "bsb-and-account"}


@pytest.mark.parametrize("make", [dev._sscc_int, dev._ean_int, dev._member_id, dev._order_int, dev._amount_float,
                                  dev._phone_int("MX"), dev._phone_int("AU"), dev._bsb_only])
def test_look_alikes_stored_as_numbers_are_no_accounts(make: dev.Make) -> None:
    values = _draw(make, 23)
    assert classify_column("c7", values).info_type != "BANK_ACCOUNT"
    assert classify_column("c7", [str(v) for v in values]).info_type != "BANK_ACCOUNT"


def test_a_structure_counts_only_with_a_share_chance_cannot_explain() -> None:
    # Random BSB-shaped values pass the structure at BSB_CHANCE (about one in thirteen): a column where a share
    # passes that the chance explains is not proved by the BSB detector, one where nearly all pass is.
    r = random.Random(8)
    drawn = _shaped("###-### ########", 9, 60)
    assert sum(bsb_account(v) for v in drawn) <= 3 * BSB_CHANCE * len(drawn)
    assert tail_at_least(sum(bsb_account(v) for v in drawn), len(drawn), BSB_CHANCE) > 0.001
    assert "bsb-and-account" not in _confirmed(drawn)
    accounts = [dev._au_account(None, r, "en") for _ in range(60)]
    assert "bsb-and-account" in _confirmed(accounts)


@pytest.mark.parametrize("name", ["Kontonummer", "numéro de compte", "cuenta", "conto", "rekeningnummer", "счёт",
                                  "账号", "口座番号", "계좌번호", "konto", "hesap no", "acct", "acc_no", "A/C No",
                                  "kto", "bankgiro", "cta_clabe"])
@pytest.mark.parametrize("stored", ["int64", "float64", "scientific"])
def test_accounts_stored_as_numbers_under_the_locales_account_words(name: str, stored: str) -> None:
    r = random.Random(31)
    if stored == "int64":
        values: list = [r.randint(10**7, 10**10 - 1) for _ in range(60)]  # type: ignore[type-arg]
    elif stored == "float64":
        values = [float(r.randint(10**7, 10**10 - 1)) for _ in range(59)] + [None]  # 1234567890.0
    else:
        values = [float(dev._clabe_digits(r)) for _ in range(60)]  # digits lost: 3.2180000118359718e+16
    info_type, *_ = _decided(pd.DataFrame({name: values, "amount": [r.uniform(1, 999) for _ in range(60)]}), name)
    assert info_type == "BANK_ACCOUNT"


def _decided(frame: pd.DataFrame, name: str) -> tuple[str | None]:
    column = next(c for c in classify(frame).columns if c.name == name)
    return (column.info_type,)


@pytest.mark.parametrize("name", ["hesap no", "A/C No", "kto", "bankgiro", "cta_clabe", "hesap numarası"])
def test_the_new_account_words_name_an_account(name: str) -> None:
    from maskline.infotypes.name_hints import hint_score

    assert hint_score(name)[0][0] == "BANK_ACCOUNT"


@pytest.mark.parametrize("value", ["de89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00",
                                   "de89370400440532013000"])
def test_ibans_in_lower_case_or_spaced_every_four(value: str) -> None:
    r = random.Random(5)
    values = [dev._iban("DE")(None, r, "de") for _ in range(40)] + [value]
    assert classify_column("c7", values).info_type == "IBAN"
