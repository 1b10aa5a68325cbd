"""A single float column that reads as a coordinate by its values alone (no coordinate name, no other coordinate in
its table) and stays in a band of one sign is a measurement, not a place: a place has a latitude and a longitude.
It is left untyped; its coordinate-like shape still keeps it from passing raw.

The controls are the shapes of the R datasets' largest false-positive class (benchmarks/real_tables,
``fp:measurement-as-coordinate``): ages with repeating fractions (AER's CreditCard, ``33.66667`` = 101/3), prices
stored as float32 (Ecdat's FrozenJuice, ``27.20000076``), log wages in a narrow band. The positives are GPS pairs and
single coordinate columns spread over the world under opaque names, sparse. Values are drawn with fixed seeds.
"""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

from maskline.classify import classify
from maskline.classify.decision import why_not_safe
from maskline.classify.signals import IdentifyingShape

ROWS = 200


def _sparse(values: list[float], rng: random.Random, share: float = 0.3) -> list[float | None]:
    return [None if rng.random() < share else v for v in values]


def _table(column: list[float | None], rng: random.Random) -> pa.Table:  # the column beside plain counts and labels
    return pa.table({"v": column, "n_visits": [rng.randint(0, 40) for _ in range(ROWS)],
                     "segment": [rng.choice(["a", "b", "c"]) for _ in range(ROWS)]})


def _ages_in_thirds(rng: random.Random) -> list[float | None]:  # ages kept in months / 12 or averaged over 3
    return [round(rng.randint(18 * 12, 80 * 12) / rng.choice([3, 6, 12]) / (4 if rng.random() < 0.5 else 1), 5)
            for _ in range(ROWS)]


def _float32_prices(rng: random.Random) -> list[float | None]:  # 27.2 stored as float32, read back as a double
    return [float(pa.array([round(rng.uniform(20, 40), 1)], pa.float32()).to_pylist()[0]) if rng.random() < 0.5
            else round(rng.uniform(20, 40), 5) for _ in range(ROWS)]


def _log_wages(rng: random.Random) -> list[float | None]:
    return [round(rng.gauss(6.3, 0.4), 6) for _ in range(ROWS)]


CONTROLS = {"ages_in_thirds": _ages_in_thirds, "float32_prices": _float32_prices, "log_wages": _log_wages}


@pytest.mark.parametrize("kind", sorted(CONTROLS))
def test_a_lone_unnamed_measurement_is_not_a_coordinate(kind: str) -> None:
    rng = random.Random(f"lone-{kind}")
    verdict = classify(_table(CONTROLS[kind](rng), rng)).by_name()["v"]
    assert verdict.info_type is None
    assert "GEO_COORDINATE" in verdict.signals.refuted
    assert verdict.signals.identifying_shape is IdentifyingShape.COORDINATE_DECIMALS
    if kind != "ages_in_thirds":  # ages with one to five decimals: their shape is not a coordinate's (shape.py)
        assert why_not_safe("v", verdict) is not None  # untyped, still masked by the fail-closed decision


def _gps(rng: random.Random, centre: float, spread: float) -> list[float]:
    return [round(centre + rng.uniform(-spread, spread), 6) for _ in range(ROWS)]


def test_an_unnamed_gps_pair_of_one_country_is_still_coordinates() -> None:  # one place, two coordinates
    rng = random.Random("lone-pair")
    table = pa.table({"c1": _sparse(_gps(rng, 44.97, 4), rng), "c2": _sparse(_gps(rng, -93.26, 6), rng),
                      "n_visits": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE", None]


@pytest.mark.parametrize("bound", [90, 180])
def test_a_lone_unnamed_coordinate_over_the_world_is_still_a_coordinate(bound: int) -> None:
    rng = random.Random(f"lone-world-{bound}")
    column = _sparse([round(rng.uniform(-bound, bound), 6) for _ in range(ROWS)], rng)
    assert classify(_table(column, rng)).by_name()["v"].info_type == "GEO_COORDINATE"


def test_a_lone_named_latitude_of_one_region_is_still_a_coordinate() -> None:  # the name says what the band is
    rng = random.Random("lone-named")
    table = pa.table({"latitude": _sparse(_gps(rng, 44.97, 4), rng),
                      "n_visits": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert classify(table).by_name()["latitude"].info_type == "GEO_COORDINATE"


def test_a_lone_unnamed_lat_lon_text_is_still_a_coordinate() -> None:  # a pair in one column: both coordinates
    rng = random.Random("lone-text")
    pairs = [f"{rng.uniform(44.8, 45.1):.5f}, {rng.uniform(-93.4, -93.1):.5f}" for _ in range(ROWS)]
    table = pa.table({"v": pairs, "n_visits": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert classify(table).by_name()["v"].info_type == "GEO_COORDINATE"
