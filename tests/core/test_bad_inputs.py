"""Bad inputs end in a clear error (what, where, fix) or a correct masked output, never a silent raw write."""

from __future__ import annotations

import time

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from maskline.engine.files import mask_file
from maskline.engine.frames import mask_frame
from maskline.errors import InputError, PolicyError
from maskline.policy import load_policy, load_policy_text

EMAIL_POLICY = {"datasets": {"people": {"columns": {"id": {"pass": True}, "email": {"info_type": "EMAIL"}}}}}


# --- policy YAML ------------------------------------------------------------------------------------------------

def test_a_duplicate_top_level_key_is_an_error_with_both_lines(tmp_path) -> None:
    path = tmp_path / "policy.yml"
    path.write_text("version: 1\ndatasets:\n  a: {columns: {email: {info_type: EMAIL}}}\n"
                    "datasets:\n  b: {columns: {}}\n")
    with pytest.raises(PolicyError) as e:
        load_policy(path)
    assert "duplicate key 'datasets' (also on line 2)" in e.value.what
    assert e.value.where == f"{path}:4:1" and "merge" in (e.value.fix or "")


def test_without_the_strict_loader_the_first_dataset_would_be_lost_silently() -> None:
    import yaml

    text = "datasets:\n  a: {columns: {}}\ndatasets:\n  b: {columns: {}}\n"
    assert list(yaml.safe_load(text)["datasets"]) == ["b"]  # what PyYAML does on its own
    with pytest.raises(PolicyError):
        load_policy_text(text)


def test_a_duplicate_column_in_a_flow_mapping_is_an_error() -> None:
    with pytest.raises(PolicyError, match="duplicate key 'e'"):
        load_policy_text("datasets: {t: {columns: {e: {info_type: EMAIL}, e: {pass: true}}}}")


def test_a_merge_key_may_be_overridden() -> None:
    policy = load_policy_text("x: &m {info_type: EMAIL}\n" if False else
                         "datasets:\n  t:\n    columns:\n      a: &m {info_type: EMAIL}\n      b: {<<: *m, method: redact}\n")
    assert policy.dataset("t").columns["b"].method.name == "redact"


LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))


@pytest.mark.parametrize(("text", "what"), [
    (LAUGHS, "expands to more than"),
    ("x: " + "[" * 5000 + "]" * 5000, "nested more than"),
    ("x: " + "{a: " * 3000 + "}" * 3000, "nested more than"),
    ("x:\n" + "".join(" " * i + "- \n" for i in range(3000)), "nested more than"),
    ("x:\n" + "".join("  " * i + f"k{i}:\n" for i in range(60)), "nested more than"),
])
def test_alias_bombs_and_deep_nesting_fail_fast_without_printing_the_value(text, what) -> None:
    started = time.perf_counter()
    with pytest.raises(PolicyError) as e:
        load_policy_text(text)
    assert time.perf_counter() - started < 30  # bounded (a generous cap: the machine is shared), not a benchmark
    assert what in e.value.what
    assert "lol" not in e.value.render() and len(e.value.render()) < 300


def test_policy_cli_reports_a_bomb_as_an_error_not_a_traceback(tmp_path, capsys) -> None:
    from maskline.cli.main import main

    path = tmp_path / "policy.yml"
    path.write_text(LAUGHS)
    assert main(["policy", "validate", str(path)]) != 0
    err = capsys.readouterr().err
    assert "expands to more than" in err and "Traceback" not in err and "lol" not in err


# --- CSV --------------------------------------------------------------------------------------------------------

