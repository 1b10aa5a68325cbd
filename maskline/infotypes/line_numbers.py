"""Ids built from fields, whose digits fit a phone plan: their line numbers show a pattern no subscriber's has.

A numbering plan allocates by prefix (a country, an area or a mobile block, an exchange); the last four digits of
a number are its line number, which the operator draws for the subscriber and no plan constrains. At each of
those four positions a column of phones holds the ten digits about evenly. Ids built from fields do not:
respondents counted within a year (``1974`` then ``0020`` ... ``1482``: the fifth digit 0 to 4, never 5 to 9),
parcels numbered in tens (``526301100``), a child's serial with a last digit of 1 or 2, a date range ending in its
year (``8/28-30/08``). Their leading digits happen to be valid in some plan; their line numbers are not a
subscriber's. The test is Pearson's chi-square of one position's digits against even digits, at a bound drawn
digits pass but once in ten million (:data:`CHI2_LIMIT`).

Two guards keep phones allocated in blocks typed. Plans hand out numbers in blocks of a thousand (the UK's, and
the drama ranges ``0118 496 0000`` to ``0999`` that generators draw from; North America's pooled thousands-blocks),
which fixes the line number's first digit within a block: a skewed position counts only where the runs that share
every digit before it do not share it too (respondents of one year hold 0 to 4 there; one block's numbers hold
one digit). And a company's block of direct lines shares every digit before its line numbers (``0301234500`` ...
``0301234599``): the pattern counts only behind a position that varies across the runs, as a year, a parcel's
section or a child's serial does.

>>> import random
>>> rng = random.Random(3)
>>> by_year = [f"{y}{rng.randint(1, 3000):04d}" for y in rng.choices(range(1974, 2017, 2), k=100)]
>>> patterned_line_numbers(by_year)  # counted within each year: the line number's first digit is 0 to 3
True
>>> patterned_line_numbers([f"6{rng.randint(10**7, 10**8 - 1)}" for _ in range(100)])  # drawn mobiles
False
>>> patterned_line_numbers([f"30123{rng.randint(4500, 4599)}" for _ in range(100)])  # one company's lines
False
>>> blocks = [rng.choice(["1184960", "1314960", "2079460"]) + f"{rng.randrange(1000):03d}" for _ in range(100)]
>>> patterned_line_numbers(blocks)  # drawn from thousand-blocks: the fourth-last digit is the block's
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

LINE_DIGITS = 4  # a number's last four digits: its line number, which no numbering plan constrains
MIN_RUNS = 20  # distinct runs; fewer say too little about a position's ten digits
# Pearson's chi-square with 9 degrees of freedom: drawn digits exceed 50 with probability 1.1e-7 (four positions
# tested: under 5e-7 for a column of phones). Vocab's respondents counted within a year score 350 at n = 128.
CHI2_LIMIT = 50.0
FIXED_SHARE = 0.9  # a leading position whose commonest digit fills this share is part of a shared prefix
BLOCK_SHARE = 0.5  # runs that must share every digit before a position with another run to read it by blocks


def digit_chi2(digits: Sequence[str]) -> float:
    """Pearson's chi-square of single digits against the ten digits drawn evenly.

    >>> digit_chi2("0123456789"), digit_chi2("0000000000")
    (0.0, 90.0)
    """
    expected = len(digits) / 10
    counts = Counter(digits)
    return sum((counts.get(d, 0) - expected) ** 2 for d in "0123456789") / expected


def _fixed(digits: Sequence[str]) -> bool:
    return Counter(digits).most_common(1)[0][1] >= FIXED_SHARE * len(digits)


def _set_by_blocks(runs: Sequence[str], back: int) -> bool:
    """Whether most runs share every digit before position ``back`` (from the right) with another run, and nearly
    all of those share the digit there too: the position is fixed by the blocks numbers are allocated in."""
    groups: dict[str, set[str]] = {}
    sizes: Counter[str] = Counter()
    for r in runs:
        groups.setdefault(r[:-back], set()).add(r[-back])
        sizes[r[:-back]] += 1
    grouped = [p for p, n in sizes.items() if n >= 2]
    in_groups = sum(sizes[p] for p in grouped)
    if in_groups < BLOCK_SHARE * len(runs):
        return False
    return sum(sizes[p] for p in grouped if len(groups[p]) == 1) >= FIXED_SHARE * in_groups


def patterned_line_numbers(runs: Sequence[str]) -> bool:
    """Whether one of the last :data:`LINE_DIGITS` positions of the distinct runs holds its digits far from
    evenly (:func:`digit_chi2` over :data:`CHI2_LIMIT`), not as the blocks numbers are allocated in would, behind
    a leading position that varies: ids built from fields, not subscriber numbers.

    Positions count from the right (a line number ends the number whatever its length); the leading positions
    from the left, as a plan reads them. Runs are read once each (a household's phone repeated over its rows is
    one number drawn), and those shorter than seven digits are left out: they are no phone numbers to tell apart.

    >>> patterned_line_numbers([f"52{i:03d}{j}0" for i in range(100, 130) for j in range(3)])  # numbered in tens
    True
    >>> patterned_line_numbers(["3620" + f"{i * 7919 % 10**7:07d}" for i in range(60)])  # line numbers drawn
    False
    """
    distinct = sorted({r for r in runs if r.isdigit() and len(r) >= 7})
    if len(distinct) < MIN_RUNS:
        return False
    width = min(len(r) for r in distinct)
    for back in range(1, LINE_DIGITS + 1):
        if digit_chi2([r[-back] for r in distinct]) <= CHI2_LIMIT or _set_by_blocks(distinct, back):
            continue
        # A leading position that varies says the runs are not one block of lines, whose shared prefix would
        # explain a fixed digit in its line numbers (extensions 4500 to 4599).
        if not all(_fixed([r[i] for r in distinct]) for i in range(width - back)):
            return True
    return False


ROUND_SUFFIX = "00"  # a business's main line: ``617-492-3500``, ``508-222-5200``; a switchboard is picked round
ROUND_SHARE = 0.6  # at most this share of the runs may be round: a column of round numbers is amounts, not lines


def round_lines_explain(runs: Sequence[str]) -> bool:
    """Whether the pattern :func:`patterned_line_numbers` reads in the runs is only their round main lines: set
    aside the runs ending in :data:`ROUND_SUFFIX` (a minority, at most :data:`ROUND_SHARE`), at least
    :data:`MIN_RUNS` remain and their line numbers show no pattern.

    Organisations pick round numbers for their main lines (Synthea's hospitals: ``6174923500``, ``5082225200``),
    which skews the last two positions; ids built from fields (counted within a year, numbered in tens) keep their
    pattern once the round ones are gone.

    >>> import random
    >>> rng = random.Random(5)
    >>> drawn = [f"617{rng.randint(200, 999)}{rng.randint(0, 9999):04d}" for _ in range(60)]
    >>> main = [f"508{rng.randint(200, 999)}{rng.randint(10, 99)}00" for _ in range(40)]
    >>> patterned_line_numbers(drawn + main), round_lines_explain(drawn + main)
    (True, True)
    >>> round_lines_explain([f"52{i:03d}{j}0" for i in range(100, 130) for j in range(3)])  # numbered in tens
    False
    """
    distinct = sorted({r for r in runs if r.isdigit() and len(r) >= 7})
    rest = [r for r in distinct if not r.endswith(ROUND_SUFFIX)]
    if len(rest) == len(distinct) or len(rest) < max(MIN_RUNS, (1 - ROUND_SHARE) * len(distinct)):
        return False
    return not patterned_line_numbers(rest)
