"""First-level subdivisions of every country (states, provinces, Länder, regions) and their ISO 3166-2 codes
(``data/regions.tsv.gz``, from ``pycountry``: see ``benchmarks/classification/build_region_list.py``).

The gazetteer of towns (:mod:`maskline.infotypes.places`) holds populated places: Texas, Ohio or Ontario are no
town, so a column of states read as places only through the few towns named like a state. The subdivisions fill
that gap, and their codes tell "Durham, NC" (a town and its state) from "Smith, John" (a family and a given
name). Lookups of names are folded (lower case, no accents); codes are as ISO writes them (upper case).

>>> {"texas", "ontario"} <= region_names(), "jansen" in region_names()
(True, False)
>>> "US" in code_countries("NC"), "AU" in code_countries("NSW")
(True, True)
"""

from __future__ import annotations

from functools import cache


@cache
def _read() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(folded names, letter codes by country) of the first-level subdivisions, read once on first use (3,590
    subdivisions, a few milliseconds)."""
    import gzip
    from collections import defaultdict
    from pathlib import Path

    from maskline.infotypes.name_hints import fold

    # pathlib, not importlib.resources: see person_names._read
    text = gzip.decompress((Path(__file__).parent / "data" / "regions.tsv.gz").read_bytes()).decode("utf-8")
    names: set[str] = set()
    codes: dict[str, set[str]] = defaultdict(set)
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        country, code, name = line.split("\t")
        names.add(fold(name).strip())
        if code.isalpha():  # numbered subdivisions (France's 01, Japan's 13) are never written after a town
            codes[country].add(code)
    return frozenset(names), {c: frozenset(v) for c, v in codes.items()}


def region_names() -> frozenset[str]:
    """Every folded name of a first-level subdivision.

    >>> {"texas", "ontario", "bayern", "new south wales"} <= region_names()
    True
    """
    return _read()[0]


@cache
def code_countries(code: str) -> frozenset[str]:
    """The countries that have a first-level subdivision coded ``code`` (``NC``: the United States; ``ON``: Canada
    and others).

    >>> "US" in code_countries("TX"), "CA" in code_countries("ON"), code_countries("nc")
    (True, True, frozenset())
    """
    return frozenset(c for c, codes in _read()[1].items() if code in codes)
