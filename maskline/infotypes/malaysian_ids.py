"""Malaysia's MyKad number (NRIC, Nombor Kad Pengenalan), checked as python-stdnum's ``my.nric`` checks it.

Twelve digits, written ``YYMMDD-PB-###G``: the holder's birth date, a birthplace code (a state, or a country for
those born abroad) and a serial whose last digit is odd for men. There is no check digit; what a random number fails
is the date (about 1 in 8 for the day and month) and the birthplace (stdnum's list holds about half of the two-digit
codes). Measured on 100,000 random twelve-digit strings: 3.1% pass.

Ours rather than ``stdnum.my.nric.is_valid`` (about 65 us a call, as it cleans the number and searches its number
database each time): a column of twelve-digit numbers (barcodes, order and account numbers) may be read whole. The
same rules, written out (a test compares them with stdnum's on random numbers): the date first (most random numbers
fail it), then each birthplace code looked up once per process in stdnum's list (a public code list, never a value).

On ``extcsv12``'s probe a Malaysian clinic's patients' MyKad numbers under ``pat_ic`` were masked but untyped
("leading zeros"): ``ic`` alone is no hint (:mod:`maskline.infotypes.name_hints_seasia`), so the values decide.

>>> mykad("990502-01-5479"), mykad("990502015479"), mykad("000709011234"), mykad("991302015479")
(True, True, True, False)
>>> mykad("990502005479"), mykad("99050201547"), mykad("99O502015479")
(False, False, False)
"""

from __future__ import annotations

from functools import cache

from maskline.infotypes.century_dates import is_century_date

_SEPARATORS = str.maketrans("", "", " -")


@cache
def _birthplace(code: str) -> bool:
    """Whether python-stdnum's list of birthplaces has ``code`` (two digits), as its ``my.nric`` asks."""
    from stdnum import numdb

    return bool(numdb.get("my/bp").info(code)[0][1])


def _birth_date(number: str) -> bool:
    """Whether the first six digits are a date as stdnum reads them (YYMMDD in the 1900s or, failing that, the
    2000s)."""
    return is_century_date(int(number[0:2]), int(number[2:4]), int(number[4:6]))


def mykad(value: str) -> bool:
    """Whether ``value`` (spaces and dashes allowed between digits) is a valid MyKad number.

    >>> mykad("770305-02-1234"), mykad("770345021234")
    (True, False)
    """
    number = value.strip()
    if not number.isdigit():  # most values are bare digits: the separators are taken out only when there are any
        number = number.translate(_SEPARATORS)
    if len(number) != 12 or not number.isascii() or not number.isdigit():
        return False
    return _birth_date(number) and _birthplace(number[6:8])
