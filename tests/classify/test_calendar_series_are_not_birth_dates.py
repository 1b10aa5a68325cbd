"""Dates a calendar rule set are a time axis or events, not birth dates (``calendar_series``,
maskline.infotypes.calendar_series).

Shapes of the real tables' false positives (benchmarks/real_tables, round ``datefp``: a stock index's trading
days, a monthly statistic, elections, world-record days), under names that say nothing or say ``date``. Their
values spread over decades, so the value-only ``age-distribution`` evidence read them as birth dates (0.70);
the calendar refutes it:

- working days: no date on a weekend (a population is born on weekends about one time in four or five);
- events held on a weekend (elections on Saturdays, races on Sundays): most dates on a weekend;
- a weekly series: every date on one weekday;
- a monthly or yearly series: every date (or most) on one day of the month.

Controls (pass before and after): birth dates drawn over decades under opaque names (a uniform calendar, a
calendar with fewer weekend births, a quarter of the dates imputed to 1 January), and birth names over birth
dates and over dates all imputed to the first of a month (the name decides). Each refuted column must still
be masked by the fail-closed default.

Values are drawn here with fixed seeds; none comes from the benchmark's splits or the R datasets.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from maskline.classify import classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy


def _days(rng: random.Random, first: date, last: date, k: int,
          keep: Callable[[date], bool] = lambda d: True) -> list[str]:
    """``k`` distinct days between two dates that ``keep`` accepts, drawn at random, as ISO text."""
    span = (last - first).days
    out: set[date] = set()
    while len(out) < k:
        d = first + timedelta(days=rng.randrange(span))
        if keep(d):
            out.add(d)
    return [d.isoformat() for d in out]


def _refuted_and_masked(name: str, values: list[str]) -> None:
    verdict = classify_column(name, values)
    assert verdict.info_type is None
    # The value-only reading was there and the calendar refuted it (not a reading that never fired).
    assert any(e.startswith("refuted:date_of_birth (a calendar series") for e in verdict.evidence)
    assert decide_unnamed(load_policy({}), name, verdict).method is not None  # still masked by default


@pytest.mark.parametrize("name", ["c3", "date", "rownames"])
def test_working_days_over_decades_are_not_birth_dates(name: str) -> None:
    rng = random.Random(61)
    trading = _days(rng, date(1960, 1, 1), date(2015, 12, 31), 400, keep=lambda d: d.weekday() < 5)
    _refuted_and_masked(name, sorted(trading, reverse=True))


@pytest.mark.parametrize("name", ["f14", "date"])
def test_a_monthly_series_is_not_birth_dates(name: str) -> None:
    months = [f"{y}-{m:02d}-01" for y in range(1967, 2015) for m in range(1, 13)]
    _refuted_and_masked(name, months)


def test_a_yearly_series_mostly_on_one_day_is_not_birth_dates() -> None:
    rng = random.Random(62)
    # A law's yearly steps, most on the same day of the year, some moved.
    days = [f"{y}-10-24" if rng.random() < 0.7 else f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            for y in range(1938, 2000, 2)]
    _refuted_and_masked("x2", days)


def test_elections_held_on_saturdays_are_not_birth_dates() -> None:
    first = date(1949, 12, 10)  # a Saturday
    elections = [(first + timedelta(weeks=w)).isoformat() for w in range(0, 27 * 130, 130)]  # every 2.5 years
    _refuted_and_masked("date", elections)


def test_events_mostly_on_weekends_are_not_birth_dates() -> None:
    rng = random.Random(63)
    weekend = _days(rng, date(1975, 1, 1), date(2010, 1, 1), 26, keep=lambda d: d.weekday() >= 5)
    weekdays = _days(rng, date(1975, 1, 1), date(2010, 1, 1), 12, keep=lambda d: d.weekday() < 5)
    _refuted_and_masked("c7", weekend + weekdays)


def test_a_weekly_series_is_not_birth_dates() -> None:
    rng = random.Random(64)
    mondays = [(date(1970, 1, 5) + timedelta(weeks=w)).isoformat() for w in range(0, 2400)]
    _refuted_and_masked("v1", rng.sample(mondays, 300))


# Controls: birth dates of a population keep their value-only reading, whatever the calendar's small biases.

def _births(rng: random.Random, k: int, weekend_kept: float = 1.0) -> list[str]:
    """Birth dates over 1935-2000; ``weekend_kept`` of weekend births kept (scheduled births avoid weekends)."""
    return _days(rng, date(1935, 1, 1), date(2000, 12, 31), k,
                 keep=lambda d: d.weekday() < 5 or rng.random() < weekend_kept)


@pytest.mark.parametrize("name", ["c3", "f14", "col_9"])
def test_birth_dates_under_opaque_names_stay_typed(name: str) -> None:
    verdict = classify_column(name, _births(random.Random(71), 300))
    assert verdict.info_type == "DATE_OF_BIRTH"


def test_birth_dates_with_fewer_weekend_births_stay_typed() -> None:
    births = _births(random.Random(72), 300, weekend_kept=0.6)  # weekend share about 0.19, not none
    assert classify_column("c3", births).info_type == "DATE_OF_BIRTH"


def test_birth_dates_with_a_quarter_imputed_to_new_year_stay_typed() -> None:
    rng = random.Random(73)
    births = _births(rng, 200) + [f"{y}-01-01" for y in range(1935, 2000)]  # the day unknown: 1 January
    assert classify_column("c3", births).info_type == "DATE_OF_BIRTH"


@pytest.mark.parametrize("name", ["date_of_birth", "dob", "geburtsdatum", "birth_dt"])
def test_birth_names_over_birth_dates_stay_typed(name: str) -> None:
    verdict = classify_column(name, _births(random.Random(74), 150))
    assert verdict.info_type == "DATE_OF_BIRTH"
    assert verdict.confidence >= 0.9


def test_a_birth_name_over_days_imputed_to_the_first_stays_typed() -> None:
    # Only the month known: every day is the first. The values read as a monthly series; the name decides.
    rng = random.Random(75)
    births = [f"{rng.randint(1940, 2000)}-{rng.randint(1, 12):02d}-01" for _ in range(200)]
    assert classify_column("dob", births).info_type == "DATE_OF_BIRTH"
