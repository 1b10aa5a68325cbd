"""An IBAN kept without its country code: the two check digits and the domestic account (BBAN) after them.

Exports and payee tables of one country often drop the ``NL``, ``GB`` or ``FI`` every row would repeat and keep
``91 ABNA 0417 1643 00``. Nothing but the country is lost: the ISO 13616 mod-97 check digits still close the
account. So a value is one when, for some country whose BBAN layout (python-stdnum's IBAN registry: length and
where letters and digits go) fits the rest, ``country + value`` is a valid IBAN (python-stdnum's ``iban``, which
also runs the country's own check where it has one: Belgium, Spain, Norway, Montenegro).

How often other values pass, measured on drawn ones (``tests/classify/test_countryless_iban.py``): drawn digits
pass one time in 97 for each country whose layout fits, at most about one time in eleven (the 18 characters of
eight countries, Austria to Kosovo); a code with letters where a BBAN has them (``04KEMU...``) fits one or two
countries, about one in fifty. The detector's chance (0.1) covers both, and a column must hold a majority of
them (its ``min_share``): a column of random ids of one length cannot.

>>> iban_without_country("91ABNA0417164300"), iban_without_country("92ABNA0417164300")  # Dutch, one digit off
(True, False)
>>> iban_without_country("82 west 1234 5698 7654 32")  # British, lower case and spaced
True
>>> iban_without_country("DE89370400440532013000")  # the country is there: an IBAN, read by its own detector
False
"""

from __future__ import annotations

import re
from functools import cache

# Check digits then a BBAN (11 to 30 characters), grouped by single spaces or dashes as IBANs are printed.
_FORM = re.compile(r"[0-9]{2}(?:[ -]?[A-Za-z0-9]){11,30}")


@cache
def _layouts() -> dict[int, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The countries of python-stdnum's IBAN registry by their BBAN's length, each with its BBAN layout as a
    regular expression (the registry's own reader of its ``4!n4!n12!c`` notation)."""
    from stdnum import iban

    by_length: dict[int, list[tuple[str, re.Pattern[str]]]] = {}
    # stdnum publishes no reader of its registry's layouts: its own validate() reads these two names.
    for prefix in iban._ibandb.prefixes:
        cc, props = prefix[1], prefix[3]
        if len(cc) == 2 and props.get("bban"):
            length = sum(int(n) for n in re.findall(r"[0-9]+", props["bban"]))
            by_length.setdefault(length, []).append((cc, iban._struct_to_re(props["bban"])))
    return {n: tuple(v) for n, v in by_length.items()}


def countries(value: str) -> tuple[str, ...]:
    """The countries for which ``value`` (check digits and BBAN) is a valid IBAN once their code is put before it.

    >>> countries("91ABNA0417164300"), countries("0000")
    (('NL',), ())
    """
    if len(value) > 64 or not _FORM.fullmatch(value):
        return ()
    compact = value.replace(" ", "").replace("-", "").upper()
    bban = compact[2:]
    from stdnum import iban

    # The layout (a regular expression) first, python-stdnum's mod 97 and national checks only where it fits.
    return tuple(cc for cc, layout in _layouts().get(len(bban), ()) if layout.match(bban)
                 and iban.is_valid(cc + compact))


def iban_without_country(value: str) -> bool:
    """Whether ``value`` is an IBAN without its country code (see the module's docstring).

    >>> iban_without_country("61 1090 1014 0000 0712 1981 2874")  # a Polish NRB is one
    True
    """
    return bool(countries(value.strip()))
