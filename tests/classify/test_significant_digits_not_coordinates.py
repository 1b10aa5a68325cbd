"""Unnamed floats printed to a number of significant digits are computed numbers, not coordinates.

A place's coordinate is kept to a fixed number of decimals whatever its degrees (``8.384873``, ``55.122910``); a
statistics package prints a computed quantity to 7 significant digits, so it loses a decimal in each decade
(``0.6931472``, ``8.384873``, ``55.12291``). The controls are the shapes of the R datasets'
``fp:measurement-as-coordinate`` columns that sit two to four in one table (benchmarks/real_tables: log incomes
``DoctorContacts.linc``, ages in years and days ``MedExp.age``, rates ``countymurders.murdrate``, budget shares
``BudgetItaly.wfood``), so the lone-column rule (``classify/table_context.py``) does not reach them. The positives
(pass before and after) are GPS pairs with fixed decimals under opaque names over the world and over one country,
sparse and as text, named coordinates printed to 7 significant digits (the name decides), and a pair stored as
float32 and printed to 8 significant digits. Values are drawn with fixed seeds.
"""

from __future__ import annotations

import math
import random

import pyarrow as pa
import pytest

from maskline.classify import classify
from maskline.classify.decision import why_not_safe

ROWS = 300


def _sparse(values: list[float], rng: random.Random, share: float = 0.3) -> list[float | None]:
    return [None if rng.random() < share else v for v in values]


def _seven_digits(value: float) -> float:  # what R's print (7 significant digits) wrote, read back
    return float(f"{value:.7g}")


def _log_incomes(rng: random.Random) -> list[float]:  # log incomes: 2.1 ... 16.8
    return [_seven_digits(math.log(rng.lognormvariate(9, 3))) for _ in range(ROWS)]


def _rates(rng: random.Random) -> list[float]:  # murders per 10,000 people: 0.05 ... 40
    return [_seven_digits(rng.lognormvariate(0, 1.2)) for _ in range(ROWS)]


def _ages(rng: random.Random) -> list[float]:  # ages in years and days: 0.3 ... 64
    return [_seven_digits(rng.uniform(0.3, 64) + rng.random() / 365) for _ in range(ROWS)]


MEASUREMENTS = {"log_incomes": _log_incomes, "rates": _rates, "ages": _ages}


@pytest.mark.parametrize("kind", sorted(MEASUREMENTS))
def test_unnamed_floats_printed_to_significant_digits_are_not_coordinates(kind: str) -> None:
    """Three such columns in one table: the lone-column rule does not apply, the values decide."""
    rng = random.Random(f"sig-{kind}")
    table = pa.table({"x1": _sparse(MEASUREMENTS[kind](rng), rng), "x2": MEASUREMENTS[kind](rng),
                      "x3": _rates(rng), "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    verdicts = classify(table).by_name()
    for name in ("x1", "x2", "x3"):
        assert verdicts[name].info_type is None, (name, verdicts[name].evidence)
        assert "GEO_COORDINATE" in verdicts[name].signals.refuted
        assert why_not_safe(name, verdicts[name]) is not None  # untyped, still masked by the fail-closed decision


def _gps(rng: random.Random, centre: float, spread: float, decimals: int) -> list[float]:
    return [round(centre + rng.uniform(-spread, spread), decimals) for _ in range(ROWS)]


@pytest.mark.parametrize("decimals", [5, 6])
@pytest.mark.parametrize(("centre", "spread"), [((0.0, 0.0), 80.0), ((4.0, 8.0), 5.0)])
def test_an_opaque_gps_pair_with_fixed_decimals_is_still_coordinates(
        decimals: int, centre: tuple[float, float], spread: float) -> None:
    """Over the world, and over one country whose degrees cross from 1-9 into 10-99 (Nigeria, 4-14 N, 3-15 E)."""
    rng = random.Random(f"sig-gps-{decimals}-{spread}")
    table = pa.table({"c1": _sparse(_gps(rng, centre[0], spread, decimals), rng),
                      "c2": _sparse(_gps(rng, centre[1], spread * 2, decimals), rng),
                      "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE", None]


def test_an_opaque_gps_pair_as_text_is_still_coordinates() -> None:  # fixed decimals, trailing zeros kept
    rng = random.Random("sig-gps-text")
    table = pa.table({"c1": [f"{v:.6f}" for v in _gps(rng, 4.0, 5.0, 6)],
                      "c2": [f"{v:.6f}" for v in _gps(rng, 8.0, 10.0, 6)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE"]


def test_named_coordinates_printed_to_significant_digits_stay_coordinates() -> None:  # the name decides
    rng = random.Random("sig-named")
    table = pa.table({"latitude": [_seven_digits(v) for v in _gps(rng, 4.0, 5.0, 8)],
                      "longitude": [_seven_digits(v) for v in _gps(rng, 8.0, 10.0, 8)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE"]


def test_an_opaque_pair_stored_as_float32_is_still_coordinates() -> None:  # 8 digits, every one of them read back
    rng = random.Random("sig-f32")

    def printed_float32(value: float) -> float:
        return float(f"{float(pa.array([value], pa.float32()).to_pylist()[0]):.8g}")

    table = pa.table({"a": [printed_float32(v) for v in _gps(rng, 4.0, 5.0, 6)],
                      "b": [printed_float32(v) for v in _gps(rng, 8.0, 10.0, 6)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE"]
