"""Function words (and, this, never, between) by language: what a column of people's names holds almost none of.

``data/function_words.txt`` holds spaCy's stop words of the languages written with capitals, less every given or
family name in Faker's lists (built by ``benchmarks/classification/build_function_words.py``). A column of pets',
horses' or bands' names made of dictionary words ("Zusammen", "Niemand", "Außerdem") holds a few of one
language's; a column of names holds at most one or two of any.

>>> most_function_words(["Zusammen", "Niemand", "Anna", "Sondern", "Luna"])
('de', 3)
>>> most_function_words(["Anna", "Jansen", "Luna"])
('', 0)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Each language's function words, as ``name_key`` keys.

    >>> "zusammen" in function_words()["de"], "anna" in function_words()["de"]
    (True, False)
    """
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "function_words.txt").read_text(encoding="utf-8")
    by_lang: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lang, word = line.split(" ", 1)
            by_lang.setdefault(lang, set()).add(word)
    return {lang: frozenset(words) for lang, words in by_lang.items()}


def most_function_words(words: Iterable[str]) -> tuple[str, int]:
    """The language of which the most ``words`` are function words, and how many (``("", 0)`` for none)."""
    from maskline.infotypes.person_names import name_key

    keys = [name_key(w) for w in words]
    best = ("", 0)
    for lang, known in sorted(function_words().items()):
        hits = sum(k in known for k in keys)
        if hits > best[1]:
            best = (lang, hits)
    return best
