"""Bare-digit postal codes without a column name: the column-level statistic that tells them from other numbers.

One value (``80331``) proves nothing: five digits are also a count, an amount, a year or a row id. A column
proves more. Postal codes of one country are kept as text of one fixed width (4, 5 or 6 digits, the leading
zero kept: ``01067``), spread over the country's code space and repeated the way people's places repeat. Other
numbers of that shape fail one of these:

- quantities, amounts and ids grow in width (``7``, ``85``, ``1250``): not one fixed width;
- row ids are a dense run (``1001``, ``1002`` ...) over about the table's rows (:func:`surrogate_keys`);
- four-digit years fall in 1900-2099; six-digit dates and times (``YYMMDD``, ``DDMMYY``, ``HHMMSS``) parse
  as dates or clock times far more often than random codes do (about one in six);
- category codes: fewer than ten distinct values, or a few repeated over the rows.

Codes stored as numbers lose their leading zeros (``01067`` becomes ``1067``), so they are not of one width:
:func:`postal_number_evidence` reads them zero-padded to the column's width. Numbers that had zeros to lose
show it: a share of them (:data:`LOST_ZERO_MIN` to :data:`LOST_ZERO_MAX`) is one digit short, hardly any two or
more, none longer. Ids and quantities do not (ids start at ``10000``; counts and amounts spread over every
width). Five and six digits with lost zeros are POSTAL_CODE at a modest confidence; four digits (PINs, years
and codes of one space) and fixed-width numbers without lost zeros (ids) are a near miss, never "safe".
Ids drawn evenly over a range that crosses a width (``randint(35000, 350000)``) have numbers one digit short too,
but they start high: none falls where an even spread from the code space's second region would put several
(:func:`drawn_from_a_start`). Ids drawn from ``10000`` up and codes drawn from 0 differ only in the one number in a
hundred below ``10000``: that reading stays POSTAL_CODE, less sure, and says so (:func:`ids_fit_as_well`), unless
six-digit numbers repeat no more than such ids would (:func:`repeats_no_more_than_ids`: people share places, ids
do not repeat). Amounts rounded to hundreds are not codes (:func:`rounded_amounts`), a measurement's lower tail
crowds the top of the first region where codes spread over it (:func:`short_numbers_crowd_the_top`), and a
measurement spread over three widths has numbers a digit wider than the code (:func:`wider_numbers`); those doubts
lower the reading to a guess below ``min_confidence``, so the column is masked but not typed.

:func:`not_postal_codes` returns why the column is something else, or None. :func:`postal_code_evidence`
gives the classifier its evidence only for a text column nearly all of whose values (``MIN_SHARE``) are such
digit strings; a column with a few of them (amounts, notes) gets none, not even a near miss.

>>> not_postal_codes(["01067", "80331", "10115", "50667", "20095", "70173", "04109", "90402", "28195", "45127"], 10)
>>> not_postal_codes(["1987", "2003", "1975", "1999", "2011", "1964", "1990", "2020", "1958", "1981"], 10)
'years: 100% of the four-digit values fall in 1900-2099'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

MIN_VALUES = 10  # fewer matched values than this say nothing about a column
ONE_WIDTH = 0.95  # share of the values that must have the most common width
DATE_SHARE = 0.5  # six-digit values parsing as dates or times: random codes do about one time in six
MIN_DISTINCT = 10
MIN_SHARE = 0.95  # of a column's values (placeholders removed) that must be 4-6 digit strings
STRENGTH = 0.72  # the shape alone: below a postal-code name and a format together
NUMBER_STRENGTH = 0.68  # codes stored as numbers, zeros lost: less sure than text that kept them
LOST_ZERO_MIN = 0.03  # share of values one digit short when a code space starting at 0 lost its leading zeros
LOST_ZERO_MAX = 0.45  # ... and at most this (more are numbers of two widths, not one code width)
SHORTER_MAX = 0.03  # share two or more digits short (uniform codes: 1%; counts and amounts: far more); one
# such value is always allowed
ONE_WIDTH_NUMBERS = 0.85  # share of the code width for a near miss among numbers (no zeros lost: ids, PINs)
EMPTY_START = 8.0  # numbers an even spread would put below a drawn range's start: none there, P about e**-8 (gaps in
# a real code space's first region, such as no code of 01 to 03 among a sample, make e**-3 to e**-5 common)
EVEN_SPREAD = 1.63  # Kolmogorov-Smirnov bound (times 1/sqrt(n)) for "spread evenly", alpha 1%
EITHER_STRENGTH = 0.63  # lost zeros that ids drawn from 10**(width-2) fit as well (ids_fit_as_well): less sure
EITHER_START = 2.0  # ... when an even spread from 0 would put this many below it (P about e**-2 for such codes)
GUESS_STRENGTH = 0.55  # lost zeros another reading explains better: below the default min_confidence (0.6), so the
# column is uncertain (masked by the fail-closed default), not typed
IDS_REPEAT_CHANCE = 0.05  # repeats at least this likely for ids drawn evenly over the range: the ids explain them
ROUND_SHARE = 0.8  # values that are multiples of 100: a code space puts 1 in 100 there, rounded amounts nearly all
TOP_CROWD = 8.0  # -ln P that an even spread over the first region leaves all the short numbers above their least
NEAR_MISS_DETECTOR = "code-width-numbers"  # numbers of one code width (5 or 6 digits): never decides alone
FOUR_DIGIT_NEAR_MISS = "four-digit-codes"  # ... of four digits: nor alone, but beside people (classify.table_context)


def _ascii_digits(v: str) -> bool:
    # str.isdigit() also takes superscripts ("19²0"), which int() refuses: postal codes are ASCII digits.
    return v.isascii() and v.isdigit()


def _is_year(v: str) -> bool:
    return len(v) == 4 and 1900 <= int(v) <= 2099


def _is_date_or_time(v: str) -> bool:
    """Whether six digits read as YYMMDD, DDMMYY, MMDDYY or HHMMSS."""
    a, b, c = int(v[:2]), int(v[2:4]), int(v[4:])
    ymd = 1 <= b <= 12 and 1 <= c <= 31
    dmy = 1 <= a <= 31 and 1 <= b <= 12
    mdy = 1 <= a <= 12 and 1 <= b <= 31
    hms = a <= 23 and b <= 59 and c <= 59
    return ymd or dmy or mdy or hms


def not_postal_codes(values: Sequence[str], rows: int = 0) -> str | None:
    """Why bare digit strings are not one country's postal codes (a statistic, never a value), or None.

    >>> not_postal_codes([str(n) for n in (7, 85, 1250, 33, 9120, 410, 8, 77, 1500, 64)], 10)
    'not one width: 40% of the values have 2 digits'
    >>> not_postal_codes(["%05d" % i for i in range(1001, 1041)], 40)
    "row ids: the integers span 40, about the table's 40 rows"
    >>> not_postal_codes([str(k * 1000) for k in range(12, 99, 6)], 15)
    'amounts rounded to hundreds: 100% of the numbers end in 00 (a code space puts 1% there)'
    """
    from maskline.infotypes.shape_checks import surrogate_keys

    digits = [v for v in values if _ascii_digits(v)]
    if len(digits) < MIN_VALUES:
        return "too few values"
    width, count = Counter(len(v) for v in digits).most_common(1)[0]
    if count < ONE_WIDTH * len(digits):
        return f"not one width: {count / len(digits):.0%} of the values have {width} digits"
    same = [v for v in digits if len(v) == width]
    if width == 4:
        years = sum(map(_is_year, same)) / len(same)
        if years >= 0.9:
            return f"years: {years:.0%} of the four-digit values fall in 1900-2099"
    if width == 6:
        dated = sum(map(_is_date_or_time, same)) / len(same)
        if dated >= DATE_SHARE:
            return f"dates or times: {dated:.0%} of the six-digit values parse as one"
    distinct = len(set(same))
    if distinct < MIN_DISTINCT:
        return f"a category: {distinct} distinct codes"
    # Prices kept as text or as whole numbers of one width (Rupiah, Dong, Forint: 250000, 370000) are rounded to
    # hundreds, as the lost-zero reading already asks of numbers (postal_number_evidence).
    return rounded_amounts([int(v) for v in same]) or surrogate_keys(same, rows)


def postal_code_evidence(values: Sequence[str], weights: Sequence[float], n: float, rows: int,
                         *, distinct: int | None = None) -> list[Any]:
    """POSTAL_CODE evidence for a text column whose values are nearly all 4-6 digit strings of one width that
    :func:`not_postal_codes` does not refute, or ``[]``. ``values`` and ``weights`` are the column's distinct
    values (placeholders removed) and their counts, ``n`` their total, ``rows`` the table's rows, ``distinct``
    the count of distinct values when ``values`` are a sample of them.

    >>> codes = ["%05d" % (1000 + 7919 * i % 98000) for i in range(60)]
    >>> postal_code_evidence(codes, [1.0] * 60, 60.0, 60)[0].detector
    'fixed-width-digits'
    >>> postal_code_evidence(["1250", "Paid in full", "n/a"] * 20, [1.0] * 60, 60.0, 60)
    []
    """
    from maskline.classify.evidence import Evidence

    digits = [i for i, v in enumerate(values) if 4 <= len(v) <= 6 and _ascii_digits(v)]
    weight = sum(weights[i] for i in digits)
    if not n or weight < MIN_SHARE * n or not_postal_codes([values[i] for i in digits], rows):
        # Numbers' text (a float column exported as text) lost its zeros as numbers do.
        return postal_number_evidence(values, weights, n, rows, near_miss=False, distinct=distinct)
    share = weight / n
    # chance 1.0: every drawn code of the width fits the shape (PINs, one-time codes, account and record numbers),
    # so these values are not "clearly of another kind" than a name that says which code they are.
    return [Evidence("POSTAL_CODE", "fixed-width-digits", share, 1.0, len(digits), len(digits), 0.0, False,
                      STRENGTH, chance=1.0)]


def _evenly_spread(numbers: Sequence[int]) -> bool:
    """Whether ``numbers`` are spread evenly between their least and greatest (Kolmogorov-Smirnov, alpha 1%)."""
    ordered = sorted(numbers)
    low, span, n = ordered[0], (ordered[-1] - ordered[0]) or 1, len(ordered)
    gap = max(max(abs((i + 1) / n - (x - low) / span), abs(i / n - (x - low) / span)) for i, x in enumerate(ordered))
    return gap <= EVEN_SPREAD / n ** 0.5


def _expected_below(numbers: Sequence[int], floor: int) -> float:
    """How many of ``numbers`` an even spread from ``floor`` to their greatest would put below their least."""
    low, high = min(numbers), max(numbers)
    return len(numbers) * (low - floor) / (high - floor + 1)


def drawn_from_a_start(numbers: Sequence[int], width: int) -> str | None:
    """Why numbers of ``width`` digits and one fewer are ids drawn evenly from a start, not codes that lost zeros.

    Codes that lost their leading zeros are the code space's first region (``01067`` becomes ``1067``). A country
    may leave ``00`` unallocated (Germany and France start at ``01``), so no number below ``10 ** (width - 2)`` says
    nothing; but numbers spread evenly (a Kolmogorov-Smirnov test, alpha 1%) that start well above it, with none
    where the even spread would put :data:`EMPTY_START` or more, were drawn from that start (``randint(35000,
    350000)``). Real codes cluster where people live, so the even spread this needs is the shape of drawn ids.

    >>> drawn_from_a_start([35000 + 1051 * i for i in range(300)], 6)
    'ids drawn from 35,000 up: none of 300 evenly spread numbers fall below it, where codes from 10,000 would put 22'
    >>> drawn_from_a_start([1000 + 331 * i for i in range(300)], 5) is None  # codes of 01 to 99, 00 unallocated
    True
    """
    floor = 10 ** (width - 2)
    if len(numbers) < MIN_VALUES or _expected_below(numbers, floor) < EMPTY_START or not _evenly_spread(numbers):
        return None  # a start a sample explains, or clustered as places are: the start says nothing
    return (f"ids drawn from {min(numbers):,} up: none of {len(numbers)} evenly spread numbers fall below it, "
            f"where codes from {floor:,} would put {_expected_below(numbers, floor):.0f}")


def ids_fit_as_well(numbers: Sequence[int], width: int) -> str | None:
    """A note when evenly spread numbers of ``width`` digits and one fewer fit ids drawn from ``10 ** (width - 2)``
    as well as codes drawn from 0 that lost their zeros: none below it, where codes from 0 would put
    :data:`EITHER_START` or more (at most 1 time in 7 for such codes). A country that leaves ``00`` unallocated
    (Germany, France) looks the same: the reading stays, less sure.

    >>> ids_fit_as_well([10000 + 3300 * i for i in range(300)], 6)
    'none of 300 evenly spread numbers below 10,000, where codes from 0 would put 3: ids from 10,000 fit as well'
    >>> ids_fit_as_well([3300 * i + 7 for i in range(300)], 6) is None
    True
    """
    floor = 10 ** (width - 2)
    if len(numbers) < MIN_VALUES or min(numbers) < floor or _expected_below(numbers, 0) < EITHER_START or \
            not _evenly_spread(numbers):
        return None
    return (f"none of {len(numbers)} evenly spread numbers below {floor:,}, where codes from 0 would put "
            f"{_expected_below(numbers, 0):.0f}: ids from {floor:,} fit as well")


def rounded_amounts(numbers: Sequence[int]) -> str | None:
    """Why numbers are amounts rounded to hundreds or thousands, not codes: most of them (:data:`ROUND_SHARE`)
    end in ``00``.

    A code space puts one code in a hundred there (Germany, Spain, the US); where towns' main offices end in
    ``00`` or ``000`` (France: ``33000``, ``92100``) they are a minority of a table's codes, never most of them.
    Prices in thousands (``125000``), distances rounded to a thousand feet, crew counts in hundreds are.

    >>> rounded_amounts([5000, 12000, 250000, 87000, 9000, 431000, 64000, 18000, 702000, 33000])
    'amounts rounded to hundreds: 100% of the numbers end in 00 (a code space puts 1% there)'
    >>> rounded_amounts([33000, 92100, 75011, 69003, 13008, 31400, 44000, 59160, 67200, 6400, 38120]) is None
    True
    """
    if not numbers:
        return None
    round_share = sum(v % 100 == 0 for v in numbers) / len(numbers)
    if round_share < ROUND_SHARE:
        return None
    return f"amounts rounded to hundreds: {round_share:.0%} of the numbers end in 00 (a code space puts 1% there)"


def short_numbers_crowd_the_top(numbers: Sequence[int], width: int) -> str | None:
    """Why the numbers one digit short are a measurement's lower tail, not codes of the first region that lost
    their zero (``01067`` as ``1067``), or None.

    A country's first region starts at its floor (Germany ``01067``, France ``01000``, Spain ``01001``, the US
    ``01001``, Romania ``010011``), so codes that lost their zero spread from ``10 ** (width - 2)`` up.
    Expenditures, votes or prices whose bulk has ``width`` digits have a lower tail that thins out below the
    boundary: their short numbers crowd its top (``53676`` to ``99999`` below ``100000``). The chance that an
    even spread over the first region leaves every one of ``k`` short numbers above their least is
    ``(1 - f) ** k``, ``f`` the share of the region below it; under ``e ** -TOP_CROWD`` the crowd is not chance.
    One region's codes next to the boundary (a table of customers of New Jersey and New York: ``07xxx``,
    ``10xxx``) crowd it too, so this lowers the reading to a guess; it does not refute it.

    >>> short_numbers_crowd_the_top([53676 + 850 * i for i in range(54)] + [100000 + 1800 * i for i in range(146)], 6)
    'the 54 numbers one digit short crowd the top of the first region (none below 53,676, where an even spread from 10,000 would put about 26; chance e**-36)'
    >>> short_numbers_crowd_the_top([1067 + 160 * i for i in range(50)] + [10000 + 900 * i for i in range(100)], 5)
    """
    import math

    floor, top = 10 ** (width - 2), 10 ** (width - 1)
    short = [v for v in numbers if floor <= v < top]
    if not short:
        return None
    below = (min(short) - floor) / (top - floor)
    if below >= 1.0 or -len(short) * math.log1p(-below) < TOP_CROWD:
        return None
    return (f"the {len(short)} numbers one digit short crowd the top of the first region (none below "
            f"{min(short):,}, where an even spread from {floor:,} would put about {len(short) * below:.0f}; "
            f"chance e**-{-len(short) * math.log1p(-below):.0f})")


def repeats_no_more_than_ids(n: float, repeats: int, high: int, floor: int) -> str | None:
    """Why six-digit numbers that ids drawn evenly from ``floor`` fit as well (:func:`ids_fit_as_well`) are likelier
    ids: they repeat no more than such ids would (the chance of as many repeats at least :data:`IDS_REPEAT_CHANCE`).

    Postal codes are people's places, and a six-digit code space is sparse: a country uses a few percent of its
    million numbers (Singapore, a code per building, about 12%), and people share them (a city's codes). So ``n``
    codes repeat at least 8 times as often as ``n`` ids drawn evenly over the range (``n ** 2 / 2`` pairs over the
    numbers in use, against over the range), and far more once people cluster; ids drawn from a range of a million
    hardly repeat. Five-digit spaces are dense (the US uses 42% of them), so this reads six digits only.
    ``n`` is the column's count of numbers, ``repeats`` how many of them repeat a number before them.

    >>> repeats_no_more_than_ids(300, 0, 997411, 10000)
    'no more repeats among 300 than ids drawn evenly from 10,000 would show (0 repeats; 0.05 expected)'
    >>> repeats_no_more_than_ids(300, 200, 997411, 10000) is None  # places recur
    True
    """
    import math

    expected = n * n / (2 * max(high - floor + 1, 1))  # pairs over the range's numbers (a birthday count)
    # P(R >= repeats) for R ~ Poisson(expected): the ids' chance of showing this many repeats or more.
    below = sum(math.exp(-expected) * expected ** k / math.factorial(k) for k in range(min(repeats, 170)))
    if repeats >= 170 or 1.0 - below < IDS_REPEAT_CHANCE:
        return None
    return (f"no more repeats among {n:.0f} than ids drawn evenly from {floor:,} would show ({repeats} repeats; "
            f"{expected:.2f} expected)")


def wider_numbers(values: Sequence[str], width: int) -> str | None:
    """Why numbers of ``width`` digits, some one digit short, are a measurement's spread over three widths: some
    of the column's numbers have one digit more than the code (``1050664`` beside ``207460`` and ``58743``), or
    None. Codes stored as numbers lose digits, never gain one; the few values :data:`MIN_SHARE` lets a column
    hold that are not codes are notes and placeholders, not numbers a digit too wide. A measurement spread over
    a factor of ten or more reaches both sides of the code width.

    >>> wider_numbers(["207460", "58743", "1050664", "155175", "990008"], 6)
    'numbers one digit wider than the codes: 1 of 5 has 7 digits (codes lose digits, never gain one)'
    >>> wider_numbers(["207460", "58743", "155175", "990008", "n/a"], 6) is None
    True
    """
    wide = sum(1 for v in values if len(v) == width + 1 and _ascii_digits(v) and v[0] != "0")
    if not wide:
        return None
    return (f"numbers one digit wider than the codes: {wide} of {len(values)} has {width + 1} digits "
            "(codes lose digits, never gain one)")


def _width_shares(values: Sequence[str], weights: Sequence[float]) -> tuple[int, dict[int, float]]:
    """The most common width (by weight) and each width's share of the weight."""
    by_width: dict[int, float] = {}
    for v, w in zip(values, weights, strict=True):
        by_width[len(v)] = by_width.get(len(v), 0.0) + w
    total = sum(by_width.values()) or 1.0
    return max(by_width, key=by_width.__getitem__), {k: c / total for k, c in by_width.items()}


def postal_number_evidence(values: Sequence[str], weights: Sequence[float], n: float, rows: int,
                           *, near_miss: bool = True, distinct: int | None = None) -> list[Any]:
    """POSTAL_CODE evidence for codes stored as numbers (leading zeros lost), or a near miss, or ``[]``.

    ``values`` are whole numbers' text (``1067``, ``80331``) with their counts in ``weights``. Zero-padded to the
    column's width (4 to 6), they must be codes :func:`not_postal_codes` does not refute. Five or six digits, a
    share of them one digit short: evidence that decides (``lost-zero-codes``). Otherwise, with ``near_miss``,
    numbers of one code width: evidence too weak to decide, so the column is not "safe". ``distinct`` is the
    column's count of distinct values when ``values`` are a sample of them (default: ``len(values)``).

    >>> rng = __import__("random").Random(2)
    >>> codes = [str(rng.randint(100, 99999)) for _ in range(200)]
    >>> postal_number_evidence(codes, [1.0] * 200, 200.0, 200)[0].detector
    'lost-zero-codes'
    >>> ids = [str(rng.randint(10000, 99999)) for _ in range(200)]
    >>> postal_number_evidence(ids, [1.0] * 200, 200.0, 200)[0].p_value  # a near miss: never decides
    1.0
    >>> postal_number_evidence([str(rng.randint(0, 50000) // rng.choice([1, 10, 100])) for _ in range(200)],
    ...                        [1.0] * 200, 200.0, 200)
    []
    """
    from maskline.classify.evidence import Evidence

    digits = [i for i, v in enumerate(values) if 1 <= len(v) <= 6 and _ascii_digits(v) and v[0] != "0"]
    weight = sum(weights[i] for i in digits)
    if not n or weight < MIN_SHARE * n or len(digits) < MIN_VALUES:
        return []
    width, shares = _width_shares([values[i] for i in digits], [weights[i] for i in digits])
    short = [i for i in digits if len(values[i]) < width - 1]
    # One short value among a few dozen is a sample's chance (a code 00196), not a spread of widths.
    if not 4 <= width <= 6 or any(k > width for k in shares) or \
            len(short) > 1 and sum(weights[i] for i in short) > SHORTER_MAX * weight:
        return []
    if not_postal_codes([values[i].zfill(width) for i in digits], rows):
        return []
    lost = shares.get(width - 1, 0.0)
    numbers = [int(values[i]) for i in digits]
    if lost and drawn_from_a_start(numbers, width):
        lost = 0.0  # not zeros lost: the shorter numbers are the bottom of a drawn range
    share = weight / n
    if width >= 5 and LOST_ZERO_MIN <= lost <= LOST_ZERO_MAX:
        if rounded_amounts(numbers):
            return []
        note = f"{lost:.0%} one digit short of {width}: leading zeros lost"
        either = ids_fit_as_well(numbers, width)
        strength = EITHER_STRENGTH if either else NUMBER_STRENGTH
        # Another reading the values fit better lowers this one to a guess: uncertain, so masked, not typed.
        repeats = round(n) - (len(values) if distinct is None else distinct)
        doubt = short_numbers_crowd_the_top(numbers, width) or wider_numbers(values, width)
        if doubt is None and either and width == 6:  # six-digit spaces are sparse (repeats_no_more_than_ids)
            doubt = repeats_no_more_than_ids(n, repeats, max(numbers), 10 ** (width - 2))
        if doubt:
            strength = GUESS_STRENGTH
        return [Evidence("POSTAL_CODE", "lost-zero-codes", share, 1.0, len(digits), len(digits), 0.0, False,
                          strength, note="; ".join(filter(None, (note, either, doubt))), chance=1.0)]
    if near_miss and shares[width] >= ONE_WIDTH_NUMBERS:
        # Chance explains the shape (ids and PINs have it too): it keeps the column from "safe", no more.
        detector = FOUR_DIGIT_NEAR_MISS if width == 4 else NEAR_MISS_DETECTOR
        return [Evidence("POSTAL_CODE", detector, share, 1.0, len(digits), 0, 1.0, False, NUMBER_STRENGTH)]
    return []
