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

from collections.abc import Sequence
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


MIN_VALUES = 10  # distinct values a share of places is read from
# Values that are towns of the gazetteer and no known name: people's names under a name hint reach 7% at most on
# the development splits (single_names.PLACE_SHARE measured the same), columns of towns and states 38% and more.
PLACE_SHARE = 0.25


def mostly_places(values: Sequence[str], rows: int = 0) -> str | None:
    """Why name-shaped values under a name hint are places, not people: ``PLACE_SHARE`` or more of the distinct
    values are places of the gazetteer and no known given or family name (towns named after people, Lincoln or
    Madison, never count, so a column of family names some of which are towns stays people). None otherwise, or
    when too few values to tell. ``rows`` is unused (the signature of a shape check).

    >>> mostly_places(["Alabama", "Arizona", "Alaska", "Virginia", "Georgia", "Lemgo", "Texas", "Ohio", "Utah",
    ...                "Maine", "Florida", "Nevada"])
    'places: 42% of 12 values are towns or regions of the gazetteer and no known name'
    >>> mostly_places(["Anna Meier", "Jonas Berg", "Lincoln", "Madison", "Maria Roth", "Paul Fink", "Eva Kern",
    ...                "Tom Vogt", "Ida Sand", "Leo Blau"]) is None
    True
    """
    from maskline.infotypes.known_names import known_name

    distinct = list(dict.fromkeys(v for v in values if v.strip()))
    if len(distinct) < MIN_VALUES:
        return None
    places = sum(1 for v in distinct if is_place(v) and not known_name(v))
    share = places / len(distinct)
    if share < PLACE_SHARE:
        return None
    return f"places: {share:.0%} of {len(distinct)} values are towns or regions of the gazetteer and no known name"
