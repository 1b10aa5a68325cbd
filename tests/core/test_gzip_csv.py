"""``maskline mask`` reads a gzip CSV through the same reader as a plain one and writes ``.csv.gz`` atomically."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from maskline.engine.files import mask_file
from maskline.errors import InputError

CSV = (
    "id,when,flag,price,hex,zip,note,empty,email\n"
    '007,2024-01-05,TRUE,1.10,0x1F,01234,"a, b",,ann@example.com\n'
    '8,05/01/2024,yes,1e3,0xff,00501,"",x,bo@example.org\n'
    '9,,f,-0.0,0X00AB,10115,"line\nbreak",,cy@example.net\n'
)
PASSED = ("id", "when", "flag", "price", "hex", "zip", "note", "empty")
POLICY = {"datasets": {"people": {"columns": {**{c: {"pass": True} for c in PASSED},
                                              "email": {"info_type": "EMAIL"}}}}}
EMAILS = ("ann@example.com", "bo@example.org", "cy@example.net")


def _cli(*argv: str, cwd: Path) -> tuple[int, str]:
    root = str(Path(__file__).resolve().parents[2])  # this checkout's maskline, whatever the venv installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "maskline", *argv], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)
    return done.returncode, done.stdout + done.stderr


def test_a_gzip_csv_masks_to_the_same_bytes_as_the_plain_csv_gzip_compressed(tmp_path) -> None:
    (tmp_path / "people.csv").write_text(CSV)
    (tmp_path / "people.csv.gz").write_bytes(gzip.compress(CSV.encode()))
    mask_file(tmp_path / "people.csv", tmp_path / "out.csv", POLICY)  # the control: the plain run
    mask_file(tmp_path / "people.csv.gz", tmp_path / "out.csv.gz", POLICY)
    plain = (tmp_path / "out.csv").read_bytes()
    assert (tmp_path / "out.csv.gz").read_bytes()[:2] == b"\x1f\x8b"  # gzip, as its name says
    assert gzip.decompress((tmp_path / "out.csv.gz").read_bytes()) == plain
    want = CSV
    for email in EMAILS:
        want = want.replace(email, "*****@" + email.split("@")[1])
    assert plain.decode() == want  # passed cells as written, the e-mail column masked
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_gzip_csv_keeps_its_delimiter_and_may_be_written_plain(tmp_path) -> None:
    text = 'id;note\n01;"a;b"\n02;1,5\n'
    (tmp_path / "people.csv.gz").write_bytes(gzip.compress(text.encode()))
    policy = {"datasets": {"people": {"columns": {"id": {"pass": True}, "note": {"pass": True}}}}}
    mask_file(tmp_path / "people.csv.gz", tmp_path / "out.csv.gz", policy)
    mask_file(tmp_path / "people.csv.gz", tmp_path / "out.csv", policy)  # the format is the output's name
    assert gzip.decompress((tmp_path / "out.csv.gz").read_bytes()).decode() == text
    assert (tmp_path / "out.csv").read_text() == text


def test_a_gzip_csv_is_masked_by_the_dataset_named_without_its_extensions(tmp_path) -> None:
    (tmp_path / "people.csv.gz").write_bytes(gzip.compress(CSV.encode()))
    report = mask_file(tmp_path / "people.csv.gz", tmp_path / "out.csv.gz", POLICY)
    assert [c.name for c in report.plan.columns if c.masked] == ["email"]  # 'people''s rules, not 'people.csv'
    (tmp_path / "staff.csv.gz").write_bytes(gzip.compress(CSV.encode()))
    with pytest.raises(InputError, match="no dataset named 'staff'"):  # the control: another name is refused
        mask_file(tmp_path / "staff.csv.gz", tmp_path / "staff_out.csv.gz", POLICY)


def _cut_short(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def _flipped(data: bytes) -> bytes:
    raw = bytearray(data)
    raw[len(raw) // 2] ^= 0xFF
    return bytes(raw)


BIG = ("id,email\n" + "".join(f"{i},u{i}@example.org\n" for i in range(20_000))).encode()
def _changed_inside(_: bytes) -> bytes:
    """A stored (uncompressed) gzip stream with one character of a row changed: it still inflates, to other text,
    and only its CRC tells."""
    data = gzip.compress(BIG, compresslevel=0, mtime=0)
    at = data.index(b"u10000@")
    return data[:at] + b"u10001@" + data[at + 7:]


@pytest.mark.parametrize("damage", [_cut_short, _flipped, _changed_inside],
                         ids=["cut short", "corrupt", "changed inside, read silently by DuckDB"])
@pytest.mark.parametrize("output", ["out.csv.gz", "out.csv", "out.parquet"])
def test_a_corrupt_gzip_csv_is_refused_naming_the_file_and_the_fix_and_nothing_is_written(tmp_path, damage,
                                                                                          output) -> None:
    src = tmp_path / "people.csv.gz"
    src.write_bytes(damage(gzip.compress(BIG)))
    with pytest.raises(InputError) as e:
        mask_file(src, tmp_path / output, {"datasets": {"people": {"columns": {"id": {"pass": True},
                                                                               "email": {"method": "redact"}}}}})
    assert e.value.what == "the gzip data is cut short or corrupt" and e.value.where == str(src)
    assert "gzip -t people.csv.gz" in (e.value.fix or "")
    assert e.value.__context__ is None
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv.gz"]  # no output, no temporary file


def test_duckdb_alone_reads_a_gzip_csv_whose_crc_fails_without_an_error(tmp_path) -> None:
    import duckdb

    src = tmp_path / "people.csv.gz"
    src.write_bytes(_changed_inside(b""))
    rows = duckdb.connect().execute(f"SELECT count(*), count(*) FILTER (email = 'u10001@example.org') "
                                    f"FROM read_csv('{src}')").fetchall()
    assert rows == [(20_000, 2)]  # the control: without the stream check the changed row would be masked as read


def test_the_cli_masks_a_gzip_csv_and_refuses_a_corrupt_one(tmp_path) -> None:
    (tmp_path / "people.csv.gz").write_bytes(gzip.compress(CSV.encode()))
    (tmp_path / "p.yml").write_text("datasets:\n  people:\n    columns:\n"
                                    + "".join(f"      {c}: {{pass: true}}\n" for c in PASSED)
                                    + "      email: {info_type: EMAIL}\n")
    code, output = _cli("mask", "people.csv.gz", "out.csv.gz", "--policy", "p.yml", cwd=tmp_path)
    assert code == 0, output
    assert "ann@example.com" not in gzip.decompress((tmp_path / "out.csv.gz").read_bytes()).decode()
    (tmp_path / "broken.csv.gz").write_bytes(_cut_short(gzip.compress(BIG)))
    code, output = _cli("mask", "broken.csv.gz", "broken_out.csv.gz", "--table", "people", cwd=tmp_path)
    assert code == 2 and "broken.csv.gz" in output and "gzip -t" in output and "Traceback" not in output
    assert not (tmp_path / "broken_out.csv.gz").exists()


@pytest.mark.parametrize(("name", "data", "what"), [
    ("people.csv", gzip.compress(b"id,email\n1,ann@example.com\n"), "gzip-compressed but its name does not end in"),
    ("people.csv.gz", b"id,email\n1,ann@example.com\n", "name ends in .gz but it is not gzip-compressed"),
], ids=["gzip named .csv", "plain named .csv.gz"])
def test_a_compression_its_name_does_not_tell_is_named(tmp_path, name, data, what) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    with pytest.raises(InputError) as e:
        mask_file(src, tmp_path / "out.csv", {"datasets": {"people": {"columns": {"id": {"pass": True}}}}})
    assert what in e.value.what and e.value.fix
    assert [p.name for p in tmp_path.iterdir()] == [name]
