"""Names of people in prose written in a script without capitals (Thai, Devanagari, Arabic, Hebrew...).

The prose pass (:mod:`maskline.text.names`) finds a name by its capital letters: a known given name followed by
capitalised words. A script without case has no capitals to go by, so a given name alone cannot be told from a
word there (many given names are words: "สมหญิง", "आशा", "امید"). A *pair* can: a whole word that is a known given
name (``first_names.txt``) followed, after a space, by a whole word that is a known family name (``surnames.txt``),
both lists built from the national statistics behind Faker's person providers. Thai writes a sentence as one run
without spaces but sets a person's name apart with spaces, which this rule reads.

The scrubber's prose pass masks these spans (:func:`maskline.text.prose.find_prose`), and the classifier counts
them as names mentioned in notes (:mod:`maskline.classify.free_text`).

>>> text = "ระยำสบายคอกกลาง  Handed over to กิติกานต์ หิรัญสาลี today."
>>> [text[a:b] for a, b in caseless_name_pairs(text)]
['กิติกานต์ หิรัญสาลี']
>>> caseless_name_pairs("ใบไม้กับผลัดเจ็บไข้แจ่มใสหยอกรสชาติศาลากลางสมาคมแม่")
[]
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\S+")
_EDGE_PUNCTUATION = ".,;:!?()[]\"'«»“”。、"


def _caseless_word(word: str) -> bool:
    """A word of letters and marks in a script without case (no ASCII, no capitals to read)."""
    import unicodedata

    return bool(word) and not word.isascii() and word.lower() == word.upper() and \
        all(c.isalpha() or unicodedata.category(c).startswith("M") for c in word)


def caseless_name_pairs(text: str) -> list[tuple[int, int]]:
    """Spans of a known given name and a known family name, next to each other, in a script without case.

    >>> caseless_name_pairs("Escalated to राजेश शर्मा today.")
    [(13, 24)]
    >>> caseless_name_pairs("Call from Anna Meier today.")
    []
    """
    if text.isascii():
        return []
    from maskline.infotypes.person_names import first_names, name_key, surnames

    tokens = [(m.start(), m.group().strip(_EDGE_PUNCTUATION)) for m in _TOKEN.finditer(text)]
    given, families = first_names(), surnames()
    spans: list[tuple[int, int]] = []
    for (a, first), (b, family) in zip(tokens, tokens[1:], strict=False):
        if not text[a:b].rstrip().endswith(first) or not _caseless_word(first) or not _caseless_word(family):
            continue  # punctuation after the given name ends the name
        if name_key(first) in given and name_key(family) in families:
            start = a + text[a:b].index(first)
            spans.append((start, b + text[b:].index(family) + len(family)))
    return spans
