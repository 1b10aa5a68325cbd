"""Signed quantities written with their sign (``+1234``, ``-567``, ``+12.5``), not phones in international notation.

A ``+`` and eight digits or more is how phones are written internationally, and a random run of such digits after a
``+`` often begins with a calling code and has a length that code's plan holds: a column of score changes, balance
movements or deltas written with an explicit sign validates as phones in a third to a half of its ``+`` rows. What
the ``+`` rows cannot show, the others do: a quantity's sign goes both ways, and its ``-`` rows are written as its
``+`` rows are, a sign and a digit run (a decimal part or thousands groups allowed) of the lengths the ``+`` rows
have. Nobody writes a phone with a minus sign, so a phone column has no such rows; the few ``-`` placeholders a
phone column may hold (``-``, ``--``, ``-1``) carry no digits or are shorter than every ``+`` row, and do not count.

The check reads the whole column's values (not only those the phone pattern matched:
:data:`~maskline.infotypes.shape_checks.READS_COLUMN`), counting distinct values.

>>> import random
>>> rng = random.Random(3)
>>> deltas = [rng.choice("+-") + str(rng.randint(10 ** 7, 10 ** 10)) for _ in range(60)]
>>> signed_quantities(deltas)
'signed quantities: 32 of 60 values written with a minus sign as the + values are (9-10 digits)'
>>> signed_quantities(["+4917612345678", "+441632960961", "+33612345678", "-", "-1"] * 4) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MINUS_SHARE = 0.05  # of the column's signed values written with a minus: no phone is ever written so
MIN_MINUS = 3  # distinct minus values: one or two are a typo or a placeholder, not a sign in use
PLAIN_SHARE = 0.5  # of the + values written as a quantity is (digits, a decimal part or groups of three)

# A sign, then digits as a quantity is written: a run, or thousands in groups of three, and a decimal part.
_SIGNED = re.compile(r"\s*([+\-\u2212])\s?(\d+|\d{1,3}(?:[ \u00a0,.']\d{3})+)(?:[.,]\d+)?\s*")
_PLUS = re.compile(r"\s*\+")
_NOT_DIGIT = re.compile(r"[^0-9]")


def signed_quantities(values: Sequence[str], rows: int = 0) -> str | None:
    """Why ``values`` (a whole column's) are signed quantities, not phones: a share of them written with a minus
    sign in the shape and digit lengths of their ``+`` values; or None. ``rows`` is unused (the signature of
    :data:`maskline.infotypes.shape_checks.SHAPE_CHECKS`).

    >>> signed_quantities(["+1234567890", "+9876543.25", "-45678901", "-3456789.5", "+23456789", "-98765432"] * 2)
    'signed quantities: 3 of 6 values written with a minus sign as the + values are (8-10 digits)'
    >>> signed_quantities(["+44 20 7946 0958", "+1 415 555 0199", "-44 20 7946 0958"] * 3) is None  # grouped: phones
    True
    """
    distinct = {v.strip() for v in values}
    plus_total = 0
    plus_lengths: list[int] = []
    minus_lengths: list[int] = []
    for v in distinct:
        m = _SIGNED.fullmatch(v)
        if m is None:
            plus_total += bool(_PLUS.match(v))
            continue
        digits = len(_NOT_DIGIT.sub("", v))
        if m.group(1) == "+":
            plus_total += 1
            plus_lengths.append(digits)
        else:
            minus_lengths.append(digits)
    if not plus_lengths or len(plus_lengths) < PLAIN_SHARE * plus_total:
        return None  # the + values are grouped as phones are, not written as quantities
    low, high = min(plus_lengths), max(plus_lengths)
    # A minus value counts only in the + values' lengths: "-1" beside phones of twelve digits is a placeholder.
    minus = sum(low <= n <= high for n in minus_lengths)
    signed = len(plus_lengths) + minus
    if minus < MIN_MINUS or minus < MINUS_SHARE * signed:
        return None
    return (f"signed quantities: {minus} of {signed} values written with a minus sign as the + values are "
            f"({low}-{high} digits)")
