"""Phone numbers stored as numbers under names that say nothing (classify/shape.py, ``planned_width_numbers``): the
fail-closed decision masks whole numbers of one width from seven to twelve digits whose leading digits keep to a
few, as a numbering plan's do.

Found on a probe of public tables (`extcsv14`): a car rental's staff table kept seven-digit local phones as
integers (eleven rows), and the decision passed them raw as "numeric, not sensitive (0.95)", under their own name
and under ``c5``. Nothing in such values tells them from some record numbers, so they are masked, not typed.

Controls, each passing the decision as before: record numbers drawn over a width's whole range (they open with
every digit; under a name that says keys since extcsv19, which masks many of them under a placeholder name), amounts spread over magnitudes, measurements with decimals, a run of row ids. Values are drawn here
with fixed seeds from ranges written for the test; none comes from the probe or the benchmark's splits.
"""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pytest

from maskline.classify import classify, classify_column
from maskline.classify.decision import decide_unnamed
from maskline.policy import load_policy


def _decision(name: str, values: object) -> tuple[bool, str]:
    d = decide_unnamed(load_policy({}), name, classify_column(name, values))
    return d.method is not None, d.rule


def _local_phones(r: random.Random, n: int) -> list[int]:
    # seven digits opening with a mobile block's digit (6, 7 or 8), the rest drawn
    return [int(r.choice("678") + "".join(r.choice("0123456789") for _ in range(6))) for _ in range(n)]


def _eight_digit_mobiles(r: random.Random, n: int) -> list[int]:
    # eight digits opening with 4 or 9, as a country without a trunk prefix writes its mobiles
    return [int(r.choice("49") + "".join(r.choice("0123456789") for _ in range(7))) for _ in range(n)]


def _behind_one_area_code(r: random.Random, n: int) -> list[int]:
    # a trunk zero lost in front of one area code and a subscriber number of six digits
    return [int("9443" + "".join(r.choice("0123456789") for _ in range(6))) for _ in range(n)]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("rows", [11, 60])
@pytest.mark.parametrize("name", ["c5", "simi"])
def test_local_phones_stored_as_integers_are_masked(seed: int, rows: int, name: str) -> None:
    masked, rule = _decision(name, pa.array(_local_phones(random.Random(seed), rows), pa.int64()))
    assert masked, rule


@pytest.mark.parametrize("seed", [3, 4])
def test_eight_digit_mobiles_stored_as_integers_are_masked(seed: int) -> None:
    masked, rule = _decision("f14", pa.array(_eight_digit_mobiles(random.Random(seed), 40), pa.int64()))
    assert masked, rule


@pytest.mark.parametrize("seed", [5, 6])
def test_numbers_behind_one_area_code_stored_as_integers_are_masked(seed: int) -> None:
    masked, rule = _decision("x3", pa.array(_behind_one_area_code(random.Random(seed), 40), pa.int64()))
    assert masked, rule


def test_phones_stored_as_whole_floats_in_a_csv_are_masked(tmp_path: Path) -> None:
    r = random.Random(7)
    path = tmp_path / "t00.csv"
    path.write_text("c1,c2\n" + "".join(f"{i},{float(p)!r}\n" for i, p in enumerate(_local_phones(r, 30))))
    verdict = classify(str(path)).by_name()["c2"]
    assert verdict.info_type is None
    assert decide_unnamed(load_policy({}), "c2", verdict).method is not None


# Controls: what passed before passes still.

@pytest.mark.parametrize("rows", [11, 200])
def test_record_numbers_drawn_over_the_whole_width_pass(rows: int) -> None:
    """Under ``fld_k`` until extcsv19. Seven-digit numbers drawn over their width are not a plan's phones (this
    rule), but 200 distinct ones under a placeholder name are as wide as accounts stored as numbers and masked for
    that since (tests/classify/test_wide_integers_opaque_names.py); under a name that says keys they pass, and
    under ``fld_k`` this rule still does not read them."""
    r = random.Random(8)
    values = pa.array([r.randrange(10**6, 10**7) for _ in range(rows)], pa.int64())
    masked, rule = _decision("visit_id", values)
    assert not masked, rule
    assert "one plan's width" not in _decision("fld_k", values)[1]


def test_amounts_spread_over_magnitudes_pass() -> None:
    r = random.Random(76)
    masked, rule = _decision("c2", pa.array([int(10 ** r.uniform(2, 8)) for _ in range(200)], pa.int64()))
    assert not masked, rule


def test_measurements_with_decimals_pass() -> None:
    r = random.Random(10)
    values = pa.array([round(r.uniform(6_000_000, 8_999_999), 2) + 0.01 for _ in range(60)], pa.float64())
    masked, rule = _decision("c3", values)
    assert not masked, rule


def test_a_run_of_row_ids_passes() -> None:
    masked, rule = _decision("c1", pa.array(list(range(6_000_001, 6_000_061)), pa.int64()))
    assert not masked, rule
