"""A country's postal-code format without its allocation lists: the letters-and-digits skeleton people recognise.

Google's formats say which codes a post office has *allocated*: the UK's outward code opens with one of about 120
postcode areas (``SW``, ``EH``, ``B``) and its inward letters skip ``CIKMOV``; Canada's first letter skips
``DFIOQUWZ``. A code outside those lists (a new area, a test fixture, synthetic or masked data, a typo) keeps the
format's shape and is still read as a postcode by anyone who sees it: ``QO0L 6PM`` is a UK postcode's shape, and
under a ``zip`` column it is one. The skeleton of a format keeps its structure (where letters, digits and the
space go) and widens only the lists:

- a character class of ten letters or more (``[ABD-HJLN-UW-Z]``, an "almost any letter" allocation) becomes
  ``[A-Z]``; a short class (``[HLMS]``, four letters) is the format itself and stays;
- an alternation of twenty letter literals or more (the UK's postcode areas) becomes ``[A-Z]{1,2}`` (the
  literals' lengths); short alternations (``ASCN|STHL``) stay.

>>> skeleton(r"[ABCEGHJKLMNPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d")
'[A-Z]\\\\d[A-Z] ?\\\\d[A-Z]\\\\d'
>>> skeleton(r"[HLMS]\\d{3}")
'[HLMS]\\\\d{3}'
"""

from __future__ import annotations

import re

MIN_CLASS_LETTERS = 10  # a class this wide is an allocation (letters minus confusables), not the format
MIN_ALTERNATIVES = 20  # an alternation this long is a list of allocated areas

_LETTER_CLASS = re.compile(r"\[((?:[A-Z](?:-[A-Z])?)+)\]")
_LETTER_ALTERNATION = re.compile(r"\(\?:((?:[A-Z]+\|)+[A-Z]+)\)")


def _class_size(body: str) -> int:
    """The letters a class body such as ``A-HJ-NP-Z`` holds.

    >>> _class_size("A-HJ-NP-Z"), _class_size("HLMS")
    (24, 4)
    """
    return sum(ord(m.group(2) or m.group(1)) - ord(m.group(1)) + 1 for m in re.finditer(r"([A-Z])(?:-([A-Z]))?", body))


def _widen_class(m: re.Match[str]) -> str:
    return "[A-Z]" if _class_size(m.group(1)) >= MIN_CLASS_LETTERS else m.group(0)


def _widen_alternation(m: re.Match[str]) -> str:
    literals = m.group(1).split("|")
    if len(literals) < MIN_ALTERNATIVES:
        return m.group(0)
    low, high = min(map(len, literals)), max(map(len, literals))
    return f"[A-Z]{{{low},{high}}}" if low < high else f"[A-Z]{{{low}}}"


def skeleton(fmt: str) -> str:
    """The format ``fmt`` (a regular expression) with its allocation lists widened to any letter.

    >>> skeleton(r"(?:(?:AB|AL|B|BA|BB|BD|BF|BH|BL|BN|BR|BS|BT|BX|CA|CB|CF|CH|CM|CO|CR)(?:\\d ?\\d[ABD-HJLN-UW-Z]{2}))")
    '(?:[A-Z]{1,2}(?:\\\\d ?\\\\d[A-Z]{2}))'
    """
    return _LETTER_CLASS.sub(_widen_class, _LETTER_ALTERNATION.sub(_widen_alternation, fmt))
