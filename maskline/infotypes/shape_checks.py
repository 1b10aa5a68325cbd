"""Value-shape statistics: a column whose values validate one by one can still be, as a whole, another kind.

Each check takes the values one detector's pattern matched (a random sample, at
most a few thousand) and the table's row count, and returns why the column is
of another kind, or None. The reason names a statistic, never a value, and each count in it says what it
counts: distinct values, or the rows of the whole column holding a value, which a repetition check compares
with the distinct values the detector matched (:func:`_over_value_rows`: those may fill a few of the rows).
Detectors name their check in ``refute``.

- ``version_strings``: dotted quads whose parts are all small (``1.12.0.3``)
  are software versions; real IPv4 columns have an octet of 100 or more in most
  rows (a random address has all four below 100 with probability 0.4**4 = 2.6%),
  and never three-part numbers (``2.4.1``), which versions mix with quads.
- ``isbns``: digit groups that are mostly valid ISBNs are books, not phones (a
  random phone number passes the ISBN-10 check 1 time in 11).
- ``routing_numbers``: nine-digit numbers that mostly pass the ABA checksum are
  bank routing numbers (public, one per bank), not accounts (chance: 1 in 10).
- ``flight_numbers``: an airline designator (two characters) and a number of 1-4 digits, the number's width
  varying, the designators holding a digit (``U2``, ``9W``) or a share fitting no country's postal format, are
  flights, not postcodes (``BB3713``) nor streets (``AV 298``); a country's postcodes keep one width, letters
  where letters go and their format. ``enumerated_labels``: labels of a word and a number that a postal format
  reads by chance (``Day12``, ``Oct18``, ``CAP05``, ``C6064``: :mod:`maskline.infotypes.enumerated_labels`).
  A detector may name several checks, tried in order (postal formats: flights, then such labels).
- ``surrogate_keys``: plain integers whose range is about the table's row count
  (1, 2, 3 ...) are row ids, whatever the column is called.
- ``base64_blobs``: base64 of binary data is a payload or a digest, not a password; ``not_chosen_secrets`` is
  it or ``document_template``: distinct values of one template of letters and digits (``A99999999``) are a
  document series, not passwords people chose.
- ``not_coordinates``: unnamed floats spread over less than two degrees are rates or
  scores, not coordinates; so are floats in [0, 1] spread over most of it (a settled
  refutation: the classifier keeps no near miss for it), and floats whose decimals are
  mostly written by arithmetic, not drawn (fractions such as 11/6, float32 short decimals:
  :mod:`maskline.infotypes.arithmetic_decimals`), or printed to significant digits (fewer
  decimals in each higher decade: ``0.2480542``, ``8.384873``, ``55.12291``).
- ``repeated_labels``: a few values (under 50) repeated over the rows are labels or
  tags, not handles of people; ``handle_labels`` is it or labels crossed from a few
  short lists (``summer-sale-2019``, ``ruby-prod-03``: :mod:`maskline.infotypes.grid_labels`).
- ``thing_names``: name-shaped values a few non-name words open or close (Hotel, MS,
  Château, Collection) are names of things, not people; ``person_words`` is it or
  ``few_single_words``; ``hinted_names`` is it or capitalised values almost none of
  which is a known name (drugs, genres, languages under a ``name`` column).
- ``calendar_series``: dates spread over decades that a calendar rule set (working days, most on a weekend, on
  one weekday or on one day of the month) are a time axis or events, not birth dates
  (:mod:`maskline.infotypes.calendar_series`).
- ``signed_quantities``: a column whose ``+`` values read as international phones, a share of its other values
  written with a minus sign in the same shape and lengths, is signed quantities (deltas, balance changes): it reads
  the whole column, not the matched values (:data:`READS_COLUMN`; :mod:`maskline.infotypes.signed_quantities`).
- ``language_lists``: values that are browsers' ``Accept-Language`` headers (``en-GB,en-US;q=0.9``), which pass a
  password's complexity test, are language preferences, not secrets (:mod:`maskline.infotypes.language_lists`).
- ``key_value_records``: values that are ``key=value`` fields joined by ``&`` or ``;`` (URL query strings, request
  parameters), the same field names in most of them and none a secret's, are parameters, not passwords
  (:mod:`maskline.infotypes.key_value_records`).
- ``serial_keys``: one prefix and a zero-padded counter spanning about the table's rows (``user_0042``) are keys
  a program numbered, not logins people chose (:mod:`maskline.infotypes.serial_keys`).
- ``counter_codes``: one prefix and a number of one width, nearly every number of their range present, each on
  about one row (``BN10001`` ... ``BN10060``), are keys a program counted, not postal codes
  (:mod:`maskline.infotypes.counter_codes`).

>>> version_strings(["1.2.3.4", "2.0.11.7", "10.4.0.1"] * 5, 15)
'version strings: 0% of dotted quads have an octet >= 100'
>>> version_strings(["81.2.69.160", "10.0.3.201", "192.168.1.7"], 3) is None
True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from maskline.infotypes.calendar_series import calendar_series
from maskline.infotypes.enumerated_labels import enumerated_labels
from maskline.infotypes.signed_quantities import signed_quantities

MIN_VALUES = 8  # fewer validated values than this prove nothing about the column's shape


def version_strings(values: Sequence[str], rows: int = 0) -> str | None:
    """Dotted quads that are software versions: under 10% have an octet of 100 or more, or three-part numbers
    (``2.4.1``, never an address) are a fifth of the dotted numbers or more.

    >>> version_strings(["14.9.3", "5.147.3.3", "40.67.76", "20.170.1.66", "172.16.0.1"] * 4, 20)
    'version strings: 40% of the dotted numbers have three parts'
    """
    triples = sum(1 for v in values if v.count(".") == 2 and ":" not in v)
    quads = [v for v in values if v.count(".") == 3 and ":" not in v]
    if triples + len(quads) >= MIN_VALUES and triples >= 0.2 * (triples + len(quads)):
        return f"version strings: {triples / (triples + len(quads)):.0%} of the dotted numbers have three parts"
    if len(quads) < MIN_VALUES:
        return None
    big = sum(1 for v in quads if any(int(p) >= 100 for p in v.split(".") if p.isdigit()))
    share = big / len(quads)
    return f"version strings: {share:.0%} of dotted quads have an octet >= 100" if share < 0.1 else None


def isbns(values: Sequence[str], rows: int = 0) -> str | None:
    """Mostly valid ISBN-10/13 numbers.

    >>> isbns(["978-3-16-148410-0", "978-0-306-40615-7", "0-306-40615-2"] * 4, 12)
    'ISBNs: 100% pass the ISBN check'
    """
    from maskline.infotypes.validators import isbn

    if len(values) < MIN_VALUES:
        return None
    # Stops once too many have failed for half to pass: most digit columns are not books, and this check runs
    # on every value the phone pattern matched.
    passed = failed = 0
    for v in values:
        if isbn(v):
            passed += 1
        else:
            failed += 1
            if 2 * (len(values) - failed) < len(values):
                return None
    share = passed / len(values)
    return f"ISBNs: {share:.0%} pass the ISBN check" if share >= 0.5 else None


def routing_numbers(values: Sequence[str], rows: int = 0) -> str | None:
    """Mostly nine-digit numbers that pass the ABA routing checksum.

    >>> routing_numbers(["011000015", "021000021", "026009593", "121000358"] * 3, 12)
    'routing numbers: 100% pass the ABA checksum'
    """
    from stdnum.us import rtn

    digits = [v.replace("-", "").replace(" ", "") for v in values]
    if len(digits) < MIN_VALUES:
        return None
    share = sum(1 for d in digits if len(d) == 9 and d.isdigit() and rtn.is_valid(d)) / len(digits)
    return f"routing numbers: {share:.0%} pass the ABA checksum" if share >= 0.8 else None


def surrogate_keys(values: Sequence[str], rows: int = 0) -> str | None:
    """Plain integers (no leading zero, or zero-padded to one width) whose range is at most twice the table's row
    count: row ids.

    A sample of a large table still shows it: ids 1..N sampled from N rows span about N.

    >>> surrogate_keys([str(i) for i in range(1000, 1200, 7)], 200)
    "row ids: the integers span 197, about the table's 200 rows"
    >>> surrogate_keys(["4820193", "1039485", "9928371", "5512093"] * 3, 12) is None
    True
    >>> surrogate_keys(["%07d" % i for i in range(1, 40)], 39)  # zero-padded to one width
    "row ids: the integers span 39, about the table's 39 rows"
    """
    # Leading zeros are kept only as fixed-width padding (0000123, 0000124): the same width throughout.
    padded = len({len(v) for v in values}) == 1
    ints = {int(v) for v in values if v.isdigit() and (padded or not v.startswith("0"))}
    if len(ints) < MIN_VALUES or len(ints) < 0.9 * len(set(values)):
        return None
    span = max(ints) - min(ints) + 1
    if span <= 2 * max(rows, len(ints)):
        return f"row ids: the integers span {span}, about the table's {max(rows, len(ints))} rows"
    return None


_HEX_KEY = re.compile(r"[0-9A-Fa-f]+")
HEX_KEY_SHARE = 0.9  # of the distinct values: hexadecimal of one width, letters and digits mixed
HEX_KEY_WIDTH = 8  # shortest key read as drawn: a login of 8 characters or more is rarely only 0-9 and a-f


def hex_keys(values: Sequence[str], rows: int = 0) -> str | None:
    """Hexadecimal strings of one width, mixing digits and letters (``88F7B33d2bcf9f5``, ``5f1d7a...``): keys a
    program drew (random ids, truncated digests, object ids), not logins people chose. People's handles vary in
    width and use the whole alphabet; a chosen handle of 8 characters or more written only with 0-9 and a-f
    (``deadbeef``, ``facade42``) is rare, and a column of them at one width rarer still. ``rows`` is unused (the
    signature of a shape check).

    >>> hex_keys(["88F7B33d2bcf9f5", "f90cD3E76f1A9b9", "C1e7DbAd14a0B3f", "a2E4b6C8d0F1e3D", "Bb19c2E5f7A0d4C",
    ...           "e0D3f6A9c2B5e8F", "D7a1C4e8B2f5A9c", "c5B8e1F4a7D0b3E"])
    'hex keys: 100% of 8 distinct values are hexadecimal of width 15, letters and digits mixed'
    >>> hex_keys(["kholland", "deborah47", "anna.lee", "mark_diaz", "jsmith", "luis_m", "ghensley", "samuel88"]) is None
    True
    """
    distinct = {v.strip() for v in values if v.strip()}
    if len(distinct) < MIN_VALUES:
        return None
    keys = [v for v in distinct if _HEX_KEY.fullmatch(v) and not v.isdigit() and not v.isalpha()]
    widths = Counter(len(v) for v in keys)
    if not widths:
        return None
    width, count = widths.most_common(1)[0]
    if width < HEX_KEY_WIDTH or count < HEX_KEY_SHARE * len(distinct):
        return None
    return (f"hex keys: {count / len(distinct):.0%} of {len(distinct)} distinct values are hexadecimal of "
            f"width {width}, letters and digits mixed")


def base64_blobs(values: Sequence[str], rows: int = 0) -> str | None:
    """Mostly base64 of binary data (see :func:`maskline.infotypes.validators.is_base64_blob`).

    >>> base64_blobs(["q8Zx2LmN4vB7rT1w+Y6pKA==", "AAECAwQFBgcICQoLDA0ODw=="] * 5, 10)
    'base64 blobs: 100% are base64 of binary data'
    """
    from maskline.infotypes.validators import is_base64_blob

    if len(values) < MIN_VALUES:
        return None
    share = sum(1 for v in values if is_base64_blob(v)) / len(values)
    return f"base64 blobs: {share:.0%} are base64 of binary data" if share >= 0.6 else None


TEMPLATE_SHARE = 0.9  # of the values in one template of letters and digits: a document series, not chosen secrets
TEMPLATE_DISTINCT = 0.8  # distinct values among them: one default password repeated is still a password


def _template(value: str) -> str:
    """A value with every letter written ``A`` and every digit ``9``: ``"X58683449"`` -> ``"A99999999"``."""
    return "".join("A" if c.isalpha() else "9" if c.isdigit() else c for c in value)


def document_template(values: Sequence[str], rows: int = 0) -> str | None:
    """Values nearly all of one template of letters and digits, and distinct, are a document or record series
    (``X58683449``, ``AB1234567``), not secrets people chose: people's passwords vary in length and in where
    their letters and digits stand, and generated ones draw every position from a mixed alphabet.

    >>> document_template([f"C{n:08d}" for n in range(3, 300, 29)], 11)
    'one template: 100% of the values are A99999999, letters and digits at fixed places'
    >>> document_template(["hunter22", "Tr0ub4dor&3", "s3cr3t!", "letmein1", "qwerty12", "P@ssw0rd", "dragon99",
    ...                    "iloveyou2"], 8) is None
    True
    """
    if len(values) < MIN_VALUES:
        return None
    template, n = Counter(_template(v.strip()) for v in values).most_common(1)[0]
    if not ("A" in template and "9" in template) or n < TEMPLATE_SHARE * len(values):
        return None
    if len(set(values)) < TEMPLATE_DISTINCT * len(values):
        return None
    return f"one template: {n / len(values):.0%} of the values are {template}, letters and digits at fixed places"


def not_chosen_secrets(values: Sequence[str], rows: int = 0) -> str | None:
    """Values a name calls passwords that are of another kind: base64 of binary data, or one document template.

    >>> not_chosen_secrets(["AAECAwQFBgcICQoLDA0ODw=="] * 10, 10)
    'base64 blobs: 100% are base64 of binary data'
    """
    return base64_blobs(values, rows) or document_template(values, rows)


# Refutations that say what the values are instead, so no near miss is left: a spread under two degrees may still
# be one town's coordinates, but no town's coordinates stay in [0, 1] and spread over it (shape.unit_interval).
SCORES_NOT_COORDINATES = "not coordinates: scores spread over [0, 1]"
# A column of storage paths (maskline.classify.storage_paths) is of paths, not addresses: no near miss either.
STORAGE_PATHS_NOT_ADDRESSES = "storage paths: every distinct value is an object-store URI or a file path that names no one"
SETTLED_REFUTATIONS = frozenset({SCORES_NOT_COORDINATES, STORAGE_PATHS_NOT_ADDRESSES})
ARITHMETIC_DECIMALS_SHARE = 0.5  # of the values; random GPS decimals pass 2-6% each (arithmetic_decimals)


def not_coordinates(values: Sequence[str], rows: int = 0) -> str | None:
    """Floats that are not coordinates: spread under 2 degrees, mostly repeated, with decimals mostly written
    by arithmetic (a random decimal passes that test about one time in twenty), printed to significant digits, or
    natural logarithms of whole numbers or amounts (a random decimal passes about one time in a hundred).

    >>> not_coordinates([f"0.{i:05d}" for i in range(10000, 30000, 1000)], 20)
    'not coordinates: spread 0.2 degrees'
    >>> not_coordinates([f"{n / 3:.5f}" for n in range(31, 300, 7)], 39)
    'not coordinates: 67% of the decimals are fractions or float32 short decimals'
    >>> not_coordinates([f"0.{i:06d}" for i in range(10000, 990000, 49000)], 20)
    'not coordinates: scores spread over [0, 1]'
    >>> not_coordinates([f"{1.13 ** k:.7g}" for k in range(-18, 36)], 54)  # 0.1108123, 1.2769 ... 72.06851
    'not coordinates: printed to significant digits (fewer decimals as the values grow)'
    >>> not_coordinates([f"{math.log(n):.7g}" for n in range(13, 99, 3)], 29)  # ages 13, 16 ... 97, logged
    'not coordinates: natural logarithms of counts or amounts'
    """
    nums = [float(v) for v in values]
    if len(set(nums)) < MIN_VALUES:
        return "not coordinates: too few distinct values"
    from maskline.classify.shape import unit_interval

    if unit_interval(nums):
        return SCORES_NOT_COORDINATES
    from maskline.infotypes.arithmetic_decimals import written_by_arithmetic

    arithmetic = sum(map(written_by_arithmetic, values)) / len(values)
    if arithmetic >= ARITHMETIC_DECIMALS_SHARE:
        return f"not coordinates: {arithmetic:.0%} of the decimals are fractions or float32 short decimals"
    from maskline.infotypes.arithmetic_decimals import decimals_fall_with_magnitude

    if decimals_fall_with_magnitude(values):  # fixed decimals keep a place; significant digits a computed number
        return "not coordinates: printed to significant digits (fewer decimals as the values grow)"
    from maskline.infotypes.arithmetic_decimals import logs_of_short_numbers

    if logs_of_short_numbers(values):  # a drawn decimal's exponential lands on a whole number about 1% of the time
        return "not coordinates: natural logarithms of counts or amounts"
    spread = max(nums) - min(nums)
    return f"not coordinates: spread {spread:.1f} degrees" if spread < 2 else None


# A sparse column has too few values to repeat each word twice; how often its words repeat still says how many
# there are to draw from. People's names come from vocabularies of hundreds (the smallest generator lists in both
# development splits: about 75 family names); storms, colours and pets named like people from a few dozen.
SMALL_VOCABULARY = 30  # words: at most this many behind the values, estimated from their repeats
SMALL_VOCABULARY_ROWS = 25  # rows holding a value needed before the estimate may refute (with a vocabulary of 75,
# 25 draws repeat nine times or more about one time in a hundred)


def _over_value_rows(distinct: int, rows: int) -> str:
    """The two counts a repetition check compares, each said for what it counts: the distinct values it read
    (the ones the detector matched) and the rows of the whole column holding a value, the count its comparison
    is made against. Those are not the matched values' own rows: one handle matched among 80 rows of labels
    reads "1 distinct value matched, over 80 rows of the column", not one value repeated 80 times.

    >>> _over_value_rows(1, 83), _over_value_rows(3, 300)
    ('1 distinct value matched, over 83 rows of the column holding a value', \
'3 distinct values matched, over 300 rows of the column holding a value')
    """
    plural = "" if distinct == 1 else "s"
    return f"{distinct} distinct value{plural} matched, over {rows} rows of the column holding a value"


def vocabulary_size(rows: int, distinct: int) -> float:
    """How many equally likely words ``rows`` draws came from, given ``distinct`` of them seen (the occupancy
    estimate: the size ``V`` for which ``V * (1 - exp(-rows / V))`` distinct words are expected); infinite when
    no word repeats.

    >>> round(vocabulary_size(29, 15)), round(vocabulary_size(300, 22)), vocabulary_size(10, 10)
    (19, 22, inf)
    """
    if distinct >= rows:
        return math.inf
    low, high = float(distinct), 1e9
    for _ in range(80):  # bisection: the expected distinct count grows with V
        mid = (low + high) / 2
        if mid * -math.expm1(-rows / mid) < distinct:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def few_single_words(values: Sequence[str], rows: int = 0) -> str | None:
    """A handful of single words that happen to be first names (colours, storms, labels: Rose, Ruby, Sandy).

    Real first-name columns have many distinct names; a category column has a few (under 50), each repeated
    twice or more on average over the rows holding a value. A sparse one has fewer rows than that, but its words
    repeat as a vocabulary of a few dozen makes them (:func:`vocabulary_size` under :data:`SMALL_VOCABULARY`).

    >>> few_single_words(["Rose", "Ruby", "Olive", "Amber", "Jade"] * 40, 200)
    'few single words: 5 distinct, a category rather than names'
    >>> few_single_words(["Rose", "Ruby", "Olive"], 3) is None
    True
    >>> storms = ["Audrey", "Harvey", "Maria", "Gloria", "Ida", "Opal", "Allen", "Hazel", "Bob", "Laura", "Agnes",
    ...           "Carol", "Floyd", "Hugo", "Irma"]
    >>> print(few_single_words(storms, 29))  # 29 rows, 15 storms: too sparse for "twice each", not the guess
    ... # doctest: +NORMALIZE_WHITESPACE
    few single words: 15 distinct values matched, over 29 rows of the column holding a value, from about 19:
    a category rather than names
    >>> few_single_words(storms + ["Ian", "Betsy", "Sandy", "Dora"], 29) is None  # 19 in 29 rows: about 32
    True
    """
    distinct = set(values)  # the matched distinct values; rows (rows holding a value) says how often they repeat
    single = sum(1 for v in distinct if " " not in v.strip())
    if not distinct or single / len(distinct) < 0.8 or len(distinct) >= 50:
        return None
    if rows >= 2 * len(distinct):
        return f"few single words: {len(distinct)} distinct, a category rather than names"
    size = vocabulary_size(rows, len(distinct))
    if rows >= SMALL_VOCABULARY_ROWS and size < SMALL_VOCABULARY:
        return (f"few single words: {_over_value_rows(len(distinct), rows)}, from about {size:.0f}: "
                "a category rather than names")
    return None


def repeated_labels(values: Sequence[str], rows: int = 0) -> str | None:
    """A few values (under 50) repeated over the rows holding one: labels or tags, not handles of people.

    Compared with a count, not a share: a sample of a large table's users repeats them too.

    >>> repeated_labels(["anna-bell", "mark-down", "jules-verne"], 300)
    'repeated labels: 3 distinct values matched, over 300 rows of the column holding a value'
    >>> repeated_labels(["anna19", "markjones", "jules_v"], 3) is None
    True
    """
    distinct = len(set(values))
    if distinct < 50 and rows >= 2 * distinct:
        return f"repeated labels: {_over_value_rows(distinct, rows)}"
    return None


MAX_LABEL_LEADS = 8  # distinct words before the numbers of a column of labels with counts (zones, seats, models)


# Compiled once: repeated_leads reads every distinct value of a column (10,000 in a large sample), and re.sub with a
# pattern string looks the pattern up in re's cache on each call.
_DIGIT_RUNS = re.compile(r"[0-9]+")
_FIRST_PART_END = re.compile(r"[,\n]")


def repeated_leads(values: Sequence[str], rows: int = 0) -> str | None:
    """A handful of words before the numbers of many values: labels with counts ("Zone 4, 631 ...", "Stage 12,
    196 ..."), not streets: even one village's addresses name more streets than ``MAX_LABEL_LEADS``.

    >>> repeated_leads([f"Zone {i % 9}, {200 + i} Oslo" for i in range(40)])
    'labels, not streets: 1 distinct words before the numbers of 40 distinct values'
    >>> streets = ["Laugavegur", "Hverfisgata", "Suðurgata", "Túngata", "Dalbraut", "Strandgata", "Melabraut",
    ...            "Lindargata", "Álfheimar", "Grundargata"]
    >>> repeated_leads([f"{streets[i % 10]} {i + 1}, {200 + i} Vogar" for i in range(40)]) is None
    True
    >>> repeated_leads([f"{i + 1} {streets[i % 10]}, {200 + i} Vogar" for i in range(40)]) is None  # number first
    True
    >>> repeated_leads([f"06{i:08d}" for i in range(40)]) is None  # numbers alone: no words to repeat
    True
    """
    distinct = set(values)
    if len(distinct) < 10:
        return None
    # The words of the first line or comma part, numbers removed: "Zone" of "Zone 4", "main st" of "123 Main St".
    leads = {" ".join(_DIGIT_RUNS.sub(" ", _FIRST_PART_END.split(v, maxsplit=1)[0]).split()).casefold()
             for v in distinct}
    # Numbers alone (phones, ids) have no words before them: not labels, and nothing to say about streets.
    leads.discard("")
    # A village's addresses repeat a score of streets over hundreds of values; labels are a handful of words.
    if leads and len(leads) <= MAX_LABEL_LEADS and len(leads) < 0.1 * len(distinct):
        return (f"labels, not streets: {len(leads)} distinct words before the numbers of {len(distinct)} "
                "distinct values")
    return None


def thing_names(values: Sequence[str], rows: int = 0) -> str | None:
    """Names of things, not people: a few non-name words open or close many of the values (Hotel, MS, Château,
    Collection; :mod:`maskline.infotypes.thing_names`). ``rows`` is unused (the signature of a shape check).

    >>> thing_names([f"Hotel {c}" for c in ("Adler", "Krone", "Sonne", "Post", "Linde")] * 5) is None
    True
    """
    from maskline.infotypes.thing_names import thing_affixes

    memo = _THING_NAMES_MEMO.get()
    key = tuple(values) if memo is not None else ()
    if memo is not None and key in memo:
        return memo[key]
    found = thing_affixes(values, rows) or mixed_writing_systems(values, rows)
    if memo is not None:
        memo[key] = found
    return found


# thing_names' answers within one column's decision (see one_column); None outside one.
_THING_NAMES_MEMO: ContextVar[dict[tuple[str, ...], str | None] | None] = ContextVar("thing_names_memo",
                                                                                     default=None)


@contextmanager
def one_column() -> Iterator[None]:
    """Within this block (one column's decision), :func:`thing_names` reads each list of values once.

    A name column's evidence is refuted by :func:`person_words` and by :func:`hinted_names`, and both ask
    :func:`thing_names` about the same matched values: three readings of the same 2,000 names for one column.
    The answers are dropped when the block ends, so no value outlives the decision that read it.

    >>> names = [f"Hotel {c}" for c in ("Adler", "Krone", "Sonne", "Post", "Linde")] * 5
    >>> with one_column():
    ...     thing_names(names) is None, thing_names(list(names)) is None, len(_THING_NAMES_MEMO.get())
    (True, True, 1)
    >>> _THING_NAMES_MEMO.get() is None  # nothing kept once the decision is made
    True
    """
    token = _THING_NAMES_MEMO.set({})
    try:
        yield
    finally:
        _THING_NAMES_MEMO.reset(token)


MIXED_WRITING_SHARE = 0.3  # of the values: people's names in one column reach 7% on both splits (stray tokens)
# Scripts one language writes a name in together: Japanese mixes Han and kana, Korean Hangul and Han.
_ONE_SYSTEM = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "KATAKANA-HIRAGANA": "CJK", "HANGUL": "CJK", "CJK": "CJK",
               "HALFWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}
_NO_SYSTEM = frozenset({"MODIFIER", "COMBINING", "FULLWIDTH"})  # apostrophes, accents: any script's


def _writing_systems(value: str) -> set[str]:
    # Each distinct character once, its system looked up once per process: a column of accented Latin names
    # repeats a few dozen characters over thousands of values, and unicodedata.name() per character was most of
    # this check's cost.
    return {system for system in map(_writing_system, set(value)) if system is not None}


@cache
def _writing_system(ch: str) -> str | None:
    """The writing system of one character (the first word of its Unicode name), or None for a character that is
    no letter or belongs to every script.

    >>> _writing_system("é"), _writing_system("ф"), _writing_system("7"), _writing_system("ʼ")
    ('LATIN', 'CYRILLIC', None, None)
    """
    import unicodedata

    if not ch.isalpha():
        return None
    word = unicodedata.name(ch, "?").split(" ", 1)[0]
    return None if word in _NO_SYSTEM else _ONE_SYSTEM.get(word, word)


def mixed_writing_systems(values: Sequence[str], rows: int = 0) -> str | None:
    """Values that mix two writing systems (``Deep فندقی``, ``iPhone 手机``, ``Royal سرخ``) name things: a brand
    or a label in Latin letters beside words of the local script. A person's name is written in one system (Han
    and kana together are one: Japanese writes names so), so a column where many values mix two is not people.

    >>> mixed_writing_systems(["Deep فندقی", "Light سبز", "نارنجی", "Dark سرخ", "قرمز"] * 3)
    'mixed writing systems: 60% of the values mix two scripts, as names of things do'
    >>> mixed_writing_systems(["Ivan Petrov", "Демʼянюк", "Ольга Ко", "Anna Berg", "Олег Ли"] * 3) is None
    True
    """
    distinct = set(values)
    if len(distinct) < 5:
        return None
    # An ASCII value is written in Latin letters alone: only the others need their characters' names looked up.
    share = sum(1 for v in distinct if not v.isascii() and len(_writing_systems(v)) >= 2) / len(distinct)
    if share >= MIXED_WRITING_SHARE:
        return f"mixed writing systems: {share:.0%} of the values mix two scripts, as names of things do"
    return None


def hinted_names(values: Sequence[str], rows: int = 0) -> str | None:
    """What refutes a column of names found by a name hint and the shape alone: names of things
    (:func:`thing_names`), capitalised values almost none of which is a known name (drugs, genres, languages;
    :func:`maskline.infotypes.known_names.few_known_names`), a few ordinary words repeated (:func:`category_words`),
    values every one of which is ordinary words and no name, however few (courses, subjects:
    :func:`maskline.infotypes.word_values.ordinary_words`), or nearly every word of which is, beside a few trade terms
    (procedures, tests: :func:`maskline.infotypes.term_values.worded_terms`), a few repeated values of two words or more none of which is a
    known name, in any language (courses, departments: :func:`maskline.infotypes.unknown_categories.few_unknown_names`),
    a few repeated values too few of which are known names for people's (brands, car models:
    :func:`maskline.infotypes.known_names.few_known_among_repeated`), or places (towns and states of the gazetteer that are no
    known name: :func:`maskline.infotypes.places.mostly_places`; towns and their state's code, "Durham, NC":
    :func:`maskline.infotypes.places.towns_with_region_codes`).

    >>> hinted_names(["Ibuprofen", "Metformin", "Warfarin", "Keytruda", "Lisinopril"] * 5) is None  # 5 distinct
    True
    """
    from maskline.infotypes.known_names import few_known_among_repeated, few_known_names
    from maskline.infotypes.places import mostly_places, towns_with_region_codes
    from maskline.infotypes.term_values import worded_terms
    from maskline.infotypes.unknown_categories import few_unknown_names
    from maskline.infotypes.word_values import ordinary_words

    # Places last: the gazetteer (0.2 s to load) is read only where the other readings found people.
    return (thing_names(values, rows) or few_known_names(values, rows) or category_words(values, rows)
            or ordinary_words(values, rows) or worded_terms(values, rows) or few_unknown_names(values, rows)
            or few_known_among_repeated(values, rows) or mostly_places(values, rows)
            or towns_with_region_codes(values, rows))


def handle_labels(values: Sequence[str], rows: int = 0) -> str | None:
    """What refutes a column of handles: a few values repeated over the rows (:func:`repeated_labels`), or labels
    crossed from a few short lists whose words happen to be first names (:func:`~maskline.infotypes.grid_labels.
    grid_labels`: campaigns, models, hosts, cities by year).

    >>> handle_labels([f"summer-sale-{y}" for y in range(2000, 2020)], 20)
    'grid labels: 100% of 20 distinct values cross a few short lists'
    >>> handle_labels(["deborah47", "anna.lee", "mark_diaz", "jsmith", "kholland", "luis_m", "ghensley", "samuel88"],
    ...               8) is None
    True
    """
    from maskline.infotypes.grid_labels import grid_labels

    return repeated_labels(values, rows) or grid_labels(values, rows)


CATEGORY_MAX = 50  # distinct values of a category, as for repeated_labels
_WORDS_ONLY = re.compile(r"[^\W\d_]+(?:[ '’/-][^\W\d_]+)*")


def category_words(values: Sequence[str], rows: int = 0) -> str | None:
    """A few values repeated over the rows holding one, each made of ordinary English words and none a known name
    (``YES``/``NO``, ``Groom``/``Bride``, ``Private``/``Public``/``Nonprofit``): a category, not people or their
    accounts, whatever a name hint says. A handful of people or logins repeated over many rows (``John Smith``,
    ``jsmith``, ``Mark``) keep a word no dictionary holds, or a known name, and are not refuted.

    >>> print(category_words(["NO", "YES"], 400))  # doctest: +NORMALIZE_WHITESPACE
    category words: 2 distinct values matched, over 400 rows of the column holding a value, every one ordinary
    words and no name
    >>> category_words(["John Smith", "Mary Smith"], 400) is None  # two people, repeated
    True
    >>> category_words(["jsmith", "mlopez", "admin_ops"], 90) is None  # logins: no dictionary word
    True
    >>> category_words(["Groom", "Bride"], 3) is None  # too few rows to say the values repeat
    True
    """
    from maskline.infotypes.english_words import dictionary_word_form
    from maskline.infotypes.known_names import known_name

    distinct = {v.strip() for v in values if v.strip()}
    if not distinct or len(distinct) >= CATEGORY_MAX or rows < 2 * len(distinct):
        return None
    for v in distinct:
        if not _WORDS_ONLY.fullmatch(v) or known_name(v.title()):
            return None
        if not all(dictionary_word_form(w) for w in re.findall(r"[^\W\d_]+", v.casefold())):
            return None
    return f"category words: {_over_value_rows(len(distinct), rows)}, every one ordinary words and no name"


def person_words(values: Sequence[str], rows: int = 0) -> str | None:
    """What refutes a column of names found by values alone: a few single words repeated (a category), names
    of things (:func:`few_single_words`, :func:`thing_names`), or places (towns that are no known name, and places
    written with their country or region, "Basel, Switzerland": :func:`maskline.infotypes.places.mostly_places`).

    >>> person_words(["Rose", "Ruby", "Olive", "Amber", "Jade"] * 40, 200)
    'few single words: 5 distinct, a category rather than names'
    >>> person_words(["Basel, Switzerland", "Berlin, Germany", "Basel", "Paris", "Zurich, Switzerland",
    ...               "Lausanne, Schweiz", "Basel, CH", "London", "Munich", "Vienna"] * 3, 30)
    'places: 60% of 10 distinct values are towns or regions of the gazetteer and no known name'
    """
    from maskline.infotypes.places import mostly_places

    # Places last: the gazetteer (0.2 s to load) is read only where the other readings found people. A free-typed
    # location column ("Basel, Switzerland") opens with towns that are given names too (Basel, Florence, Victoria).
    return few_single_words(values, rows) or thing_names(values, rows) or mostly_places(values, rows)


_FLIGHT = re.compile(r"([A-Z][A-Z0-9]|[0-9][A-Z]) ?([0-9]{1,4})")
FLIGHT_SHARE = 0.8  # of the matched values shaped as a designator and a number
FLIGHT_WIDTHS = 0.1  # numbers off the commonest width: postcodes keep one (Brunei four digits), flights 1-4
FLIGHT_DIGIT_DESIGNATORS = 0.05  # designators with a digit (U2, 9W, B6): no postcode has one there
FLIGHT_UNFIT = 0.2  # of one width and letters only, fitting no country's format (Brunei's codes: none)


def flight_numbers(values: Sequence[str], rows: int = 0) -> str | None:
    """Two-character airline designators and flight numbers (``LH1234``, ``BA 286``, ``U2 8421``): the numbers of
    one column vary in width (1-4 digits), a share of the designators hold a digit, or a share fit no country's
    postal format (``LH0400`` beside ``BA0286``: a post office allocates all its letters, airlines spread beyond
    them). Postcodes of that shape (Brunei's ``BB3713``, Andorra's ``AD500``, Bermuda's ``HM 12``) keep one width,
    letters only, and their format.

    >>> flight_numbers(["LH1234", "BA286", "BA2490", "LH400", "KL1021", "BA1711", "KL88", "LH1932"] * 3, 24)
    'flight numbers: 38% of the numbers after the designator are not 4 digits wide'
    >>> flight_numbers(["U2 8421", "BA 0286", "9W 0120", "BA 1402", "TK 1710", "BA 0931"] * 3, 18)
    'flight numbers: 33% of the designators hold a digit'
    >>> flight_numbers(["BA0286", "LH0400", "BA1402", "BA0931", "SK1710", "BA0120"] * 3, 18)
    'flight numbers: 33% of the designator-and-number values fit no postal format'
    >>> flight_numbers(["BB3713", "KB4533", "KA1131", "BT2328", "BA2110", "BS8811"] * 3, 18) is None
    True
    """
    from maskline.infotypes.validators import postal_code

    parsed = [m for m in (_FLIGHT.fullmatch(v.strip().upper()) for v in values) if m]
    if len(parsed) < MIN_VALUES or len(parsed) < FLIGHT_SHARE * len(values):
        return None
    digit = sum(1 for m in parsed if not m.group(1).isalpha()) / len(parsed)
    if digit >= FLIGHT_DIGIT_DESIGNATORS:
        return f"flight numbers: {digit:.0%} of the designators hold a digit"
    widths = Counter(len(m.group(2)) for m in parsed)
    width, count = widths.most_common(1)[0]
    off = 1 - count / len(parsed)
    if off >= FLIGHT_WIDTHS:
        return f"flight numbers: {off:.0%} of the numbers after the designator are not {width} digits wide"
    unfit = sum(1 for m in parsed if not postal_code(m.group(0))) / len(parsed)
    if unfit >= FLIGHT_UNFIT:
        return f"flight numbers: {unfit:.0%} of the designator-and-number values fit no postal format"
    return None


SHARED_NUMBERS_MAX = 20  # distinct values: a handful of labels, where a street column of one town repeats numbers too
_NUMBER = re.compile(r"[0-9]+")


def shared_numbers(values: Sequence[str], rows: int = 0) -> str | None:
    """A handful of values (3 to :data:`SHARED_NUMBERS_MAX`) every one of which shares all its numbers with
    another value (``2-Wheel Drive, Front`` / ``2-Wheel Drive, Rear``; ``Unit value 95 percent interval - lower
    bound`` / ``... upper bound``): labels whose number is part of the label, not addresses. A house number tells
    one address from the next, so a few addresses each carry a number of their own (the flats of one building
    differ in the flat's number). ``rows`` is unused (the signature of a shape check).

    >>> shared_numbers(["2-Wheel Drive, Front", "2-Wheel Drive, Rear", "4-Wheel Drive", "Part-time 4-Wheel Drive"])
    'shared numbers: each of 4 distinct values shares all its numbers with another, as labels do'
    >>> shared_numbers(["12 Main St", "48 Oak Ave", "7 Elm Rd", "12 Main St, Apt 3"]) is None
    True
    """
    distinct = {v.strip() for v in values}
    if not 3 <= len(distinct) <= SHARED_NUMBERS_MAX:
        return None  # before reading numbers: a street column of a large table has thousands of distinct values
    numbers = {v: frozenset(_NUMBER.findall(v)) for v in distinct}
    if not all(numbers.values()):
        return None
    for v, own in numbers.items():
        if not any(own <= theirs for u, theirs in numbers.items() if u != v):
            return None
    return (f"shared numbers: each of {len(distinct)} distinct values shares all its numbers with another, "
            "as labels do")


BRACKETED_MIN = 5  # distinct values: a template shared by five is no coincidence of chosen secrets
BRACKETED_SHARE = 0.8  # of the distinct values written as a word and a bracketed code
_BRACKETED = re.compile(r"(\\?[^\W\d_]{2,})([({\[]).*([)}\]])")
_CLOSES = {"(": ")", "{": "}", "[": "]"}


def bracketed_codes(values: Sequence[str], rows: int = 0) -> str | None:
    """Values written as a word and a code in brackets that closes the value, the word shared by many
    (``Auto(AM6)``, ``Manual(M7)``; ``\\cite{HSAuR:Coronary1976}``): codes of a scheme, not passwords. A chosen
    or generated password rarely ends with a bracket that closes one opened after its leading letters, and a
    column of them does not repeat that leading word.

    >>> bracketed_codes(["Auto(S6)", "Manual(M6)", "Auto(A6)", "Auto(AM7)", "Manual(M5)", "Auto(AV-S8)"])
    'bracketed codes: 100% of 6 distinct values are a word and a bracketed code, 2 distinct words'
    >>> bracketed_codes(["I2Dp*f7F)&", "pA(ss)W0rd9", "Xy7!kLm2(q)", "Tr0ub4dor&3", "s3cR(t)9!x", "Qw3#rty(Z)"]) is None
    True
    """
    distinct = {v.strip() for v in values}
    if len(distinct) < BRACKETED_MIN:
        return None
    leads: Counter[str] = Counter()
    for v in distinct:
        m = _BRACKETED.fullmatch(v)
        if m and _CLOSES[m.group(2)] == m.group(3):
            leads[m.group(1).casefold()] += 1
    written = sum(leads.values())
    if written < BRACKETED_SHARE * len(distinct) or len(leads) > written / 2:
        return None
    return (f"bracketed codes: {written / len(distinct):.0%} of {len(distinct)} distinct values are a word "
            f"and a bracketed code, {len(leads)} distinct words")


def _language_lists(values: Sequence[str], rows: int = 0) -> str | None:
    """Browsers' language preferences, not passwords (:func:`maskline.infotypes.language_lists.language_lists`)."""
    from maskline.infotypes.language_lists import language_lists

    return language_lists(values, rows)


def _key_value_records(values: Sequence[str], rows: int = 0) -> str | None:
    """Request parameters, not passwords (:func:`maskline.infotypes.key_value_records.key_value_records`)."""
    from maskline.infotypes.key_value_records import key_value_records

    return key_value_records(values, rows)


def _serial_keys(values: Sequence[str], rows: int = 0) -> str | None:
    """Keys a program numbered, not logins (:func:`maskline.infotypes.serial_keys.serial_keys`)."""
    from maskline.infotypes.serial_keys import serial_keys

    return serial_keys(values, rows)


def _counter_codes(values: Sequence[str], rows: int = 0) -> str | None:
    """Keys a program counted, not postal codes (:func:`maskline.infotypes.counter_codes.counter_codes`)."""
    from maskline.infotypes.counter_codes import counter_codes

    return counter_codes(values, rows)


def _counted_accounts(values: Sequence[str], rows: int = 0) -> str | None:
    """Account structures a program counted, not drawn (:func:`maskline.infotypes.national_accounts.counted_accounts`)."""
    from maskline.infotypes.national_accounts import counted_accounts

    return counted_accounts(values, rows)


def _storage_paths(values: Sequence[str], rows: int = 0) -> str | None:
    """Storage locations, not addresses (:func:`maskline.classify.storage_paths.storage_paths`)."""
    from maskline.classify.storage_paths import storage_paths

    return storage_paths(values, rows)


MAX_SHARED_CODES = 40  # distinct values: a few facilities, sites or departments
SHARED_CODE_ROWS = 8  # rows a value at least, on average


def shared_codes(values: Sequence[str], rows: int = 0) -> str | None:
    """A few codes shared by many rows (``rows``: the rows holding a value): a key of a few things a table's rows
    point to (the hospital of a stay under ``hospital_id``, a site, a department), not one number per person. A
    person's number repeats only over that person's rows (a patient's few stays), so a column of them has many
    distinct values. The reading it refutes stays a near miss, which the fail-closed decision masks.

    >>> shared_codes(["104512", "220931", "309114", "431207"], 300)
    'shared codes: 4 distinct values over 300 rows, a key of a few things the rows point to, not one per person'
    >>> shared_codes([f"{i:08d}" for i in range(100)], 300) is None
    True
    """
    distinct = {v.strip() for v in values if v.strip()}
    if not distinct or len(distinct) > MAX_SHARED_CODES or rows < SHARED_CODE_ROWS * len(distinct) or rows < 40:
        return None
    return (f"shared codes: {len(distinct)} distinct values over {rows} rows, a key of a few things the rows point "
            "to, not one per person")


SHAPE_CHECKS: dict[str, Callable[[Sequence[str], int], str | None]] = {
    "counted_accounts": _counted_accounts,
    "flight_numbers": flight_numbers,
    "enumerated_labels": enumerated_labels,
    "version_strings": version_strings,
    "isbns": isbns,
    "routing_numbers": routing_numbers,
    "surrogate_keys": surrogate_keys,
    "hex_keys": hex_keys,
    "base64_blobs": base64_blobs,
    "not_chosen_secrets": not_chosen_secrets,
    "not_coordinates": not_coordinates,
    "few_single_words": few_single_words,
    "repeated_labels": repeated_labels,
    "handle_labels": handle_labels,
    "repeated_leads": repeated_leads,
    "thing_names": thing_names,
    "person_words": person_words,
    "hinted_names": hinted_names,
    "calendar_series": calendar_series,
    "category_words": category_words,
    "shared_numbers": shared_numbers,
    "bracketed_codes": bracketed_codes,
    "signed_quantities": signed_quantities,
    "language_lists": _language_lists,
    "key_value_records": _key_value_records,
    "serial_keys": _serial_keys,
    "counter_codes": _counter_codes,
    "storage_paths": _storage_paths,
    "shared_codes": shared_codes,
}
"""Every shape check by name; detectors refer to these in ``refute``."""
READS_VALUE_ROWS = frozenset({"few_single_words", "repeated_labels", "handle_labels", "person_words",
                              "category_words", "hinted_names", "shared_codes"})
"""Checks whose ``rows`` is the rows holding a value (how often values repeat), not the table's rows."""
READS_COLUMN = frozenset({"signed_quantities", "storage_paths"})
"""Checks given every value of the column (its distinct values the patterns ran on), not only those the detector
matched: a phone pattern matches a delta column's ``+`` rows, and only its ``-`` rows say what those are."""
ONLY_WHEN_DECIDING: dict[str, str | None] = {"person_words": "few_single_words", "thing_names": None,
                                             "hinted_names": None}
"""Checks that read every matched value's words, run only for evidence that would decide the column; for other
evidence, the cheap check named here (or none). Their reasons are then noted only where they changed a verdict."""
