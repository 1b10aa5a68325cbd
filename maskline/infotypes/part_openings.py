"""Column names made of the openings of a hint's parts: ``GEBDAT``, ``fec_nac``, ``DATNAISS``, ``dat_nasc``.

German, Spanish, French, Italian and Portuguese schemas shorten a hint of two parts by keeping the opening of each
(``GEBDAT`` for Geburtsdatum, ``fec_nac`` for fecha de nacimiento, ``DATNAISS`` for date de naissance). English
truncations are read by :mod:`maskline.infotypes.abbreviations`, which reads no foreign word: one cut of a long
foreign word would take any short word. Two cuts in order are much rarer by chance, so this reading asks for two:

- the name (one word, or two) splits into exactly two pieces of three letters or more, the first piece the
  opening of the hint's first word, the second the opening of a later word of the hint (a multi-word hint, linking
  words such as "de" skipped) or of a later part of a one-word hint of ten letters or more (German compounds,
  whose parts no list splits);
- the second piece starts after the first piece's end in the hint (a plain truncation is the other module's);
- no piece is a word of fixed meaning (negating, measure, key or thing words: the caller passes them), and a
  one-word name is no English word of its own (``patent`` is not "pat" and "ent" of Patientennummer: the caller
  checks it).

On the first probe of non-English tables (``extcsv5``) an employee table's ``GEBDAT`` (dates of type DATE) passed
raw as "temporal": its values spread over 20 years, one short of the age-distribution reading, and the name was
read as nothing. Read at :data:`PART_OPENINGS_SCORE`, as a word cut short is.
"""

from __future__ import annotations

from collections.abc import Sequence

from maskline.infotypes.key_first import LINK_WORDS as ROMANCE_LINK_WORDS

PART_OPENINGS_SCORE = 0.7  # as a word cut short (abbreviations.SHORTENED_SCORE): below a skeleton and a hint
MIN_PIECE = 3  # letters of each opening
MIN_COMPOUND = 10  # letters of a one-word hint whose inner parts may open a piece (geburtsdatum, passnummer)
# The Romance linking words key_first skips, and the articles and "of" a hint written out may hold between parts.
LINK_WORDS = ROMANCE_LINK_WORDS | {"of", "la", "le"}


def _pieces(words: Sequence[str]) -> list[tuple[str, str]]:
    if len(words) == 2:
        return [(words[0], words[1])]
    if len(words) == 1:
        w = words[0]
        return [(w[:i], w[i:]) for i in range(MIN_PIECE, len(w) - MIN_PIECE + 1)]
    return []


def opens_parts(words: Sequence[str], hint: Sequence[str], fixed: frozenset[str] = frozenset()) -> bool:
    """Whether the name's words are two openings, in order, of the hint's parts (see the module's rules).

    >>> opens_parts(("gebdat",), ("geburtsdatum",)), opens_parts(("fec", "nac"), ("fecha", "de", "nacimiento"))
    (True, True)
    >>> opens_parts(("datnaiss",), ("date", "de", "naissance")), opens_parts(("geburt",), ("geburtsdatum",))
    (True, False)
    >>> opens_parts(("fec", "nac"), ("fecha",)), opens_parts(("ge", "dat"), ("geburtsdatum",))
    (False, False)
    >>> opens_parts(("persnum",), ("personnummer",), fixed=frozenset({"num"}))  # pers_num: a number word's reading
    False
    """
    if not all(w.isascii() and w.isalpha() for w in words) or not all(h.isascii() and h.isalpha() for h in hint):
        return False
    parts = [h for h in hint if h not in LINK_WORDS]
    if not parts:
        return False
    for a, b in _pieces(words):
        if len(a) < MIN_PIECE or len(b) < MIN_PIECE or not parts[0].startswith(a) or {a, b} & fixed:
            continue
        if len(parts) > 1 and any(p.startswith(b) for p in parts[1:]):
            return True
        # One compound word: the second piece opens a later part, after the first piece and a letter skipped.
        if len(parts) == 1 and len(parts[0]) >= MIN_COMPOUND and b in parts[0][len(a) + 1:]:
            return True
    return False
