"""Numbers a spreadsheet was told to keep as text: a leading apostrophe (``'0183``, ``'+27 83 660 2217``).

Excel, LibreOffice and Google Sheets read a cell that opens with ``'`` as text and hide the mark. Exports
written for them put it into the file before postal codes, phones and long ids, so that a spreadsheet keeps their
leading zeros and all their digits: Shopify's customer and order exports write ``'4001``, ``'03145415648`` and
``'7985351721238``, and many CRM and shop exports copy them. The mark is no part of the value, and the
detectors, which read ``'0183`` as written, found no postal code and no phone in such a column.

The classifier's detectors read a marked number without its mark (:func:`without_text_marks`). Only a mark
before a number is read away: digits, written with the spaces, dashes, dots, slashes, brackets and leading plus
of phones and codes. An apostrophe before letters (``'90s``, ``'t Hooft``) is text and stays. What the
fail-closed decision reads of a column without an info type (its shape, its proven-safe kind) is read from the
values as written, which is what the query path's shape guard (:mod:`maskline.sql.shape_guard`) sees.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from operator import methodcaller
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from maskline.classify.values import ColumnValues

# A spreadsheet's text mark, then a number as phones, postal codes and ids are written (a digit first, or a plus
# or an opening bracket before one), to the end of the value.
_MARKED_NUMBER = re.compile(r"\A'(?=[+(]?[0-9][0-9 ()./-]*\Z)")
_OPENS_WITH_MARK = methodcaller("startswith", "'")


def unmarked(value: str) -> str:
    """``value`` without a spreadsheet's text mark before a number; any other value as it is.

    >>> unmarked("'0183"), unmarked("'+92 324 6074596"), unmarked("'(021) 555-0100")
    ('0183', '+92 324 6074596', '(021) 555-0100')
    >>> unmarked("'90s"), unmarked("'t Hooft"), unmarked("O'Brien"), unmarked("''12"), unmarked("'")
    ("'90s", "'t Hooft", "O'Brien", "''12", "'")
    """
    return _MARKED_NUMBER.sub("", value, count=1) if value[:1] == "'" else value


def without_text_marks(column: ColumnValues) -> ColumnValues:
    """``column`` with its values read without a spreadsheet's text mark before a number (:func:`unmarked`);
    values that read alike merge, their counts added. A column none of whose values opens with ``'`` (nearly
    every column) comes back as it is.

    >>> from maskline.classify.values import from_python
    >>> col = without_text_marks(from_python(["'4001", "4001", "'0183", "'t Hooft", None]))
    >>> col.values, col.counts, col.nulls
    (('4001', '0183', "'t Hooft"), (2, 1, 1), 1)
    >>> plain = from_python(["4001", "0183"]); without_text_marks(plain) is plain
    True
    """
    # map() over a C method: a column of unmarked values costs about 30 ns a value.
    if not any(map(_OPENS_WITH_MARK, column.values)):
        return column
    merged: Counter[str] = Counter()
    for value, count in zip(column.values, column.counts, strict=True):
        merged[unmarked(value)] += count
    return replace(column, values=tuple(merged), counts=tuple(merged.values()))
