"""Arrow types that DuckDB maps onto its own: every column that is not masked comes out unchanged, in value and
type; masked ones are masked; what cannot be carried is refused with an error that names the column, not a value."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from maskline.engine.files import mask_file

NS = 1_700_000_000_123_456_789  # 2023-11-14 22:13:20.123456789 UTC: a nanosecond part no microsecond type holds


def test_a_parquet_nanosecond_timestamp_with_a_time_zone_is_classified_and_passes_unchanged(tmp_path) -> None:
    # DuckDB reads it as TIMESTAMPTZ_NS, which its year() and date_trunc() do not take: the scan failed on it.
    src, dst = tmp_path / "events.parquet", tmp_path / "out.parquet"
    table = pa.table({"id": [1, 2], "at": pa.array([NS, None], pa.timestamp("ns", tz="Europe/Paris")),
                      "naive": pa.array([NS, None], pa.timestamp("ns"))})
    pq.write_table(table, src)
    report = mask_file(src, dst, {"version": 1})  # no datasets: the file is classified first
    assert [c.info_type for c in report.plan.columns] == [None, None, None]
    out = pq.read_table(dst)
    assert out.schema == table.schema and out.equals(table)
