"""Rebuild the closed public vocabularies of ``maskline/infotypes/data/vocabulary_*.txt``.

The fail-closed decision passes a column every one of whose values belongs to one of these lists
(:mod:`maskline.infotypes.vocabularies`). Each is a closed set kept by a standards body, read here from the
packages that track it, so the core ships a frozen copy and needs none of them:

- ``time_zones``: the IANA time zone database's zone and link names (the ``tzdata`` package's ``zones`` list);
- ``countries``: ISO 3166-1 alpha-2 and alpha-3 codes and English country names (Unicode CLDR via ``babel``,
  alpha-3 from CLDR's territory aliases; the ``&`` of CLDR's short names also written ``and``; plus Faker's
  ``en_US`` country names, the ISO-style long forms, when Faker is installed); and, gzip-compressed in
  ``vocabulary_country_names.txt.gz``, the country names of every language CLDR has (``México``, ``Suíça``);
- ``currencies``: ISO 4217 currency codes, current and historical (CLDR via ``babel``);
- ``language_subtags``: ISO 639 language codes (two and three letters) and ISO 15924 script codes, each line
  ``language xx`` or ``script Xxxx`` (CLDR via ``babel``), from which BCP 47 tags such as ``pt-BR`` are read;
- ``media_types``: media (MIME) types, from Python's table and a ``mime.types`` file (by default Debian's
  ``/etc/mime.types``, public domain);
- ``colours``: the 148 named colours of CSS Color Module Level 4 (W3C), listed below;
- ``http``: HTTP request methods and status reason phrases (RFC 9110, as Python's :mod:`http` lists them).

Run: ``python -m benchmarks.classification.build_vocabularies [path/to/mime.types]``.
"""

from __future__ import annotations

import gzip
import http
import mimetypes
import sys
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from benchmarks.classification.data_file import write_data_file

DATA = Path(__file__).resolve().parents[2] / "maskline" / "infotypes" / "data"

# CSS Color Module Level 4, section 6.1 "Named Colors" (https://www.w3.org/TR/css-color-4/#named-colors).
CSS_NAMED_COLOURS = (
    "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black", "blanchedalmond", "blue",
    "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse", "chocolate", "coral", "cornflowerblue",
    "cornsilk", "crimson", "cyan", "darkblue", "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkgrey",
    "darkkhaki", "darkmagenta", "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon",
    "darkseagreen", "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise", "darkviolet", "deeppink",
    "deepskyblue", "dimgray", "dimgrey", "dodgerblue", "firebrick", "floralwhite", "forestgreen", "fuchsia",
    "gainsboro", "ghostwhite", "gold", "goldenrod", "gray", "green", "greenyellow", "grey", "honeydew", "hotpink",
    "indianred", "indigo", "ivory", "khaki", "lavender", "lavenderblush", "lawngreen", "lemonchiffon", "lightblue",
    "lightcoral", "lightcyan", "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey", "lightpink",
    "lightsalmon", "lightseagreen", "lightskyblue", "lightslategray", "lightslategrey", "lightsteelblue",
    "lightyellow", "lime", "limegreen", "linen", "magenta", "maroon", "mediumaquamarine", "mediumblue",
    "mediumorchid", "mediumpurple", "mediumseagreen", "mediumslateblue", "mediumspringgreen", "mediumturquoise",
    "mediumvioletred", "midnightblue", "mintcream", "mistyrose", "moccasin", "navajowhite", "navy", "oldlace",
    "olive", "olivedrab", "orange", "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise",
    "palevioletred", "papayawhip", "peachpuff", "peru", "pink", "plum", "powderblue", "purple", "rebeccapurple",
    "red", "rosybrown", "royalblue", "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell", "sienna",
    "silver", "skyblue", "slateblue", "slategray", "slategrey", "snow", "springgreen", "steelblue", "tan", "teal",
    "thistle", "tomato", "turquoise", "violet", "wheat", "white", "whitesmoke", "yellow", "yellowgreen",
)


def time_zones() -> list[str]:
    """The IANA zone and link names of the installed ``tzdata``.

    >>> zones = time_zones()
    >>> "Europe/Berlin" in zones and "America/Argentina/Buenos_Aires" in zones and "UTC" in zones
    True
    """
    text = files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return sorted({line.strip() for line in text.splitlines() if line.strip()})


