"""dbt-postgres, a new user's project with a synced policy, and ``vars.maskline_policy`` naming a path that does not
exist (a typo on the command line or in dbt_project.yml).

Before, the compile said "the synced policy was made from policy.yml (format 1), not from polcy.yml (at
macros/maskline_policy.sql). Fix: run `maskline dbt sync` again", and `maskline dbt sync` then failed on the
missing file: the fix sent the user in a circle. Now the message is placed at the var and says both ways out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import fresh_database
from tests.dbt.dbt_harness import DbtProject, copy_project

pytestmark = [pytest.mark.dbt, pytest.mark.postgres, pytest.mark.xdist_group("dbt")]

PROFILE = "maskline_policy_var"
POLICY = "version: 1\nunclassified: mask\ndatasets:\n  people:\n    columns:\n      email: {info_type: EMAIL}\n"


@pytest.fixture(scope="module")
def project(pg_admin_dsn: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbtProject]:
    from urllib.parse import urlparse

    from maskline.dbt.sync import sync

    base = tmp_path_factory.mktemp("dbt_policy_var")
    src = base / "src"
    (src / "models").mkdir(parents=True)
    (src / "seeds").mkdir()
    (src / "seeds" / "people.csv").write_text("id,email\n1,ann@example.com\n")
    (src / "models" / "masked_people.sql").write_text(
        "select {{ maskline.masked_columns(ref('people')) }} from {{ ref('people') }}\n")
    (src / "policy.yml").write_text(POLICY)
    (src / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": PROFILE, "version": "0.1.0", "config-version": 2, "profile": PROFILE,
        "vars": {"maskline_policy": "policy.yml"},
        "models": {PROFILE: {"+materialized": "table", "+pre-hook": "{{ maskline.set_key() }}"}}}))
    with fresh_database(pg_admin_dsn) as dsn:
        u = urlparse(dsn)
        outputs = {"postgres": {"type": "postgres", "host": u.hostname, "port": u.port or 5432, "user": u.username,
                                "password": u.password or "", "dbname": u.path.lstrip("/"), "schema": "policy_var",
                                "threads": 1}}
        p = copy_project(src, base / "project", PROFILE, outputs, "postgres")
        sync(Path(p.root))
        p.run("deps")
        p.run("seed")
        yield p


def test_a_policy_var_naming_a_missing_file_says_so_at_the_var_with_both_fixes(project: DbtProject) -> None:
    proc = project.run("compile", "--select", "masked_people", "--vars", "{maskline_policy: polcy.yml}", check=False)
    assert proc.returncode != 0
    message = re.sub(r"\s+", " ", proc.stdout)
    assert ("maskline: vars.maskline_policy names polcy.yml, but the synced policy was made from policy.yml (at "
            "dbt_project.yml vars.maskline_policy (or --vars)). Fix: if polcy.yml is the policy file now, run "
            "`maskline dbt sync` (it reads the file the var names, relative to the project); if not, set "
            "vars.maskline_policy back to policy.yml") in message, message[-3000:]


def test_the_synced_var_compiles_and_masks(project: DbtProject) -> None:
    # The control: the same project with the var it was synced from compiles, masking the policy's column.
    project.run("run", "--select", "masked_people")
    compiled = next((project.root / "target" / "compiled").rglob("masked_people.sql")).read_text()
    assert "maskline:email" in compiled
