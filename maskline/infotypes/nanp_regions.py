"""One region's North American numbers stored as ten bare digits: valid in the plan, their area codes few.

A column of a region's phones (Synthea's Massachusetts hospitals: ``6174923500``, ``5082225200``, ``9786834000``)
holds ten digits each, nearly all valid North American numbers (python-phonenumbers' metadata: a valid area code,
an exchange not opening with 0 or 1) and their area codes cluster on a few (``508``, ``617``, ``978``, ``413``,
``781``). Ten-digit ids fill their own range: some area codes are valid by chance, but they spread over hundreds of
them, and the exchange opens with 0 or 1 a fifth of the time. Unix seconds of this decade (``17...``) open with a 1,
which no area code does. This is the check :mod:`maskline.classify.column`'s phone-plan reading asks before the
round main lines of organisations (``...3500``, :func:`~maskline.infotypes.line_numbers.round_lines_explain`)
excuse the pattern in their line numbers that ids built from fields show.

>>> import random
>>> rng = random.Random(2)
>>> nanp_region_numbers([f"{rng.choice(['617', '508', '978'])}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
...                      for _ in range(40)])
True
>>> nanp_region_numbers([str(rng.randint(2 * 10**9, 10**10 - 1)) for _ in range(40)])  # drawn ids
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

DIGITS = 10  # a North American number without its country code 1
VALID_SHARE = 0.95  # of the distinct runs that must be valid North American numbers
AREA_CODES = 5  # the commonest area codes ...
AREA_SHARE = 0.8  # ... must hold this share of the runs: one region's numbers, not ids spread over the plan
MIN_RUNS = 20  # distinct runs; fewer say little about how area codes cluster


def _valid(run: str) -> bool:
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+1" + run))
    except phonenumbers.NumberParseException:
        return False


def nanp_region_numbers(runs: Sequence[str]) -> bool:
    """Whether the distinct runs are all ten digits, :data:`VALID_SHARE` of them valid North American numbers, and
    their :data:`AREA_CODES` commonest area codes hold :data:`AREA_SHARE` of them (see the module docstring).

    >>> nanp_region_numbers(["6174923500", "5082225200"] * 20)  # two distinct runs: too few to tell
    False
    """
    distinct = sorted(set(runs))
    if len(distinct) < MIN_RUNS or any(len(r) != DIGITS or not r.isdigit() for r in distinct):
        return False
    if sum(_valid(r) for r in distinct) < VALID_SHARE * len(distinct):
        return False
    areas = Counter(r[:3] for r in distinct)
    return sum(c for _, c in areas.most_common(AREA_CODES)) >= AREA_SHARE * len(distinct)
