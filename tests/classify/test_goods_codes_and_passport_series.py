"""Passport-shaped codes of goods and records under their own names, and a passport's series in its own column
(issue 15).

Two letters and seven drawn digits are a passport's template (Italy, Greece: ``YA1234567``) and, as often, a SKU's,
a parcel's or an order's. From the values alone the column statistic reads PASSPORT at low confidence; under a
name that says the codes are goods' or business records' (``sku``, ``item_code``, ``numero_envio``) that reading
is a guess below ``min_confidence``: the column is untyped and the fail-closed default still masks it
(:func:`maskline.classify.document_numbers.names_goods_code`). Controls: the same codes under an opaque name and
under a passport name keep their PASSPORT reading; booking references, invoice ids and ABA routing numbers under
their names are not typed PASSPORT.

A passport's series kept in a column of its own (the data models of the former Soviet states: ``passport_series``
``4506``, ``passport_seria`` ``AC``, ``серия_паспорта`` ``МР``) is too short for any number's reading; under a
passport name with a series word it reads PASSPORT (the ``passport-series`` detector). Controls: the same values
under ``series`` or ``serial_no``, and dates under ``passport_series``, are not typed PASSPORT.

Values are drawn here by seeded generators from pools written for this file.
"""

from __future__ import annotations

import random
import string

import pandas as pd
import pytest
from stdnum.us import rtn

from maskline.classify import classify
from maskline.classify.decision import decide_unnamed
from maskline.classify.document_numbers import GOODS_STRENGTH
from maskline.classify.result import ColumnClassification
from maskline.policy import load_policy

N = 50
PRODUCTS = ["kettle", "lamp", "chair", "desk", "mug", "rug", "stool", "shelf", "clock", "vase"]
PEOPLE = ["Ivan Petrov", "Olga Smirnova", "Aziz Karimov", "Dilnoza Yusupova", "Timur Akhmetov", "Nadia Bondar"]


def _passport_shaped(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_uppercase, k=2)) + str(rng.randint(10**6, 10**7 - 1))


def _frame(seed: int, name: str, make) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({
        "product": [rng.choice(PRODUCTS) for _ in range(N)],
        name: [make(rng) for _ in range(N)],
        "qty": [rng.randint(1, 9) for _ in range(N)],
    })


def _column(frame: pd.DataFrame, name: str) -> ColumnClassification:
    return next(c for c in classify(frame).columns if c.name == name)


@pytest.mark.parametrize("name", ["sku", "item_code", "numero_envio", "tracking_no", "order_ref"])
@pytest.mark.parametrize("seed", [3, 17])
def test_passport_shaped_codes_under_a_name_of_goods_are_no_passports(name: str, seed: int) -> None:
    column = _column(_frame(seed, name, _passport_shaped), name)
    assert column.info_type is None, column.evidence
    assert any("document-number-series" in e for e in column.evidence)  # the guess is named, not dropped
    # Untyped, not proven safe: the fail-closed default still masks the column as uncertain.
    assert decide_unnamed(load_policy({}), name, column).method is not None


@pytest.mark.parametrize("name", ["c3", "passport_no"])
def test_the_same_codes_under_an_opaque_or_a_passport_name_stay_passports(name: str) -> None:
    column = _column(_frame(3, name, _passport_shaped), name)
    assert column.info_type == "PASSPORT", column.evidence
    assert column.confidence > GOODS_STRENGTH


def _pnr(rng: random.Random) -> str:
    return "".join(rng.choices("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=6))


def _invoice(rng: random.Random) -> str:
    return f"INV{rng.randint(0, 999999):06d}"


def _routing(rng: random.Random) -> str:
    while True:
        head = str(rng.randint(10**7, 10**8 - 1))
        for c in string.digits:
            if rtn.is_valid(head + c):
                return head + c


@pytest.mark.parametrize(("name", "make"), [("booking_ref", _pnr), ("invoice_no", _invoice),
                                            ("routing_number", _routing)], ids=["pnr", "invoice", "aba"])
def test_record_references_are_no_passports(name: str, make) -> None:
    assert _column(_frame(5, name, make), name).info_type != "PASSPORT"


def _people(seed: int, name: str, make) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({
        "full_name": [rng.choice(PEOPLE) for _ in range(12)],
        name: [make(rng) for _ in range(12)],
        "passport_number": [f"{rng.randint(0, 999999):06d}" for _ in range(12)],
    })


def _four_digits(rng: random.Random) -> int:
    return rng.randint(10, 99) * 100 + rng.randint(0, 25)


def _spaced(rng: random.Random) -> str:
    return f"{rng.randint(10, 99)} {rng.randint(0, 25):02d}"


def _latin(rng: random.Random) -> str:
    return rng.choice(["AA", "AB", "AC", "AD"])


def _cyrillic(rng: random.Random) -> str:
    return rng.choice(["МР", "МС", "КН", "АВ"])


@pytest.mark.parametrize(("name", "make"), [("passport_series", _four_digits), ("seriya_pasporta", _spaced),
                                            ("passport_seria", _latin), ("серия_паспорта", _cyrillic)],
                         ids=["ru-int", "ru-spaced", "uz-letters", "by-cyrillic"])
@pytest.mark.parametrize("seed", [2, 9])
def test_a_passport_series_in_its_own_column_is_a_passport(name: str, make, seed: int) -> None:
    column = _column(_people(seed, name, make), name)
    assert column.info_type == "PASSPORT", column.evidence
    assert decide_unnamed(load_policy({}), name, column).method is not None


@pytest.mark.parametrize(("name", "make"), [("series", _latin), ("serial_no", _four_digits),
                                            ("passport_series", lambda r: f"20{r.randint(10, 24)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}")],
                         ids=["series-alone", "serial", "dates"])
def test_short_codes_without_a_passport_series_name_are_no_passports(name: str, make) -> None:
    assert _column(_people(2, name, make), name).info_type != "PASSPORT"
