"""Phones stored with more than the number in their cell: an extension, a second number, full-width punctuation,
upper-case scientific notation (the ``extcsv35`` round, issue 15), and the cells of the same punctuation that hold
no phone.

Every phone reading parsed one number per value, so a contact table's ``+86 10 1234 5678 内线 23``,
``06 12 34 56 78; 07 12 34 56 78`` or ``＋４９－１５１－２３４５６７８`` left its column untyped (masked only by the
fail-closed default). :mod:`maskline.infotypes.phone_cells` cuts the cell's first number out and the column's own
readings validate it; a look-alike must cut to nothing or fail those readings. Numbers are drawn here from
phonenumbers' plans with a seeded generator (:mod:`tests.classify.mobile_draws`); none comes from a split.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pandas as pd
import phonenumbers
import pytest

from maskline.classify import classify
from maskline.infotypes.phone_cells import phone_cell
from tests.classify.mobile_draws import mobiles

ROWS = 40
_FULL = str.maketrans("0123456789-()+ ", "０１２３４５６７８９－（）＋　")


def _international(region: str, rng: random.Random) -> str:
    nsn = mobiles(region, _prefixes(region), _length(region), 1, rng)[0]
    num = phonenumbers.parse(nsn, region)
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _national(region: str, rng: random.Random) -> str:
    nsn = mobiles(region, _prefixes(region), _length(region), 1, rng)[0]
    return phonenumbers.format_number(phonenumbers.parse(nsn, region), phonenumbers.PhoneNumberFormat.NATIONAL)


_PLANS = {"DE": (("151", "160", "171"), 11), "FR": (("6", "7"), 9), "CN": (("138", "139", "186"), 11),
          "RU": (("91", "92", "98"), 10), "BR": (("119",), 11), "JP": (("90", "80"), 10)}


def _prefixes(region: str) -> tuple[str, ...]:
    return _PLANS[region][0]


def _length(region: str) -> int:
    return _PLANS[region][1]


FORMS: dict[str, Callable[[random.Random], str]] = {
    "extension_word": lambda r: f"{_national('DE', r)} Durchwahl {r.randint(10, 999)}",
    "extension_ext": lambda r: f"{_national('FR', r)} ext. {r.randint(1, 99)}",
    "extension_hash": lambda r: f"{_national('BR', r)} #{r.randint(10, 99)}",
    "extension_cjk": lambda r: f"{_international('CN', r)} 内线 {r.randint(100, 999)}",
    "extension_russian": lambda r: f"{_international('RU', r)} доб. {r.randint(10, 999)}",
    "two_semicolon": lambda r: f"{_international('FR', r)}; {_international('FR', r)}",
    "two_slash": lambda r: f"{_national('DE', r)} / {_national('DE', r)}",
    "two_bar": lambda r: f"{_national('JP', r)} | {_national('JP', r)}",
    "fullwidth": lambda r: _international("DE", r).translate(_FULL),
    "fullwidth_national": lambda r: _national("JP", r).translate(_FULL),
    "scientific": lambda r: f"{int('49' + mobiles('DE', ('151',), 11, 1, r)[0]):.12E}",
}


def _typed(values: dict[str, list[Any]]) -> dict[str, str | None]:
    result = classify(pd.DataFrame(values), table="kunden")
    return {c.name: c.info_type for c in result.columns}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_phone_cells_are_phones_under_an_opaque_name(form: str) -> None:
    rng = random.Random(form)
    typed = _typed({"c3": [FORMS[form](rng) for _ in range(ROWS)]})
    assert typed["c3"] == "PHONE", form


def test_phone_cells_are_phones_in_a_sparse_column() -> None:
    rng = random.Random(5)
    values = [FORMS["extension_ext"](rng) if rng.random() < 0.2 else None for _ in range(150)]
    assert _typed({"kontakt": values})["kontakt"] == "PHONE"


def test_some_cells_with_an_extension_among_plain_numbers() -> None:
    rng = random.Random(6)
    values = [_national("FR", rng) + (f" poste {rng.randint(1, 99)}" if i % 2 else "") for i in range(ROWS)]
    assert _typed({"f4": values})["f4"] == "PHONE"


def _ident(rng: random.Random) -> str:
    return str(rng.randint(10_000_000, 99_999_999))


LOOKALIKES: dict[str, Callable[[random.Random], str]] = {
    "two_ids": lambda r: f"{_ident(r)}; {_ident(r)}",
    "two_ids_slash": lambda r: f"{_ident(r)} / {_ident(r)}",
    "order_line": lambda r: f"{_ident(r)} #{r.randint(1, 40)}",
    "year_serial": lambda r: f"2024/{r.randint(1, 999999):06d}",
    "date_range": lambda r: f"2024-0{r.randint(1, 4)}-1{r.randint(0, 9)} / 2024-0{r.randint(5, 9)}-1{r.randint(0, 9)}",
    "sku_times": lambda r: f"{_ident(r)} x {r.randint(1, 12)}",
    "postal_house": lambda r: f"{r.randint(10000, 99999)} / {r.randint(1, 200)}",
    "ms_pair": lambda r: f"{r.randint(1_500_000_000_000, 1_790_000_000_000)}, "
                         f"{r.randint(1_500_000_000_000, 1_790_000_000_000)}",
    "lossy_scientific": lambda r: f"{r.randint(10 ** 11, 10 ** 12):.5E}",
}


@pytest.mark.parametrize("kind", sorted(LOOKALIKES))
def test_lookalike_cells_are_not_phones(kind: str) -> None:
    rng = random.Random(kind)
    typed = _typed({"c3": [LOOKALIKES[kind](rng) for _ in range(ROWS)]})
    assert typed["c3"] != "PHONE", kind


def test_russian_passports_beside_phone_cells_stay_passports() -> None:
    rng = random.Random(9)
    passports = [f"{rng.randint(1, 99):02d} {rng.randint(0, 99):02d} {rng.randint(100000, 999999)}"
                 for _ in range(ROWS)]
    typed = _typed({"passport": passports, "c2": [FORMS["extension_russian"](rng) for _ in range(ROWS)]})
    assert typed == {"passport": "PASSPORT", "c2": "PHONE"}


@pytest.mark.parametrize(("cell", "number"), [
    ("+7 495 123-45-67 доб. 123", "+7 495 123-45-67"), ("030 1234567 Durchwahl 12", "030 1234567"),
    ("010-1234-5678 内线 23", "010-1234-5678"), ("(030) 1234567 #45", "(030) 1234567"),
    ("0612345678 / 0712345678", "0612345678"), ("+33 6 12 34 56 78 | +33 7 12 34 56 78", "+33 6 12 34 56 78"),
    ("＋４９－１５１－２３４５６７８", "+49-151-2345678"), ("4.915112345678E+12", "4915112345678"),
])
def test_a_cell_cut_to_its_first_number(cell: str, number: str) -> None:
    assert phone_cell(cell) == number


@pytest.mark.parametrize("cell", ["0612345678", "+49 151 2345678", "2024/01234", "12/05/1998", "4.91511E+12",
                                  "10115 / 12", "call me", "SO-123 #4"])
def test_cells_that_are_one_number_or_none_are_not_cut(cell: str) -> None:
    assert phone_cell(cell) is None
