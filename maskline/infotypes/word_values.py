"""Name-shaped values made only of ordinary English words, none a name: names of things, however few.

A name hint (``course_name``, ``subject_name``, ``unit_name``) and capitalised values agree on PERSON_NAME, and
the refutations of :func:`maskline.infotypes.shape_checks.hinted_names` need many values (``few_known_names``: 20
distinct) or values repeated over the rows (``category_words``). A school's six courses (``Algebra I``,
``Geometry``, ``Biology``, ``US History``) are neither; yet every word of them is a dictionary word and none is a
given or family name, which a person's name almost never is: a family name that is also a word (Baker, Rose,
Hope) is a known name, and a name the lists lack (Sunita, Ghensley) is no dictionary word.
:func:`maskline.infotypes.english_words.dictionary_word_form` answers both at once (a word, and no known name).

A Roman numeral after the words is a level (``Spanish II``), not an initial. Every value must pass, not a share: one value with a name in it (``Erin Murphy``) keeps the column people. Fewer
than :data:`MIN_VALUES` distinct values say too little (three genres, three ranks). The reading is refuted, not
settled: the fail-closed decision masks the column as before; only the type it was given goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_VALUES = 5  # distinct values: fewer ordinary words say too little
_WORDS = re.compile(r"[^\W\d_]+(?:[ '’/&-]+[^\W\d_]+)*")
# A level after the words (Algebra II, Spanish IV): a numeral, not an initial, as it never opens the value.
_LEVEL = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})


def ordinary_words(values: Sequence[str], rows: int = 0) -> str | None:
    """Why name-shaped ``values`` are names of things: every distinct value ordinary English words and no name.
    ``rows`` is unused (the signature of a shape check).

    >>> ordinary_words(["Algebra I", "Geometry", "Biology", "Chemistry", "US History", "Spanish I"])
    'ordinary words: every one of 6 distinct values is dictionary words and no name'

    People are not, even when their family names are words, nor are names the lists lack:

    >>> ordinary_words(["Anna Baker", "Mark Cook", "Rose Hill", "Tom Mason", "Hope Carter", "Luis Diaz"]) is None
    True
    >>> ordinary_words(["Sunita Kulkarni", "Manoj Iyer", "Ghensley", "Yonath", "Kholland"]) is None
    True
    >>> ordinary_words(["Geometry", "Biology", "Chemistry"]) is None  # too few to tell
    True
    """
    from maskline.infotypes.english_words import dictionary_word_form
    from maskline.infotypes.known_names import known_name

    distinct = {v.strip() for v in values if v.strip()}
    if len(distinct) < MIN_VALUES:
        return None
    for v in distinct:
        # A known name first: the name lists are loaded already, and a column of people stops at its first value
        # without reading the English dictionary.
        if not _WORDS.fullmatch(v) or known_name(v.title()):
            return None
        words = re.findall(r"[^\W\d_]+", v.casefold())
        if not all(dictionary_word_form(w) or (i and w in _LEVEL) for i, w in enumerate(words)):
            return None
    return f"ordinary words: every one of {len(distinct)} distinct values is dictionary words and no name"
