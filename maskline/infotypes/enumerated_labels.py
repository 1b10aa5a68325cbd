"""Labels built of a word and a number that a postal format accepts by chance: days, dates, treatments, ranges.

Malta's format (three letters and two to four digits, ``VLT 1117``) reads ``Day12``, ``Oct18`` and ``CAP05``;
Argentina's (a letter and four digits, ``C1425``) reads ``C6064``. One such value proves nothing, but a column of
them shows how it was made, and a post office does not make codes that way:

- :func:`counted_labels`: one word and a counter (``Day1`` ... ``Day26``): the numbers are a run, most of the run
  present, and written without padding, so their widths vary. A country's codes keep one width (Malta four
  digits, Argentina four), and the codes of one town are a sparse few of its numbers.
- :func:`month_days`: a month's abbreviation and a day of the month (``Oct18``, ``Nov09``): a calendar date.
- :func:`crossed_labels`: a few words crossed with the same few numbers (``CAP05`` ... ``MAL15``: two treatments at
  five times): every word carries the same numbers. Each place's codes are its own numbers.
- :func:`range_labels`: digits that are two halves, a start and an end of the same span (``C6064``, ``C6569``:
  the years 1960-64, 1965-69). Codes' halves are not ranges of one width.

:func:`enumerated_labels` returns the first of these reasons, or None; it reads distinct values and names a
statistic, never a value.

>>> enumerated_labels([f"Day{i}" for i in range(1, 27)])
'a counter: 26 values are one word and a run of numbers 1-26, written without padding'
>>> enumerated_labels(["VLT 1117", "VLT 1011", "SLM 1549", "BKR 4012", "MST 1320", "VLT 1440"]) is None
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

MIN_LABELS = 4  # distinct values a statistic needs (four ranges of one span: chance about 1 in 10**5 for codes)
LABEL_SHARE = 0.9  # of the values that must be of the word-and-number shape and show the property
MIN_RUN = 8  # numbers a counter needs (four consecutive numbers of one word can be one street's codes)
RUN_COVERAGE = 0.8  # of the numbers between the least and the greatest present: a counter, not a town's codes
MIN_CROSS = 3  # numbers each word of a cross must carry (two words sharing two numbers happens by chance)
CROSS_COVERAGE = 0.9  # of the words-by-numbers combinations present
MAX_CROSS_WORDS = 6  # a few treatments or groups; Malta's obsolete two-digit codes (``VLT 05``, before 2007) give
# each of 68 localities numbers from 01 up, so a big table of them fills a grid of many words

_WORD_NUMBER = re.compile(r"([A-Za-z]+)[ _.-]?([0-9]+)")
# The months as English writes them short, which is how software prints them (``%b`` in the C locale).
_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def _split(values: Sequence[str]) -> list[tuple[str, str]]:
    """Each value of the word-and-number shape as (word, digits), the word case-folded."""
    out = []
    for v in values:
        m = _WORD_NUMBER.fullmatch(v.strip())
        if m:
            out.append((m.group(1).casefold(), m.group(2)))
    return out


def _enough(parsed: Sequence[tuple[str, str]], values: Sequence[str]) -> bool:
    return len(set(parsed)) >= MIN_LABELS and len(parsed) >= LABEL_SHARE * len(values)


def counted_labels(values: Sequence[str]) -> str | None:
    """Why the values are one word and a counter, or None: one word in nearly all of them, the numbers a run
    (:data:`RUN_COVERAGE` of it present) written without padding (their widths vary).

    >>> counted_labels(["Day1", "Day2", "Day3", "Day5", "Day7", "Day8", "Day9", "Day10", "Day11", "Day12"])
    'a counter: 10 values are one word and a run of numbers 1-12, written without padding'
    >>> counted_labels([f"Day{i}" for i in range(10, 27)])  # the ones a format reads: days below 100
    'a counter: 17 values are one word and a run of numbers 10-26, written without padding'
    >>> counted_labels(["Day01", "Day02", "Day03", "Day04", "Day05"]) is None  # padded: a code's one width
    True
    >>> counted_labels([f"C{n}" for n in range(1000, 1500)]) is None  # a town's codes, every one of them
    True
    """
    parsed = _split(values)
    if not _enough(parsed, values):
        return None
    words = defaultdict(set)
    for word, digits in parsed:
        words[word].add(digits)
    word, numbers = max(words.items(), key=lambda kv: len(kv[1]))
    if len(numbers) < MIN_LABELS or len(numbers) < LABEL_SHARE * len(set(parsed)):
        return None
    # A code of one width never drops its leading zero in text; a counter has none to drop.
    if len(numbers) < MIN_RUN or any(len(d) > 1 and d[0] == "0" for d in numbers):
        return None
    ints = sorted({int(d) for d in numbers})
    # A counter prints 9 then 10, or counts days, weeks or rounds (below 100; a postal format may see only the
    # two-digit ones, ``Day1`` being too short for it). After letters, codes have three or more digits of one width
    # (Malta four, Argentina four, Andorra three); a dense run of them is a whole town's codes (Buenos Aires
    # ``C1000`` to ``C1499``), so a run of wide numbers of one width is not read as a counter.
    if len({len(d) for d in numbers}) < 2 and ints[-1] >= 100:
        return None
    if len(ints) < RUN_COVERAGE * (ints[-1] - ints[0] + 1):
        return None
    return (f"a counter: {len(numbers)} values are one word and a run of numbers {ints[0]}-{ints[-1]}, "
            "written without padding")


def month_days(values: Sequence[str]) -> str | None:
    """Why the values are dates, a month's abbreviation and a day (``Oct18``), or None.

    >>> month_days(["Oct18", "Oct24", "Nov09", "Nov14", "Nov28", "Dec01", "Dec06", "Dec07"])
    'dates: 8 values are a month and a day of the month'
    >>> month_days(["MST 1320", "MSK 1211", "MRS 1160", "MAR 1450"]) is None  # a day has two digits at most
    True
    """
    parsed = _split(values)
    if not _enough(parsed, values):
        return None
    dated = [(w, d) for w, d in parsed if w in _MONTHS and len(d) <= 2 and 1 <= int(d) <= 31]
    if len(dated) < LABEL_SHARE * len(parsed):
        return None
    return f"dates: {len(set(dated))} values are a month and a day of the month"


def crossed_labels(values: Sequence[str]) -> str | None:
    """Why the values cross a few words with the same few numbers (two treatments at five times), or None.

    >>> crossed_labels([f"{w}{t:02d}" for w in ("CAP", "MAL") for t in (5, 7, 10, 12, 15)])
    'crossed labels: 2 words each with the same 5 numbers (100% of the 10 combinations)'
    >>> crossed_labels(["VLT 1117", "VLT 1011", "SLM 1549", "SLM 1011", "BKR 4012", "BKR 1117"]) is None
    True
    >>> old_malta = ("VLT", "SLM", "BKR", "MST", "QRM", "ZTN", "BZN")  # many localities: Malta's codes before 2007
    >>> crossed_labels([f"{w} {n:02d}" for w in old_malta for n in range(1, 9)]) is None
    True
    """
    parsed = set(_split(values))
    if len(parsed) < 2 * MIN_CROSS or len(parsed) < LABEL_SHARE * len(set(values)):
        return None
    words: dict[str, set[str]] = defaultdict(set)
    for word, digits in parsed:
        words[word].add(str(int(digits)))
    numbers = set().union(*words.values())
    if not 2 <= len(words) <= MAX_CROSS_WORDS or len(numbers) < MIN_CROSS or \
            any(len(ns) < MIN_CROSS for ns in words.values()):
        return None
    coverage = len(parsed) / (len(words) * len(numbers))
    if coverage < CROSS_COVERAGE:
        return None
    return (f"crossed labels: {len(words)} words each with the same {len(numbers)} numbers "
            f"({coverage:.0%} of the {len(words) * len(numbers)} combinations)")


def range_labels(values: Sequence[str]) -> str | None:
    """Why the values' digits are ranges of one span, a start and an end (``C6064``: 1960-64), or None.

    >>> range_labels(["C6064", "C6569", "C7074", "C7579"])
    'ranges: 4 values hold a start and an end 4 apart'
    >>> range_labels(["C1425", "B1636", "C1059", "X5000", "C1407", "B1900"]) is None
    True
    """
    parsed = _split(values)
    if not _enough(parsed, values):
        return None
    spans = []
    for _, d in set(parsed):
        half = len(d) // 2
        if len(d) % 2 or not half:
            return None
        start, end = int(d[:half]), int(d[half:])
        spans.append(end - start)
    span = max(set(spans), key=spans.count)
    if span <= 0 or spans.count(span) < LABEL_SHARE * len(spans):
        return None
    return f"ranges: {spans.count(span)} values hold a start and an end {span} apart"


def enumerated_labels(values: Sequence[str], rows: int = 0) -> str | None:
    """Why word-and-number values are labels a postal format accepts by chance, or None (see the module).
    ``rows`` is unused; shape checks share the signature.

    >>> enumerated_labels(["CAP05", "CAP07", "CAP10", "MAL05", "MAL07", "MAL10"])
    'crossed labels: 2 words each with the same 3 numbers (100% of the 6 combinations)'
    >>> enumerated_labels(["C1425", "B1636", "C1059", "X5000", "C1407", "B1900"]) is None
    True
    """
    return counted_labels(values) or month_days(values) or crossed_labels(values) or range_labels(values)
