"""Rebuild ``maskline/infotypes/data/regions.tsv.gz``, the first-level subdivisions of every country (states,
provinces, Länder, regions) with their ISO 3166-2 codes, from ``pycountry``.

The gazetteer of towns (:mod:`benchmarks.classification.build_place_list`) holds populated places only: Texas,
Ohio, Bavaria or Ontario are in it only where a town carries the name. A column of states reads as towns only
when its states are there too, and "Durham, NC" reads as a town and its state only when ``NC`` is known as a code
of a state. The data are the ISO 3166-2 lists of Debian's ``iso-codes`` (LGPL-2.1-or-later) as packaged by
``pycountry``: for each country, the subdivisions that have no parent (the first level), one a line as
``country<TAB>code<TAB>name`` (``US	NC	North Carolina``), sorted, gzip-compressed.

``pycountry`` is not a dependency of maskline; run the script with it added for the run only::

    uv run --with pycountry==26.2.16 python -m benchmarks.classification.build_region_list
"""

from __future__ import annotations

import gzip
from importlib.metadata import version
from pathlib import Path
from typing import Any

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "regions.tsv.gz"


def region_lines(subdivisions: Any) -> list[str]:
    """``country<TAB>code<TAB>name`` for every subdivision without a parent, sorted.

    >>> from types import SimpleNamespace as S
    >>> region_lines([S(code="US-NC", name="North Carolina", parent_code=None),
    ...               S(code="FR-75C", name="Paris", parent_code="FR-IDF")])
    ['US\\tNC\\tNorth Carolina']
    """
    lines = set()
    for s in subdivisions:
        if s.parent_code is None:
            country, code = s.code.split("-", 1)
            lines.add(f"{country}\t{code}\t{s.name.strip()}")
    return sorted(lines)


def main() -> int:
    try:
        import pycountry  # type: ignore[import-not-found]  # only for this run: see the module's docstring
    except ImportError:
        print("build_region_list: pycountry is not installed (it is not a maskline dependency); run\n"
              "  uv run --with pycountry==26.2.16 python -m benchmarks.classification.build_region_list")
        return 2
    lines = region_lines(pycountry.subdivisions)
    header = (f"# First-level subdivisions of ISO 3166-2 (Debian iso-codes, LGPL-2.1-or-later) via pycountry "
              f"{version('pycountry')}: country, code, name (build_region_list.py)\n")
    # mtime=0: the same data give the same bytes, so a rebuild shows no change in git
    TARGET.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(lines)} lines -> {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
