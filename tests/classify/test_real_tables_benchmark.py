"""The real-table benchmark (``benchmarks/real_tables``) runs, and its hand labels still describe what it flags.

A benchmark no test runs rots: these tests scan a few of the bundled R datasets the way ``make bench`` does and check
the report's arithmetic against the labels, so a change to the classifier that flags a new column of these tables
shows up here as an unlabelled column, not as a silently wrong precision.
"""

from __future__ import annotations

import pytest

from benchmarks.real_tables import datasets, scan_dataset
from benchmarks.real_tables.labels import load_labels

# Small tables with people's data and with measurements that used to read as coordinates or postal codes.
_TABLES = [("datasets", "quakes"), ("datasets", "airquality"), ("AER", "CPSSW8")]


@pytest.mark.parametrize(("package", "item"), _TABLES)
def test_every_column_gets_a_verdict_and_every_flagged_one_a_hand_label(package: str, item: str) -> None:
    columns, rows = scan_dataset(package, item)
    assert rows > 0 and columns
    labels = load_labels()
    for c in columns:
        assert all(len(e) <= 31 for e in c.examples)  # examples are truncated, never whole values
        if c.info_type is not None:
            assert c.key in labels, f"{c.key} is flagged {c.info_type} but has no hand label in labels.csv"


def test_named_coordinates_stay_coordinates_and_earnings_are_no_place() -> None:
    by_column = {c.column: c for c in scan_dataset("datasets", "quakes")[0]}
    assert by_column["lat"].info_type == "GEO_COORDINATE"
    assert by_column["long"].masked  # Fiji's quakes in 0-360 degrees (181.62): no longitude, but never passed raw
    earnings = {c.column: c for c in scan_dataset("AER", "CPSSW8")[0]}["earnings"]
    assert earnings.info_type is None  # a measurement with many decimals; it read GEO_COORDINATE before `realfp`


def test_the_dataset_list_is_the_bundled_one() -> None:
    listed = list(datasets(["datasets"], None))
    assert len(listed) > 50 and all(p == "datasets" for p, _, _ in listed)


def test_a_dataset_that_fails_to_load_is_reported_by_its_error_class_only(monkeypatch, capsys) -> None:
    import benchmarks.real_tables.__main__ as bench

    def _fails(package: str, item: str) -> None:
        raise ValueError("could not parse cell 'jo.smith@correo.es'")  # a loader's message can quote a cell

    monkeypatch.setattr(bench, "scan_dataset", _fails)
    assert bench.main(["--package", "datasets", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "failed datasets." in out and "ValueError" in out
    assert "jo.smith" not in out and "correo" not in out


def test_a_saved_run_reports_the_same_without_scanning_again(tmp_path, capsys) -> None:
    import benchmarks.real_tables.__main__ as bench

    saved = tmp_path / "run.json"
    assert bench.main(["--package", "datasets", "--limit", "3", "--json", str(saved)]) == 0
    scanned = capsys.readouterr().out
    assert bench.main(["--from-json", str(saved)]) == 0
    reported = capsys.readouterr().out

    def report(out: str) -> list[str]:  # from the summary line on: the scan's progress lines are not repeated
        lines = out.splitlines()
        start = next(i for i, line in enumerate(lines) if " datasets (" in line)
        return lines[start:]

    assert report(reported) == report(scanned)
    assert "fail-closed masks" in report(reported)[0]
