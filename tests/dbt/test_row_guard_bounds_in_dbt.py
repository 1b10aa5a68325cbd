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
from tests.dbt.dbt_harness import DbtProject, built_on_a_sample, unsynced_project

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
ROWS = 300


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project on DuckDB with a ``rg4_scores`` seed (every column text but ``id``) and a model
    selecting it through ``maskline.masked_columns``."""
    project = unsynced_project(tmp_path_factory.mktemp("dbt_rg4") / "project")
    rows = [",".join(bounded_row(i)) for i in range(1, ROWS + 1)] + [",".join(secret_row(ROWS))]
    (project.root / "seeds" / "rg4_scores.csv").write_text("id," + ",".join(COLUMNS) + "\n" + "\n".join(rows) + "\n")
    (project.root / "seeds" / "rg4_scores.yml").write_text(
        "version: 2\nseeds:\n  - name: rg4_scores\n    config:\n      column_types: {id: integer, "
        + ", ".join(f"{c}: varchar" for c in COLUMNS) + "}\n")
    (project.root / "models" / "rg4_scores_masked.sql").write_text(
        "select {{ maskline.masked_columns(ref('rg4_scores')) }} from {{ ref('rg4_scores') }}\n")
    project.run("seed", "--select", "rg4_scores")
    return project


def test_each_secret_that_fitted_mains_forms_is_redacted(project: DbtProject) -> None:
    raw, out = built_on_a_sample(project, "rg4_scores", "rg4_scores_masked")
    for name, secret in zip(COLUMNS, SECRETS, strict=True):
        assert raw[name].iloc[-1] == secret
        assert out[name].iloc[-1] == "[REDACTED]", name
        # the control: the scan passed the column, and every sampled value is written unchanged
        assert list(out[name].iloc[:-1]) == list(raw[name].iloc[:-1]), name
