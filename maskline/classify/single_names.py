"""Columns of single names (a first-name or a family-name column) under a name that does not say so.

A column of full names opens most values with a known given name; a column of family names alone does not, and
no lexicon holds every family name. What such a column still shows, as a whole, is its shape and its share of
known names far above what other columns of single capitalised words reach:

- nearly every value is one name-shaped word (capitalised letters, no digits, no business word);
- it has many distinct values (50 or more: a category of a few labels is not a list of people);
- a quarter or more of the values are known given names or carry a family-name ending
  (:func:`maskline.infotypes.validators.person_name_or_family_ending`).

On the development splits, columns of single words that are not people's names (cities, colours, brands,
nationalities, languages, tickers) reach at most 7% of known names under these conditions; family-name columns
of languages whose family names the lexicon barely knows (German, Dutch, Portuguese, English) reach 10% to 45%.
The chance rate used for the significance test, ``CHANCE``, is set above the non-name columns' 7%.

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

import random
from collections.abc import Sequence
from typing import Any

MIN_DISTINCT = 50  # fewer distinct single words are a category (storms, colours, brands), not people
MIN_DISTINCT_SHARE = 0.2
SINGLE_SHARE = 0.9  # values that are one name-shaped word
KNOWN_SHARE = 0.25  # of those, known given names or family-name endings
CHANCE = 0.1  # known-name share of single-word columns that are not names (7% at most on the dev splits)
STRENGTH = 0.75  # below the given-name lexicon's 0.85: the shape and a quarter of known names, not most
CHECK_CAP = 256


def single_name_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """PERSON_NAME evidence for a column of single name-shaped words with many known names, or ``[]``.

    ``values`` and ``weights`` are the column's distinct values (placeholders removed) and their counts; ``n``
    their total.
    """
    from maskline.classify.column import _binomial_tail, _Evidence
    from maskline.infotypes.validators import person_name_or_family_ending, person_name_shape

    distinct = len(values)
    if distinct < MIN_DISTINCT or not n or distinct / max(1.0, n) < MIN_DISTINCT_SHARE:
        return []
    idx = list(range(distinct)) if distinct <= CHECK_CAP else random.Random(distinct).sample(range(distinct),
                                                                                          CHECK_CAP)
    all_w = sum(weights[i] for i in idx)
    single = [i for i in idx if " " not in values[i] and person_name_shape(values[i])]
    single_w = sum(weights[i] for i in single)
    if not all_w or single_w < SINGLE_SHARE * all_w:
        return []
    known = [i for i in single if person_name_or_family_ending(values[i])]
    known_share = sum(weights[i] for i in known) / single_w
    if known_share < KNOWN_SHARE:
        return []
    shaped = single_w / all_w
    # Rows decide, not distinct words: common given names repeat. Scaled to the words checked, so that a large
    # sample does not make any share significant.
    hits = round(known_share * len(single))
    p_value = _binomial_tail(hits, len(single), CHANCE)
    return [_Evidence("PERSON_NAME", "single-word-names", shaped, shaped, len(single), hits, p_value, False,
                      STRENGTH, note=f"{known_share:.0%} known given names or family-name endings")]