def test_a_csv_with_a_duplicated_header_is_refused(tmp_path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,email,email\n1,ann@example.com,bo@example.org\n")
    with pytest.raises(InputError) as e:
        mask_file(src, tmp_path / "out.csv", EMAIL_POLICY)
    assert "repeats the column name 'email' (columns 2 and 3)" in e.value.what and "rename" in (e.value.fix or "")
    assert not (tmp_path / "out.csv").exists()


def test_duckdb_alone_would_rename_the_duplicate_and_write_it_raw(tmp_path) -> None:
    import duckdb

    src = tmp_path / "people.csv"
    src.write_text("id,email,email\n1,ann@example.com,bo@example.org\n")
    names = [d[0] for d in duckdb.connect().execute(f"DESCRIBE SELECT * FROM read_csv('{src}')").fetchall()]
    assert names[2] != "email"  # the copy gets another name, which no policy rule matches


def test_a_file_named_unlike_every_dataset_of_the_policy_is_refused(tmp_path) -> None:
    src = tmp_path / "people_2024.csv"
    src.write_text("id,email\n1,ann@example.com\n")
    with pytest.raises(InputError) as e:
        mask_file(src, tmp_path / "out.csv", EMAIL_POLICY)
    assert "no dataset named 'people_2024'" in e.value.what and "--table" in (e.value.fix or "")
    mask_file(src, tmp_path / "out.csv", EMAIL_POLICY, table="people")  # naming the dataset is the fix
    assert (tmp_path / "out.csv").read_text().splitlines()[1] == "1,*****@example.com"


def test_a_mistyped_table_for_a_file_named_as_a_dataset_is_told_to_leave_table_out(tmp_path) -> None:
    """Before, the fix said ``--table people`` would mask the file "by a scan alone": it would use the policy's
    ``people`` entry, as leaving ``--table`` out does."""
    src = tmp_path / "people.csv"
    src.write_text("id,email\n1,ann@example.com\n")
    with pytest.raises(InputError) as e:
        mask_file(src, tmp_path / "out.csv", EMAIL_POLICY, table="peple")
    assert e.value.fix == "did you mean 'people'?; or leave --table out: the file's name, 'people', is a dataset of " \
                          "the policy"
    with pytest.raises(InputError) as e:  # a file named unlike every dataset: its own name is a scan alone
        mask_file(tmp_path / "people.csv", tmp_path / "out.csv", EMAIL_POLICY | {"datasets": {"staff": {}}},
                  table="stuff")
    assert "pass --table people (the file's name) to mask it by a scan alone" in (e.value.fix or "")


# --- Parquet nested columns -------------------------------------------------------------------------------------

def test_parquet_struct_list_and_map_columns_are_masked_not_passed(tmp_path) -> None:
    src = tmp_path / "events.parquet"
    n = 30
    pq.write_table(pa.table({
        "id": list(range(n)),
        "contact": [{"email": "ann@example.com", "phone": "+49 30 1234567"}] * n,
        "tags": [["ann@example.com", "vip"]] * n,
        "attrs": pa.array([[("owner", "Ann Lee")]] * n, type=pa.map_(pa.string(), pa.string())),
    }), src)
    report = mask_file(src, tmp_path / "out.parquet", {"version": 1})
    rules = {c.name: c.masked for c in report.plan.columns}
    assert rules == {"id": False, "contact": True, "tags": True, "attrs": True}
    out = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert "ann@example.com" not in str(out) and "Ann Lee" not in str(out)


# --- the email method -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "leak"), [
    ("ann@example.com, bo@example.org", "bo@example.org"),
    ("Ann Lee <ann@example.com>", "Ann Lee"),
    ("ann@example.com;bo@corp.example", "bo@corp"),
    ("ann@example.com bo@example.org", "bo@example"),
    ('"Lee, Ann" <ann@example.com>', "Lee"),
])
def test_the_email_method_masks_whole_cells_that_are_not_one_address(value, leak) -> None:
    out = mask_frame(pd.DataFrame({"email": [value]}), {"datasets": {"t": {"columns": {
        "email": {"info_type": "EMAIL"}}}}}, table="t")["email"][0]
    assert leak not in out and "@" not in out


def test_the_email_method_keeps_the_domain_of_a_single_address() -> None:
    out = mask_frame(pd.DataFrame({"email": ["ann.lee+x@mail.example.com"]}),
                     {"datasets": {"t": {"columns": {"email": {"info_type": "EMAIL"}}}}}, table="t")
    assert out["email"].tolist() == ["*****@mail.example.com"]


# --- mixed date formats -----------------------------------------------------------------------------------------

