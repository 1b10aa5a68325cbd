"""Domestic bank accounts of the national formats in maskline/infotypes/national_accounts.py, read from their values
alone (an opaque column name), and the look-alikes that must not pass.

Each format's accounts are drawn by the dev split's generators (benchmarks/classification/dev_national_accounts.py,
which restate each published rule apart from the validators, so a wrong rule on either side shows here), with a
seed of this file's own. The chance that random values of a format's written form pass its rule is measured on
drawn digits and held to what the format states, and every length's formats together to the detector's chance.
"""

from __future__ import annotations

import random
import re

import pytest

from benchmarks.classification import dev_national_accounts as dev
from maskline.classify import classify_column
from maskline.infotypes.detectors import detectors_for
from maskline.infotypes.national_accounts import FORMATS, national_account_country
from maskline.infotypes.validators import bank_account_checked, bank_account_structure

ACCOUNTS = {
    "MX": dev._clabe, "PL": dev._nrb, "RS": dev._rs_account, "ME": dev._me_account, "MK": dev._mk_account,
    "BA": dev._ba_account, "SI": dev._si_account, "TN": dev._tn_rib, "IT": dev._it_account, "SK": dev._sk_account,
    "FI": dev._fi_account, "IS": dev._is_account, "RU": dev._ru_account, "CA": dev._ca_account, "JP": dev._jp_account,
}
STRUCTURE = ("RU", "CA", "JP")  # no check digit: a structure a registry fixes


def _draw(make: dev.Make, seed: int, n: int = 200) -> list:  # type: ignore[type-arg]
    r = random.Random(seed)
    return [make(None, r, "en") for _ in range(n)]


@pytest.mark.parametrize("country", sorted(ACCOUNTS))
def test_each_national_format_is_an_account_by_its_values_alone(country: str) -> None:
    values = _draw(ACCOUNTS[country], 270 + len(country) + ord(country[0]))
    structure = country in STRUCTURE
    passing = sum((bank_account_structure if structure else bank_account_checked)(str(v)) for v in values)
    # Macedonian and Bosnian accounts count only in their written groups (bare, they are E.164 and card lengths).
    assert passing >= (0.5 if country in ("MK", "BA") else 1.0) * len(values)
    verdict = classify_column("c4", values)
    assert verdict.info_type == "BANK_ACCOUNT"
    # The check digits' verdict is above the structure rules' 0.75; a structure without a check digit is one of them.
    # Columns where only the written values count (MK, BA: a share stored bare) are surer than the structure rules.
    assert verdict.confidence >= (0.75 if structure or country in ("MK", "BA") else 0.85)
    said = " ".join(verdict.evidence)
    assert not any(str(v) in said for v in values)  # statistics, never values


@pytest.mark.parametrize("value, country", [
    ("032180000118359719", "MX"), ("61 1090 1014 0000 0712 1981 2874", "PL"), ("260-0056010016113-79", "RS"),
    ("505-0000123456789-51", "RS"), ("250-1200000589-84", "MK"), ("129-007-94010284-94", "BA"),
    ("26330-0012039086", "SI"), ("10 006 0351835984788 31", "TN"), ("X0542811101000000123456", "IT"),
    ("19-5001234565/0900", "SK"), ("123456-785", "FI"), ("40817 810 0 9999 1234567", "RU"),
    ("12345-003-1234567", "CA"), ("0005-123-1-1234567", "JP"),
])
def test_published_examples_pass_and_one_digit_off_fails(value: str, country: str) -> None:
    # The examples of the IBAN registry (RS, ME, MK, BA, SI, TN, IT, PL, FI) and of the banks' own pages (CLABE).
    assert national_account_country(value) == country
    if country not in ("RU", "CA", "JP"):  # the structure formats carry no check digit
        last = value[-1]
        assert national_account_country(value[:-1] + str((int(last) + 1) % 10)) != country


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.country)
def test_random_values_of_each_written_form_pass_no_more_than_the_stated_chance(fmt: object) -> None:
    # Random digits (and, for Italy, a random letter) in the format's own written form, drawn per place.
    r = random.Random(11)
    samples = {
        "MX": ("##################", "#################", "################"),
        "PL": ("## #### #### #### #### #### ####",), "RS": ("###-#############-##",),
        "MK": ("###-##########-##",), "BA": ("###-###-########-##",), "SI": ("#####-##########",),
        "TN": ("####################",), "IT": ("@#####-#####-############",), "SK": ("##########/####",),
        "FI": ("######-######",), "IS": ("######################",), "RU": ("####################",),
        "CA": ("#####-###-#######",), "JP": ("####-###-#######",),
        # Bankgiro, Plusgiro (grouped and bare), a clearing number and account (dashed and grouped); agência-conta.
        "SE": ("####-####", "###-####", "## ## ##-#", "######-#", "####-#######", "#### ## ### ##"),
        "BR": ("####-# ########-#", "####-# #####-#"),
    }
    # The templates of the country that this format's written form takes (a country may have several formats).
    templates = [t for t in samples[fmt.country]  # type: ignore[attr-defined]
                 if re.fullmatch(fmt.form, t.replace("#", "1").replace("@", "A"))]  # type: ignore[attr-defined]
    assert templates
    n = 20000
    for template in templates:
        passed = 0
        for _ in range(n):
            v = "".join(str(r.randint(0, 9)) if c == "#" else r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if c == "@"
                        else c for c in template)
            passed += national_account_country(v) == fmt.country  # type: ignore[attr-defined]
        assert passed / n <= fmt.chance * 1.5 + 0.002, template  # type: ignore[attr-defined]


