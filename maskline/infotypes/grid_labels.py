"""Labels made by crossing a few short lists: campaign slugs, product variants, hosts, city-and-year labels.

A marketing team numbers its campaigns (``summer-sale-2000`` ... ``summer-sale-2019``), a catalogue crosses models
with sizes (``victoria-sofa-1`` ... ``grace-sofa-5``), operations cross services with replica numbers
(``ruby-prod-01`` ... ``jade-prod-04``), analysts cross cities with years (``madison_2019``, ``madison_2020``).
Built of words that happen to be first names (summer, victoria, ruby, madison), each value reads as a handle built
on a name (:func:`maskline.infotypes.validators.handle_with_name`). The column does not: its values fill one
template from a few short lists, nearly every combination present. People pick handles one by one, so a column
of them fills even one template from long lists, sparsely (``anna.lee``, ``mark.diaz``: first names do repeat, the
pairs almost never).

The check cuts each value into its parts (runs of letters, runs of digits, separators between them), groups the
values by how many parts they have and which separators, and for each group counts the distinct parts at each
position. A group is a grid when every position of words repeats (at most half as many distinct words as the
group has values: the words come from a short list, so the name in them is a list's word, not a person's) and its
values fill at least ``MIN_COVERAGE`` of the product of those counts: a list crossed with another, or one stem
numbered. Handles that share a number and nothing else (``anna1``, ``mark1``, ``luis1``) repeat no word. The
column is labels when grids hold ``MIN_GRID_SHARE`` of its distinct values.

>>> grid_labels([f"summer-sale-{y}" for y in range(2000, 2020)])
'grid labels: 100% of 20 distinct values cross a few short lists'
>>> grid_labels([f"{c}_{y}" for c in ("paris", "madison", "austin", "victoria") for y in (2019, 2020, 2021)])
'grid labels: 100% of 12 distinct values cross a few short lists'
>>> handles = ["deborah47", "anna.lee", "mark_diaz", "jsmith", "anna1985", "kholland", "mark.jones", "luis_m",
...            "deborah.k", "samuel88", "ghensley", "maria-clara48"]
>>> grid_labels(handles) is None  # names repeat, the combinations do not
True
>>> grid_labels(["katrina_2005", "rita_2005", "wilma_2005", "sandy_2012", "irma_2017", "maria_2017"]) is None
True
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

MIN_GROUP = 4  # distinct values a template group needs before its fill says anything (2 x 2 is any four values)
MIN_COVERAGE = 0.5  # of the grid's combinations present: crossed lists fill most; handles fill under 15%
REPEAT_SHARE = 0.5  # a position of words repeats when it has at most this share of the group's values in words
MIN_GRID_SHARE = 0.6  # of the column's distinct values inside grids: a few grid-shaped handles do not make labels
MIN_VALUES = 8  # fewer distinct values than this say nothing about the column

_PARTS = re.compile(r"[^\W\d_]+|\d+|[^\w]+|_+")


def parts(value: str) -> list[str]:
    """The value cut into runs of letters, runs of digits and the separators between them (lower-cased).

    >>> parts("Summer-Sale_2019"), parts("feature/jordan-login")
    (['summer', '-', 'sale', '_', '2019'], ['feature', '/', 'jordan', '-', 'login'])
    """
    return _PARTS.findall(value.strip().lower())


def _template(cut: Sequence[str]) -> tuple[str, ...]:
    """The separators kept, every letter run written ``a`` and every digit run ``9``: values of one template
    line their parts up position by position."""
    return tuple("9" if p.isdigit() else "a" if p.isalpha() else p for p in cut)


def grid_share(values: Sequence[str]) -> float:
    """The share of the distinct values that sit in a grid (a template group filled from a few short lists).

    >>> grid_share([f"{n}-prod-{i:02d}" for n in ("ruby", "jade", "iris") for i in range(1, 5)])
    1.0
    >>> grid_share(["anna1", "anna2", "bob1", "bob2", "jsmith", "kholland", "mdiaz", "ghensley"])
    0.5
    """
    distinct = sorted(set(values))
    if not distinct:
        return 0.0
    groups: dict[tuple[str, ...], list[list[str]]] = defaultdict(list)
    for v in distinct:
        cut = parts(v)
        groups[_template(cut)].append(cut)
    in_grids = 0
    for cuts in groups.values():
        # Two spellings of one value ("Anna1", "anna1") are one value here.
        unique = {tuple(c) for c in cuts}
        if len(unique) < MIN_GROUP:
            continue
        pools = [len({c[i] for c in unique}) for i in range(len(next(iter(unique))))]
        grid = math.prod(pools)
        kinds = _template(next(iter(unique)))
        words = [p for p, t in zip(pools, kinds, strict=True) if t == "a"]
        # Every word from a short list: a name that recurs in many values is a list's word (a campaign, a model,
        # a host), and a position of words that never repeats is where people write their own names.
        listed = bool(words) and all(p <= REPEAT_SHARE * len(unique) for p in words)
        if listed and len(unique) >= MIN_COVERAGE * grid:
            in_grids += len(cuts)
    return in_grids / len(distinct)


def grid_labels(values: Sequence[str], rows: int = 0) -> str | None:
    """Why the values are labels crossed from a few short lists rather than people's handles, or None.

    ``rows`` is unused (the signature of :data:`maskline.infotypes.shape_checks.SHAPE_CHECKS`).

    >>> grid_labels([f"{s}_promo_{y}" for s in ("spring", "summer", "autumn") for y in range(18, 25)])
    'grid labels: 100% of 21 distinct values cross a few short lists'
    >>> grid_labels(["anna1", "anna2", "bob1", "bob2"]) is None  # too few values to say
    True
    >>> grid_labels(["anna1", "mark1", "luis1", "john1", "sara1", "omar1", "ines1", "paul1"]) is None  # no word repeats
    True
    """
    distinct = len(set(values))
    if distinct < MIN_VALUES:
        return None
    share = grid_share(values)
    if share < MIN_GRID_SHARE:
        return None
    return f"grid labels: {share:.0%} of {distinct} distinct values cross a few short lists"
