"""``maskline.masked_columns`` holds routing and product numbers to their check digits, ``0x`` ids to a hex letter,
media types and labels to their digits, and paths' dotted parts to an extension (round ``rowguard5``; the core's
tests: ``tests/core/test_row_guard_checks.py``).

Real dbt on DuckDB: the seed's last row, left out of the stored scan as a row past the sample, holds in each column a
secret that fitted main's form (an SSN among routing numbers, a 13-digit card among product numbers, a card's digits
behind ``0x`` and as a media subtype, a name and postal code among labels, ``x/Ann.Smith/`` among paths); main's
generated macros let each through. The control: every sampled value is written unchanged.
"""

from __future__ import annotations

import pytest

from tests.core.guarded_rows import COLUMNS, SECRETS, guarded_row, secret_row
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
    """The integration project on DuckDB with a ``rg5_guarded`` seed (every column text but ``id``) and a model
    selecting it through ``maskline.masked_columns``."""
    rows = [",".join(guarded_row(i)) for i in range(1, ROWS + 1)] + [",".join(secret_row(ROWS))]
    return text_seed_project(tmp_path_factory.mktemp("dbt_rg5") / "project", "rg5_guarded", COLUMNS, rows)


def test_each_secret_that_fitted_mains_forms_is_redacted(project: DbtProject) -> None:
    raw, out = built_on_a_sample(project, "rg5_guarded", "rg5_guarded_masked")
    assert_only_the_last_row_redacted(raw, out, COLUMNS, SECRETS)
