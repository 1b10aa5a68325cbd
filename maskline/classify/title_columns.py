"""Is a prose column a column of titles (dishes, products, listings, books), and does a name in it name a person?

Names of things are written in title case: "Light Jamaican Black Cake with Strawberries and Cream", "Mario Kart
Wii (Wii) - Brand New", "Cherry and Almond Bakewell Florentine Slice". The prose pass reads a known given name and
the capitalised words after it as a person ("Rosemary Biscuits", "Rose Cake", "Mario Kart"), and an NER model
reads almost any pair of capitalised words in such a value as one ("Vanilla Biscuits", "Tiered White"). In prose
written in sentences, capitals mark names; in a title every word has one, so there a capital is no evidence.

A value is *title-shaped* (:func:`title_shaped`) when at least two of its words open with a capital and none of
five letters or more opens with a lower-case letter: sentences have lower-case verbs and nouns ("misses",
"wrapped", "refund", "gesprochen"); titles have only short function words in lower case ("with", "and", "of",
"w/"). A value all in capitals tells neither. A column is a *title column* (:func:`title_column`) when half of its
prose values or more are title-shaped, and ``TITLE_SHARE`` (80%) of those whose case tells. Measured on real tables
(title-shaped share of all prose values): cake names 94-99% (R's bakeoff), eBay listing titles 72% (85% of those
not in capitals); tweets 4%, product reviews 0%, basketball play-by-play ("Kobe Bryant misses 19-foot jumper")
23%.

In a title column, a person-name span is still a person (:func:`names_a_person_in_titles`) when

- it opens with a full name by the name lists of every Faker locale (a known given name, then given or family
  names, up to a known family name): "Anna Schmidt", "Kobe Bryant", "Harry Potter", "Anna Schmidt Farewell"; or
- it opens with a known given name, none of its other words is an English dictionary word or an inflection of
  one ("Biscuits", "Cake", "Loaf"), and its first two words are not *repeated*: a person mentioned in titles is
  mentioned in few of them, while a product's name recurs across the column ("Mario Kart" in 79 of 80 listings).

Validated spans (an e-mail, a phone), cue-based spans (a birth date) and addresses are not touched: a title column
that holds those is read as before.

>>> titles = ["Rosemary Biscuits with Royal Icing", "Chocolate Orange Cake", "Rose Cake with Vanilla Cream"]
>>> title_column(titles), title_column(["Kobe Bryant misses 19-foot jumper", "Kobe Bryant makes layup"])
(True, False)
>>> names_a_person_in_titles("Rosemary Biscuits", titles), names_a_person_in_titles("Anna Schmidt", titles)
(False, True)
"""

from __future__ import annotations

import re

TITLE_SHARE = 0.8  # of prose values whose case tells, title-shaped: cakes 94-99%, listings 85%; tweets 4%, plays 23%
LOWER_WORD_MIN = 5  # letters of a lower-case word that marks a sentence: "with", "from", "and" are in titles too
NAME_WORD_MIN = 3  # letters of a word the name lists are asked about: initials ("J.") and a possessive "s" are not
REPEATED_VALUES = 3  # values a span must recur in to be a product's name rather than a person's...
REPEATED_SHARE = 0.05  # ...and the share of the column's scanned values they must be

_WORD = re.compile(r"[^\W\d_]+")


def title_shaped(value: str) -> bool:
    """Whether a value is written as a title: two words or more open with a capital (or are in capitals), one of
    them in title case, and no word of ``LOWER_WORD_MIN`` letters or more opens with a lower-case letter.

    >>> title_shaped("Light Jamaican Black Cake with Strawberries and Cream"), title_shaped("MARIO KART for Nintendo Wii")
    (True, True)
    >>> title_shaped("Kobe Bryant misses 19-foot jumper"), title_shaped("Great service from Anna Schmidt")
    (False, False)
    >>> title_shaped("CALLED JOHN MILLER RE REFUND")
    False
    """
    return _case_shape(value) is True


