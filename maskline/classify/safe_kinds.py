"""Positive evidence that a column is safe: its values prove a kind that cannot carry a person's identity.

The fail-closed decision (:mod:`maskline.classify.decision`) passes a column without an info type raw only when it
is confidently not sensitive. Most of its rules read the absence of a suspicion. This module is the other way
round: an allow-list of value kinds, each with a strict test that *every* non-empty value must pass, so the
column is safe by construction rather than by finding nothing:

- :attr:`SafeKind.MONEY_AMOUNTS`: monetary amounts (``1739,28 Ft``, ``2 057.02 €``, ``144.5``): a number with a
  fractional part of one or two digits, optionally a currency symbol or code, and grouped thousands. The
  fractional parts must spread (:data:`MIN_FRACTIONS` distinct), the integer parts must vary in width and carry no
  leading zero, and the amounts must either carry a currency marker or exceed 180 somewhere. What it keeps out:
  postal codes, phone and account numbers stored as numbers (no fractional part, fixed widths, leading zeros),
  coordinates (more decimals, or never beyond +-180 without a currency), version strings (two dots).
- :attr:`SafeKind.EVENT_EPOCHS`: Unix times of events in milliseconds, microseconds or nanoseconds (or seconds
  beside them), every one between :data:`EPOCH_START` and a year after the scan, spread over less than
  :data:`MAX_EVENT_SPAN_YEARS` years, and with times of day that vary. What it keeps out: dates of birth stored as
  epochs (midnight, or one constant offset from it, and spread over a lifetime), phone numbers and national
  numbers as integers (their widths leave the window), card numbers (no issuer starts at 1 with 16 digits).
- :attr:`SafeKind.BOOK_NUMBERS`: ISBNs, each with its check digit: thirteen digits in the 978/979 range a book's
  number has (hyphens allowed), or an ISBN-10 written in its four hyphenated groups (``0-306-40615-2``). A book's
  number names a book, never a reader. What it keeps out: ISBN-10's check is the UK NHS number's (weights 10 to 2,
  mod 11), so ten bare digits are not accepted (NHS numbers are written bare or 3-3-4); personal numbers with a
  mod-10 check do not open with 978 or 979 on every row.

- :attr:`SafeKind.VERSIONS`: release numbers (``1.4.2``, ``v2.0.11.3``, ``3.1.0-rc.2``): two to four dotted parts
  without leading zeros, an optional ``v`` and a pre-release label from a fixed list (free build metadata after
  ``+`` is refused). A version names a release of software, never a person. What it keeps out
  (:func:`version_strings`): IPv4 addresses (a quarter of the values must be ones no address can be, and
  address-shaped values must stay within the numbers the other versions use: an address's octets spread to 255),
  numbers written in dotted groups (Swiss AHV numbers, record numbers ``286.598.893``, CPFs, dotted phones: a
  leading zero, one fixed width pattern, or groups of three), dates written with dots (``1.5.1987``; calendar
  versions such as ``2024.1.15`` stay masked with them), and decimals or coordinates (two-part values only as a
  minority).

- :attr:`SafeKind.ROUTING_NUMBERS`: ABA routing transit numbers: nine digits with the ABA check (weights 3, 7, 1)
  and a Federal Reserve prefix (00-12, 21-32, 61-72, 80). One names a bank, which is public, not a person's account
  (the classifier's name hints say the same). What it keeps out: social security and other nine-digit personal
  numbers carry no such check, so a column of them passes it at a chance of one in ten a value.
- :attr:`SafeKind.PRODUCT_NUMBERS`: GTIN-13 (EAN-13) and GTIN-12 (UPC-A) trade item numbers with their GS1 check
  digit, outside the prefixes GS1 leaves to in-store and company-internal use (``02``, ``04``, ``05``, ``2``,
  ``98``-``99``: loyalty cards, coupons, refund receipts and weighed goods are numbered there). A product's number
  names a product, never a buyer. What it keeps out: 13-digit national numbers (a Romanian CNP, a South African
  ID number, a JMBG) have checks of their own, so a column of them does not pass GS1's on every row.

What is deliberately *not* a safe kind:

- closed public vocabularies (ISO 4217 currencies, IANA time zones, BCP 47 tags, media types, colours, HTTP
  words): already read by the decision through :mod:`maskline.infotypes.vocabularies`, not repeated here;
- countries: a person's nationality or country of residence is a quasi-identifier, so a country's code does not
  prove by construction that a column names no one (the decision's closed-vocabulary rule, which reads countries
  too, is left as it is);
- hex digests and base64 blobs: a hash of an e-mail address is pseudonymised personal data, and base64 can encode
  anything;

- small vocabularies of words repeated over many rows (status words, categories) read by their values alone. Their
  shape is the same as that of special categories of personal data (religion, ethnicity, health conditions, a sex
  or gender column) and of small sets of first names; values alone cannot tell ``shipped`` from ``Catholic``, so
  such columns keep the decision's existing rules (which need a closed public vocabulary, or no first names and no
  near miss). Workflow states from a fixed vocabulary under a name that says status are read by
  :mod:`maskline.classify.named_kinds`, with counts, flags, HTTP statuses, measurements and years: kinds whose
  values prove them only with the column's name (the members after ``PRODUCT_NUMBERS``, tested last, on the values
  left once placeholders are dropped);
- blood groups, diagnosis codes and other health codes: special categories, masked whatever their shape;
- dates (birth dates and event dates share a shape; the decision's temporal rules stay as they are).

Sparse columns are judged on their non-empty values that are not placeholders (``N/A``, ``—``, ``unknown``), and
need at least :data:`MIN_VALUES` of them.
The kind is stored as a typed signal (:class:`~maskline.classify.signals.Signals`), never a value; a stored scan
without it is decided as before.

>>> from maskline.classify.values import as_column_values
>>> safe_kind(as_column_values([f"{i * 37.13 % 3000:.2f} €" for i in range(1, 60)]))
<SafeKind.MONEY_AMOUNTS: 'money_amounts'>
>>> safe_kind(as_column_values([10115, 80331, 20095, 50667] * 10)) is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any


class SafeKind(StrEnum):
    """A value kind that cannot carry a person's identity (stored by its value).

    >>> SafeKind("event_epochs") is SafeKind.EVENT_EPOCHS
    True
    """

    MONEY_AMOUNTS = "money_amounts"
    EVENT_EPOCHS = "event_epochs"
    BOOK_NUMBERS = "book_numbers"
    VERSIONS = "versions"
    ROUTING_NUMBERS = "routing_numbers"
    PRODUCT_NUMBERS = "product_numbers"
    # Kinds that need the column's name to agree (maskline.classify.named_kinds): proven by values, passed by both.
    COUNTS = "counts"
    FLAGS = "flags"
    STATUS_WORDS = "status_words"
    HTTP_STATUSES = "http_statuses"
    MEASUREMENTS = "measurements"
    YEARS = "years"


MIN_VALUES = 20  # non-empty values a column needs before its values can prove anything
MIN_FRACTIONS = 10  # distinct fractional parts amounts need: a spread of cents, not a fixed suffix
MAX_DEGREES = 180  # amounts all within +-180 without a currency could be coordinates
EPOCH_START = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # events before it are not what event logs hold
MAX_EVENT_SPAN_YEARS = 20  # a span a human lifetime's dates would exceed
TIME_OF_DAY_SHARE = 0.5  # distinct times of day per distinct value, at least: events happen at any time

# Currency symbols and ISO 4217-shaped codes (three capitals), and a few written units (kr, Ft, zł).
_CURRENCY = r"(?:[€$£¥₽₹₺₩₪₴₦฿₫¢]|[A-Z]{3}|kr|Ft|zł|Kč|lei|R\$|Fr\.)"
_GROUPED = r"\d{1,3}(?:[ .,'\u00a0\u202f]\d{3})+"
_NOT_DIGIT = re.compile(r"\D")
_AMOUNT = re.compile(rf"[-+]?(?:{_CURRENCY}\s?)?[-+]?({_GROUPED}|\d+)(?:([.,])(\d{{1,2}}))?(?:\s?{_CURRENCY})?")
_PLAIN = re.compile(r"[-+]?[\d.,]+")
# Epoch units: (digits, divisor to seconds).
_EPOCH_UNITS = {10: 1, 13: 10**3, 16: 10**6, 19: 10**9}
SECONDS_PER_DAY = 86_400


def safe_kind(col: Any, today: dt.date | None = None) -> SafeKind | None:
    """The safe kind every non-empty value of ``col`` (a :class:`~maskline.classify.values.ColumnValues`) proves,
    or None.

    >>> from maskline.classify.values import as_column_values
    >>> safe_kind(as_column_values([1_700_000_000_123 + i * 3_600_777 for i in range(30)]))
    <SafeKind.EVENT_EPOCHS: 'event_epochs'>
    """
    if col.kind not in ("integer", "float", "string"):
        return None
    from maskline.classify.named_kinds import real_value

    # Placeholders (N/A, —, unknown) say nothing about what a column holds: the kinds are proven on the rest.
    pairs = [(v, c) for v, c in zip(col.values, col.counts, strict=True) if v and real_value(v, col.kind)]
    if sum(c for _, c in pairs) < MIN_VALUES:
        return None
    values = [v for v, _ in pairs]
    counts = [c for _, c in pairs]
    if money_amounts(values):
        return SafeKind.MONEY_AMOUNTS
    if event_epochs(values, today):
        return SafeKind.EVENT_EPOCHS
    if book_numbers(values):
        return SafeKind.BOOK_NUMBERS
    if version_strings(values):
        return SafeKind.VERSIONS
    if routing_numbers(values):
        return SafeKind.ROUTING_NUMBERS
    if product_numbers(values):
        return SafeKind.PRODUCT_NUMBERS
    from maskline.classify.named_kinds import named_kind

    # Last, and read by the decision only under a name that says the same kind (maskline.classify.named_kinds).
    return named_kind(values, today, counts)


def money_amounts(values: list[str]) -> bool:
    """Whether every distinct value is a monetary amount and together they look like prices, not codes.

    >>> money_amounts(["1739,28 Ft", "1 397,88 kr", "2727.3", "700.53"] + [f"{i}.{i % 89}" for i in range(200, 210)])
    True
    >>> money_amounts(["48.85", "2.35", "-0.12", "51.5"] * 5)  # within +-180, no currency: could be coordinates
    False
    >>> money_amounts([f"{i}" for i in range(10000, 10040)])  # no fractional part: codes or counts
    False
    """
    fractions: set[str] = set()
    widths: set[int] = set()
    whole = 0
    most_whole = 0.2 * len(values)  # whole amounts allowed, at most (the test below)
    beyond_degrees = marked = False
    for v in values:
        m = _AMOUNT.fullmatch(v)
        if m is None:
            return False
        number = m.group(1)
        # Separators removed; the number has none when it is all digits (str.isdecimal is \d's class, Nd).
        digits = number if number.isdecimal() else _NOT_DIGIT.sub("", number)
        if len(digits) > 1 and digits.startswith("0"):
            return False  # a leading zero: a code, not a quantity
        if m.group(3) is None:
            whole += 1
            if whole > most_whole:
                return False  # counts and ids: no later value can bring the share back (the test below fails)
        else:
            fractions.add(m.group(3).ljust(2, "0"))
        widths.add(len(digits))
        beyond_degrees = beyond_degrees or int(digits) > MAX_DEGREES
        marked = marked or not _PLAIN.fullmatch(v)
    # Whole amounts (a float's 2.0 printed as 2) may be a minority; most amounts have cents.
    return (len(fractions) >= MIN_FRACTIONS and whole <= most_whole and len(widths) >= 2
            and (beyond_degrees or marked))


def event_epochs(values: list[str], today: dt.date | None = None) -> bool:
    """Whether every distinct value is a Unix time of an event (see the module docstring).

    Seconds alone (ten digits) are not enough: a column of ten-digit national phone numbers stored as integers
    can fall in the same window; beside milliseconds (a log that mixes both) they are read as times.

    >>> base = 1_700_000_000_000_000
    >>> event_epochs([str(base + i * 3_600_123_457) for i in range(40)])
    True
    >>> event_epochs([str(1_500_000_000 + i * 86_400) for i in range(40)])  # seconds alone
    False
    >>> event_epochs([str((1_100_000_000 + i * 86_400 * 97) * 1000) for i in range(40)])  # all at midnight
    False
    """
    end = dt.datetime.combine(today or dt.date.today(), dt.time(), dt.UTC) + dt.timedelta(days=366)
    lo, hi = EPOCH_START.timestamp(), end.timestamp()
    seconds: list[float] = []
    units: set[int] = set()
    for v in values:
        if not v.isdigit() or len(v) not in _EPOCH_UNITS:
            return False
        t = int(v) / _EPOCH_UNITS[len(v)]
        if not lo <= t <= hi:
            return False
        seconds.append(t)
        units.add(len(v))
    if units == {10}:
        return False
    years = sorted(dt.datetime.fromtimestamp(t, dt.UTC).year for t in seconds)
    spread = years[int(0.9 * (len(years) - 1))] - years[int(0.1 * (len(years) - 1))]
    times_of_day = {int(t) % SECONDS_PER_DAY for t in seconds}
    return spread < MAX_EVENT_SPAN_YEARS and len(times_of_day) >= TIME_OF_DAY_SHARE * len(seconds)


# An ISBN-10 in its printed form: group, publisher, title, check character.
_ISBN10_GROUPS = re.compile(r"\d{1,5}-\d{1,7}-\d{1,7}-[\dX]")


def book_numbers(values: list[str]) -> bool:
    """Whether every distinct value is an ISBN-13, or an ISBN-10 in its four hyphenated groups, with its check digit.

    >>> book_numbers(["978-3-16-148410-0", "0-306-40615-2", "9780306406157"])
    True
    >>> book_numbers(["9434765919", "4010232137"])  # ten bare digits: NHS numbers share ISBN-10's check
    False
    """
    from maskline.infotypes.validators import isbn

    for v in values:
        compact = v.replace("-", "")
        if len(compact) == 13:
            if not (compact.startswith(("978", "979")) and isbn(v)):
                return False
        elif not (_ISBN10_GROUPS.fullmatch(v) and len(compact) == 10 and isbn(v)):
            return False
    return True


# A release's number: 2 to 4 dotted parts without leading zeros, a ``v`` before it, and a pre-release label from a
# fixed list after it (``2.1.0-rc.1``). Free build metadata (``+anything``) is not accepted: it could hold anything.
_VERSION = re.compile(r"[vV]?(0|[1-9]\d{0,5})((?:\.(?:0|[1-9]\d{0,5})){1,3})"
                      r"(?:[-.]?(?:alpha|beta|rc|dev|pre|preview|snapshot|post|b|a)\.?\d{0,3})?", re.IGNORECASE)
_YEARS = range(1900, 2100)
MIN_NOT_ADDRESS_SHARE = 0.25  # of distinct values, that no IPv4 address could be (3 parts, a part > 255, a label)
MIN_VERSION_DIGITS_FIXED = 6  # one width pattern and this many digits: a number written in groups, not a version


def version_strings(values: list[str]) -> bool:
    """Whether every distinct value is a release's version number (``1.4.2``, ``v2.0.11.3``, ``3.1.0-rc.2``).

    What it keeps out (each one refuses the whole column):

    - IPv4 addresses: at least :data:`MIN_NOT_ADDRESS_SHARE` of the values must be ones no address can be (three
      parts, a part above 255, a label), and every four-part value that could be an address must stay within the
      numbers the column's other versions use (an address's octets spread up to 255);
    - numbers written in dotted groups (a Swiss AHV number ``756.1234.5678.97``, a medical record number
      ``286.598.893``, a Brazilian CPF, a dotted phone number): a leading zero in any part, one width pattern on
      every value with :data:`MIN_VERSION_DIGITS_FIXED` digits or more, or groups of three after the first;
    - dates written with dots (``1.5.1987``, ``2024.1.15``): a year at either end with a day and month beside it;
    - decimal numbers and coordinates (``48.85``): two-part values only as a minority beside longer ones.

    >>> version_strings(["1.4.2", "2.0.11.3", "3.1.0-rc.2", "10.2.17", "0.9.1"])
    True
    >>> version_strings(["192.168.1.20", "10.0.0.7", "172.16.4.1"])  # addresses
    False
    >>> version_strings(["756.9554.2465.08", "756.5857.9832.25"])  # AHV numbers: a leading zero, fixed widths
    False
    >>> version_strings(["286.598.893", "131.923.705", "580.460.804"])  # a record number in dotted groups
    False
    """
    parsed: list[tuple[list[int], list[str], bool]] = []
    for v in values:
        m = _VERSION.fullmatch(v.strip())
        if m is None:
            return False
        texts = [m.group(1), *m.group(2)[1:].split(".")]
        labelled = m.end(2) < len(v.strip()) or v.strip()[:1] in "vV"
        parsed.append(([int(t) for t in texts], texts, labelled))
    if any(_date_shaped(nums) for nums, _, _ in parsed):
        return False
    if sum(len(nums) == 2 for nums, _, _ in parsed) * 2 >= len(parsed):
        return False
    widths = {tuple(len(t) for t in texts) for _, texts, _ in parsed}
    if len(widths) == 1 and sum(next(iter(widths))) >= MIN_VERSION_DIGITS_FIXED:
        return False
    if all(len(texts) >= 3 and all(len(t) == 3 for t in texts[1:]) for _, texts, _ in parsed):
        return False  # thousands written with dots: one number, not a version
    could_be_address = [nums for nums, _, labelled in parsed if len(nums) == 4 and max(nums) <= 255 and not labelled]
    others = [nums for nums, _, labelled in parsed if not (len(nums) == 4 and max(nums) <= 255 and not labelled)]
    if len(others) < MIN_NOT_ADDRESS_SHARE * len(parsed):
        return False
    ceiling = max(n for nums in others for n in nums)
    return all(max(nums) <= ceiling for nums in could_be_address)


def _date_shaped(nums: list[int]) -> bool:
    """A three-part value that reads as a date: a year at one end, a month and a day at the others."""
    if len(nums) != 3:
        return False
    first, mid, last = nums
    return (last in _YEARS and min(first, mid) <= 12 and max(first, mid) <= 31) \
        or (first in _YEARS and mid <= 12 and last <= 31)


def routing_numbers(values: list[str]) -> bool:
    """Whether every distinct value is an ABA routing number: nine digits, the ABA check, a Federal Reserve prefix.

    >>> routing_numbers(["011000015", "021000021", "026009593", "121000358"])
    True
    >>> routing_numbers(["011000015", "123456789"])  # one value fails the check: not a column of routing numbers
    False
    """
    from maskline.classify.routing_accounts import routing_number

    return all(v.isdigit() and routing_number(v) for v in values)


def product_numbers(values: list[str]) -> bool:
    """Whether every distinct value is a GTIN-13 or GTIN-12 with its GS1 check digit, outside GS1's restricted
    prefixes (in-store numbers, coupons, company-internal numbers: see the module docstring).

    >>> product_numbers(["4006381333931", "5901234123457", "036000291452"])
    True
    >>> product_numbers(["2001234567893", "4006381333931"])  # prefix 2: in-store numbers, loyalty cards among them
    False
    """
    from maskline.classify.check_digits import gtin

    for v in values:
        if not (v.isdigit() and len(v) in (12, 13) and gtin(v)):
            return False
        gtin13 = v.zfill(13)
        if gtin13[0] == "2" or gtin13[:2] in ("02", "04", "05", "98", "99"):
            return False
    return True
