"""How large a pool a column's words (or numbers) are drawn from, read from how often they repeat one another.

Draws from a pool of ``V`` equally likely items give about ``n(n-1)/2V`` pairs of equal items; a smaller or skewed
pool gives more. Handles are filled from a vocabulary (thousands of words); machine-made names from a small pool
(docker's adjectives, release codenames, a few cities, one prefix).

>>> estimated_pool(["a", "b", "c", "a"])
6.0
>>> fewer_collisions_than_pool([str(i) for i in range(100)], 300)
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

ALPHA = 1e-3  # how often draws from the pool itself may pass fewer_collisions_than_pool by chance


def equal_pairs(items: Sequence[str]) -> int:
    """The pairs of equal items.

    >>> equal_pairs(["x", "y", "x", "x"])
    3
    """
    return sum(c * (c - 1) // 2 for c in Counter(items).values())


def estimated_pool(items: Sequence[str]) -> float:
    """The size of the pool of equally likely items that gives as many equal pairs (infinite when none repeats).

    >>> estimated_pool(["x", "y", "z"])
    inf
    """
    n, pairs = len(items), equal_pairs(items)
    return math.inf if not pairs else n * (n - 1) / 2 / pairs


def poisson_cdf(k: int, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam).

    >>> round(poisson_cdf(0, 2.0), 4), poisson_cdf(3, 0.0)
    (0.1353, 1.0)
    """
    if lam <= 0:
        return 1.0
    term = total = math.exp(-lam)
    for i in range(1, k + 1):
        term *= lam / i
        total += term
    return min(1.0, total)


def fewer_collisions_than_pool(items: Sequence[str], pool: int) -> bool:
    """Whether ``items`` repeat one another significantly less (level ``ALPHA``) than draws from ``pool`` equally
    likely items would: they come from a larger pool. A few items can never show it.

    >>> fewer_collisions_than_pool([str(i % 50) for i in range(100)], 300)
    False
    >>> fewer_collisions_than_pool([str(i) for i in range(20)], 300)  # too few to tell
    False
    """
    n = len(items)
    return poisson_cdf(equal_pairs(items), n * (n - 1) / 2 / pool) < ALPHA
