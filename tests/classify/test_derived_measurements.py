"""A number that is, row by row, the sum, difference, product or ratio of two other number columns of its table is a
computed measurement, not a postcode or a coordinate: those are recorded, never computed from a row's other numbers.
Such a column is left untyped, with its reading as a near miss, so the fail-closed default still masks it.

The shapes are the R datasets' (benchmarks/real_tables): a vote count that is one count minus a margin (pscl's
``absentee.machrep``: five digits, some four, read as ZIP codes that lost a leading zero) and a product of an altitude
and a lateral distance under a name holding ``Lat`` (Stat2Data's ``FlightResponse.AltLat``). The values of each
target are drawn the way real postcodes and coordinates are, so only the row-by-row relation can refute them: the
same values in shuffled rows stay typed. Controls: ZIP codes and coordinates beside counts, sparse ones, a copy of a
ZIP column plus a mostly-zero offset, and a trip's start and end latitudes with their difference (three columns
tied by one relation, each computed from the other two, all read as coordinates). Values are drawn with fixed seeds.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from maskline.classify import classify
from maskline.classify.decision import why_not_safe

ROWS = 40


def _zips(rng: random.Random) -> list[int]:  # ZIP codes as integers: a fifth of them lost their leading zero
    return [rng.randint(1001, 9999) if rng.random() < 0.2 else rng.randint(10000, 99999) for _ in range(ROWS)]


def _vote_table(rng: random.Random, target: list[int]) -> dict[str, list[int]]:
    """``c2`` drawn like ZIP codes, ``dem`` another count, and their margin: c2 = dem - margin in every row."""
    dem = [rng.randint(30000, 90000) for _ in range(ROWS)]
    return {"district": list(range(1, ROWS + 1)), "dem": dem, "c2": target,
            "margin": [d - r for d, r in zip(dem, target, strict=True)]}


def test_a_count_that_is_one_count_minus_another_is_not_a_postcode() -> None:
    rng = random.Random("derived-votes")
    verdict = classify(pa.table(_vote_table(rng, _zips(rng)))).by_name()["c2"]
    assert verdict.info_type is None
    assert "POSTAL_CODE" in verdict.signals.refuted
    assert why_not_safe("c2", verdict) == f"near miss: POSTAL_CODE {verdict.signals.near_misses[0].confidence:.2f}"


def test_the_same_table_read_from_a_csv_file_gives_the_same_answer(tmp_path: Path) -> None:  # DuckDB's sample
    rng = random.Random("derived-votes")
    path = tmp_path / "votes.csv"
    pacsv.write_csv(pa.table(_vote_table(rng, _zips(rng))), path)
    assert classify(str(path)).by_name()["c2"].info_type is None


def test_the_same_values_in_other_rows_are_still_postcodes() -> None:  # the relation, not the values, refutes
    rng = random.Random("derived-votes")
    table = _vote_table(rng, _zips(rng))
    rng.shuffle(table["c2"])
    assert classify(pa.table(table)).by_name()["c2"].info_type == "POSTAL_CODE"


def _flights(rng: random.Random) -> dict[str, list[float]]:
    altitude = [rng.choice([0.91, 1.52, 3.05, 4.57, 6.1, 9.14, 12.19]) for _ in range(ROWS)]
    lateral = [round(rng.uniform(0.1, 80), 2) for _ in range(ROWS)]
    return {"Altitude": altitude, "Lateral": lateral,
            "AltLat": [round(a * b, 4) for a, b in zip(altitude, lateral, strict=True)]}


def test_a_product_of_two_measurements_under_a_lat_name_is_not_a_coordinate() -> None:
    verdict = classify(pa.table(_flights(random.Random("derived-flights")))).by_name()["AltLat"]
    assert verdict.info_type is None
    assert why_not_safe("AltLat", verdict) is not None  # untyped, still masked by the fail-closed decision


@pytest.mark.parametrize("sparse", [False, True])
def test_zip_codes_beside_counts_are_still_postcodes(sparse: bool) -> None:
    rng = random.Random(f"derived-zips-{sparse}")
    zips: list[int | None] = [None if sparse and rng.random() < 0.4 else z for z in _zips(rng)]
    visits, spend = [rng.randint(0, 40) for _ in range(ROWS)], [rng.randint(100, 90000) for _ in range(ROWS)]
    table = {"zip": zips, "visits": visits, "spend": spend,
             "total": [v + s for v, s in zip(visits, spend, strict=True)]}  # a derived count beside the codes
    assert classify(pa.table(table)).by_name()["zip"].info_type == "POSTAL_CODE"


def test_a_zip_column_equal_to_its_copy_plus_a_mostly_zero_offset_is_still_a_postcode() -> None:
    rng = random.Random("derived-copy")
    zips = _zips(rng)
    offset = [1 if rng.random() < 0.1 else 0 for _ in range(ROWS)]
    table = {"postcode": zips, "postcode_before": [z - o for z, o in zip(zips, offset, strict=True)],
             "moved": offset}
    verdicts = classify(pa.table(table)).by_name()
    assert verdicts["postcode"].info_type == "POSTAL_CODE"


def test_a_trips_latitudes_and_their_difference_are_still_coordinates() -> None:  # each is the others' sum
    rng = random.Random("derived-trips")
    start = [round(36.03 + rng.uniform(-0.05, 0.05), 6) for _ in range(ROWS)]
    delta = [round(rng.uniform(-0.02, 0.02), 6) for _ in range(ROWS)]
    end = [round(s + d, 6) for s, d in zip(start, delta, strict=True)]
    table = {"start_lat": start, "end_lat": end, "d_lat": delta,
             "start_lon": [round(-78.90 + rng.uniform(-0.05, 0.05), 6) for _ in range(ROWS)]}
    verdicts = classify(pa.table(table)).by_name()
    assert verdicts["start_lat"].info_type == verdicts["end_lat"].info_type == "GEO_COORDINATE"


def test_random_columns_are_not_derived() -> None:  # the test is strict: chance does not pass it
    from maskline.classify.derived_columns import (
        derived_from_siblings,  # new here: imported where it is tested
    )

    rng = random.Random("derived-chance")
    heads = {f"c{i}": tuple(float(rng.randint(1, 99999)) for _ in range(ROWS)) for i in range(30)}
    assert all(derived_from_siblings(name, heads) is None for name in heads)
