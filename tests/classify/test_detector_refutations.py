"""A detector's ``refute`` names one shape check or several, tried in order (maskline/infotypes/detectors.py).

Every name must be a registered check (a typo would raise only on the first column that reaches it), and a later
check of a tuple must be reached when the first finds nothing: the postal formats try flight numbers, then labels
of a word and a number; streets try flight numbers, then labels sharing their numbers.
"""

from __future__ import annotations

from maskline.classify import classify_column
from maskline.infotypes.detectors import DETECTORS
from maskline.infotypes.shape_checks import ONLY_WHEN_DECIDING, SHAPE_CHECKS


def test_every_refutation_names_a_registered_check() -> None:
    named = [r for d in DETECTORS if d.refute for r in ((d.refute,) if isinstance(d.refute, str) else d.refute)]
    assert len(named) >= 20
    assert not [r for r in named if r not in SHAPE_CHECKS], "unknown shape checks in detectors' refute"
    assert all(v is None or v in SHAPE_CHECKS for v in ONLY_WHEN_DECIDING.values())


def test_the_second_check_of_a_tuple_is_reached() -> None:
    # Day1 ... Day26 are no flight numbers (the first check), but a counter (the second): the postal reading
    # found by Malta's format is refuted, and the column untyped.
    counter = classify_column("c7", [f"Day{i}" for i in range(1, 27)] * 4)
    assert counter.info_type is None
    assert "POSTAL_CODE" in counter.signals.refuted
    # Control: Malta's codes of many localities keep the reading the counter lost.
    codes = ["VLT 1117", "SLM 1549", "BKR 4012", "MST 1320", "ZBR 1012", "QRM 3100", "SPB 2110", "NXR 2301",
             "HMR 1211", "BZN 1410", "GZR 1020", "PLA 1012"]
    assert classify_column("postcode", codes * 3).info_type == "POSTAL_CODE"
