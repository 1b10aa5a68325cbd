"""Decimal digits of every script read as ASCII digits: ``٠٥٠١٢٣٤٥٦٧`` (Arabic-Indic) is ``0501234567``.

Phones, cards, SSNs and IBANs are written in the digits of the writer's script: Arabic-Indic (U+0660-0669),
Persian (U+06F0-06F9), Devanagari (U+0966-096F), Bengali, Thai and some sixty more. Their validators
(Luhn, mod-97, numbering plans) and patterns read ASCII digits, so a value in other digits was found by neither.
NFKC does not help: it maps full-width digits, not these. The rule here is Unicode's own: a character of
category Nd (``str.isdecimal()``, the characters ``re``'s ``\\d`` takes) has a decimal value 0-9
(``unicodedata.decimal``), and reads as that ASCII digit. One code point becomes one code point, so offsets and
spans in the reading are those of the text as written.

The text scrubber (:mod:`maskline.text.span_text`) and the classifier
(:func:`maskline.classify.values.with_ascii_digits`) read values through :func:`ascii_digits`. A module with no
imports of the package, so either imports it without the other.

>>> ascii_digits("هاتف: ٠٥٠١٢٣٤٥٦٧"), ascii_digits("फ़ोन ९८७६५४३२१०"), ascii_digits("tel ۰۹۱۲")
('هاتف: 0501234567', 'फ़ोन 9876543210', 'tel 0912')
>>> t = "tel 0501234567"; ascii_digits(t) is t
True
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

# A decimal digit (Unicode category Nd) other than 0-9: superscripts (²) and circled digits (①) are not Nd.
_OTHER_DIGIT = re.compile(r"[^\D0-9]")
_ASCII_DIGITS = "0123456789"


def _as_ascii(m: re.Match[str]) -> str:
    return _ASCII_DIGITS[unicodedata.decimal(m[0])]


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a decimal digit other than ASCII's (``٣``, ``३``, ``３``); an ASCII text never does.

    >>> has_other_digits("٢٠٢٤"), has_other_digits("2024"), has_other_digits("m² ①")
    (True, False, False)
    """
    return not text.isascii() and _OTHER_DIGIT.search(text) is not None


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script as its ASCII digit, of the same length; ``text`` itself
    when it has none (an ASCII text is answered without a search: the log filter's usual line).

    >>> ascii_digits("SSN ١٢٣-٤٥-٦٧٨٩"), ascii_digits("๐๘๑ ๒๓๔ ๕๖๗๘"), ascii_digits("０９０")
    ('SSN 123-45-6789', '081 234 5678', '090')
    """
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(_as_ascii, text)


@cache
def other_digits_by_value() -> tuple[str, ...]:
    """Every decimal digit (category Nd) other than ASCII's, grouped by value: item ``d`` holds the digits that read as
    ``str(d)``, in code-point order. The table SQL folds digits by (:mod:`maskline.sql.ascii_digits`), built from
    ``unicodedata`` as :func:`ascii_digits` reads them, so Python and SQL agree on every script this Python knows.

    >>> zeros = other_digits_by_value()[0]; "٠" in zeros, "۰" in zeros, "०" in zeros, "０" in zeros, "0" in zeros
    (True, True, True, True, False)
    >>> all(ascii_digits(c) == str(d) for d, digits in enumerate(other_digits_by_value()) for c in digits)
    True
    """
    by_value: list[list[str]] = [[] for _ in range(10)]
    for point in range(0x80, sys.maxunicode + 1):  # ASCII holds no digit but 0-9
        c = chr(point)
        if c.isdecimal():
            by_value[unicodedata.decimal(c)].append(c)
    return tuple("".join(digits) for digits in by_value)


@cache
def other_digit_ranges() -> tuple[tuple[str, str], ...]:
    """The runs of consecutive code points that :func:`other_digits_by_value` holds, as (first, last) pairs, in
    code-point order: Unicode encodes each script's digits 0 to 9 in a row, so a few dozen ranges name them all.

    >>> other_digit_ranges()[0]
    ('٠', '٩')
    >>> sum(ord(b) - ord(a) + 1 for a, b in other_digit_ranges()) == sum(map(len, other_digits_by_value()))
    True
    """
    runs: list[list[str]] = []
    for c in sorted("".join(other_digits_by_value())):
        if runs and ord(c) == ord(runs[-1][1]) + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return tuple((a, b) for a, b in runs)
