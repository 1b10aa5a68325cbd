"""Closed public vocabularies: value sets a standards body keeps, in which no one's personal data can be written.

A column every one of whose values is an IANA time zone, an ISO 3166 country (code or English name), an ISO 4217
currency, a BCP 47 language tag, a media type, a CSS colour or an HTTP method or status phrase holds public
tokens: there is no free choice left for a name, a number or an address to hide in. The fail-closed decision
reads that as evidence of NONE (:mod:`maskline.classify.text_facts`), but only for the *whole* set of values: a
majority proves nothing, since one free-text value among time zones may be anything.

The lists ship with maskline in ``data/vocabulary_*.txt`` (built by
``benchmarks/classification/build_vocabularies.py`` from ``tzdata``, Unicode CLDR via ``babel`` (country names in
every language it has), the CSS Color
specification, ``mime.types`` and Python's :mod:`http`), so the verdict does not depend on what is installed. They
are read on first use, never at import. Matching ignores case and surrounding spaces.

>>> closed_vocabulary(["Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])
'time zones'
>>> closed_vocabulary(["pt-BR", "en", "zh-Hans", "de_CH"]), closed_vocabulary(["#ff8800", "navy", "#abc"])
('language tags', 'colours')
>>> closed_vocabulary(["México", "Suíça", "Deutschland"])
'countries'
>>> closed_vocabulary(["Europe/Berlin", "call me at home"]) is None  # every value, not most
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# Name -> data file. Tried in this order; a column must fit one vocabulary entirely (codes of two kinds mixed in
# one column are not a vocabulary any standard keeps). Language tags and colours are read by in_vocabulary's rules.
VOCABULARY_FILES: dict[str, tuple[str, ...]] = {
    "time zones": ("vocabulary_time_zones.txt",),
    # Codes and English names, then the names in every language CLDR has (México, Suíça, Deutschland).
    "countries": ("vocabulary_countries.txt", "vocabulary_country_names.txt.gz"),
    "currencies": ("vocabulary_currencies.txt",),
    "language tags": ("vocabulary_language_subtags.txt",),
    "media types": ("vocabulary_media_types.txt",),
    "colours": ("vocabulary_colours.txt",),
    "http": ("vocabulary_http.txt",),
}
# BCP 47 in its simple forms: language, optional script, optional region (alpha-2 or a UN M.49 number).
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?")
_HEX_COLOUR = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})")


@cache
def members(vocabulary: str) -> frozenset[str]:
    """The casefolded entries of one vocabulary's data file.

    >>> "europe/berlin" in members("time zones"), "eur" in members("currencies")
    (True, True)
    """
    import gzip
    from importlib.resources import files

    found: set[str] = set()
    for name in VOCABULARY_FILES[vocabulary]:
        data = files("maskline.infotypes").joinpath("data", name).read_bytes()
        # Folded as one text, not line by line: the same lines (folding makes and removes no line breaks, and
        # leaves "#" alone), and the 33,000 country names load in half the time.
        text = (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8").casefold()
        found.update(line for line in text.splitlines() if line and not line.startswith("#"))
    return frozenset(found)


@cache
def listed_members(vocabulary: str) -> frozenset[str]:
    """The casefolded entries of one vocabulary's first data file only: for countries, the ISO 3166 codes and the
    English names, without the 33,000 names in every other language (the list :mod:`maskline.sql.kind_shapes`
    writes into a query, where those would make it too large).

    >>> "deu" in listed_members("countries"), "germany" in listed_members("countries")
    (True, True)
    >>> "deutschland" in members("countries"), "deutschland" in listed_members("countries")
    (True, False)
    """
    from importlib.resources import files

    text = files("maskline.infotypes").joinpath("data", VOCABULARY_FILES[vocabulary][0]).read_text("utf-8").casefold()
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def in_vocabulary(vocabulary: str, value: str) -> bool:
    """Whether ``value`` (any case, spaces around it ignored) belongs to ``vocabulary``.

    >>> in_vocabulary("countries", "DEU"), in_vocabulary("countries", "Jordan"), in_vocabulary("countries", "Jon")
    (True, True, False)
    >>> in_vocabulary("language tags", "sr-Latn-RS"), in_vocabulary("language tags", "xq-ZZZ")
    (True, False)
    """
    folded = value.strip().casefold()
    if vocabulary == "language tags":
        m = _LANGUAGE_TAG.fullmatch(folded)
        if m is None:
            return False
        lang, script, region = m.groups()
        subtags = members("language tags")
        return (f"language {lang}" in subtags and (script is None or f"script {script}" in subtags)
                and (region is None or region.isdigit() or region in members("countries")))
    if vocabulary == "colours" and _HEX_COLOUR.fullmatch(folded):
        return True
    return folded in members(vocabulary)


def fits_a_vocabulary(value: str) -> bool:
    """Whether ``value`` belongs to any of the vocabularies (a column none of whose vocabularies holds one of its
    values has no closed vocabulary).

    >>> fits_a_vocabulary(" eur "), fits_a_vocabulary("Berlin"), fits_a_vocabulary("Europe/Berlin")
    (True, False, True)
    """
    return any(in_vocabulary(vocabulary, value) for vocabulary in VOCABULARY_FILES)


def closed_vocabulary(values: Iterable[str]) -> str | None:
    """The one vocabulary every value belongs to, or None (also for no values).

    >>> closed_vocabulary(["USD", "EUR", "CHF"]), closed_vocabulary(["GET", "POST", "Not Found"])
    ('currencies', 'http')
    >>> closed_vocabulary(["USD", "Germany"]) is None  # two vocabularies mixed
    True
    """
    kept = (v.strip() for v in values if v and v.strip())
    first = next(kept, None)
    # Every value must belong, so one that belongs to no vocabulary settles it: most columns are settled by their
    # first value, and the others (10,000 of them in a large table's sample) are then never read.
    if first is None or not fits_a_vocabulary(first):
        return None
    distinct = {first, *kept}
    for vocabulary in VOCABULARY_FILES:
        if all(in_vocabulary(vocabulary, v) for v in distinct):
            return vocabulary
    return None
