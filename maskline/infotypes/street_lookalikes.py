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
  token and stops there.
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


def street_lookalike(value: str) -> str | None:
    """Why ``value`` (stripped) is no street address although a street word and a number may stand in it,
    or None.

    >>> street_lookalike("1x Fresh Milled Sourdough Loaf ($12)"), street_lookalike("Park Bench 2 Seater €149")
    ('an amount with its currency sign', 'an amount with its currency sign')
    >>> street_lookalike("2 x Garden Gnome Large"), street_lookalike("AV-400"), street_lookalike("rd-12b")
    ('a quantity opening an order line', 'a code joined with a hyphen', 'a code joined with a hyphen')

    Addresses, with or without a unit, a dot or a comma, are none of these:

    >>> [street_lookalike(a) for a in ("221B Baker Street", "Av. Paulista 1000", "Hauptstr. 12", "Unit 12-400",
    ...                                "Calle 5 # 12-40", "Apt 3, 48 Oak Ave")]
    [None, None, None, None, None, None]
    """
    # Cheap tests of characters first: the validator asks this of every value it would accept.
    if ("$" in value or not value.isascii()) and _AMOUNT.search(value):  # every sign but $ is beyond ASCII
        return "an amount with its currency sign"
    if value[:1].isdigit() and _QUANTITY.match(value):
        return "a quantity opening an order line"
    if "-" in value and " " not in value and _JOINED_CODE.fullmatch(value):
        return "a code joined with a hyphen"
    return None
