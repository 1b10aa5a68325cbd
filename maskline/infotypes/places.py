"""Names of cities and towns (``data/places.txt.gz``, from GeoNames), to tell a column of places from one of people.

Many towns carry a person's name (Lincoln, Hamilton, Madison, Florence), so a column of towns can reach a
quarter or more of known given and family names and read as a column of family names. What gives it away is the
rest of its values: towns that are no one's name (Frauenfeld, Lemgo, Выборг). The gazetteer holds the main name
of every place of 1,000 people or more and the names in other scripts of places of 15,000 or more (see
``benchmarks/classification/build_place_list.py``), and the names of the first-level subdivisions of every
country (:mod:`maskline.infotypes.regions`: Texas, Ontario, Bayern are no town); lookups are folded (lower case, no
accents).

>>> is_place("Frauenfeld"), is_place("Выборг"), is_place("Texas"), is_place("Jansen")
(True, True, True, False)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from maskline.infotypes.regions import code_countries, region_names


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
    """Whether ``value`` is the name of a city or town of the gazetteer or of a country's first-level subdivision
    (state, province), in any case and with or without accents.

    >>> is_place("ZÜRICH"), is_place("zurich"), is_place("North Dakota"), is_place("Widget Pro")
    (True, True, True, False)
    """
    from maskline.infotypes.name_hints import fold

    folded = fold(value).strip()
    # Without the subdivisions a column of US states reached 24% (the towns named Alabama, Florida, Nevada), under
    # PLACE_SHARE; with them 71%.
    return folded in place_names() or folded in region_names()


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
    'places: 67% of 12 distinct values are towns or regions of the gazetteer and no known name'
    >>> mostly_places(["Anna Meier", "Jonas Berg", "Lincoln", "Madison", "Maria Roth", "Paul Fink", "Eva Kern",
    ...                "Tom Vogt", "Ida Sand", "Leo Blau"]) is None
    True
    """
    from maskline.infotypes.known_names import known_name

    distinct = list(dict.fromkeys(v for v in values if v.strip()))
    if len(distinct) < MIN_VALUES:
        return None
    places = sum(1 for v in distinct if (is_place(v) and not known_name(v)) or written_place(v))
    share = places / len(distinct)
    if share < PLACE_SHARE:
        return None
    return (f"places: {share:.0%} of {len(distinct)} distinct values are towns or regions of the gazetteer "
            "and no known name")


# How people write where they are: "Basel, Switzerland", "Lyon, Auvergne-Rhône-Alpes, France", "Zürich / CH".
_PLACE_PARTS = re.compile(r"\s*(?:,|/|\s[-\u2013\u2014]\s)\s*")
_CODE = re.compile(r"[A-Z]{2,3}")  # a country's code ("CH", "DEU"): no evidence alone, initials look the same


def written_place(value: str) -> bool:
    """Whether ``value`` is a place written with what contains it: two or more parts (split at commas, slashes and
    spaced dashes), each a town or region of the gazetteer or a country (name or ISO code, any CLDR language), at
    least one of them a name (not a code) that is no known given or family name.

    A person written family name first ("Smith, John", "Jordan, Georgia") has a given name after the comma, and
    given names are known names; a place with its country or state has a country or region that is none
    ("Switzerland", "Bayern"). Codes never count as that evidence: "Berg, DE" may be a Berg with undotted initials.

    >>> written_place("Basel, Switzerland"), written_place("Zurich / Schweiz"), written_place("Lemgo, Germany, DE")
    (True, True, True)
    >>> written_place("Smith, John"), written_place("Jordan, Georgia"), written_place("Berg, DE")
    (False, False, False)
    >>> written_place("Basel"), written_place("Stuttgart, Germany, Basel"), written_place("Nordwind GmbH, Switzerland")
    (False, True, False)
    """
    from maskline.infotypes.known_names import known_name
    from maskline.infotypes.vocabularies import in_vocabulary

    parts = [p for p in _PLACE_PARTS.split(value.strip()) if p]
    if len(parts) < 2:  # a bare town is mostly_places' own reading, with its known-name rule
        return False
    if not all(is_place(p) or in_vocabulary("countries", p) for p in parts):
        return False
    return any(not _CODE.fullmatch(p) and not known_name(p) for p in parts)


# "<town>, <ST>": a town, or towns joined by hyphens or slashes (a metropolitan area, "Raleigh-Durham-Cary"), a
# comma and the upper-case code of a state or province. A person written family name first has a given name or
# initials with dots after the comma ("Smith, John", "Washington, George", "Smith, J. R."), never a code.
_TOWN_AND_CODE = re.compile(r"(?P<town>[^\W\d_][^,]*?)\s*,\s*(?P<code>[A-Z]{2,3})")
_TOWN_PARTS = re.compile(r"\s*[-\u2013/]\s*")  # hyphen, en dash, slash
TOWN_CODE_SHARE = 0.9  # of the distinct values: the form is the column's, not a stray value's


def towns_with_region_codes(values: Sequence[str], rows: int = 0) -> str | None:
    """Why values under a name hint are places, not people: ``TOWN_CODE_SHARE`` or more of the distinct values are
    "<town>, <ST>", a town of the gazetteer (or towns joined by hyphens: a metropolitan area) written in mixed case,
    a comma and the letter code of a first-level subdivision of one country, the same country for all of them (a
    column of family names and initials without dots would spread its codes over many countries). None otherwise.
    ``rows`` is unused (the signature of a shape check).

    >>> print(towns_with_region_codes(["Raleigh-Durham-Cary, NC"]))  # doctest: +NORMALIZE_WHITESPACE
    towns and region codes: 100% of 1 distinct values are a town, a comma and a code of a state or province of
    one country
    >>> towns_with_region_codes(["Smith, John", "Washington, George"]) is None
    True
    >>> towns_with_region_codes(["Smith, J. R.", "Durham, Nick"]) is None
    True
    """
    distinct = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    countries: Counter[str] = Counter()
    for v in distinct:
        m = _TOWN_AND_CODE.fullmatch(v)
        if m is None:
            continue
        town = m["town"]
        # A town written in capitals like its code ("DURHAM, NC") could be a name and initials: left to people.
        if town.isupper() or not (is_place(town) or all(is_place(p) for p in _TOWN_PARTS.split(town) if p)):
            continue
        countries.update(code_countries(m["code"]))
    if not countries:
        return None
    matched = max(countries.values())  # the values whose codes are of the one country most of them share
    if matched < TOWN_CODE_SHARE * len(distinct):
        return None
    return (f"towns and region codes: {matched / len(distinct):.0%} of {len(distinct)} distinct values are a "
            "town, a comma and a code of a state or province of one country")
