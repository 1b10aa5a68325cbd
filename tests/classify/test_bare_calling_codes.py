"""Phones written internationally without their ``+`` (the ``extcsv43`` round, issue 15), cards in the shapes that
round measured, and the look-alikes of both.

A calling code as the first group (``33 1 42 68 53 00``), ``00`` with no separator (``0033612345678``) and toll-free
vanity letters (``1-888-495-HELP``) left their columns untyped: every phone reading wanted a ``+``, a trunk prefix
or a plan's fit against random twins, which a permissive plan (France, Germany) does not give.
:mod:`maskline.infotypes.bare_calling_codes` reads them by the plan's own grouping of a valid number, by one
calling code spread over its plan, or as a toll-free number. Numbers are drawn here from phonenumbers' plans with a
seeded generator; none comes from a split.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pandas as pd
import phonenumbers
import pytest

from maskline.classify import classify
from maskline.infotypes.bare_calling_codes import bare_calling_code, bare_calling_code_fit

ROWS = 40


def _number(region: str, prefix: str, length: int, rng: random.Random) -> phonenumbers.PhoneNumber:
    while True:
        nsn = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix)))
        num = phonenumbers.parse(nsn, region)
        if phonenumbers.is_valid_number_for_region(num, region):
            return num


def _intl(region: str, prefix: str, length: int, rng: random.Random) -> str:
    return phonenumbers.format_number(_number(region, prefix, length, rng),
                                      phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _e164(region: str, prefix: str, length: int, rng: random.Random) -> str:
    return phonenumbers.format_number(_number(region, prefix, length, rng), phonenumbers.PhoneNumberFormat.E164)


FORMS: dict[str, Callable[[random.Random], str]] = {
    "code_grouped_fr": lambda r: _intl("FR", r.choice(["6", "7", "1"]), 9, r)[1:],
    "code_grouped_de": lambda r: _intl("DE", r.choice(["151", "160", "171"]), 11, r)[1:],
    "code_grouped_00_de": lambda r: "00" + _intl("DE", "30", 10, r)[1:],
    "unspaced_00_fr": lambda r: "00" + _e164("FR", r.choice(["6", "7"]), 9, r)[1:],
    "unspaced_00_pl": lambda r: "00" + _e164("PL", r.choice(["5", "6", "7"]), 9, r)[1:],
    "vanity_toll_free": lambda r: f"1-{r.choice(['800', '888', '877'])}-{r.randint(200, 999)}-"
                                  f"{r.choice(['HELP', 'CARS', 'FOOD', 'LOAN', 'CASH', 'TAXI'])}",
}


def _typed(values: dict[str, list[Any]]) -> dict[str, str | None]:
    result = classify(pd.DataFrame(values), table="kontakte")
    return {c.name: c.info_type for c in result.columns}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_phones_without_their_plus_are_phones_under_an_opaque_name(form: str) -> None:
    rng = random.Random(form)
    assert _typed({"c3": [FORMS[form](rng) for _ in range(ROWS)]})["c3"] == "PHONE", form


def _luhn(body: str) -> str:
    total = sum((lambda d: d - 9 if d > 9 else d)(int(c) * (2 if i % 2 == 0 else 1))
                for i, c in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


LOOKALIKES: dict[str, Callable[[random.Random], str]] = {
    "russian_passport": lambda r: f"{r.randint(10, 99)} {r.randint(0, 99):02d} {r.randint(100000, 999999)}",
    "imei_grouped": lambda r: (lambda s: f"{s[:2]} {s[2:8]} {s[8:14]} {s[14]}")(_luhn("35" + _digits(r, 12))),
    "ids_in_groups": lambda r: f"{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)} {r.randint(10, 99)}",
    "order_grouped": lambda r: f"{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}",
    "isbn_spaced": lambda r: f"978 {r.randint(0, 9)} {_digits(r, 4)} {_digits(r, 4)} {r.randint(0, 9)}",
    "padded_ids": lambda r: f"{r.randint(10 ** 10, 2 * 10 ** 10):013d}",
    "padded_counter": lambda r: f"{33_612_000_000 + r.randint(0, 900):013d}",
    "excel_lossy": lambda r: f"{int(_e164('DE', '151', 11, r)[1:]):.5E}",
    "product_letters": lambda r: f"{r.randint(100, 199)}-{r.choice(['ABC', 'XYZ', 'QRS'])}-{r.randint(1000, 9999)}",
    "gift_cards": lambda r: "-".join("".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(4))
                                     for _ in range(4)),
}


@pytest.mark.parametrize("kind", sorted(LOOKALIKES))
def test_lookalikes_of_phones_without_a_plus_are_not_phones(kind: str) -> None:
    rng = random.Random(kind)
    assert _typed({"c3": [LOOKALIKES[kind](rng) for _ in range(ROWS)]})["c3"] != "PHONE", kind


def test_the_grouping_must_be_the_plans_own() -> None:
    """The same valid Italian digits regrouped by another system's habit are not read: the grouping is the proof."""
    assert bare_calling_code("39 312 477 7566") == "+393124777566"
    assert bare_calling_code("39 3124 777 566") is None


