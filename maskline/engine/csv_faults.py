"""Say what is wrong with a CSV that DuckDB cannot read, and where, from the file's structure alone.

DuckDB's message for an unreadable CSV quotes the row, so maskline withholds it
and used to say only ``InvalidInputException``. This module reads the file
once, on that failure path only, and names the first fault it finds by its
kind and line, never by its content: bytes that are not UTF-8, a line longer
than DuckDB reads, a quoted field that is never closed, or a row whose number
of fields is not the header's.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> _ = p.write_bytes(b"id,name\\n1,Jos\\xe9\\n")
>>> print(csv_fault(p, ","))
line 2 holds bytes that are not UTF-8 (at ...t.csv, line 2). Fix: save the file as UTF-8, e.g. iconv -f cp1252 -t utf-8 t.csv > t.utf8.csv (name the encoding it was written in)
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from maskline.engine.csv_bytes import gzipped, open_csv_bytes, open_csv_text
from maskline.errors import InputError

# DuckDB's read_csv default max_line_size (its newline included): a longer line is refused.
MAX_LINE_BYTES = 2_000_000
MAX_FIELD = 2**31 - 1
DELIMITERS = ",;\t|"
PARQUET = b"PAR1"
GZIP = b"\x1f\x8b"
ZSTD = b"\x28\xb5\x2f\xfd"  # which DuckDB reads by the .zst extension only
CHUNK = 1 << 20
GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib reads the gzip header and trailer (CRC-32, length) itself


def csv_fault(src: Path, delimiter: str | None = None, *, stream_checked: bool = False) -> InputError | None:
    """The first structural fault of the CSV ``src`` as an :class:`InputError` (what, file and line, fix), or
    ``None`` when none is found. No cell's text is put in the error. Without a ``delimiter`` (DuckDB's sniffer
    failed too), the one that splits the first lines most evenly is used. ``stream_checked``: the caller found
    a gzip file's stream whole a moment ago (:func:`gzip_fault`), so it is not read whole again.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,email,code\\n1,ann@example.com,00123\\n2,bob@example.org\\n")
    >>> csv_fault(p, ",").what
    'line 3 has 2 fields where the header has 3'
    >>> _ = p.write_text("id,email\\n1,ann@example.com\\n")
    >>> csv_fault(p, ",") is None
    True
    """
    with src.open("rb") as f:
        magic = f.read(4)
    if gzipped(src):
        fault = None if stream_checked else gzip_fault(src)
        if fault is not None:
            return fault
        with open_csv_bytes(src) as f:
            magic = f.read(4)
    elif magic.startswith(GZIP):
        return InputError("the file is gzip-compressed but its name does not end in .gz", where=str(src),
                          fix=f"name it {src.name}.gz, or decompress it (gunzip -c {src.name} > plain.csv)")
    elif magic.startswith(ZSTD):
        return None  # its bytes are not the CSV's: DuckDB's own error stands
    if magic == PARQUET:
        return InputError("the file is Parquet, not CSV", where=str(src),
                          fix=f"{'decompress it and ' if gzipped(src) else ''}give it the .parquet extension "
                              f"({_base_name(src)}.parquet)")
    fault = _byte_fault(src)
    if fault is not None:
        return fault
    delimiter = delimiter or _guess_delimiter(src)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD)  # a long quoted cell is no fault; restored below, as the limit is global
    try:
        fault_at = _unclosed_quote_or_ragged_row(src, delimiter)
    finally:
        csv.field_size_limit(limit)
    if isinstance(fault_at, InputError):
        return fault_at
    if fault_at is None:
        return _mixed_line_endings(src)
    return InputError("a quoted field is not closed, or a quote stands inside an unquoted field",
                      where=f"{src}, line {fault_at}",
                      fix='close the quote, and double a quote inside a quoted field ("")')


def misread_fault(src: Path, columns: Sequence[str], *, stream_checked: bool = False) -> InputError | None:
    """The fault that made DuckDB's sniffer read ``src`` as one column whose name holds a delimiter
    (``stream_checked`` as for :func:`csv_fault`).

    A ragged row among few rows leads the sniffer to a delimiter the file does not use: every line, the header
    included, becomes one cell, and the policy's column names match nothing.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,email\\n1,ann@example.com\\n2\\n")
    >>> misread_fault(p, ["id,email"]).what
    'line 3 has 1 fields where the header has 2'
    >>> misread_fault(p, ["id", "email"]) is None
    True
    """
    if len(columns) != 1 or not any(d in columns[0] for d in DELIMITERS):
        return None
    return csv_fault(src, stream_checked=stream_checked)


def gzip_fault(src: Path) -> InputError | None:
    """The fault of a file named ``.gz`` whose bytes are not one whole gzip stream, or ``None``.

    DuckDB reads a gzip file cut short without an error, up to where it ends: the rows after are lost, and a
    masked copy would be written without them. So the whole stream is read here, before DuckDB reads it.

    >>> import gzip, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv.gz"
    >>> _ = p.write_bytes(gzip.compress(b"id\\n" + b"1\\n" * 1000)[:30])
    >>> gzip_fault(p).what
    'the gzip data is cut short or corrupt'
    >>> _ = p.write_bytes(gzip.compress(b"id\\n1\\n"))
    >>> gzip_fault(p) is None
    True
    """
    with src.open("rb") as f:
        magic = f.read(2)
    if magic != GZIP:
        return InputError("the file's name ends in .gz but it is not gzip-compressed", where=str(src),
                          fix=f"name it without .gz ({src.name[:-3]}), or compress it (gzip -k FILE)")
    if not _whole_gzip(src):
        return InputError("the gzip data is cut short or corrupt", where=str(src),
                          fix=f"check it with gzip -t {src.name}, then copy or write it again")
    return None


def _whole_gzip(src: Path) -> bool:
    """Whether ``src`` is one or more whole gzip members (what ``gzip -t`` accepts), read in :data:`CHUNK` bytes.

    No more than :data:`CHUNK` inflated bytes are held at a time: a highly compressed file is never inflated
    whole in memory. Zero bytes after the last member are padding, as :mod:`gzip` reads them.
    """
    inflate: Any = None  # the member being read; None between members
    try:
        with src.open("rb") as f:
            while data := f.read(CHUNK):
                while data:
                    if inflate is None:
                        data = data.lstrip(b"\0")
                        if not data:
                            break
                        inflate = zlib.decompressobj(GZIP_WBITS)
                    out = inflate.decompress(data, CHUNK)
                    while not inflate.eof and (inflate.unconsumed_tail or len(out) == CHUNK):
                        out = inflate.decompress(inflate.unconsumed_tail, CHUNK)  # the output kept to CHUNK
                    data = b""
                    if inflate.eof:  # the member's CRC-32 and length matched; the rest is padding or a member
                        data, inflate = inflate.unused_data, None
    except (OSError, zlib.error):  # their text is about the stream, but errors carry structure
        return False
    return inflate is None  # a member begun and not ended is cut short


def _base_name(src: Path) -> str:
    """The file's name without .gz and its CSV extension: ``people`` for ``people.csv.gz``."""
    name = src.name[:-3] if gzipped(src) else src.name
    return Path(name).stem


