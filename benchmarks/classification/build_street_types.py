"""Rebuild ``maskline/infotypes/data/street_types.txt`` from Faker's address providers.

Every Faker locale's address provider lists the words that make a street a street (``street_suffixes``,
``street_prefixes``, their ``_long``/``_short``/gendered variants, ``road_suffixes``...). We keep them per
language, with where the word stands, read from the locale's own street-name formats:

- ``prefix``: before the name ("rue de la Paix", "ulica Długa", "Via Roma", "Jalan Sudirman");
- ``suffix``: after the name, as a word ("Baker Street", "Kossuth utca");
- ``glued``: after the name, in the same word ("Hauptstraße", "Storgatan", "Kerkstraat").

Lines are ``language<TAB>position<TAB>word``, sorted. A few provider lists hold street *names*, not types; they
are left out by :data:`NOT_TYPES`, each with its reason.
Run: ``python -m benchmarks.classification.build_street_types``.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "street_types.txt"

# Attributes whose name says street type, and the (locale, attribute) lists that are not types in fact.
_TYPE_ATTR = re.compile(r"^(?:sub_)?(?:street|road)_(?:suffix|prefix)es(?:_[a-z]+)?$")
NOT_TYPES: dict[tuple[str, str], str] = {
    ("en_MS", "street_suffixes"): "Malaysian street names (Air Itam, Bangsar)",
    ("fi_FI", "street_prefixes"): "the name parts glued before -katu/-tie (Agricolan)",
    ("sv_SE", "street_prefixes"): "the name parts glued before -gatan/-vägen (Björk, Kyrk)",
    ("es_AR", "street_suffixes"): "qualifiers after the number (A, B, Bis)",
    ("es_CL", "street_suffixes"): "compass qualifiers (Norte, Sur)",
    ("es_CO", "street_suffixes"): "qualifiers after the number (Sur, Este, Bis)",
    ("fr_CA", "street_suffixes"): "a copy of the English USPS suffixes; French streets use the prefixes",
}


def _own_lists(provider: type) -> Iterator[tuple[str, list[str]]]:
    """The provider's own (not inherited) street-type lists: inherited ones are the English default."""
    for attr, value in vars(provider).items():
        if _TYPE_ATTR.match(attr) and isinstance(value, list | tuple | dict):
            yield attr, [v for v in value if isinstance(v, str)]


def _formats(provider: type) -> list[str]:
    found: list[str] = []
    for attr in dir(provider):
        value = getattr(provider, attr)
        if "format" in attr and isinstance(value, list | tuple | dict):
            found.extend(f for f in value if isinstance(f, str))
    return found


def _position(attr: str, formats: list[str]) -> str:
    """Where the list's words stand in the locale's formats; what the attribute's name says when no format uses
    it. A word placed as a word anywhere is not ``glued`` (en_BD glues in one format of four)."""
    stem = attr.replace("suffixes", "suffix").replace("prefixes", "prefix")  # street_suffixes_short -> _suffix_short
    exact = re.compile(r"\{\{\s*" + re.escape(stem) + r"\s*\}\}")
    loose = re.compile(r"\{\{\s*" + re.escape(stem) + r"[a-z_]*\s*\}\}")
    places: set[str] = set()
    for pattern in (exact, loose):
        for f in formats:
            for m in pattern.finditer(f):
                places.add("prefix" if m.start() == 0 else "glued" if f[m.start() - 1] == "}" else "suffix")
        if places:
            break
    if not places:
        return "prefix" if "prefix" in attr else "suffix"
    return "prefix" if "prefix" in places else "suffix" if "suffix" in places else "glued"


def street_types() -> list[str]:
    """``language<TAB>position<TAB>word`` lines of every Faker locale's street-type words, sorted."""
    import faker.providers.address as address

    lines: set[str] = set()
    for module in pkgutil.iter_modules(address.__path__):
        provider = importlib.import_module(f"faker.providers.address.{module.name}").Provider
        language = module.name.split("_")[0]
        formats = _formats(provider)
        for attr, words in _own_lists(provider):
            if (module.name, attr) in NOT_TYPES:
                continue
            position = _position(attr, formats)
            for word in words:
                spaced = word.startswith(" ")  # da_DK's " Allé": a word of its own after a glued name
                word = word.strip()
                if not word or re.search(r"[{}%#\d]", word):
                    continue
                if len(word.rstrip(".")) < 2 and word[0].lower() != word[0].upper():
                    continue  # one Latin letter is a qualifier; one Han or Hangul character (路, 로) is a type
                lines.add(f"{language}\t{'suffix' if spaced and position == 'glued' else position}\t{word}")
    return sorted(lines)


def main() -> None:
    lines = street_types()
    write_data_file(TARGET, f"Street-type words of every Faker locale, from Faker {version('faker')} "
                    "(build_street_types.py)", lines)


if __name__ == "__main__":
    main()
