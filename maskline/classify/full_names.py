"""Columns of full names whose given names the lexicon lacks, under a name that does not say so.

The given-name lexicon decides a full name by its first word ("Maria Silva"); a column of names rare in Faker's
lists ("Jandira Carneiro", "Heldemaro Figueiredo", "Baptista, Guadalberto") opens with a known name a third of the
time and is missed. Its family names are common, and they are in Faker's lists of every country
(:func:`maskline.infotypes.person_names.surnames`). What such a column shows, as a whole:

- nearly every value is two or three name-shaped words, or ``Family, Given``;
- nearly every value (``KNOWN_SHARE``) opens with a known given name or carries a family-name ending, or ends
  with a known family name (``Family, Given``: opens with one);
- many distinct values, and no more than two of any language's function words among the words.

Names of things made of a word and a family name (hotels "Pension Weber", wines "Domaine Rousseau", characters
"Inspector Blum") reach at most 64% on the development splits, hence ``KNOWN_SHARE`` and ``CHANCE``; shape checks
(:func:`maskline.infotypes.shape_checks.person_words`) refute the rest.

>>> import random
>>> rng = random.Random(3)
>>> given = ["Jandira", "Heldemaro", "Deótila", "Cíntio", "Nazária", "Isalina", "Teliano", "Ausenda"]
>>> family = ["Carneiro", "Figueiredo", "Tavares", "Henriques", "Pinheiro", "Nogueira", "Esteves", "Cardoso"]
>>> names = sorted({f"{rng.choice(given)} {rng.choice(family)}" for _ in range(60)})
>>> full_name_evidence(names, [1.0] * len(names), float(len(names)))[0].detector
'full-names'
>>> full_name_evidence(["Jandira Carneiro", "Heldemaro Figueiredo"], [10.0, 10.0], 20.0)  # two values: no column
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MIN_DISTINCT = 20
MIN_DISTINCT_SHARE = 0.5  # full names rarely repeat; labels and categories do
SHAPED_SHARE = 0.9  # values of two or three name-shaped words
KNOWN_SHARE = 0.8
CHANCE = 0.65  # known share of columns of names of things (64% at most on the development splits)
STRENGTH = 0.75  # below the given-name lexicon's 0.85: family names are words and places too
CHECK_CAP = 256
MAX_FUNCTION_WORDS = 2


def _family_last(value: str) -> bool:
    """Two or three words ending with a known family name, or ``Family, Given`` opening with one.

    >>> _family_last("Jandira Carneiro"), _family_last("Carneiro, Jandira"), _family_last("Hotel Lisboa")
    (True, True, False)
    """
    from maskline.infotypes.person_names import name_key, surnames

    head, comma, _ = value.partition(",")
    if comma:
        words = head.split()
        return len(words) == 1 and name_key(words[0]) in surnames()
    words = value.split()
    return 2 <= len(words) <= 3 and name_key(words[-1]) in surnames()


def full_name_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """PERSON_NAME evidence for a column of full names known by their given or family names, or ``[]``.

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
    shaped = [i for i in idx if 2 <= len(values[i].replace(",", " ").split()) <= 3 and person_name_shape(values[i])]
    shaped_w = sum(weights[i] for i in shaped)
    if not all_w or shaped_w < SHAPED_SHARE * all_w:
        return []
    known = [i for i in shaped if person_name_or_family_ending(values[i]) or _family_last(values[i])]
    known_share = sum(weights[i] for i in known) / shaped_w
    if known_share < KNOWN_SHARE:
        return []
    _lang, words = most_function_words(w for i in shaped for w in values[i].replace(",", " ").split())
    if words > MAX_FUNCTION_WORDS:
        return []
    share = shaped_w / all_w * known_share
    p_value = tail_at_least(len(known), len(shaped), CHANCE)
    return [Evidence("PERSON_NAME", "full-names", share, known_share, len(shaped), len(known), p_value, False,
                      STRENGTH, [values[i] for i in shaped], "person_words",
                      note=f"{known_share:.0%} known given or family names")]
