"""Write a masked Parquet file whose passed-through columns keep their Arrow types exactly.

DuckDB's own ``COPY ... (FORMAT parquet)`` normalises some types on the way
(``timestamp[ms]`` becomes ``timestamp[us]``, nullable columns may be written
``NOT NULL``). A column maskline does not mask must come out as it went in, so
Parquet-to-Parquet output streams DuckDB's Arrow record batches (columnar, no
Python loop over rows) into a pyarrow writer whose schema takes every passed
column's field from the input file.

>>> import tempfile, pathlib, duckdb, pyarrow as pa, pyarrow.parquet as pq
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> pq.write_table(pa.table({"t": pa.array([1], pa.timestamp("ms"))}), d / "in.parquet")
>>> con = duckdb.connect()
>>> write_parquet_keeping_types(con, f"SELECT * FROM read_parquet('{d / 'in.parquet'}')", d / "in.parquet",
...                             d / "out.parquet", {"t"})
1
>>> pq.read_schema(d / "out.parquet").field("t").type
TimestampType(timestamp[ms])
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

BATCH_ROWS = 122_880  # DuckDB's row-group size: batches stay columnar and memory stays bounded


def write_parquet_keeping_types(con: Any, select: str, src: Path, dst: Path, passed: Collection[str],
                                progress: Callable[[float], None] | None = None) -> int:
    """Run ``select`` and write it to ``dst``; columns in ``passed`` get the input file's exact field.

    Returns the number of rows written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = pq.read_schema(src)
    reader = con.sql(select).to_arrow_reader(BATCH_ROWS)
    try:
        fields = []
        for f in reader.schema:
            if f.name in passed and f.name in source.names:
                fields.append(source.field(f.name))
            else:
                fields.append(f.with_nullable(True))
        schema = pa.schema(fields)
        rows = 0
        with pq.ParquetWriter(dst, schema) as writer:
            for batch in reader:
                writer.write_table(pa.Table.from_batches([batch]).cast(schema))
                rows += batch.num_rows
    finally:
        # An open reader keeps DuckDB's database (and its worker threads) alive after the caller's con.close();
        # a traceback holding this frame would then free it whenever the traceback goes, up to interpreter exit.
        reader.close()
    if progress is not None:
        progress(100.0)
    return rows
