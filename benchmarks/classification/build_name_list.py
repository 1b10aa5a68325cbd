"""Rebuild ``maskline/infotypes/data/first_names.txt`` and ``family_names.txt`` from Faker's person providers.

Faker (MIT) takes these lists from national name statistics. We read every person provider Faker ships (every
locale, every script), so the dictionary is not limited to the languages the project was tuned on:

- ``first_names.txt``: every given name (``first_names*``, ``first_romanized_names*``, ``first_kana_names*``
  and Japanese name pairs) of every country's provider (a language's default provider, such as ``en``, only
  where that language has no country provider: see ``_national``);
- ``common_first_names.txt``: the given names two country providers or more list, for login handles;
- ``family_names.txt``: the family names of the locales that write the family name first ("Nagy László",
  "Иванов Иван", "山田 太郎", "王秀英", "김민준"), read from each provider's own name formats, so a value that
  opens with a family name is still recognised as a person (see ``maskline.infotypes.person_names``);
- ``surnames.txt``: the family names of every country's provider, each capitalised word of three letters or
  more (particles such as ``van``, ``de`` left out), for columns of family names alone
  (``maskline.classify.single_names``).

Faker's Japanese and Korean providers list few names (121 Korean given names, 44 family names; mimesis 960 and
262), so people named in notes in those languages went unread. Their given and family names are added from mimesis' locale data (MIT; ``ja`` and
``ko`` ``person.json``), with two limits, since a name there is matched inside a run of letters without spaces
(``person_names._unspaced_full_name``): a Japanese given name must hold a Han character (a name in kana alone, あゆ,
いずみ, is a word or a verb's ending in running text), and a family name must have two characters or more (the one-
character family names mimesis adds, 가, 간, 会, open many words); the one-character ones Faker lists stay.
The characters an unseen given name is built from (``given_name_characters.txt``) stay Faker's: mimesis' names
would add 市, 国 and many Hangul syllables to them, and a family name then one or two such characters reads as a
person (千葉市, 中国人): on the words of mimesis' own Korean and Japanese text, 738 of 10,810 Korean words and 148
of 5,708 Japanese ones would be taken for names (236 and 17 before), against 246 and 21 with Faker's characters.

Names are keyed as ``maskline.infotypes.person_names.name_key`` keys them (``fold()``, then NFC so Hangul stays
syllables). Run: ``python -m benchmarks.classification.build_name_list``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

DATA = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data"
FIRST_TARGET = DATA / "first_names.txt"
FAMILY_TARGET = DATA / "family_names.txt"
COMMON_TARGET = DATA / "common_first_names.txt"
SURNAME_TARGET = DATA / "surnames.txt"
CHARACTER_TARGET = DATA / "given_name_characters.txt"
# Particles before a family name ("Van Dijk", "De Souza", "Della Valle", "El Amrani"), capitalised or not: words of
# names, not names.
PARTICLES = frozenset({"van", "von", "der", "den", "des", "del", "della", "dei", "degli", "dos", "das", "ter", "ten",
                       "zu", "zum", "zur", "bin", "ibn", "bint", "abu", "ben", "al", "el", "la", "le", "les", "lo",
                       "du", "de", "da", "di", "do", "af", "av", "mac", "ap", "het", "op", "ou", "et", "y", "e", "i"})


def _providers() -> Iterator[tuple[str, type]]:
    """Every locale's person provider class, by locale name, in Faker's order."""
    import faker.providers.person as person

    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        yield module.name, provider


def _values(provider: type, wanted: Iterable[str]) -> Iterator[str]:
    """The strings of the provider's list (or weighted dict) attributes whose names start with ``wanted``."""
    for attr in dir(provider):
        if not attr.startswith(tuple(wanted)):
            continue
        value = getattr(provider, attr)
        if isinstance(value, dict | list | tuple | set | frozenset):
            for item in value:
                # ja_JP's name pairs are (kanji, kana, romanised) triples: all three are the name
                yield from (item if isinstance(item, tuple) else (item,))


def _family_first(provider: type) -> bool:
    """The locale writes the family name first in at least one of its name formats."""
    formats: list[str] = []
    for attr in dir(provider):
        value = getattr(provider, attr)
        if "formats" in attr and isinstance(value, dict | list | tuple):
            formats.extend(f for f in value if isinstance(f, str))
    return any(f.startswith("{{last_name") for f in formats)


def _keys(names: Iterable[str], shortest: int = 3) -> set[str]:
    """Lookup keys of whole names: the first word of a compound ("Ciro Benjamin", "عبد الكريم"), letters and
    marks only. In a script with capitals a given name needs three letters (``shortest``): two cannot tell a name
    from a word or a code ("Us", "Vu", "El", "An" against US, VU, el, an). Family names may have two (Li, Wu,
    Xu): they count only before a given name. In a script without capitals (Han, Hangul) one character is a name
    (伟, a Chinese given name)."""
    from maskline.infotypes.person_names import name_key

    out: set[str] = set()
    for name in names:
        words = name.split()
        if not words:
            continue
        key = name_key(words[0]).split("-")[0]
        if not key or not all(unicodedata.category(c)[0] in "LM" for c in key):
            continue
        if len(key) >= shortest or key.lower() == key.upper():
            out.add(key)
    return out


