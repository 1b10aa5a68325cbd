"""Guess the language of a text from its function words, to choose an NER pipeline for it.

A dozen distinctive function words per language tell English from German or
French prose in a few words, at no cost: no model is loaded. The guess only
chooses the NER pipeline; every language's name lists and rules run anyway.

>>> guess_language("The patient was seen by her doctor on Monday.")
'en'
>>> guess_language("Der Patient wurde am Montag von der Ärztin untersucht.")
'de'
>>> guess_language("Anna Meier") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _table() -> dict[str, frozenset[str]]:
    from maskline.text.prose_data import FUNCTION_WORDS

    return {lang: frozenset(w for w in words if " " not in w) for lang, words in FUNCTION_WORDS.items()}


def guess_language(text: str, min_hits: int = 2) -> str | None:
    """The language whose function words occur most in ``text`` (at least ``min_hits``), or None.

    >>> guess_language("Le patient a été vu par son médecin et il va bien.")
    'fr'
    """
    return guess_language_of(_WORD.findall(text.lower()), min_hits)


def guess_language_of(words: Iterable[str], min_hits: int = 2) -> str | None:
    """:func:`guess_language` for lower-case words already split (a column's sample, pooled).

    >>> guess_language_of(["de", "patiënt", "is", "met", "een", "klacht"])
    'nl'
    """
    counts = dict.fromkeys(_table(), 0)
    for w in words:
        for lang, table in _table().items():
            if w in table:
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] < min_hits or ranked[0] == ranked[1]:
        return None
    return best