def test_a_few_distinct_values_decide_nothing() -> None:
    """A column of eight vanity numbers repeated over many rows is too few distinct values for its form to decide."""
    words = ["FLOWERS", "GOFEDEX", "CALLATT", "PLUMBER", "HOTELS1", "TAXICAB", "BOOKNOW", "MOVERS1"]
    assert bare_calling_code_fit([f"1-800-{w}" for w in words] * 5) is None


def test_unspaced_numbers_must_share_one_calling_code() -> None:
    """Valid numbers of many codes behind ``00`` (any digits after 00 open some code) are no column of one plan."""
    rng = random.Random(4)
    regions = [("FR", "6", 9), ("PL", "5", 9), ("SE", "70", 9), ("IT", "31", 10), ("NL", "6", 9), ("BE", "47", 9)]
    values = ["00" + _e164(*regions[i % len(regions)], rng)[1:] for i in range(36)]
    assert bare_calling_code_fit(values) is None


def _group(s: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    return sep.join(out)


CARDS: dict[str, Callable[[random.Random], Any]] = {
    "amex_4_6_5": lambda r: _group(_luhn(r.choice(["34", "37"]) + _digits(r, 12)), (4, 6, 5)),
    "diners_4_6_4": lambda r: _group(_luhn("36" + _digits(r, 11)), (4, 6, 4), "-"),
    "visa_19_digits": lambda r: _luhn("4" + _digits(r, 17)),
    "card_integers": lambda r: int(_luhn("5" + str(r.randint(1, 5)) + _digits(r, 13))),
}


@pytest.mark.parametrize("form", sorted(CARDS))
def test_cards_in_grouped_long_and_numeric_shapes_beside_an_expiry_are_cards(form: str) -> None:
    rng = random.Random(form)
    expiry = [f"{rng.randint(1, 12):02d}/{rng.randint(25, 31)}" for _ in range(ROWS)]
    cvv = [f"{rng.randint(0, 999):03d}" for _ in range(ROWS)]
    typed = _typed({"c3": [CARDS[form](rng) for _ in range(ROWS)], "c4": expiry, "c5": cvv})
    assert typed["c3"] == "CREDIT_CARD", form
    assert typed["c4"] is None and typed["c5"] is None


@pytest.mark.parametrize("mask", ["{h} **** **** {t}", "XXXX-{t}"])
def test_cards_masked_by_their_source_are_not_cards(mask: str) -> None:
    """A PAN truncated to its first four or six and last four digits is no cardholder data (PCI DSS)."""
    rng = random.Random(mask)
    values = [(lambda s: mask.format(h=s[:4], t=s[-4:]))(_luhn("4" + _digits(rng, 14))) for _ in range(ROWS)]
    assert _typed({"c3": values})["c3"] != "CREDIT_CARD"
