"""Placeholders typed instead of NULL (dashes, filler letters, "(none)", a bare zero in text) do not count against
the share of values that validate; the control shows a column that is mostly something else still is not typed.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

from maskline.classify import classify_column
from maskline.classify.placeholders import is_placeholder

RNG = random.Random(2412)
FILLERS = ("—", "xxx", "(none)", "not set", "0")
GIVEN = ("Anna", "Jonas", "Maria", "Lukas", "Sofia", "Elena", "David", "Laura", "Paul", "Clara", "Marco", "Julia")
FAMILY = ("Berger", "Costa", "Novak", "Lindqvist", "Moreau", "Rossi", "Keller", "Horvat", "Silva", "Weber")


def _with_fillers(values: list[str], keep: float) -> list[str]:
    return [v if RNG.random() < keep else RNG.choice(FILLERS) for v in values]


def test_names_among_many_placeholders_are_still_names() -> None:
    names = [f"{RNG.choice(GIVEN)} {RNG.choice(FAMILY)}" for _ in range(300)]
    assert classify_column("patient_name", _with_fillers(names, 0.35)).info_type == "PERSON_NAME"


def test_postal_codes_among_dashes_and_zeros_are_still_postal_codes() -> None:
    codes = [f"{RNG.randint(1000, 99999):05d}" for _ in range(300)]
    assert classify_column("zip_code", _with_fillers(codes, 0.35)).info_type == "POSTAL_CODE"


def test_placeholders_alone_are_not_a_type() -> None:  # control: removing fillers leaves nothing to type
    assert classify_column("patient_name", [RNG.choice(FILLERS) for _ in range(300)]).info_type != "PERSON_NAME"


def test_zero_is_a_placeholder_only_in_text() -> None:  # control: in a number column a zero is a value
    assert is_placeholder("0", "string") and not is_placeholder("0", "integer")
    assert not is_placeholder("xxx-1", "string") and not is_placeholder("Nobody", "string")
