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


# A few values repeated over the rows (a category's shape) under a name hint: people's names are known names at a
# rate of half or more (the lowest column on the development splits, Italian and Brazilian names the lists lack
# most, reaches 54%), so a handful of values of which hardly any is known is a vocabulary of things (brands, car
# models, genres). Read as a binomial test, not a share: five unknown values of five prove less than twenty of
# twenty-five.
REPEATED_MIN = 5  # distinct values: fewer prove nothing at PEOPLE_KNOWN_RATE (five unknowns: p = 0.03)
REPEATED_MAX = 50  # distinct values of a category, as shape_checks.CATEGORY_MAX
REPEATS = 2  # rows holding a value per distinct value, as for shape_checks.category_words
PEOPLE_KNOWN_RATE = 0.5  # a person's name is a known name at least this often (54% on the lowest column)
MAX_P_VALUE = 0.01  # chance that people's names leave so few known: a handful of Italian employees, 8 in 8 values
# with one known, stays a person column (p = 0.035)


def few_known_among_repeated(values: Sequence[str], rows: int = 0) -> str | None:
    """Why a few capitalised values repeated over ``rows`` (rows holding a value) are names of things: so few of
    them are known names (:func:`known_name`) that people's names, known at ``PEOPLE_KNOWN_RATE`` or more, leave
    as few with a chance under ``MAX_P_VALUE``. Scripts without capitals are not read (their names are covered
    less).

    >>> brands = ["Dr. Oetker", "Dior", "Siemens", "Levi's", "Kellogg's", "Marriott", "Peugeot", "Dell", "Bosch",
    ...           "Ralph Lauren", "Michelin", "Disney", "Goodyear", "McDonald's", "Porsche", "Cadbury"]
    >>> few_known_among_repeated(brands, 300)
    'names of things: 2 of 16 distinct values repeated over 300 rows are known names (people: p = 0.0021)'
    >>> staff = ["Anna Rossi", "Marco Bianchi", "Pancrazio Baldi", "Giacobbe Azzaro", "Lucia Ferri", "Sara Conti"]
    >>> few_known_among_repeated(staff, 300) is None  # a handful of people repeated: still names
    True
    >>> few_known_among_repeated(brands, 20) is None  # too few rows to call the values repeated
    True
    """
    from maskline.infotypes.binomial import tail_at_most

    distinct = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if not REPEATED_MIN <= len(distinct) < REPEATED_MAX or rows < REPEATS * len(distinct):
        return None
    cased = [v for v in distinct if v != v.lower()]
    if len(cased) < CASED_SHARE * len(distinct) or len(cased) < REPEATED_MIN:
        return None
    known = sum(1 for v in cased if known_name(v))
    p = tail_at_most(known, len(cased), PEOPLE_KNOWN_RATE)
    if p >= MAX_P_VALUE:
        return None
    return (f"names of things: {known} of {len(cased)} distinct values repeated over {rows} rows are known names "
            f"(people: p = {p:.2g})")
