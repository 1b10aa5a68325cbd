"""Phones stored as integers whose validity proves nothing: where the calling code stands in the column does.

Where any digits behind an area code make a valid number (France, Germany), or where the numbers were drawn at
random behind real prefixes (test generators), the validity of a column's numbers is what random digits would
show, and :func:`~maskline.infotypes.phone_plans.calling_code_fit` cannot tell them from ids. What still tells
them apart is the column's two forms: numbers written in E.164 without the ``+`` (``33612345678``) open with the
country's calling code, numbers whose trunk ``0`` was lost (``612345678``) do not, and the lengths that carry
the code carry nothing else, while the others are as long as the coded ones without their code. A range of ids
shares a prefix within one length, beside nothing; a code before every run (a branch and its accounts, a range of
ids) is refused, since no national number stands beside it. What would still read the same: short ids beside a
range of longer ones whose prefix is a calling code and whose extra length is that code's.

The numbering plan must agree too: most runs must be valid numbers (a permissive plan makes this easy, a
strict one refutes random digits), nearly all runs opening with the code must be possible in E.164 with, after
the code, a length at which a fair share of random numbers is valid in the plan (South Africa's 5 to 8 digits are
short codes), and nearly all the others possible national numbers of the country (phonenumbers metadata).

>>> import random
>>> rng = random.Random(3)
>>> fr = [("33" if i % 2 else "") + rng.choice("1234567") + "%08d" % rng.randrange(10**8) for i in range(40)]
>>> fit = code_forms_fit(fr)
>>> fit.plan, fit.coded, fit.covered
('FR', 20, 40)
>>> code_forms_fit(["36" + str(int(10 ** rng.uniform(7, 9))) for _ in range(40)]) is None  # a branch's accounts
True
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache

MIN_RUNS = 12  # fewer digit runs than this say nothing about a column
CODES_TRIED = 3  # the most common calling codes the runs open with; the p-value is multiplied by this
MIN_CODED = 0.15  # share of the runs that must carry the code (the rest: national numbers)
COVER = 0.9  # share of the runs that must be possible numbers in one of the two forms
LENGTH_GROUP = 0.1  # a coded length counts when this share of the coded runs (and at least 3) has it
POSSIBLE = 0.9  # share of the runs opening with the code that must have a length the plan allows
MIN_DENSITY = 0.02  # lengths at which fewer random numbers are valid hold short codes and services, not people
DENSITY_SAMPLE = 100  # random numbers per plan and length (cached: each costs a parse)
VALID = 0.8  # share of the runs of either form that must be valid numbers of the plan
OWNED = 0.8  # share of the runs at the coded lengths that must carry the code (and of the national runs that must
# be as long as the coded ones without their code)


@dataclass(frozen=True)
class CodeFormsFit:
    """Where one calling code stands in a column of digit runs (counts only, never a value)."""

    plan: str  # the ISO 3166 region of the calling code
    checked: int
    coded: int  # runs opening with the code, possible in E.164
    covered: int  # coded runs plus runs that are possible national numbers of the plan
    chance: float  # share of numbers spread over magnitudes that open with the code (Benford)
    tried: int  # codes tried, for the multiple-testing correction


def benford_share(code: str) -> float:
    """The share of numbers spread over magnitudes (Benford's law) whose leading digits are ``code``.

    >>> round(benford_share("1"), 3), round(benford_share("36"), 4)
    (0.301, 0.0119)
    """
    return math.log10(1 + 1 / int(code))


@lru_cache(maxsize=4096)
def length_density(region: str, length: int) -> float:
    """The share of random national numbers of ``length`` digits valid in the region's plan when written after
    its calling code (phonenumbers metadata), from a fixed sample: how much of the plan's number space has that
    length.

    >>> length_density("ZA", 9) > 0.5, length_density("ZA", 11) < MIN_DENSITY
    (True, True)
    """
    import phonenumbers

    code = phonenumbers.country_code_for_region(region)
    rng = random.Random(f"{region}{length}")
    valid = 0
    for _ in range(DENSITY_SAMPLE):
        digits = "".join(rng.choice("0123456789") for _ in range(length))
        with suppress(phonenumbers.NumberParseException):  # read after the code: Italy's fixed lines keep their 0
            valid += phonenumbers.is_valid_number(phonenumbers.parse(f"+{code}{digits}", None))
    return valid / DENSITY_SAMPLE


def _form(runs: Sequence[str], code: str) -> CodeFormsFit | None:
    from maskline.infotypes.phone_metadata import region_of_code
    from maskline.infotypes.phone_plans import E164, _valid, possible_number

    region = region_of_code(code)
    opening = [d for d in runs if d.startswith(code)]
    coded = [d for d in opening if length_density(region, len(d) - len(code)) >= MIN_DENSITY and possible_number(d, None)]
    # A code followed by numbers of any magnitude (a branch and an unpadded account) opens runs of every length;
    # phones stand at the lengths their plan allows.
    if len(coded) < MIN_CODED * len(runs) or len(coded) < POSSIBLE * len(opening):
        return None
    taken = set(coded)
    national_runs = [d for d in runs if d not in taken and possible_number(d, region)]
    national = len(national_runs)
    if national < MIN_CODED * len(runs):
        return None  # every run opens with the code: a range of ids or a prefix before a count does too
    if len(coded) + national < COVER * len(runs):
        return None
    lengths = Counter(len(d) for d in coded)
    groups = {n for n, m in lengths.items() if m >= max(3, LENGTH_GROUP * len(coded))}
    if sum(len(d) in groups for d in coded) < OWNED * sum(len(d) in groups for d in runs):
        return None
    # Both forms are the same numbers: the national ones as long as the coded ones without their code (one digit
    # less where a leading 0 kept after the code was lost with the +).
    nsn = {n - len(code) - lost for n in lengths for lost in (0, 1)}
    if sum(len(d) in nsn for d in national_runs) < OWNED * national:
        return None
    # Phones are valid numbers of their plan: the structure says "not ids", validity must not say "not phones"
    # (random digits in the two forms are invalid Spanish numbers half the time).
    valid = sum(_valid(d, E164) for d in coded) + sum(_valid(d, region) for d in national_runs)
    if valid < VALID * (len(coded) + national):
        return None
    return CodeFormsFit(region, len(runs), len(coded), len(coded) + national, benford_share(code), CODES_TRIED)


def code_forms_fit(values: Sequence[str]) -> CodeFormsFit | None:
    """The calling code whose place in ``values`` (digit runs) says phones in two forms, or None.

    Of the :data:`CODES_TRIED` most common codes the runs open with, the one carried by the most runs whose
    column shows both forms (see the module docstring); the caller tests the coded share against ``chance``.

    >>> rng = random.Random(4)
    >>> code_forms_fit([str(rng.randint(1_500_000_000, 1_780_000_000) * 1000 ** (i % 2)) for i in range(40)]) is None
    True
    >>> code_forms_fit([str(36_000_000_000 + 7_919 * i) for i in range(40)]) is None  # a range of ids
    True
    """
    from maskline.infotypes.phone_plans import calling_codes

    runs = [v for v in values if v.isdigit() and 7 <= len(v) <= 15 and v[0] != "0"]
    if len(runs) < MIN_RUNS or len(runs) < 0.9 * len(values):
        return None
    codes = calling_codes(runs)
    best: CodeFormsFit | None = None
    for code, _ in codes.most_common(CODES_TRIED):
        fit = None if code is None else _form(runs, code)
        if fit is not None and (best is None or fit.coded > best.coded):
            best = fit
    return best
