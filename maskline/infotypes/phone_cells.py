"""Phone cells as tables store them: the number the cell holds, read out of what a phone reading cannot parse.

Contact tables keep more in a phone cell than a number: an extension after it (``030 1234567 ext. 12``,
``+7 495 123-45-67 доб. 123``, ``010-1234-5678 内线 23``, ``#45``), a second number (``+44 20 7946 0018; +44 7700
900123``, ``0612345678 / 0712345678``), full-width punctuation from an East Asian input method (``０９０－１２３４
－５６７８``: the digits are read as ASCII before any reading, the ``－`` and ``（`` were not), or the digits of a
float a spreadsheet printed with every digit in upper-case scientific notation (``4.915112345678E+12``). The
readings of phone columns (the detectors, :mod:`~maskline.infotypes.phone_plans`,
:mod:`~maskline.infotypes.plus_written`) parse one number per value, so such columns were left untyped, masked only
by the fail-closed default. :func:`phone_cell` returns the first number of such a cell, written as the cell writes
it; the column is then read by the same readings, so every verdict still rests on phonenumbers' validation or on
the numbering plans' fits, never on this shape alone.

phonenumbers reads extensions itself only after ``x``, ``ext`` and a few words, and splits no cell into numbers
(its ``PhoneNumberMatcher`` finds numbers in text but not at the leniency a column reading needs, and it reads an
extension's digits as part of a national number when the cell has no ``+``): the cutting is done here, the
reading left to it.

>>> phone_cell("030 1234567 ext. 12"), phone_cell("+7 495 123-45-67 доб. 123"), phone_cell("010-1234-5678 内线 23")
('030 1234567', '+7 495 123-45-67', '010-1234-5678')
>>> phone_cell("+44 20 7946 0018; +44 7700 900123"), phone_cell("0612345678 / 0712345678")
('+44 20 7946 0018', '0612345678')
>>> phone_cell("０９０－１２３４－５６７８"), phone_cell("4.915112345678E+12")
('090-1234-5678', '4915112345678')
>>> phone_cell("0612345678") is None, phone_cell("2024/01234") is None, phone_cell("12/05/1998") is None
(True, True, True)
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# An extension after the number: the English, German, French, Spanish, Russian, Chinese and Japanese words for it,
# or "#". "x" is read by phonenumbers already, and cut here all the same, so the cell's rest is one number.
_EXTENSION = re.compile(r"\s*[,;]?\s*(?:x|ext\.?|extn\.?|extension|ext-|durchwahl|dw\.?|poste|anexo|ramal|int\.?"
                        r"|доб\.?|вн\.?|内线|內線|分机|分機|内線|转|轉|#)\s*[:.]?\s*\d{1,6}\s*$", re.IGNORECASE)
# What a phone is written with: digits, a leading + and the separators of phone groupings.
_ONE_NUMBER = re.compile(r"\+?\(?\+?\d[\d ().\-/]*\d")
# Between two numbers in one cell: a semicolon, a comma, a slash or bar with or without spaces, "or", a new line.
_BETWEEN = re.compile(r"\s*(?:[;,|\n]|\s/\s|/|\s+(?:or|o|ou|oder|или|或)\s+)\s*", re.IGNORECASE)
# A whole float printed in upper-case scientific notation with every digit (Excel keeps six; others keep all).
_SCIENTIFIC = re.compile(r"^\d\.(\d{6,15})[eE]\+?(\d{1,2})$")
MIN_DIGITS = 7  # a number's digits: fewer are an extension, a year or a serial, never a phone by themselves
MAX_DIGITS = 15  # E.164's longest


def _digit_count(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _a_number(text: str) -> bool:
    return bool(_ONE_NUMBER.fullmatch(text)) and MIN_DIGITS <= _digit_count(text) <= MAX_DIGITS


def phone_cell(value: str) -> str | None:
    """The first phone number ``value`` holds when it is stored as more than a number (an extension, a second
    number, full-width punctuation, upper-case scientific notation), or None when it is one number already or no
    phone cell (see the module).

    >>> phone_cell("(030) 1234567 #45"), phone_cell("+1 415-555-2671, +1 415-555-0199"), phone_cell("call me")
    ('(030) 1234567', '+1 415-555-2671', None)
    >>> phone_cell("1.5E+10") is None  # digits lost: no number to read
    True
    """
    text = unicodedata.normalize("NFKC", value).strip()  # full-width +, -, ( and the ideographic space
    sci = _SCIENTIFIC.match(text)
    if sci:
        if len(sci.group(1)) < int(sci.group(2)):
            return None  # the writer kept fewer digits than the number has
        return format(Decimal(text), "f")
    text = _EXTENSION.sub("", text)
    parts = [p for p in _BETWEEN.split(text) if p]
    if len(parts) > 1:
        # Every part a number: "12/05/1998" or "2024/01234" (a year and a serial) are no two phones.
        text = parts[0] if all(_a_number(p) for p in parts) else text
    if text == value.strip() or not _a_number(text):
        return None
    return text
