"""The scan and the mask read a CSV through one entry point (``maskline.engine.csv_read.open_csv``): the same
messy file gives both the same fault, word for word, and neither reads a CSV any other way."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from maskline.classify import classify
from maskline.engine.files import mask_file
from maskline.errors import InputError

CANARY = "zed.canary@example.com"
POLICY = {"datasets": {"people": {"columns": {"id": {"pass": True}}}}}


def _rows(n: int) -> list[str]:
    return [f"{i},u{i}@example.org,{i:05d}" for i in range(n)]


def _parquet_bytes(tmp_path: Path) -> bytes:
    pq.write_table(pa.table({"email": [CANARY]}), tmp_path / "made.parquet")
    data = (tmp_path / "made.parquet").read_bytes()
    (tmp_path / "made.parquet").unlink()
    return data


# Each messy CSV (its text, its bytes, or how to make them), and the words its fault must hold. The few-row ragged
# file is the one DuckDB's sniffer once read as one column (every line a cell), which `unclassified: pass` then
# wrote raw.
MESSY: dict[str, tuple[str | bytes | Callable[[Path], bytes], str]] = {
    "ragged row": ("id,email,code\n" + "\n".join(_rows(3) + [f"3,{CANARY}"]) + "\n",
                   "line 5 has 2 fields where the header has 3"),
    "ragged row read as one column": (f"id,email\n1,{CANARY}\n2\n", "line 3 has 1 fields where the header has 2"),
    "unclosed quote": ("id,email,code\n" + "\n".join(_rows(3000) + [f'3000,"{CANARY},1'] + _rows(10)) + "\n",
                       "a quoted field is not closed"),
    "non-UTF-8 bytes": ("id,name,code\n1,Jos\u00e9 Zed,007\n".encode("latin-1"),
                        "line 2 holds bytes that are not UTF-8"),
    "line too long": (b"id,blob,code\n1," + b"z" * 2_000_001 + b",007\n", "line 2 is longer than the 2,000,000"),
    "parquet named csv": (_parquet_bytes, "the file is Parquet, not CSV"),
    "header repeats a name": (f"id,email,email\n1,{CANARY},b@example.org\n",
                              "the header repeats the column name 'email'"),
    "first row is data": (f"Ann Lee,{CANARY}\nBo Li,bo@example.org\n", "the first row looks like data"),
    # DuckDB's sniffer skipped the header when it had fewer fields than the rows: the first record became the
    # header, its values printed as column names, and the skipped line was missing from the masked copy.
    "header shorter than the rows": (f"email,name\n{CANARY},Ann Lee,extra\n",
                                     "line 2 has 3 fields where the header has 2"),
    "title line above the table": (f"customer export\n\nid,email\n1,{CANARY}\n",
                                   "line 3 has 2 fields where the header has 1"),
    # A blank first line: DuckDB took the names from the line below and read that line again as a record, so the
    # masked copy held the header as a (masked) first row and counted it.
    "blank first line": (f"\nid,email\n1,{CANARY}\n", "the first line is blank"),
    "only blank lines": ("\n\n\n", "the first line is blank"),
}
# DuckDB named an unnamed column itself (column1): the policy never names it, and the masked file's header carried
# the made-up name; with a trailing delimiter the header was called "a first row of data". Each header, and the
# column without a name.
UNNAMED = {"unnamed column in the header": ("id,,email", 2), "trailing delimiter in the header": ("id,email,", 3),
           "quoted empty name in the header": ('id,email,""', 3)}
MESSY |= {case: (f"{header}\n1,{CANARY},x\n", f"column {n} of the header has no name")
          for case, (header, n) in UNNAMED.items()}


def _bytes(case: str, tmp_path: Path) -> bytes:
    make = MESSY[case][0]
    return make.encode() if isinstance(make, str) else make if isinstance(make, bytes) else make(tmp_path)


def _fault(command: str, src: Path, tmp_path: Path) -> InputError:
    with pytest.raises(InputError) as e:
        if command == "mask":
            mask_file(src, tmp_path / ("out" + "".join(src.suffixes)), POLICY)
        else:
            classify(str(src))
    return e.value


@pytest.mark.parametrize("compressed", [False, True], ids=["csv", "csv.gz"])
@pytest.mark.parametrize("case", sorted(MESSY))
def test_the_scan_and_the_mask_of_a_messy_csv_give_the_same_fault(tmp_path, case, compressed) -> None:
    data, what = _bytes(case, tmp_path), MESSY[case][1]
    src = tmp_path / ("people.csv.gz" if compressed else "people.csv")
    src.write_bytes(gzip.compress(data) if compressed else data)
    scanned, masked = _fault("scan", src, tmp_path), _fault("mask", src, tmp_path)
    assert str(scanned) == str(masked)  # what, where and fix, word for word
    assert what in masked.what and str(src) in (masked.where or "") and masked.fix
    assert CANARY not in str(masked) and "Jos" not in str(masked) and "zzz" not in str(masked)
    assert masked.__context__ is None and scanned.__context__ is None  # no engine text rides along
    assert [p.name for p in tmp_path.iterdir()] == [src.name]  # no output, no temporary file


@pytest.mark.parametrize("compressed", [False, True], ids=["csv", "csv.gz"])
def test_a_well_formed_csv_reads_the_same_columns_for_the_scan_and_the_mask(tmp_path, compressed) -> None:
    # The control: the same file, well formed, is read by both, with the same names.
    data = b'id;email;note\n007;ann@example.com;"a;b"\n008;bo@example.org;""\n'
    src = tmp_path / ("people.csv.gz" if compressed else "people.csv")
    src.write_bytes(gzip.compress(data) if compressed else data)
    scanned = classify(str(src))
    report = mask_file(src, tmp_path / "out.csv", {"datasets": {"people": {"columns": {
        "id": {"pass": True}, "note": {"pass": True}, "email": {"info_type": "EMAIL"}}}}})
    assert [c.name for c in scanned.columns] == [c.name for c in report.plan.columns] == ["id", "email", "note"]
    assert (tmp_path / "out.csv").read_text() == 'id;email;note\n007;*****@example.com;"a;b"\n008;*****@example.org;""\n'


@pytest.mark.parametrize("name", ["people.csv", "people.tsv", "people.csv.gz"])
@pytest.mark.parametrize("command", ["scan", "mask with a policy", "mask without a policy"])
def test_every_read_of_a_csv_goes_through_the_entry_point(tmp_path, opened, name, command) -> None:
    data = b"id,email\n1,ann@example.com\n2,bo@example.org\n".replace(b",", b"\t" if ".tsv" in name else b",")
    src = tmp_path / name
    src.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    if command == "scan":
        classify(str(src))
        assert opened == [src]
    elif command == "mask with a policy":
        mask_file(src, tmp_path / "out.csv", {"datasets": {"people": {"columns": {
            "id": {"pass": True}, "email": {"info_type": "EMAIL"}}}}})
        assert opened == [src]
    else:  # the mask opens the file once, and its scan samples what the mask opened
        mask_file(src, tmp_path / "out.csv", {"version": 1})
        assert opened == [src]


@pytest.fixture
def streams_read(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The gzip files whose whole stream was read to check it; the check still runs (a spy)."""
    from maskline.engine import csv_faults

    calls: list[Path] = []
    real = csv_faults._whole_gzip

    def spy(src):  # type: ignore[no-untyped-def]
        calls.append(Path(src))
        return real(src)

    monkeypatch.setattr(csv_faults, "_whole_gzip", spy)
    return calls


