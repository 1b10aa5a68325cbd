"""A phone's national trunk prefix written as its own group before the number: masked with the number.

Russia, Belarus and Kazakhstan dial ``8`` before a national number (``8 916 123-45-67``), North America ``1``
(``1 415 555 2671``), Hungary ``06``. The phone rules (:mod:`maskline.text.spans`) find the groups after it, whose
first one has two digits or more, so on their own they left the trunk in clear beside the mask (``8 [PHONE]``):
the trunk and the rest are one number, and the trunk tells its country.

Here a phone span is widened over a group of one or two digits right before it (a space, dot or dash between, no
longer number around it) when that group is a trunk prefix of some numbering plan, as phonenumbers' metadata writes
it (:func:`~maskline.infotypes.validators.phone_trunk_group`, not a list of countries), and the digits with it
are a valid number in a plan that dials that prefix. A number of one plan after an unrelated digit stays as it was
("8 030 1234567": no plan dials ``8`` before a ``0``).

>>> text = "моб. 8 916 123-45-67"
>>> text[trunk_start(text, 7, len(text)):]
'8 916 123-45-67'
>>> trunk_start("room 8 030 1234567", 7, 18)
7
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# A group of one or two digits ending right before the span, a separator between: the group may not continue a
# longer token on its left (a letter, digit, point, comma, slash, plus or dash there: "v1.8 916 123-45-67").
_BEFORE = re.compile(r"(?<![\w.,/+-])(\d{1,2})[ .-]\Z")
_LOOK_BACK = 4  # characters before a span that can hold the group and its separator


def trunk_start(text: str, start: int, end: int) -> int:
    """Where the phone at ``text[start:end]`` begins once the trunk prefix written before it is taken: ``start``
    itself when there is none.

    >>> text = "call 1 415 555 2671 now"
    >>> text[trunk_start(text, 7, 19):19]
    '1 415 555 2671'
    >>> trunk_start("qty 3 415 555 2671", 6, 18)  # no plan dials 3 before its numbers
    6
    """
    if start < 2 or not text[start - 2].isdigit():
        return start
    m = _BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    if m is None or m.end() != start:
        return start
    return m.start() if _with_trunk()(text[m.start():end]) else start


@cache
def _with_trunk() -> Callable[[str], bool]:
    """The check, imported on first use (the validators cost 150 ms to import, and the log filter starts without
    them), its answers keyed by a salted digest: the cache never holds the number (maskline.infotypes.answer_memo)."""
    from maskline.infotypes.answer_memo import remembered
    from maskline.infotypes.validators import phone_trunk_group

    return remembered(phone_trunk_group)
