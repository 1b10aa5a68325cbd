"""Logarithms of counts and amounts, and measurements named in abbreviations, are not coordinates.

Two shapes of the real tables' remaining ``fp:measurement-as-coordinate`` (benchmarks/real_tables, round
``coordfp2``), two or more in one table so the lone-column rule (``classify/table_context.py``) does not reach them:

- natural logarithms of whole numbers or of amounts in cents, printed to 7 significant digits (``6.907755`` is
  ln 1000): a drawn decimal's exponential lands that close to a whole number or a cent about 1% of the time
  (:func:`maskline.infotypes.arithmetic_decimals.log_of_short_number`);
- measurements under names whose structure says a quantity, not a place, though no word of them is in a dictionary:
  an aggregate or an adjusted value in a run-together abbreviation, a difference, a logarithm, a unit of a ratio
  (:func:`maskline.infotypes.measurement_names.names_a_measurement`).

Both are refutations, not settled: the column stays a near miss and the fail-closed decision still masks it.
Controls (pass before and after): opaque GPS pairs whose degrees are small and positive, where the logarithm test
can tell; the same drawn decimals under opaque names; coordinate names that carry a measurement word
(``lat_adj``, ``delta_lon``); a position on a local map in kilometres. Values are drawn with fixed seeds; no name
or value comes from the R datasets.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pyarrow as pa
import pytest

from maskline.classify import classify
from maskline.classify.decision import why_not_safe

ROWS = 300


def _sparse(values: list[float], rng: random.Random, share: float = 0.3) -> list[float | None]:
    return [None if rng.random() < share else v for v in values]


def _logged(value: float) -> float:  # ln, as R's print (7 significant digits) wrote it, read back
    return float(f"{math.log(value):.7g}")


def _counts(rng: random.Random) -> float:  # visits, household sizes, ages: 5 ... 2000
    return float(rng.randint(5, 2000))


def _cents(rng: random.Random) -> float:  # prices and incomes in cents: about 7 ... 1100
    return round(rng.lognormvariate(5, 1) + 5, 2)


LOGGED: dict[str, Callable[[random.Random], float]] = {"counts": _counts, "cents": _cents}


@pytest.mark.parametrize("kind", sorted(LOGGED))
def test_natural_logarithms_of_counts_or_amounts_are_not_coordinates(kind: str) -> None:
    rng = random.Random(f"logs-{kind}")
    table = pa.table({"v1": _sparse([_logged(LOGGED[kind](rng)) for _ in range(ROWS)], rng),
                      "v2": [_logged(LOGGED[kind](rng)) for _ in range(ROWS)],
                      "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    verdicts = classify(table).by_name()
    for name in ("v1", "v2"):
        assert verdicts[name].info_type is None, (name, verdicts[name].evidence)
        assert "GEO_COORDINATE" in verdicts[name].signals.refuted
        assert why_not_safe(name, verdicts[name]) is not None  # untyped, still masked by the fail-closed decision


@pytest.mark.parametrize("decimals", [5, 6])
def test_drawn_decimals_are_rarely_logarithms_of_short_numbers(decimals: int) -> None:
    """The property is not trivially true: drawn decimals over small degrees pass about 1% of the time."""
    from maskline.infotypes.arithmetic_decimals import log_of_short_number

    rng = random.Random(f"logs-chance-{decimals}")
    told = [log_of_short_number(f"{rng.uniform(0.5, 9.5):.{decimals}f}") for _ in range(5000)]
    passed = [t for t in told if t is not None]
    assert len(passed) > 3000 and sum(passed) / len(passed) < 0.02  # most can tell (exp(v) * 10**-d small)
    logs = [log_of_short_number(repr(_logged(_counts(rng)))) for _ in range(1000)]
    assert sum(bool(t) for t in logs) / len(logs) > 0.95


def _gps(rng: random.Random, low: float, high: float, decimals: int) -> list[float]:
    return [round(rng.uniform(low, high), decimals) for _ in range(ROWS)]


@pytest.mark.parametrize("decimals", [5, 6])
def test_an_opaque_gps_pair_of_small_positive_degrees_is_still_coordinates(decimals: int) -> None:
    """Degrees 1-9 north and east (Nigeria, Benin), where the logarithm test can tell."""
    rng = random.Random(f"logs-gps-{decimals}")
    table = pa.table({"c1": _sparse(_gps(rng, 4.0, 9.0, decimals), rng), "c2": _gps(rng, 1.0, 9.0, decimals),
                      "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE", None]


# Run-together abbreviations of aggregates and adjusted values, a difference, a logarithm, units of ratios.
MEASUREMENT_NAMES = ("totinv", "hhinc", "adjprc", "adj_qx", "diff_q3", "ln_gdppc", "Delta 18 O (o/oo)",
                     "rtn (%)", "conc [mg/L]")


def _drawn(rng: random.Random) -> list[float]:  # five drawn decimals over 0-60: what a coordinate reading needs
    return [round(rng.uniform(0.5, 60.0), 5) for _ in range(ROWS)]


@pytest.mark.parametrize("name", MEASUREMENT_NAMES)
def test_measurements_named_in_abbreviations_are_not_coordinates(name: str) -> None:
    """Two such columns in one table (more than four read as a matrix of measurements on main already)."""
    rng = random.Random(f"measurement-names-{name}")
    names = (name, f"{name} 2")
    table = pa.table({names[0]: _drawn(rng), names[1]: _drawn(rng), "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    verdicts = classify(table).by_name()
    for column in names:
        assert verdicts[column].info_type is None, (column, verdicts[column].evidence)
        assert "GEO_COORDINATE" in verdicts[column].signals.refuted
        assert why_not_safe(column, verdicts[column]) is not None  # a near miss: still masked


@pytest.mark.parametrize("names", [("c1", "c2"), ("lat_adj", "lon_adj"), ("delta_lat", "delta_lon"),
                                   ("X (km)", "Y (km)"), ("latitude (deg)", "longitude (deg)")])
def test_the_same_decimals_under_opaque_or_coordinate_names_are_still_coordinates(names: tuple[str, str]) -> None:
    rng = random.Random(f"measurement-names-{names[0]}")
    table = pa.table({names[0]: _drawn(rng), names[1]: _drawn(rng), "n": [rng.randint(0, 40) for _ in range(ROWS)]})
    assert [c.info_type for c in classify(table).columns] == ["GEO_COORDINATE", "GEO_COORDINATE", None]
