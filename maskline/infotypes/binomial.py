"""How likely chance alone explains a count: the binomial tail every statistical reading of a column uses.

A detector's validated share (``k`` of ``n`` values pass where a random value passes with ``p``), a calendar's
concentration of dates on one weekday: each is judged by the probability that a column drawn by chance would
show as many, or as few.

>>> round(tail_at_least(8, 10, 0.5), 4), round(tail_at_most(2, 10, 0.5), 4)
(0.0547, 0.0547)
"""

from __future__ import annotations

import math


def tail_at_least(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p): how likely chance alone explains k validated of n.

    Summed in logs: a binomial coefficient of thousands of values overflows a float.

    >>> tail_at_least(0, 5, 0.1), tail_at_least(3, 5, 0.0), tail_at_least(50, 50, 0.5) < 1e-15
    (1.0, 0.0, True)
    """
    if k <= 0:
        return 1.0
    if p <= 0:
        return 0.0
    if p >= 1:
        return 1.0
    total = 0.0
    for i in range(k, n + 1):
        total += math.exp(math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
                          + i * math.log(p) + (n - i) * math.log1p(-p))
    return min(1.0, total)


def tail_at_most(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p): the count of failures read as successes (no subtraction, so a tiny
    probability keeps its digits).

    >>> tail_at_most(0, 40, 0.2) < 1e-3, tail_at_most(40, 40, 0.2)
    (True, 1.0)
    """
    return tail_at_least(n - k, n, 1 - p)
