"""How often random digits like a column's own would pass a check: the chance a check-digit fit is tested against.

A fixed chance per detector assumes the column's digits are random. They rarely
are: ids of one range share a prefix, and behind some prefixes a check passes
nearly always. Denmark's CPR number is a date (DDMMYY) and a serial with no
check digit since 2007, so any ten digits behind ``3112`` or ``0101`` pass it; a
column of order numbers ``3112xxxxxx`` would read as national ids. The chance is
measured instead, on random twins of the column's runs: same length, the prefix
all runs share kept, the rest drawn at random (seeded by the run, so a column is
read the same way every time). A fit those twins show as well is not evidence.

>>> runs = ["3112%06d" % (7919 * i % 1_000_000) for i in range(40)]
>>> from stdnum.dk import cpr
>>> round(twin_chance(runs, cpr.is_valid), 2)  # any serial behind a valid date passes, unless the date is to come
0.95
>>> round(twin_chance(["%010d" % (2_654_435_761 * i % 10**10) for i in range(1, 41)], cpr.is_valid), 2)
0.1
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence

from maskline.infotypes.random_twins import twin

MIN_RUNS = 8  # fewer distinct runs than this share a prefix by accident: their chance is not measured
MIN_TWINS = 64  # twins drawn at least, cycling over the runs, so a short sample still measures a share
ERRORS = 2.0  # standard errors added to the measured share: the chance is rather overstated than understated
FREE_DIGITS = 4  # digits every twin draws at random, however long the shared prefix (phone_plans does the same)


def twin_chance(runs: Sequence[str], check: Callable[[str], bool], twins: int = MIN_TWINS) -> float:
    """The share of random twins of ``runs`` (:func:`maskline.infotypes.random_twins.twin`) that ``check`` passes,
    raised by :data:`ERRORS` standard errors; 0.0 when there are fewer than :data:`MIN_RUNS` distinct runs. At
    least ``twins`` twins are drawn, one per run when there are more.

    The share is itself a sample: without the margin, one draw of twins in twenty that passes less often than
    chance would let a column the twins explain decide (measured: 10 of 210 ranges of ids behind date-like prefixes).

    >>> twin_chance(["123456789"] * 20, lambda d: True)  # one distinct run: nothing to measure
    0.0
    >>> round(twin_chance(["%09d" % i for i in range(20)], lambda d: d.endswith("7")), 2)  # 6 of 64, plus 2 errors
    0.17
    """
    distinct = sorted(set(runs))
    if len(distinct) < MIN_RUNS:
        return 0.0
    shared = len(os.path.commonprefix(distinct))
    drawn = []
    for n in range(max(twins, len(distinct))):  # past the last run, cycle again with another seed
        d = distinct[n % len(distinct)]
        drawn.append(twin(d, min(shared, len(d) - FREE_DIGITS), seed=f"{d}/{n // len(distinct)}"))
    share = sum(1 for d in drawn if check(d)) / len(drawn)
    return min(1.0, share + ERRORS * math.sqrt(share * (1 - share) / len(drawn)))
