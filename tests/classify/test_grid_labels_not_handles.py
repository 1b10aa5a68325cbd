"""Labels crossed from a few short lists, built of words that happen to be first names (campaign slugs, product
variants, hosts, city-and-year labels), are not login handles; handles built on names stay USERNAME, sparse ones
and ones that share a number included. Every column is checked alone and through the table path.

Values are written here; none comes from the benchmark's splits.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.classify import classify, classify_column
from maskline.infotypes.grid_labels import grid_labels, grid_share

GRID_LABELS = {
    "campaign": [f"summer-sale-{y}" for y in range(2000, 2020)],
    "promo": [f"{s}_promo_{y}" for s in ("spring", "summer", "autumn", "winter") for y in range(18, 25)],
    "model_year": [f"{n}_{y}" for n in ("mercedes", "victoria", "jordan", "madison", "aurora", "sierra")
                   for y in range(2015, 2022)],
    "sku": [f"{n}-sofa-{i}" for n in ("victoria", "grace", "oliver", "harper", "luna", "stella") for i in range(1, 6)],
    "host": [f"{n}-prod-{i:02d}" for n in ("ruby", "jade", "amber", "iris", "rose", "ivy") for i in range(1, 5)],
    "city_year": [f"{c}_{y}" for c in ("paris", "london", "austin", "victoria", "florence", "charlotte", "madison",
                                       "jackson", "phoenix", "sydney") for y in (2019, 2020, 2021)],
    "furniture": [f"{n}-{t}" for n in ("victoria", "grace", "oliver", "harper", "luna", "stella")
                  for t in ("sofa", "chair", "table", "lamp")],  # no number: a list of names crossed with one of things
    "sprint": [f"sprint_{n}_{i}" for n in ("jack", "jill") for i in range(1, 10)],
}

GIVEN = ["deborah", "samuel", "maria", "lucas", "helena", "tomas", "noemi", "arturo", "celine", "bruno", "ingrid",
         "rafael", "lorena", "matteo", "yvonne", "oscar"]
FAMILY = ["holland", "diaz", "hensley", "moreau", "castillo", "brandt", "ferreira", "novak", "lindqvist", "okafor",
          "marchetti", "dubois", "keller", "romero", "vidal", "schultz"]


def _handles(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        h = rng.choice([f"{g}{rng.randint(1, 99)}", f"{g[0]}{f}", f"{g}.{f}", f"{g}_{f}{rng.randint(1, 9)}",
                        f"{f}{g}", f"{g}{rng.randint(1950, 2008)}"])
        if h not in out:
            out.append(h)
    return out


@pytest.mark.parametrize("name", sorted(GRID_LABELS))
def test_labels_crossed_from_short_lists_are_not_usernames(name: str) -> None:
    values = GRID_LABELS[name]
    assert classify_column(name, values).info_type is None
    table = classify(pd.DataFrame({name: values}), table="marketing")
    assert table.columns[0].info_type is None


@pytest.mark.parametrize("name", sorted(GRID_LABELS))
def test_grid_labels_refute_each_crossed_column(name: str) -> None:
    reason = grid_labels(GRID_LABELS[name])
    assert reason is not None and reason.startswith("grid labels")


def test_handles_built_on_names_stay_usernames() -> None:
    for n, seed in ((12, 1), (16, 2), (40, 3), (300, 4)):
        handles = _handles(n, seed)
        assert grid_labels(handles) is None
        assert classify_column("f5", handles).info_type == "USERNAME", (n, seed)
        assert classify(pd.DataFrame({"f5": handles}), table="t").columns[0].info_type == "USERNAME"


def test_handles_that_share_a_number_are_not_a_grid() -> None:
    # One number after many names: people add "1" to a taken handle; no word repeats, so no list is crossed.
    handles = [f"{g}1" for g in GIVEN]
    assert grid_share(handles) == 0.0
    assert classify_column("f5", handles + _handles(8, 5)).info_type == "USERNAME"


def test_first_and_last_names_that_repeat_fill_a_grid_sparsely() -> None:
    rng = random.Random(9)
    handles = sorted({f"{rng.choice(GIVEN[:6])}.{rng.choice(FAMILY[:8])}" for _ in range(20)})
    assert grid_share(handles) == 0.0  # six names by eight surnames, under half the pairs present
    assert classify_column("f5", handles).info_type == "USERNAME"


def test_name_and_year_handles_are_still_typed() -> None:
    # A known limit, kept on purpose: storms and people are both a name and a year, with nothing to tell them
    # apart in the values (katrina_2005 is deborah_1987's shape); only a column name can.
    storms = ["katrina_2005", "rita_2005", "wilma_2005", "sandy_2012", "harvey_2017", "irma_2017", "maria_2017",
              "michael_2018", "florence_2018", "dorian_2019", "laura_2020", "sally_2020"]
    assert grid_labels(storms) is None
