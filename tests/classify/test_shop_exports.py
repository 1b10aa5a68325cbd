"""Two classes of error on the exports of shops, CRMs and apps the project never generated (the ``extcsv3``
probe, issue 15).

1. A number a spreadsheet was told to keep as text: Shopify's customer and order exports write a postal code as
   ``'0183`` and a phone as ``'+92 324 6074596``, so that Excel keeps the leading zero. The detectors read the
   apostrophe as part of the value and found no postal code or phone; they now read such a number without its
   mark (:mod:`maskline.classify.text_marks`). What the fail-closed decision reads of an untyped column (its
   shape) stays the values as written, which the query path's shape guard sees.
2. Values with a number beside one of Faker's street words that are no address: an order line with its price
   (``1x Sourdough Loaf ($12)``) and a code welded with a hyphen (``AV-400``)
   (:mod:`maskline.infotypes.street_lookalikes`).

Controls: apostrophes before words, marked ids that are no phone, street addresses with units, suites and
prices elsewhere in the table. Values are drawn by seeded generators; none comes from the probe's files or the
benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy

# US area codes in service and the exchanges of a few (NANP: an exchange never opens with 0 or 1).
AREAS = ("212", "312", "415", "617", "206", "303", "404", "512", "602", "713", "801", "919")
STREETS = ("Maple", "Oak", "Cedar", "Washington", "Lincoln", "Park", "Hill", "Lake", "Sunset", "River")
SUFFIXES = ("Street", "St", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Boulevard", "Way")
# Things a shop sells whose names are also street words of Faker's lists (Loaf, Mill, Park, Point, Station ...).
GOODS = ("Sourdough Loaf", "Pepper Mill", "Park Bench", "Ball Point", "Charging Station", "Herb Garden",
         "Bird Bridge", "Garden Grove Candle", "Coffee Mill", "Rye Loaf", "Picnic Park Set", "Spring Water")
ADJECTIVES = ("Fresh", "Large", "Small", "Classic", "Organic", "Deluxe", "Mini", "Rustic")


def _marked(values: list[str]) -> list[str]:
    """As Shopify's exports write numbers for a spreadsheet: an apostrophe before each."""
    return [f"'{v}" for v in values]


def _zips(seed: int, n: int = 120) -> list[str]:
    rng = random.Random(seed)
    # Postal codes of five digits, a share opening with 0 (New England's), as US ZIP codes do.
    return [f"{rng.choice((rng.randint(1001, 9999), rng.randint(10001, 99950))):05d}" for _ in range(n)]


def _phones(seed: int, n: int = 120) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        area, exchange, line = rng.choice(AREAS), rng.randint(200, 989), rng.randint(0, 9999)
        out.append(rng.choice((f"+1{area}{exchange}{line:04d}", f"+1 {area} {exchange} {line:04d}",
                               f"({area}) {exchange}-{line:04d}")))
    return out


def _order_lines(seed: int, n: int = 80) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        items = [f"{rng.randint(1, 4)}x {rng.choice(ADJECTIVES)} {rng.choice(GOODS)} "
                 f"({rng.choice('$€£')}{rng.randint(3, 60)})" for _ in range(rng.choice((1, 1, 1, 2)))]
        out.append("; ".join(items))
    return out


def _model_codes(seed: int, n: int = 40) -> list[str]:
    rng = random.Random(seed)
    series = rng.sample(["AV", "RD", "ST", "DR", "CT", "LN", "PL", "AVE"], 3)
    return [f"{rng.choice(series)}-{rng.choice((100, 200, 300, 400, 500, 650, 700, 900))}" for _ in range(n)]


def _addresses(seed: int, n: int = 120) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        street = f"{rng.randint(1, 9999)} {rng.choice(STREETS)} {rng.choice(SUFFIXES)}"
        out.append(rng.choice((street, street, f"{street}, Apt {rng.randint(1, 40)}",
                               f"{street} Suite {rng.randint(100, 900)}")))
    return out


@pytest.mark.parametrize("seed", [5, 1999, 424242])
@pytest.mark.parametrize("name", ["Billing Zip", "Shipping Zip", "Default Address Zip"])
def test_postal_codes_a_spreadsheet_marked_as_text_are_postal_codes(seed: int, name: str) -> None:
    verdict = classify_column(name, _marked(_zips(seed)))
    assert verdict.info_type == "POSTAL_CODE", verdict.evidence


