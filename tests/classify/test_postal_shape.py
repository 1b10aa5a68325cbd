"""Bare-digit postal codes under an opaque name: text of one fixed width, spread like places. Controls: years,
six-digit dates, counts of growing width, dense row ids and a few repeated codes are not postal codes.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import datetime as dt
import random

from maskline.classify import classify_column
from maskline.classify.postal_shape import not_postal_codes

RNG = random.Random(3107)


def test_five_digit_codes_kept_as_text_are_postal_codes() -> None:
    codes = [f"{RNG.randint(1001, 99950):05d}" for _ in range(300)]
    verdict = classify_column("c7", codes)
    assert verdict.info_type == "POSTAL_CODE"
    assert verdict.confidence < 0.8  # the shape alone: less sure than a name and the shape together


def test_four_and_six_digit_codes_are_postal_codes_too() -> None:
    assert classify_column("f3", [str(RNG.randint(1000, 9999)) for _ in range(300)]).info_type == "POSTAL_CODE"
    assert classify_column("f4", [str(RNG.randint(100000, 999999)) for _ in range(300)]).info_type == "POSTAL_CODE"


def test_years_as_text_are_not_postal_codes() -> None:  # control
    years = [str(RNG.randint(1940, 2024)) for _ in range(300)]
    assert classify_column("c7", years).info_type is None


def test_six_digit_dates_are_not_postal_codes() -> None:  # control
    start = dt.date(1950, 1, 1)
    dates = [(start + dt.timedelta(days=RNG.randint(0, 25000))).strftime("%y%m%d") for _ in range(300)]
    assert classify_column("c7", dates).info_type is None
    assert "dates or times" in (not_postal_codes(dates, 300) or "")


def test_numbers_of_growing_width_are_not_postal_codes() -> None:  # control: one width is the telling shape
    amounts = [str(int(RNG.lognormvariate(7, 1.5))) for _ in range(300)]
    assert classify_column("c7", amounts).info_type is None


def test_row_ids_and_a_few_codes_are_not_postal_codes() -> None:  # controls
    assert classify_column("c7", [str(i) for i in range(20001, 20301)]).info_type is None
    assert classify_column("c7", [RNG.choice(["10115", "80331", "50667"]) for _ in range(300)]).info_type is None


def test_numbers_stored_as_integers_are_left_to_their_name() -> None:  # control: an integer column holds values
    assert classify_column("c7", [RNG.randint(10000, 99999) for _ in range(300)]).info_type is None
