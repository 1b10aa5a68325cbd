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

A third source writes drawn digits but not a place's: a computed quantity printed to a number of significant
digits (R prints 7), which loses a decimal in each decade of magnitude (``0.6931472``, ``8.384873``, ``55.12291``)
where a coordinate keeps a fixed number of decimals (:func:`decimals_fall_with_magnitude`, read by the column).

>>> [written_by_arithmetic(v) for v in ("27.20000076", "33.66667", "2.036667", "48.856613", "-122.419416")]
[True, True, True, False, False]
"""

from __future__ import annotations

import math
import struct
from collections.abc import Iterable
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


FLOAT32_PRINTS_SHARE = 0.8  # of the values read back unchanged through float32 at 8 digits: printed float32s
MIN_DECADE_VALUES = 5  # values a decade of magnitude needs before its longest decimals count (a fixed-decimal
# column has all of a decade's values end in 0 about one time in 100,000)


def decimals_fall_with_magnitude(values: Iterable[str]) -> bool:
    """Whether the values were printed to a number of significant digits, not of decimals: the longest decimals
    of the values in their highest decade of magnitude (say 10-99) are shorter than in their lowest (say 0.1-0.99),
    each of the two holding at least :data:`MIN_DECADE_VALUES` values.

    A place's coordinate is kept to a fixed number of decimals (a decimal place of a degree is a fixed distance:
    the sixth is 11 cm), whatever its degrees: ``8.384873`` and ``55.122910``. A computed quantity printed by a
    statistics package (R and S print 7 significant digits) loses a decimal in each decade: ``0.2480542``,
    ``8.384873``, ``55.12291`` (log incomes, rates, shares, ages in years and days on the R datasets).

    >>> decimals_fall_with_magnitude(["0.2480542", "0.6931472", "8.384873", "6.907755", "55.12291", "27.01223"] * 3)
    True
    >>> decimals_fall_with_magnitude(["8.384873", "55.122917", "-3.552289", "-93.265011", "0.693147"] * 3)
    False
    >>> decimals_fall_with_magnitude(["8.384873", "6.907755", "5.122917"] * 3)  # one decade: nothing to compare
    False
    >>> decimals_fall_with_magnitude([f"{_as_float32(v):.8g}" for v in (0.693147, 0.248054, 8.384873, 55.12291)] * 5)
    False
    """
    longest: dict[int, int] = {}
    counts: dict[int, int] = {}
    printed_float32 = 0
    for text in values:
        try:
            value = abs(float(text))
        except ValueError:
            continue
        if value == 0 or not math.isfinite(value):
            continue
        printed_float32 += float(f"{_as_float32(value):.8g}") == value
        decade = math.floor(math.log10(value))
        counts[decade] = counts.get(decade, 0) + 1
        longest[decade] = max(longest.get(decade, 0), _decimals(text))
    # Float32 values printed to their 8 significant digits (Stata's float) lose decimals with magnitude too, yet
    # their digits may be drawn (GPS stored as float32). Every one of them reads back the same through float32; of
    # values printed to 7 digits, about half do.
    if printed_float32 >= FLOAT32_PRINTS_SHARE * sum(counts.values()):
        return False
    decades = sorted(d for d, n in counts.items() if n >= MIN_DECADE_VALUES)
    return len(decades) >= 2 and longest[decades[-1]] < longest[decades[0]]


LOG_NUMBER_DECIMALS = 2  # the logged number is a whole number (a count, an age) or an amount in cents
LOG_CHANCE = 0.02  # a value counts only where a drawn decimal would pass the test at most this often
LOG_SHARE = 0.5  # of the values that count; drawn decimals pass about 1% of the time each
MIN_LOG_VALUES = 8  # values that count, needed before the share says anything
MAX_LOG = 700.0  # exp() of more overflows a double; no such log is printed with decimals that count


def log_of_short_number(text: str) -> bool | None:
    """Whether a printed value is the natural logarithm of a whole number or of an amount in cents
    (``6.907755`` is ln 1000, ``3.7612`` ln 43, ``4.162003`` ln 64.2); None when its printed precision cannot tell
    (few decimals, not positive, or so large that every value's exponential lands near such a number).

    The value is known to half a unit of its last decimal, so its exponential to that relative error: a drawn
    decimal lands that close to a multiple of ``10**-k`` about ``exp(v) * 10**(k - d)`` of the time. The test uses
    the most decimals ``k`` (up to :data:`LOG_NUMBER_DECIMALS`) that keep this chance under :data:`LOG_CHANCE`.

    >>> log_of_short_number("6.907755"), log_of_short_number("3.7612"), log_of_short_number("4.162003")
    (True, True, True)
    >>> log_of_short_number("2.352222"), log_of_short_number("0.759340")  # Paris's longitude, a share
    (False, False)
    >>> log_of_short_number("48.856613") is None, log_of_short_number("-0.127758") is None
    (True, True)
    """
    read = _long_decimal(text, MAX_LOG)
    if read is None or read[0] <= 0:  # a log of a count or an amount of at least 1 is not negative
        return None
    value, digits = read
    exponential = math.exp(value)
    for k in range(LOG_NUMBER_DECIMALS, -1, -1):
        if exponential * 10.0 ** (k - digits) <= LOG_CHANCE:
            scaled = exponential * 10**k
            # half a unit of the last printed decimal, through exp; the 1% margin covers exp's own rounding
            return abs(scaled - round(scaled)) <= scaled * 0.5 * 10.0**-digits * 1.01
    return None


def logs_of_short_numbers(values: Iterable[str]) -> bool:
    """Whether the values are natural logarithms of counts or amounts (statistical tables keep ``log(income)``,
    ``log(1 + visits)``, ``log(age)``): at least half of the :data:`MIN_LOG_VALUES` or more whose precision can
    tell (:func:`log_of_short_number`) are logarithms of whole numbers or of amounts in cents.

    A coordinate's decimals are drawn: each passes about 1% of the time, so eight of them reach half by chance
    about once in a hundred million.

    >>> logs_of_short_numbers([f"{math.log(n):.7g}" for n in range(13, 99, 3)])  # ages 13, 16 ... 97, logged
    True
    >>> logs_of_short_numbers([f"{2 + n * 0.0137:.6f}" for n in range(40)])  # 2.000000, 2.013700 ...
    False
    """
    told = [v for v in map(log_of_short_number, values) if v is not None]
    return len(told) >= MIN_LOG_VALUES and sum(told) >= LOG_SHARE * len(told)
