"""Decimals that arithmetic wrote: a float whose many decimals carry no drawn digits.

A GPS reading's fifth to eighth decimals are measured digits. Two other sources print as many decimals and carry
none (the R datasets' ``fp:measurement-as-coordinate``, benchmarks/real_tables):

- a short decimal stored as float32 and printed as a double: ``27.20000076`` is 27.2, ``4.6999998`` is 4.7;
- a fraction with a small denominator, rounded: an age in thirds ``33.66667`` (101/3), a mean of three monthly
  rates kept to two decimals ``2.036667`` (6.11/3), a score ``1.83333`` (11/6).

Only repeating fractions count (a denominator with a factor other than 2 and 5): ``0.125`` is a short decimal and
prints as one. A random decimal with ``d`` printed decimals passes by chance about ``q * 10**(k - d)`` of the time
for each denominator ``q`` and numerator decimals ``k``; ``k`` stays at least three below ``d`` so that a GPS value
with five decimals passes about one time in twenty, and a column needs most of its values to pass
(:func:`maskline.infotypes.shape_checks.not_coordinates`).

>>> [written_by_arithmetic(v) for v in ("27.20000076", "33.66667", "2.036667", "48.856613", "-122.419416")]
[True, True, True, False, False]
"""

from __future__ import annotations

import math
import struct
from fractions import Fraction

SHORT_DECIMALS = 3  # a float32 value is a short decimal when it is one of at most this many decimals
FLOAT32_HALF_ULP = 2.0 ** -24  # float32's rounding error, relative to the value
REPEATING_DENOMINATORS = (3, 6, 7, 9, 11, 12)  # up to 12 (months, thirds, sixths); 2, 4, 5, 8, 10 end short
SPARE_DECIMALS = 3  # a fraction's numerator has at least this many fewer decimals than the printed value


def _decimals(text: str) -> int:
    mantissa = text.strip().lower().split("e")[0].rstrip("0")  # 48.10000 is a short decimal, padded
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


def _long_decimal(text: str, limit: float) -> tuple[float, int] | None:
    """The value of ``text`` and its printed decimals, when it parses, has more than :data:`SHORT_DECIMALS` decimals
    and its magnitude is below ``limit``; else None (nothing for the two readings to weigh)."""
    try:
        value = float(text)
    except ValueError:
        return None
    digits = _decimals(text)
    return (value, digits) if digits > SHORT_DECIMALS and abs(value) < limit else None


def float32_short_decimal(text: str) -> bool:
    """A value printed with more than three decimals that is a short decimal stored as float32.

    >>> float32_short_decimal("5.0000001"), float32_short_decimal("4.6999998000000005")
    (True, True)
    >>> float32_short_decimal("4.6"), float32_short_decimal("4.60000"), float32_short_decimal("8.384873")
    (False, False, False)
    """
    read = _long_decimal(text, 3e38)
    if read is None:
        return False
    value = read[0]
    tolerance = abs(value) * FLOAT32_HALF_ULP * 2  # the print's own rounding adds up to another half ulp
    return any(abs(value - round(value, k)) <= tolerance for k in range(SHORT_DECIMALS + 1)) \
        or _as_float32(value) in {_as_float32(round(value, k)) for k in range(SHORT_DECIMALS + 1)}


def _as_float32(value: float) -> float:
    result: float = struct.unpack("f", struct.pack("f", value))[0]
    return result


def repeating_fraction(text: str) -> bool:
    """A value that is a fraction with a denominator up to 12 and a factor other than 2 and 5, rounded where it
    was printed (the numerator may itself be a short decimal: a mean of three rates kept to two decimals).

    >>> repeating_fraction("1.83333"), repeating_fraction("12.33333"), repeating_fraction("1.083667")
    (True, True, True)
    >>> repeating_fraction("1.8333333730697632")  # 11/6 stored as float32
    True
    >>> repeating_fraction("0.125"), repeating_fraction("42.87748"), repeating_fraction("1.8")
    (False, False, False)
    """
    read = _long_decimal(text, 1e12)
    if read is None:
        return False
    value, digits = read
    # The printed value is within half a unit of its last decimal of the fraction (or, stored as float32 and
    # printed in full, within float32's rounding); the numerator's decimals stay three below that precision.
    error = 0.5 * 10.0 ** -min(digits, 17)
    if digits > 7 and _as_float32(value) == value:
        error += abs(value) * FLOAT32_HALF_ULP
    for k in range(min(SHORT_DECIMALS, math.floor(-math.log10(error)) - SPARE_DECIMALS) + 1):
        for q in REPEATING_DENOMINATORS:
            scaled = value * q * 10**k
            numerator = round(scaled)
            if abs(scaled - numerator) <= error * q * 10**k:
                reduced = Fraction(numerator, q * 10**k).denominator
                while reduced % 2 == 0:
                    reduced //= 2
                while reduced % 5 == 0:
                    reduced //= 5
                if reduced > 1:
                    return True
    return False


def written_by_arithmetic(text: str) -> bool:
    """A float32 short decimal or a repeating fraction: many printed decimals, none of them drawn.

    >>> written_by_arithmetic("1.66667"), written_by_arithmetic("13.58801")
    (True, False)
    """
    return float32_short_decimal(text) or repeating_fraction(text)
