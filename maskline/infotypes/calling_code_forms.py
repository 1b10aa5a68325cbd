"""Phones stored as integers whose validity proves nothing: the calling code's place in the column does.

Where any digits behind an area code make a valid number (France, Germany), or where the numbers were drawn at
random behind real prefixes (test generators), the validity of a column's numbers is what random digits would
show, and :func:`~maskline.infotypes.phone_plans.calling_code_fit` cannot tell them from ids. What still tells
them apart is *where* the country's calling code stands. Numbers written in E.164 without the ``+`` all open
with it, whatever their length; numbers with the trunk ``0`` lost do not, and are as long as the others without
their code. Ids and counts cannot do either:

- **one code over several lengths** (``36 1 234 567``, ``36 20 123 4567``): a range of ids shares a prefix
  only within one length (the numbers between ``369…`` and ``360…0`` of the next length open with every other
  prefix); numbers spread over magnitudes (amounts) open with a two-digit code 1 to 5 times in 100 (Benford);
- **two forms** (``33612345678`` beside ``612345678``): the lengths that carry the code carry nothing else.

Both readings also need the numbering plan's lengths: the coded numbers must be possible in E.164 and nearly
all others possible national numbers of the code's country (phonenumbers metadata). Epoch seconds beside
milliseconds open with ``1`` over two lengths, but neither length is a possible North American number.

>>> import random
>>> rng = random.Random(3)
>>> hu = ["36" + rng.choice(["20", "30", "70", "1"]) + "".join(rng.choice("0123456789") for _ in range(7))
...       for _ in range(60)]
>>> fit = code_forms_fit(hu)
>>> fit.plan, fit.form, fit.coded == fit.checked
('HU', 'lengths', True)
>>> code_forms_fit([str(1_700_000_000 + 86_413 * i) + ("123" if i % 3 else "") for i in range(60)]) is None
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MIN_RUNS = 12  # fewer digit runs than this say nothing about a column
CODES_TRIED = 3  # the most common calling codes the runs open with; the p-value is multiplied by this
MIN_CODED = 0.15  # share of the runs that must carry the code (the rest: national numbers)
COVER = 0.9  # share of the runs that must be possible numbers in one of the two forms
LENGTH_GROUP = 0.1  # a length counts when this share of the coded runs (and at least 3) has it
OWNED = 0.8  # in the two-forms reading, share of the runs at the coded lengths that must carry the code


@dataclass(frozen=True)
class CodeFormsFit:
    """Where one calling code stands in a column of digit runs (counts only, never a value)."""

    plan: str  # the ISO 3166 region of the calling code
    form: str  # "lengths" (the code over several lengths) or "two-forms" (coded beside national numbers)
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


def _form(runs: Sequence[str], code: str) -> CodeFormsFit | None:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    from maskline.infotypes.phone_plans import _possible

    region = COUNTRY_CODE_TO_REGION_CODE[int(code)][0]
    coded = [d for d in runs if d.startswith(code) and _possible(d, None)]
    if len(coded) < MIN_CODED * len(runs):
        return None
    taken = set(coded)
    national = sum(d not in taken and _possible(d, region) for d in runs)
    if len(coded) + national < COVER * len(runs):
        return None
    lengths = Counter(len(d) for d in coded)
    groups = sum(m >= max(3, LENGTH_GROUP * len(coded)) for m in lengths.values())
    at_coded_lengths = sum(len(d) in lengths for d in runs)
    if groups >= 2:
        form = "lengths"
    elif national >= MIN_CODED * len(runs) and len(coded) >= OWNED * at_coded_lengths:
        form = "two-forms"
    else:
        return None
    return CodeFormsFit(region, form, len(runs), len(coded), len(coded) + national, benford_share(code),
                        CODES_TRIED)


def code_forms_fit(values: Sequence[str]) -> CodeFormsFit | None:
    """The calling code whose place in ``values`` (digit runs) says phones, or None.

    Of the :data:`CODES_TRIED` most common codes the runs open with, the one carried by the most runs whose
    column shows either form (see the module docstring); the caller tests the coded share against ``chance``.

    >>> rng = __import__("random").Random(4)
    >>> fr = [("33" if i % 2 else "") + rng.choice("1234567") + "%08d" % rng.randrange(10**8) for i in range(40)]
    >>> fit = code_forms_fit(fr)
    >>> fit.plan, fit.form, fit.coded, fit.covered
    ('FR', 'two-forms', 20, 40)
    >>> code_forms_fit([str(36_000_000_000 + 7_919 * i) for i in range(40)]) is None  # a range of ids
    True
    """
    from maskline.infotypes.phone_plans import _calling_code

    runs = [v for v in values if v.isdigit() and 7 <= len(v) <= 15 and v[0] != "0"]
    if len(runs) < MIN_RUNS or len(runs) < 0.9 * len(values):
        return None
    codes = Counter(_calling_code(d) for d in runs)
    best: CodeFormsFit | None = None
    for code, _ in codes.most_common(CODES_TRIED):
        fit = None if code is None else _form(runs, code)
        if fit is not None and (best is None or fit.coded > best.coded):
            best = fit
    return best
