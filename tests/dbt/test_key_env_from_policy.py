"""dbt reads the key from the variable the policy's `key.env` names, as the CLI and Airflow do; before, it read
MASKLINE_KEY whatever the policy said, and masked under another key than every other face (tokens that join with
none of theirs). A name the policy gives is not written into dbt's artefacts (a key pasted where its name belongs
would travel into manifest.json and dbt docs): `vars.maskline_key_env` must name it, and is checked against it.
Real dbt on DuckDB, keys loaded by the `set_key()` pre-hook."""

from __future__ import annotations

import hashlib
import hmac
import subprocess
import sys

import pytest

from tests.dbt.dbt_harness import TEST_KEY
from tests.dbt.fresh_project import fresh_project, table

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

HR_KEY = "hr-key-for-this-test-0123456789abcdef"
EMAILS = ["alice@example.com", "bob@example.org"]
FILES = {
    "seeds/raw_people.csv": "id,email\n" + "".join(f"{i},{e}\n" for i, e in enumerate(EMAILS)),
    "models/people.sql": "select id, {{ maskline.mask('email', 'hmac') }} as email from {{ ref('raw_people') }}\n",
}


def _tokens(key: str) -> list[str]:
    return [hmac.new(key.encode(), e.encode(), hashlib.sha256).hexdigest() for e in EMAILS]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    files = {**FILES, "policy.yml": "version: 1\nkey: {env: HR_MASKING_KEY}\n"}
    project = fresh_project(tmp_path_factory.mktemp("dbt_key_env") / "project", files,
                            vars={"maskline_policy": "policy.yml"}, plugin=False)
    subprocess.run([sys.executable, "-m", "maskline", "dbt", "sync"], cwd=project.root, env=project.env, check=True,
                   capture_output=True)
    project.run("seed")
    return project


def test_the_policys_variable_is_required_and_never_written_into_artefacts(project) -> None:
    proc = project.run("run", "--select", "people", check=False, env={"HR_MASKING_KEY": HR_KEY})
    assert proc.returncode != 0  # MASKLINE_KEY (the harness sets it) is not taken in its place
    assert "dbt is not told the variable named at key.env in policy.yml" in proc.stdout
    assert "set vars.maskline_key_env" in proc.stdout
    synced = (project.root / "macros" / "maskline_policy.sql").read_text()
    assert "HR_MASKING_KEY" not in synced and "HR_MASKING_KEY" not in proc.stdout


def test_with_the_var_naming_it_dbt_masks_under_the_policys_key(project) -> None:
    project.run("run", "--select", "people", "--vars", "{maskline_key_env: HR_MASKING_KEY}",
                env={"HR_MASKING_KEY": HR_KEY})
    emails = [row[1] for row in table(project, "people")]
    assert emails == _tokens(HR_KEY) and emails != _tokens(TEST_KEY)


def test_a_var_naming_another_variable_stops_the_run(project) -> None:
    proc = project.run("run", "--select", "people", "--vars", "{maskline_key_env: MASKLINE_KEY}", check=False,
                       env={"HR_MASKING_KEY": HR_KEY})
    assert proc.returncode != 0
    assert "vars.maskline_key_env names another variable than key.env in policy.yml" in proc.stdout


def test_the_duckdb_plugin_reading_another_variable_stops_the_model(tmp_path_factory) -> None:
    """maskline's dbt-duckdb plugin loads the key of its own `config: {key_env}` (MASKLINE_KEY by default) before
    set_key() runs; a session key other than the policy's stops the model instead of masking under it."""
    files = {**FILES, "policy.yml": "version: 1\nkey: {env: HR_MASKING_KEY}\n"}
    project = fresh_project(tmp_path_factory.mktemp("dbt_key_env_plugin") / "project", files,
                            vars={"maskline_policy": "policy.yml", "maskline_key_env": "HR_MASKING_KEY"})
    subprocess.run([sys.executable, "-m", "maskline", "dbt", "sync"], cwd=project.root, env=project.env, check=True,
                   capture_output=True)
    project.run("seed")
    proc = project.run("run", "--select", "people", check=False, env={"HR_MASKING_KEY": HR_KEY})
    assert proc.returncode != 0
    assert "the session holds another key than environment variable HR_MASKING_KEY" in proc.stdout
    assert HR_KEY not in proc.stdout and TEST_KEY not in proc.stdout
    # Control: the plugin's variable holding the same key, the model masks under it.
    project.run("run", "--select", "people", env={"HR_MASKING_KEY": HR_KEY, "MASKLINE_KEY": HR_KEY})
    assert [row[1] for row in table(project, "people")] == _tokens(HR_KEY)
