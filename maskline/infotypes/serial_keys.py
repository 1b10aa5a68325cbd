"""Keys a program numbered, not logins people chose: one prefix and a zero-padded serial number.

A ``user_id`` column read as logins by its name (``USERNAME``) may hold the keys a generator or an application
wrote for its rows: ``user_0000``, ``user_0001`` ... ``user_0999``, or ``U0001``, ``U0002``. Three marks of a
program's counter, together, tell them from handles people chose:

- one prefix for every value (letters, with or without one separator), case aside;
- the number zero-padded to one width, the padding visible (a value whose number opens with ``0``): the
  formatting of ``f"user_{i:04d}"``; people who pick a login do not pad it;
- the numbers are dense: their range is about the table's rows (at most twice them, as for row ids in
  :func:`maskline.infotypes.shape_checks.surrogate_keys`), as a counter's are.

Counted logins that are not padded (``user1``, ``user2``, as test fixtures and demo accounts are written) are not
read as keys: their width grows with the number, and this check leaves them to the name. Nor are handles that share
a prefix but not a padded counter (``dev_anna``, ``dev_42``). The refutation keeps the reading as a near miss: the
fail-closed decision masks the column as before; only the type it was given goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_KEYS = 20  # distinct values a counter is read from
PADDED_WIDTH = 3  # a zero-padded number of fewer digits (01 .. 99) is too common in chosen handles to count
_KEY = re.compile(r"([^\W\d_]{1,12}[_.-]?)([0-9]+)")


def serial_keys(values: Sequence[str], rows: int = 0) -> str | None:
    """Why ``values`` are keys a program numbered (one prefix, a zero-padded counter spanning about ``rows``), or
    None.

    >>> serial_keys([f"user_{i:04d}" for i in range(1000)], 1000)
    'serial keys: 1000 distinct values are one prefix and a number zero-padded to 4 digits, spanning 1000 of 1000 rows'
    >>> serial_keys([f"U{i:04d}" for i in range(1, 300)], 299)
    'serial keys: 299 distinct values are one prefix and a number zero-padded to 4 digits, spanning 299 of 299 rows'

    Counted logins that are not padded, handles people chose, and padded numbers drawn far apart are not:

    >>> serial_keys([f"user{i}" for i in range(1, 300)], 299) is None
    True
    >>> serial_keys(["anna_0042", "mark_0007", "dev_0911", "jsmith", "luis_m"] * 5, 25) is None
    True
    >>> serial_keys([f"user_{i:06d}" for i in range(1, 900_000, 9_000)], 100) is None
    True
    """
    distinct = {v.strip() for v in values if v.strip()}
    if len(distinct) < MIN_KEYS:
        return None
    prefixes: set[str] = set()
    widths: set[int] = set()
    numbers: set[int] = set()
    padded = False
    for v in distinct:
        m = _KEY.fullmatch(v)
        if m is None:
            return None
        prefixes.add(m.group(1).casefold())
        digits = m.group(2)
        widths.add(len(digits))
        if len(prefixes) > 1 or len(widths) > 1:
            return None
        padded = padded or digits.startswith("0")
        numbers.add(int(digits))
    width = widths.pop()
    if not padded or width < PADDED_WIDTH:
        return None
    span = max(numbers) - min(numbers) + 1
    table = max(rows, len(numbers))
    if span > 2 * table:
        return None
    return (f"serial keys: {len(distinct)} distinct values are one prefix and a number zero-padded to {width} "
            f"digits, spanning {span} of {table} rows")
