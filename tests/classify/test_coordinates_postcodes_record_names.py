"""Coordinates kept as text among placeholders, ten-digit grouped postal codes under a postal name, and hospital
numbers named as such. Each with a control.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.infotypes.name_hints import hint_score

RNG = random.Random(4409)


def test_coordinates_kept_as_text_among_placeholders_are_coordinates() -> None:
    values = [f"{RNG.uniform(-80, 80):.6f}" if RNG.random() < 0.5 else RNG.choice(["n/a", "unknown", "tbd"])
              for _ in range(300)]
    assert classify_column("field_d", values).info_type == "GEO_COORDINATE"


def test_rates_kept_as_text_are_not_coordinates() -> None:  # control: spread under two degrees
    values = [f"{RNG.uniform(0.9, 1.2):.5f}" for _ in range(300)]
    assert classify_column("field_d", values).info_type is None


def test_ten_digit_grouped_postal_codes_under_a_postal_name() -> None:
    codes = [f"{RNG.randint(10000, 99999)}-{RNG.randint(0, 99999):05d}" for _ in range(300)]
    assert classify_column("postalCd", codes).info_type == "POSTAL_CODE"


def test_hospital_numbers_are_named_record_numbers() -> None:
    assert hint_score("hospital_no")[0] == ("MEDICAL_RECORD_NUMBER", 1.0)
    ids = [RNG.choice([f"H{RNG.randint(10 ** 6, 10 ** 7 - 1)}", f"PT{RNG.randint(10 ** 5, 10 ** 6 - 1)}",
                       f"MR{RNG.randint(10 ** 7, 10 ** 8 - 1)}"]) for _ in range(300)]
    assert classify_column("hospital_no", ids).info_type == "MEDICAL_RECORD_NUMBER"


def test_hospital_counts_and_row_ids_are_not_record_numbers() -> None:  # controls
    assert hint_score("hospital_count") == []
    assert classify_column("hospital_no", [str(i) for i in range(1, 301)]).info_type is None
