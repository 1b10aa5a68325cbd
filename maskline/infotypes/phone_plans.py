"""Phones written as bare digits or stored as integers: which numbering plan, if any, explains a whole column.

A bare digit run is valid in *some* numbering plan by chance: any nine digits
not starting with 0 are a valid French number, and most digit runs are valid
German ones. One value proves nothing; a column can. A column is read as
phones in a plan when nearly all its digit runs are valid there (phonenumbers)
*and* random twins of them (same length, same country code in E.164, same
shared prefix plus one digit in a national plan) are valid there far less
often, so the fit cannot be chance. The plans tried are E.164 (the country
code written in the number), a small fixed set of regions first, the regions
whose country codes the column itself carries, then every other region
phonenumbers knows; the p-value is multiplied by the number of plans tried.

Plans where random digits of the column's shape are valid more often than
:data:`MAX_CHANCE` never decide: their fit is what ids and counts of that shape
would show too. Columns of mostly valid GTIN/EAN barcodes are not phones.

>>> fit = plan_fit(["3491%07d" % (1234567 + 7919 * i) for i in range(40)])  # Madrid, country code written
>>> fit.validated, fit.checked, fit.chance < MAX_CHANCE
(40, 40, True)
>>> plan_fit([str(1_700_000_000 + 86_413 * i) for i in range(40)]) is None  # epoch seconds
True
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from maskline.infotypes.answer_memo import remembered
from maskline.infotypes.phone_metadata import calling_code, every_region, national_shape, region_of_code
from maskline.infotypes.random_twins import twin
from maskline.infotypes.validators import PHONE_REGIONS

E164 = "E164"
PLANS: tuple[str, ...] = (E164, *PHONE_REGIONS)
MIN_VALUES = 12  # fewer digit runs than this say nothing about a column
MIN_RATE = 0.9  # share of the column's digit runs that must be valid in the plan
MAX_CHANCE = 0.7  # plans where random digits of this shape are valid more often than this never decide
PROBE = 16  # digit runs every plan is tried on first; a plan must fit them before the rest are tried


@dataclass(frozen=True)
class PlanFit:
    """How well one numbering plan explains a column's digit runs (counts only, never a value)."""

    plan: str  # "E164" (country code included) or an ISO 3166 region
    checked: int
    validated: int
    chance: float  # share of random digit runs of the same lengths and first digits valid in the plan
    tried: int  # plans tried, for the multiple-testing correction


ANSWERS = 16384  # remembered answers per check: a column's runs and their twins in each plan tried


# Remembered under salted digests (infotypes/answer_memo), never the digits: an lru_cache here held up to 16,384
# phone numbers of real people for the process's life. A column's runs are read in many plans and by several fits.
@partial(remembered, size=ANSWERS)
def _valid(digits: str, plan: str) -> bool:
    import phonenumbers

    try:
        num = phonenumbers.parse("+" + digits, None) if plan == E164 else phonenumbers.parse(digits, plan)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(num))


def _kept_prefix(runs: Sequence[str], plan: str) -> int:
    """How many leading digits the chance is conditioned on.

    In E.164, the country code: a calling code followed by a valid number is what ids rarely show. In a national
    plan, the digits every run shares plus one, and at least two: ids and timestamps share a prefix (epoch
    seconds begin ``17``, valid German mobiles; ids from ``3000000000`` are Brazilian service numbers).
    """
    if plan == E164:
        code = calling_code(runs[0])
        return len(code) if code else 3
    shared = len(os.path.commonprefix(list(runs)))
    # The listed plans keep two digits at least: their fits were set on that. A plan read for want of a listed one
    # keeps the shared digits plus one only, so national numbers of varied prefixes (80, 81, 70, 90) show their
    # plan's prefixes against random digits behind the first one; a range of ids still shares its prefix.
    return max(2 if plan in PLANS else 1, shared + 1)


def _chance(plan: str, runs: Sequence[str]) -> float:
    """The share of random twins of the runs (one each: same length, same kept prefix) valid in the plan."""
    if plan == E164:  # each run keeps its own country code
        twins = [twin(d, _kept_prefix([d], E164)) for d in runs]
    else:
        keep = _kept_prefix(runs, plan)
        twins = [twin(d, min(keep, len(d) - 4)) for d in runs]
    return sum(_valid(t, plan) for t in twins) / len(twins)


def _gtin(digits: str) -> bool:
    if len(digits) not in (8, 12, 13, 14):
        return False
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(reversed(digits[:-1]), start=1))
    return (10 - total % 10) % 10 == int(digits[-1])


