"""Phones written in international form without the ``+``: a calling code as the first group (``33 1 42 68 53 00``,
``49 30 1234567``), ``00`` and no separator (``0033142685300``), or a toll-free number in vanity letters
(``1-800-FLOWERS``). What is read here, and why each reading is safe to make from values alone (issue 15, the
``extcsv43`` round):

- **A calling code as the first group.** Any one or two leading digits are some country's calling code, so the cell
  alone proves nothing. What proves it is the *grouping*: the digits are grouped exactly as phonenumbers writes
  that number internationally (``+33 1 42 68 53 00``: a group of 1, then four of 2), and the number is valid, not
  merely possible, in that plan. An id, an account or a passport grouped by its own system (``45 12 345678``) does
  not fall into a plan's grouping of a valid number by chance, row after row.
- **``00`` with no separator.** A zero-padded id (``0012345678``) also opens with ``00``, so the column must hold
  valid numbers of one dominant calling code (:data:`DOMINANT`), and their national numbers must spread over their
  plan rather than count up from one start (:data:`SPREAD`): ids padded to one width share their leading digits.
- **Vanity letters.** ``1-800-FLOWERS`` is read with phonenumbers' keypad conversion, and only as a *toll-free*
  number of the North American plan: letters after other digits are product codes and gift-card codes
  (``100-ABC-1234``), which convert to no toll-free number.

Each reading needs :data:`COVER` of a column's distinct values and at least :data:`MIN_VALUES` of them, so a few
such values among ids decide nothing. Excel's lossy scientific notation (``4.91511E+12``) is not read: the cell
keeps six digits, a calling code and a prefix, which identify no one; the column is left untyped, and the
fail-closed default masks it all the same.

>>> bare_calling_code("33 1 42 68 53 00"), bare_calling_code("0049 30 1234567"), bare_calling_code("1-800-FLOWERS")
('+33142685300', '+49301234567', '+18003569377')
>>> bare_calling_code("45 12 345678") is None, bare_calling_code("2024 0001") is None  # a passport, a serial
(True, True)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MIN_VALUES = 20  # distinct values a column needs before its form can decide
COVER = 0.8  # share of the distinct values that must be read as numbers in one of the forms
DOMINANT = 0.6  # share of the unspaced ``00`` numbers that must share one calling code
SPREAD = 0.5  # distinct national numbers' 4th-to-6th digits, as a share of the numbers (ids share them)
CHANCE = 0.02  # how often a value not a phone is read by these forms (grouping and validity, or code and spread)

# A calling code as the first group (optionally after "00"), then groups of digits.
_GROUPED = re.compile(r"^(?:00[ .\-]?)?(\d{1,3})(?:[ .\-]\d{1,8}){1,6}$")
_UNSPACED = re.compile(r"^00([1-9]\d{7,14})$")
# A vanity number: a North American toll-free number with keypad letters in its last groups.
_VANITY = re.compile(r"^(?:\+?1[ .\-]?)?\(?8\d\d\)?[ .\-]?[A-Z0-9]{3}[ .\-]?[A-Z0-9]{4,6}$")


@dataclass(frozen=True)
class BareFit:
    """How a column of numbers written without their ``+`` reads: the form, the numbers checked and read."""

    form: str  # "grouped", "unspaced-00" or "vanity"
    checked: int
    validated: int


def _grouped(value: str) -> str | None:
    """The E.164 number of ``value`` when it is grouped as phonenumbers writes that valid number internationally."""
    import phonenumbers

    if not _GROUPED.match(value):
        return None
    body = value[2:].lstrip(" .-") if value.startswith("00") else value
    digits = re.sub(r"\D", "", body)
    try:
        num = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    written = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if [len(g) for g in re.split(r"[ .\-]", body)] != [len(g) for g in re.split(r"\D+", written.lstrip("+"))]:
        return None
    return "+" + digits


def _unspaced(value: str) -> str | None:
    import phonenumbers

    m = _UNSPACED.match(value)
    if m is None:
        return None
    try:
        num = phonenumbers.parse("+" + m.group(1), None)
    except phonenumbers.NumberParseException:
        return None
    return "+" + m.group(1) if phonenumbers.is_valid_number(num) else None


def _vanity(value: str) -> str | None:
    import phonenumbers

    if not _VANITY.match(value) or sum(c.isalpha() for c in value) < 3:
        return None
    digits = re.sub(r"\D", "", phonenumbers.convert_alpha_characters_in_number(value))
    try:
        num = phonenumbers.parse(digits, "US")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num) or \
            phonenumbers.number_type(num) != phonenumbers.PhoneNumberType.TOLL_FREE:
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


_READERS = {"grouped": _grouped, "unspaced-00": _unspaced, "vanity": _vanity}


def bare_calling_code(value: str) -> str | None:
    """The E.164 number ``value`` writes without its ``+`` (in any of the module's forms), else None. One cell's
    reading: a column is decided by :func:`bare_calling_code_fit`.

    >>> bare_calling_code("39 312 477 7566"), bare_calling_code("39 3124 777 566")  # Italy's grouping, then not
    ('+393124777566', None)
    >>> bare_calling_code("0033612345678"), bare_calling_code("1-888-GO-FEDEX") is None
    ('+33612345678', True)
    """
    v = value.strip()
    for read in _READERS.values():
        number = read(v)
        if number is not None:
            return number
    return None


def bare_calling_code_fit(values: Sequence[str]) -> BareFit | None:
    """Whether a column's distinct ``values`` are phones written without their ``+`` (see the module): the form most
    of them take, or None.

    >>> import phonenumbers, random
    >>> rng = random.Random(2)
    >>> nums = [phonenumbers.parse(f"+3361{rng.randint(0, 9999999):07d}") for _ in range(40)]
    >>> written = [phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)[1:] for n in nums]
    >>> bare_calling_code_fit(written).form
    'grouped'
    >>> bare_calling_code_fit([f"00{rng.randint(10**10, 2 * 10**10)}" for _ in range(40)]) is None  # padded ids
    True
    """
    distinct = sorted({v.strip() for v in values if v and v.strip()})
    if len(distinct) < MIN_VALUES:
        return None
    for form, read in _READERS.items():
        # A cheap shape test first: the readers parse, and most columns are no such phones.
        shaped = [v for v in distinct if (_GROUPED if form == "grouped" else _UNSPACED if form == "unspaced-00"
                                          else _VANITY).match(v)]
        if len(shaped) < COVER * len(distinct):
            continue
        read_as = [n for n in (read(v) for v in shaped) if n is not None]
        if len(read_as) < COVER * len(distinct):
            continue
        if form == "unspaced-00" and not _spread_of_one_code(read_as):
            continue
        return BareFit(form, len(distinct), len(read_as))
    return None


def _spread_of_one_code(numbers: Sequence[str]) -> bool:
    """Whether E.164 ``numbers`` mostly share one calling code and spread over its plan (see the module)."""
    import phonenumbers

    parsed = [phonenumbers.parse(n) for n in numbers]
    code, count = Counter(p.country_code for p in parsed).most_common(1)[0]
    if count < DOMINANT * len(parsed):
        return False
    nsns = [phonenumbers.national_significant_number(p) for p in parsed if p.country_code == code]
    return len({n[3:6] for n in nsns}) >= SPREAD * len(nsns)
