"""A policy string is a path by its type, never by what it looks like; YAML text is given explicitly.

``load_policy`` used to guess (``_names_a_file``): a one-line string was YAML unless it ended in ``.yml``, named an
existing file or held no ``key: value``. So the same ``policy="conf/team: ops"`` was a file on the DAG author's
machine and the YAML mapping ``{"conf/team": "ops"}`` on a worker where the file is missing ("unknown key"), and a
string of YAML naming a file in the working directory was that file.
"""

from __future__ import annotations

import warnings

import pytest

from maskline.errors import PolicyError
from maskline.policy import Policy, load_policy, load_policy_text

PASS = "version: 1\nunclassified: pass\n"


def test_a_one_line_yaml_string_is_a_path_and_the_error_says_where_yaml_text_goes(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PolicyError) as e:
        load_policy("unclassified: pass")
    assert e.value.what == "policy file not found: unclassified: pass"
    assert f"a relative path is read from the working directory, {tmp_path}" in (e.value.fix or "")
    assert "maskline.load_policy_text(text)" in (e.value.fix or "")


def test_a_path_that_looks_like_yaml_is_the_same_file_found_or_missing(tmp_path, monkeypatch) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "team: ops").write_text(PASS)
    monkeypatch.chdir(tmp_path)
    assert load_policy("conf/team: ops").unclassified == "pass"
    monkeypatch.chdir(tmp_path / "conf")  # a worker that starts elsewhere: the file is missing, and said so
    with pytest.raises(PolicyError) as e:
        load_policy("conf/team: ops")
    assert e.value.what == "policy file not found: conf/team: ops" and e.value.where == "conf/team: ops"


def test_yaml_text_given_explicitly_is_never_a_file_it_happens_to_name(tmp_path, monkeypatch) -> None:
    (tmp_path / "unclassified: pass").write_text("version: 1\nunclassified: mask\n")
    monkeypatch.chdir(tmp_path)
    assert load_policy_text("unclassified: pass").unclassified == "pass"
    assert Policy.from_yaml("unclassified: pass").unclassified == "pass"
    assert load_policy("unclassified: pass").unclassified == "mask"  # the control: a str is that file


def test_yaml_text_of_several_lines_still_loads_with_a_deprecation_naming_the_replacement() -> None:
    with pytest.warns(DeprecationWarning, match=r"maskline\.load_policy_text\(text\)") as caught:
        assert load_policy(PASS).unclassified == "pass"
    assert caught[0].filename == __file__  # points at the caller's line, not at maskline
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_policy_text(PASS).unclassified == "pass"  # the explicit call warns of nothing


def test_errors_in_yaml_text_name_its_source() -> None:
    with pytest.raises(PolicyError) as e:
        load_policy_text("unclassified: sometimes\n", source="Airflow Variable 'pii'")
    assert e.value.where == "Airflow Variable 'pii': unclassified"


def test_an_empty_string_is_no_path_rather_than_the_working_directory() -> None:
    with pytest.raises(PolicyError) as e:
        load_policy("")
    assert e.value.what == "the policy path is empty"  # Path("") is ".": it was "the policy path is a directory"


@pytest.mark.parametrize("source", [b"unclassified: pass", 3])
def test_a_source_of_another_type_is_refused_by_its_type(source) -> None:
    with pytest.raises(PolicyError) as e:
        load_policy(source)
    assert e.value.what == f"a policy cannot be read from a {type(source).__name__}"
    assert "load_policy_text" in (e.value.fix or "")


def test_the_airflow_variable_is_yaml_text_and_errors_name_it(monkeypatch) -> None:
    pytest.importorskip("airflow")
    from airflow_plugin.policy_source import resolve_policy

    monkeypatch.setenv("AIRFLOW_VAR_PII_POLICY", "unclassified: sometimes")
    with pytest.raises(PolicyError) as e:
        resolve_policy("variable:pii_policy")
    assert e.value.where == "Airflow Variable 'pii_policy': unclassified"  # was "<string>: unclassified"
    monkeypatch.setenv("AIRFLOW_VAR_PII_POLICY", "unclassified: pass")  # one line: still YAML, as a Variable holds
    assert resolve_policy("variable:pii_policy").source == "Airflow Variable 'pii_policy'"


def test_the_configured_policy_is_the_file_it_names(tmp_path, monkeypatch) -> None:
    pytest.importorskip("airflow")
    from airflow_plugin.policy_source import resolve_policy
    from airflow_plugin.xcom_tables import xcom_policy

    (tmp_path / "team: ops").write_text(PASS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIRFLOW__MASKLINE__POLICY", "team: ops")
    assert resolve_policy(None).unclassified == "pass" and xcom_policy().unclassified == "pass"
    monkeypatch.chdir(tmp_path.parent)  # missing on this worker: not the YAML mapping {"team": "ops"}
    for load in (lambda: resolve_policy(None), xcom_policy):
        with pytest.raises(PolicyError) as e:
            load()
        assert e.value.what == "policy file not found: team: ops"