def _unclosed_quote_or_ragged_row(src: Path, delimiter: str) -> InputError | int | None:
    """A row whose number of fields is not the header's, or the line where a record that cannot be parsed
    starts."""
    with open_csv_text(src) as f:
        reader = csv.reader(f, delimiter=delimiter, strict=True)
        header: list[str] | None = None
        start = 1
        try:
            for row in reader:
                if row and header is None:
                    header = row
                elif row and len(row) != len(header or row):
                    return InputError(f"line {start} has {len(row)} fields where the header has "
                                      f"{len(header or row)}", where=f"{src}, line {start}",
                                      fix="give that row as many fields as the header (quote a field that holds "
                                          f"the delimiter {delimiter!r}), or remove it")
                start = reader.line_num + 1
        except csv.Error:  # its text can quote the field: only the line is kept
            return start
    return None


def _byte_fault(src: Path) -> InputError | None:
    """A line that is not UTF-8, or longer than DuckDB reads."""
    with open_csv_bytes(src) as f:
        for n, line in enumerate(f, 1):
            if len(line) > MAX_LINE_BYTES:
                return InputError(f"line {n} is longer than the {MAX_LINE_BYTES:,} bytes DuckDB reads in one line",
                                  where=f"{src}, line {n}",
                                  fix="shorten or split its longest cell, or store the table as Parquet")
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad = True
            else:
                bad = False
            if bad:  # raised outside the handler: the decode error quotes the byte
                return InputError(f"line {n} holds bytes that are not UTF-8", where=f"{src}, line {n}",
                                  fix=f"save the file as UTF-8, e.g. {_iconv(src)} (name the encoding it was "
                                      "written in)")
    return None


def _mixed_line_endings(src: Path) -> InputError | None:
    """The first line that ends otherwise than the header (CRLF after LF, or LF after CRLF).

    DuckDB's sniffer refuses a file whose lines end both ways (one appended by another tool, or the last line
    alone written on Windows), and Python's reader, which takes both, finds no fault in it. It is looked for
    last, on the failure path only: a CRLF file with LF line breaks inside quoted cells (as spreadsheets write
    them) reads in DuckDB, so it is never met here unless another fault stopped DuckDB first.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_bytes(b"id,name\\n1,Ann\\n2,Bob\\r\\n")
    >>> print(_mixed_line_endings(p))
    line 3 ends in CRLF where line 1 ends in LF (at ...t.csv, line 3). Fix: end every line the same way, e.g. sed -i 's/\\r$//' t.csv (or dos2unix t.csv)
    """
    first: str | None = None
    with open_csv_bytes(src) as f:
        for n, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                break  # the last line, without a newline
            ending = "CRLF" if line.endswith(b"\r\n") else "LF"
            if first is None:
                first = ending
            elif ending != first:
                unzip = "decompress it, then " if gzipped(src) else ""
                name = src.name[:-3] if gzipped(src) else src.name
                return InputError(f"line {n} ends in {ending} where line 1 ends in {first}", where=f"{src}, line {n}",
                                  fix=f"{unzip}end every line the same way, e.g. sed -i 's/\\r$//' {name} (or "
                                      f"dos2unix {name})")
    return None


def _iconv(src: Path) -> str:
    """The command that rewrites ``src`` as UTF-8 beside it, through gunzip and gzip for a gzip file."""
    if gzipped(src):
        plain = src.name[:-3]
        out = f"{Path(plain).stem}.utf8{Path(plain).suffix}.gz"
        return f"gunzip -c {src.name} | iconv -f cp1252 -t utf-8 | gzip > {out}"
    return f"iconv -f cp1252 -t utf-8 {src.name} > {src.stem}.utf8{src.suffix}"


def _guess_delimiter(src: Path) -> str:
    """The delimiter of the file's first lines by :class:`csv.Sniffer`, or a comma."""
    with open_csv_text(src, errors="replace") as f:
        head = f.read(65536)
    try:
        return csv.Sniffer().sniff(head, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","
