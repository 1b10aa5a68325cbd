"""A name in ordinary words (earnings, population, consumption) outweighs a bare number's shape: floats with five
to eight decimals are not coordinates, five-digit counts not postal codes, dates over decades not birth dates.
Each with a control: the same values under an opaque name, or under the type's own name, are still the type.

The cases are the shapes of the R datasets' false positives (benchmarks/real_tables); values are drawn here with
fixed seeds, none comes from those datasets or from the classification benchmark's splits.
"""

from __future__ import annotations

import datetime
import random

import pyarrow as pa

from maskline.classify import classify_column
from maskline.infotypes.worded_names import worded_name

RNG = random.Random(1204)
# Hourly earnings worked out from weekly pay (34.61538 = 450 / 13): five decimals, spread over tens of units. The
# denominators stay above 12: fractions with smaller ones are refuted by their values alone, whatever the name
# (maskline.infotypes.arithmetic_decimals), and the control below needs values only the name can refute.
EARNINGS = [round(RNG.randint(100, 2000) / RNG.choice([13, 17, 19, 23]), 5) for _ in range(300)]
# Births a day, consumption, incomes: four and five digits, as US ZIP codes stored as numbers (01001 -> 1001).
COUNTS = [RNG.randint(1_000, 99_999) for _ in range(300)]
EVENTS = [datetime.date(RNG.randint(1950, 2000), RNG.randint(1, 12), RNG.randint(1, 28)) for _ in range(300)]


def test_measured_floats_under_a_worded_name_are_not_coordinates() -> None:
    for name in ("earnings", "population", "MedicareRate", "gdp85"):
        assert worded_name(name)
        verdict = classify_column(name, pa.array(EARNINGS))
        assert verdict.info_type is None, (name, verdict.evidence)
        assert "GEO_COORDINATE" in verdict.signals.refuted


def test_the_same_floats_under_an_opaque_or_coordinate_name_are_coordinates() -> None:  # control
    for name in ("c3", "fld_b", "value_2", "lat", "home_position"):
        assert classify_column(name, pa.array(EARNINGS)).info_type == "GEO_COORDINATE", name


def test_five_digit_counts_under_a_worded_name_are_not_postal_codes() -> None:
    for name in ("births", "consumption", "enroll"):
        assert classify_column(name, pa.array(COUNTS)).info_type is None, name


def test_five_digit_codes_under_an_opaque_or_postal_name_are_postal_codes() -> None:  # control
    for name in ("f14", "zipcode"):
        assert classify_column(name, pa.array(COUNTS)).info_type == "POSTAL_CODE", name


def test_event_dates_over_decades_under_a_worded_name_are_not_birth_dates() -> None:
    assert classify_column("landfall", pa.array(EVENTS)).info_type is None


def test_dates_over_decades_under_an_opaque_or_birth_name_are_birth_dates() -> None:  # control
    for name in ("k_c", "birth_date"):
        assert classify_column(name, pa.array(EVENTS)).info_type == "DATE_OF_BIRTH", name

