"""Columns computed from two others in the same row: sums, differences, products and ratios of measurements.

A postal code or a coordinate is recorded, never computed: no arithmetic of two of a row's other numbers gives a
person's ZIP code or where they live. Measurements are computed all the time: a margin is the difference of two
counts (``votes_dem - votes_rep``), an area the product of two lengths, a rate a ratio. Numbers read as postcodes
or coordinates by their values alone (``21340``: five digits; ``4.5409``: decimals within +-180) are such
derived measurements when, row by row, they are exactly the sum, difference, product or ratio of two other number
columns of the table (:func:`derived_from_siblings`).

The test is strict, so that chance cannot pass it: at least :data:`MIN_ROWS` rows where all three numbers are
present, and in :data:`MIN_SHARE` of them the column equals the operation's result to
:data:`RELATIVE_TOLERANCE` (a printed rounding; two random numbers meet that about one time in ten thousand per
row). An operand must vary (a constant column makes ``x * 1`` or ``x + 0``), and the column must differ from each
operand in most rows (``a + b`` with ``b`` mostly zero is ``a`` again). Three columns tied by one relation
(``end = start + delta``) each pass the test, so the table context (:mod:`maskline.classify.table_context`) only
refutes a column none of whose two operands was read as the same type: a trip's start and end latitudes with their
difference stay coordinates.

The rows compared are each number column's first sampled values, kept in row order beside the counted ones
(:attr:`maskline.classify.values.ColumnValues.head`).

>>> altitude = (0.91, 0.91, 9.14, 1.52, 3.05, 6.1, 4.57, 0.91)
>>> lateral = (4.99, 8.21, 21.08, 6.6, 0.16, 3.38, 12.5, 3.38)
>>> product = tuple(round(a * b, 4) for a, b in zip(altitude, lateral))
>>> derived_from_siblings("alt_lat", {"alt_lat": product, "altitude": altitude, "lateral": lateral})
('product', 'altitude', 'lateral')
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence

MIN_ROWS = 8  # rows holding all three numbers; one chance match per row is ~1e-4, so eight are ~1e-32
MIN_SHARE = 0.95  # of those rows: a few rows may be corrected, rounded otherwise or missing an operand
RELATIVE_TOLERANCE = 1e-4  # a result printed to 4-5 significant digits still matches; random numbers do not
MIN_DISTINCT = 3  # values an operand (and the column) must take: a constant makes x * 1, x + 0
MAX_OPERANDS = 60  # number columns tried as operands (pairs grow with the square; wide matrices hold no postcodes)

# The operations a measurement is computed by, named as the evidence says them.
OPERATIONS: tuple[tuple[str, Callable[[float, float], float]], ...] = (
    ("sum", lambda a, b: a + b),
    ("difference", lambda a, b: a - b),
    ("product", lambda a, b: a * b),
    ("ratio", lambda a, b: a / b if b else math.nan),
)


def _close(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


def _varies(values: Sequence[float]) -> bool:
    return len({v for v in values if not math.isnan(v)}) >= MIN_DISTINCT


def _matches(target: Sequence[float], a: Sequence[float], b: Sequence[float],
             op: Callable[[float, float], float]) -> bool:
    """Whether ``target`` is ``op(a, b)`` row by row, and differs from each operand in most rows."""
    rows = ((t, x, y) for t, x, y in zip(target, a, b, strict=False)
            if not (math.isnan(t) or math.isnan(x) or math.isnan(y)))
    # Most pairs fail on their first rows: two of the first three must match before the rest is read.
    first = list(itertools.islice(rows, 3))
    if sum(_close(t, op(x, y)) for t, x, y in first) < 2:
        return False
    complete = first + list(rows)
    if len(complete) < MIN_ROWS:
        return False
    if sum(_close(t, op(x, y)) for t, x, y in complete) < MIN_SHARE * len(complete):
        return False
    same_a = sum(_close(t, x) for t, x, _ in complete)
    same_b = sum(_close(t, y) for t, _, y in complete)
    return same_a < len(complete) / 2 and same_b < len(complete) / 2


def derived_from_siblings(column: str, heads: Mapping[str, Sequence[float]]) -> tuple[str, str, str] | None:
    """The operation and the two other columns that ``column`` is computed from, row by row, or None.

    ``heads`` holds each number column's first sampled values in row order (NaN where NULL), by name.

    >>> heads = {"dem": (5.0, 7, 9, 2, 8, 1, 4, 6), "rep": (1.0, 3, 2, 2, 5, 1, 3, 0),
    ...          "margin": (4.0, 4, 7, 0, 3, 0, 1, 6)}
    >>> derived_from_siblings("margin", heads)
    ('difference', 'dem', 'rep')
    >>> derived_from_siblings("rep", {"dem": heads["dem"], "rep": heads["rep"]}) is None
    True
    """
    target = heads.get(column)
    if target is None or not _varies(target):
        return None
    others = [n for n, v in heads.items() if n != column and _varies(v)][:MAX_OPERANDS]
    for a, b in itertools.permutations(others, 2):
        for word, op in OPERATIONS:
            if word in ("sum", "product") and a > b:  # commutative: each pair once
                continue
            if _matches(target, heads[a], heads[b], op):
                return word, a, b
    return None
