"""Names of cities and towns (``data/places.txt.gz``, from GeoNames), to tell a column of places from one of people.

Many towns carry a person's name (Lincoln, Hamilton, Madison, Florence), so a column of towns can reach a
quarter or more of known given and family names and read as a column of family names. What gives it away is the
rest of its values: towns that are no one's name (Frauenfeld, Lemgo, Выборг). The gazetteer holds the main name
of every place of 1,000 people or more and the names in other scripts of places of 15,000 or more (see
``benchmarks/classification/build_place_list.py``); lookups are folded (lower case, no accents).

>>> is_place("Frauenfeld"), is_place("Выборг"), is_place("Jansen")
(True, True, False)
"""

from __future__ import annotations

from functools import cache


@cache
def place_names() -> frozenset[str]:
    """Every folded place name of the gazetteer, read once on first use (about 280,000 names, 0.2 s).

    >>> {"lemgo", "frauenfeld", "zurich", "москва"} <= place_names()
    True
    """
    import gzip
    from pathlib import Path

    # pathlib, not importlib.resources: see person_names._read
    text = gzip.decompress((Path(__file__).parent / "data" / "places.txt.gz").read_bytes()).decode("utf-8")
    return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))


def is_place(value: str) -> bool:
    """Whether ``value`` is the name of a city or town of the gazetteer, in any case and with or without accents.

    >>> is_place("ZÜRICH"), is_place("zurich"), is_place("Widget Pro")
    (True, True, False)
    """
    from maskline.infotypes.name_hints import fold

    return fold(value).strip() in place_names()
