"""Without a stored scan, dbt treats the columns nobody classified as the faces that cannot classify do.

The policy names three columns and says nothing about ``unclassified``; no scan is stored beside it. The
query path masks every other column (fail closed: nobody vouched for them), and so must the dbt package, which
cannot run the classifier either. With ``unclassified: pass`` written out, both pass them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.samepolicy.data import people, seed_duckdb
from tests.samepolicy.test_same_policy import HERE, TEST_KEY, _maskline, normalize

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("samepolicy")]

POLICY = """\
version: 1
datasets:
  people:
    columns:
      email: {info_type: EMAIL}
      ssn: {info_type: US_SSN}
      birth_date: {info_type: DATE_OF_BIRTH}
"""


def _rows(names: list[str], rows: list[Any]) -> list[dict[str, Any]]:
    """Rows as dicts, sorted: with `id` masked there is no key to pair them by, so compare them as a multiset."""
    out = [{n: normalize(v) for n, v in zip(names, r, strict=True)} for r in rows]
    return sorted(out, key=lambda r: [str(r[n]) for n in names])


def _build(root: Path, policy: str) -> dict[str, list[dict[str, Any]]]:
    import duckdb

    from tests.dbt.dbt_harness import PACKAGE, copy_project

    root.mkdir()
    (root / "policy.yml").write_text(policy)
    db = root / "warehouse.duckdb"
    seed_duckdb(db)
    project = copy_project(HERE / "dbt_project", root / "dbt", "samepolicy",
                           {"duckdb": {"type": "duckdb", "path": str(db), "threads": 1}}, "duckdb")
    config = project.root / "dbt_project.yml"
    config.write_text(config.read_text().replace(
        "maskline_policy: policy.yml", "maskline_policy: ../policy.yml\n  samepolicy_source_schema: main"))
    _maskline("dbt", "sync", "--project-dir", str(project.root), cwd=root)
    (project.root / "dbt_packages").mkdir()
    (project.root / "dbt_packages" / "maskline").symlink_to(PACKAGE)
    project.run("build")
    from maskline.keys import KeyMaterial
    from maskline.policy import load_policy
    from maskline.rewrite.api import rewrite
    from maskline.rewrite.run import run_masked

    con = duckdb.connect(str(db))
    try:
        cur = con.execute("SELECT * FROM main.people_masked_dbt")
        dbt = _rows([d[0] for d in cur.description], cur.fetchall())
        masked = rewrite("SELECT * FROM people", load_policy(root / "policy.yml"), "duckdb", connection=con)
        result = run_masked(con, masked, KeyMaterial(TEST_KEY.encode()))
        return {"dbt": dbt, "query": _rows(list(result.columns), result.rows)}
    finally:
        con.close()


@pytest.fixture(scope="module")
def silent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    return _build(tmp_path_factory.mktemp("noscan") / "silent", POLICY)


def test_dbt_masks_unclassified_columns_like_the_query_path_when_nobody_vouched(silent) -> None:
    assert silent["dbt"] == silent["query"]
    for row in silent["dbt"]:
        assert row["city"] == "[REDACTED]" and row["id"] == "[REDACTED]" and row["nickname"] == "[REDACTED]"
        assert row["full_name"] == "[REDACTED]"  # PII nobody listed: masked, since nobody vouched for it
    emails = {r["email"] for r in people() if r["email"]}
    assert not emails & {r["email"] for r in silent["dbt"]}


def test_dbt_passes_them_when_the_policy_says_pass(tmp_path_factory: pytest.TempPathFactory) -> None:
    out = _build(tmp_path_factory.mktemp("noscan") / "explicit", POLICY + "unclassified: pass\n")
    assert out["dbt"] == out["query"]
    assert {r["city"] for r in out["dbt"]} == {r["city"] for r in people()}
    assert {r["full_name"] for r in out["dbt"]} == {r["full_name"] for r in people()}  # what `pass` means
