"""Dates written with a two-digit year, as national identity numbers write their holder's birth date.

python-stdnum reads such a year in the 1900s or, failing that, the 2000s (29 February 00 is 2000's); the
identity-number checks here (:mod:`maskline.infotypes.indonesian_ids`, :mod:`maskline.infotypes.malaysian_ids`)
read it the same way, so their answers agree with stdnum's.

>>> is_century_date(85, 7, 21), is_century_date(0, 2, 29), is_century_date(99, 2, 29), is_century_date(85, 13, 1)
(True, True, False, False)
"""

from __future__ import annotations

import datetime


def is_century_date(year: int, month: int, day: int) -> bool:
    """Whether day ``day`` of month ``month`` of the two-digit ``year`` is a date in 19YY or, failing that, 20YY.

    >>> is_century_date(77, 3, 5)
    True
    """
    for century in (1900, 2000):
        try:
            datetime.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False
