"""Patient and hospital numbers under the abbreviations clinical exports use (issue 15, the ``extcsv34`` round):
``ptNo``, ``pt_nr``, ``HOSPNUM`` (one word in older patient administration systems), ``hosp_num``. On main they were
left untyped. Controls: part and point numbers, and an admission (encounter) number, which is no patient's number.

Values are drawn here with a fixed seed; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column


def _numbers() -> list[str]:
    r = random.Random(170)
    return [str(r.randint(10**6, 10**7 - 1)) for _ in range(200)]


@pytest.mark.parametrize("name", ["ptNo", "pt_nr", "HOSPNUM", "hosp_num", "PT_NUM"])
def test_abbreviated_patient_numbers(name: str) -> None:
    assert classify_column(name, _numbers()).info_type == "MEDICAL_RECORD_NUMBER"


@pytest.mark.parametrize("name", ["part_no", "point_no", "pts", "admission_no", "numero_ricovero"])
def test_other_numbers_are_no_patient_numbers(name: str) -> None:
    assert classify_column(name, _numbers()).info_type != "MEDICAL_RECORD_NUMBER"