def failures(runs: Sequence[str], passes: Callable[[str, str], bool], plan: str, probe_allowed: int,
             allowed: int) -> int | None:
    """How many ``runs`` fail ``passes`` in ``plan``, each run checked once; None as soon as more than
    ``probe_allowed`` of the first :data:`PROBE` fail or more than ``allowed`` of all, as most plans tried for a
    column fail early.

    >>> failures(["06", "07", "1", "06"], str.startswith, "0", 1, 1)
    1
    >>> failures(["1", "2", "0"], str.startswith, "0", 1, 5) is None  # two of the first PROBE fail
    True
    """
    fails = 0
    for i, d in enumerate(runs):
        if not passes(d, plan):
            fails += 1
            if fails > allowed or i < PROBE and fails > probe_allowed:
                return None
    return fails


def _regions_written_in(runs: Sequence[str]) -> tuple[str, ...]:
    """Regions outside :data:`PLANS` whose country code a quarter of the runs carry (valid E.164): the column's own
    evidence of where its numbers are from, so national numbers beside them are read in that plan too."""
    import phonenumbers

    found: Counter[str] = Counter()
    for d in runs:
        if _valid(d, E164):
            region = phonenumbers.region_code_for_number(phonenumbers.parse("+" + d, None))
            if region and region not in PLANS:
                found[region] += 1
    return tuple(r for r, n in found.most_common(2) if n >= 0.25 * len(runs))


def plan_fit(values: Sequence[str]) -> PlanFit | None:
    """The numbering plan in which nearly all ``values`` (digit runs, 7 to 15 digits) are valid, or None.

    Of the plans where at least :data:`MIN_RATE` of the values are valid, the one
    chance explains least; None when no plan fits, when chance would explain
    the fit anyway, or when the values are barcodes.

    >>> plan_fit(["+4930"] * 30) is None  # not digit runs
    True
    >>> plan_fit(["12"] * 30) is None
    True
    """
    digits = [v for v in values if v.isdigit() and 7 <= len(v.lstrip("0")) <= 15]
    if len(digits) < MIN_VALUES or len(digits) < 0.9 * len(values):
        return None
    if sum(_gtin(d) for d in digits) >= 0.5 * len(digits):
        return None  # EAN/UPC barcodes: a random number passes their check digit 1 time in 10
    listed = PLANS + _regions_written_in(digits[:PROBE])
    # The listed plans first, paying for themselves only; every other region only when none fits, paying for all:
    # national numbers of any country are read in their own plan, with no list of likely countries to keep up.
    return _best_fit(digits, listed, len(listed)) or \
        _best_fit(digits, _unlisted(listed), len(listed) + len(every_region()))


def _unlisted(listed: Sequence[str]) -> tuple[str, ...]:
    """The regions whose calling code no listed region shares: Antigua reads North American digits exactly as the
    United States does, and its looser chance (see :func:`_kept_prefix`) must not read them again."""
    import phonenumbers

    codes = {phonenumbers.country_code_for_region(r) for r in listed if r != E164}
    return tuple(r for r in every_region() if phonenumbers.country_code_for_region(r) not in codes)


def _shaped_like(digits: str, region: str) -> bool:
    """A cheap necessary condition for validity: the digits, with or without the trunk prefix, match the region's
    general pattern. Reading every region would otherwise parse each run some 250 times."""
    shape = national_shape(region)
    if shape is None:
        return True
    pattern, prefix = shape
    return bool(pattern.fullmatch(digits)) or bool(prefix) and digits.startswith(prefix) and \
        bool(pattern.fullmatch(digits[len(prefix):]))


def _too_many_unshaped(runs: Sequence[str], region: str, allowed: int) -> bool:
    return failures(runs, _shaped_like, region, allowed, allowed) is None


def _best_fit(digits: Sequence[str], plans: Sequence[str], tried: int) -> PlanFit | None:
    """Of ``plans``, the one where at least :data:`MIN_RATE` of the runs are valid that chance explains least."""
    best: PlanFit | None = None
    for plan in plans:
        if plan != E164 and _too_many_unshaped(digits[:PROBE], plan, int((1 - MIN_RATE) * PROBE)):
            continue
        runs = [d[2:] for d in digits if d.startswith("00")] if plan == E164 and \
            sum(d.startswith("00") for d in digits) >= 0.5 * len(digits) else digits
        fails = None if len(runs) < MIN_VALUES else \
            failures(runs, _valid, plan, int((1 - MIN_RATE) * PROBE), int((1 - MIN_RATE) * len(runs)))
        if fails is None:
            continue
        chance = _chance(plan, runs)
        if chance > MAX_CHANCE:
            continue
        fit = PlanFit(plan, len(runs), len(runs) - fails, chance, tried)
        if best is None or fit.chance < best.chance:
            best = fit
    return best


_NOT_DIGIT = re.compile(r"[^0-9]")
FORMAT_CHANCE = 0.05  # how often digit groups of another kind are grouped as a country writes its phone numbers


