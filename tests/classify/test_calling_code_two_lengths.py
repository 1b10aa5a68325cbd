"""Ids of one width that open with a calling code are not a plan's two forms (maskline.infotypes.phone_plans,
``_forms_of_one_number``).

A country's numbers stored with and without their calling code differ by the code's length (``36301234567`` and
``301234567``). Ids drawn from ``[6.1e8, 6.5e8)`` open with ``62`` (Indonesia) or ``63`` (the Philippines) one time
in four and are valid numbers behind it, as ``61...`` to ``64...`` are valid Indonesian or Philippine numbers
beside them: on main ``c596674`` they were typed PHONE by ``calling-code ID`` or ``calling-code PH``. Their coded
and uncoded runs are of one length, so the coded ones are two digits shorter once the code is dropped: two kinds
of number, never one number written two ways.

Controls (pass before and after): Indonesian mobiles of ten and eleven digits and Hungarian mobiles, each half
behind the calling code, stored as integers under opaque names.

Values are drawn here with fixed seeds; none comes from the benchmark's splits or the R datasets.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from tests.classify.mobile_draws import mobiles


@pytest.mark.parametrize("seed", [0, 3])  # main typed these PHONE: calling-code ID (seed 0) and PH (seed 3)
@pytest.mark.parametrize("as_text", [False, True])
def test_ids_of_one_width_behind_a_calling_code_are_not_phones(seed: int, as_text: bool) -> None:
    rng = random.Random(seed)
    ids = [rng.randrange(610_000_000, 650_000_000) for _ in range(300)]
    verdict = classify_column("c9", [str(i) for i in ids] if as_text else ids)
    assert verdict.info_type != "PHONE", verdict.evidence


@pytest.mark.parametrize("seed", [0, 1])
def test_indonesian_mobiles_in_two_forms_stay_phones(seed: int) -> None:  # control: national lengths vary
    rng = random.Random(seed)
    prefixes = ("81", "82", "85", "87", "89")
    nsn = mobiles("ID", prefixes, 10, 150, rng) + mobiles("ID", prefixes, 11, 150, rng)
    verdict = classify_column("c9", [int(("62" if rng.random() < 0.5 else "") + d) for d in nsn])
    assert verdict.info_type == "PHONE", verdict.evidence


def test_hungarian_mobiles_in_two_forms_stay_phones() -> None:  # control: the two forms an earlier guard refused
    rng = random.Random(2)
    nsn = mobiles("HU", ("20", "30", "70"), 9, 300, rng)
    verdict = classify_column("fld_a", [int("36" + d if rng.random() < 0.5 else d) for d in nsn])
    assert verdict.info_type == "PHONE", verdict.evidence
