"""Unnamed floats whose decimals arithmetic wrote are not coordinates, even several in one table.

A GPS reading's fifth to eighth decimals are drawn digits. The controls are the shapes of the R datasets'
``fp:measurement-as-coordinate`` columns that sit beside other unnamed "coordinates" (benchmarks/real_tables), so
the lone-column rule (``classify/table_context.py``) does not reach them: scores in sixths (``bdf.currmeet``
1.83333), quarterly means of monthly rates (``MoneyUS.y`` 2.036667 = 6.11/3), prices stored as float32 and printed
by R (``Catsup.price.*`` 5.0000001, ``FrozenJuice.ppi`` 27.20000076). The positives are random GPS values with 5 to
7 decimals under opaque names, in pairs, sparse, and named coordinates in degrees and minutes (11/12 of a degree is
a repeating fraction; the name decides). Values are drawn with fixed seeds.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from maskline.classify import classify
from maskline.classify.decision import why_not_safe

ROWS = 200


def _sparse(values: list[float], rng: random.Random, share: float = 0.3) -> list[float | None]:
    return [None if rng.random() < share else v for v in values]


def _printed_float32(value: float) -> float:  # stored as float32, written by R with 8 significant digits, read back
    return float(f"{float(pa.array([value], pa.float32()).to_pylist()[0]):.8g}")


def _sixths(rng: random.Random) -> list[float]:
    return [round(rng.randint(6, 120) / 6, 5) for _ in range(ROWS)]


def _quarterly_means(rng: random.Random) -> list[float]:  # the mean of three monthly rates kept to two decimals
    return [round(sum(round(rng.uniform(0.5, 15), 2) for _ in range(3)) / 3, 6) for _ in range(ROWS)]


def _float32_prices(rng: random.Random) -> list[float]:
    return [_printed_float32(round(rng.uniform(2, 40), 1)) for _ in range(ROWS)]


def _thirds(rng: random.Random) -> list[float]:  # ages in months / 12 averaged over three visits, and the like
    return [round(rng.randint(18 * 12, 80 * 12) / rng.choice([3, 9, 12]), 5) for _ in range(ROWS)]


MEASUREMENTS = {"sixths": _sixths, "quarterly_means": _quarterly_means, "float32_prices": _float32_prices,
                "thirds": _thirds}


@pytest.mark.parametrize("kind", sorted(MEASUREMENTS))
def test_unnamed_floats_written_by_arithmetic_are_not_coordinates(kind: str) -> None:
    """Two to four such columns in one table: the lone-column rule does not apply, the values decide."""
    rng = random.Random(f"arith-{kind}")
    table = pa.table({"x1": _sparse(MEASUREMENTS[kind](rng), rng), "x2": MEASUREMENTS[kind](rng),
                      "x3": _sixths(rng), "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    verdicts = classify(table).by_name()
    for name in ("x1", "x2", "x3"):
        assert verdicts[name].info_type is None, (name, verdicts[name].evidence)
        assert "GEO_COORDINATE" in verdicts[name].signals.refuted


def _gps(rng: random.Random, centre: float, spread: float, decimals: int) -> list[float]:
    return [round(centre + rng.uniform(-spread, spread), decimals) for _ in range(ROWS)]


@pytest.mark.parametrize("decimals", [5, 6, 7])
@pytest.mark.parametrize(("centre", "spread"), [((44.97, -93.26), 4.0), ((0.0, 0.0), 80.0)])
def test_an_opaque_gps_pair_is_still_coordinates(decimals: int, centre: tuple[float, float], spread: float) -> None:
    rng = random.Random(f"arith-gps-{decimals}-{spread}")
    table = pa.table({"c1": _sparse(_gps(rng, centre[0], spread, decimals), rng),
                      "c2": _sparse(_gps(rng, centre[1], spread * 2, decimals), rng),
                      "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE", None]


def test_opaque_gps_pairs_stored_as_float32_are_still_coordinates() -> None:  # float32 noise on drawn decimals
    rng = random.Random("arith-gps-f32")
    table = pa.table({"a": [_printed_float32(v) for v in _gps(rng, 48.85, 3, 6)],
                      "b": [_printed_float32(v) for v in _gps(rng, 2.35, 3, 6)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE"]


def test_named_coordinates_in_degrees_and_minutes_stay_coordinates() -> None:  # 45 + 55/60 = 45.916667
    rng = random.Random("arith-minutes")

    def degrees_minutes(low: int, high: int) -> list[float]:
        return [round(rng.randint(low, high) + rng.choice(range(5, 60, 5)) / 60, 6) for _ in range(ROWS)]

    table = pa.table({"latitude": degrees_minutes(40, 48), "longitude": degrees_minutes(-80, -70)})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE"]


def test_unnamed_coordinates_in_degrees_and_minutes_are_untyped_but_stay_masked() -> None:  # a known limit
    """Minutes are sixtieths (44 + 8/60 = 132.4/3): by their values alone such columns read as arithmetic, like a
    mean of three rates. Untyped, they stay near misses, so the fail-closed decision still masks them."""
    rng = random.Random("arith-minutes-opaque")

    def degrees_minutes(low: int, high: int) -> list[float]:
        return [round(rng.randint(low, high) + rng.randint(0, 59) / 60, 6) for _ in range(ROWS)]

    verdicts = classify(pa.table({"c1": degrees_minutes(40, 48), "c2": degrees_minutes(-80, -70)})).columns
    assert [c.info_type for c in verdicts] == [None, None]
    assert all(why_not_safe(c.name, c) is not None for c in verdicts)
