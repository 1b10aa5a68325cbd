"""The text as the span rules read it: letters of scripts without word spaces end a token, full-width forms and
the decimal digits of every script are ASCII.

The span rules (:mod:`maskline.text.spans`) keep a match from starting or ending inside a longer token with
look-arounds on ``\\w``. That is right for scripts that put spaces between words, and wrong for the ones that do
not: Japanese, Chinese and Thai run words together, and Korean attaches its particles, so a phone or an e-mail
address there touches the letters around it (``折り返しは090-1234-5678まで``, ``kim@example.kr로``). To ``\\w``
those letters are word characters, so the phone was not found at all and the e-mail swallowed the words before it.
Japanese and Chinese text also writes digits, letters and punctuation in full width (``０９０－１２３４``), which
the rules' ``\\d`` and ``-`` read only in part.

:func:`span_text` gives the text the rules search instead, of the same length character for character, so the
spans it yields are the spans of the original text:

- a letter of Japanese, Chinese, Korean, Thai, Lao, Myanmar or Khmer becomes ``\\x07``, a character that is
  neither a word character, a space nor any separator a rule accepts inside a value (a boundary, not a gap);
- a full-width form (U+FF01-FF5E) becomes its ASCII character, and the ideographic space a space;
- a decimal digit of any script (Arabic-Indic ``٠٥٠``, Persian ``۰۹۱``, Devanagari ``९८७``, Thai ``๐๘๑``...)
  becomes its ASCII digit (:mod:`maskline.script_digits`), so the rules' patterns and validators read a phone,
  a card or an SSN written in them as they read it in ASCII. Thai, Lao, Myanmar and Khmer digits lie in those
  scripts' letter ranges: they are read as digits first, never as boundaries.

Nothing else changes, and text without such characters comes back as the same object.

:func:`wide_folded` gives the text with its full-width forms read as ASCII and its letters kept: the scrubber
also searches that reading, for what only the letters make (a cue such as ``電話`` or ``口座番号`` before a
full-width number, an e-mail at a Japanese domain). Its digits are ASCII too.

>>> span_text("折り返しは090-1234-5678まで").replace("\\x07", "_")
'_____090-1234-5678__'
>>> span_text("電話０９０－１２３４－５６７８").replace("\\x07", "_")
'__090-1234-5678'
>>> span_text("هاتف: ٠٥٠١٢٣٤٥٦٧"), span_text("โทร ๐๘๑๒๓๔๕๖๗๘").replace("\\x07", "_")
('هاتف: 0501234567', '___ 0812345678')
>>> t = "plain ascii"; span_text(t) is t
True
"""

from __future__ import annotations

import re

from maskline.lazy_regex import LazyRegex
from maskline.script_digits import ascii_digits
from maskline.unspaced_scripts import UNSPACED_LETTERS

BOUNDARY = "\x07"  # BEL: not \w, not \s, in no rule's separator class, and never in text a rule should match
_WIDE_FORMS = "\u3000\uff01-\uff5e"  # the ideographic space and the full-width forms of ASCII
_UNSPACED = LazyRegex(f"[{UNSPACED_LETTERS}]")
_WIDE = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "})
_NEEDS_READING = LazyRegex(f"[{UNSPACED_LETTERS}{_WIDE_FORMS}]")
_HAS_WIDE = re.compile(f"[{_WIDE_FORMS}]")


def span_text(text: str, *, digits: bool = True) -> str:
    """``text`` as the span rules read it, of the same length: see the module's docstring. ``digits=False`` leaves
    the digits of other scripts as written (the reading before they were read as ASCII).

    >>> span_text("kim@example.kr로").replace("\\x07", "_"), span_text("ＩＤ：ＡＢ１２")
    ('kim@example.kr_', 'ID:AB12')
    >>> span_text("tel ٠٥٠"), span_text("tel ٠٥٠", digits=False)
    ('tel 050', 'tel ٠٥٠')
    """
    if text.isascii():  # the usual log line: nothing to read otherwise
        return text
    # Digits first: Thai, Lao, Myanmar and Khmer digits lie in _UNSPACED's ranges.
    read = ascii_digits(text) if digits else text
    if _NEEDS_READING.search(read) is None:
        return read
    return _UNSPACED.sub(BOUNDARY, read.translate(_WIDE))


def wide_folded(text: str, *, digits: bool = True) -> str:
    """``text`` with its full-width forms, ideographic spaces and (unless not ``digits``) decimal digits in ASCII, its
    letters as written; same length.

    >>> wide_folded("電話０９０１２３４５６７８"), wide_folded("口座番号は1234567"), wide_folded("โทร ๐๘๑")
    ('電話09012345678', '口座番号は1234567', 'โทร 081')
    """
    if text.isascii():
        return text
    if digits:
        text = ascii_digits(text)
    return text.translate(_WIDE) if _HAS_WIDE.search(text) else text
