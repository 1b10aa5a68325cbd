"""`maskline dbt check` on incremental models: a read of `{{ this }}` is the model's own output, not a new source.

A standard incremental model filters new rows with a subquery over `{{ this }}`; that read feeds a filter only,
so the check must not call the model untraceable. Where `{{ this }}`'s columns do reach the output (a `select *
from {{ this }} union all ...`), they carry what the model writes in them: nothing when it masks, the raw value
when it leaks, which the check reports.
"""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject
from tests.dbt.fresh_project import fresh_project, raw_people_seed

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

SEED = raw_people_seed("id,email,updated_at\n"
                       "1,alice@example.com,2024-01-01\n2,bob@example.org,2024-01-02\n3,carol@example.net,2024-01-03\n",
                       {"email": "EMAIL"})
INCREMENTAL = "{{ config(materialized='incremental', unique_key='id') }}\n"
NEW_ROWS = ("{% if is_incremental() %} where updated_at > (select max(updated_at) from {{ this }}) {% endif %}\n")
MODELS = {
    # the standard incremental model: {{ this }} only feeds the filter
    "inc_filter": INCREMENTAL + "select id, {{ maskline.mask('email', 'email') }} as email, updated_at\n"
                  "from {{ ref('raw_people') }}\n" + NEW_ROWS,
    # {{ this }}'s columns reach the output, and they hold what this model wrote: masked e-mails
    "inc_union_masked": INCREMENTAL + "{% if is_incremental() %} select * from {{ this }} union all {% endif %}\n"
                        "select id, {{ maskline.mask('email', 'email') }} as email, updated_at\n"
                        "from {{ ref('raw_people') }}\n" + NEW_ROWS,
    # the control: the same shape writing the raw e-mail, which {{ this }} then carries too
    "inc_union_leak": INCREMENTAL + "{% if is_incremental() %} select * from {{ this }} union all {% endif %}\n"
                      "select id, email, updated_at from {{ ref('raw_people') }}\n" + NEW_ROWS,
}


@pytest.fixture(scope="module")
def incremental(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    """Built twice: the second build is incremental, so the manifest holds the `{{ this }}` reads."""
    files = {**SEED, **{f"models/{name}.sql": sql for name, sql in MODELS.items()}}
    project = fresh_project(tmp_path_factory.mktemp("dbt_incremental") / "project", files)
    project.run("build")
    project.run("build")
    return project


def _findings(project: DbtProject) -> list[tuple[str, str, str | None]]:
    from maskline.dbt.check import check_project

    return sorted((f.kind, f.node.rsplit(".", 1)[1], f.column) for f in check_project(project.root))


def test_the_manifest_holds_the_incremental_reads_of_this(incremental: DbtProject) -> None:
    nodes = incremental.manifest()["nodes"]
    assert all(nodes[f"model.fresh.{name}"]["relation_name"] in nodes[f"model.fresh.{name}"]["compiled_code"]
               for name in MODELS)


def test_a_filter_over_this_and_a_masked_union_with_this_pass_and_a_leaking_union_is_reported(
        incremental: DbtProject) -> None:
    assert _findings(incremental) == [("unmasked", "inc_union_leak", "email")]


def test_a_read_of_a_column_the_model_does_not_output_is_reported(incremental: DbtProject) -> None:
    import json

    from maskline.dbt.check import check_manifest

    manifest = json.loads(json.dumps(incremental.manifest()))
    node = manifest["nodes"]["model.fresh.inc_union_masked"]
    this = node["relation_name"]
    node["compiled_code"] = (f"select n.id, coalesce(n.email, t.old_email) as email from (select id, email "
                             f"/* maskline:email */ as email from {manifest['nodes']['seed.fresh.raw_people']['relation_name']}) n "
                             f"left join {this} t on t.id = n.id")
    found = [(f.kind, f.column) for f in check_manifest(manifest) if f.node == "model.fresh.inc_union_masked"]
    assert found == [("untraceable", "email")]


def test_masking_added_to_an_incremental_model_leaves_its_old_rows_raw_until_a_full_refresh(tmp_path_factory) -> None:
    # What the READMEs warn about: the rows the model already holds keep what it wrote before.
    from tests.dbt.fresh_project import table

    raw_model = INCREMENTAL + "select id, email, updated_at from {{ ref('raw_people') }}\n" + NEW_ROWS
    project = fresh_project(tmp_path_factory.mktemp("dbt_incremental_old_rows") / "project",
                            {**SEED, "models/people.sql": raw_model})
    project.run("build")
    (project.root / "models" / "people.sql").write_text(MODELS["inc_filter"])
    with (project.root / "seeds" / "raw_people.csv").open("a") as f:
        f.write("4,dan@example.com,2024-01-04\n")
    project.run("build")
    emails = [row[1] for row in table(project, "people")]
    assert "alice@example.com" in emails and "*****@example.com" in emails  # old rows raw, the new one masked
    project.run("build", "--full-refresh")
    assert not {"alice@example.com", "bob@example.org", "dan@example.com"} & {row[1] for row in table(project, "people")}
