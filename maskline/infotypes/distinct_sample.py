"""Seeded samples of a column's distinct values, for the column-level rules that read shares over them.

The seed is the number of distinct values, so one column gets one sample, and one verdict, every run.

>>> seeded_indices(5, 10)
[0, 1, 2, 3, 4]
>>> len(seeded_indices(1000, 400)), seeded_indices(1000, 400) == seeded_indices(1000, 400)
(400, True)
"""

from __future__ import annotations

import random
from collections.abc import Sequence


def seeded_indices(count: int, cap: int) -> list[int]:
    """All of ``range(count)`` when it has at most ``cap`` items, else a sample of ``cap`` of them seeded by ``count``.

    >>> seeded_indices(3, 2) == seeded_indices(3, 2), len(seeded_indices(3, 2))
    (True, 2)
    """
    return list(range(count)) if count <= cap else random.Random(count).sample(range(count), cap)


def nearly_distinct_sample(values: Sequence[str], weights: Sequence[float], *, min_values: int, distinct_share: float,
                           cap: int) -> tuple[list[str], list[float], float] | None:
    """The distinct ``values`` and their counts (``weights``), sampled down to ``cap``, with their total weight, or
    None when there are fewer than ``min_values`` of them or they are not ``distinct_share`` of the rows.

    >>> nearly_distinct_sample(["a", "b"], [5.0, 5.0], min_values=2, distinct_share=0.9, cap=10) is None
    True
    >>> vals, ws, total = nearly_distinct_sample([str(i) for i in range(50)], [1.0] * 50, min_values=20,
    ...                                          distinct_share=0.9, cap=30)
    >>> len(vals), total
    (30, 30.0)
    """
    total = float(sum(weights))
    if len(values) < min_values or not total or len(values) < distinct_share * total:
        return None
    keep = seeded_indices(len(values), cap)
    out_values, out_weights = [values[i] for i in keep], [float(weights[i]) for i in keep]
    return out_values, out_weights, float(sum(out_weights))
