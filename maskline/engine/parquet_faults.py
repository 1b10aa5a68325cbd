"""Name what is wrong with a file called ``.parquet`` that is not one whole Parquet file, before DuckDB reads it.

DuckDB's error for such a file says only that the input is invalid (its class, ``InvalidInputException``, is all
maskline may show, as its text can quote the file), where the CSV reader names the fault. A Parquet file opens
and ends with the magic bytes ``PAR1``; the checks read those eight bytes and nothing else, so no value of the
file is read or shown. ``maskline mask`` and ``maskline scan`` both call :func:`parquet_fault`.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "people.parquet"; _ = p.write_text("id,email\\n1,ann@example.com\\n")
>>> print(parquet_fault(p))
the file's name ends in .parquet but it is not Parquet (at ...people.parquet). Fix: name it for what it holds (people.csv for CSV text), or write it as Parquet
"""

from __future__ import annotations

from pathlib import Path

from maskline.errors import InputError

MAGIC = b"PAR1"
GZIP = b"\x1f\x8b"


def parquet_fault(src: Path) -> InputError | None:
    """The fault of the file ``src``, named ``.parquet``, that keeps it from being Parquet, or ``None``.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"; _ = p.write_bytes(b"PAR1" + b"\\0" * 20 + b"PAR1")
    >>> parquet_fault(p) is None
    True
    >>> _ = p.write_bytes(b"PAR1" + b"\\0" * 20)
    >>> parquet_fault(p).what
    'the Parquet file is cut short: it does not end with its footer'
    """
    with src.open("rb") as f:
        head = f.read(len(MAGIC))
        size = f.seek(0, 2)
        f.seek(max(size - len(MAGIC), 0))
        tail = f.read(len(MAGIC))
    stem = src.name.rsplit(".", 1)[0]
    if head.startswith(GZIP):
        return InputError("the file is gzip-compressed, not Parquet", where=str(src),
                          fix=f"name it for what it holds ({stem}.csv.gz for gzip CSV), or decompress it")
    if head != MAGIC:
        return InputError("the file's name ends in .parquet but it is not Parquet", where=str(src),
                          fix=f"name it for what it holds ({stem}.csv for CSV text), or write it as Parquet")
    if size < 2 * len(MAGIC) or tail != MAGIC:
        return InputError("the Parquet file is cut short: it does not end with its footer", where=str(src),
                          fix="copy or write it again (a copy or an upload stopped before its end)")
    return None
