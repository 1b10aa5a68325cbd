"""Valid mobile numbers drawn from phonenumbers' plans, for the tests of phones stored as bare digits and integers.

The tests hold their own regions, prefixes and seeds; this module only draws, so that two tests of one statistic
draw their numbers the same way.

>>> import random
>>> numbers = mobiles("FR", ("6", "7"), 9, 3, random.Random(1))
>>> len(numbers), all(len(n) == 9 and n[0] in "67" for n in numbers)
(3, True)
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import phonenumbers
from phonenumbers import PhoneNumberType


def digits(rng: random.Random, n: int) -> str:
    """``n`` digits drawn evenly."""
    return "".join(rng.choice("0123456789") for _ in range(n))


def mobiles(region: str, prefixes: Sequence[str], length: int, n: int, rng: random.Random) -> list[str]:
    """``n`` national significant numbers of ``region``, ``length`` digits behind one of ``prefixes``, each a
    mobile (or fixed-or-mobile) number valid in the region's plan."""
    code = phonenumbers.country_code_for_region(region)
    found: list[str] = []
    while len(found) < n:
        p = rng.choice(prefixes)
        nsn = p + digits(rng, length - len(p))
        num = phonenumbers.PhoneNumber(country_code=code, national_number=int(nsn))
        if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in (
                PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
            found.append(nsn)
    return found
