"""Paths a new user gives the CLI that are not what the command expects: each is refused by what it is (a policy
file without a .yml suffix is still a file, a directory is a directory), in one line, and nothing is written.

A ``--policy`` path not ending in .yml, .yaml or .json was read as the policy's YAML text itself ("expected a
mapping, got str (at <string>)"); a directory given as the input was "not found" or of an "unsupported file
type", and one given as the output with ``--overwrite`` failed mid-write as a masking failure naming column types.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.cli.main import main

POLICY = ("version: 1\nkey: {env: MASKLINE_KEY, derivation: 2}\nunclassified: pass\n"
          "datasets:\n  people:\n    columns:\n      email: {method: email}\n")


@pytest.fixture()
def people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from tests.conftest import TEST_KEY

    monkeypatch.setenv("MASKLINE_KEY", TEST_KEY)
    monkeypatch.setenv("COLUMNS", "200")
    src = tmp_path / "people.csv"
    src.write_text("id,email\n1,zed.canary@example.com\n")
    return src


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err and "zed.canary" not in err
    return " ".join(err.split())


@pytest.mark.parametrize("name", ["policy", "policy.yml.txt", "masking-policy.conf"])
def test_a_policy_file_named_without_a_yaml_suffix_is_read_as_a_file(people: Path, capsys, name: str) -> None:
    policy = people.with_name(name)
    policy.write_text(POLICY)
    assert main(["mask", str(people), str(people.with_name("out.csv")), "--policy", str(policy)]) == 0, _error(capsys)
    assert people.with_name("out.csv").read_text() == "id,email\n1,*****@example.com\n"
    # every command's --policy is a path, scan --save included: the verdicts are stored beside that file
    assert main(["scan", str(people), "--policy", str(policy), "--save"]) == 0, _error(capsys)
    assert policy.with_name(policy.stem + ".scan.json").is_file()
    assert main(["sql", "--dialect", "duckdb", "--policy", str(policy), "--table", "people"]) == 0, _error(capsys)


def test_a_missing_policy_file_without_a_yaml_suffix_is_not_found(people: Path, capsys) -> None:
    missing = people.with_name("policy")
    assert main(["mask", str(people), str(people.with_name("out.csv")), "--policy", str(missing)]) == 2
    assert _error(capsys) == f"error: policy file not found: {missing} (at {missing}). Fix: check the path, or " \
                             "run 'maskline policy init'"


def test_a_policy_directory_is_named_a_directory(people: Path, capsys) -> None:
    conf = people.with_name("conf.yml")  # a directory, whatever its suffix
    conf.mkdir()
    assert main(["mask", str(people), str(people.with_name("out.csv")), "--policy", str(conf)]) == 2
    assert _error(capsys) == f"error: the policy path is a directory (at {conf}). Fix: pass the policy file " \
                             "itself, e.g. policy.yml inside it"
    assert not people.with_name("out.csv").exists()


@pytest.mark.parametrize("name", ["exports", "exports.csv"])
def test_an_input_directory_is_named_a_directory(people: Path, capsys, name: str) -> None:
    folder = people.with_name(name)
    folder.mkdir()
    assert main(["mask", str(folder), str(people.with_name("out.csv"))]) == 2
    assert _error(capsys) == f"error: the input is a directory (at {folder}). Fix: pass one file (.csv, .tsv, " \
                             ".csv.gz, .tsv.gz or .parquet); to mask a directory's files, run once per file"
    assert not people.with_name("out.csv").exists()


@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]])
@pytest.mark.parametrize("name", ["masked", "masked.csv"])
def test_an_output_directory_is_named_a_directory(people: Path, capsys, name: str, overwrite: list[str]) -> None:
    folder = people.with_name(name)
    folder.mkdir()
    assert main(["mask", str(people), str(folder), *overwrite]) == 2
    assert _error(capsys) == f"error: the output is a directory (at {folder}). Fix: name the file to write, " \
                             f"e.g. {folder / 'people.csv'}"
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in people.parent.iterdir()) == sorted(["people.csv", name])


def test_an_operators_policy_path_without_a_yaml_suffix_is_read_as_a_file(tmp_path: Path) -> None:
    # The Airflow operators resolve `policy="conf/customers"` through load_policy, as the dbt and Python faces do:
    # a string is a path, found or not; YAML text goes through load_policy_text (tests/core/test_policy_by_type.py).
    from airflow_plugin.policy_source import resolve_policy
    from maskline.errors import PolicyError

    policy = tmp_path / "customers"
    policy.write_text(POLICY)
    assert resolve_policy(str(policy)).dataset("people").columns["email"].method.name == "email"
    missing = str(tmp_path / "conf" / "orders")
    with pytest.raises(PolicyError) as e:
        resolve_policy(missing)
    assert str(e.value).startswith(f"policy file not found: {missing} (at {missing}). Fix: check the path")


@pytest.mark.parametrize("role", ["input", "output"])
def test_a_database_uri_given_to_mask_is_refused_by_its_scheme_without_its_password(
        people: Path, capsys, role: str) -> None:
    """``maskline mask 'postgresql://user:pw@host/db::public.customers' out.parquet`` was read as a path: "unsupported
    file type '.customers'", with the URI and its password printed in the error."""
    uri = "postgresql://admin:hunter2secret@db.internal:5432/shop::public.customers"
    args = [uri, str(people.with_name("out.parquet"))] if role == "input" else [str(people), uri]
    assert main(["mask", *args]) == 2
    err = _error(capsys)
    assert f"the {role} is a postgresql:// URI, and maskline mask reads and writes files only (at {role})" in err
    assert "maskline sql --table" in err and "maskline protect" in err
    assert "hunter2secret" not in err and "admin" not in err and "db.internal" not in err
    assert not people.with_name("out.parquet").exists()
