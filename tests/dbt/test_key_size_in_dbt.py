"""dbt refuses the keys the core refuses (maskline.keys.check_key_bytes): a key shorter than 16 bytes, or one of
whitespace only, stops the model naming the variable and the rule, never masking under a guessable key that every
other face would refuse (a project that loads the key with set_key() only, as the package README shows)."""

from __future__ import annotations

import pytest

from tests.dbt.fresh_project import fresh_project, table

pytestmark = [pytest.mark.dbt, pytest.mark.xdist_group("dbt")]

FILES = {
    "seeds/raw_people.csv": "id,email\n1,alice@example.com\n2,bob@example.org\n",
    "models/people.sql": "select id, {{ maskline.mask('email', 'hmac') }} as email from {{ ref('raw_people') }}\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return fresh_project(tmp_path_factory.mktemp("dbt_key_size") / "project", FILES, plugin=False)


@pytest.mark.parametrize(("key", "says"), [
    ("abc", "the masking key is too short: 3 bytes, at least 16 are needed"),
    (" " * 20, "the masking key is only whitespace"),
])
def test_a_key_the_core_refuses_stops_the_model(project, key: str, says: str) -> None:
    from maskline.errors import KeyMissingError
    from maskline.keys import check_key_bytes

    with pytest.raises(KeyMissingError):  # the core's own rule, which dbt must agree with
        check_key_bytes(key.encode(), "test")
    project.run("seed")
    proc = project.run("run", "--select", "people", check=False, env={"MASKLINE_KEY": key})
    assert proc.returncode != 0
    assert says in proc.stdout and "token_hex(32)" in proc.stdout
    # the variable and the model and column whose keyed method read it
    assert "(at environment variable MASKLINE_KEY for model." in proc.stdout and ".people, column email)" in proc.stdout


def test_control_a_key_of_sixteen_bytes_masks(project) -> None:
    project.run("seed")
    project.run("run", "--select", "people", env={"MASKLINE_KEY": "k" * 16})
    emails = [row[1] for row in table(project, "people")]
    assert len(emails) == 2 and all(len(e) == 64 and "@" not in e for e in emails)


def test_a_missing_key_names_the_model_and_column_that_need_it(project) -> None:
    project.run("seed")
    proc = project.run("run", "--select", "people", check=False, env={"MASKLINE_KEY": ""})
    assert proc.returncode != 0
    assert "no masking key: environment variable MASKLINE_KEY is not set (at model." in proc.stdout, proc.stdout
    assert ".people, column email). Fix: export MASKLINE_KEY=" in proc.stdout, proc.stdout