@pytest.mark.parametrize("policy", [{"version": 1}, {"datasets": {"people": {"columns": {
    "id": {"pass": True}, "email": {"info_type": "EMAIL"}}}}}], ids=["without a policy", "with a policy"])
def test_a_gzip_csv_stream_is_read_whole_once_per_mask(tmp_path, streams_read, policy) -> None:
    # Without a policy the mask used to open the file, then its scan opened it again: two whole-stream reads.
    # The control: with a policy (no scan) it was read once, and still is.
    src = tmp_path / "people.csv.gz"
    src.write_bytes(gzip.compress(b"id,email\n1,ann@example.com\n2,bo@example.org\n"))
    mask_file(src, tmp_path / "out.csv", policy)
    assert streams_read == [src]
    assert "ann@example.com" not in (tmp_path / "out.csv").read_text()


def test_a_messy_gzip_csv_stream_is_read_whole_once_to_name_its_fault(tmp_path, streams_read) -> None:
    # A ragged row: the stream was read whole to check it, then again while the fault was looked for.
    src = tmp_path / "people.csv.gz"
    src.write_bytes(gzip.compress(("id,email,code\n" + "\n".join(_rows(3) + [f"3,{CANARY}"]) + "\n").encode()))
    assert "line 5 has 2 fields" in _fault("mask", src, tmp_path).what
    assert streams_read == [src]


def test_a_file_masked_without_a_policy_is_classified_as_its_scan_classifies_it(tmp_path) -> None:
    # The mask samples the file it opened (on its own connection, all cores): the verdicts are the scan's,
    # column for column, so opening the file once changes no decision.
    from maskline.plan import build_plan
    from maskline.policy import load_policy

    rows = "".join(f"{i},u{i}@example.org,Ann Lee {i},{i * 7 % 1000:05d},{i % 3}\n" for i in range(30_000))
    src = tmp_path / "people.csv.gz"
    src.write_bytes(gzip.compress(("id,email,name,code,flag\n" + rows).encode()))
    scanned = build_plan(load_policy({"version": 1}), "people",
                         [(c, "varchar") for c in ("id", "email", "name", "code", "flag")], classify(str(src)))
    report = mask_file(src, tmp_path / "out.csv", {"version": 1})
    assert [(c.name, c.info_type, c.rule) for c in report.plan.columns] == \
        [(c.name, c.info_type, c.rule) for c in scanned.columns]


def test_a_parquet_file_does_not_go_through_the_csv_entry_point(tmp_path, opened) -> None:
    pq.write_table(pa.table({"id": [1], "email": ["ann@example.com"]}), tmp_path / "people.parquet")
    classify(str(tmp_path / "people.parquet"))  # the control: the spy records only CSV reads
    mask_file(tmp_path / "people.parquet", tmp_path / "out.parquet", {"version": 1})
    assert opened == []
