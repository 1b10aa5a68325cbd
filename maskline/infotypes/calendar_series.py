"""Dates that are a calendar series (a time axis, event days), not the birth dates of a population.

A column of dates spread over decades reads as birth dates when no name says so
(the ``age-distribution`` evidence of :mod:`maskline.classify.column`). Time series and
event lists spread over decades too: a stock index's trading days, a monthly
statistic, elections, record days. What tells them apart is the calendar itself.
People are born on every day of the week and of the month: a population's birth
dates fall on a weekend about two times in seven (somewhat fewer since births were
scheduled, never none), on one weekday about one time in seven, and on one day of the
month about one time in thirty. A series is set by a calendar rule instead:

- working days (a market's, an office's): no date, or almost none, on a weekend;
- events held on a weekend (elections, races, matches): most dates on a Saturday or Sunday;
- a weekly series, or events on one weekday: most dates on that weekday;
- a monthly, quarterly or yearly series (``1967-07-01``, ``1967-08-01``; ``10-24`` each
  year): most dates on one day of the month.

Each rule is a binomial tail under the birth-date reading, with a conservative
probability (:data:`WEEKEND_BIRTHS_LOW` for the fewest weekend births, a uniform
calendar otherwise), and must be smaller than :data:`CHANCE` after counting every
weekday or day it could have picked. The concentrations must also hold most of the
dates (:data:`MOST`): birth dates whose day was imputed for some people (the first of
a month, 1 January) are still a population, not a series. Fewer than
:data:`MIN_DATES` distinct dates prove nothing (five children's birth dates may all
fall on weekdays). Only distinct dates count: a long table repeating each date of a
series (one row per measure) is still one series.

What it cannot see: a daily series that includes weekends (every day of a range) has a
uniform calendar; a sample of it reads as birth dates still. An opaque column of birth
dates all imputed to one day (every one ``YYYY-01-01``) reads as a yearly series; a
birth-like name types it anyway, and the fail-closed decision masks it either way.

>>> from datetime import date, timedelta
>>> days = [date(1980, 1, 1) + timedelta(days=i) for i in range(0, 12000, 97)]  # every 97th day: any weekday
>>> calendar_series([d.isoformat() for d in days if d.weekday() < 5])  # the working days among them
'a calendar series, not birth dates: 0 of 88 dates on a weekend (working days)'
>>> calendar_series([d.isoformat() for d in days]) is None  # all of them: as irregular as birth dates
True
>>> calendar_series([f"{y}-{m:02d}-01" for y in range(1960, 1990) for m in (1, 7)])
'a calendar series, not birth dates: 60 of 60 dates on one day of the month (a monthly or yearly series)'
>>> births = ["1961-03-14", "1984-11-02", "1979-07-29", "1990-01-06", "1955-05-21", "1972-12-17", "1988-08-08",
...           "1949-02-25", "1966-10-01", "1993-04-30", "1958-09-13", "1981-06-19", "1970-03-08", "1963-01-27",
...           "1986-02-11", "1975-11-23", "1952-07-04", "1997-05-16", "1968-09-02", "1983-12-24"]
>>> calendar_series(births) is None
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

MIN_DATES = 20  # distinct dates; fewer prove nothing about a calendar rule
CHANCE = 1e-6  # how unlikely the concentration must be under the birth-date reading
MOST = 0.5  # a series' rule holds most of its dates; imputed birth days hold only some
WEEKEND_BIRTHS_LOW = 0.2  # the fewest weekend births a population shows (scheduled births lowered it from 2/7)
ALMOST_NONE = 0.05  # of the dates on a weekend: working days (a holiday moved to a Saturday, a data error)
_WEEKEND = frozenset({5, 6})  # date.weekday(): Saturday, Sunday


def calendar_series(values: Sequence[str], rows: int = 0) -> str | None:
    """Why these dates are a calendar series (working days, one weekday, one day of the month), or None.

    ``values`` are date strings (any form :func:`maskline.infotypes.validators.parse_date` reads); ``rows`` is
    unused (the shape-check signature: :data:`maskline.infotypes.shape_checks.SHAPE_CHECKS`). The reason names a
    statistic, never a value.

    >>> from datetime import date, timedelta
    >>> saturdays = [(date(1950, 1, 7) + timedelta(weeks=13 * i)).isoformat() for i in range(30)]
    >>> calendar_series(saturdays)
    'a calendar series, not birth dates: 30 of 30 dates on a weekend (events held on weekends)'
    >>> calendar_series(["1984-07-21", "1990-02-03"]) is None  # too few dates to tell
    True
    """
    from maskline.infotypes.binomial import tail_at_least as _at_least
    from maskline.infotypes.binomial import tail_at_most as _at_most
    from maskline.infotypes.validators import parse_date

    dates = {d for d in map(parse_date, values) if d is not None}
    n = len(dates)
    if n < MIN_DATES:
        return None
    lead = "a calendar series, not birth dates"
    weekdays = Counter(d.weekday() for d in dates)
    weekend = sum(weekdays[w] for w in _WEEKEND)
    if weekend <= ALMOST_NONE * n and _at_most(weekend, n, WEEKEND_BIRTHS_LOW) < CHANCE:
        return f"{lead}: {weekend} of {n} dates on a weekend (working days)"
    if weekend >= MOST * n and _at_least(weekend, n, 2 / 7) < CHANCE:
        return f"{lead}: {weekend} of {n} dates on a weekend (events held on weekends)"
    _, top = weekdays.most_common(1)[0]
    if top >= MOST * n and 7 * _at_least(top, n, 1 / 7) < CHANCE:
        return f"{lead}: {top} of {n} dates on one weekday (a weekly series)"
    # A day of the month is picked from 31; 1/28 is a day's share in the shortest month, so the test is lenient.
    _, same_day = Counter(d.day for d in dates).most_common(1)[0]
    if same_day >= MOST * n and 31 * _at_least(same_day, n, 1 / 28) < CHANCE:
        return f"{lead}: {same_day} of {n} dates on one day of the month (a monthly or yearly series)"
    return None
