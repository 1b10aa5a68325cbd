"""``maskline.masked_columns`` holds dates, times and storage paths to their written forms, and never passes text on a
NONE confidence alone (round ``rowguard3``; the core's tests: ``tests/core/test_row_guard_dates.py``).

Real dbt on DuckDB: the seed's last row, left out of the stored scan as a row past the sample, holds an e-mail in
every column. Before, a column passed for its calendar dates (``31.01.2024``) had no guard and let it through, and
storage paths with street words (``/data/mill/orders/12/export.parquet``) were read as addresses and redacted whole.
The controls: every sampled value is written unchanged.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tests.core.dated_rows import COLUMNS, dated_row
from tests.dbt.dbt_harness import (
    DbtProject,
    built_on_a_sample,
    text_seed_project,
)

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
SECRET = "quillon.vexmarra@example.com"
ROWS = 300
_row = dated_row


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project on DuckDB with a ``rg3_orders`` seed (every column text) and a model selecting it
    through ``maskline.masked_columns``."""
    rows = [",".join(_row(i)) for i in range(1, ROWS + 1)] + [f"{ROWS + 1}," + ",".join([SECRET] * len(COLUMNS))]
    return text_seed_project(tmp_path_factory.mktemp("dbt_rg3") / "project", "rg3_orders", COLUMNS, rows)


def _built(project: DbtProject, none_alone: str | None = None) -> tuple[Any, Any]:
    """rg3_orders_masked built under the default policy whose stored scan read every row but the last; with
    ``none_alone``, that column's verdict is replaced by text without a fact, NONE 0.98."""
    from maskline.classify.shape import ValueShape

    def edit(scan: Any) -> Any:
        return dataclasses.replace(scan, columns=tuple(
            dataclasses.replace(c, confidence=0.98, shape=ValueShape("text")) if c.name == none_alone else c
            for c in scan.columns))

    return built_on_a_sample(project, "rg3_orders", "rg3_orders_masked", edit if none_alone else None)


def test_a_secret_past_the_sample_of_dates_times_and_paths_is_redacted(project: DbtProject) -> None:
    raw, out = _built(project)
    for name in COLUMNS:
        assert raw[name].iloc[-1] == SECRET
        assert out[name].iloc[-1] == "[REDACTED]", name
        # the control: the scan passed the column, and every sampled value is written unchanged
        assert list(out[name].iloc[:-1]) == list(raw[name].iloc[:-1]), name


def test_text_judged_on_a_none_confidence_alone_is_masked(project: DbtProject) -> None:
    raw, out = _built(project, none_alone="output_path")
    assert set(out["output_path"]) == {"[REDACTED]"}
    assert list(out["order_date"]) == list(raw["order_date"].iloc[:-1]) + ["[REDACTED]"]  # the control
