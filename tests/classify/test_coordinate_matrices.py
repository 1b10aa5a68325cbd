"""A table of many float columns that read as coordinates by their values alone (spectra, expression levels, shares)
is a matrix of measurements, not places: a place has two coordinates. Control: a pair under opaque names beside a
named latitude is still typed.

The case is the shape of the R datasets' largest false-positive class (benchmarks/real_tables: 1,174 expression
columns of ISLR's NCI60, 100 absorbances of modeldata's meats); values are drawn here with a fixed seed.
"""

from __future__ import annotations

import random

import pyarrow as pa

from maskline.classify import classify

RNG = random.Random(1205)


def _spectrum(offset: float) -> list[float]:  # absorbances or expression levels: five decimals over a few units
    return [round(offset + RNG.uniform(-3, 3), 5) for _ in range(200)]


def test_a_matrix_of_unnamed_decimal_columns_is_not_coordinates() -> None:
    verdicts = classify(pa.table({f"x_{i:03d}": _spectrum(i / 10) for i in range(12)})).columns
    assert [c.info_type for c in verdicts] == [None] * 12
    assert all("GEO_COORDINATE" in c.signals.refuted for c in verdicts)


def test_a_pair_of_unnamed_decimal_columns_is_still_coordinates() -> None:  # control: one place, two coordinates
    table = pa.table({"c1": _spectrum(0), "c2": _spectrum(1), "lat": _spectrum(40)})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE"] * 3
