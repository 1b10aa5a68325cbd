"""Dev-split tables of values shaped like addresses with a three-digit postal code that are not addresses, beside
addresses of a three-digit postal system (since the ``clsopn`` round).

The postal-address detector (:func:`maskline.infotypes.validators.postal_address`) read codes of four digits or
more only, so Icelandic or Faroese addresses (``Laugavegur 12, 101 Reykjavík``) were missed under opaque names.
Three digits are far more common than four outside addresses, so these tables hold what a reading of three-digit
codes could confuse, every column under an opaque name, written before the rule:

- box scores of teams named by their cities (``Denver 112, 108 Boston``): a number, a comma, three digits and a
  town;
- distance tables (``Lyon 12, 465 Paris``: a town, a stop, kilometres to a town);
- prices and room numbers (``Room 12, 120 EUR``, ``Invoice 84, 450 CHF``): a currency after three digits;
- capacities (``Model 5, 128 GB``, ``Pack 12, 750 ML``): a unit after three digits;
- flight and seat counts (``LH 123, 180 seats``) and area codes with a town (``Zone 4, 212 New York``);
- controls, STREET_ADDRESS: Icelandic addresses in their own order (street, number, code, town) from mimesis's
  ``is`` street names and towns, some sparse. Iceland is not a test-split locale.

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(:data:`SEED_OFFSET`), so the tables before them stay as they were.

>>> cols = three_digit_code_tables(7, rows=30)
>>> len(cols), len({c.table for c in cols}), {c.label for c in cols} == {None, "STREET_ADDRESS"}
(32, 4, True)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 83  # its own generator (47-79 are other modules'): the tables before it stay as they were
TABLES = 4
LOCALES = ("en", "de", "fr", "es")  # the look-alikes' towns; none is a test-split locale
OPAQUE = ("c{i}", "v{i:02d}", "col{i}", "fld_{i}", "x{i}", "attr{i}", "n{i}", "f{i}")
CURRENCIES = ("EUR", "CHF", "USD", "GBP", "SEK", "ISK")
UNITS = ("GB", "ML", "MB", "Watt", "Lumen", "PS", "KG")
LABELS = ("Room", "Invoice", "Order", "Table", "Seat", "Desk")
MODELS = ("Model", "Pack", "Series", "Type", "Size")

Make = Callable[[random.Random], Any]


def _kinds(towns: list[str], rng: random.Random) -> list[tuple[str | None, Make]]:
    def scores(r: random.Random) -> str:
        a, b = r.sample(towns, 2)
        return f"{a} {r.randint(80, 140)}, {r.randint(80, 140)} {b}"

    def distances(r: random.Random) -> str:
        a, b = r.sample(towns, 2)
        return f"{a} {r.randint(1, 40)}, {r.randint(100, 990)} {b}"

    def prices(r: random.Random) -> str:
        return f"{r.choice(LABELS)} {r.randint(1, 450)}, {r.randint(100, 999)} {r.choice(CURRENCIES)}"

    def capacities(r: random.Random) -> str:
        return f"{r.choice(MODELS)} {r.randint(1, 20)}, {r.choice([128, 256, 512, 500, 750, 250])} {r.choice(UNITS)}"

    def flights(r: random.Random) -> str:
        return f"{r.choice(['LH', 'BA', 'AF', 'IB', 'FI'])} {r.randint(100, 999)}, {r.randint(100, 350)} seats"

    def zones(r: random.Random) -> str:
        return f"Zone {r.randint(1, 9)}, {r.randint(200, 989)} {r.choice(towns)}"

    return [(None, scores), (None, distances), (None, prices), (None, capacities), (None, flights), (None, zones)]


def _icelandic_addresses(rng: random.Random) -> Make:
    from mimesis import Generic
    from mimesis.locales import Locale

    g = Generic(locale=Locale("is"), seed=rng.randint(0, 2**31))
    streets = [g.address.street_name() for _ in range(400)]
    towns = [g.address.city() for _ in range(60)]

    def make(r: random.Random) -> str:
        sep = ", " if r.random() < 0.8 else "\n"
        return f"{r.choice(streets)} {r.randint(1, 120)}{sep}{r.randint(100, 902)} {r.choice(towns)}"
    return make


def three_digit_code_tables(seed: int, rows: int) -> list[Column]:
    """Four tables of eight columns: six kinds of look-alikes and two columns of Icelandic addresses, one in three
    sparse (70-95% empty)."""
    from mimesis import Generic
    from mimesis.locales import Locale

    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for t, locale in enumerate(LOCALES):
        g = Generic(locale=Locale(locale), seed=rng.randint(0, 2**31))
        towns = sorted({g.address.city() for _ in range(200)})
        makes = _kinds(towns, rng) + [("STREET_ADDRESS", _icelandic_addresses(rng)) for _ in range(2)]
        rng.shuffle(makes)
        used: set[str] = set()
        for i, (label, make) in enumerate(makes):
            name = rng.choice(OPAQUE).format(i=i + 1)
            while name in used:
                name += "_2"
            used.add(name)
            values: list[Any] = [make(rng) for _ in range(rows)]
            if rng.random() < 1 / 3:
                empty = rng.uniform(0.7, 0.95)
                values = [None if rng.random() < empty else v for v in values]
            columns.append(Column(f"d3{t:02d}_{locale}", name, label, "opaque", values))
    return columns