def _case_shape(value: str) -> bool | None:
    """True for a title-shaped value, False for a sentence (a lower-case word of ``LOWER_WORD_MIN`` letters or more),
    None for a value whose case tells neither: all in capitals ("CALLED JOHN MILLER RE REFUND", a note shouted or
    from an old system, or a listing in capitals), or with fewer than two capitals."""
    capitals, titled = 0, False
    for word in _WORD.findall(value):
        first = word[0]
        if first.isupper():
            capitals += len(word) >= NAME_WORD_MIN
            titled = titled or word[1:].islower()
        elif first.islower() and len(word) >= LOWER_WORD_MIN:
            return False
    return True if capitals >= 2 and titled else None


def title_column(values: list[str]) -> bool:
    """Whether a column's prose values are titles: half of them or more are title-shaped (:func:`title_shaped`), and
    ``TITLE_SHARE`` of those whose case tells (all but values in capitals) are.

    >>> title_column(["Chocolate Orange Cake", "Red, White & Blue Chocolate Cake", "LEMON DRIZZLE LOAF"])
    True
    >>> title_column(["Called Anna Meier about the refund", "Order shipped on time", "Chocolate Orange Cake"])
    False
    >>> title_column(["CALLED JOHN MILLER RE REFUND", "ORDER SHIPPED ON TIME", "Chocolate Orange Cake"])
    False
    """
    shapes = [_case_shape(v) for v in values]
    titles, sentences = shapes.count(True), shapes.count(False)
    return titles >= 0.5 * len(values) and titles >= TITLE_SHARE * (titles + sentences) > 0


def names_a_person_in_titles(span: str, values: list[str]) -> bool:
    """Whether a person-name span found in a title column (:func:`title_column`) names a person: a full name by the
    name lists, or a known given name followed by no dictionary word that does not recur across the column's
    ``values`` (the module's docstring).

    >>> listings = [f"Mario Kart Wii (Wii) lot {i}" for i in range(20)]
    >>> names_a_person_in_titles("Mario Kart", listings), names_a_person_in_titles("Mario Kart", listings[:2])
    (False, True)
    >>> names_a_person_in_titles("Kobe Bryant", listings), names_a_person_in_titles("Summer Basket", listings)
    (True, False)
    """
    from maskline.infotypes.english_words import dictionary_word_form
    from maskline.infotypes.person_names import first_names, name_key, surnames

    words = [w for w in _WORD.findall(_unglued(span)) if len(w) >= NAME_WORD_MIN]
    if len(words) < 2 or name_key(words[0]) not in first_names():
        return False
    given, family = first_names(), surnames()
    keys = [name_key(w) for w in words]
    # A full name may open a longer span: the prose pass runs on into the capitalised words of the title after it
    # ("Anna Schmidt Farewell").
    for end in range(1, len(keys)):
        if keys[end] in family and all(k in given or k in family for k in keys[1:end]):
            return True
    if any(dictionary_word_form(w.lower()) for w in words[1:]):
        return False
    # The span's first two words: a product's name recurs with different words after it ("Mario Kart Wii Good",
    # "Mario Kart Nintendo").
    pair = re.compile(r"\b" + r"\W+".join(map(re.escape, words[:2])) + r"\b", re.IGNORECASE)
    recurs = sum(bool(pair.search(_unglued(v))) for v in values)
    return recurs < max(REPEATED_VALUES, REPEATED_SHARE * len(values))


def _unglued(text: str) -> str:
    """``text`` with a space before each capital that follows a lower-case letter: words run together in a title
    ("Violet ButtercreamRaspberries", "Lemon NaanGarlic") are read one by one.

    >>> _unglued("Lemon NaanGarlic"), _unglued("Anna Meier")
    ('Lemon Naan Garlic', 'Anna Meier')
    """
    return "".join(" " + c if i and c.isupper() and text[i - 1].islower() else c for i, c in enumerate(text))
