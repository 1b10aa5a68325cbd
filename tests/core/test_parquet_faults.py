"""A file named ``.parquet`` that is not one whole Parquet file is refused by what it is, by the scan and the mask
alike, where both said only ``InvalidInputException`` ("check that the file is valid CSV or Parquet"): CSV text
given a Parquet name, a gzip file, and a Parquet file cut short by a copy or an upload that stopped."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from maskline.classify import classify
from maskline.engine.files import mask_file
from maskline.errors import InputError

CANARY = "zed.canary@example.com"
POLICY = {"datasets": {"people": {"columns": {"id": {"pass": True}}}}}


def _parquet(tmp_path: Path) -> bytes:
    pq.write_table(pa.table({"id": list(range(50)), "email": [CANARY] * 50}), tmp_path / "made.parquet")
    data = (tmp_path / "made.parquet").read_bytes()
    (tmp_path / "made.parquet").unlink()
    return data


FAULTS = {
    "csv text": (lambda _: f"id,email\n1,{CANARY}\n".encode(),
                 "the file's name ends in .parquet but it is not Parquet",
                 "name it for what it holds (people.csv for CSV text), or write it as Parquet"),
    "gzip csv": (lambda _: gzip.compress(f"id,email\n1,{CANARY}\n".encode()),
                 "the file is gzip-compressed, not Parquet",
                 "name it for what it holds (people.csv.gz for gzip CSV), or decompress it"),
    "cut short": (lambda tmp: _parquet(tmp)[: len(_parquet(tmp)) // 2],
                  "the Parquet file is cut short: it does not end with its footer",
                  "copy or write it again (a copy or an upload stopped before its end)"),
}


@pytest.mark.parametrize("case", sorted(FAULTS))
def test_the_scan_and_the_mask_name_what_a_file_named_parquet_is(tmp_path: Path, case: str) -> None:
    make, what, fix = FAULTS[case]
    src = tmp_path / "people.parquet"
    src.write_bytes(make(tmp_path))
    with pytest.raises(InputError) as scanned:
        classify(str(src))
    with pytest.raises(InputError) as masked:
        mask_file(src, tmp_path / "out.parquet", POLICY)
    assert str(scanned.value) == str(masked.value) == f"{what} (at {src}). Fix: {fix}"
    assert CANARY not in str(masked.value)
    assert [p.name for p in tmp_path.iterdir()] == [src.name]  # no output, no temporary file


def test_a_whole_parquet_file_is_read(tmp_path: Path) -> None:
    # The control: the same bytes, whole, are scanned and masked.
    src = tmp_path / "people.parquet"
    src.write_bytes(_parquet(tmp_path))
    assert [c.name for c in classify(str(src)).columns] == ["id", "email"]
    assert mask_file(src, tmp_path / "out.parquet", POLICY).rows == 50
