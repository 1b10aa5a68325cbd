"""Family names told by their form: the endings and prefixes many languages build family names with.

A list of given names cannot know every family name, but in many languages family names share a few endings,
mostly patronymic and possessive suffixes ("son of", "of the family of"): Petrov, Kovalenko, Kowalski, Novák and
Nováková, Jurčević, Jónsson and Jónsdóttir, Virtanen, Papadopoulos, Yılmazoğlu, Hosseinzadeh, Fernández,
Beridze, Amelink and Tjallinga (Dutch Saxon and Frisian). A column most of whose values carry such an ending, and are name-shaped, holds family names (or full
names ending with one), which a column of cities, brands or nationalities does not: a city or a brand may end so
("Kirov", "Gucci"), but not most of a column of them.

Endings are matched on the folded last or first word (``name_hints.fold``: lower case, no accents), of five
letters or more so that short words ("Kiev", "Sony") do not count. Endings that end common words or
nationalities (English -ian, -ton; Turkish -li, which ends "Israeli" and "Nepali") are left out on purpose.

>>> reads_as_family_name("Kovalenko"), reads_as_family_name("Anna Jónsdóttir"), reads_as_family_name("Radić")
(True, True, True)
>>> reads_as_family_name("Berlin"), reads_as_family_name("Canadian"), reads_as_family_name("Kovalenko Trattoria")
(False, False, False)
>>> reads_as_family_name("Frederic"), reads_as_family_name("Jurčević")
(False, True)
"""

from __future__ import annotations

import re
from functools import cache

# Folded endings, by the languages that build family names with them.
SURNAME_ENDINGS: tuple[str, ...] = (
    # Russian, Ukrainian, Belarusian, Bulgarian, Kazakh, Azerbaijani (Latin and Cyrillic)
    "ov", "ova", "ev", "eva", "ovich", "evich", "ovna", "evna", "enko", "chuk", "yuk", "uly", "kyzy",
    "ов", "ова", "ев", "ева", "ин", "ина", "ын", "ына", "енко", "ук", "юк", "чук", "ович", "евич", "ский", "ская",
    "ський", "ська", "цкий", "цька", "ұлы", "қызы",
    # Polish, Czech, Slovak, Croatian, Serbian, Slovenian
    "ski", "ska", "cki", "cka", "dzki", "dzka", "wicz", "czyk", "czak", "sky", "ovic", "evic",
    # Nordic: Swedish, Danish, Norwegian, Icelandic, Finnish
    "son", "sen", "dottir", "strom", "qvist", "kvist", "nen",
    # Greek (Latin and Greek script), Romanian, Turkish, Armenian, Persian, Georgian
    "poulos", "poulou", "akis", "idis", "ides", "ιδης", "ιδη", "ιδου", "πουλος", "πουλου", "ακης", "ακη",
    "escu", "eanu", "oglu", "yan", "ян", "zadeh", "zade", "pour", "زاده", "پور", "შვილი", "ძე",
    # Spanish patronymics, German and Dutch occupational and Frisian endings, Italian diminutives
    "ez", "mann", "stra", "sma", "etti", "elli", "ucci",
    # Dutch Saxon (Twente, Achterhoek) and Frisian "-ing" patronymics, in their old spellings: Amelink, Huenink,
    # Goorkinck, Tjallinga
    "ink", "inck", "inga",
)
# Words that end with an ending above and are not the family name it makes: "brink" (a village green, and an
# English word) ends place names and words ("Lage Brink", "Ackerbrink"), not the Saxon patronymic -ink.
NOT_ENDINGS: tuple[str, ...] = ("brink",)
# Endings compared as written (lower case, accents kept): folded, Croatian -ić would be the -ic of Frederic, Eric.
EXACT_ENDINGS: tuple[str, ...] = ("ić", "ová", "ský", "ská")
MIN_WORD = 5  # letters of a word that ends with a family-name ending ("Kiev", "Sony" are too short to tell)
# Prefixes that open family names: Mc/Mac, O' (Irish and Scottish), particles before a capitalised name
# (Dutch "te" and "tho" as "ter": "te Meken", "tho Boomfeldt").
_PREFIXED = re.compile(r"^(?:(?:Mc|Mac)[A-Z]\w+|O['’][A-Z]\w+|(?:van|von|de|da|di|dos|ter|ten|te|tho|del|della) "
                       r"(?:der |den |la )?[A-Z]\w+)")


@cache
def _endings() -> tuple[str, ...]:
    from maskline.infotypes.name_hints import fold

    return tuple(sorted({fold(e) for e in SURNAME_ENDINGS}, key=len, reverse=True))


def reads_as_family_name(value: str) -> bool:
    """A name-shaped value (one to three words) whose first or last word has a family-name ending, or that
    opens with a family-name prefix (McAllister, O'Brien, van der Berg).

    >>> reads_as_family_name("МУСТАФИНА Айнур"), reads_as_family_name("van der Berg"), reads_as_family_name("de")
    (True, True, False)
    >>> reads_as_family_name("te Meken"), reads_as_family_name("Goorkinck"), reads_as_family_name("امین\u200cزاده")
    (True, True, True)
    >>> reads_as_family_name("Ackerbrink")
    False
    """
    from maskline.infotypes.name_hints import fold
    from maskline.infotypes.validators import person_name_shape

    words = value.replace(",", " ").split()
    if not 1 <= len(words) <= 3 or not person_name_shape(value):
        return False
    if _PREFIXED.match(value.strip()):
        return True
    endings = _endings()
    return any(len(w) >= MIN_WORD and (fold(w).endswith(endings) and not fold(w).endswith(NOT_ENDINGS)
                                       or w.lower().endswith(EXACT_ENDINGS))
               for w in {words[0], words[-1]})