def _groups(text: str) -> tuple[int, ...]:
    return tuple(len(g) for g in re.findall(r"[0-9]+", text))


@partial(remembered, size=ANSWERS)  # as _valid: never under the value
def _written_as_national(value: str, region: str) -> bool:
    import phonenumbers

    try:
        num = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(num):
        return False
    return _groups(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.NATIONAL)) == _groups(value)


def national_format_fit(values: Sequence[str]) -> PlanFit | None:
    """The region whose national phone format nearly all ``values`` (digit groups) are written in, or None.

    The listed regions (:data:`PHONE_REGIONS`) are read first, then every region phonenumbers knows.

    For plans where random digits are valid numbers (any nine digits are French), validity says nothing, but the
    grouping does: ``01 23 45 67 89`` is how France writes a phone, ``0374-0280`` (an ISSN) or ``352/220566-60``
    (an account) is how no country does. A value fits a region when it is a valid number there and its digit
    groups have the lengths of the region's national format (the separators may differ).

    >>> import random

    >>> rng = random.Random(7)
    >>> fr = [" ".join([f"0{rng.randint(1, 5)}"] + [f"{rng.randint(10, 99)}" for _ in range(4)]) for _ in range(20)]
    >>> fit = national_format_fit(fr)
    >>> fit.plan, fit.validated == fit.checked
    ('FR', True)
    >>> national_format_fit(["%04d-%04d" % (37 * i, 91 * i) for i in range(20)]) is None
    True
    """
    runs = [v for v in values if 7 <= sum(c.isdigit() for c in v) <= 15]
    if len(runs) < MIN_VALUES or len(runs) < 0.9 * len(values):
        return None
    # The listed regions first; every other region only when none fits, the p-value paying for all of them.
    others = _unlisted(PHONE_REGIONS)
    return _best_format(runs, PHONE_REGIONS, len(PHONE_REGIONS)) or \
        _best_format(runs, others, len(PHONE_REGIONS) + len(others))


def _best_format(runs: Sequence[str], regions: Sequence[str], tried: int) -> PlanFit | None:
    best: PlanFit | None = None
    for region in regions:
        if _too_many_unshaped([_NOT_DIGIT.sub("", v) for v in runs[:PROBE]], region, int((1 - MIN_RATE) * PROBE)):
            continue
        fails = failures(runs, _written_as_national, region, int((1 - MIN_RATE) * PROBE), len(runs))
        if fails is None:
            continue
        fits = len(runs) - fails
        if fits >= MIN_RATE * len(runs) and (best is None or fits > best.validated):
            best = PlanFit(region, len(runs), fits, FORMAT_CHANCE, tried)
    return best


CALLING_CODE_MIN = 0.15  # share of the runs that must carry the country code (the rest: national numbers)
CALLING_CODE_COVER = 0.9  # share of the runs that must be of the plan's two forms, with lengths it allows
CALLING_CODE_P = 1e-3  # how unlikely the numbers' validity must be for random digits behind the same prefixes


@dataclass(frozen=True)
class CallingCodeFit:
    """How a column's digit runs fit one country's plan in its two written forms (counts only, never a value)."""

    plan: str  # the ISO 3166 region of the calling code
    checked: int
    fitting: int  # runs of either form whose length the plan allows
    valid: int  # fitting runs that are valid numbers
    chance: float  # share of random twins of the fitting runs that are valid


def possible_number(digits: str, region: str | None) -> bool:
    """Whether ``digits`` are a possible phone number: international (a calling code first) when ``region`` is
    None, else a national number of ``region`` (phonenumbers' length rules, not validity).

    >>> possible_number("3612345678", None), possible_number("0612345678", "FR"), possible_number("12", None)
    (True, True, False)
    """
    import phonenumbers

    try:
        num = phonenumbers.parse("+" + digits if region is None else digits, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(num))


def calling_codes(runs: Iterable[str]) -> Counter[str | None]:
    """How many digit runs open with each calling code (None: with none), for the readings that look for one code
    before most of a column's numbers.

    >>> calling_codes(["3613949534", "36155865887", "79994983292"]).most_common(1)
    [('36', 2)]
    """
    return Counter(calling_code(d) for d in runs)


def _dense_lengths(coded: Sequence[str], code: str, region: str) -> bool:
    """Whether nearly all coded runs have, after the code, a length where the plan holds a fair share of valid
    numbers, or are themselves a subscriber's number (:func:`subscriber_number`): a branch code before unpadded
    accounts makes runs of every length the plan's broad limits allow, and at a sparse length few of them are
    valid, while Guinea's fixed lines (``30`` and six digits, 1% of the eight-digit numbers) all are.

    >>> _dense_lengths(["22430248906", "224601193969"], "224", "GN")
    True
    >>> _dense_lengths(["22412345678", "22487654321"], "224", "GN")
    False
    """
    from maskline.infotypes.calling_code_forms import MIN_DENSITY, POSSIBLE, length_density

    return sum(length_density(region, len(d) - len(code)) >= MIN_DENSITY or subscriber_number(d)
               for d in coded) >= POSSIBLE * len(coded)


