"""Value-free facts about a text column that can vouch for it holding nothing personal.

A text column passes raw under the fail-closed default only on strong evidence
of NONE (:mod:`maskline.classify.decision`). The absence of a detector match is
not such evidence; these facts are, each one a structural property of the
values that personal data does not have, read from the distinct values and
kept as words (never a value):

- ``dates``: every value is a calendar date (``10.08.2011``) and they span less
  than :data:`DATE_SPREAD_YEARS` years, so the column is temporal like an ISO
  one (birth dates span decades; a birth-like name is the decision's check);
- ``template id``: every value is one constant literal prefix plus a fixed
  number of digits (``K119686``, ``T-00042``), nearly all distinct: a
  system-generated key, which says no more than its digits alone (and
  numbers pass under the same rules); a prefix that itself names a sensitive
  type (``MRN-``, ``SSN``) does not count;
- ``short labels``: values of at most six words, without digits;
- ``no first names``: fewer than :data:`FIRST_NAME_SHARE` of the values start
  with, and few contain, a known first name (the name lists of
  :mod:`maskline.text.names`), where a column of people's names has most;
- ``repeated values``: fewer distinct values than :data:`CATALOGUE_SHARE` of the
  rows, as catalogue entries (products, dishes) repeat;
- ``storage locations``: every distinct value is an object-store URI or a file
  path that names no one (:mod:`maskline.classify.storage_paths`: no home
  directory, no given name beside a family name, no long digit run, no
  whitespace or ``@``) with a ``/`` before a part, as pipelines pass between tasks;
- and, apart from the facts, :func:`vocabulary_of`: the closed public vocabulary
  (time zones, countries, currencies..., :mod:`maskline.infotypes.vocabularies`)
  every distinct value that is not a placeholder belongs to, when at most
  :data:`VOCABULARY_FIRST_NAME_SHARE` of them are known first names (the shape
  keeps it as its typed ``vocabulary``, not as a fact).

Why a whole-set vocabulary match is safe evidence: a closed vocabulary leaves no
free choice in which a person's name, number or address could be written, and
every value must belong to it (one free-text value among time zones defeats it).
Some entries are given names too (Chad, Georgia, Jordan; BOB and RON are
currencies): a column of given names would need every one of them to be a
country, and even then most of its values would be known first names, which
the first-name share refuses.

>>> text_facts(["K%06d" % (i * 7919 % 999983) for i in range(200)], 200)
('template id',)
>>> text_facts(["Chimichanga", "Gyoza", "Tarte tropézienne", "Aïoli"], 120)
('short labels', 'no first names', 'repeated values')
>>> text_facts(["Anna Meier", "Jan de Vries", "Marco Rossi", "Claire Moreau"], 120)
('short labels', 'repeated values')
>>> vocabulary_of(["Europe/Paris", "Asia/Tokyo", "Etc/GMT+5", "n/a"])
'time zones'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

SHARE = 0.98  # share of distinct values that must fit a fact
PROBE = 512  # distinct values inspected
FIRST_NAME_SHARE = 0.1  # values starting with a known first name, at most
ANY_FIRST_NAME_SHARE = 0.2  # values holding a known first name anywhere, at most
CATALOGUE_SHARE = 0.9  # distinct values per row, at most, for "repeated values"
TEMPLATE_DISTINCT = 0.9  # distinct values per row, at least, for a template id
MAX_LABEL_WORDS = 6
DATE_SPREAD_YEARS = 20  # dates spread over this many years or more may be births: no "dates" fact
# Distinct values of a vocabulary match that may be known first names, at most: a country column holds a few
# (Jordan, Chad among twenty countries), a column of given names that happen to be countries holds nearly all.
VOCABULARY_FIRST_NAME_SHARE = 0.5
# The facts, by name: the decision (maskline.classify.decision) reads them through these names, never spelled out.
DATES = "dates"
TEMPLATE_ID = "template id"
SHORT_LABELS = "short labels"
NO_FIRST_NAMES = "no first names"
REPEATED_VALUES = "repeated values"
STORAGE_LOCATIONS = "storage locations"
# Not a fact that vouches but one that withholds: every value is one run of letters and digits, digits most of it
# (``18-0855``, ``GHCU12040155``, ``S1001``), the way a student's, patient's or member's number is written. A few
# such values repeated are a few people's numbers, not labels (maskline.classify.decision).
IDENTIFIER_SHAPED = "identifier-shaped"

_TEMPLATE = re.compile(r"([A-Za-z]{1,4}[-_/.#]?)(\d{3,12})")
# One token of letters and digits joined by key punctuation (no spaces, no label words); its digits are counted apart.
_KEY_TOKEN = re.compile(r"[A-Za-z0-9]+([-_/.#][A-Za-z0-9]+)*")
ID_MIN_DIGITS = 3  # digits a value needs to be read as someone's number (``Q1``, ``A4``, ``4x4`` are labels)


def text_facts(distinct: Sequence[str], n: int) -> tuple[str, ...]:
    """The facts that hold for a text column's distinct non-empty values (``n`` values in all, with repeats).

    >>> text_facts(["10.08.2011", "22.06.2011", "07.07.2015"], 3)
    ('dates',)
    >>> text_facts(["21 Jul 1954", "3 March 1990", "07.07.1979"], 3)  # over decades: may be births
    ()
    """
    probe = [v.strip() for v in distinct[:PROBE] if v and v.strip()]
    if not probe:
        return ()
    if _storage_locations(distinct):
        return (STORAGE_LOCATIONS,)
    if _share(probe, _is_date) >= SHARE:
        return (DATES,) if _years_spread(probe) < DATE_SPREAD_YEARS else ()
    if _template_id(probe, len(distinct), n):
        return (TEMPLATE_ID,)
    facts: list[str] = []
    if _share(probe, lambda v: len(v.split()) <= MAX_LABEL_WORDS and not any(c.isdigit() for c in v)) >= SHARE:
        facts.append(SHORT_LABELS)
        if _few_first_names(probe):
            facts.append(NO_FIRST_NAMES)
    if n and len(distinct) <= CATALOGUE_SHARE * n:
        facts.append(REPEATED_VALUES)
    if _share(probe, identifier_shaped) >= SHARE:
        facts.append(IDENTIFIER_SHAPED)
    return tuple(facts)


def identifier_shaped(value: str) -> bool:
    """Whether one value is written like a key: one token of ASCII letters and digits (joined by ``-_/.#``) with
    at least :data:`ID_MIN_DIGITS` digits, digits at least half of its letters and digits, and not a period's
    label (:func:`period_label`: ``2023-24``, ``FY24Q1``, ``2024S``), whose digits are a year's.

    >>> [identifier_shaped(v) for v in ("18-0855", "GHCU12040155", "S1001", "Q1", "Gold", "size 10", "10:00")]
    [True, True, True, False, False, False, False]
    >>> [identifier_shaped(v) for v in ("2023-24", "FY24Q1", "2024S", "2019-0042")]
    [False, False, False, True]
    """
    if not _KEY_TOKEN.fullmatch(value) or period_label(value):
        return False
    digits = sum(c.isdigit() for c in value)
    return digits >= ID_MIN_DIGITS and 2 * digits >= sum(c.isalnum() for c in value)


# A year of the calendars people label periods with; a serial's digits are rarely all in it.
_YEAR = r"(?:19|20)\d\d"
# Quarters, halves and fiscal periods (Q1, H2, P07, M12) and terms (spring, summer, fall, winter; S1, T3; the
# German SS/WS), the parts a period's label puts beside its year.
_PART = r"(?:Q[1-4]|H[12]|[PM](?:0?[1-9]|1[0-2])|T[1-3]|S[12]|SP|SU|FA|WI|SS|WS|[SUFW])"
_PERIODS = (
    re.compile(rf"FY(?:\d\d|{_YEAR})(?:[-_ ]?{_PART})?", re.I),  # FY24, FY2024, FY24Q1, FY24-H2
    re.compile(rf"(?:\d\d|{_YEAR})[-_ ]?{_PART}|{_PART}[-_ ]?(?:\d\d|{_YEAR})", re.I),  # 2024-Q1, 2024S, Q1-24
    re.compile(rf"{_YEAR}[-/.](?:0[1-9]|1[0-2])"),  # a month: 2024-01
)
_YEAR_SPAN = re.compile(rf"({_YEAR})[-/](\d\d|{_YEAR})")  # a school or fiscal year: 2023-24, 2023/2024
MAX_YEAR_SPAN = 5  # years a span's second year may follow its first (2023-24, a biennium 2023-25)


def period_label(value: str) -> bool:
    """Whether one value labels a period by its year: a school or fiscal year (``2023-24``, ``2023/2024``: the
    second year follows the first by at most :data:`MAX_YEAR_SPAN`), a fiscal period (``FY24Q1``), a quarter,
    half or term of a year (``2024-Q1``, ``2024S``, ``FA2024``) or a month (``2024-01``).

    A serial behind a year (``2019-0042``) is no period: its second part is no later year.

    >>> [period_label(v) for v in ("2023-24", "2023/2024", "FY24Q1", "2024-Q1", "2024S", "2024-01")]
    [True, True, True, True, True, True]
    >>> [period_label(v) for v in ("2019-0042", "18-0855", "2024-2040", "S1001", "B-204")]
    [False, False, False, False, False]
    """
    if (span := _YEAR_SPAN.fullmatch(value)) is not None:
        first, second = int(span[1]), int(span[2])
        # A two-digit second year is the first's century's, or the next one's (1999-00).
        later = second if second >= 100 else first // 100 * 100 + second + (100 if second < first % 100 else 0)
        if 0 < later - first <= MAX_YEAR_SPAN:
            return True
    return any(p.fullmatch(value) for p in _PERIODS)


def _storage_locations(distinct: Sequence[str]) -> bool:
    """Every distinct value (not a share: one value naming someone defeats it) is a storage location."""
    # Read lazily: the first value that is no storage location settles it (stripping all of them first cost as
    # much as the check itself on a large sample's 10,000 values).
    values = (v.strip() for v in distinct if v and v.strip())
    first = next(values, None)
    return first is not None and _held_location(first) and all(_held_location(v) for v in values)


def _held_location(value: str) -> bool:
    """A storage location with a ``/`` before a part, as the row guard holds every row of such a column
    (:data:`maskline.sql.kind_shapes.LABEL_FORMS`, ``storage_locations``): a bare file name (``a.csv``) or a Windows
    path, which a portable pattern cannot tell from ``Ann.Smith``, would pass the sample and be masked on every row.

    >>> _held_location("raw/orders.csv"), _held_location("orders.csv"), _held_location(r"C:\\data\\a.csv")
    (True, False, False)
    """
    from maskline.classify.storage_paths import storage_location

    return "/" in value.rstrip("/") and storage_location(value)


def vocabulary_of(distinct: Sequence[str]) -> str | None:
    """The closed vocabulary all distinct non-placeholder values belong to, unless most are known first names.

    >>> vocabulary_of(["USD", "EUR", "n/a"]), vocabulary_of(["Jordan", "Chad", "Georgia"])
    ('currencies', None)
    """
    from maskline.classify.placeholders import NULL_LIKE, placeholders_of
    from maskline.infotypes.name_hints import fold
    from maskline.infotypes.vocabularies import closed_vocabulary
    from maskline.text.names import first_names

    if not any(v and v.strip() for v in distinct[:PROBE]):  # as text_facts: nothing to read
        return None
    skip = {v.casefold() for v in NULL_LIKE} | placeholders_of("string")

    def kept() -> Iterator[str]:
        return (v for v in (d.strip() for d in distinct if d) if v and v.casefold() not in skip)

    # Read lazily: closed_vocabulary settles most columns on their first value, and only a column that has a
    # vocabulary is read again, for its first names.
    vocabulary = closed_vocabulary(kept())
    if vocabulary is None:
        return None
    values = list(kept())
    known = first_names()
    named = sum(1 for v in values if fold(v) in known)
    return vocabulary if named <= VOCABULARY_FIRST_NAME_SHARE * len(values) else None


def _share(values: list[str], test: Callable[[str], object]) -> float:
    return sum(1 for v in values if test(v)) / len(values)


def _years_spread(values: list[str]) -> int:
    """Years between the earliest and the latest date: birth dates spread over decades, events do not."""
    from maskline.infotypes.validators import parse_date

    years = [d.year for d in (parse_date(v) for v in values) if d is not None]
    return max(years) - min(years) if years else 0


def _is_date(value: str) -> bool:
    from maskline.infotypes.validators import parse_date

    return parse_date(value) is not None


def _template_id(values: list[str], distinct: int, n: int) -> bool:
    """One constant prefix and digit width over the values, nearly all distinct, the prefix naming nothing."""
    matches = [_TEMPLATE.fullmatch(v) for v in values]
    if n == 0 or distinct < TEMPLATE_DISTINCT * n or sum(1 for m in matches if m) < SHARE * len(values):
        return False
    prefixes = {m.group(1) for m in matches if m}
    widths = [len(m.group(2)) for m in matches if m]
    if len(prefixes) != 1 or widths.count(max(set(widths), key=widths.count)) < SHARE * len(widths):
        return False
    from maskline.infotypes.name_hints import PERSONAL_DOCUMENT_WORDS, hint_score

    letters = re.sub(r"[^A-Za-z]", "", next(iter(prefixes)))
    return not hint_score(letters) and letters.lower() not in PERSONAL_DOCUMENT_WORDS


def _few_first_names(values: list[str]) -> bool:
    from maskline.infotypes.name_hints import fold
    from maskline.text.names import first_names

    known = first_names()
    words = [[fold(w) for w in re.findall(r"[^\W\d_]+", v)] for v in values]
    starts = sum(1 for ws in words if ws and ws[0] in known)
    anywhere = sum(1 for ws in words if any(w in known for w in ws))
    return starts <= FIRST_NAME_SHARE * len(values) and anywhere <= ANY_FIRST_NAME_SHARE * len(values)
