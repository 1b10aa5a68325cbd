"""Dev-split tables of flight numbers and uniform integer ids, two look-alikes of postal codes, beside postal codes
stored as numbers (since the ``clsfp2`` round).

Appended to :func:`benchmarks.classification.dev_split.build` after every other table, from a generator of its own
(:data:`SEED_OFFSET`), so the tables before them stay as they were. Written from public knowledge of the formats:

- flight numbers: an IATA airline designator (two characters, some with a digit: ``U2``, ``9W``, ``B6``) and a
  number of 1-4 digits, sometimes after a space, sometimes zero-padded to four (``LH1234``, ``BA 286``,
  ``U2 8421``, ``AF0012``); several airlines a column, or one carrier and its codeshare partners;
- integer ids drawn uniformly over 5-6 digits (``randint(10000, 999999)``), over one width, or from a high start,
  as integers or as floats (a NULL makes pandas store floats);
- controls, POSTAL_CODE: codes of Germany, France, Spain, Romania and the United States, drawn from their regions'
  prefixes (German Leitregionen, French departments, Spanish provinces, Romanian counties and Bucharest's sectors,
  US three-digit ZIP prefixes), repeated the way a table of people repeats places, stored as integers or floats
  (the codes of the regions numbered 0 lose their leading zero), every one under an opaque name. None of these
  countries is a test-split locale.

>>> cols = not_postal_tables(7, rows=30)
>>> len(cols), len({c.table for c in cols}), {c.label for c in cols} == {None, "POSTAL_CODE"}
(48, 4, True)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.classification.corpus import Column

SEED_OFFSET = 67  # its own generator (53 and 61 are other modules'): the tables before it stay as they were
TABLES = 4
OPAQUE = ("c{i}", "v{i:02d}", "col{i}", "fld_{i}", "x{i}", "attr{i}", "n{i}", "f{i}")
FLIGHT_NAMES = ("flight_no", "flight_number", "flight", "flt_no", "carrier_flight", "flightNo")
# Designators of airlines of every continent, letters only and with a digit (public IATA codes).
AIRLINES = ("LH", "BA", "AF", "KL", "IB", "AZ", "LX", "OS", "SK", "AY", "TP", "EI", "FR", "DY", "TK", "EK", "QR",
            "AA", "DL", "UA", "WN", "AC", "QF", "NH", "JL", "SQ", "CX", "KE", "TG", "ET", "SA", "LA", "AV", "CM",
            "U2", "W6", "9W", "6E", "B6", "G3", "3K", "5J")

Make = Callable[[random.Random], Any]


def _flight_number(rng: random.Random) -> int:
    """1-4 digits, four most often (regional and codeshare flights), one or two rarely."""
    width = rng.choices([1, 2, 3, 4], weights=[3, 12, 35, 50])[0]
    return rng.randint(10 ** (width - 1), 10 ** width - 1)


def _flights(carriers: list[str], weights: list[float], space: float, padded: bool) -> Make:
    def make(rng: random.Random) -> str:
        number = _flight_number(rng)
        digits = f"{number:04d}" if padded else str(number)
        sep = " " if rng.random() < space else ""
        return f"{rng.choices(carriers, weights=weights)[0]}{sep}{digits}"
    return make


def _flight_kinds(rng: random.Random) -> list[Make]:
    several = rng.sample(AIRLINES, rng.randint(4, 9))
    main, *partners = rng.sample(AIRLINES, 4)
    carrier = [main, *partners]
    return [
        _flights(several, [1.0] * len(several), 0.0, False),
        _flights(several, [1.0] * len(several), 1.0, False),
        _flights(several, [1.0] * len(several), rng.choice([0.0, 0.5]), True),
        _flights(carrier, [6.0, 1.0, 1.0, 1.0], rng.choice([0.0, 1.0]), rng.random() < 0.5),
    ]


def _ids(low: int, high: int, as_float: bool) -> Make:
    def make(rng: random.Random) -> Any:
        n = rng.randint(low, high)
        return float(n) if as_float else n
    return make


def _id_kinds(rng: random.Random) -> list[Make]:
    start = rng.choice([20000, 35000, 50000])
    return [
        _ids(10000, 999999, rng.random() < 0.5),  # uniform over 5-6 digits
        _ids(100000, 999999, rng.random() < 0.5),  # one width
        _ids(10000, 99999, rng.random() < 0.5),
        _ids(start, 10 * start, rng.random() < 0.5),  # from a high start over a decade
    ]


# Region prefixes (first two or three digits) of real code spaces, and the code width.
_REGIONS: dict[str, tuple[int, list[str]]] = {
    "DE": (5, [f"{p:02d}" for p in range(1, 100) if p not in (5, 43, 62)]),
    "FR": (5, [f"{p:02d}" for p in range(1, 96)]),
    "ES": (5, [f"{p:02d}" for p in range(1, 53)]),
    "RO": (6, ["01", "02", "03", "04", "05", "06", "07", "08"] + [f"{p}" for p in range(10, 98)]),
    "US": (5, [f"{p:03d}" for p in range(5, 1000)]),  # ZIP3 005 (Holtsville) to 999 (Alaska)
}


def _postal_numbers(country: str, rng: random.Random, as_float: bool) -> Make:
    """Codes of one country, a pool of places repeated over the rows, stored as numbers."""
    width, prefixes = _REGIONS[country]
    pool = []
    for _ in range(rng.randint(80, 200)):
        prefix = rng.choice(prefixes)
        pool.append(prefix + "".join(rng.choice("0123456789") for _ in range(width - len(prefix))))
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(pool))]

    def make(r: random.Random) -> Any:
        n = int(r.choices(pool, weights=weights)[0])
        return float(n) if as_float else n
    return make


def not_postal_tables(seed: int, rows: int) -> list[Column]:
    """Four tables of twelve columns: four of flight numbers, four of integer ids, four of postal codes stored as
    numbers (countries drawn from :data:`_REGIONS`)."""
    rng = random.Random(seed + SEED_OFFSET)
    columns: list[Column] = []
    for t in range(TABLES):
        table = f"dz{t:02d}_not_postal"
        makes: list[tuple[str | None, str, Make]] = [(None, "flight", m) for m in _flight_kinds(rng)]
        makes += [(None, "id", m) for m in _id_kinds(rng)]
        makes += [("POSTAL_CODE", "postal", _postal_numbers(c, rng, rng.random() < 0.5))
                  for c in rng.sample(sorted(_REGIONS), 4)]
        rng.shuffle(makes)
        used: set[str] = set()
        for i, (label, kind, make) in enumerate(makes):
            honest = kind == "flight" and rng.random() < 0.5
            name = rng.choice(FLIGHT_NAMES) if honest else rng.choice(OPAQUE).format(i=i + 1)
            while name in used:
                name += "_2"
            used.add(name)
            values = [make(rng) for _ in range(rows)]
            columns.append(Column(table, name, label, "honest" if honest else "opaque", values))
    return columns
