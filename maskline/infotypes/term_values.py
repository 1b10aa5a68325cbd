"""Name-shaped values made mostly of English words, with a few terms the dictionary lacks: names of things.

:func:`maskline.infotypes.word_values.ordinary_words` refutes a name hint (``procedure_name``, ``test_name``,
``service_name``) over values every word of which is a dictionary word and no name. A catalogue of procedures,
tests or services mixes such words with a few its trade writes and no dictionary holds: an acronym (``Malaria
RDT``), a technical word (``Laparoscopic Cholecystectomy``), a letter (``Chest X-Ray``), a term with a digit
(``HbA1c``). One such term
keeps ``ordinary_words`` from reading any of the column; yet a person's name is the other way round: its given
name is rarely a dictionary word unless it is a known name, so names of people hold few dictionary words.

This reads the share instead of every word: at least :data:`WORD_SHARE` of the distinct words are dictionary
words and no name (:func:`maskline.infotypes.english_words.dictionary_word_form`), every value holds at least
one of them, and no value is a known name (:func:`maskline.infotypes.known_names.known_name`: a given name, a
family-name ending, a family name last). A column of people whose names the lists lack (``Sunita Kulkarni``)
holds no dictionary word; one whose family names are words (``Rose Hill``) is stopped by its known names. Fewer
than :data:`MIN_VALUES` distinct values say too little. The reading is refuted, not settled: the fail-closed
decision masks the column as before; only the type it was given goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_VALUES = 5  # distinct values, as ordinary_words: fewer say too little
WORD_SHARE = 2 / 3  # distinct words that are dictionary words: a person's name is half given name, rarely a word
# Words of letters, or of letters and digits (HbA1c, B12): a trade term may hold a digit, a dictionary word never.
_VALUE = re.compile(r"[^\W_]+(?:[ '’/&-]+[^\W_]+)*")


def worded_terms(values: Sequence[str], rows: int = 0) -> str | None:
    """Why name-shaped ``values`` are names of things: nearly every word a dictionary word, a few trade terms, no
    name. ``rows`` is unused (the signature of a shape check).

    >>> worded_terms(["Chest X-Ray", "Consultation", "ECG", "Emergency Visit", "Full Blood Count",
    ...               "Malaria RDT", "Laparoscopic Cholecystectomy", "Knee Replacement"])
    'worded terms: 8 distinct values, 75% of their 16 distinct words dictionary words, none a name'

    People are not, whether their names are known or not, even when their family names are words the lists lack
    (half the words, short of the share):

    >>> worded_terms(["Anna Baker", "Mark Cook", "Rose Hill", "Tom Mason", "Hope Carter", "Luis Diaz"]) is None
    True
    >>> worded_terms(["Sunita Kulkarni", "Manoj Iyer", "Ghensley", "Yonath", "Kholland"]) is None
    True
    >>> worded_terms(["Sunita Rain", "Manoj Field", "Ghensley Stone", "Yonath Wood", "Kholland Brook"]) is None
    True
    """
    from maskline.infotypes.english_words import dictionary_word_form
    from maskline.infotypes.known_names import known_name

    distinct = {v.strip() for v in values if v.strip()}
    if len(distinct) < MIN_VALUES:
        return None
    seen: set[str] = set()
    outside: set[str] = set()
    for v in distinct:
        # A known name first: the name lists are loaded already, and a column of people stops at its first value
        # without reading the English dictionary.
        if not _VALUE.fullmatch(v) or known_name(v.title()):
            return None
        words = re.findall(r"[^\W_]+", v.casefold())
        unknown = {w for w in words if not dictionary_word_form(w)}
        if len(unknown) == len(set(words)):  # a value with no dictionary word may be a person the lists lack
            return None
        seen.update(words)
        outside |= unknown
    share = 1 - len(outside) / len(seen)
    if share < WORD_SHARE:
        return None
    return (f"worded terms: {len(distinct)} distinct values, {share:.0%} of their {len(seen)} distinct words "
            "dictionary words, none a name")
