"""dbt-ol's lineage records what the build did to a column its table's stored scan never saw.

Under a synced ``unclassified: pass`` policy, ``maskline.masked_columns`` redacts a column the stored scan of its
table never saw (added upstream since: nobody judged it), as the core's plan masks it
(``decide_unnamed(..., table_scanned=True)``). The dbt-ol enrichment reads the same rule from the manifest
(:func:`openlineage_ext.dbt_manifest.unclassified_redacted`), so lineage says the column is masked; the control
(the column in the scan, judged not sensitive) passes raw, and lineage says so.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dbt.dbt_harness import DbtProject, built_with_scan_lacking, unsynced_project, unsynced_table

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]
OUTPUT = ("id", "email")  # the output columns dbt-ol reads from the event


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """The integration project on DuckDB without its maskline_unclassified var (a synced policy decides), seeded."""
    return unsynced_project(tmp_path_factory.mktemp("dbt_unscanned") / "project")


def _build_and_lineage(project: DbtProject, drop: tuple[str, ...]) -> tuple[Any, Any, dict[str, Any]]:
    """Build customers_masked under a synced `unclassified: pass` policy whose stored scan of raw_customers lacks
    ``drop``; return the raw and built tables and dbt-ol's plan of the model, by lower-case column name."""
    from openlineage_ext.dbt_manifest import load_manifest, model_plan

    with built_with_scan_lacking(project, drop):
        manifest = load_manifest(project.root / "target" / "manifest.json")
        node = next(n for n in manifest.nodes() if n.get("name") == "customers_masked")
        plan = {c.name.lower(): c for c in model_plan(manifest, node, OUTPUT).columns}
    return unsynced_table(project, "raw_customers"), unsynced_table(project, "customers_masked"), plan


def test_lineage_records_the_redaction_of_a_column_the_stored_scan_never_saw(project: DbtProject) -> None:
    raw, out, plan = _build_and_lineage(project, drop=("id",))
    assert not set(map(str, out["id"])) & set(map(str, raw["id"]))  # the build redacted it
    assert plan["id"].masked and plan["id"].method.name == "redact"  # and lineage says so
    assert "not in the stored scan" in plan["id"].rule
    assert plan["email"].masked  # the scan's verdict still decides what it judged


def test_lineage_records_a_column_the_stored_scan_judged_as_passed(project: DbtProject) -> None:
    # The control: the same build with `id` in the scan (judged not sensitive) writes the raw ids, and lineage
    # records it passed, so the test above can fail.
    raw, out, plan = _build_and_lineage(project, drop=())
    assert sorted(map(str, out["id"])) == sorted(map(str, raw["id"]))
    assert not plan["id"].masked
    assert plan["email"].masked