def countries() -> list[str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes and English country names.

    >>> found = countries()
    >>> all(x in found for x in ("DE", "DEU", "Germany", "Bosnia and Herzegovina", "Bosnia & Herzegovina"))
    True
    >>> "001" in found or "World" in found  # regions are not countries
    False
    """
    from babel import Locale
    from babel.core import get_global

    names = {code: name for code, name in Locale("en").territories.items() if len(code) == 2 and code.isalpha()}
    found = set(names) | set(names.values()) | {n.replace(" & ", " and ") for n in names.values()}
    found |= {alias for alias, targets in get_global("territory_aliases").items()
              if len(alias) == 3 and alias.isalpha() and targets and targets[0] in names}
    try:
        from faker.providers.address.en_US import Provider
    except ImportError:
        pass
    else:
        found |= set(Provider.countries)
    return sorted(found)


def country_names_in_every_language() -> list[str]:
    """The names CLDR gives ISO 3166-1 countries in each of its languages (locales without a region).

    >>> found = country_names_in_every_language()
    >>> "México" in found and "Suíça" in found and "Deutschland" in found
    True
    """
    from babel import Locale
    from babel.localedata import locale_identifiers

    found: set[str] = set()
    for ident in locale_identifiers():
        if "_" in ident:
            continue
        found |= {name for code, name in Locale.parse(ident).territories.items()
                  if len(code) == 2 and code.isalpha() and name.strip()}
    return sorted(found)


def currencies() -> list[str]:
    """ISO 4217 currency codes, current and historical.

    >>> found = currencies()
    >>> "EUR" in found and "DEM" in found and len(found) > 250
    True
    """
    from babel.numbers import list_currencies

    return sorted(c for c in list_currencies() if len(c) == 3 and c.isalpha() and c.isupper())


def language_subtags() -> list[str]:
    """``language xx`` and ``script Xxxx`` lines: ISO 639 codes (two or three letters) and ISO 15924 scripts.

    >>> found = language_subtags()
    >>> "language pt" in found and "language fil" in found and "script Hans" in found
    True
    """
    from babel import Locale

    en = Locale("en")
    langs = {code for code in en.languages if code.isalpha() and 2 <= len(code) <= 3 and code.islower()}
    scripts = {code for code in en.scripts if len(code) == 4 and code.isalpha()}
    return sorted(f"language {c}" for c in langs) + sorted(f"script {c}" for c in scripts)


def media_types(mime_types: Path) -> list[str]:
    """Media types of Python's table and of ``mime_types``, lower case.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "mime.types"
    >>> _ = path.write_text("# comment\\napplication/x-thing  thg\\n")
    >>> found = media_types(path)
    >>> "application/x-thing" in found and "application/json" in found
    True
    """
    found = {t.lower() for t in mimetypes.MimeTypes().types_map[True].values()}
    for line in mime_types.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if fields and "/" in fields[0]:
            found.add(fields[0].lower())
    return sorted(t for t in found if t.isascii() and " " not in t)


def http_words() -> list[str]:
    """HTTP request methods and status reason phrases.

    >>> found = http_words()
    >>> "PATCH" in found and "Not Found" in found
    True
    """
    return sorted({m.value for m in http.HTTPMethod} | {s.phrase for s in http.HTTPStatus})


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/etc/mime.types")
    if not source.is_file():
        raise SystemExit(f"{source} not found: install Debian's media-types package or pass a mime.types path")
    babel = f"Unicode CLDR via babel {version('babel')}"
    write_data_file(DATA / "vocabulary_time_zones.txt",
                    f"IANA time zone names: tzdata {version('tzdata')} (build_vocabularies.py)", time_zones())
    write_data_file(DATA / "vocabulary_countries.txt",
                    f"ISO 3166-1 alpha-2, alpha-3 and English country names: {babel}, Faker en_US "
                    "(build_vocabularies.py)", countries())
    names = country_names_in_every_language()
    header = f"# Country names in every CLDR language: {babel} (build_vocabularies.py)\n"
    (DATA / "vocabulary_country_names.txt.gz").write_bytes(
        gzip.compress((header + "\n".join(names) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(names)} lines -> {DATA / 'vocabulary_country_names.txt.gz'}")
    write_data_file(DATA / "vocabulary_currencies.txt", f"ISO 4217 currency codes: {babel} (build_vocabularies.py)",
                    currencies())
    write_data_file(DATA / "vocabulary_language_subtags.txt",
                    f"ISO 639 language and ISO 15924 script codes: {babel} (build_vocabularies.py)",
                    language_subtags())
    write_data_file(DATA / "vocabulary_media_types.txt",
                    f"Media types: Python's table and {source} (build_vocabularies.py)", media_types(source))
    write_data_file(DATA / "vocabulary_colours.txt", "CSS Color Module Level 4 named colours (build_vocabularies.py)",
                    sorted(CSS_NAMED_COLOURS))
    write_data_file(DATA / "vocabulary_http.txt",
                    "HTTP methods and status reason phrases, RFC 9110 via Python's http (build_vocabularies.py)",
                    http_words())


if __name__ == "__main__":
    main()
