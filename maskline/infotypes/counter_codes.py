"""Codes a program counted for its rows, not postal codes: one prefix and a number of one width, densely counted.

Records are often keyed by a short word and a counter (``BN10001`` ... ``BN10060`` for patients, ``TH00001`` for
drugs, ``NV1042`` for staff). Several countries' postal formats are letters and four or five digits (``AZ 1000``,
``MD-2001``, the ``[A-Z]{2} ?\\d{5}`` of Google's address data), so such keys read as postal codes. A column of
them shows how it was made, and a post office does not number that way:

- one prefix (letters, with or without a separator) and one width of four digits or more for every value (the
  keys of one table share both; :mod:`maskline.infotypes.enumerated_labels` reads counters whose width varies);
- at least :data:`MIN_CODES` distinct values, each on about one row: keys, not codes many people share;
- the numbers dense: nearly every number between the least and the greatest present (:data:`COVERAGE`), over a
  range of about the table's rows. The codes of one area are a sparse few of its numbers, and the people of a table
  live in many areas.

The padding that :mod:`maskline.infotypes.serial_keys` asks of logins is not asked here: ``BN10001`` is a counter
from 10001, and people choosing a login are not the question. A postal directory that lists every code of a range
once would be read so too; the refutation drops only the type, and the fail-closed decision masks the column as a
near miss all the same.

>>> counter_codes([f"BN{10000 + i}" for i in range(1, 61)], 60)
'counted codes: 60 distinct values are one prefix and a 5-digit number, 60 of the 60 numbers between the least and the greatest present'
>>> counter_codes(["VLT 1117", "VLT 1011", "SLM 1549", "BKR 4012", "MST 1320", "VLT 1440"] * 4, 24) is None
True
>>> counter_codes([f"AZ{1000 + 7 * i}" for i in range(40)], 40) is None  # sparse: every seventh code
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_CODES = 20  # distinct values a counter is read from (a town's codes can be a short run)
MIN_WIDTH = 4  # digits: shorter numbers are left to enumerated_labels (Day12, CAP05)
COVERAGE = 0.9  # of the numbers between the least and the greatest that must be present
ROWS_PER_CODE = 1.5  # rows per distinct value at most: each key on about one row
_CODE = re.compile(r"([^\W\d_]{1,6}[ _.-]?)([0-9]+)")


def counter_codes(values: Sequence[str], rows: int = 0) -> str | None:
    """Why ``values`` are codes a program counted (see the module), or None; names statistics, never a value."""
    distinct = {v.strip() for v in values if v.strip()}
    if len(distinct) < MIN_CODES or (rows and rows > ROWS_PER_CODE * len(distinct)):
        return None
    prefix = width = None
    numbers: set[int] = set()
    for v in distinct:
        m = _CODE.fullmatch(v)
        if m is None:
            return None
        p, digits = m.group(1).casefold(), m.group(2)
        if prefix is None:
            prefix, width = p, len(digits)
        elif p != prefix or len(digits) != width:
            return None
        numbers.add(int(digits))
    if width is None or width < MIN_WIDTH:
        return None
    span = max(numbers) - min(numbers) + 1
    if len(numbers) < COVERAGE * span:
        return None
    return (f"counted codes: {len(distinct)} distinct values are one prefix and a {width}-digit number, "
            f"{len(numbers)} of the {span} numbers between the least and the greatest present")
