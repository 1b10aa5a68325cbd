"""`maskline dbt check` on the shapes a new project has: select *, a rename, an ephemeral model, a CTE, snapshots.

Each leaking shape has a look-alike that masks (its control), and the check must name exactly the leaks: a
`select *` over a seed whose schema.yml documents only its sensitive columns, a snapshot (it writes a table
like a model does), and no finding on an ephemeral model itself (it writes nothing; dbt inlines it, and the
model that uses it is traced).
"""

from __future__ import annotations

import pytest

from tests.dbt.dbt_harness import DbtProject
from tests.dbt.fresh_project import fresh_project, raw_people_seed

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

SEED = raw_people_seed("id,email,ssn,city\n1,alice@example.com,123-45-6789,Paris\n2,bob@example.org,234-56-7890,Lyon\n",
                       {"email": "EMAIL", "ssn": "US_SSN"})
MASK_EMAIL = "{{ maskline.mask('email', 'email') }}"
MODELS = {
    "masked": "select {{ maskline.masked_columns(ref('raw_people')) }} from {{ ref('raw_people') }}",
    "star": "select * from {{ ref('raw_people') }}",
    "star_of_masked": "select * from {{ ref('masked') }}",
    "renamed": "select id, email as contact from {{ ref('raw_people') }}",
    "renamed_masked": f"select id, {MASK_EMAIL} as contact from {{{{ ref('raw_people') }}}}",
    "eph": "{{ config(materialized='ephemeral') }} select id, email from {{ ref('raw_people') }}",
    "from_eph": "select id, email from {{ ref('eph') }}",
    "from_eph_masked": f"select id, {MASK_EMAIL} as email from {{{{ ref('eph') }}}}",
    "cte": f"with p as (select * from {{{{ ref('raw_people') }}}}) select id, city, {MASK_EMAIL} as email, ssn from p",
    "cte_masked": f"with p as (select * from {{{{ ref('raw_people') }}}}) select id, city, {MASK_EMAIL} as email from p",
    # built only with --vars '{shapes_broken: true}': masked_columns has no columns to read from an ephemeral model
    "masked_ephemeral": "{{ config(enabled=var('shapes_broken', false)) }}\n"
                        "select {{ maskline.masked_columns(ref('eph')) }} from {{ ref('eph') }}",
}
SNAPSHOTS = """snapshots:
  - name: raw_snap
    relation: ref('raw_people')
    config: {unique_key: id, strategy: check, check_cols: all}
  - name: masked_snap
    relation: ref('masked')
    config: {unique_key: id, strategy: check, check_cols: all}
"""


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    files = {**SEED, "snapshots/snapshots.yml": SNAPSHOTS,
             **{f"models/{name}.sql": sql + "\n" for name, sql in MODELS.items()}}
    project = fresh_project(tmp_path_factory.mktemp("dbt_shapes") / "project", files,
                            vars={"maskline_unclassified": "pass"})
    project.run("build")
    return project


def test_check_names_exactly_the_leaking_shapes(shapes: DbtProject) -> None:
    from maskline.dbt.check import check_project

    found = sorted((f.kind, f.node.split(".", 2)[2], f.column) for f in check_project(shapes.root))
    assert found == [
        ("unmasked", "cte", "ssn"),
        ("unmasked", "from_eph", "email"),
        ("unmasked", "raw_snap", "email"), ("unmasked", "raw_snap", "ssn"),
        ("unmasked", "renamed", "contact"),
        ("unmasked", "star", "email"), ("unmasked", "star", "ssn"),
    ]


def test_a_leaking_snapshot_is_told_to_snapshot_a_masked_model(shapes: DbtProject) -> None:
    from maskline.dbt.check import check_project

    fixes = {f.fix for f in check_project(shapes.root) if f.node.startswith("snapshot.")}
    assert fixes and all("relation: ref(" in fix for fix in fixes)


def test_masked_columns_over_an_ephemeral_model_says_why_and_how_to_fix(shapes: DbtProject, tmp_path) -> None:
    proc = shapes.run("compile", "--select", "masked_ephemeral", "--vars", "{shapes_broken: true}",
                      "--target-path", str(tmp_path / "t"), check=False)
    message = next(line for line in proc.stdout.splitlines() if "maskline:" in line)
    assert proc.returncode != 0
    assert "ephemeral model 'eph'" in message and "model.fresh.masked_ephemeral" in message
    assert "materialize 'eph' as a view or table" in message.split("Fix: ", 1)[1]


def test_masked_columns_over_a_materialized_relation_masks_what_meta_names(shapes: DbtProject) -> None:
    # the control: the same macro over a materialized model compiles, and masks what the seed's meta names
    from tests.dbt.fresh_project import table

    assert "alice@example.com" not in repr(table(shapes, "star_of_masked"))
    assert "*****@example.com" in repr(table(shapes, "star_of_masked"))


def test_tracing_prints_no_sql_and_so_no_literal_a_model_holds(shapes: DbtProject, capfd, caplog) -> None:
    import json
    import logging

    from maskline.dbt.check import check_manifest

    manifest = json.loads(json.dumps(shapes.manifest()))
    raw = manifest["nodes"]["seed.fresh.raw_people"]["relation_name"]
    node = manifest["nodes"]["model.fresh.cte_masked"]
    # no catalog and no seed header: sqlglot cannot find id in the CTE, and warns quoting the SQL it traced
    node["compiled_code"] = f"with p as (select * from {raw} where email <> 'alice@example.com') select id, city from p"
    with caplog.at_level(logging.DEBUG):
        findings = check_manifest(manifest)
    assert any(f.node == "model.fresh.cte_masked" for f in findings)  # the model is still reported
    captured = capfd.readouterr()
    assert "alice@example.com" not in captured.out + captured.err + caplog.text


def test_the_check_leaves_sqlglot_logging_as_it_found_it(shapes: DbtProject) -> None:
    import logging

    from maskline.dbt.check import check_manifest

    check_manifest(shapes.manifest())
    assert logging.getLogger("sqlglot").disabled is False
