"""Known given and family names, in every script Faker's person providers cover, and how a value is matched.

``data/first_names.txt`` holds the given names of every Faker locale (and mimesis' Japanese and Korean ones) and ``data/family_names.txt`` the family
names of the locales that write the family name first (both built by
``benchmarks/classification/build_name_list.py``). A value opens with a known name when:

- its first word is a given name ("Jennifer Burns", "Олег Петров", "สมชาย ใจดี", "محمد علي");
- it is written "Family, Given" and the word after the comma is a given name ("Burns, Jennifer");
- its first word is a family name of a family-first locale and its second a given name ("Nagy László",
  "Иванов Иван");
- it is one run of a script without spaces between the names (Han, Kana, Hangul) that is a known family name
  followed by a given name, or by one or two characters found in given names ("王秀英", "김민준", "山田太郎"):
  the family name decides these, as a given name cannot be told from a word there.

Lists are read once, on first use, into frozensets: every lookup is a set membership.

>>> opens_with_known_name(["Jennifer", "Burns"]), opens_with_known_name(["Blue", "Widget"])
(True, False)
>>> opens_with_known_name(["김민준"]), opens_with_known_name(["王秀英"]), opens_with_known_name(["上海"])
(True, True, False)
"""

from __future__ import annotations

import unicodedata
from functools import cache


# Not cached by word: an lru_cache here held 65,536 words of people's names for the process's life, and its answer
# is the name itself, so no digest could stand in for it. What is cached is each character's fold, which says
# nothing of anyone: folding character by character is what fold() does (NFKD decomposes each one, and dropping
# every combining mark undoes the only reordering it makes across them), but for lower-casing, which reads a whole
# word (a final sigma) and so stays last. ASCII, most names, is only lower-cased (NFKD leaves it as it is).
def name_key(word: str) -> str:
    """The lookup key of a name: folded (lower case, no accents) as ``name_hints.fold``, Hangul kept whole.

    >>> name_key("José"), name_key("Ölçer"), name_key("김"), name_key("McKay"), name_key("ΟΔΟΣ"), name_key("Straße")
    ('jose', 'olcer', '김', 'mckay', 'οδος', 'strasse')
    """
    if word.isascii():
        return word.lower()
    folded = word.translate(_FOLDED_CHARACTERS).lower()
    # fold() decomposes (NFKD): Hangul syllables fall apart into jamo; compose them again.
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


class _FoldedCharacters(dict[int, str]):
    """Each character's fold but for lower-casing (NFKD, combining marks dropped, ``ß`` as ``ss``), computed on
    first sight: a ``str.translate`` table.

    >>> "Ñandú".translate(_FoldedCharacters())
    'Nandu'
    """

    def __missing__(self, ordinal: int) -> str:
        char = "ss" if ordinal in (0xDF, 0x1E9E) else chr(ordinal)  # ß, ẞ: as name_hints.fold
        folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if len(self) >= FOLDED_CHARACTERS:  # text of every script at once must not grow it without end
            self.clear()
        self[ordinal] = folded
        return folded


FOLDED_CHARACTERS = 8192  # the characters' folds kept (the Han characters of names run to a few thousand)
_FOLDED_CHARACTERS = _FoldedCharacters()


def _read(name: str) -> frozenset[str]:
    """The keys of a name file: one word a line after a ``#`` header, split in C. Read beside this module with
    pathlib: importing and resolving ``importlib.resources`` cost 20 ms of a scan's start, the read 1 ms."""
    from pathlib import Path

    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    body = text.split("\n", 1)[1] if text.startswith("#") else text
    return frozenset(body.split())


@cache
def first_names() -> frozenset[str]:
    """Given names of every Faker locale, as ``name_key`` keys.

    >>> {"jennifer", "oleg", "олег", "민준", "太郎"} <= first_names()
    True
    """
    return _read("first_names.txt")


@cache
def common_first_names() -> frozenset[str]:
    """Given names that two Faker country providers or more list: the ones a login handle is built on.

    >>> "anna" in common_first_names(), "gulizar" in common_first_names()
    (True, False)
    """
    return _read("common_first_names.txt")


@cache
def family_names() -> frozenset[str]:
    """Family names of the Faker locales that write the family name first, as ``name_key`` keys.

    >>> {"nagy", "иванов", "王", "김", "山田"} <= family_names()
    True
    """
    return _read("family_names.txt")


@cache
def surnames() -> frozenset[str]:
    """Family names of every Faker country provider, each word of three letters or more, as ``name_key`` keys.

    For columns of family names alone (:mod:`maskline.classify.single_names`); a value is never a person by this
    list alone, as many family names are words or places too (Baker, Berlin).

    >>> {"silva", "muller", "jansen", "tamm"} <= surnames(), "van" in surnames()
    (True, False)
    """
    return _read("surnames.txt")


@cache
def _given_name_characters() -> frozenset[str]:
    """Characters of Faker's given names in scripts without case (Han, Kana, Hangul...): the parts of unseen given
    names. Not those of every listed name: mimesis' Japanese and Korean names would add 市, 国 and common Hangul
    syllables, and 千葉市 or 中国人 would read as a family name and a given name (``build_name_list.py``).

    >>> {"太", "郎", "민"} <= _given_name_characters(), "市" in _given_name_characters()
    (True, False)
    """
    return _read("given_name_characters.txt")


def _caseless(word: str) -> bool:
    return not word.isascii() and all(c.lower() == c.upper() for c in word)


def _unspaced_full_name(word: str) -> bool:
    """A family name then a given name written without a space (王秀英, 김민준, 山田太郎): 2 to 6 characters."""
    if not 2 <= len(word) <= 6 or not _caseless(word):
        return False
    families, given, chars = family_names(), first_names(), _given_name_characters()
    for cut in range(1, min(3, len(word) - 1) + 1):
        rest = word[cut:]
        if word[:cut] in families and (rest in given or len(rest) <= 2 and all(c in chars for c in rest)):
            return True
    return False


def opens_with_known_name(words: list[str], comma: bool = False) -> bool:
    """The words of a value (titles removed) open with a known name, by the rules in this module's docstring.

    ``comma``: the value was written with a comma after its first word ("Burns, Jennifer").

    >>> opens_with_known_name(["Nagy", "László"]), opens_with_known_name(["Burns", "Jennifer"], comma=True)
    (True, True)
    >>> opens_with_known_name(["Nagy", "Widget"])
    False
    """
    if not words:
        return False
    given = first_names()
    first = name_key(words[0]).split("-")[0]
    if first in given:
        return True
    if len(words) > 1:
        return name_key(words[1]).split("-")[0] in given and (comma or first in family_names())
    return _unspaced_full_name(first)
