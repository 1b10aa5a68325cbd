"""The lineage of a masked file names the columns the mask wrote, read by the one CSV reader
(``maskline.engine.csv_read.open_csv``), not by CSV options of the Airflow face's own."""

from __future__ import annotations

import pytest

from airflow_plugin.lineage import file_fields
from maskline.engine.files import mask_file

# A byte-order mark, ';' as the delimiter, a quoted field holding a newline and the delimiter, a doubled quote.
MESSY = {
    "quoted newline": '\ufeffid;note;email\n007;"two\nlines; here";ann@example.com\n008;plain;bo@example.org\n',
    "doubled quote": '\ufeffid;note;email\n1;"say ""hi""; ok";ann@example.com\n2;"x;y";bo@example.org\n',
    "far quote": "\ufeffid;note;email\n" + "".join(f"{i};n{i};u{i}@example.org\n" for i in range(30_000))
                 + '30000;"a\nb; c";z@example.org\n',
}
POLICY = {"datasets": {"people": {"columns": {"id": {"pass": True}, "note": {"pass": True},
                                              "email": {"info_type": "EMAIL"}}}}}


@pytest.mark.parametrize("output", ["out.csv", "out.csv.gz"])
@pytest.mark.parametrize("case", sorted(MESSY))
def test_lineage_fields_of_a_messy_csv_are_the_columns_the_mask_wrote(tmp_path, opened, case, output) -> None:
    (tmp_path / "people.csv").write_text(MESSY[case], encoding="utf-8")
    report = mask_file(tmp_path / "people.csv", tmp_path / output, POLICY)
    opened.clear()
    fields = file_fields(str(tmp_path / output))
    assert fields is not None
    assert [name for name, _ in fields] == [c.name for c in report.plan.columns] == ["id", "note", "email"]
    assert opened == [tmp_path / output]  # read by the one CSV reader, with its options and checks


def test_lineage_fields_of_parquet_are_its_stored_columns(tmp_path, opened) -> None:
    # The control: Parquet keeps its types and does not go through the CSV reader.
    (tmp_path / "people.csv").write_text(MESSY["quoted newline"], encoding="utf-8")
    report = mask_file(tmp_path / "people.csv", tmp_path / "out.parquet", POLICY)
    opened.clear()
    assert file_fields(str(tmp_path / "out.parquet")) == tuple((c.name, "VARCHAR") for c in report.plan.columns)
    assert opened == []


def test_lineage_fields_of_an_unreadable_csv_are_left_to_the_plan(tmp_path) -> None:
    # Best effort: a file the reader refuses (a header that repeats a name) gives no fields, and no exception
    # reaches the task.
    (tmp_path / "out.csv").write_text("id;email;email\n1;ann@example.com;bo@example.org\n")
    assert file_fields(str(tmp_path / "out.csv")) is None
