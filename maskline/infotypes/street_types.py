"""Street-type words of every language Faker's address providers cover (``data/street_types.txt``).

The file (built by ``benchmarks/classification/build_street_types.py``) has one line per word:
``language<TAB>position<TAB>word``, where position is ``prefix`` (rue, Calle, ulica, Jalan), ``suffix``
(Street, utca) or ``glued`` (the end of one word: Haupt\\ *straße*, Stor\\ *gatan*). It is read once, on first
use; lookups are set memberships and one compiled pattern.

>>> "ulica" in street_words() and "utca" in street_words() and "jalan" in street_words()
True
>>> "gatan" in glued_suffixes() and "straat" in glued_suffixes()
True
"""

from __future__ import annotations

from functools import cache


@cache
def street_types() -> tuple[tuple[str, str, str], ...]:
    """Every (language, position, word) of the file, words as Faker writes them.

    >>> ("pl", "prefix", "ulica") in street_types()
    True
    """
    from pathlib import Path

    # pathlib, not importlib.resources: see person_names._read
    text = (Path(__file__).parent / "data" / "street_types.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return tuple((r[0], r[1], r[2]) for r in rows if len(r) == 3)


def words_at(position: str, languages: frozenset[str] | None = None) -> tuple[str, ...]:
    """The words standing at ``position`` (``prefix``, ``suffix``, ``glued``), of ``languages`` (all if None).

    >>> "Strada" in words_at("prefix", frozenset({"ro"}))
    True
    """
    return tuple(sorted({w for lang, pos, w in street_types()
                         if pos == position and (languages is None or lang in languages)}))


@cache
def street_words() -> frozenset[str]:
    """Every one-word street type, folded as ``name_hints.fold`` folds it, without its dot ("ul." -> "ul").

    Words of several (Cul-de-sac, Right of Way) are left out: their parts ("de", "of") are not street words.
    So are short words that folding turns into other words (Vietnamese Số, Tổ, Dãy would be "so", "to", "day").

    >>> {"street", "rue", "strasse", "ul", "utca"} <= street_words(), "so" in street_words()
    (True, False)
    """
    return frozenset(key for _lang, _pos, word in street_types() if (key := _key(word)) is not None)


def _key(word: str) -> str | None:
    from maskline.infotypes.name_hints import fold

    bare = word.rstrip(".")
    folded = fold(bare)
    if not folded.isalnum() or folded != bare.lower() and len(folded) < 5:
        return None
    return folded


@cache
def glued_suffixes() -> frozenset[str]:
    """Folded street-type endings of one word (straße -> strasse, gatan, straat, katu), of four letters or more:
    shorter ones (Norwegian -lia, Dutch -pad) end too many other words (Italia, Thinkpad).

    >>> {"strasse", "gatan", "katu"} <= glued_suffixes()
    True
    """
    return frozenset(key for _lang, pos, w in street_types() if pos == "glued" and len(key := _key(w) or "") >= 4)


def glued_words() -> tuple[str, ...]:
    """The ``glued`` words as Faker writes them (gatan, vägen, straat), of four letters or more when folded, for
    patterns that match the text as written.

    >>> "vägen" in glued_words(), "lia" in glued_words()
    (True, False)
    """
    return tuple(w for w in words_at("glued") if len(_key(w) or "") >= 4)
