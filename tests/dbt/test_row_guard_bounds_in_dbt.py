"""``maskline.masked_columns`` holds numbers and money amounts to the sample's width, dates to months' whole names or
standard abbreviations, and paths to a ``/`` and a listed end (round ``rowguard4``; the core's tests:
``tests/core/test_row_guard_bounds.py``).

Real dbt on DuckDB: the seed's last row, left out of the stored scan as a row past the sample, holds in each column a
secret that fitted main's form (a card's sixteen digits among scores, ``21 Janet 1990`` among dates, ``Ann.Smith``
among paths); main's generated macros let each through. The control: every sampled value is written unchanged.
"""

from __future__ import annotations

import pytest

from tests.core.bounded_rows import COLUMNS, SECRETS, bounded_row, secret_row
from tests.dbt.dbt_harness import (
    DbtProject,
    assert_only_the_last_row_redacted,
    built_on_a_sample,
    text_seed_project,
)

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
ROWS = 300


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project on DuckDB with a ``rg4_scores`` seed (every column text but ``id``) and a model
    selecting it through ``maskline.masked_columns``."""
    rows = [",".join(bounded_row(i)) for i in range(1, ROWS + 1)] + [",".join(secret_row(ROWS))]
    return text_seed_project(tmp_path_factory.mktemp("dbt_rg4") / "project", "rg4_scores", COLUMNS, rows)


def test_each_secret_that_fitted_mains_forms_is_redacted(project: DbtProject) -> None:
    raw, out = built_on_a_sample(project, "rg4_scores", "rg4_scores_masked")
    assert_only_the_last_row_redacted(raw, out, COLUMNS, SECRETS)
