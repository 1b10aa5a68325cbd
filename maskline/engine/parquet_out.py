"""Write a masked Parquet file whose passed columns are the input file's own, read by pyarrow, never by DuckDB.

DuckDB reads some Parquet types lossily (a ``decimal256`` of more than 38 digits as a DOUBLE) and its own
``COPY ... (FORMAT parquet)`` normalises others (``timestamp[ms]`` becomes ``timestamp[us]``, nullable columns
may be written ``NOT NULL``). A column maskline does not mask must come out as it went in, so DuckDB computes the
masked columns only and streams them as Arrow record batches (columnar, no Python loop over rows); the passed
columns are read from the input file by pyarrow, batch by batch, and set beside them (see
:mod:`maskline.engine.carried`).

>>> import tempfile, pathlib, decimal, duckdb, pyarrow as pa, pyarrow.parquet as pq
>>> from maskline.plan import build_plan
>>> from maskline.policy import load_policy
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> wide = pa.array([decimal.Decimal("1" * 48 + ".25")], pa.decimal256(50, 2))
>>> pq.write_table(pa.table({"t": pa.array([1], pa.timestamp("ms")), "amount": wide, "e": ["ann"]}), d / "in.parquet")
>>> passed = {"t": {"pass": True}, "amount": {"pass": True}}
>>> policy = load_policy({"datasets": {"t": {"columns": {**passed, "e": {"method": "redact"}}}}})
>>> plan = build_plan(policy, "t", [("t", "timestamp"), ("amount", "double"), ("e", "varchar")])
>>> write_parquet_keeping_types(duckdb.connect(), f"SELECT t, amount, 'x' AS e FROM read_parquet('{d / 'in.parquet'}')",
...                             d / "in.parquet", d / "out.parquet", plan)
1
>>> out = pq.read_table(d / "out.parquet")
>>> out.schema.field("t").type, out.column("amount").to_pylist() == wide.to_pylist(), out.column("e").to_pylist()
(TimestampType(timestamp[ms]), True, ['x'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maskline.plan import Plan

BATCH_ROWS = 122_880  # DuckDB's row-group size: batches stay columnar and memory stays bounded


def write_parquet_keeping_types(con: Any, select: str, src: Path, dst: Path, plan: Plan,
                                progress: Callable[[float], None] | None = None) -> int:
    """Write ``dst``: the masked columns from ``select`` (the plan's masking SELECT over ``src``), the passed ones
    from ``src`` itself. Returns the number of rows written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from maskline.engine.carried import beside, computed, masked_only, misaligned

    source = pq.ParquetFile(src)
    if len(source.schema_arrow) != len(plan.columns):
        raise misaligned(plan, "columns")
    kept = [i for i, c in enumerate(plan.columns) if not computed(c)]  # by position: DuckDB may rename a column
    kept_schema = pa.schema([source.schema_arrow.field(i) for i in kept])
    passed = _Rows(_batches(source, kept), kept_schema) if kept else None
    sql = masked_only(plan, select)
    reader = con.sql(sql).to_arrow_reader(BATCH_ROWS) if sql is not None else None
    try:
        schema = beside(plan, kept_schema.empty_table() if kept else None,
                        reader.schema.empty_table() if reader is not None else None).schema
        rows = 0
        with pq.ParquetWriter(dst, schema) as writer:
            if reader is not None:
                for batch in reader:
                    masked = pa.Table.from_batches([batch])
                    writer.write_table(beside(plan, passed.take(batch.num_rows) if passed else None, masked))
                    rows += batch.num_rows
                if passed is not None and passed.take(1).num_rows:
                    raise misaligned(plan, "rows")
            elif passed is not None:  # nothing masked: the input's batches as they are
                for batch in passed.batches:
                    writer.write_table(pa.Table.from_batches([batch], schema=schema))
                    rows += batch.num_rows
    finally:
        # An open reader keeps DuckDB's database (and its worker threads) alive after the caller's con.close();
        # a traceback holding this frame would then free it whenever the traceback goes, up to interpreter exit.
        if reader is not None:
            reader.close()
    if progress is not None:
        progress(100.0)
    return rows


def _batches(source: Any, kept: list[int]) -> Iterator[Any]:
    """The input's columns at positions ``kept``, batch by batch; only those are read when names are unique."""
    names = source.schema_arrow.names
    if len(set(names)) == len(names):
        yield from source.iter_batches(batch_size=BATCH_ROWS, columns=[names[i] for i in kept])
        return
    for batch in source.iter_batches(batch_size=BATCH_ROWS):
        yield batch.select(kept)


class _Rows:
    """The next ``n`` rows of a stream of record batches, whatever sizes the batches come in."""

    def __init__(self, batches: Iterator[Any], schema: Any) -> None:
        self.batches = batches
        self.schema = schema
        self._pending: list[Any] = []
        self._count = 0

    def take(self, n: int) -> Any:
        """Up to ``n`` rows (fewer only when the stream ends) as a Table."""
        import pyarrow as pa

        while self._count < n:
            batch = next(self.batches, None)
            if batch is None:
                break
            self._pending.append(batch)
            self._count += batch.num_rows
        table = pa.Table.from_batches(self._pending, schema=self.schema)
        head, rest = table.slice(0, n), table.slice(n)
        self._pending, self._count = rest.to_batches(), rest.num_rows
        return head
