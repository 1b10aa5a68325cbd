"""The CLI shows names, paths and fixes as they are written: text in square brackets (a column called ``[/x]``,
a fix such as ``pip install 'maskline[ner]'``) is never read as a rich style tag, which dropped it from the line or
ended the command in a traceback."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_first_use import run_cli


def test_scan_and_mask_of_columns_named_in_brackets_show_the_names_and_end_cleanly(tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("email,[/x],[bold]name\nann@example.com,1,Ann Smith\nbob@example.org,2,Bob Jones\n")
    scan = run_cli("scan", str(source))
    assert scan.returncode == 0, scan.stderr
    assert "Traceback" not in scan.stderr
    assert "[/x]" in scan.stdout and "[bold]name" in scan.stdout
    masked = run_cli("mask", str(source), str(tmp_path / "out.csv"))
    assert masked.returncode == 0, masked.stderr
    assert "[/x]" in masked.stdout and "[bold]name" in masked.stdout
    assert (tmp_path / "out.csv").read_text().splitlines()[0] == "email,[/x],[bold]name"


def test_an_error_naming_a_bracketed_dataset_is_one_line_with_its_where_and_fix(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text('version: 1\ndatasets:\n  "[/t]":\n    columns:\n      "[ner]": {info_type: EMIAL}\n')
    r = run_cli("policy", "validate", str(policy))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [
        f"error: unknown info type 'EMIAL' (at {policy}: datasets[\"[/t]\"].columns[\"[ner]\"].info_type). "
        "Fix: did you mean 'EMAIL'?"]


def test_a_policy_file_named_in_brackets_is_named_whole(tmp_path: Path) -> None:
    policy = tmp_path / "[prod].yml"
    policy.write_text("version: 1\nmethods:\n  EMAIL: {method: email}\n")
    r = run_cli("policy", "validate", str(policy))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"ok: {policy}: ")



def test_the_demo_without_the_ner_extra_names_the_extra_to_install(tmp_path: Path, monkeypatch, capsys) -> None:
    import importlib.util

    from maskline.cli.main import main

    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "spacy" else found(name, *a))
    assert main(["demo", "--rows", "20", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "needs the 'ner' extra" in err and "Fix: pip install 'maskline[ner]'" in err, err
    assert not (tmp_path / "customers_masked.csv").exists()
