"""Refuse a CSV whose first row is data, or repeats a name: its cells would become column names, and names are
shown.

maskline reads a CSV's first row as its header, and a column's name is
structure: it is printed in the plan, named in errors and lineage, and written
as the masked file's header, none of which masks it. A file without a header
row would so pass its first record raw into every one of those places. It is
refused before any name is used, by what the file shows, not by its values'
text:

- DuckDB's sniffer finds no header: the first row has the types of the rows
  below (``1,1985-07-21`` over more of the same);
- or a cell of the first row is itself a value the core's validated detectors
  recognise (an e-mail address, a card number that passes Luhn, an IBAN that
  passes mod-97; :data:`PROOF`). Names, handles, postcodes and the other
  detectors that ordinary header words can pass (``Mark``, ``nickname``,
  ``E11``) do not count.

The error gives the line and the column's position, never the cell.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("id,email\\n1,ann@example.com\\n")
>>> check_header_holds_names(p, ",", sniffed_header=True)
>>> _ = p.write_text("id,ann@example.com\\n2,bo@example.org\\n")
>>> check_header_holds_names(p, ",", sniffed_header=True)
Traceback (most recent call last):
...
maskline.errors.InputError: the first row looks like data, not a header: column 2 holds a value maskline detects as EMAIL (at ...t.csv, line 1). Fix: add a header row that names the columns: maskline writes the first row out as names, unmasked
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from maskline.engine.csv_bytes import open_csv_text
from maskline.errors import InputError

HEADER_FIX = "add a header row that names the columns: maskline writes the first row out as names, unmasked"
# The types whose detectors prove a cell is a value by its structure or a check digit: no header word is an
# e-mail address, a card number that passes Luhn or an IBAN that passes mod-97. An allow-list, because the other
# detectors accept ordinary header words: names (Mark, Chase), handles (nickname), postcodes, ICD-10 codes (E11),
# street names, coordinates and URLs can all be column names.
PROOF = frozenset({
    "EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "NATIONAL_ID", "PHONE", "IP_ADDRESS", "MAC_ADDRESS", "JWT", "API_KEY",
    "PRIVATE_KEY", "CONNECTION_STRING", "FREE_TEXT_WITH_PII",
})


def header_cells(src: Path, delimiter: str) -> list[str]:
    """The cells of the file's first row, as written.

    >>> import pathlib, tempfile; p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("id;e mail\\n1;x\\n")
    >>> header_cells(p, ";")
    ['id', 'e mail']
    """
    with open_csv_text(src, errors="replace") as f:
        return next(csv.reader(f, delimiter=delimiter), [])


def check_unique_header(src: Path, delimiter: str, columns: Sequence[str]) -> None:
    """Refuse a CSV whose header repeats a name: DuckDB renames the copy, which the policy then never matches.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("id,email,email\\n1,a,b\\n")
    >>> check_unique_header(p, ",", ["id", "email", "email_1"])
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: the header repeats the column name 'email' (columns 2 and 3) (at ...t.csv). Fix: rename one of them; a renamed copy would not match the policy's rules
    """
    header = header_cells(src, delimiter)
    if len(header) != len(columns):
        return  # DuckDB found another layout (comment lines, no header): its own names stand
    seen: dict[str, int] = {}
    for i, raw in enumerate(header, 1):
        name = raw.strip().lower()
        if name in seen:
            shown = repr(raw.strip()) if raw.strip().isidentifier() else "(a name that is not an identifier)"
            raise InputError(f"the header repeats the column name {shown} (columns {seen[name]} and {i})",
                             where=str(src), fix="rename one of them; a renamed copy would not match the "
                                                 "policy's rules")
        seen[name] = i


def check_header_names_every_column(src: Path, delimiter: str) -> None:
    """Refuse a CSV whose first line is blank, or whose header leaves a column without a name.

    DuckDB makes a name up for such a column (``column2``), which the policy's rules never name and the masked
    file's header would carry; a blank first line had it read the header row again as a record, and a header
    with a trailing delimiter was reported as a first row of data. The error names the column's position.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"; _ = p.write_text("id,email,\\n1,a@b.c,x\\n")
    >>> check_header_names_every_column(p, ",")
    Traceback (most recent call last):
    ...
    maskline.errors.InputError: column 3 of the header has no name (at ...t.csv, line 1). Fix: name every column on the first line (a trailing delimiter makes an unnamed last column): the policy's rules and the masked file's header go by name
    """
    cells = [cell.strip() for cell in header_cells(src, delimiter)]
    where = f"{src}, line 1"
    if not any(cells):
        raise InputError("the first line is blank, so the file has no header row", where=where,
                         fix="put the header row (the column names) on the first line, with no blank line above it")
    for i, cell in enumerate(cells, 1):
        if not cell:
            raise InputError(f"column {i} of the header has no name", where=where,
                             fix="name every column on the first line (a trailing delimiter makes an unnamed last "
                                 "column): the policy's rules and the masked file's header go by name")


def check_header_holds_names(src: Path, delimiter: str, *, sniffed_header: bool) -> None:
    """Raise :class:`InputError` when the first row of ``src`` is a record rather than column names.

    ``sniffed_header`` is DuckDB's verdict (``sniff_csv``'s ``HasHeader``).
    """
    where = f"{src}, line 1"
    if not sniffed_header:
        raise InputError("the first row looks like data, not a header: its values have the types of the rows "
                         "below", where=where, fix=HEADER_FIX)
    try:
        from maskline.infotypes.detectors import detect_value_among
    except ImportError:  # pragma: no cover - the detectors ship with the core
        return
    for i, cell in enumerate(header_cells(src, delimiter), 1):
        # Only PROOF types count, so only their detectors need to run on a header word (see detect_value_among).
        found = detect_value_among(cell.strip(), PROOF) if cell.strip() else None
        if found is not None:
            raise InputError(f"the first row looks like data, not a header: column {i} holds a value maskline "
                             f"detects as {found}", where=where, fix=HEADER_FIX)
