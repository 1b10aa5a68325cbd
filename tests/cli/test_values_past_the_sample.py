"""A CSV column passed raw for its values' shape passes only values of that shape, past the classifier's sample too.

The classifier reads the first 10,000 rows. On main e932d55 ``maskline mask`` wrote a name or an SSN at row
30,001 of a column of numbers (or dates, or booleans) raw, because the column passed as ``numeric``. The
guard (:mod:`maskline.engine.shape_guard`) masks such a value as unclassified; the other rows, the columns
the policy passes, and every column of a file whose values all fit, are written as they were.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from maskline.cli.main import main

SECRET_NAME = "Quillon Vexmarra"
SECRET_SSN = "536-22-8417"
ROWS = 30_000  # past the classifier's sample (10,000 rows) and DuckDB's sniffer's (20,480)


def _file(tmp_path: Path, last: dict[str, str]) -> Path:
    src = tmp_path / "ledger.csv"
    lines = ["id,amount,booked_on,settled"]
    lines += [f"{i},{i * 3}.25,2024-01-{1 + i % 28:02d},{'true' if i % 2 else 'false'}" for i in range(1, ROWS + 1)]
    lines.append(f"{ROWS + 1},{last.get('amount', '1.5')},{last.get('booked_on', '2024-02-01')},"
                 f"{last.get('settled', 'true')}")
    src.write_text("\n".join(lines) + "\n")
    return src


def _mask(src: Path, tmp_path: Path, *policy: str) -> str:
    out = tmp_path / "out.csv"
    assert main(["mask", str(src), str(out), "--overwrite", *policy]) == 0
    return out.read_text()


@pytest.mark.parametrize("column,value", [("amount", SECRET_NAME), ("booked_on", SECRET_SSN),
                                          ("settled", SECRET_NAME)])
def test_a_value_past_the_sample_without_the_columns_shape_is_masked(tmp_path: Path, column: str,
                                                                      value: str) -> None:
    written = _mask(_file(tmp_path, {column: value}), tmp_path)
    assert value not in written
    last = written.splitlines()[-1].split(",")
    assert last[["id", "amount", "booked_on", "settled"].index(column)] == "[REDACTED]"
    assert written.splitlines()[1] == "1,3.25,2024-01-02,true"  # control: the column still passes, row by row


def test_every_value_of_the_right_shape_is_written_unchanged(tmp_path: Path) -> None:
    src = _file(tmp_path, {})
    assert _mask(src, tmp_path) == src.read_text()  # control: the guard changes nothing when the claim holds


def test_a_column_the_policy_passes_is_the_users_decision(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text("version: 1\ndatasets:\n  ledger:\n    columns:\n      amount: {pass: true}\n")
    written = _mask(_file(tmp_path, {"amount": SECRET_NAME}), tmp_path, "--policy", str(policy))
    assert written.splitlines()[-1].split(",")[1] == SECRET_NAME  # named in the policy: passed as the user said


def test_a_dataframe_column_of_numbers_as_text_masks_a_name_past_the_sample() -> None:
    import pandas as pd

    from maskline import mask_frame

    df = pd.DataFrame({"id": range(ROWS + 1), "amount": [f"{i * 3}.25" for i in range(ROWS)] + [SECRET_NAME]})
    out = mask_frame(df, {"version": 1})
    assert SECRET_NAME not in out["amount"].tolist()
    assert out["amount"].iloc[-1] == "[REDACTED]"
    assert out["amount"].iloc[:ROWS].tolist() == df["amount"].iloc[:ROWS].tolist()  # control: the rest passes
    assert out["id"].tolist() == df["id"].tolist()


def test_a_parquet_text_column_of_numbers_masks_a_name_past_the_sample(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    src, dst = tmp_path / "ledger.parquet", tmp_path / "out.parquet"
    amounts = [f"{i * 3}.25" for i in range(ROWS)] + [SECRET_NAME]
    pq.write_table(pa.table({"id": pa.array(range(ROWS + 1), pa.int64()), "amount": amounts}), src)
    assert main(["mask", str(src), str(dst)]) == 0
    written = pq.read_table(dst)
    assert written.column("amount").to_pylist()[-1] == "[REDACTED]"
    assert written.column("amount").to_pylist()[:ROWS] == amounts[:ROWS]  # control
    assert written.schema.field("id").type == pa.int64()  # a typed column is still carried as it is