@pytest.mark.parametrize("seed", [7, 31337])
@pytest.mark.parametrize("name", ["Default Address Phone", "Billing Phone", "Phone"])
def test_phones_a_spreadsheet_marked_as_text_are_phones(seed: int, name: str) -> None:
    verdict = classify_column(name, _marked(_phones(seed)))
    assert verdict.info_type == "PHONE", verdict.evidence


@pytest.mark.parametrize("seed", [5, 1999])
def test_marked_and_unmarked_postal_codes_read_alike(seed: int) -> None:
    # Control (passes on main too): the same codes without the mark were always postal codes.
    assert classify_column("Billing Zip", _zips(seed)).info_type == "POSTAL_CODE"


@pytest.mark.parametrize("seed", [2, 77])
def test_marked_ids_keep_their_shape_as_written_for_the_decision(seed: int) -> None:
    # Control: Shopify's customer ids are marked too. They are no phone, and the decision reads the values as
    # written (the shape guard sees "'7985..."), so the column is masked as any unproven text is, as before.
    rng = random.Random(seed)
    ids = _marked([str(rng.randint(7_000_000_000_000, 7_999_999_999_999)) for _ in range(100)])
    verdict = classify_column("Customer ID", ids)
    assert verdict.info_type is None
    assert verdict.shape is not None and verdict.shape.kind != "numeric"
    assert decide_unnamed(load_policy({}), "Customer ID", verdict).method is not None


def test_an_apostrophe_before_words_is_text() -> None:
    # Control: Dutch names and decades keep their apostrophe; nothing of the column changes.
    rng = random.Random(9)
    names = [f"'t {rng.choice(('Hooft', 'Hart', 'Hoen', 'Jong', 'Lam'))} {rng.randint(1, 99)}" for _ in range(60)]
    assert classify_column("Lineitem name", names).info_type is None


@pytest.mark.parametrize("seed", [1, 808, 65535])
@pytest.mark.parametrize("name", ["Cart Order", "Lineitem name", "items"])
def test_order_lines_with_prices_are_not_street_addresses(seed: int, name: str) -> None:
    verdict = classify_column(name, _order_lines(seed))
    assert verdict.info_type != "STREET_ADDRESS", verdict.evidence


@pytest.mark.parametrize("seed", [3, 42, 2718])
def test_model_codes_welded_with_a_hyphen_are_not_street_addresses(seed: int) -> None:
    verdict = classify_column("model", _model_codes(seed))
    assert verdict.info_type != "STREET_ADDRESS", verdict.evidence


@pytest.mark.parametrize("seed", [4, 1234])
@pytest.mark.parametrize("name", ["Billing Address1", "address", "Street Address"])
def test_street_addresses_stay_street_addresses(seed: int, name: str) -> None:
    # Control (passes on main too): house numbers, street words, apartments and suites.
    assert classify_column(name, _addresses(seed)).info_type == "STREET_ADDRESS"


def test_addresses_with_a_delivery_price_beside_them_stay_addresses() -> None:
    # Control: a price elsewhere in the table says nothing of the address column; only a price inside a value does.
    assert classify_column("Shipping Street", _addresses(99)).info_type == "STREET_ADDRESS"
    assert classify_column("Shipping Address2", [f"Suite {n}" for n in range(100, 160)]).info_type \
        == "STREET_ADDRESS"


@pytest.mark.parametrize("seed", [6, 60])
@pytest.mark.parametrize("name", ["Total Spent", "Total Orders", "Refunded Amount"])
def test_marked_amounts_and_counts_stay_untyped(seed: int, name: str) -> None:
    # Control (passes on main too): a spreadsheet's mark before amounts and counts, read away, leaves numbers that
    # are no postal code or phone.
    rng = random.Random(seed)
    numbers = [f"{rng.randint(0, 2500)}.{rng.randint(0, 99):02d}" if "Orders" not in name else str(rng.randint(0, 40))
               for _ in range(100)]
    assert classify_column(name, _marked(numbers)).info_type is None
