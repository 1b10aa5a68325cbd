"""English dictionary words that are no person's name, read from ``data/english_words.txt.gz``.

The list (WordNet lemmas and English stop words, less every known given or family name) is built by
``benchmarks/classification/build_english_words.py`` and read on first use. The handle detector asks it so that
event names and labels made of words (``purchase``, ``add_to_cart``) are not read as handles built on a name
(``pur-chase``), while ``mark_rose`` or ``deborah47`` still are.

>>> dictionary_word("purchase"), dictionary_word("cart"), dictionary_word("deborah"), dictionary_word("rose")
(True, True, False, False)
"""

from __future__ import annotations

from functools import cache


@cache
def english_words() -> frozenset[str]:
    """The shipped words, lower case.

    >>> "newsletter" in english_words(), "smith" in english_words()
    (True, False)
    """
    import gzip
    from pathlib import Path

    text = gzip.decompress((Path(__file__).parent / "data" / "english_words.txt.gz").read_bytes()).decode("utf-8")
    body = text.split("\n", 1)[1] if text.startswith("#") else text
    return frozenset(body.split())


def dictionary_word(word: str) -> bool:
    """Whether ``word`` (lower case, no separators) is an English dictionary word and no known name.

    >>> dictionary_word("view"), dictionary_word("Purchase"), dictionary_word("linkedin")
    (True, False, False)
    """
    return word in english_words()


# Regular English endings and the stem each leaves: the list holds lemmas (``party``, ``designate``), while handles
# and labels hold words as written (``parties``, ``designated``). Longer endings first, so ``ies`` is tried before
# ``s``.
_ENDINGS = (("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""))


def dictionary_word_form(word: str) -> bool:
    """Whether ``word`` (lower case) is a dictionary word or a regular inflection of one (a plural, a past tense, an
    ``-ing`` form, an ``-ly`` adverb), and no known name.

    >>> dictionary_word_form("parties"), dictionary_word_form("designated"), dictionary_word_form("loops")
    (True, True, True)
    >>> dictionary_word_form("yonath"), dictionary_word_form("ghensley"), dictionary_word_form("xs")
    (False, False, False)
    """
    if dictionary_word(word):
        return True
    return any(word.endswith(end) and len(word) - len(end) >= 3 and dictionary_word(word[: len(word) - len(end)] + stem)
               for end, stem in _ENDINGS)
