"""Rebuild ``maskline/infotypes/data/first_names.txt`` from Faker's person providers.

Faker (MIT) takes these lists from national name statistics; we keep only first
names, lower-cased and accent-folded, as a dictionary signal for PERSON_NAME.
Run: ``python -m benchmarks.classification.build_name_list``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_PT", "pt_BR")
TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "first_names.txt"


def main() -> None:
    from maskline.infotypes.name_hints import fold

    names: set[str] = set()
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = getattr(provider, attr, ())
            names.update(fold(n) for n in value)
    names = {n for n in names if n.isalpha() and len(n) > 1}
    TARGET.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} first names -> {TARGET}")


if __name__ == "__main__":
    main()
