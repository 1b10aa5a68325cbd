"""Birth dates stored as Unix times (seconds or milliseconds) under a name that says birth date.

Some tables keep a person's birth date as a number (randomuser.me's ``birthdate``: ``608022796``, 1989-04-08),
which no date detector reads and the checksum near misses left untyped (``extcsv24``). Under a name whose strongest
hint is DATE_OF_BIRTH (:func:`maskline.infotypes.name_hints.hint_score`, every language it knows), the column is
read as birth dates when nearly every value is an integer whose date, as seconds or as milliseconds (one unit for
the column), falls within
the last :data:`MAX_AGE_YEARS` years (before 1970 the integer is negative). The verdict is below an ISO date's
(``STRENGTH`` under the date type's 0.9): the unit is inferred, not written. Never without the name: the Unix
times under ``created_at`` or ``updated_at`` are events (:attr:`maskline.classify.safe_kinds.SafeKind.EVENT_EPOCHS`).

>>> named_birth_epoch_evidence(["608022796", "-31536000", "946684800"], [1.0] * 3, 3.0,
...                            {"DATE_OF_BIRTH": 1.0})[0].detector
'birth-epoch'
>>> named_birth_epoch_evidence(["608022796", "-31536000", "946684800"], [1.0] * 3, 3.0, {})
[]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

MAX_AGE_YEARS = 110  # a living person's (or a recent record's) birth: no older
SHARE = 0.9  # of the values (weighted by rows) that must read as such a date
MIN_DISTINCT = 3  # fewer distinct values say nothing
MS_FROM = 10**11  # an absolute value from here on is milliseconds: as seconds it would be year 5138
MIN_SPAN_DAYS = 365  # people's birth dates spread over years: counts (``births``: 5-digit numbers) or state codes
# (``birthplace``: 1..56) read as seconds all fall on 1970-01-01
STRENGTH = 0.8  # name and values agree, the unit inferred: below a written date's 0.9
CHANCE = 0.5  # not distinctive: any evidence by values alone wins over it
DETECTOR = "birth-epoch"

_INTEGER = re.compile(r"^-?[0-9]{1,14}$")


def epoch_date(value: str, millis: bool) -> dt.date | None:
    """The UTC date of an integer read as Unix seconds, or as milliseconds when ``millis``; else None.

    >>> epoch_date("608022796", False), epoch_date("608022796000", True), epoch_date("-31536000", False)
    (datetime.date(1989, 4, 8), datetime.date(1989, 4, 8), datetime.date(1969, 1, 1))
    >>> epoch_date("12ab", False)
    """
    v = value.strip()
    if not _INTEGER.match(v):
        return None
    n = int(v)
    seconds = n / 1000 if millis else n
    try:
        return (dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)).date()
    except OverflowError:
        return None


def named_birth_epoch_evidence(values: Sequence[str], weights: Sequence[float], n: float,
                               hints: Mapping[str, float], today: dt.date | None = None) -> list[Any]:
    """DATE_OF_BIRTH evidence (needing the name) for a column named for a birth date whose integers are Unix times
    of the last :data:`MAX_AGE_YEARS` years, or ``[]``. ``values`` and ``weights`` are the column's distinct values
    (placeholders removed) and their counts, ``n`` their total."""
    dob = hints.get("DATE_OF_BIRTH", 0.0)
    if not n or dob <= 0 or dob < max(hints.values()) or len(values) < MIN_DISTINCT:
        return []
    from maskline.classify.evidence import Evidence

    end = today or dt.date.today()
    start = end.replace(year=end.year - MAX_AGE_YEARS, day=min(end.day, 28))
    # One unit for the column: milliseconds when most values are too large for seconds (those of 1966 to 1973
    # are small enough to be read as seconds of a few days around 1970).
    large = sum(w for v, w in zip(values, weights, strict=True) if _INTEGER.match(v.strip()) and abs(int(v)) >= MS_FROM)
    millis = large >= 0.5 * n
    fitting = []
    dates = []
    weight = 0.0
    for v, w in zip(values, weights, strict=True):
        d = epoch_date(v, millis)
        if d is not None and start <= d <= end:
            fitting.append(v)
            dates.append(d)
            weight += w
    if weight < SHARE * n or len(fitting) < MIN_DISTINCT or (max(dates) - min(dates)).days < MIN_SPAN_DAYS:
        return []
    share = weight / n
    note = f"Unix times of the last {MAX_AGE_YEARS} years for {share:.0%}; name and values agree"
    return [Evidence("DATE_OF_BIRTH", DETECTOR, share, 1.0, len(fitting), len(fitting), 1.0, True, STRENGTH,
                      sample=fitting, note=note, chance=CHANCE)]
