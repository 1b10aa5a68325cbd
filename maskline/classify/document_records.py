"""The columns an identity document's record keeps beside its number: an expiry date, an issue date, a country.

A passport's data page (ICAO Doc 9303, part 4) carries the document's dates of issue and expiry and its issuing
state; KYC exports, hotel registers, passenger lists (APIS) and visa applications copy them beside the number. A
member, subscription, shipment or warranty table keeps dates and countries too, but not these:

- an **expiry date** of a document valid five or ten years lies mostly ahead, many of them years ahead (a document
  issued in the last ten years expires in the next ten), rarely more than ten and a half years ahead. A delivery
  date lies days ahead or behind, a subscription's renewal within a year, a warranty's or a contract's end mostly
  within three years (:func:`expiry_dates`);
- an **issue date** lies in the past ten years, spread over several of them (:func:`issue_dates`); alone it says
  little (member since, purchase dates look the same), so it only backs an expiry date;
- an **issuing country or nationality**: nearly every value a country's code (ISO 3166-1 alpha-2 or alpha-3) or
  name in any CLDR language (:func:`country_column`). An address's country looks the same, so it too only backs an
  expiry date.

None of these is a sensitive type; they are evidence for a neighbour. An untyped column of document-number shape
(:func:`document_like`: one to three letters and six to nine digits, the templates of most issuers, or Korea's
since 2021, a letter, three digits, a letter and four digits; in either case, and with a space after the series, as
forms and exports write them) under a name that says nothing, the table's only such column, reads PASSPORT when an
expiry date sits beside it with an issue date, a country or a person's name or birth date typed with confidence
(:func:`document_record`).

Some issuers number their passports with digits only: Russia's foreign passports (a series of two digits and seven),
Britain's and the United States' nine digits (the United States' newer ones a letter and eight). Nine drawn digits are
also a member's, a library card's or a customer's number, and a holder beside them says nothing (a member has a name
and a birthday). So a column of eight to ten drawn digits (:func:`document_digits`: distinct, not a counter, a
lettered document among them allowed) reads PASSPORT only from the document's own dates and issuer: an expiry date
beside an issue date or a country (``strict`` in :func:`document_record`), never from its holder alone.

The clock: "ahead" is measured from today (:func:`today`), so a record's dates are read as its holder would read
them; a table stored for twenty years reads as expired documents, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from maskline.classify.document_companions import value_texts
from maskline.classify.result import ColumnClassification

MIN_VALUES = 10  # fewer values say nothing about a column
DATE_SHARE = 0.9  # of a column's values (placeholders removed) that must be dates
AHEAD_SHARE = 0.5  # of an expiry column's dates that lie ahead of today
YEARS_AHEAD_SHARE = 0.33  # ... and that lie more than three years ahead (warranties, contracts, renewals rarely do)
FAR_SHARE = 0.05  # ... and at most this share more than ten and a half years ahead (a document's longest validity)
ISSUE_SHARE = 0.95  # of an issue column's dates in the past ten and a half years
ISSUE_SPREAD_DAYS = 3 * 365  # an issue column's dates spread over at least three years (not a batch of one week)
COUNTRY_SHARE = 0.9  # of a country column's values that must be a country's code or name
MIN_COUNTRIES = 2  # distinct countries: one repeated is a constant, not a record's field
DOCUMENT_SHARE = 0.9  # of a candidate's values of a document number's shape
DISTINCT_SHARE = 0.9  # ... and distinct (a document per row; catalogue codes repeat)
COMPANION_CONFIDENCE = 0.7  # a person's name or birth date must be typed at least this surely to vouch

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_DOCUMENT = re.compile(r"^[A-Z]{1,3}[0-9]{6,9}[A-Z]?$|^[A-Z][0-9]{3}[A-Z][0-9]{4}$")  # the second: Korea since 2021
_SERIES_SPACE = re.compile(r"^([A-Z]{1,3}) ([0-9]{6,9}[A-Z]?)$|^([0-9]{2}) ([0-9]{7})$")
_BARE_DIGITS = re.compile(r"^[0-9]{8,10}$")


def today() -> date:
    """Today's date, the clock expiry and issue dates are read against (a function, so tests may set it).

    >>> today() > date(2020, 1, 1)
    True
    """
    return date.today()


def _date(text: str) -> date | None:
    """A value read as a calendar date (ISO, or day first with dots, slashes or dashes; month first when the day
    first cannot be), else None."""
    if m := _ISO.match(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DAY_FIRST.match(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if mo > 12:
            d, mo = mo, d
    else:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _dates(values: Any) -> list[date] | None:
    """The dates of a column when :data:`DATE_SHARE` of its values are dates, else None.

    A column stored as dates is sampled as its years only (:class:`maskline.classify.values.ColumnValues` keeps no
    day of it): each year reads as its middle day, close enough for distances counted in years.
    """

    if getattr(values, "kind", None) == "date":
        years = [date(y, 7, 1) for y, n in values.years for _ in range(n) if 1 <= y <= 9999]
        return years if len(years) >= MIN_VALUES else None
    texts = value_texts(values)
    if len(texts) < MIN_VALUES:
        return None
    found = [d for d in map(_date, texts) if d is not None]
    return found if len(found) >= DATE_SHARE * len(texts) else None


def expiry_dates(values: Any, now: date | None = None) -> bool:
    """Whether a column's dates read as documents' expiry dates: mostly ahead of ``now`` (today), many of them more
    than three years ahead, nearly none more than ten and a half.

    >>> from datetime import timedelta
    >>> now = date(2026, 12, 7)
    >>> expiry_dates([(now + timedelta(days=97 * i)).isoformat() for i in range(-8, 30)], now)
    True
    >>> expiry_dates([(now + timedelta(days=9 * i)).strftime("%d.%m.%Y") for i in range(1, 40)], now)  # renewals
    False
    >>> expiry_dates([(now + timedelta(days=30 * i)).isoformat() for i in range(-30, 36)], now)  # contract ends
    False
    >>> from maskline.classify.values import from_python
    >>> expiry_dates(from_python([now + timedelta(days=97 * i) for i in range(-8, 30)]), now)  # stored as dates
    True
    """
    days = _days_after(values, now or today())
    if not days:
        return False
    ahead = sum(x > 0 for x in days)
    years_ahead = sum(x > 3 * 365 for x in days)
    far = sum(x > 10 * 365 + 183 for x in days)
    n = len(days)
    return ahead >= AHEAD_SHARE * n and years_ahead >= YEARS_AHEAD_SHARE * n and far <= FAR_SHARE * n


def _days_after(values: Any, now: date) -> list[int]:
    """Each date of a column (:func:`_dates`) as days after ``now`` (negative: before it)."""
    return [(d - now).days for d in _dates(values) or ()]


def issue_dates(values: Any, now: date | None = None) -> bool:
    """Whether a column's dates read as documents' issue dates: nearly all in the past ten and a half years, spread
    over three or more.

    >>> from datetime import timedelta
    >>> now = date(2026, 12, 7)
    >>> issue_dates([(now - timedelta(days=91 * i)).isoformat() for i in range(1, 40)], now)
    True
    >>> issue_dates([(now - timedelta(days=i)).isoformat() for i in range(1, 40)], now)  # one month's
    False
    """
    days = [-x for x in _days_after(values, now or today())]
    if not days:
        return False
    recent = sum(0 <= x <= 10 * 365 + 183 for x in days)
    return recent >= ISSUE_SHARE * len(days) and max(days) - min(days) >= ISSUE_SPREAD_DAYS


def country_column(values: Any) -> bool:
    """Whether nearly every value is a country's ISO code (alpha-2 or alpha-3) or its name in a CLDR language, and
    the column holds more than one country.

    >>> country_column(["IE", "EG", "KE", "VN", "AR", "PK", "MA", "ZA", "IE", "EG", "KE"])
    True
    >>> country_column(["Irlanda", "Egipto", "Kenia", "Marruecos", "Sudáfrica", "Irlanda", "Kenia", "Egipto",
    ...                 "Irlanda", "Kenia"])
    True
    >>> country_column(["EUR", "USD", "GBP", "JPY", "CHF", "EUR", "USD", "GBP", "JPY", "CHF"])  # currencies
    False
    """
    from maskline.infotypes.vocabularies import in_vocabulary

    texts = value_texts(values)
    if len(texts) < MIN_VALUES or len(set(texts)) < MIN_COUNTRIES:
        return False
    return sum(in_vocabulary("countries", t) for t in texts) >= COUNTRY_SHARE * len(texts)


def _written(text: str) -> str:
    """A document number as its issuer prints it: upper case, no space between the series and the number (forms and
    exports lower-case it or set the series apart: ``ab 1234567``, Russia's foreign passports ``75 1234567``)."""
    upper = text.upper()
    m = _SERIES_SPACE.match(upper)
    return "".join(g for g in m.groups() if g) if m else upper


def distinct_of_shape(texts: Sequence[str], shape: re.Pattern[str], share: float = DOCUMENT_SHARE) -> bool:
    """Whether a column's ``texts`` (written as its reader normalises them) are enough to judge, ``share`` of them fit
    ``shape``, and nearly each fitting one is distinct: a document per row, where catalogue codes repeat. The
    document readers (:func:`document_like`, :func:`maskline.classify.document_types.document_number_shaped`)
    differ only in their shape.

    >>> distinct_of_shape(["AB%07d" % (i * 7919) for i in range(12)], re.compile(r"^[A-Z]{2}[0-9]{7}$"))
    True
    >>> distinct_of_shape(["AB0000001"] * 12, re.compile(r"^[A-Z]{2}[0-9]{7}$"))  # one code, repeated
    False
    """
    shaped = [t for t in texts if shape.match(t)]
    return len(texts) >= MIN_VALUES and len(shaped) >= share * len(texts) \
        and len(set(shaped)) >= DISTINCT_SHARE * len(shaped)


def document_like(values: Any) -> bool:
    """Whether nearly every value has a document number's shape (one to three capitals, six to nine digits, a
    closing capital at most; or Korea's ``M123A4567``), in any case and with a space after the series, nearly each
    one distinct.

    >>> import random
    >>> r = random.Random(1)
    >>> document_like([r.choice(["A", "AK", "PL"]) + str(r.randrange(10**6, 10**7)) for _ in range(40)])
    True
    >>> document_like([r.choice(["ak ", "pl"]) + str(r.randrange(10**6, 10**7)) for _ in range(40)])  # as typed
    True
    >>> document_like(["M%03dA%04d" % (r.randrange(1000), r.randrange(10**4)) for _ in range(40)])  # Korea, 2021
    True
    >>> document_like(["EI%d" % r.randrange(10, 999) for _ in range(40)])  # flight numbers
    False
    """

    return distinct_of_shape([_written(t) for t in value_texts(values)], _DOCUMENT)


def _unpadded(texts: list[str]) -> list[str]:
    """A column's digits without the zeros that pad them to a fixed width (a ``CHAR(12)`` of nine-digit passports:
    ``000123456789``), when :data:`DOCUMENT_SHARE` of its values are digits of one width of 11 to 14 opening with two
    zeros or more; else the texts as they are. A phone's trunk is one zero (``07700900123``), so phones stay as written.

    >>> _unpadded(["000%09d" % (123456789 + i * 7919) for i in range(10)])[:2]
    ['123456789', '123464708']
    >>> _unpadded(["07700900%03d" % i for i in range(10)])[:1]
    ['07700900000']
    """
    widths = [len(t) for t in texts if t.isdigit() and 11 <= len(t) <= 14 and t.startswith("00")]
    if not texts or len(widths) < DOCUMENT_SHARE * len(texts) or len(set(widths)) != 1:
        return texts
    return [t.lstrip("0") if t.isdigit() and len(t) == widths[0] else t for t in texts]


def document_digits(values: Any) -> bool:
    """Whether nearly every value is eight to ten drawn digits (or a lettered document number among them, as the
    United States mixes its templates), nearly each one distinct, and not a counter, an article number or a clock
    (:func:`maskline.classify.document_companions.drawn_account_digits` reads the digits).

    >>> import random
    >>> r = random.Random(2)
    >>> document_digits([str(r.randrange(10**8, 10**9)) for _ in range(40)])
    True
    >>> document_digits([str(10**8 + i) for i in range(40)])  # a counter
    False
    >>> document_digits([r.choice("AB") + str(r.randrange(10**6, 10**7)) for _ in range(40)])  # no digits alone
    False
    >>> document_digits(["000" + str(r.randrange(10**8, 10**9)) for _ in range(40)])  # padded to a CHAR(12)
    True
    """
    from maskline.classify.document_companions import drawn_account_digits

    texts = _unpadded([_written(t) for t in value_texts(values)])
    bare = [t for t in texts if _BARE_DIGITS.match(t)]
    shaped = len(bare) + sum(bool(_DOCUMENT.match(t)) for t in texts)
    return len(texts) >= MIN_VALUES and len(bare) >= MIN_VALUES and shaped >= DOCUMENT_SHARE * len(texts) \
        and len(set(texts)) >= DISTINCT_SHARE * len(texts) and drawn_account_digits(bare)


def document_record(columns: Sequence[ColumnClassification], values: Mapping[str, Any], document: str,
                    now: date | None = None, strict: bool = False) -> tuple[str, ...]:
    """The columns beside ``document`` that make its table a record of identity documents: an expiry date
    (:func:`expiry_dates`) and one more of an issue date, a country, or (unless ``strict``) a person's name or birth
    date typed with confidence; else none.

    >>> from datetime import timedelta
    >>> now = date(2026, 12, 7)
    >>> expiry = [(now + timedelta(days=97 * i)).isoformat() for i in range(-8, 30)]
    >>> countries = ["IE", "EG", "KE", "VN"] * 10
    >>> cols = [ColumnClassification(n, None, 0.8, None) for n in ("c1", "c2", "c3")]
    >>> document_record(cols, {"c2": expiry, "c3": countries}, "c1", now)
    ('c2', 'c3')
    >>> document_record(cols, {"c3": countries}, "c1", now)  # a country without an expiry date
    ()
    >>> holder = ColumnClassification("c3", "PERSON_NAME", 0.9, "identifier")
    >>> document_record(cols[:2] + [holder], {"c2": expiry}, "c1", now, strict=True)  # the holder does not vouch
    ()
    """
    others = [c for c in columns if c.name != document]
    expiries = tuple(c.name for c in others if c.info_type is None and c.name in values
                     and expiry_dates(values[c.name], now))
    if not expiries:
        return ()
    backing = tuple(c.name for c in others if c.name not in expiries and (
        not strict and c.info_type in ("PERSON_NAME", "DATE_OF_BIRTH") and c.confidence >= COMPANION_CONFIDENCE
        or c.info_type is None and c.name in values and (issue_dates(values[c.name], now)
                                                         or country_column(values[c.name]))))
    return tuple(sorted(expiries + backing)) if backing else ()


_ISSUER_PREFIX = re.compile(r"^([A-Z]{3}|D)[ /-]((?=(?:[A-Z]*[0-9]){2})[A-Z0-9]{6,10})$")


def issuer_prefixed(values: Any) -> bool:
    """Whether nearly every value is a document number behind its issuing state's ICAO code (ISO 3166-1 alpha-3, or
    ``D``) and a space, slash or dash, as registers of foreign guests and visa files write them (``SVK EA1234567``,
    ``FRA 12AB34567``), in any case, several states among them, nearly each number distinct.

    The state is the issuer on the document's data page: a number written behind it is a document's. Airports'
    IATA codes that spell a country are few, and a flight's or a bag's code behind them is digits of other lengths.

    >>> import random
    >>> r = random.Random(4)
    >>> issuer_prefixed([r.choice(["SVK ", "HUN ", "POL "]) + "EA%07d" % r.randrange(10**7) for _ in range(30)])
    True
    >>> issuer_prefixed(["SVK EA%07d" % r.randrange(10**7) for _ in range(30)])  # one state: a constant prefix
    False
    >>> issuer_prefixed([r.choice(["ABC ", "XYZ "]) + "%07d" % r.randrange(10**7) for _ in range(30)])  # no states
    False
    """
    from maskline.classify.document_companions import _countries

    alpha3, _ = _countries()
    texts = [t.upper() for t in value_texts(values)]
    found = [m for m in map(_ISSUER_PREFIX.match, texts) if m and m.group(1) in alpha3]
    numbers = [m.group(2) for m in found]
    return len(texts) >= MIN_VALUES and len(found) >= DOCUMENT_SHARE * len(texts) \
        and len({m.group(1) for m in found}) >= MIN_COUNTRIES and len(set(numbers)) >= DISTINCT_SHARE * len(numbers)


def holders(columns: Sequence[ColumnClassification], document: str) -> tuple[str, ...]:
    """The columns beside ``document`` holding a person's name or birth date typed with confidence.

    >>> holders([ColumnClassification("c1", "PERSON_NAME", 0.9, "identifier")], "c2")
    ('c1',)
    """
    return tuple(c.name for c in columns if c.name != document and c.info_type in ("PERSON_NAME", "DATE_OF_BIRTH")
                 and c.confidence >= COMPANION_CONFIDENCE)


_INTERNAL = re.compile(r"^[0-9]{4} ?[0-9]{6}$")
_DIVISION = re.compile(r"^[0-9]{3}-[0-9]{3}$")
MIN_LEADING = 5  # distinct leading digits of an internal passport's numbers: drawn, not counted


def russian_internal(values: Any) -> bool:
    """Whether nearly every value is a Russian internal passport's series and number (four digits, then six, a space
    between them or none), nearly each one distinct.

    >>> import random
    >>> r = random.Random(3)
    >>> russian_internal(["45%02d %06d" % (r.randrange(25), r.randrange(10**6)) for _ in range(30)])
    True
    >>> russian_internal(["%010d" % i for i in range(30)])  # a counter: no series repeats with drawn numbers
    False
    """
    texts = value_texts(values)
    shaped = [t.replace(" ", "") for t in texts if _INTERNAL.match(t)]
    if len(texts) < MIN_VALUES or len(shaped) < DOCUMENT_SHARE * len(texts) or len(set(shaped)) < DISTINCT_SHARE * len(shaped):
        return False
    return len({t[4] for t in shaped}) >= MIN_LEADING  # numbers drawn (a counter keeps its leading digit)


def division_codes(columns: Sequence[ColumnClassification], values: Mapping[str, Any],
                   document: str) -> tuple[str, ...]:
    """The columns beside ``document`` holding the codes of the offices that issue Russian passports (three digits,
    a dash, three digits: ``770-001``), each in nearly every value; else none.

    >>> cols = [ColumnClassification(n, None, 0.8, None) for n in ("c1", "c2")]
    >>> division_codes(cols, {"c2": ["770-001", "500-112", "660-005"] * 4}, "c1")
    ('c2',)
    >>> division_codes(cols, {"c2": ["770001"] * 12}, "c1")
    ()
    """
    def coded(v: Any) -> bool:
        texts = value_texts(v)
        return len(texts) >= MIN_VALUES and sum(bool(_DIVISION.match(t)) for t in texts) >= DOCUMENT_SHARE * len(texts)

    return tuple(c.name for c in columns if c.name != document and c.info_type is None and c.name in values
                 and coded(values[c.name]))
