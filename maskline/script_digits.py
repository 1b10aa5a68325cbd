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
import unicodedata

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
