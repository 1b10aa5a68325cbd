"""Invisible format characters (Unicode category Cf) read as absent: ``ann\\u200b@example.org`` is an e-mail.

A zero-width space (U+200B), a zero-width (non-)joiner (U+200C/D), a word joiner (U+2060), a byte-order mark
(U+FEFF), a soft hyphen (U+00AD) or a bidirectional control written inside an e-mail, a phone, a card or an IBAN
shows nothing on screen and is lost in copying, but it splits the value for a pattern. The class here is Unicode's
own, every character of category Cf as :mod:`unicodedata` knows it (not a list of the ones seen in the wild), so a
reading without them is the value as a reader sees it. A module with no imports of the package, like
:mod:`maskline.script_digits`, so the SQL side (:mod:`maskline.sql.scrub_reading`) and any Python reader share it.

>>> without_format_chars("ann\\u200b@example.org"), without_format_chars("4111\\u20601111")
('ann@example.org', '41111111')
>>> t = "plain text"; without_format_chars(t) is t
True
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache


@cache
def format_char_ranges() -> tuple[tuple[str, str], ...]:
    """The runs of consecutive code points of category Cf, as (first, last) pairs in code-point order; ASCII holds none.

    >>> ranges = format_char_ranges(); ranges[0]
    ('\\xad', '\\xad')
    >>> all(any(a <= c <= b for a, b in ranges) for c in "\\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad\\u202e")
    True
    >>> any(a <= c <= b for a, b in ranges for c in " \\u00a0\\t\\n\\u3000")  # spaces and controls are no Cf
    False
    """
    runs: list[list[str]] = []
    for point in range(0x80, sys.maxunicode + 1):
        c = chr(point)
        if unicodedata.category(c) != "Cf":
            continue
        if runs and point == ord(runs[-1][1]) + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return tuple((a, b) for a, b in runs)


@cache
def _format_char_regex() -> re.Pattern[str]:
    return re.compile("[" + "".join(a if a == b else f"{a}-{b}" for a, b in format_char_ranges()) + "]")


def without_format_chars(text: str) -> str:
    """``text`` without its format characters (category Cf); ``text`` itself when it has none (an ASCII text is
    answered without a search).

    >>> without_format_chars("DE89\\u00ad3704\\ufeff0044"), without_format_chars("m² ①")
    ('DE8937040044', 'm² ①')
    """
    if text.isascii():
        return text
    return _format_char_regex().sub("", text)
