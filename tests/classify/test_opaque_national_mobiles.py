"""National mobile numbers stored as integers, the trunk zero lost (France's ``612345678``), under an opaque name
(``c7``, ``f14``). Read by the kind of number (valid mobiles of one plan once the zero is restored) against numbers
drawn from the column's own range, which is what ids, counters and timestamps fill
(maskline.infotypes.trunk_mobiles.national_mobile_fit).

Not read, and tested as such: mobiles whose range is nearly all mobiles in their plan (Spain's 6 and 71-74,
Italy's 32-39), where ids filling the same range would be valid as often.

Controls: ids in blocks and ranges of the same widths (aligned on a prefix or not), counters, epoch seconds,
zero-padded ids, order numbers, EAN barcodes. Values are drawn here with fixed seeds from phonenumbers' plans
(regions outside the benchmark's test split); none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pytest

from maskline.classify import classify_column
from tests.classify.mobile_draws import digits, mobiles

# Mobile prefixes in use (national significant numbers, no trunk prefix) and the national number's length.
_MOBILES = {
    "ES": (("6", "71", "72", "73", "74"), 9),
    "IT": (("32", "33", "34", "35", "36", "37", "38", "39"), 10),
    "FR": (("6", "7"), 9),
    "NL": (("6",), 9),
    "HU": (("20", "30", "31", "70"), 9),
    "UA": (("50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"), 9),
    "TH": (("6", "8", "9"), 9),
    "VN": (("3", "7", "8", "9"), 9),
    "PH": (("9",), 10),
}
_TRUNK_LOST = ("FR", "NL", "HU", "UA", "TH", "VN")
_RANGE_FULL = ("ES", "IT", "PH")  # nine in ten numbers of the range these mobiles span are mobiles


def _mobiles(region: str, n: int = 300, seed: int = 15) -> list[str]:
    """Valid mobile national significant numbers of ``region``, drawn behind its mobile prefixes."""
    return mobiles(region, *_MOBILES[region], n, random.Random(f"{region}{seed}"))


def _with_blanks(values: list[object], share: float, seed: int = 3) -> list[object]:
    rng = random.Random(seed)
    return [None if rng.random() < share else v for v in values]


@pytest.mark.parametrize("region", _TRUNK_LOST)
def test_mobiles_stored_as_integers_are_phones(region: str) -> None:
    values = _with_blanks([int(d) for d in _mobiles(region)], 0.1)
    result = classify_column("f14", values)
    assert result.info_type == "PHONE", result.evidence


@pytest.mark.parametrize("region", _RANGE_FULL)
def test_mobiles_filling_their_range_are_undecided(region: str) -> None:
    """Ids drawn from the same range would be mobiles as often: the values cannot tell, the name must."""
    assert classify_column("c7", _mobiles(region)).info_type != "PHONE"
    assert classify_column("mobile", _mobiles(region)).info_type == "PHONE"


def _ean13(rng: random.Random) -> str:
    base = "40" + digits(rng, 10)
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(reversed(base), start=1))
    return base + str((10 - total % 10) % 10)


def _controls() -> dict[str, list[str]]:
    rng = random.Random(20261205)
    n = 300

    def block(lo: float, hi: float) -> list[str]:
        return [str(rng.randrange(int(lo), int(hi))) for _ in range(n)]

    return {
        "ids from 1e9 to 1.1e9": block(1e9, 1.1e9),  # a zero before them: the 010 mobile block of some plans
        "ids from 3e9 to 4e9": block(3e9, 4e9),
        "ids from 6e8 to 7e8": block(6e8, 7e8),  # Spain's 6, France's 06 once a zero is put before them
        "ids from 6e8 to 8e8": block(6e8, 8e8),
        "ids from 7.1e9 to 7.6e9": block(7.1e9, 7.6e9),  # Britain's 071 to 075 behind a zero, not on a prefix
        "ids from 3e8 to 4e8": block(3e8, 4e8),
        "ids of 10 digits": block(1e9, 1e10),
        "ids of 11 digits": block(1e10, 2e10),
        "counter from 1e9": [str(10**9 + i) for i in range(n)],
        "counter stepping from 612e6": [str(612_000_000 + 37 * i) for i in range(n)],
        "epoch seconds": block(1.5e9, 1.78e9),  # Bangladesh's 015 to 017 behind a zero
        "epoch milliseconds": block(1.5e12, 1.78e12),
        "zero-padded ids": [f"{rng.randrange(10**7):010d}" for _ in range(n)],
        "order numbers": block(3e8, 4e8 - 1),
        "EAN-13": [_ean13(rng) for _ in range(n)],
    }


_CONTROLS = _controls()


@pytest.mark.parametrize("label", sorted(_CONTROLS))
@pytest.mark.parametrize("as_int", [False, True])
def test_ids_counters_and_timestamps_are_not_phones(label: str, as_int: bool) -> None:
    values: list[object] = [int(v) for v in _CONTROLS[label]] if as_int else list(_CONTROLS[label])
    result = classify_column("c7", values)
    assert result.info_type != "PHONE", result.evidence
