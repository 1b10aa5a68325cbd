"""Long digit strings drawn at random: account, card and record numbers that no detector confirmed.

:func:`maskline.classify.column._identifying_shape` reads plain digit strings as amounts and never calls them
identifying, so a column of 21-digit account numbers or Luhn-failing card numbers under an opaque name came out
confidently safe, and the fail-closed default passed it raw. Twelve digits or more are no amount anybody stores
as text; what still separates drawn numbers from counters and clocks is where the digits vary: epoch
milliseconds and sequential keys share their leading digits, drawn numbers spread them. Shorter numbers written
zero-padded to one width (``00482913``: record, patient and customer numbers) are no amounts either: padding is
what identifiers get, and a range far beyond the table's rows is what drawn ones have (padded row ids stay safe).
This says only "not safe" (``uncertain``), never an info type.

>>> import random
>>> r = random.Random(2)
>>> drawn = ["".join(r.choice("0123456789") for _ in range(21)) for _ in range(50)]
>>> drawn_digit_strings(drawn, [1.0] * 50, 50.0)
True
>>> drawn_digit_strings([str(1733000000000 + 7919 * i) for i in range(50)], [1.0] * 50, 50.0)
False
>>> padded_record_numbers(["%08d" % r.randint(0, 10**7 - 1) for _ in range(50)], [1.0] * 50, 50.0, 50)
True
>>> padded_record_numbers(["%08d" % i for i in range(1, 51)], [1.0] * 50, 50.0, 50)  # padded row ids
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_DIGITS = 12  # shorter runs are amounts, counts, phone numbers and postal codes, which other rules weigh
SHARE = 0.8  # of the column's values that must be such runs
DISTINCT_SHARE = 0.9  # drawn numbers do not repeat
LEADING = 3  # digits whose spread tells drawn numbers from clocks and counters
LEADING_SPREAD = 0.3  # distinct leading groups per value (capped at 100 values); epoch ms over a year: one or two
PADDED_WIDTH = 6  # narrower padded numbers are postal codes, branch and product codes
PADDED_SHARE = 0.05  # of values opening with a padding zero; drawn numbers of one width: about one in ten
RANGE_OVER_ROWS = 20  # the largest number is this many times the table's rows: no row id, no counter
_PADDED = re.compile(r"^[0-9]{6,11}$")
_RUN = re.compile(r"^[0-9]{12,}$|^[0-9]{2,6}(?:[ -][0-9]{2,11}){1,5}$")
_SEPARATORS = re.compile(r"[ -]")


def drawn_digit_strings(values: Sequence[str], weights: Sequence[float], n: float) -> bool:
    """Whether most of a column's values are distinct strings of twelve digits or more whose leading digits are
    spread as drawn numbers' are (not a clock's or a counter's). ``values`` and ``weights`` are the column's
    distinct values and their counts, ``n`` their total."""
    if not n:
        return False
    idx = [i for i, v in enumerate(values) if _RUN.match(v) and len(_SEPARATORS.sub("", v)) >= MIN_DIGITS]
    weight = sum(weights[i] for i in idx)
    if weight < SHARE * n or len(idx) < DISTINCT_SHARE * weight or len(idx) < 10:
        return False
    runs = [_SEPARATORS.sub("", values[i]) for i in idx]
    leading = {r[:LEADING] for r in runs}
    if len(leading) >= LEADING_SPREAD * min(len(idx), 100):
        return True
    # A few codes (a bank's, an account type's: 2620 for Ukrainian current accounts) and drawn digits after them.
    from maskline.classify.bban_shape import codes_then_drawn

    return codes_then_drawn(runs)


def padded_record_numbers(values: Sequence[str], weights: Sequence[float], n: float, rows: int) -> bool:
    """Whether most of a column's values are distinct digit strings of one width (six to eleven digits), some
    padded with leading zeros, spread over a range far beyond the table's ``rows``."""
    if not n:
        return False
    idx = [i for i, v in enumerate(values) if _PADDED.match(v)]
    weight = sum(weights[i] for i in idx)
    if weight < SHARE * n or len(idx) < DISTINCT_SHARE * weight or len(idx) < 10:
        return False
    widths = {len(values[i]) for i in idx}
    if len(widths) != 1 or next(iter(widths)) < PADDED_WIDTH:
        return False
    padded = sum(weights[i] for i in idx if values[i][0] == "0")
    return padded >= PADDED_SHARE * weight and max(int(values[i]) for i in idx) >= RANGE_OVER_ROWS * max(rows, 1)
