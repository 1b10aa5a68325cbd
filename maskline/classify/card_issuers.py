"""Payment card numbers whose check digit fails, without a column name: the column's issuer ranges and lengths.

:func:`maskline.infotypes.validators.card_number` proves a card by its Luhn digit. Test data, truncated exports
and numbers typed by hand can fail it, and then a column named ``x4`` holding them was called confidently safe.
What still sets such a column apart from other long numbers is who issued them: card numbers open with an issuer
identification number (IIN) from a few ranges (Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Discover,
JCB, Diners, Maestro, UnionPay, Mir 2200-2204), each issuer with its own lengths (a 15-digit number is an Amex, never a Visa).
Random digit runs of the same lengths fit those ranges about a third of the time; a column of cards fits them
nearly always. So:

- nearly every value (``CANDIDATE_SHARE``) is 12 to 19 digits, bare or in groups of four, and distinct;
- ``FIT_SHARE`` of them open with an issuer's range and have a length that issuer uses, far beyond chance
  (``MAX_P``; chance is computed for random digits of the same lengths, see :func:`fit_chance`);
- the numbers come from several issuers (``MIN_ISSUERS``): an in-house key that opens with a fixed 4 or 5 is one
  prefix, not a wallet;
- they are no product barcodes (the GTIN check holds for a tenth of random digits, for every barcode) and no row
  ids (a range no wider than the table).

A spreadsheet that printed the column in scientific notation (``4.11111E+15``: Excel keeps six significant digits)
leaves each number's issuer range and length but not its last digits, and cards of one bank's BIN then read alike:
a column whose numbers nearly all end in zeros (``ROUNDED_SHARE``, read as digits by
:func:`maskline.classify.values.exported_whole_text`) is not held to the distinct share.

IMEIs pass Luhn but have 15 digits under a JCB-like 35 prefix, which JCB never issues; epoch milliseconds open
with 1, ISBN-13s with 978/979, and neither is an issuer range. The evidence is modest (``STRENGTH``): a name
pointing to another type wins.

>>> import random
>>> r = random.Random(5)
>>> cards = [r.choice("45") + "".join(r.choice("0123456789") for _ in range(15)) for _ in range(40)]
>>> cards += ["37" + "".join(r.choice("0123456789") for _ in range(13)) for _ in range(20)]
>>> card_issuer_evidence(cards, [1.0] * 60, 60.0)[0].detector
'card-issuers'
>>> refs = [str(r.randint(10**15, 10**16 - 1)) for _ in range(60)]
>>> card_issuer_evidence(refs, [1.0] * 60, 60.0)
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

STRENGTH = 0.8  # a column-level fit with no checksum: sensitive, below the confidence of a validated card
CANDIDATE_SHARE = 0.8  # of the column's values that must be card-length digit runs
DISTINCT_SHARE = 0.9  # card numbers do not repeat across a table's rows; distinct values per candidate row
FIT_SHARE = 0.8  # of the candidates that must fit an issuer's range and length
MAX_P = 1e-6  # how unlikely random digits of the same lengths must make the fit
MIN_CHECKED = 20  # fewer values prove nothing about a distribution of prefixes
MIN_ISSUERS = 2  # distinct issuer families among the fitting values
ROUNDED_SHARE = 0.8  # of the numbers that must end in four zeros for a rounded column (a card does 1 time in 10^4)
GTIN_SHARE = 0.5  # random digits pass the GTIN check one time in ten; barcodes always
# Bare runs, or groups as cards are printed, with spaces (no-break ones too), dashes or dots: groups of four (4-4-4-4, 4-4-4-4-3 for 19
# digits), 4-6-5 (Amex), 4-6-4 (Diners), 4-3-3-3 (13-digit Visa); one separator throughout.
_CARD_SHAPE = re.compile(r"^[0-9]{12,19}$|^[0-9]{4}([ \u00a0.-])[0-9]{4}(?:\1[0-9]{4}){1,2}(?:\1[0-9]{1,4})?$"
                         r"|^[0-9]{4}([ \u00a0.-])[0-9]{6}\2[0-9]{4,5}$"
                         r"|^[0-9]{4}([ \u00a0.-])[0-9]{3}\3[0-9]{3}\3[0-9]{3}$")
_SEPARATORS = re.compile(r"[ \u00a0.-]")
# A float64 holds every integer exactly only up to 2**53 (16 digits): longer cards stored as floats lose their last
# digits, and with them the check digit, while their issuer range and length stay.
FLOAT_EXACT = 2**53


def issuer(digits: str) -> str | None:
    """The card issuer family whose IIN range opens ``digits`` and which issues numbers of its length, or None.

    >>> issuer("4111111111111111"), issuer("378282246310005"), issuer("411111111111111"), issuer("1234567890123")
    ('visa', 'amex', None, None)
    >>> issuer("2200123456789010"), issuer("2205123456789010")
    ('mir', None)
    """
    n = len(digits)
    if not 12 <= n <= 19:
        return None
    one, two, three, four = int(digits[0]), int(digits[:2]), int(digits[:3]), int(digits[:4])
    if one == 4:
        return "visa" if n in (13, 16, 19) else None
    if 51 <= two <= 55 or 2221 <= four <= 2720:
        return "mastercard" if n == 16 else None
    if 2200 <= four <= 2204:
        return "mir" if 16 <= n <= 19 else None
    if two in (34, 37):
        return "amex" if n == 15 else None
    if four == 6011 or two == 65 or 644 <= three <= 649:
        return "discover" if 16 <= n <= 19 else None
    if 3528 <= four <= 3589:
        return "jcb" if 16 <= n <= 19 else None
    if two == 62:
        return "unionpay" if 16 <= n <= 19 else None
    if 300 <= three <= 305 or two in (36, 38, 39):
        return "diners" if 14 <= n <= 19 else None
    if two in (50, 56, 57, 58, 63, 67):
        return "maestro" if 12 <= n <= 19 else None
    return None


@cache
def fit_chance(length: int) -> float:
    """How often a random number of ``length`` digits (no leading zero) fits an issuer's range and length.

    >>> round(fit_chance(16), 2), fit_chance(11)
    (0.37, 0.0)
    """
    if not 12 <= length <= 19:
        return 0.0
    pad = "0" * (length - 4)
    return sum(issuer(f"{p}{pad}") is not None for p in range(1000, 10000)) / 9000


def card_issuer_evidence(values: Sequence[str], weights: Sequence[float], n: float) -> list[Any]:
    """CREDIT_CARD evidence for a column of card-length numbers that fit the issuers' ranges and lengths far beyond
    chance, whether or not their check digit holds, or ``[]``. ``values`` and ``weights`` are the column's distinct
    values (placeholders removed) and their counts, ``n`` their total."""
    from maskline.classify.check_digits import gtin
    from maskline.classify.evidence import Evidence
    from maskline.infotypes.binomial import tail_at_least
    from maskline.infotypes.shape_checks import surrogate_keys

    if not n:
        return []
    if any("E+" in v for v in values[:MIN_CHECKED]):  # Excel's scientific notation: its digits, zeros for the rest
        from maskline.classify.values import exported_whole_text

        values = [exported_whole_text(v) for v in values]
    idx = [i for i, v in enumerate(values) if _CARD_SHAPE.match(v)]
    weight = sum(weights[i] for i in idx)
    if len(idx) < MIN_CHECKED or weight < CANDIDATE_SHARE * n:
        return []
    digits = [_SEPARATORS.sub("", values[i]) for i in idx]
    rounded = sum(d.endswith("0000") for d in digits) >= ROUNDED_SHARE * len(digits)
    if len(idx) < DISTINCT_SHARE * weight and not rounded:
        return []
    families = [issuer(d) for d in digits]
    fitting = sum(f is not None for f in families)
    chance = sum(fit_chance(len(d)) for d in digits) / len(digits)
    rate = fitting / len(digits)
    p_value = tail_at_least(fitting, len(digits), chance)
    if rate < FIT_SHARE or p_value >= MAX_P or len({f for f in families if f}) < MIN_ISSUERS:
        return []
    if sum(gtin(d) for d in digits) >= GTIN_SHARE * len(digits) or surrogate_keys(digits, int(n)):
        return []
    from maskline.infotypes.validators import _luhn_valid

    passing = sum(_luhn_valid(d) for d in digits) / len(digits)
    note = (f"checksum:luhn holds for {passing:.0%}; issuer ranges and lengths fit {rate:.0%}, "
            f"random digits of these lengths {chance:.0%}")
    above = [d for d in digits if int(d) > FLOAT_EXACT]
    if above and passing < 1:  # whether the check fails only where a float column could not keep the digits
        below = [d for d in digits if int(d) <= FLOAT_EXACT]
        note += (f"; above 2**53 (a float's last exact integer) {len(above) / len(digits):.0%}, Luhn holds for "
                 f"{sum(map(_luhn_valid, above)) / len(above):.0%} of them and for "
                 f"{sum(map(_luhn_valid, below)) / max(1, len(below)):.0%} of the others")
    return [Evidence("CREDIT_CARD", "card-issuers", weight / n * rate, rate, len(digits), fitting, p_value, False,
                      STRENGTH, note=note, chance=chance, min_share=CANDIDATE_SHARE * FIT_SHARE)]
