"""Columns of single names (a first-name or a family-name column) under a name that does not say so.

A column of full names opens most values with a known given name; a column of family names alone does not, and
no lexicon holds every family name. What such a column still shows, as a whole, is its shape and its share of
known names far above what other columns of single capitalised words reach:

- nearly every value is one name-shaped word (capitalised letters, no digits, no business word), or one such
  word after particles ("van der Welle", "de Jonge");
- it has many distinct values (50 or more: a category of a few labels is not a list of people);
- a quarter or more of the values end with a family name of one of Faker's countries
  (:func:`maskline.infotypes.person_names.surnames`) or carry a family-name ending, or 40% or more are known given
  names or carry such an ending (:func:`maskline.infotypes.validators.person_name_or_family_ending`): the given-name
  lexicon is far more complete than any family-name list, and gods and heroes (Diana, Helen, Iris) are given
  names a third of the time.

On the development splits, columns of single words that are not people's names (cities, colours, brands,
nationalities, languages, tickers, licence plates) reach at most 15% of known names under these conditions;
family-name columns reach 25% to 100% (German, Dutch, Portuguese and Estonian ones 25% to 55% before the
family-name list, which alone gives them 16% to 96%). The chance rate used for the significance test,
``CHANCE``, is set at the non-name columns' 15%.

Towns are the exception: many carry a person's name (Lincoln, Madison, Florence, Hamilton), so a column of towns
can reach 35% to 50% of known names. Its other values give it away: towns that are no one's name (Lemgo,
Frauenfeld, Выборг), found in a gazetteer of GeoNames (:mod:`maskline.infotypes.places`). A quarter of such values
refutes the column (``PLACE_SHARE``).

>>> import random
>>> from collections import Counter
>>> rng = random.Random(5)
>>> stems = ["Berg", "Holt", "Kamp", "Lind", "Brand", "Stein", "Wald", "Feld", "Born", "Hof", "Acker", "Brun"]
>>> ends = ["er", "mann", "ing", "en", "el", "ert", "s", "inger", "ner", "rich"]
>>> given = ["Anna", "Jonas", "Maria", "Lukas"]
>>> column = Counter([rng.choice(stems) + rng.choice(ends) for _ in range(200)] + [rng.choice(given) for _ in range(100)])
>>> ev = single_name_evidence(list(column), list(column.values()), 300.0)
>>> ev[0].info_type, round(ev[0].share, 2)
('PERSON_NAME', 1.0)
>>> single_name_evidence(["Berlin", "Hamburg", "Essen"], [100.0, 100.0, 100.0], 300.0)
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MIN_DISTINCT = 50  # fewer distinct single words are a category (storms, colours, brands), not people
MIN_DISTINCT_SHARE = 0.2
SINGLE_SHARE = 0.9  # values that are one name-shaped word
KNOWN_SHARE = 0.25  # of those, known family names (or endings): no lexicon holds every family name
# ... or known given names (or endings): the lexicon holds every Faker locale's given names, so a column of first
# names reaches 45% or more on the development splits; gods and heroes (Diana, Helen, Echo) 28% to 32%.
GIVEN_SHARE = 0.4
CHANCE = 0.15  # known-name share of single-word columns that are not names (15% at most on the dev splits)
STRENGTH = 0.75  # below the given-name lexicon's 0.85: the shape and a quarter of known names, not most
CHECK_CAP = 256
# Distinct words that are one language's function words: columns of names hold at most two of any one language's
# (1% of the words checked) on the development splits, columns of pets' names made of dictionary words 3 to 75
# (1.2% to 29%).
# Values that are towns of the gazetteer and no known given or family name: a column of towns, some named after
# people (Lincoln, Madison, Florence), not of people. On the tune and dev splits columns of people's single names
# reach at most 7% (a family name the lexicon lacks that is also a town), columns of towns 38% to 87%.
PLACE_SHARE = 0.25
FUNCTION_SHARE = 0.015  # a column is refuted from this share of the words checked ...
MIN_FUNCTION_WORDS = 3  # ... and never under three words


def single_name_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """PERSON_NAME evidence for a column of single name-shaped words with many known names, or ``[]``.

    ``values`` and ``weights`` are the column's distinct values (placeholders removed) and their counts; ``n``
    their total.
    """
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.distinct_sample import nearly_distinct_sample
    from maskline.infotypes.function_words import most_function_words
    from maskline.infotypes.validators import person_name_or_family_ending, person_name_shape

    sample = nearly_distinct_sample(values, weights, min_values=MIN_DISTINCT, distinct_share=MIN_DISTINCT_SHARE,
                                    cap=CHECK_CAP)
    if sample is None:
        return []
    values, weights, all_w = sample
    idx = range(len(values))
    single = [i for i in idx if one_name(values[i]) and person_name_shape(values[i])]
    single_w = sum(weights[i] for i in single)
    if not all_w or single_w < SINGLE_SHARE * all_w:
        return []
    # Given names with family-name endings (a first-name or a mixed column), or family names of Faker's
    # countries with family-name endings (a family-name column): a column of pets' names mixes given names with
    # words, and the two shares apart keep it under the bar that a sum of both would let it pass.
    is_given = {i for i in single if person_name_or_family_ending(values[i])}
    is_family = {i for i in single if ends_in_family_name(values[i])}
    given = sum(weights[i] for i in is_given) / single_w
    family = sum(weights[i] for i in is_family) / single_w
    known_share = max(given if given >= GIVEN_SHARE else 0.0, family if family >= KNOWN_SHARE else 0.0)
    if not known_share:
        return []
    _lang, words = most_function_words(values[i] for i in single)
    if words >= max(MIN_FUNCTION_WORDS, FUNCTION_SHARE * len(single)):
        return []  # words of a language (pets, horses, bands), not people's names
    if _mostly_places(values, weights, [i for i in single if i not in is_given and i not in is_family], single_w):
        return []  # towns, some named after people
    shaped = single_w / all_w
    # Rows decide, not distinct words: common given names repeat. Scaled to the words checked, so that a large
    # sample does not make any share significant.
    hits = round(known_share * len(single))
    p_value = tail_at_least(hits, len(single), CHANCE)
    return [Evidence("PERSON_NAME", "single-word-names", shaped, shaped, len(single), hits, p_value, False,
                      STRENGTH, note=f"{known_share:.0%} known given or family names, or family-name endings")]


def _mostly_places(values: Sequence[str], weights: Sequence[float], unknown: Sequence[int], single_w: float) -> bool:
    """Whether ``PLACE_SHARE`` or more of the single words (by rows, of ``single_w``) are towns of the gazetteer;
    ``unknown`` are the indices of the words that are no known given or family name (known names never count).

    >>> towns = ["Lemgo", "Oederan", "Frauenfeld", "Lincoln", "Madison", "Hamilton"]
    >>> _mostly_places(towns, [1.0] * 6, range(3), 6.0)
    True
    >>> _mostly_places(["Jansen", "Lincoln", "Meier", "Qxzvb"], [1.0] * 4, [3], 4.0)
    False
    """
    if sum(weights[i] for i in unknown) < PLACE_SHARE * single_w:
        return False  # too few words outside the name lexicons to be towns: the gazetteer is not even read
    from maskline.infotypes.places import is_place

    return sum(weights[i] for i in unknown if is_place(values[i])) >= PLACE_SHARE * single_w


_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "do", "du", "ter",
                        "ten", "te", "tho", "zu", "la", "le", "el", "al"})


def one_name(value: str) -> bool:
    """One word, or one capitalised word after lower-case particles ("van der Welle", "de Jonge").

    >>> one_name("Jansen"), one_name("van der Welle"), one_name("Anna Jansen"), one_name("van Gogh Museum")
    (True, True, False, False)
    """
    words = value.split()
    return len(words) == 1 or len(words) <= 4 and words[-1][:1].isupper() and \
        all(w in _PARTICLES for w in words[:-1])


def ends_in_family_name(value: str) -> bool:
    """A last word that is a family name of Faker's countries, or a family-name ending or prefix.

    >>> ends_in_family_name("Jansen"), ends_in_family_name("van Dijk"), ends_in_family_name("Kovalenko"), ends_in_family_name("Widget")
    (True, True, True, False)
    """
    from maskline.infotypes.person_names import name_key, surnames
    from maskline.infotypes.surname_endings import reads_as_family_name

    return name_key(value.split()[-1]) in surnames() or reads_as_family_name(value)
