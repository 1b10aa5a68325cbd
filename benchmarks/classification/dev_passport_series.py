"""Dev-split tables of passports numbered behind a fixed series letter, and the one-prefix codes that look like them.

Appended to :func:`benchmarks.classification.dev_split.build` since the ``clspass2`` round, after every other table
and from a generator of their own, so the tables before them stay as they were. One table per country of
:data:`COUNTRIES` (none of the test split's), each holding one passport column and every look-alike of
:data:`LOOKALIKES`, in an order shuffled per table. The values are drawn here, not by a locale's generator.

The passport templates are the issuers' published ones: Kazakhstan ``N`` and eight digits, India a letter of the
current series and seven digits, Indonesia ``A``/``B``/``C`` and seven, Malaysia ``A``/``H``/``K`` and eight,
Nigeria ``A`` and eight, the Philippines ``P``, seven digits and a letter; a bank's customers bring a few other
issuers' passports beside them. Their columns are named opaquely (``c4``), by an unusual document word
(``doc_no``, ``travel_id``, ``no_dokumen``) or, in Kazakh, as an official form would (``kuzhat_nomiri``, "document
number"). The look-alikes are business codes behind one letter: catalogue codes drawn from a catalogue (repeating
on order lines), article numbers from one block, accounting documents numbered by year and counter (``R2024…``,
under ``doc_no`` as ERP systems name them), zero-padded ticket counters, and two that values cannot tell from
passports: SKUs and loyalty numbers of one letter and eight random digits (labelled not sensitive; a classifier
should leave them unclassified at most).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column
from benchmarks.classification.dev_split import _PASSPORTS, OPAQUE, _digits, _shape

SEED_OFFSET = 61  # their own generator (53 is dev_domestic_accounts'): the tables before them stay as they were
_UP = string.ascii_uppercase

# country -> the passport template (its series letters, then drawn digits)
COUNTRIES: dict[str, Callable[[random.Random], str]] = {
    "kz": lambda r: "N" + _digits(r, 8),
    "in": lambda r: r.choice("UVW") + _digits(r, 7),
    "id": lambda r: r.choice("ABC") + _digits(r, 7),
    "my": lambda r: r.choice("AHK") + _digits(r, 8),
    "ng": lambda r: "A" + _digits(r, 8),
    "ph": lambda r: "P" + _digits(r, 7) + r.choice(_UP),
}
_PASSPORT_NAMES = ("doc_no", "document_number", "travel_id", "id_document", "doc_ref", "idDocNo")
_LOCAL_NAMES = {"kz": ("kuzhat_nomiri",), "id": ("no_dokumen", "nomor_dokumen"), "my": ("no_dokumen",)}


def _catalogue(r: random.Random) -> Callable[[random.Random], str]:
    """Codes drawn from a catalogue of a hundred articles: order lines repeat them."""
    items = ["P" + _digits(r, 8) for _ in range(100)]
    return lambda q: q.choice(items)


def _block(r: random.Random) -> Callable[[random.Random], str]:
    """Article numbers from one block of a number range (A4512000-A4519999)."""
    start = r.randint(1000, 9000) * 1000
    return lambda q: f"A{start + q.randint(0, 7999)}"


def _accounting(r: random.Random) -> Callable[[random.Random], str]:
    return lambda q: f"R{q.randint(2019, 2026)}{q.randint(1, 9999):04d}"


def _ticket(r: random.Random) -> Callable[[random.Random], str]:
    return lambda q: f"T{q.randint(1, 250000):08d}"


def _random_sku(r: random.Random) -> Callable[[random.Random], str]:
    return lambda q: "P" + _digits(q, 8)


def _loyalty(r: random.Random) -> Callable[[random.Random], str]:
    return lambda q: "C" + _digits(q, 8)


# (maker of a column's code generator, its honest names)
LOOKALIKES: tuple[tuple[Callable[[random.Random], Callable[[random.Random], str]], tuple[str, ...]], ...] = (
    (_catalogue, ("product_code", "article_no")),
    (_block, ("article_no", "item_no")),
    (_accounting, ("doc_no", "document_number", "invoice_no")),
    (_ticket, ("ticket_no", "case_id")),
    (_random_sku, ("sku", "product_code")),
    (_loyalty, ("loyalty_no", "customer_no")),
)


def _passport(country: str) -> Callable[[random.Random], str]:
    own = COUNTRIES[country]
    foreign = list(_PASSPORTS.values())

    def make(r: random.Random) -> str:
        return own(r) if r.random() < 0.9 else r.choice(foreign)(r)
    return make


def passport_series_tables(seed: int, rows: int) -> list[Column]:
    """One table per country of :data:`COUNTRIES`: a passport column and the six look-alikes.

    >>> cols = passport_series_tables(1, 5)
    >>> len(cols), sum(c.label == "PASSPORT" for c in cols)
    (42, 6)
    """
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for ti, country in enumerate(COUNTRIES):
        table = f"ds{ti:02d}_{country}"
        kinds: list[tuple[str | None, Callable[[random.Random], Any], tuple[str, ...]]] = [
            ("PASSPORT", _passport(country), _PASSPORT_NAMES + _LOCAL_NAMES.get(country, ()))]
        kinds += [(None, make(rng), names) for make, names in LOOKALIKES]
        rng.shuffle(kinds)
        used: set[str] = set()
        for i, (label, make, names) in enumerate(kinds):
            opaque = rng.random() < 0.5
            name = rng.choice(OPAQUE).format(i=i + 1, c=_UP[i].lower()) if opaque else rng.choice(names)
            while name in used:
                name += "_2"
            used.add(name)
            values = [make(rng) for _ in range(rows)]
            style = "opaque" if opaque else "uncommon" if label else "honest"  # passports: a document word at most
            columns.append(Column(table, name, label, style, _shape(values, label, rng)))
    return columns