def test_generalize_to_year_survives_a_column_that_mixes_date_formats(tmp_path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,dob\n1,1985-07-21\n2,21.07.1986\n3,07/21/1987\n4,21 July 1988\n5,unknown\n6,\n")
    mask_file(src, tmp_path / "out.csv", {"datasets": {"people": {"columns": {
        "id": {"pass": True}, "dob": {"info_type": "DATE_OF_BIRTH"}}}}})
    rows = (tmp_path / "out.csv").read_text().splitlines()[1:]
    assert rows == ["1,1985", "2,1986", "3,1987", "4,1988", "5,", "6,"]  # a text column keeps text: the year


def test_a_plain_cast_would_have_failed_or_lost_those_dates() -> None:
    import duckdb

    con = duckdb.connect()
    assert con.execute("SELECT TRY_CAST('21.07.1986' AS DATE)").fetchone() == (None,)
    with pytest.raises(duckdb.Error):
        con.execute("SELECT CAST('21.07.1986' AS DATE)").fetchall()


# --- CSV that DuckDB cannot read: the fault by kind and line, never the row -------------------------------------
def _rows(n: int) -> list[str]:
    return [f"{i},u{i}@example.org,{i:05d}" for i in range(n)]


CSV_FAULTS = {
    "ragged row": (("id,email,code\n" + "\n".join(_rows(3) + ["3,zed@example.com"]) + "\n").encode(),
                   "line 5 has 2 fields where the header has 3"),
    "latin-1 bytes": ("id,name,code\n1,Jos\u00e9 Zed,007\n".encode("latin-1"), "line 2 holds bytes that are not UTF-8"),
    "unclosed quote": (("id,email,code\n" + "\n".join(_rows(3000) + ['3000,"zed@example.com,1'] + _rows(10))
                        + "\n").encode(), "a quoted field is not closed"),
    "line too long": (b"id,blob,code\n1," + b"z" * 2_000_001 + b",007\n", "line 2 is longer than the 2,000,000"),
    # The last line alone written on Windows: Python's reader takes it, DuckDB's sniffer refuses the file.
    "mixed line endings": (("id,email,code\n" + "\n".join(_rows(3)) + "\n3,zed@example.com,00003\r\n").encode(),
                           "line 5 ends in CRLF where line 1 ends in LF"),
}


@pytest.mark.parametrize("case", sorted(CSV_FAULTS))
@pytest.mark.parametrize("command", ["mask", "scan"])
def test_an_unreadable_csv_is_refused_by_its_fault_and_line_without_the_row(tmp_path, case, command) -> None:
    from maskline.classify import classify

    text, what = CSV_FAULTS[case]
    src = tmp_path / "people.csv"
    src.write_bytes(text)
    with pytest.raises(InputError) as e:
        if command == "mask":
            mask_file(src, tmp_path / "out.csv", {"datasets": {"people": {"columns": {"id": {"pass": True}}}}})
        else:
            classify(str(src))
    assert what in e.value.what and str(src) in (e.value.where or "") and e.value.fix
    assert "zed" not in str(e.value).lower() and "Jos" not in str(e.value)
    assert e.value.__context__ is None and e.value.__cause__ is None
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]


def test_a_well_formed_csv_has_no_fault() -> None:
    import pathlib
    import tempfile

    from maskline.engine.csv_faults import csv_fault

    src = pathlib.Path(tempfile.mkdtemp()) / "t.csv"  # the control: quotes, commas and newlines in fields are fine
    src.write_text('id,note,code\n1,"a, ""b""\nc",007\n2,\u00e9,008\n')
    assert csv_fault(src, ",") is None


def test_a_spreadsheets_crlf_file_with_lf_inside_quoted_cells_reads() -> None:
    """The control of "mixed line endings": line breaks inside a quoted cell are no line ending of the file."""
    import pathlib
    import tempfile

    import duckdb

    from maskline.engine.csv_read import open_csv

    src = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    src.write_bytes(b'id,note\r\n1,"line one\nline two"\r\n2,ok\r\n')
    assert open_csv(duckdb.connect(), src).relation.fetchall() == [("1", "line one\nline two"), ("2", "ok")]


# --- an output directory maskline cannot write in --------------------------------------------------------------
@pytest.mark.parametrize("source", ["people.csv", "people.parquet"])
@pytest.mark.parametrize("output", ["out.csv", "out.parquet"])
def test_an_unwritable_output_directory_is_named_not_reported_as_a_masking_failure(tmp_path, source, output) -> None:
    import pathlib

    unwritable = pathlib.Path("/proc")  # no file can be created there, not even by root (chmod would not stop it)
    if not unwritable.is_dir():
        pytest.skip("needs Linux's /proc")
    pa_table = pa.table({"id": ["007", "008"], "email": ["ann@example.com", "bo@example.org"]})
    src = tmp_path / source
    if source.endswith(".csv"):
        src.write_text("id,email\n007,ann@example.com\n008,bo@example.org\n")
    else:
        pq.write_table(pa_table, src)
    with pytest.raises(InputError) as e:
        mask_file(src, unwritable / output, EMAIL_POLICY)
    assert "cannot write the output" in e.value.what and e.value.where == "/proc" and "writable" in (e.value.fix or "")
    mask_file(src, tmp_path / output, EMAIL_POLICY)  # the control: the same input, written where it can be
    assert (tmp_path / output).exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_parquet_file_named_csv_is_called_parquet_not_bad_utf8(tmp_path) -> None:
    from maskline.engine.csv_faults import csv_fault

    pq.write_table(pa.table({"email": ["ann@example.com"]}), tmp_path / "people.csv")
    with pytest.raises(InputError) as e:
        mask_file(tmp_path / "people.csv", tmp_path / "out.csv", EMAIL_POLICY)
    assert e.value.what == "the file is Parquet, not CSV" and "people.parquet" in (e.value.fix or "")
    (tmp_path / "latin.csv").write_bytes(b"PAR,x\n1,\xe9\n")  # the control: a CSV that starts alike is still read
    assert "not UTF-8" in csv_fault(tmp_path / "latin.csv", ",").what