SUBSCRIBER_TYPES = ("FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE")  # phonenumbers' types a person answers


@partial(remembered, size=ANSWERS)  # as _valid: never under the value
def subscriber_number(digits: str) -> bool:
    """Whether ``digits`` (a calling code first) are a valid fixed-line or mobile number, not a service, a pager or
    a short code: what a person's phone column holds, whatever share of its plan's number space that kind fills.

    >>> subscriber_number("22430248906"), subscriber_number("22412345678"), subscriber_number("4930")
    (True, False, False)
    """
    import phonenumbers

    if not _valid(digits, E164):
        return False
    kind = phonenumbers.number_type(phonenumbers.parse("+" + digits, None))
    return any(kind == getattr(phonenumbers.PhoneNumberType, t) for t in SUBSCRIBER_TYPES)


FORM_OVERLAP = 0.5  # share of the national runs whose length some coded run has once its code is dropped


def _forms_of_one_number(intl: Sequence[str], national: Sequence[str], code: str) -> bool:
    """Whether the coded runs, their code dropped, are of the national runs' lengths: one country's numbers
    written in two forms differ by the code's length. Ids of one width that open with a calling code one time in
    four (``[6.1e8, 6.5e8)``: ``62`` then seven digits, ``61`` ... ``64`` nine digits beside them) are two lengths
    of national number, never the same numbers.

    >>> _forms_of_one_number(["36301234567"], ["301234567", "701234567"], "36")
    True
    >>> _forms_of_one_number(["621234567"], ["611234567", "641234567"], "62")
    False
    """
    if not national:
        return True
    lengths = {len(d) - len(code) for d in intl}
    return sum(len(d) in lengths for d in national) >= FORM_OVERLAP * len(national)


def calling_code_fit(values: Sequence[str]) -> CallingCodeFit | None:
    """Phones stored as integers in two forms: with the country's calling code (``31612345678``) and without it,
    the trunk zero lost (``612345678``). No single plan explains such a column (:func:`plan_fit` tries E.164 or a
    region, one at a time), and its numbers may be of ranges :func:`plan_fit`'s 90% bar does not reach. What the
    numbering plan still shows: the runs are of its two forms with lengths it allows (``CALLING_CODE_COVER``), a
    share carries the calling code (``CALLING_CODE_MIN``); the caller tests whether far more of them are valid
    numbers than random digits behind the same prefixes (``chance``) would be (``CALLING_CODE_P``). None when the
    forms do not fit; barcodes never do.

    >>> import random

    >>> rng = random.Random(5)
    >>> runs = [("36" if rng.random() < 0.5 else "") + "30" + "".join(rng.choice("0123456789") for _ in range(7))
    ...         for _ in range(60)]  # Hungarian mobiles, half with the country code
    >>> fit = calling_code_fit(runs)
    >>> fit.plan, fit.fitting == fit.checked, fit.valid == fit.checked, fit.chance < 0.5
    ('HU', True, True, True)
    >>> calling_code_fit([str(rng.randint(10**10, 10**11)) for _ in range(60)]) is None  # random ids
    True
    """
    runs = [v for v in values if v.isdigit() and 7 <= len(v) <= 15 and v[0] != "0"]
    if len(runs) < MIN_VALUES or len(runs) < 0.9 * len(values) or sum(map(_gtin, runs)) >= 0.5 * len(runs):
        return None
    codes = calling_codes(runs[:PROBE * 4])
    code = codes.most_common(1)[0][0]
    if code is None:
        return None
    region = region_of_code(code)
    intl = [d for d in runs if d.startswith(code) and possible_number(d, None)]
    if len(intl) < CALLING_CODE_MIN * len(runs) or not _dense_lengths(intl, code, region):
        return None
    written = set(intl)
    national = [d for d in runs if d not in written and possible_number(d, region)]
    if len(intl) + len(national) < CALLING_CODE_COVER * len(runs):
        return None
    if not _forms_of_one_number(intl, national, code):
        return None
    valid = sum(_valid(d, E164) for d in intl) + sum(_valid(d, region) for d in national)
    twins = sum(_valid(twin(d, len(code)), E164) for d in intl) + sum(_valid(twin(d, 1), region) for d in national)
    fitting = len(intl) + len(national)
    return CallingCodeFit(region, len(runs), fitting, valid, max(twins / fitting, 1e-3))
