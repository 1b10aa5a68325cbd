"""How many of a column's name-shaped values are known names: what a name hint still needs from the values.

A column named ``name`` or ``display_name`` may hold anything with a name: drugs ("Keytruda"), music genres
("Flamenco"), programming languages ("Prolog"), universities. Value by value they are capitalised words, the shape
of a name; as a column they are a vocabulary in which almost no value is a known given name, carries a family-name
ending, or ends with a family name of Faker's countries. People's names in a script with capitals reach far more,
even where the lexicon lacks most of them: 17% for archaic Ukrainian given names (Чесмил, Творилад), the lowest on
the development splits; columns of such things reach 0% to 12%. Scripts without capitals are left out: their
given names are covered far less (Persian given names reach 0% to 7%).

>>> drugs = ["Ibuprofen", "Metformin", "Warfarin", "Keytruda", "Lisinopril", "Omeprazole", "Diazepam", "Codeine",
...          "Heparin", "Insulin", "Naproxen", "Aspirin", "Digoxin", "Xanax", "Prozac", "Zoloft", "Lipitor",
...          "Nexium", "Ventolin", "Humira", "Eliquis", "Xarelto"]
>>> few_known_names(drugs)
'names of things: 0% of 22 distinct capitalised values are known names'
>>> people = [f"{g} {f}" for g in ("Anna", "Jonas", "Maria", "Lukas") for f in ("Kern", "Blau", "Roth", "Vogt",
...           "Sand", "Fink")]
>>> few_known_names(people) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_VALUES = 20  # distinct capitalised values a share is read from
KNOWN_MIN = 0.15  # below this share of known names, a cased column is a vocabulary of things (people: 17% or more)
CASED_SHARE = 0.5  # values written in a script with capitals, for the column to be judged


def known_name(value: str) -> bool:
    """A known given name, a family-name ending, or a last word that is a family name of Faker's countries.

    >>> known_name("Anna Meier"), known_name("Kovalenko"), known_name("Silva"), known_name("Flamenco")
    (True, True, True, False)
    """
    from maskline.infotypes.person_names import name_key, surnames
    from maskline.infotypes.validators import person_name_or_family_ending

    words = value.replace(",", " ").split()
    return bool(words) and (person_name_or_family_ending(value) or name_key(words[-1]) in surnames())


def few_known_names(values: Sequence[str], rows: int = 0) -> str | None:
    """Why name-shaped values in a script with capitals are names of things: under ``KNOWN_MIN`` of the distinct
    values are known names (:func:`known_name`). None when they may be people, or too few to tell. ``rows`` is
    unused (the signature of a shape check).

    >>> few_known_names(["Jazz", "Blues", "Funk"]) is None  # too few distinct values to tell
    True
    """
    distinct = list(dict.fromkeys(v for v in values if v.strip()))
    cased = [v for v in distinct if v != v.lower()]
    if len(cased) < MIN_VALUES or len(cased) < CASED_SHARE * len(distinct):
        return None
    count = 0
    for v in cased:
        if known_name(v):
            count += 1
            # The share can only grow: once it reaches KNOWN_MIN the answer is None, whatever the other values
            # (a column of people's names gets there within its first values instead of reading thousands).
            if count / len(cased) >= KNOWN_MIN:
                return None
    known = count / len(cased)
    return f"names of things: {known:.0%} of {len(cased)} distinct capitalised values are known names"