def _national(providers: list[tuple[str, type]]) -> list[tuple[str, type]]:
    """The providers of a country (en_US, th_TH), and a language's default provider (``en``, ``sw``) only where
    no country provider of that language exists. ``en`` is not a country's statistics but the long tail of US
    records, 6,800 names of which many are places and words (Boston, Florida, King, Sunday, York)."""
    countries = {locale.split("_")[0] for locale, _ in providers if "_" in locale}
    return [(locale, p) for locale, p in providers if "_" in locale or locale not in countries]


MIMESIS_LOCALES = ("ja", "ko")  # locales whose names Faker's providers hold too few of
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _mimesis_person(locale: str) -> dict:
    """mimesis' ``person.json`` of ``locale``: its given names by gender under ``names``, its ``surnames``."""
    import json
    from pathlib import Path

    import mimesis

    path = Path(mimesis.__file__).parent / "datasets" / locale / "person.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def mimesis_first_names() -> set[str]:
    """The given names of mimesis' Japanese and Korean data, as lookup keys; Japanese ones only when they hold a
    Han character (see the module's docstring)."""
    found: set[str] = set()
    for locale in MIMESIS_LOCALES:
        names = [n for group in _mimesis_person(locale)["names"].values() for n in group]
        found |= _keys(n for n in names if locale != "ja" or _HAN.search(n))
    return found


def mimesis_family_names() -> set[str]:
    """The family names of mimesis' Japanese and Korean data of two characters or more, as lookup keys."""
    found: set[str] = set()
    for locale in MIMESIS_LOCALES:
        found |= {k for k in _keys(_mimesis_person(locale)["surnames"], shortest=2) if len(k) >= 2}
    return found


def first_names() -> list[str]:
    """The given names of every Faker country provider, and mimesis' Japanese and Korean ones, as lookup keys,
    sorted."""
    found: set[str] = set()
    for _locale, provider in _national(list(_providers())):
        found |= _keys(_values(provider, ("first_name", "first_romanized_name", "first_kana_name")))
    return sorted(found | mimesis_first_names())


def given_name_characters() -> list[str]:
    """The characters of Faker's given names in scripts without case (Han, Kana, Hangul), sorted: what a given name
    not in the lists is made of (see ``maskline.infotypes.person_names``)."""
    found: set[str] = set()
    for _locale, provider in _national(list(_providers())):
        for key in _keys(_values(provider, ("first_name", "first_romanized_name", "first_kana_name"))):
            if not key.isascii():
                found |= {c for c in key if c.lower() == c.upper()}
    return sorted(found)


def common_first_names() -> list[str]:
    """The given names that two country providers or more list (Anna, Mark, Maria): inside a login handle any
    list's name of four letters opens too many words (the whole list opens 14% of dictionary words with a suffix,
    this one 6%, the nine-locale list before it 5%)."""
    seen: dict[str, int] = {}
    for _locale, provider in _national(list(_providers())):
        for key in _keys(_values(provider, ("first_name", "first_romanized_name", "first_kana_name"))):
            seen[key] = seen.get(key, 0) + 1
    return sorted(k for k, n in seen.items() if n >= 2)


def family_names() -> list[str]:
    """The family names of every Faker locale that writes the family name first, and mimesis' Japanese and Korean
    ones of two characters or more, as lookup keys, sorted."""
    found: set[str] = set()
    for _locale, provider in _national(list(_providers())):
        if _family_first(provider):
            found |= _keys(_values(provider, ("last_name", "last_romanized_name", "last_kana_name")), shortest=2)
    return sorted(found | mimesis_family_names())


def surnames() -> list[str]:
    """The family names of every Faker country provider, each capitalised word (or word of a script without
    capitals) of three letters or more, as lookup keys, sorted: "van der Berg" gives ``berg``, "De Souza"
    ``souza``."""
    from maskline.infotypes.person_names import name_key

    found: set[str] = set()
    for _locale, provider in _national(list(_providers())):
        for name in _values(provider, ("last_name", "last_romanized_name", "last_kana_name")):
            for word in name.split():
                key = name_key(word)
                if len(key) >= 3 and key not in PARTICLES and word[:1] == word[:1].upper() and \
                        all(unicodedata.category(c)[0] in "LM" for c in key):
                    found.add(key)
    return sorted(found)


def _write(target: Path, what: str, lines: list[str]) -> None:
    source = f"Faker {version('faker')}" + (f", mimesis {version('mimesis')}" if "mimesis" in what else "")
    write_data_file(target, f"{what}, from {source} (build_name_list.py)", lines)


def main() -> None:
    _write(FIRST_TARGET, "given names of every Faker locale, and mimesis' ja and ko", first_names())
    _write(FAMILY_TARGET, "family names of the Faker locales that write them first, and mimesis' ja and ko",
           family_names())
    _write(COMMON_TARGET, "given names that two Faker country providers or more list", common_first_names())
    _write(SURNAME_TARGET, "family names of every Faker country provider", surnames())
    _write(CHARACTER_TARGET, "characters of the given names of every Faker locale in scripts without case",
           given_name_characters())


if __name__ == "__main__":
    main()
