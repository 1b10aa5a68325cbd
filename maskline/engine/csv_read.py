"""The one way maskline reads a CSV file: the scan and the mask see the same columns, or the same fault.

:func:`open_csv` sniffs the file once, reads it with one set of options and
runs every check maskline makes of a CSV before any column name is used, so
the classifier and the masking cannot disagree on what a file holds, and no
reader can skip a check:

- a ``.gz`` file must be one whole gzip stream (DuckDB reads one cut short
  without an error, and the rows past the cut would be lost);
- DuckDB must read it; when it cannot, the fault is named by its kind and line
  (:func:`maskline.engine.csv_faults.csv_fault`), never by DuckDB's message,
  which quotes the row;
- it must not be read as one column whose name holds a delimiter (a ragged row
  can lead the sniffer there, and the policy's names would then match nothing);
- its first line must name every column, and those names must be distinct
  and not a record (:mod:`maskline.engine.csv_header`);
- no line is skipped: the first line is the header, whatever the sniffer
  thinks of it.

Options: every column as text (VARCHAR), so a cell that is not masked comes out
as it went in; RFC 4180's quote and escape (``"``), not sniffed, so a field
quoted past the sniffer's sample is still read as one; the header row
required; a quoted empty string kept apart from an empty field (NULL); the
delimiter DuckDB's sniffer finds, given to the reader, so the one that is
reported is the one that was used. Every error is raised outside any ``except``
block: no engine error rides along as its context.

>>> import duckdb, pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "people.csv"
>>> _ = p.write_text('id;zip\\n007;"01234"\\n')
>>> csv = open_csv(duckdb.connect(), p)
>>> csv.delimiter, csv.relation.columns, csv.relation.fetchall()
(';', ['id', 'zip'], [('007', '01234')])
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from maskline.engine.csv_bytes import gzipped
from maskline.engine.csv_faults import csv_fault, gzip_fault, misread_fault
from maskline.errors import InputError

# RFC 4180's quote and escape: a sniffer that sees no quote in its sample reads none, and a field quoted further
# down ("Smith, John") would then be split, or keep its quotes as text and come out changed.
QUOTE = "quote = '\"', escape = '\"'"
# Every line is read: DuckDB's sniffer may decide that leading lines are not part of the table and skip them (a
# header with fewer fields than the rows, a title line). Skipped lines would be missing from the masked copy,
# and the first row kept would become the header, its values printed as column names; with skip = 0 such a file
# is a fault with its line instead.
NO_SKIP = "skip = 0"
# Text in, text out: nothing is parsed, so nothing passed through is reformatted.
CSV_TEXT = f"all_varchar = true, header = true, allow_quoted_nulls = false, {QUOTE}, {NO_SKIP}"


@dataclass(frozen=True)
class CsvInput:
    """A CSV file :func:`open_csv` has read and checked: its text relation and the delimiter it was read with.

    >>> import duckdb, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("id,when\\n1,2024-01-05\\n")
    >>> csv = open_csv(duckdb.connect(), p)
    >>> csv.columns, csv.sniffed_types()
    (('id', 'when'), {'id': 'BIGINT', 'when': 'DATE'})
    """

    path: Path
    delimiter: str
    relation: Any  # a DuckDB relation on the connection given to open_csv; every column VARCHAR
    connection: Any

    @property
    def columns(self) -> tuple[str, ...]:
        """The header's column names, as DuckDB read them.

        >>> import duckdb, pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("a|b\\n1|2\\n")
        >>> open_csv(duckdb.connect(), p).columns
        ('a', 'b')
        """
        return tuple(self.relation.columns)

    def sniffed_types(self) -> dict[str, str]:
        """The type DuckDB's sniffer gives each column, read with the same delimiter, header and quote.

        The classifier weighs them as evidence (a column of integers); the values it samples, and every value
        masked, are read as text from :attr:`relation`.

        >>> import duckdb, pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("zip\\n01234\\n")
        >>> open_csv(duckdb.connect(), p).sniffed_types()
        {'zip': 'VARCHAR'}
        """
        typed = self.connection.sql(f"SELECT * FROM read_csv({_literal(str(self.path))}, "
                                    f"delim = {_literal(self.delimiter)}, header = true, {QUOTE}, {NO_SKIP})")
        return dict(zip(typed.columns, (str(t) for t in typed.types), strict=True))

    def fault(self) -> InputError | None:
        """What is wrong with the file, once DuckDB failed reading it past the rows it checked when opened, or
        ``None`` when maskline finds no fault (the caller then raises its own error).

        DuckDB reads lazily: a malformed row deep in a large file is met only when the rows are read (sampled
        or copied), after a write may have begun. The caller raises this outside its ``except`` block.

        >>> import duckdb, pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("id,email\\n1,ann@example.com\\n")
        >>> csv = open_csv(duckdb.connect(), p)
        >>> csv.fault() is None
        True
        >>> _ = p.write_text("id,email\\n1,ann@example.com\\n2\\n")  # changed since it was opened
        >>> csv.fault().what
        'the input cannot be read to its end, nothing was written: line 3 has 1 fields where the header has 2'
        """
        found = csv_fault(self.path, self.delimiter)
        if found is None:
            return None
        return InputError(f"the input cannot be read to its end, nothing was written: {found.what}",
                          where=found.where, fix=f"{found.fix} (the engine's message is not shown because it "
                                                 "quotes the malformed row)")


def open_csv(con: Any, path: str | Path) -> CsvInput:
    """Read the CSV (or ``.csv.gz``) file ``path`` on the DuckDB connection ``con``, or raise the
    :class:`InputError` that says what is wrong with it, where, and how to fix it.

    >>> import duckdb, pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = p.write_text("id,email,code\\n1,ann@example.com,00123\\n2,bob@example.org\\n")
    >>> open_csv(duckdb.connect(), p)
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: line 3 has 2 fields where the header has 3 (at ...t.csv, line 3). Fix: give that row as many fields as the header (quote a field that holds the delimiter ','), or remove it
    """
    from maskline.engine.csv_header import (
        check_header_holds_names,
        check_header_names_every_column,
        check_unique_header,
    )

    path = Path(path)
    fault = gzip_fault(path) if gzipped(path) else None
    if fault is not None:
        raise fault
    failed: str | None = None
    try:
        delimiter, has_header = _sniff(con, path)
        relation = con.sql(f"SELECT * FROM read_csv({_literal(str(path))}, delim = {_literal(delimiter)}, "
                           f"{CSV_TEXT})")
        columns = list(relation.columns)
    except Exception as e:  # noqa: BLE001 - only its class is kept: DuckDB's text quotes the row it stopped at
        failed = type(e).__name__
    # The gzip stream was found whole above: the fault is looked for without reading it whole again.
    if failed is not None:  # raised outside the handler, which holds the engine's error
        raise csv_fault(path, stream_checked=True) or _unreadable(path, failed)
    if not columns:
        raise InputError("input has no columns", where=str(path), fix="pass a file with a header")
    fault = misread_fault(path, columns, stream_checked=True)  # before a whole line becomes a column's name
    if fault is None and not has_header:  # a ragged row or bad bytes mislead the sniffer into finding no header
        fault = csv_fault(path, delimiter, stream_checked=True)
    if fault is not None:
        raise fault
    check_header_names_every_column(path, delimiter)  # before the sniffer's verdict, which an unnamed column sways
    check_header_holds_names(path, delimiter, sniffed_header=has_header)
    check_unique_header(path, delimiter, columns)
    return CsvInput(path, delimiter, relation, con)


def empty_file(path: Path) -> InputError:
    """The error for a 0-byte input, the same from ``maskline scan`` and ``maskline mask``, with a fix that fits
    its format (a CSV with a header and no rows is accepted; a Parquet file is never 0 bytes).

    >>> print(empty_file(Path("day.csv")))
    input file is empty: 0 bytes (at day.csv). Fix: write at least the header line (the column names); a header with no rows is accepted
    >>> empty_file(Path("day.parquet")).fix
    'a Parquet file is never 0 bytes: check that its writer finished'
    """
    if path.name.lower().endswith((".parquet", ".pq")):
        fix = "a Parquet file is never 0 bytes: check that its writer finished"
    else:
        fix = "write at least the header line (the column names); a header with no rows is accepted"
    return InputError("input file is empty: 0 bytes", where=str(path), fix=fix)


def _sniff(con: Any, path: Path) -> tuple[str, bool]:
    """The delimiter DuckDB's sniffer finds with RFC 4180's quote (a comma when it finds none), and whether the
    first row is a header."""
    rows = con.execute(f"SELECT Delimiter, HasHeader FROM sniff_csv({_literal(str(path))}, {QUOTE})").fetchall()
    if not rows:
        return ",", True
    return str(rows[0][0] or ","), bool(rows[0][1])


def _unreadable(path: Path, failed: str) -> InputError:
    """The error for a file DuckDB cannot read and that shows none of the faults maskline names."""
    return InputError(f"cannot read {path.name}: {failed}", where=str(path),
                      fix="check that the file is a valid, non-empty CSV (or gzip CSV) file")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
