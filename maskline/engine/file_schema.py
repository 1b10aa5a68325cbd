"""The columns and types of a CSV, gzip CSV or Parquet file, read as maskline reads its input.

Lineage describes a masked file by its columns (the output's typed schema facet). A CSV is read
through :func:`maskline.engine.csv_read.open_csv`, the one CSV reader, so the columns named are the
ones the scan and the mask read, with the same delimiter, header, quote and checks, and no face
carries CSV options of its own. Types are those DuckDB's sniffer gives each column, as
:meth:`~maskline.engine.csv_read.CsvInput.sniffed_types` reads them; a Parquet file's are stored.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
>>> _ = p.write_bytes(b'\\xef\\xbb\\xbfid;note\\n1;"a\\nb"\\n')
>>> file_schema(p)
(('id', 'BIGINT'), ('note', 'VARCHAR'))
"""

from __future__ import annotations

from pathlib import Path

from maskline.errors import InputError

PARQUET_SUFFIXES = (".parquet", ".pq")


def file_schema(path: str | Path) -> tuple[tuple[str, str], ...]:
    """``(column, type)`` of every column of the file ``path``, in order, or the :class:`InputError` that says
    why it cannot be read (a CSV's fault, by kind and line, as :func:`~maskline.engine.csv_read.open_csv` names it).

    >>> import pathlib, tempfile
    >>> import pyarrow as pa, pyarrow.parquet as pq
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.parquet"
    >>> pq.write_table(pa.table({"id": [1], "email": ["x"]}), p)
    >>> file_schema(p)
    (('id', 'BIGINT'), ('email', 'VARCHAR'))
    """
    from maskline.adapters.duckdb import connect

    path = Path(path)
    con = connect()
    try:
        if path.name.lower().endswith(PARQUET_SUFFIXES):
            return _parquet_schema(con, path)
        from maskline.engine.csv_read import open_csv

        return tuple(open_csv(con, path).sniffed_types().items())
    finally:
        con.close()  # an embedded connection holds memory until closed


def _parquet_schema(con: object, path: Path) -> tuple[tuple[str, str], ...]:
    """A Parquet file's stored columns and types, or an :class:`InputError` built from its structure."""
    failed: str | None = None
    try:
        rel = con.read_parquet(str(path))  # type: ignore[attr-defined]
        return tuple((name, str(type_)) for name, type_ in zip(rel.columns, rel.types, strict=True))
    except Exception as e:  # noqa: BLE001 - only its class is kept: the engine's text may quote the file
        failed = type(e).__name__
    raise InputError(f"cannot read {path.name}: {failed}", where=str(path),
                     fix="check that the file is valid Parquet")
