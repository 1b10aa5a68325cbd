"""Open a CSV file's bytes as DuckDB reads them: a name ending in ``.gz`` is decompressed, any other is not.

maskline's own checks of a CSV (its faults, its header row) read the file in
Python, beside DuckDB; they must see the text DuckDB sees, or a gzip CSV
would be judged by its compressed bytes. DuckDB chooses by the name's
extension, so this does too.

>>> import gzip, pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv.gz"
>>> _ = p.write_bytes(gzip.compress(b"id,email\\n1,ann@example.com\\n"))
>>> with open_csv_bytes(p) as f:
...     f.readline()
b'id,email\\n'
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import IO, cast

GZIP_SUFFIXES = (".gz",)


def gzipped(src: Path) -> bool:
    """Whether DuckDB reads ``src`` as gzip: its name ends in ``.gz``.

    >>> gzipped(Path("people.csv.gz")), gzipped(Path("people.csv"))
    (True, False)
    """
    return src.name.lower().endswith(GZIP_SUFFIXES)


def open_csv_bytes(src: Path) -> IO[bytes]:
    """The file's CSV bytes, decompressed when :func:`gzipped`.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_bytes(b"id\\n1\\n")
    >>> with open_csv_bytes(p) as f:
    ...     f.read()
    b'id\\n1\\n'
    """
    if gzipped(src):
        return cast(IO[bytes], gzip.open(src, "rb"))  # a GzipFile: typeshed does not call it IO[bytes]
    return src.open("rb")


def open_csv_text(src: Path, errors: str = "strict") -> IO[str]:
    """The file's CSV text (UTF-8, a byte-order mark dropped), for :mod:`csv`: newlines are left to the reader.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_bytes(b"\\xef\\xbb\\xbfid;e\\n1;x\\n")
    >>> with open_csv_text(p) as f:
    ...     f.readline()
    'id;e\\n'
    """
    return io.TextIOWrapper(open_csv_bytes(src), encoding="utf-8-sig", errors=errors, newline="")
