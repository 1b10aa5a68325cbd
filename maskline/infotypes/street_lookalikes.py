"""Values that hold a number beside a street word and still are no address: priced lines and joined codes.

:func:`maskline.infotypes.validators.street_address` reads a house number within a few words of a street word
of any language Faker covers. Faker's street words include everyday nouns (English ``Loaf``, ``Mill``, ``Park``,
``Point``, ``Station``; ``Av`` and ``Rd`` as abbreviations), so two kinds of values of a shop's or a fleet's tables
read as streets:

- a line of an order, a cart or a price list: ``1x Fresh Milled Sourdough Loaf ($12)``, ``Park Bench 2 Seater
  €149``. An amount with its currency sign stands in none of the world's addresses;
- a code joined with a hyphen, a short run of letters then a number and nothing else: ``AV-400``, ``RD-12``,
  ``ST-5A`` (models, routes, stock-keeping units). An address writes its street word apart from its number (a
  space, a comma, a dot: ``Av. Paulista 1000``, ``Hauptstr. 12``); only a code welds them with a hyphen into one
  token and stops there;
- a period's label, one word then a year and nothing else: ``Fall 2024``, ``Spring 2025``, ``Summit 2023`` (a
  school's terms, a season's catalogue, an event's edition). The word is a street word itself (``Falls``,
  ``Spring``, ``Summit`` are Faker's), so the value names no street: an address names its street beside the
  type word (``Spring Street 12``) or glued to it (``Hauptstrasse 1920``), and a lone type word with a number is
  a house of no street. The number must read as a year of the last two centuries and the word as a street type
  alone, not a name glued to one.
"""

from __future__ import annotations

import re

# A currency sign touching an amount, on either side ("$12", "€ 14.50", "12,00 €", "£3"): the signs of the
# currencies that are written with one, not letters (USD, EUR), which stand in addresses as words.
_SIGNS = "$€£¥₹₽₺₩₦₱₫₪฿"
_AMOUNT = re.compile(f"[{re.escape(_SIGNS)}]\\s?[0-9]|[0-9]\\s?[{re.escape(_SIGNS)}]")
# A quantity opening an order line: "1x ", "2 x ", "3× ".
_QUANTITY = re.compile(r"[0-9]{1,3}\s?[x×]\s", re.IGNORECASE)
# One token: a few letters, a hyphen, a number (and a letter), nothing more.
_JOINED_CODE = re.compile(r"[^\W\d_]{1,5}-[0-9]{1,6}[^\W\d_]?")
# One word, a space, a year of 1900-2099, nothing more.
_WORD_AND_YEAR = re.compile(r"([^\W\d_]+)\s+(?:19|20)[0-9]{2}")


def street_lookalike(value: str) -> str | None:
    """Why ``value`` (stripped) is no street address although a street word and a number may stand in it,
    or None.

    >>> street_lookalike("1x Fresh Milled Sourdough Loaf ($12)"), street_lookalike("Park Bench 2 Seater €149")
    ('an amount with its currency sign', 'an amount with its currency sign')
    >>> street_lookalike("2 x Garden Gnome Large"), street_lookalike("AV-400"), street_lookalike("rd-12b")
    ('a quantity opening an order line', 'a code joined with a hyphen', 'a code joined with a hyphen')
    >>> street_lookalike("Fall 2024"), street_lookalike("Spring 2025")
    ('a street word alone before a year', 'a street word alone before a year')

    Addresses, with or without a unit, a dot or a comma, are none of these:

    >>> [street_lookalike(a) for a in ("221B Baker Street", "Av. Paulista 1000", "Hauptstr. 12", "Unit 12-400",
    ...                                "Calle 5 # 12-40", "Apt 3, 48 Oak Ave", "Hauptstrasse 1920", "Spring Street 2024")]
    [None, None, None, None, None, None, None, None]
    """
    # Cheap tests of characters first: the validator asks this of every value it would accept.
    if ("$" in value or not value.isascii()) and _AMOUNT.search(value):  # every sign but $ is beyond ASCII
        return "an amount with its currency sign"
    if value[:1].isdigit() and _QUANTITY.match(value):
        return "a quantity opening an order line"
    if "-" in value and " " not in value and _JOINED_CODE.fullmatch(value):
        return "a code joined with a hyphen"
    if value[-1:].isdigit():
        year = _WORD_AND_YEAR.fullmatch(value)
        if year:
            from maskline.infotypes.name_hints import fold
            from maskline.infotypes.validators import _street_words

            if fold(year.group(1)) in _street_words():
                return "a street word alone before a year"
    return None
