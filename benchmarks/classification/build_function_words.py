"""Rebuild ``maskline/infotypes/data/function_words.txt`` from spaCy's stop-word lists.

A column of people's names holds almost no function words (and, this, never, between) of any one language; a
column of pets', horses' or bands' names made of dictionary words holds some (``maskline.classify.single_names``).
spaCy (MIT) ships a stop-word list per language; we keep the languages written in a script with capitals (where a
capitalised word can pass for a name), words of three letters or more, and leave out every word that is a given
or family name in Faker's lists (Will, May, Ned), so that a name is never counted as a word. Indonesian, Malay,
Tagalog, Lithuanian and Vietnamese are left out: their lists hold common given names (Karena, Minta, Hue).
Each line is ``language word``. Run: ``python -m benchmarks.classification.build_function_words``.
"""

from __future__ import annotations

import importlib
from importlib.metadata import version
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "function_words.txt"
LANGUAGES = ("af", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fi", "fr", "ga", "gd", "hr", "hu",
             "is", "it", "lb", "lv", "mk", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr",
             "uk")


def function_words() -> list[str]:
    """``language word`` lines: each language's stop words that are no Faker name, as lookup keys, sorted."""
    from maskline.infotypes.person_names import family_names, first_names, name_key, surnames

    names = first_names() | surnames() | family_names()
    lines: set[str] = set()
    for lang in LANGUAGES:
        words = importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS
        for word in words:
            key = name_key(word)
            if len(key) >= 3 and key.isalpha() and " " not in word and key not in names:
                lines.add(f"{lang} {key}")
    return sorted(lines)


def main() -> None:
    write_data_file(TARGET, f"function words (stop words) by language, from spaCy {version('spacy')} "
                    "(build_function_words.py)", function_words())


if __name__ == "__main__":
    main()