def test_every_length_of_bare_digits_passes_the_detector_no_more_than_its_chance() -> None:
    # The detector tests a column's validated share against one chance: every format of a length together (with the
    # older checks of validators.bank_account_checked) must stay within it, or drawn numbers would pass as accounts.
    detector = next(d for d in detectors_for("BANK_ACCOUNT") if d.name == "national-check-digits")
    r = random.Random(12)
    for length in range(8, 27):
        n = 5000
        passed = sum(bank_account_checked(str(r.randint(10 ** (length - 1), 10 ** length - 1))) for _ in range(n))
        assert passed / n <= detector.chance, length


def test_the_detector_pattern_takes_every_written_form() -> None:
    detector = next(d for d in detectors_for("BANK_ACCOUNT") if d.name == "national-check-digits")
    pattern = re.compile(detector.anchored)
    for country, make in ACCOUNTS.items():
        for v in _draw(make, 5, 50):
            assert pattern.match(str(v)), (country, v)


@pytest.mark.parametrize("make", [
    dev._sscc, dev._faker("es_MX", "ean13"), dev._dated(18), dev._dated(20), dev._year_order, dev._amount,
    dev._invoice("FV/"), dev._drawn("######-####"), dev._drawn_int(16),
], ids=["sscc", "ean13", "dated18", "dated20", "order", "amount", "invoice", "fi-shaped", "int16"])
def test_look_alikes_are_not_accounts_by_their_values(make: dev.Make) -> None:
    values = _draw(make, 31)
    assert classify_column("c2", values).info_type != "BANK_ACCOUNT"


@pytest.mark.parametrize("region", ["MX", "RU", "JP", "CA", "IS"])
def test_phones_stored_as_integers_are_not_accounts(region: str) -> None:
    values = _draw(dev._phone_int(region), 41)
    assert classify_column("c3", values).info_type != "BANK_ACCOUNT"


def test_accounts_of_a_structure_counted_by_a_program_are_not_accounts() -> None:
    # 40817 810 and a counter: the structure holds in every value, but a bank's customers are not numbered 0, 1, 2.
    values = [f"40817810{i:012d}" for i in range(300)]
    assert all(bank_account_structure(v) for v in values)
    assert classify_column("c9", values).info_type != "BANK_ACCOUNT"


def test_drawn_digits_in_the_finnish_form_pass_luhn_by_chance_only() -> None:
    # 123456-785 holds 8 to 14 digits, the lengths of Norwegian and Belgian accounts: the Finnish form is judged by
    # Luhn alone, so drawn digits in it pass about one time in twelve, not one in ten plus one in eleven.
    values = [str(v) for v in _draw(dev._drawn("######-#####"), 8, 5000)]
    assert sum(bank_account_checked(v) for v in values) / len(values) < 0.1
