"""Mobile phones written in their country's national form as bare digits (``0612345678``, ``01012345678``).

:func:`~maskline.infotypes.phone_plans.plan_fit` conditions its chance on the prefix a column's runs share plus one
digit, so it can never read a country's mobiles: behind ``07`` (Britain) or ``04`` (Australia) random digits are
valid mobiles nearly always. What the plan still shows is the *kind* of number: behind the country's trunk prefix
alone, a random run is a mobile number far less often (one in seven in France, one in twenty in Britain), so a
column of nothing but mobiles is not chance, and ids padded with zeros or random digits behind ``0`` are not that.

A column is read as a region's mobiles when nearly all its runs begin with the region's trunk prefix and are valid
mobile numbers there (phonenumbers' number type), and random twins keeping the trunk prefix alone are mobile numbers
far less often. Three guards keep ranges of ids out, since a range's validity is the range's, not the plan's:

- the runs share no more than the region's mobile block (the prefix all its mobiles share: ``04`` in Australia,
  ``07`` in Britain, ``0`` in France) and one digit: Korea's ``010`` in ``01``, France's ``06`` behind ``0``;
  ids behind a branch prefix (``0412``) or from a narrow range (``060xxxxxxx``) share more;
- behind the shared prefix but its last digit, twins are not mobiles nearly always: behind ``04`` every Australian
  run is one, so runs sharing ``041`` are a range, while behind ``01`` Korea's are six in ten;
- the digits past the plan's prefixes vary as drawn digits do (dates and times written as digits do not).

With no name to say phone (:func:`national_mobile_fit`), plans that dial no trunk prefix are read too, and the
column must also beat numbers drawn from its own range, which is what ids, counters and timestamps fill.

>>> import random

>>> rng = random.Random(4)
>>> fr = [rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8)) for _ in range(200)]
>>> fit = trunk_mobile_fit(["0" + d for d in fr if valid_mobile("0" + d, "FR")][:60])
>>> fit.plan, fit.validated == fit.checked, fit.chance < 0.3
('FR', True, True)
>>> trunk_mobile_fit(["%010d" % (rng.randint(0, 10**9)) for _ in range(60)]) is None  # ids padded with zeros
True
>>> trunk_mobile_fit(["0612" + "%06d" % rng.randint(0, 10**6) for _ in range(60)]) is None  # a branch prefix
True
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from maskline.infotypes.phone_metadata import every_region, mobile_pattern, trunk_prefix
from maskline.infotypes.phone_plans import MIN_RATE, MIN_VALUES, PROBE, PlanFit, failures
from maskline.infotypes.random_twins import twin
from maskline.infotypes.validators import PHONE_REGIONS

MAX_CHANCE = 0.5  # regions where random twins are mobiles more often than this never decide
MAX_NEAR_CHANCE = 0.8  # nor more often than this behind the prefix the runs share, but for its last digit
MAX_POSITION_SHARE = 0.5  # the most common digit's share at a position the plan leaves free (past block + 1 digit)
SUBSCRIBER_FROM = 3  # digits past the trunk prefix a plan may fix (Germany's 015x, 016x, 017x) before those drawn
MIN_DISTINCT = 6  # digits each such position shows in 30 runs or more (drawn digits: nine or ten)


@lru_cache(maxsize=1)
def _trunk_regions() -> dict[str, tuple[str, ...]]:
    """Every region phonenumbers knows, by its trunk prefix (``0`` for most, ``8`` in Russia), in a fixed order.

    Trunk prefixes opening with ``1`` (North America) are left out: the commonest digit runs open with 1 (epoch
    seconds and milliseconds, ids counted from 10^n), and those plans hold no number type a run could be told by.
    """
    by_prefix: dict[str, list[str]] = {}
    for region in every_region():
        prefix = trunk_prefix(region)
        if prefix and prefix.isdigit() and not prefix.startswith("1"):
            by_prefix.setdefault(prefix, []).append(region)
    return {p: tuple(r) for p, r in by_prefix.items()}


CHANCE_TWINS = 64  # random twins the chances are read on (of the first runs)
BLOCK_TWINS = 40  # random twins read per digit when finding where a region's mobiles branch


@lru_cache(maxsize=1024)
def mobile_block(region: str, trunk: str, length: int) -> str:
    """The prefix all of a region's mobile numbers of ``length`` digits (trunk included) share: ``04`` in Australia,
    ``07`` in Britain, ``0`` in France (06 and 07). Found by descent: while only one next digit leads to mobiles
    (random twins behind it, seeded), the prefix takes it.

    >>> mobile_block("AU", "0", 10), mobile_block("GB", "0", 11), mobile_block("FR", "0", 10)
    ('04', '07', '0')
    """
    block = trunk
    while len(block) < length - 4:
        leading = [c for c in "0123456789" if any(
            valid_mobile(twin(block + c, len(block) + 1, seed=f"{region}{block}{c}{i}", length=length), region)
            for i in range(BLOCK_TWINS))]
        if len(leading) != 1:
            return block
        block += leading[0]
    return block


def valid_mobile(digits: str, region: str) -> bool:
    """Whether ``digits`` (a national number, trunk prefix included) are a valid mobile number in ``region`` (or one
    the plan cannot tell from a landline).

    >>> valid_mobile("0612345678", "FR"), valid_mobile("0145678901", "FR"), valid_mobile("061234567", "FR")
    (True, False, False)
    >>> valid_mobile("00447911123456", "DE")  # a British mobile behind Germany's international prefix
    False
    """
    import phonenumbers
    from phonenumbers import PhoneNumberType

    try:
        num = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return False
    if num.country_code != phonenumbers.country_code_for_region(region):
        return False  # "00" opened an international number (0044...): not the region's national form
    # Plans that cannot tell a mobile from a landline (India's) say either; their chance decides whether it counts.
    kind = phonenumbers.number_type(num)
    return kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE) and \
        bool(phonenumbers.is_valid_number(num))


def _spread(runs: Sequence[str], start: int) -> bool:
    """Whether the digits from position ``start`` vary as drawn digits do: no digit holds more than
    :data:`MAX_POSITION_SHARE` of a position, and in 30 runs or more a position shows :data:`MIN_DISTINCT` digits
    at least (a day's tens show four, an hour's three)."""
    for pos in range(start, min(map(len, runs))):
        counts = Counter(d[pos] for d in runs)
        if counts.most_common(1)[0][1] > MAX_POSITION_SHARE * len(runs) or \
                len(runs) >= 30 and len(counts) < MIN_DISTINCT:
            return False
    return True


def trunk_mobile_fit(values: Sequence[str]) -> PlanFit | None:
    """The region whose mobile numbers, written nationally with the trunk prefix, nearly all ``values`` are, or None.

    ``chance`` is the share of random twins keeping the trunk prefix only that are mobiles there; ``tried``
    counts the regions read. None when no region fits, when chance is above :data:`MAX_CHANCE`, when the runs share
    more than the region's mobile block and one digit, or when the digits behind it are not spread as drawn
    numbers are.

    >>> trunk_mobile_fit(["0612345678"] * 5) is None  # too few
    True
    """
    return _region_fit(values, _trunk_regions(), within_shared=False)


@lru_cache(maxsize=1)
def _national_regions() -> dict[str, tuple[str, ...]]:
    """:func:`_trunk_regions`, and under the empty prefix the regions that dial no trunk prefix (their national
    numbers are written as they are dialled: Italy's ``3xx``, Spain's ``6xx``)."""
    plain = tuple(r for r in every_region() if not trunk_prefix(r))
    return {**_trunk_regions(), "": plain}


def national_mobile_fit(values: Sequence[str]) -> PlanFit | None:
    """Like :func:`trunk_mobile_fit`, for columns with no name to say phone: the regions that dial no trunk prefix
    are read too, and the fit must beat chance *within* the prefix the runs share.

    A block of ids shares its leading digits and is drawn at random behind them: where a plan makes every number
    behind that prefix a mobile (Spain's ``6``, France's ``06``), the block reads as mobiles as well as phones do.
    So does a range of ids not aligned on a decimal prefix (epoch seconds, ``1500000000`` to ``1780000000``, are
    Bangladeshi mobiles behind a zero). Phones are told from both by the plan's structure inside the range they
    span: numbers drawn uniformly from the runs' own range (:func:`_range_chance`) must be mobiles no more often
    than :data:`MAX_INNER_CHANCE`, and ``chance`` is that share when it is the larger, so the p-value tests the
    column against ids filling the same range.

    >>> import random

    >>> rng = random.Random(8)
    >>> es = [rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8)) for _ in range(400)]
    >>> fit = national_mobile_fit([d for d in es if valid_mobile(d, "ES")][:80])  # Spanish mobiles, 6 and 7
    >>> fit.plan, fit.validated == fit.checked, fit.chance < MAX_INNER_CHANCE  # 6 and 7 hold Spain's landlines too
    ('ES', True, True)
    >>> national_mobile_fit([str(rng.randrange(6 * 10**8, 7 * 10**8)) for _ in range(80)]) is None  # a block of ids
    True
    """
    return _region_fit(values, _national_regions(), within_shared=True)


MAX_INNER_CHANCE = 0.85  # regions where numbers drawn from the runs' own range are mobiles more often never decide
RANGE_TWINS = 128  # numbers drawn from the runs' range
RANGE_QUANTILE = 0.02  # the range is read between these quantiles, so a stray value does not widen it


def _range_chance(runs: Sequence[str], length: int, region: str) -> float:
    """The share of numbers drawn uniformly from the runs' own range (those of the commonest length, between their
    2nd and 98th percentiles, as integers) that are mobiles in ``region``: what ids, counters and timestamps of that
    range would show, since they fill a range evenly, whether or not it is aligned on a decimal prefix (epoch
    seconds fill ``1500000000`` to ``1780000000``, Bangladesh's ``015`` to ``017`` once a zero is put before them).

    >>> _range_chance(["0" + str(n) for n in range(1_500_000_000, 1_780_000_000, 2_000_000)], 11, "BD")
    1.0
    """
    import random

    numbers = sorted(int(d) for d in runs if len(d) == length)
    cut = int(RANGE_QUANTILE * len(numbers))
    lo, hi = numbers[cut], numbers[-1 - cut]
    rng = random.Random(f"{region}{lo}{hi}")
    return sum(valid_mobile(f"{rng.randint(lo, hi):0{length}d}", region) for _ in range(RANGE_TWINS)) / RANGE_TWINS


def _region_fit(values: Sequence[str], regions: dict[str, tuple[str, ...]], *, within_shared: bool) -> PlanFit | None:
    digits = [v for v in values if v.isdigit() and 8 <= len(v) <= 13]
    if len(digits) < MIN_VALUES or len(digits) < MIN_RATE * len(values):
        return None
    tried = sum(map(len, regions.values()))
    allowed = int((1 - MIN_RATE) * len(digits))
    best: PlanFit | None = None
    for prefix, candidates in regions.items():
        runs = [d for d in digits if d.startswith(prefix)]
        if len(digits) - len(runs) > allowed:
            continue
        shared = len(os.path.commonprefix(runs))
        length = Counter(map(len, runs)).most_common(1)[0][0]
        # The listed regions first (as plan_fit reads them); the hundred others only when none of them fits.
        for region in sorted(candidates, key=lambda r: r not in PHONE_REGIONS):
            if best is not None and best.plan in PHONE_REGIONS and region not in PHONE_REGIONS:
                break
            shaped = mobile_pattern(region)
            if shaped is not None and \
                    sum(not shaped.fullmatch(d[len(prefix):]) for d in runs[:PROBE]) > int((1 - MIN_RATE) * PROBE):
                continue  # a cheap necessary condition: parsing every run in a hundred regions is not
            # Each run parsed once (parsing is most of this loop's cost), stopping once too many of the first
            # PROBE, or of all the region's share of failures, fail.
            invalid = failures(runs, valid_mobile, region, int((1 - MIN_RATE) * PROBE),
                               allowed - (len(digits) - len(runs)))
            if invalid is None:
                continue
            fails = len(digits) - len(runs) + invalid
            block = len(mobile_block(region, prefix, length))
            # The plan explains a shared prefix as long as its mobile block and one digit more (Korea's 010 in
            # 01x, France's 06 or 07 behind 0): a range of ids shares more, and its validity is the range's.
            if shared > block + 1 or not _spread(runs, max(block + 2, len(prefix) + SUBSCRIBER_FROM)):
                continue
            twins = runs[:CHANCE_TWINS]
            chance = sum(valid_mobile(twin(d, len(prefix)), region) for d in twins) / len(twins)
            # Nor may the shared prefix, but for its last digit, make the runs mobiles already: behind 04 any
            # Australian run is one, so a column sharing 041 is a range, while behind 01 Korea's are six in ten.
            near = sum(valid_mobile(twin(d, max(len(prefix), shared - 1)), region) for d in twins) / \
                len(twins)
            if chance > MAX_CHANCE or near > MAX_NEAR_CHANCE:
                continue
            if within_shared:
                inner = _range_chance(runs, length, region)
                if inner > MAX_INNER_CHANCE:
                    continue
                chance = max(chance, inner)
            fit = PlanFit(region, len(digits), len(digits) - fails, max(chance, 1 / len(twins)), tried)
            # The region whose plan explains the most runs (France's 06 also holds the Dutch), then the least chance.
            if best is None or (fit.validated, -fit.chance) > (best.validated, -best.chance):
                best = fit
    return best
