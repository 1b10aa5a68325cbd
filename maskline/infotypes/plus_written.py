"""Phones written with a ``+`` and a calling code whose digits need not be valid: the way they are written decides.

Test generators fill a country's number masks with random digits (``+44 50 9208 1631``, ``(+971) 481846141``), so
phonenumbers rejects most of them, and a column of them found no phone evidence. What they keep is what people
write: a ``+`` (optionally in parentheses) and a real calling code, then digit groups as long as that code's
national numbers are (:func:`~maskline.infotypes.calling_code_forms.length_density`: a length at which a fair share
of random numbers is valid in the plan), a trunk ``0`` kept after the code allowed. The rest of the column may be
the same numbers written nationally (``0541586534`` beside ``(+213) 0605012044``).

Other columns write a ``+`` too, and are refused: signed amounts and deltas (``+12.5``, a ``-3`` beside them), time
zone offsets (``+05:30``), scores (``+1``, ``+250``), versions; none of these is seven digits or more grouped as a
phone, and a column where any value is written with a minus sign or as a decimal is refused outright. Amounts
grouped in thousands (``+12 345 678``) are refused as a whole column. A ``+`` inside text (``call +44 ...``) is not
read at all: a value must be the number alone.

>>> import random
>>> rng = random.Random(1)
>>> gb = [f"+44 {rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}" for _ in range(30)]
>>> fit = plus_written_fit(gb)
>>> fit.plan, fit.validated == fit.checked
('GB', True)
>>> plus_written_fit([f"+{rng.randint(1, 900)}" for _ in range(30)] + ["-12"]) is None  # score changes
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from maskline.infotypes.phone_plans import FORMAT_CHANCE, MIN_VALUES, PlanFit

MIN_CODED = 0.4  # share of the values that must be written with the + and a calling code
COVER = 0.9  # share of the values that must be phones of the plan in either form (coded, or national digits)
PLAUSIBLE = 0.9  # share of the coded values whose national part must have a length the code's plan holds
THOUSANDS = 0.9  # share of the coded values grouped in threes at which the column reads as amounts

# A + (or (+code)) then digit groups only: separators a phone is written with, no comma, colon or letters.
_CODED = re.compile(r"^\s*(?:\(\+\d{1,3}\)|\+\(?\d{1,3}\)?)[\d ().\-/]*\d\s*$")
_NATIONAL = re.compile(r"^\s*\(?\d[\d ().\-/]*\d\s*$")
_TRUNK_MARK = re.compile(r"\(0\)")  # "+41 (0)88 ...": the trunk zero shown, not dialled
_SIGNED = re.compile(r"^\s*[-\u2212]\s*\d|^\s*[+-]?\d+[.,]\d+\s*$|^\s*[+-]\d{1,2}:\d{2}\s*$")
_AMOUNT = re.compile(r"^\s*\+\d{1,3}(?: \d{3})+\s*$")
_NOT_DIGIT = re.compile(r"[^0-9]")


def _national_part(digits: str, code: str, region: str) -> str | None:
    """The national number after ``code``, at a length the plan holds; a kept trunk prefix dropped if needed."""
    from maskline.infotypes.calling_code_forms import MIN_DENSITY, length_density
    from maskline.infotypes.phone_metadata import trunk_prefix

    nsn = digits[len(code):]
    if length_density(region, len(nsn)) >= MIN_DENSITY:
        return nsn
    trunk = trunk_prefix(region)
    if trunk and nsn.startswith(trunk) and length_density(region, len(nsn) - len(trunk)) >= MIN_DENSITY:
        return nsn[len(trunk):]
    return None


def plus_written_fit(values: Sequence[str]) -> PlanFit | None:
    """The calling code (its main region) most of ``values`` are written with, after a ``+``, as phones, or None.

    ``validated`` counts the values written as phones of either form; ``chance`` is the format's
    (:data:`~maskline.infotypes.phone_plans.FORMAT_CHANCE`): the digits' validity is not read.

    >>> plus_written_fit(["+05:30", "+01:00", "-03:00"] * 10) is None  # time zone offsets
    True
    >>> plus_written_fit([f"+{i} 234 567" for i in range(10, 40)]) is None  # amounts in thousands
    True
    """
    from maskline.infotypes.phone_metadata import calling_code, region_of_code
    from maskline.infotypes.phone_plans import possible_number

    if len(values) < MIN_VALUES or any(_SIGNED.match(v) for v in values):
        return None
    coded = [v for v in values if _CODED.match(v) and 7 <= sum(c.isdigit() for c in v) <= 16]
    if len(coded) < MIN_CODED * len(values) or sum(bool(_AMOUNT.match(v)) for v in coded) >= THOUSANDS * len(coded):
        return None
    digits = [_NOT_DIGIT.sub("", _TRUNK_MARK.sub("", v)) for v in coded]
    codes = Counter(calling_code(d) for d in digits)
    code = codes.most_common(1)[0][0]
    if code is None:
        return None
    # Each value is read under its own code (a contact list spans countries); the plan named is the most common.
    plausible = 0
    for d in digits:
        own = calling_code(d)
        plausible += own is not None and _national_part(d, own, region_of_code(own)) is not None
    if plausible < PLAUSIBLE * len(coded):
        return None
    region = region_of_code(code)
    taken = set(coded)
    national = sum(1 for v in values if v not in taken and _NATIONAL.match(v)
                   and possible_number(_NOT_DIGIT.sub("", v), region))
    if plausible + national < COVER * len(values):
        return None
    return PlanFit(region, len(values), plausible + national, FORMAT_CHANCE, 1)
