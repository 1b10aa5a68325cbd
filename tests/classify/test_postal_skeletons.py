"""Postcodes in a country's format but outside its allocation lists (a UK postcode's shape in an area the Royal Mail
never allocated, a Canadian one with a letter Canada skips): a postcode by shape, under a postal name or none.
Controls: number plates that fit the shape now and then, PINs and flight numbers.

Values are drawn here with fixed seeds; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random
import string

from maskline.classify import classify_column
from maskline.infotypes.postal_skeletons import skeleton
from maskline.infotypes.validators import postal_code, postal_code_skeleton

RNG = random.Random(2026)
UP, DG = string.ascii_uppercase, string.digits


def _uk_shape() -> str:
    """A UK postcode's shape with any letters: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA."""
    out = RNG.choice(["A9", "A99", "AA9", "AA99", "A9A", "AA9A"])
    outward = "".join(RNG.choice(UP) if c == "A" else RNG.choice(DG) for c in out)
    return f"{outward} {RNG.choice(DG)}{RNG.choice(UP)}{RNG.choice(UP)}"


def _ca_shape() -> str:
    return f"{RNG.choice(UP)}{RNG.choice(DG)}{RNG.choice(UP)} {RNG.choice(DG)}{RNG.choice(UP)}{RNG.choice(DG)}"


def test_unallocated_uk_areas_keep_the_postcode_shape() -> None:
    assert postal_code("QO0L 6PM") and postal_code_skeleton("QO0L 6PM") and postal_code_skeleton("IC2U 7CY")
    assert postal_code_skeleton("D1F 2U3")  # Canada skips D, F and U
    assert skeleton(r"[HLMS]\d{3}") == r"[HLMS]\d{3}"  # a short class is the format itself


def test_uk_shapes_under_a_postal_name_are_postal_codes() -> None:
    codes = [_uk_shape() for _ in range(300)]
    assert classify_column("zip", codes).info_type == "POSTAL_CODE"


def test_uk_and_canadian_shapes_under_opaque_names_are_postal_codes() -> None:
    assert classify_column("fld_h", [_uk_shape() for _ in range(300)]).info_type == "POSTAL_CODE"
    assert classify_column("c10", [_ca_shape() for _ in range(300)]).info_type == "POSTAL_CODE"


def test_sparse_uk_shapes_are_postal_codes() -> None:
    values = [_uk_shape() if RNG.random() < 0.1 else None for _ in range(300)]
    assert classify_column("fld_h", values).info_type == "POSTAL_CODE"


def _plate() -> str:
    """Plates of three national shapes: AA999AA, AAA9999 and AA99AAA; the first fits the UK postcode's skeleton."""
    kind = RNG.random()
    if kind < 0.35:
        return "".join(RNG.choice(UP) for _ in range(2)) + "".join(RNG.choice(DG) for _ in range(3)) + \
            "".join(RNG.choice(UP) for _ in range(2))
    if kind < 0.7:
        return "".join(RNG.choice(UP) for _ in range(3)) + "".join(RNG.choice(DG) for _ in range(4))
    return "".join(RNG.choice(UP) for _ in range(2)) + "".join(RNG.choice(DG) for _ in range(2)) + \
        "".join(RNG.choice(UP) for _ in range(3))


def test_number_plates_are_not_postal_codes() -> None:  # control: a third fit the skeleton, most do not
    plates = [_plate() for _ in range(300)]
    assert 0.2 < sum(map(postal_code_skeleton, plates)) / 300 < 0.5
    assert classify_column("unnamed_7", plates).info_type is None


def test_pins_and_flight_numbers_do_not_fit_a_skeleton() -> None:  # controls
    assert not any(postal_code_skeleton(f"{RNG.randint(0, 9999):04d}") for _ in range(200))
    flights = [f"{RNG.choice(['LH', 'BA', 'AF', 'KL', 'IB'])}{RNG.randint(100, 9999)}" for _ in range(200)]
    assert not any(map(postal_code_skeleton, flights))
